/**
 * Building the model and running the rules stays linear in the number of resources: lookups that walked
 * every function, proxy, prefix or property for each item made templates with thousands of them quadratic.
 * Work is counted where it can be; elsewhere a shape that took tens of seconds must finish in a few.
 */
import { describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type TemplateModel } from '../../../src/core/model/template.js';
import { buildTemplateModel } from '../../../src/core/parse/cloudformation/build.js';
import { BuildContext } from '../../../src/core/parse/cloudformation/context.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { getIn, type MapEntry, type MapNode, type ScalarNode } from '../../../src/core/parse/document/tree.js';
import { buildServerlessModel } from '../../../src/core/parse/serverless/build.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { testPythonReader } from '../../support/python-reader.js';
import rdsRule from '../../../src/core/rules/rds/lambda-without-proxy.js';
import { type Report, type Rule } from '../../../src/core/rules/rule.js';
import sqsRule from '../../../src/core/rules/sqs/visibility-timeout.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

/** The array, and how many of its items have been read through it. */
function counting<T>(items: T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { items: proxy, reads: () => reads };
}

/** Replaces an entry's scalar value by one that counts how often its text is read. */
function countingValue(entry: MapEntry): () => number {
  let reads = 0;
  entry.value = new Proxy(entry.value as ScalarNode, {
    get(target, property, receiver) {
      if (property === 'value') reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return () => reads;
}

/** Runs one rule's visitors over a model, with `model` as the rule's context. */
function run(rule: Rule, model: TemplateModel): Report[] {
  const reports: Report[] = [];
  const visitors = rule.create({ model, config, report: (r) => reports.push(r) });
  for (const queue of model.queues) visitors.SqsQueue?.(queue);
  for (const fn of model.functions) visitors.LambdaFunction?.(fn);
  return reports;
}

describe('rules', () => {
  test("sqs/visibility-timeout finds each queue's consumers in one pass over the functions", () => {
    const count = 300;
    const resources: string[] = [];
    for (let i = 0; i < count; i++) {
      resources.push(`  Queue${i}:\n    Type: AWS::SQS::Queue`);
      resources.push(
        `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n      Timeout: 60\n      Events:\n        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Queue${i}.Arn}}`,
      );
    }
    const model = analyzeText({ uri: 'template.yaml', text: `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('\n')}\n` }, config).model!;
    const functions = counting(model.functions);
    const reports = run(sqsRule, { ...model, functions: functions.items });
    expect(reports).toHaveLength(count);
    expect(reports[7]!.data).toMatchObject({ function: 'Fn7', timeout: 60, visibility: 30 });
    // A walk over the functions per queue reads 90,000 of them.
    expect(functions.reads()).toBeLessThanOrEqual(2 * count);
  });

  test('rds/lambda-without-proxy finds the proxies of a database without a walk over all proxies per function', () => {
    const count = 200;
    const resources: string[] = [];
    for (let i = 0; i < count; i++) {
      resources.push(
        `  Db${i}:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: postgres}`,
        `  Proxy${i}:\n    Type: AWS::RDS::DBProxy\n    Properties: {DBProxyName: p${i}, EngineFamily: POSTGRESQL}`,
        `  Targets${i}:\n    Type: AWS::RDS::DBProxyTargetGroup\n    Properties: {DBProxyName: !Ref Proxy${i}, TargetGroupName: default, DBInstanceIdentifiers: [!Ref Db${i}]}`,
        `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n` +
          `      Environment: {Variables: {DB_HOST: !GetAtt Db${i}.Endpoint.Address}}`,
      );
    }
    const model = analyzeText({ uri: 'template.yaml', text: `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('\n')}\n` }, config).model!;
    const proxies = counting(model.dbProxies);
    const reports = run(rdsRule, { ...model, dbProxies: proxies.items });
    expect(reports).toHaveLength(count);
    expect(reports[3]).toMatchObject({ messageId: 'bypassesProxy', data: { function: 'Fn3', database: 'Db3', proxy: 'Proxy3' } });
    // A filter over the proxies per connection reads 40,000 of them.
    expect(proxies.reads()).toBeLessThanOrEqual(2 * count);
  });
});

describe('the model builder', () => {
  test('names SAM generates are recognised by prefix without a walk over every SAM resource (20 s before)', () => {
    const count = 30_000;
    const resources = Array.from({ length: count }, (_, i) => `"F${i}":{"Type":"AWS::Serverless::Function"}`).join(',');
    const doc = loadDocument('template.json', `{"Transform":"AWS::Serverless-2016-10-31","Resources":{${resources}}}`);
    const ctx = new BuildContext(doc, true);
    const { value: kinds, ms } = timed(() => Array.from({ length: count }, (_, i) => ctx.nameKind(`Unknown${i}`)));
    expect(ms).toBeLessThan(5000);
    expect(new Set(kinds)).toEqual(new Set(['unknown']));
    expect(ctx.nameKind('F123Role')).toBe('generated');
    expect(ctx.nameKind('ServerlessRestApiProdStage')).toBe('generated');
    expect(ctx.nameKind('F')).toBe('unknown');
  });

  test('event source mappings that name their function by a literal ARN are wired without a walk over all functions', () => {
    const count = 12_000;
    const resources: string[] = [];
    for (let i = 0; i < count; i++) {
      resources.push(
        `"F${i}":{"Type":"AWS::Lambda::Function","Properties":{"FunctionName":"fn-${i}","Runtime":"python3.13","Handler":"a.b"}}`,
        `"M${i}":{"Type":"AWS::Lambda::EventSourceMapping","Properties":{"FunctionName":"arn:aws:lambda:us-east-1:1:function:fn-${count - 1 - i}","EventSourceArn":"arn:aws:sqs:us-east-1:1:q"}}`,
      );
    }
    const doc = loadDocument('template.json', `{"Resources":{${resources.join(',')}}}`);
    const { value: parsed, ms } = timed(() => buildTemplateModel(doc, 'cloudformation'));
    expect(ms).toBeLessThan(5000);
    const functions = parsed.model.functions;
    expect(functions).toHaveLength(count);
    expect(functions.every((fn) => fn.events.length === 1 && fn.events[0]!.kind === 'sqs')).toBe(true);
  });

  test('a serverless.ts object with tens of thousands of properties (a minute before)', () => {
    const count = 40_000;
    const text = `module.exports = {\n${Array.from({ length: count }, (_, i) => `k${i}: ${i},`).join('\n')}\nk7: 'last',\n};\n`;
    const { value: root, ms } = timed(() => typescriptReader.objectLiteral('file:///p/serverless.ts', text));
    expect(ms).toBeLessThan(5000);
    if (root?.kind !== 'map') throw new Error('not read as a map');
    // A repeated property replaces the earlier one and takes the last place, as in JavaScript.
    expect(root.entries).toHaveLength(count);
    expect(root.entries[count - 1]).toMatchObject({ key: 'k7', value: { value: 'last' } });
    expect(root.entries[7]).toMatchObject({ key: 'k8', value: { value: 8 } });
  });

  test('a long value every function inherits from SAM Globals is evaluated and walked once, not once per function', () => {
    const count = 200;
    const long = 'x'.repeat(100_000);
    const functions = Array.from({ length: count }, (_, i) => `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: h.f${i}}`).join('\n');
    const text = `Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: {Type: String, Default: prod}\nGlobals:\n  Function:\n    Runtime: python3.13\n    Environment:\n      Variables:\n        LONG: !Sub "${long}-\${Stage}"\nResources:\n${functions}\n`;
    const doc = loadDocument('template.yaml', text);
    const sub = getIn(doc.root, ['Globals', 'Function', 'Environment', 'Variables', 'LONG']) as MapNode;
    const reads = countingValue(sub.entries[0]!);
    const model = buildTemplateModel(doc, 'sam').model;
    expect(model.functions).toHaveLength(count);
    expect(model.functions.every((fn) => fn.environment?.variables[0]?.value === `${long}-prod`)).toBe(true);
    // Evaluating the Fn::Sub and walking it for links per function read the string hundreds of times.
    expect(reads()).toBeLessThan(20);
  });

  test('a long provider setting of a serverless.yml is resolved once, not once per function', () => {
    const count = 200;
    const functions = Array.from({ length: count }, (_, i) => `  f${i}:\n    handler: h.f${i}`).join('\n');
    const text = `service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  stage: prod\n  environment:\n    LONG: "${'x'.repeat(50_000)}-\${sls:stage}"\nfunctions:\n${functions}\n`;
    const doc = loadDocument('serverless.yml', text);
    const environment = getIn(doc.root, ['provider', 'environment']) as MapNode;
    const reads = countingValue(environment.entries[0]!);
    const model = buildServerlessModel(doc, undefined).model;
    expect(model.functions).toHaveLength(count);
    expect(model.functions.every((fn) => fn.environment?.variables.find((v) => v.name === 'LONG')?.value === `${'x'.repeat(50_000)}-prod`)).toBe(true);
    expect(reads()).toBeLessThan(20);
  });
});

describe('rules on values shared by many functions', () => {
  test('lambda/environment-size measures a long inherited value once', () => {
    const count = 300;
    const functions = Array.from({ length: count }, (_, i) => `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: h.f${i}}`).join('\n');
    const text = `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: python3.13\n    Environment:\n      Variables:\n        LONG: "${'é'.repeat(20_000)}"\nResources:\n${functions}\n`;
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    try {
      const result = analyzeText({ uri: 'template.yaml', text }, config);
      const findings = result.findings.filter((f) => f.ruleId === 'lambda/environment-size');
      expect(findings).toHaveLength(count);
      expect(findings[0]!.message).toContain('take 40,004 bytes');
      // Encoding the 20,000-character value for each function allocated 12 MB for nothing.
      expect(encode.mock.calls.filter(([text]) => (text ?? '').length >= 20_000)).toHaveLength(1);
    } finally {
      encode.mockRestore();
    }
  });
});

describe('CDK apps', () => {
  test('TypeScript: a long helper function called at every line is searched for constructs once (a minute before)', () => {
    const count = 3000;
    const body = Array.from({ length: count }, (_, i) => `  const v${i} = x + ${i};`).join('\n');
    const calls = Array.from({ length: count }, (_, i) => `    helper(${i});`).join('\n');
    const text =
      `import { Stack } from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\n` +
      `function helper(x: number) {\n${body}\n  return x;\n}\n` +
      `export class S extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n${calls}\n    new sqs.Queue(this, 'Q');\n  }\n}\n`;
    const { value: parsed, ms } = timed(() => typescriptReader.cdk('file:///app/lib/s.ts', text));
    expect(ms).toBeLessThan(5000);
    expect(parsed?.model.queues.map((q) => q.id)).toEqual(['Q']);
  });

  test('Python: a long helper function called at every line has its body searched once, not at each of its calls (14 s before)', async () => {
    const python = await testPythonReader();
    const count = 4000;
    const body = Array.from({ length: count }, (_, i) => `    v${i} = x + ${i}`).join('\n');
    const calls = Array.from({ length: count }, (_, i) => `        helper(${i})`).join('\n');
    const text =
      `from aws_cdk import Stack\nfrom aws_cdk import aws_sqs as sqs\n\ndef helper(x):\n${body}\n    return x\n\n` +
      `class S(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n${calls}\n        sqs.Queue(self, "Q")\n`;
    const { value: parsed, ms } = timed(() => python.cdk('file:///app/s.py', text));
    expect(ms).toBeLessThan(4000);
    expect(parsed?.model.queues.map((q) => q.id)).toEqual(['Q']);
  });
});
