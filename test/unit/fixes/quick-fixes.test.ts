// Every quick fix the editor offers, applied to a document: the finding it answers is gone afterwards,
// and the document still parses (no parse-error, nothing else broken).
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type Finding, type Fix } from '../../../src/core/findings.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { SAM } from '../../support/templates.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (uri: string, text: string) => analyzeText({ uri, text, typescript: typescriptReader }, config);

function apply(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const edits = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies the fix (or the ignore fix) of the finding of `ruleId`, checks the finding is gone, returns the new text. */
function fixAway(uri: string, text: string, ruleId: string, kind: 'fix' | 'ignore' = 'fix', title?: RegExp): string {
  const before = analyze(uri, text);
  const finding = before.findings.find((f) => f.ruleId === ruleId) as Finding | undefined;
  expect(finding, `${ruleId} before the fix`).toBeDefined();
  const fix = finding![kind];
  expect(fix, `a ${kind} for ${ruleId}`).toBeDefined();
  if (title) expect(fix!.title).toMatch(title);
  const fixed = apply(text, fix!);
  const after = analyze(uri, fixed);
  expect(after.format).toBe(before.format);
  expect(after.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'duplicate-key')).toEqual([]);
  expect(after.findings.filter((f) => f.ruleId === ruleId && f.resourceId === finding!.resourceId)).toEqual([]);
  return fixed;
}

describe('timeout down to the gateway limit', () => {
  test('SAM function behind a REST API', () => {
    const text = SAM(
      '      Runtime: nodejs22.x\n      Handler: i.h\n      Timeout: 60\n      Events:\n        Get:\n          Type: Api\n          Properties: {Path: /x, Method: get}\n',
    );
    expect(fixAway('file:///t/template.yaml', text, 'lambda/api-gateway-timeout', 'fix', /^Set Timeout to 29 s$/)).toContain('Timeout: 29\n');
  });
});

