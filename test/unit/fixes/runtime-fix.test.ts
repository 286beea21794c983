// "Use <upgrade target>" on a deprecated runtime, in every format that writes the runtime as a value: SAM (on the
// function and in Globals), CloudFormation YAML and JSON, serverless.yml (provider and function), and a CDK
// `Runtime.X` member written at the prop (TypeScript and Python). Each fix is applied and checked with
// test/support/fix-check.ts (templates) or by reading the code again (CDK); the finding is gone afterwards.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type Finding } from '../../../src/core/findings.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { applyFix, checkFix } from '../../support/fix-check.js';
import { testPythonReader } from '../../support/python-reader.js';
import { SAM } from '../../support/templates.js';

const RULE = 'lambda/deprecated-runtime';
const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
let python: PythonReader;
beforeAll(async () => {
  python = await testPythonReader();
});
const analyze = (uri: string, text: string) => analyzeText({ uri, text, typescript: typescriptReader, python }, config);
const findings = (uri: string, text: string): Finding[] => analyze(uri, text).findings.filter((f) => f.ruleId === RULE);

/** The fix of the one finding, applied and checked; the finding is gone from the result. */
function fixed(uri: string, text: string, title?: RegExp): string {
  const [finding, ...more] = findings(uri, text);
  expect(more).toEqual([]);
  const fix = finding?.fix;
  expect(fix, 'a fix').toBeDefined();
  if (title) expect(fix!.title).toMatch(title);
  let out: string;
  if (/\.(ya?ml|json)$/.test(uri)) {
    const check = checkFix({ uri, text }, fix!);
    expect(check.failures).toEqual([]);
    out = check.text;
  } else out = applyFix(text, fix!);
  const after = analyze(uri, out);
  expect(after.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'duplicate-key')).toEqual([]);
  expect(after.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  return out;
}

describe('SAM', () => {
  test('on the function', () => {
    const text = SAM('      Runtime: python3.9\n      Handler: app.handler\n');
    expect(fixed('file:///t/template.yaml', text, /^Use python3\.14$/)).toContain('      Runtime: python3.14\n      Handler: app.handler\n');
  });

  test('a quoted value and a comment after it', () => {
    const text = SAM('      Runtime: "nodejs18.x"  # pinned\n      Handler: app.handler\n');
    expect(fixed('file:///t/template.yaml', text)).toContain('      Runtime: nodejs24.x  # pinned\n');
  });

  test('in Globals: the fix is at the Globals line, for every function that inherits it', () => {
    const text = SAM('      Handler: app.handler\n', 'Globals:\n  Function:\n    Runtime: java8\n    Timeout: 10\n');
    const out = fixed('file:///t/template.yaml', text, /^Use java25 in Globals$/);
    expect(out).toContain('Globals:\n  Function:\n    Runtime: java25\n    Timeout: 10\n');
  });

  test("from a parameter's Default: the fix sets the Default (not preferred: every use of the parameter changes)", () => {
    const text = SAM('      Runtime: !Ref Rt\n      Handler: app.handler\n', 'Parameters:\n  Rt:\n    Type: String\n    Default: python3.9\n');
    const [finding] = findings('file:///t/template.yaml', text);
    expect(finding?.message).toContain('Upgrade to python3.14');
    expect(finding?.fix?.preferred).toBe(false);
    const out = fixed('file:///t/template.yaml', text, /^Use python3\.14 as the Default of parameter Rt \(every use of it\)$/);
    expect(out).toContain('  Rt:\n    Type: String\n    Default: python3.14\n');
    expect(out).toContain('      Runtime: !Ref Rt\n');
  });

  test('from an Fn::Join of literals: the fix writes the runtime in its place (not preferred)', () => {
    const text = SAM("      Runtime:\n        Fn::Join: ['', [nodejs, 12.x]]\n      Handler: app.handler\n");
    const [finding] = findings('file:///t/template.yaml', text);
    expect(finding?.fix?.preferred).toBe(false);
    expect(fixed('file:///t/template.yaml', text, /^Use nodejs24\.x instead of the Fn::Join$/)).toMatch(
      / {6}Runtime: nodejs24\.x\n {6}Handler: app\.handler\n/,
    );
  });

  test('from a parameter without a Default: no fix, the target is still named', () => {
    const text = SAM('      Runtime: !Ref Rt\n      Handler: app.handler\n', 'Parameters:\n  Rt:\n    Type: String\n');
    expect(findings('file:///t/template.yaml', text)).toEqual([]);
  });

  test('go1.x: a fix to provided.al2023 that is not preferred, since the code must be rebuilt as bootstrap', () => {
    const text = SAM('      Runtime: go1.x\n      Handler: main\n');
    const [finding] = findings('file:///t/template.yaml', text);
    expect(finding?.fix?.preferred).toBe(false);
    expect(finding?.fix?.title).toBe('Use provided.al2023 (then build the code as a bootstrap binary)');
    expect(fixed('file:///t/template.yaml', text)).toContain('      Runtime: provided.al2023\n');
  });

  test('a same-family upgrade is preferred', () => {
    const [finding] = findings('file:///t/template.yaml', SAM('      Runtime: python3.9\n      Handler: app.handler\n'));
    expect(finding?.fix?.preferred).toBeUndefined();
  });
});

