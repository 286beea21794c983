// CDK apps in TypeScript, read statically: constructs through every import style, prop values, defaults,
// findings on the props, and a fast bail-out for TypeScript that is not a CDK app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { runtimeName } from '../../../src/core/parse/cdk/constructs.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const file = join(import.meta.dirname, '..', '..', 'fixtures', 'cdk', 'orders-stack.ts');
const text = readFileSync(file, 'utf8');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (source: string, uri = 'file:///app/lib/orders-stack.ts') => analyzeText({ uri, text: source, typescript: typescriptReader }, config);
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('the orders stack fixture', () => {
  const result = analyze(text);
  const fn = (id: string) => result.model!.functions.find((f) => f.id === id)!;

  test('is read as a CDK app with its functions, queue, API and Fargate service', () => {
    expect(result.format).toBe('cdk');
    expect(result.model!.functions.map((f) => f.id)).toEqual(['Worker', 'Api', 'Computed']);
    expect(result.model!.queues.map((q) => q.id)).toEqual(['Jobs']);
    expect(result.model!.taskDefinitions.map((t) => t.id)).toEqual(['Web/TaskDef']);
    expect(result.model!.services.map((s) => s.id)).toEqual(['Web']);
  });

  test('values through a spread const, Duration, Size, Runtime, Architecture and arithmetic', () => {
    expect(fn('Worker')).toMatchObject({
      memoryMb: { value: 1024 },
      timeoutSeconds: { value: 120 },
      runtime: { value: 'nodejs22.x' },
      architecture: { value: 'arm64' },
      ephemeralStorageMb: { value: 2048 },
    });
    expect(fn('Api')).toMatchObject({ memoryMb: { value: 2048 }, timeoutSeconds: { value: 60 }, architecture: { value: 'x86_64', origin: 'default' } });
    expect(fn('Computed').timeoutSeconds).toEqual({ value: 3, origin: 'default' });
    expect(fn('Computed').memoryMb.unresolved).toMatch(/Number\(process\.env\.MEMORY\) is computed by code/);
  });

  test('findings land on the prop: the 60 s timeout behind the REST API, the queue below 6x, the Fargate size', () => {
    const at = (rule: string) => result.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line);
    expect(at('lambda/api-gateway-timeout')).toEqual([lineOf('timeout: Duration.seconds(60)')]);
    expect(at('sqs/visibility-timeout')).toEqual([lineOf('visibilityTimeout: Duration.seconds(60)')]);
    expect(at('ecs/fargate-task-size')).toEqual([lineOf('memoryLimitMiB: 1024')]);
    expect(result.workloads.find((w) => w.id === 'Web/TaskDef')).toMatchObject({ type: 'ecs-task-definition', cpuUnits: 1024, memoryMb: 1024 });
  });
});

test('v1 imports, named classes and JavaScript', () => {
  const v1 =
    "import * as lambda from '@aws-cdk/aws-lambda';\nimport * as cdk from '@aws-cdk/core';\nnew lambda.Function(this, 'Old', { runtime: lambda.Runtime.JAVA_21, handler: 'x', code: c, timeout: cdk.Duration.minutes(20) });\n";
  const result = analyze(v1);
  expect(result.model!.functions[0]).toMatchObject({ id: 'Old', runtime: { value: 'java21' }, timeoutSeconds: { value: 1200 } });
  expect(result.findings.map((f) => f.ruleId)).toContain('lambda/timeout-max');
  const js =
    "const { Function, Runtime } = require('x');\nimport { Function as Fn } from 'aws-cdk-lib/aws-lambda';\nnew Fn(this, 'Js', { memorySize: 20000 });\n";
  expect(analyze(js, 'file:///app/stack.js').findings.map((f) => f.ruleId)).toContain('lambda/memory-range');
});

test('runtime member names', () => {
  expect(['NODEJS_20_X', 'PYTHON_3_13', 'JAVA_17', 'PROVIDED_AL2023', 'DOTNET_8', 'RUBY_3_3'].map(runtimeName)).toEqual([
    'nodejs20.x',
    'python3.13',
    'java17',
    'provided.al2023',
    'dotnet8',
    'ruby3.3',
  ]);
});

test('TypeScript that is not a CDK app is dropped by a text test, in well under 5 ms', () => {
  const plain = `import express from 'express';\n${'export const x = { a: 1, b: [1, 2, 3] };\n'.repeat(2000)}`;
  analyze(plain); // warm-up
  const started = performance.now();
  const result = analyze(plain);
  expect(performance.now() - started).toBeLessThan(5);
  expect(result.format).toBeUndefined();
});

