// CDK findings get the real fix where the value is written in place: `Duration.x(n)` of a timeout or a visibility
// timeout rewritten in seconds, `Architecture.X86_64` -> `ARM_64` (TypeScript and Python). Applied by text, then the
// code read again: the finding is gone.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { applyFix } from '../../support/fix-check.js';
import { testPythonReader } from '../../support/python-reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
let python: PythonReader;
beforeAll(async () => {
  python = await testPythonReader();
});
const analyze = (uri: string, text: string) => analyzeText({ uri, text, typescript: typescriptReader, python }, config);

const TS = `import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
export class S extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    const api = new lambda.Function(this, 'Api', {
      runtime: lambda.Runtime.PYTHON_3_13,
      architecture: lambda.Architecture.X86_64,
      handler: 'a.handler',
      code: lambda.Code.fromAsset('src'),
      timeout: Duration.minutes(1),
    });
    new apigw.LambdaRestApi(this, 'Rest', { handler: api });
    const worker = new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.PYTHON_3_13,
      architecture: lambda.Architecture.ARM_64,
      handler: 'w.handler',
      code: lambda.Code.fromAsset('src'),
      timeout: Duration.seconds(60),
    });
    const q = new sqs.Queue(this, 'Q', { visibilityTimeout: Duration.seconds(30) });
    worker.addEventSource(new SqsEventSource(q));
  }
}
`;

/** The fix of the one `ruleId` finding applied; that finding is gone when the code is read again. */
function fixed(uri: string, text: string, ruleId: string, title: string): string {
  const found = analyze(uri, text).findings.filter((f) => f.ruleId === ruleId);
  expect(found).toHaveLength(1);
  expect(found[0]!.fix?.title).toBe(title);
  const out = applyFix(text, found[0]!.fix!);
  const after = analyze(uri, out);
  expect(after.findings.filter((f) => f.ruleId === ruleId)).toEqual([]);
  expect(after.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  return out;
}

describe('CDK quick fixes where the value is written in place', () => {
  test('TypeScript: a Duration timeout over the REST API limit becomes Duration.seconds(29)', () => {
    expect(fixed('file:///w/lib/s.ts', TS, 'lambda/api-gateway-timeout', 'Set Timeout to 29 s')).toContain('      timeout: Duration.seconds(29),\n');
  });

  test('TypeScript: a visibility timeout below six times the consumer’s becomes Duration.seconds(360)', () => {
    expect(fixed('file:///w/lib/s.ts', TS, 'sqs/visibility-timeout', 'Set VisibilityTimeout to 360 s')).toContain(
      "new sqs.Queue(this, 'Q', { visibilityTimeout: Duration.seconds(360) });",
    );
  });

  test('TypeScript: Architecture.X86_64 becomes ARM_64', () => {
    expect(fixed('file:///w/lib/s.ts', TS, 'lambda/prefer-arm64', 'Use arm64')).toContain('      architecture: lambda.Architecture.ARM_64,\n');
  });

  test('Python: cdk.Duration.minutes(1) and _lambda.Architecture.X86_64', () => {
    const py = `from aws_cdk import Stack
import aws_cdk as cdk
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_apigateway as apigw


class S(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        fn = _lambda.Function(
            self,
            "Api",
            runtime=_lambda.Runtime.PYTHON_3_13,
            architecture=_lambda.Architecture.X86_64,
            handler="a.handler",
            code=_lambda.Code.from_asset("src"),
            timeout=cdk.Duration.minutes(1),
        )
        apigw.LambdaRestApi(self, "Rest", handler=fn)
`;
    expect(fixed('file:///w/app/s.py', py, 'lambda/api-gateway-timeout', 'Set Timeout to 29 s')).toContain('            timeout=cdk.Duration.seconds(29),\n');
    expect(fixed('file:///w/app/s.py', py, 'lambda/prefer-arm64', 'Use arm64')).toContain('            architecture=_lambda.Architecture.ARM_64,\n');
  });

  test('a Duration through a constant is not rewritten (the constant may serve other things)', () => {
    const text = TS.replace('timeout: Duration.minutes(1)', 'timeout: LONG').replace('export class S', 'const LONG = Duration.minutes(1);\nexport class S');
    const [finding] = analyze('file:///w/lib/s.ts', text).findings.filter((f) => f.ruleId === 'lambda/api-gateway-timeout');
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
  });
});
