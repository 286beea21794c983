import { expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText, analyzeTextAsync } from '../../../src/core/engine.js';

const template = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 1200\n';
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

test('the async runner gives the same result as the sync one', async () => {
  const sync = analyzeText({ uri: 't.yaml', text: template }, config);
  const pauses: number[] = [];
  const async = await analyzeTextAsync({ uri: 't.yaml', text: template }, config, { isCancellationRequested: false }, async () => {
    pauses.push(1);
  });
  expect(async.findings).toEqual(sync.findings);
  expect(async.workloads).toEqual(sync.workloads);
  expect(pauses.length).toBeGreaterThan(5);
});

test('a run cancelled between steps stops and says so', async () => {
  const token = { isCancellationRequested: false };
  let pauses = 0;
  const result = await analyzeTextAsync({ uri: 't.yaml', text: template }, config, token, async () => {
    if (++pauses === 2) token.isCancellationRequested = true;
  });
  expect(result.cancelled).toBe(true);
  expect(result.findings).toEqual([]);
  expect(pauses).toBe(2);
});

test('a sync run with a cancelled token returns at once', () => {
  expect(analyzeText({ uri: 't.yaml', text: template }, config, { isCancellationRequested: true }).cancelled).toBe(true);
});

test('settings switch rules off and change their severity', () => {
  const off = analyzeText({ uri: 't.yaml', text: template }, resolveConfig({ rules: { 'lambda/timeout-max': 'off' } }));
  expect(off.findings.map((f) => f.ruleId)).not.toContain('lambda/timeout-max');
  const hint = analyzeText({ uri: 't.yaml', text: template }, resolveConfig({ rules: { 'lambda/timeout-max': 'hint' } }));
  expect(hint.findings.find((f) => f.ruleId === 'lambda/timeout-max')?.severity).toBe('hint');
});

test('Metadata ignores a rule for one resource only', () => {
  const text = `Resources:
  Quiet:
    Type: AWS::Lambda::Function
    Metadata:
      crossover:
        ignore: [lambda/timeout-max]
    Properties: {Timeout: 1200}
  Loud:
    Type: AWS::Lambda::Function
    Properties: {Timeout: 1200}
`;
  const findings = analyzeText({ uri: 't.yaml', text }, config).findings.filter((f) => f.ruleId === 'lambda/timeout-max');
  expect(findings.map((f) => f.resourceId)).toEqual(['Loud']);
});
