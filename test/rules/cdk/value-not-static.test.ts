// cdk/value-not-static: one hint per CDK construct whose settings static reading cannot know, on the construct call,
// listing each setting with its reason and what Crossover assumed; nothing for settings that are written or defaulted.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { unresolvedSettings } from '../../../src/core/model/unresolved.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import rule from '../../../src/core/rules/cdk/value-not-static.js';
import { testPythonReader } from '../../support/python-reader.js';
import { TEST_NOW } from '../rule-tester.js';

const config = resolveConfig({ now: TEST_NOW });
const LOCKED = (relative: string) =>
  relative === '../package-lock.json' ? JSON.stringify({ packages: { 'node_modules/aws-cdk-lib': { version: '2.276.0' } } }) : undefined;

function analyze(text: string, readFile: (p: string) => string | undefined = LOCKED) {
  const result = analyzeText({ uri: 'file:///app/lib/stack.ts', text, typescript: typescriptReader, readFile }, config);
  const lines = new LineIndex(text);
  const hints = result.findings
    .filter((f) => f.ruleId === rule.meta.id)
    .map((f) => ({ at: text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)), message: f.message, severity: f.severity }));
  return { result, hints };
}

const HEADER = `import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
`;

describe(rule.meta.id, () => {
  test('written, const and defaulted settings give no hint', () => {
    const { hints } = analyze(
      HEADER +
        `const MEMORY = 1024;
new lambda.Function(this, 'Known', { runtime: lambda.Runtime.NODEJS_LATEST, memorySize: MEMORY, timeout: Duration.seconds(30) });
new ecs.FargateTaskDefinition(this, 'Task');
`,
    );
    expect(hints).toEqual([]);
  });

  test('a function with computed memory and timeout: one hint on the construct, with reasons and assumptions', () => {
    const { hints } = analyze(
      HEADER + `new lambda.Function(this, 'Worker', { memorySize: Number(process.env.MEMORY), timeout: Duration.seconds(props.timeout) });\n`,
    );
    expect(hints).toHaveLength(1);
    expect(hints[0]!.at).toBe('lambda.Function');
    expect(hints[0]!.severity).toBe('hint');
    expect(hints[0]!.message).toMatch(
      /^Worker: not known without running the app: memory \(Number\(process\.env\.MEMORY\) is computed by code, which Crossover never runs; assumed 128 MB, Lambda's default\); timeout \(.*props\.timeout.*; not checked\)\.$/,
    );
  });

  test('a task whose image options are not static, and a service whose task definition comes from elsewhere', () => {
    const { hints } = analyze(
      HEADER +
        `new patterns.ScheduledFargateTask(this, 'Cron', { schedule: s, scheduledFargateTaskImageOptions: options });
new ecs.FargateService(this, 'Svc', { cluster, taskDefinition: props.task });
`,
    );
    expect(hints.map((h) => [h.at, h.message])).toEqual([
      [
        'patterns.ScheduledFargateTask',
        expect.stringMatching(
          /^Cron\/ScheduledTaskDef: .*task cpu \(scheduledFargateTaskImageOptions is not an object literal here.*; not checked\); task memory \(/,
        ),
      ],
      [
        'ecs.FargateService',
        'Svc: not known without running the app: its taskDefinition is not a task definition construct of this file, so the size of its tasks is not known.',
      ],
    ]);
  });

  test('a NODEJS_LATEST runtime without a pinned aws-cdk-lib says the version it assumed', () => {
    const { hints, result } = analyze(HEADER + `new lambda.Function(this, 'Latest', { runtime: lambda.Runtime.NODEJS_LATEST });\n`, () => undefined);
    expect(result.model!.functions[0]!.runtime.value).toBe('nodejs24.x');
    expect(hints.map((h) => h.message)).toEqual([
      'Latest: not known without running the app: its runtime depends on the aws-cdk-lib version, which is not pinned near this file (no lock file or dependency list naming aws-cdk-lib found near this file: assumed aws-cdk-lib 2.276.0).',
    ]);
  });

  test('only CDK apps: a SAM template with a parameter-driven memory gets no hint', () => {
    const sam = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Memory: {Type: Number}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs22.x, Handler: index.handler, CodeUri: ., MemorySize: !Ref Memory}
`;
    const result = analyzeText({ uri: 'file:///app/template.yaml', text: sam }, config);
    expect(result.model!.functions[0]!.memoryMb.unresolved).toBeDefined();
    expect(result.findings.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
    // The helper itself reads any format (the report's unresolved list).
    expect(unresolvedSettings(result.model!.functions[0]!).map((s) => [s.setting, s.assumed])).toEqual([['memory', "128 MB, Lambda's default"]]);
  });

  describe('Python', () => {
    let python: PythonReader;
    beforeAll(async () => {
      python = await testPythonReader();
    });
    test('a keyword argument computed by code', () => {
      const text = `from aws_cdk import aws_lambda as _lambda
import os
_lambda.Function(self, "Worker", runtime=_lambda.Runtime.PYTHON_3_13, memory_size=int(os.environ["MEMORY"]), handler="h", code=code)
`;
      const result = analyzeText({ uri: 'file:///app/stack.py', text, python }, config);
      const hints = result.findings.filter((f) => f.ruleId === rule.meta.id);
      expect(hints.map((f) => [f.range.start.line, f.message])).toEqual([
        [2, expect.stringMatching(/^Worker: not known without running the app: memory \(.*assumed 128 MB/)],
      ]);
    });
  });
});