describe('SQS visibility timeout up to 6x the function timeout', () => {
  test('a queue consumed by a function', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: i.h
      Timeout: 60
      Events:
        Q:
          Type: SQS
          Properties: {Queue: !GetAtt Jobs.Arn}
`;
    expect(fixAway('file:///t/template.yaml', text, 'sqs/visibility-timeout')).toContain('VisibilityTimeout: 360\n');
  });
});

describe('architecture to arm64', () => {
  test('a default in YAML: Architectures is added above the first property', () => {
    const fixed = fixAway('file:///t/template.yaml', SAM('      Runtime: python3.13\n      Handler: i.h\n'), 'lambda/prefer-arm64', 'fix', /^Use arm64$/);
    expect(fixed).toContain('    Properties:\n      Architectures: [arm64]\n      Runtime: python3.13\n');
  });
  test('written in a block list: the item is replaced in place', () => {
    const fixed = fixAway(
      'file:///t/template.yaml',
      SAM('      Architectures:\n        - x86_64\n      Runtime: python3.13\n      Handler: i.h\n'),
      'lambda/prefer-arm64',
    );
    expect(fixed).toContain('      Architectures:\n        - arm64\n      Runtime: python3.13\n');
  });
  test('inherited from Globals: Globals changes', () => {
    const fixed = fixAway(
      'file:///t/template.yaml',
      SAM('      Runtime: python3.13\n      Handler: i.h\n', 'Globals:\n  Function:\n    Architectures: [x86_64]\n'),
      'lambda/prefer-arm64',
      'fix',
      /every function that inherits it/,
    );
    expect(fixed).toContain('Globals:\n  Function:\n    Architectures: [arm64]\n');
  });
  test('CloudFormation JSON', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'i.h', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' } } },
        },
      },
      null,
      2,
    );
    const fixed = fixAway('file:///t/template.json', text, 'lambda/prefer-arm64');
    expect(JSON.parse(fixed).Resources.Fn.Properties.Architectures).toEqual(['arm64']);
  });
  test('serverless.yml: on the provider when inherited, on the function otherwise', () => {
    const provider = 'service: s\nprovider:\n  name: aws\n  runtime: python3.13\n  architecture: x86_64\nfunctions:\n  a:\n    handler: a.h\n';
    expect(fixAway('file:///t/serverless.yml', provider, 'lambda/prefer-arm64')).toContain('  architecture: arm64\n');
    const fn = 'service: s\nprovider:\n  name: aws\n  runtime: python3.13\nfunctions:\n  a:\n    handler: a.h\n';
    expect(fixAway('file:///t/serverless.yml', fn, 'lambda/prefer-arm64')).toContain('  a:\n    architecture: arm64\n    handler: a.h\n');
  });
});

describe('Fargate cpu/memory to the nearest valid size', () => {
  test('a task definition file', () => {
    const text = JSON.stringify(
      {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '1024',
        memory: '1000',
        containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
      },
      null,
      2,
    );
    const fixed = fixAway('file:///t/taskdef.json', text, 'ecs/fargate-task-size');
    expect(JSON.parse(fixed)).toMatchObject({ cpu: '1024', memory: '2048' });
  });
});

describe('memory into range', () => {
  test('SAM YAML', () => {
    expect(
      fixAway(
        'file:///t/template.yaml',
        SAM('      Runtime: python3.13\n      Handler: i.h\n      MemorySize: 20000\n'),
        'lambda/memory-range',
        'fix',
        /^Set memory to 10240 MB$/,
      ),
    ).toContain('MemorySize: 10240\n');
  });
  test('a CDK prop written as a number', () => {
    const app =
      "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Big', { runtime: lambda.Runtime.NODEJS_22_X, memorySize: 64 });\n";
    expect(fixAway('file:///app/lib/stack.ts', app, 'lambda/memory-range')).toContain('memorySize: 128 }');
  });
});

describe('SnapStart for Java', () => {
  test('a Java function behind an API gets SnapStart', () => {
    const text = SAM('      Runtime: java21\n      Handler: a.B::h\n      Events:\n        Get:\n          Type: HttpApi\n');
    const fixed = fixAway('file:///t/template.yaml', text, 'lambda/java-snapstart', 'fix', /SnapStart/);
    expect(fixed).toContain('      SnapStart: {ApplyOn: PublishedVersions}\n      Runtime: java21\n');
  });
});

describe('ignore this rule for this resource', () => {
  test('Metadata is added to the resource', () => {
    const fixed = fixAway(
      'file:///t/template.yaml',
      SAM('      Runtime: python3.13\n      Handler: i.h\n      MemorySize: 20000\n'),
      'lambda/memory-range',
      'ignore',
      /^Ignore lambda\/memory-range for Fn$/,
    );
    expect(fixed).toContain('  Fn:\n    Metadata: {crossover: {ignore: [lambda/memory-range]}}\n    Type: AWS::Serverless::Function\n');
  });
  test('an existing ignore list keeps its rules', () => {
    const text = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Metadata:
      cfn-lint: {config: {}}
      crossover:
        ignore: [lambda/prefer-arm64]
    Properties: {Runtime: python3.13, Handler: i.h, MemorySize: 20000, Role: r, Code: {ZipFile: x}}
`;
    const fixed = fixAway('file:///t/template.yaml', text, 'lambda/memory-range', 'ignore');
    expect(fixed).toContain('ignore: [lambda/prefer-arm64, lambda/memory-range]');
    expect(
      analyze('file:///t/template.yaml', fixed)
        .findings.filter((f) => f.resourceId === 'Fn')
        .map((f) => f.ruleId),
    ).not.toContain('lambda/prefer-arm64');
  });
  test('JSON', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'i.h', MemorySize: 20000, Role: 'r', Code: { ZipFile: 'x' } } },
        },
      },
      null,
      2,
    );
    const fixed = fixAway('file:///t/template.json', text, 'lambda/memory-range', 'ignore');
    expect(JSON.parse(fixed).Resources.Fn.Metadata).toEqual({ crossover: { ignore: ['lambda/memory-range'] } });
  });
  test('CDK code has no ignore fix (it has no Metadata to write)', () => {
    const app = "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Big', { memorySize: 64 });\n";
    expect(analyze('file:///app/lib/stack.ts', app).findings.find((f) => f.ruleId === 'lambda/memory-range')!.ignore).toBeUndefined();
  });
});