describe('CloudFormation', () => {
  const cfn = (runtime: string) =>
    `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: i.h\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n`;

  test('YAML', () => {
    expect(fixed('file:///t/stack.yaml', cfn('dotnet6'), /^Use dotnet10$/)).toContain('      Runtime: dotnet10\n');
  });

  test('JSON', () => {
    const text = JSON.stringify(
      { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'provided.al2', Handler: 'x', Role: 'r', Code: { ZipFile: 'x' } } } } },
      null,
      2,
    );
    expect(fixed('file:///t/stack.json', text, /^Use provided\.al2023$/)).toContain('"Runtime": "provided.al2023",');
  });
});

describe('serverless.yml', () => {
  test('provider.runtime', () => {
    const text = 'service: s\nprovider:\n  name: aws\n  runtime: nodejs16.x\nfunctions:\n  hello:\n    handler: h.main\n';
    expect(fixed('file:///p/serverless.yml', text, /^Use nodejs24\.x in provider\.runtime$/)).toContain('  runtime: nodejs24.x\n');
  });

  test("a function's own runtime", () => {
    const text = 'service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  hello:\n    handler: h.main\n    runtime: python3.8\n';
    const out = fixed('file:///p/serverless.yml', text, /^Use python3\.14$/);
    expect(out).toContain('    runtime: python3.14\n');
    expect(out).toContain('  runtime: nodejs22.x\n');
  });
});

describe('CDK', () => {
  test('TypeScript: the member of a literal Runtime.X', () => {
    const app = `import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
export class S extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.PYTHON_3_9, handler: 'i.h', code: lambda.Code.fromAsset('src') });
  }
}
`;
    expect(fixed('file:///app/lib/stack.ts', app, /^Use python3\.14$/)).toContain('runtime: lambda.Runtime.PYTHON_3_14, handler');
  });

  test('TypeScript: through a constant, no fix (the constant may serve other things)', () => {
    const app = `import { Stack } from 'aws-cdk-lib';
import { Function, Runtime, Code } from 'aws-cdk-lib/aws-lambda';
const RT = Runtime.NODEJS_18_X;
export class S extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    new Function(this, 'Fn', { runtime: RT, handler: 'i.h', code: Code.fromAsset('src') });
  }
}
`;
    const [finding] = findings('file:///app/lib/stack.ts', app);
    expect(finding?.message).toContain('Upgrade to nodejs24.x');
    expect(finding?.fix).toBeUndefined();
  });

  test('Python: the member of a literal Runtime.X', () => {
    const app = `from aws_cdk import Stack, aws_lambda as _lambda
from constructs import Construct

class S(Stack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_8, handler="i.h", code=_lambda.Code.from_asset("src"))
`;
    expect(fixed('file:///app/stack.py', app, /^Use python3\.14$/)).toContain('runtime=_lambda.Runtime.PYTHON_3_14, handler');
  });
});