test('broken TypeScript is read as far as it goes, without an internal error', () => {
  // The engine never throws (a failure would be an internal-error finding), so that is what is checked.
  const result = analyze("import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'X', { memorySize: ");
  expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  expect(result.model!.functions.map((f) => f.id)).toEqual(['X']);
});

test('REST and HTTP API integrations make the function synchronous behind the gateway', () => {
  const app = `import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
const rest = new lambda.Function(this, 'Rest', { timeout: Duration.seconds(40) });
const http = new lambda.Function(this, 'Http', { timeout: Duration.seconds(31) });
api.root.addMethod('GET', new apigw.LambdaIntegration(rest));
httpApi.addRoutes({ path: '/x', integration: new HttpLambdaIntegration('HttpInt', http) });
`;
  const result = analyze(app);
  expect(result.model!.functions.map((f) => [f.id, f.events[0]?.kind])).toEqual([
    ['Rest', 'api'],
    ['Http', 'http-api'],
  ]);
  const messages = result.findings.filter((f) => f.ruleId === 'lambda/api-gateway-timeout').map((f) => f.message);
  expect(messages).toHaveLength(2);
  expect(messages[0]).toMatch(/^Timeout 40 s is above the 29 s integration timeout of REST API/);
  expect(messages[1]).toMatch(/^Timeout 31 s is above the 30 s integration timeout of HTTP API/);
});

test('aliases and versions add up to the provisioned concurrency, on the prop that sets it', () => {
  const app = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', '16-aliases-provisioned.ts'), 'utf8');
  const result = analyze(app);
  expect(result.model!.functions.map((f) => [f.id, f.provisionedConcurrency?.value])).toEqual([
    ['Checkout', 4],
    ['Search', 8],
    ['Report', 3],
  ]);
  const search = result.model!.functions.find((f) => f.id === 'Search')!;
  expect(app.split('\n')[search.provisionedConcurrency!.at!.range.start.line]).toContain("search.addAlias('prod'");
  expect(search.provisionedConcurrency!.via).toBe('2 * WARM');
});

test('RDS constructs: a function straight to a database that a proxy fronts is reported on the environment value', () => {
  const app = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', '17-rds-proxy.ts'), 'utf8');
  const result = analyze(app);
  expect(result.model!.databases.map((d) => [d.id, d.kind, d.engine.value, d.serverless])).toEqual([
    ['Orders', 'rds-instance', 'postgres', false],
    ['Analytics', 'rds-cluster', 'aurora-postgresql', true],
  ]);
  expect(result.model!.dbProxies.map((p) => [p.id, p.targetIds])).toEqual([
    ['OrdersProxy', ['Orders']],
    ['Analytics/Pool', ['Analytics']],
  ]);
  const proxyFindings = result.findings.filter((f) => f.ruleId === 'rds/lambda-without-proxy');
  expect(proxyFindings).toHaveLength(1);
  const line = app.split('\n')[proxyFindings[0]!.range.start.line]!;
  expect(line.slice(proxyFindings[0]!.range.start.character)).toMatch(/^cluster\.clusterEndpoint\.hostname/);
  expect(proxyFindings[0]!.message).toContain('Etl connects to Analytics directly although RDS Proxy Analytics/Pool fronts it');
});

test('constructs held in this.x, and the generic TaskDefinition with Fargate compatibility', () => {
  const app = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', '18-task-definition-this-apis.ts'), 'utf8');
  const model = analyze(app).model!;
  expect(model.functions[0]!.events.map((e) => [e.kind, e.invocation])).toEqual([
    ['api', 'sync'],
    ['http-api', 'sync'],
  ]);
  expect(model.taskDefinitions.map((t) => [t.id, t.cpuUnits.value, t.memoryMb.value, t.fargate, t.compatibilities])).toEqual([
    ['Batch', 1024, 3072, true, ['FARGATE']],
  ]);
  expect(model.services.map((s) => [s.id, s.taskDefinitionId, s.desiredCount.value])).toEqual([['BatchService', 'Batch', 3]]);
});

test('self-referring constants with many arguments finish quickly', () => {
  const app = `import * as lambda from 'aws-cdk-lib/aws-lambda';\nconst x = new Foo(${Array(12).fill('x').join(', ')});\nnew lambda.Function(this, 'F', { memorySize: x, events: [x] });\n`;
  const started = performance.now();
  expect(analyze(app).model!.functions[0]!.memoryMb.value).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(500);
});
