/**
 * A number too large for a double (`1e309`, `-1e309`, "1e309") or YAML's `.inf` is not a number Crossover
 * computes with: the model reads it as "not a valid value" (like any other text that is not a number), no
 * rule or estimate does arithmetic on Infinity, and messages quote it as written.
 */
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { analyzeText, type AnalysisResult } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

const sam = (value: string) =>
  [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: app.handler',
    '      Runtime: python3.13',
    '      Architectures: [arm64]',
    `      MemorySize: ${value}`,
    `      Timeout: ${value}`,
    `      EphemeralStorage: {Size: ${value}}`,
    `      ReservedConcurrentExecutions: ${value}`,
    '',
  ].join('\n');

/** Every message a user can read: findings, their related information, and the function's cost notes. */
function messages(result: AnalysisResult): string[] {
  const out = result.findings.flatMap((f) => [f.message, ...f.related.map((r) => r.message)]);
  for (const fn of result.model?.functions ?? [])
    out.push(...estimateWorkload({ kind: 'lambda-function', fn }, result.uri, emptyUsage(), resolveCostSettings()).notes);
  return out;
}

describe.each(['1e309', '-1e309', '"1e309"', '.inf', '-.inf'])('SAM settings written as %s', (value) => {
  const result = analyzeText({ uri: 'template.yaml', text: sam(value) }, config);
  const fn = result.model!.functions[0]!;

  test('are not numbers in the model, and say so quoting the source', () => {
    for (const field of [fn.memoryMb, fn.timeoutSeconds, fn.ephemeralStorageMb, fn.reservedConcurrency!]) {
      expect(field.value).toBeUndefined();
      expect(field.unresolved).toBe(`${value} is not a valid value here`);
    }
  });

  test('never reach a rule message or an estimate as Infinity', () => {
    // Before: "Memory ∞ MB is outside the range Lambda allows", "Timeout ∞ s is above the Lambda maximum", ...
    expect(result.findings.map((f) => f.ruleId)).not.toContain('lambda/memory-range');
    const all = messages(result);
    for (const message of all) expect(message).not.toMatch(/Infinity|∞|NaN|\bnull\b/);
    expect(all).toContain(`Memory is not static (${value} is not a valid value here): 128 MB assumed.`);
  });
});

test('a large finite number is still a number, checked against the range', () => {
  const result = analyzeText({ uri: 'template.yaml', text: sam('1e5') }, config);
  expect(result.findings.find((f) => f.ruleId === 'lambda/memory-range')!.message).toBe(
    'Memory 100,000 MB is outside the range Lambda allows (128 to 10,240 MB).',
  );
});

test('an ECS task definition whose memory overflows', () => {
  const text =
    '{"family":"web","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":1e309,"containerDefinitions":[{"name":"app","image":"nginx","essential":true,"memory":-1e309,"healthCheck":{"command":["CMD","true"]}}]}';
  const result = analyzeText({ uri: 'task-definition.json', text }, config);
  const task = result.model!.taskDefinitions[0]!;
  expect(task.memoryMb.value).toBeUndefined();
  expect(task.memoryMb.unresolved).toBe('1e309 is not a valid value here');
  expect(task.containers[0]!.memoryMb!.unresolved).toBe('-1e309 is not a valid value here');
  // Before: "CPU 256 (0.25 vCPU) with Infinity MiB (Infinity GB) is not a Fargate task size; the nearest is ...".
  for (const message of messages(result)) expect(message).not.toMatch(/Infinity|∞|NaN|\bnull\b/);
});

test('a serverless.yml setting that overflows', () => {
  const text = 'service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  memorySize: 1e309\nfunctions:\n  f:\n    handler: h.main\n    timeout: "-1e309"\n';
  const result = analyzeText({ uri: 'serverless.yml', text }, config);
  const fn = result.model!.functions[0]!;
  expect(fn.memoryMb.unresolved).toBe('1e309 is not a valid value here');
  expect(fn.timeoutSeconds.unresolved).toBe('"-1e309" is not a valid value here');
  for (const message of messages(result)) expect(message).not.toMatch(/Infinity|∞|NaN|\bnull\b/);
});
