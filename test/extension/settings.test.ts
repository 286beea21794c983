// Settings from a workspace are checked where they are read: a value of the wrong type, out of range, not in its
// list or keyed by something other than a known key never reaches the engine; it is clamped or replaced by the
// default, and said. Nothing throws. The readers are the extension's own, given a plain object for the
// configuration VS Code would pass.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { priceBook } from '../../src/core/cost/price-book.js';
import { emptyUsage, parseUsageFile } from '../../src/core/cost/usage-file.js';
import { analyzeText } from '../../src/core/engine.js';
import { readCostSettings } from '../../src/extension/cost/settings.js';
import { readSettings, type SettingsSource } from '../../src/extension/settings.js';

/** What `getConfiguration('crossover')` gives: the value set, else undefined (the tests leave defaults out). */
const config = (values: Record<string, unknown>): SettingsSource => ({ get: <T>(key: string) => values[key] as T }) as SettingsSource;

const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 512
      Timeout: 1200
      Events:
        Api: {Type: Api, Properties: {Path: /, Method: get}}
`;
const fn = analyzeText({ uri: 'template.yaml', text: template }, resolveConfig({})).model!.functions[0]!;

describe('crossover.pricing.region', () => {
  for (const region of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    test(`"${region}" is not a region: the default region, said once, and every estimate still works`, () => {
      const problems: string[] = [];
      const settings = readCostSettings(config({ 'pricing.region': region }), (p) => problems.push(p));
      expect(settings.region).toBe('us-east-1');
      expect(problems).toEqual([expect.stringContaining(`crossover.pricing.region: "${region}" is not a region in Crossover's price data`)]);
      const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings);
      expect(estimate.region).toBe('us-east-1');
      expect(Number.isFinite(estimate.typical.lambda.monthlyUsd)).toBe(true);
    });

    test(`the price book takes "${region}" as a region it does not have (the fallback's prices, marked)`, () => {
      const book = priceBook(region);
      expect(book.known).toBe(false);
      expect(book.number('lambda.requestPerMillion')).toBe(priceBook('us-east-1').number('lambda.requestPerMillion'));
      expect(book.notesFor(['lambda.requestPerMillion'])[0]).toMatch(/is not in Crossover's price data/);
    });
  }

  test('a region from the usage file or the comparison view that the table lacks: the fallback, never a throw', () => {
    const usage = { ...parseUsageFile('crossover.usage.yml', 'resources: {}\n'), region: 'constructor' };
    expect(() => estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings())).not.toThrow();
  });
});

describe('crossover.pricing.overrides', () => {
  test('only known price keys with a finite price of at least 0, or well-formed tiers for tiered prices', () => {
    const problems: string[] = [];
    const overrides = JSON.parse(`{
      "fargate.vcpuHour.x86_64": 0.035,
      "lambda.requestPerMillion": -1,
      "alb.hour": "0.01",
      "nat.hour": [[0, null, 0.01]],
      "apigw.restPerMillion": [[0, 1000, 3.5], [2000, null, 2]],
      "apigw.httpPerMillion": [[0, 100, 1], [100, null, 0.9]],
      "lambda.durationPerGbSecond.x86_64": [[5, null, 1]],
      "lambda.durationPerGbSecond.arm64": {"0": [0, null, 1]},
      "bogus.key": 1,
      "constructor": 1,
      "__proto__": {"alb.lcuHour": 1000}
    }`);
    const settings = readCostSettings(config({ 'pricing.overrides': overrides }), (p) => problems.push(p));
    expect(settings.priceOverrides).toEqual({
      'fargate.vcpuHour.x86_64': 0.035,
      'apigw.httpPerMillion': [
        [0, 100, 1],
        [100, null, 0.9],
      ],
    });
    expect(Object.getPrototypeOf(settings.priceOverrides)).toBe(Object.prototype);
    expect((settings.priceOverrides as Record<string, unknown>)['alb.lcuHour']).toBeUndefined();
    for (const key of [
      'lambda.requestPerMillion',
      'alb.hour',
      'nat.hour',
      'apigw.restPerMillion',
      'lambda.durationPerGbSecond.x86_64',
      'lambda.durationPerGbSecond.arm64',
      'bogus.key',
      'constructor',
      '__proto__',
    ]) {
      expect(
        problems.some((p) => p.includes(key)),
        key,
      ).toBe(true);
    }
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings);
    expect(Number.isFinite(estimate.typical.lambda.monthlyUsd) && Number.isFinite(estimate.typical.fargate.monthlyUsd)).toBe(true);
  });

  test('not an object: no overrides', () => {
    for (const value of ['cheap', 5, [1, 2], true]) expect(resolveCostSettings({ priceOverrides: value as never }).priceOverrides).toEqual({});
  });
});

describe('numbers and lists', () => {
  test('crossover.maxFileSizeKb 1e9 is clamped to the maximum; the scan and the engine get the same cap', () => {
    const problems: string[] = [];
    const settings = readSettings(config({ maxFileSizeKb: 1e9 }), (p) => problems.push(p));
    expect(settings.maxFileSizeBytes).toBe(16_384 * 1024);
    expect(settings.engine.maxFileSizeBytes).toBe(16_384 * 1024);
    expect(problems).toEqual(['crossover.maxFileSizeKb: 1000000000 is outside at least 1, at most 16384; 16384 is used.']);
  });

  test('the other analysis and scan settings: wrong types take the default, out of range is clamped', () => {
    const problems: string[] = [];
    const settings = readSettings(
      config({
        'analysis.debounceMs': -5,
        'workspaceScan.maxFiles': 'all',
        'workspaceScan.enabled': 'yes',
        maxFileSizeKb: Number.NaN,
        'limits.accountConcurrency': 0,
        'limits.restApiIntegrationTimeoutSeconds': 'x',
      }),
      (p) => problems.push(p),
    );
    expect(settings.debounceMs).toBe(0);
    expect(settings.scan).toEqual({ enabled: true, maxFiles: 5000, cpuShare: 0.5 });
    expect(settings.maxFileSizeBytes).toBe(4096 * 1024);
    expect(settings.engine.limits).toEqual({ restApiIntegrationTimeoutSeconds: 29, accountConcurrency: 1 });
    expect(problems).toHaveLength(6);
  });

  test('cost settings: enums checked, numbers in range, wrong types the default', () => {
    const problems: string[] = [];
    const settings = readCostSettings(
      config({
        'fargate.vcpu': 3,
        'fargate.architecture': 'sparc',
        'fargate.memoryGb': 1e6,
        'fargate.minTasks': 2.4,
        'usage.requestsPerMonth.typical': Number.POSITIVE_INFINITY,
        'usage.averageDurationMs': 0,
        'usage.peakToAverage': '3',
        'pricing.freeTier': 'true',
      }),
      (p) => problems.push(p),
    );
    // A vCPU not in the list is dropped: the task is sized from the function instead (null).
    expect(settings.fargate).toMatchObject({ vcpu: null, architecture: 'match', memoryGb: 120, minTasks: 2 });
    expect(settings.traffic.typical).toBe(1_000_000);
    expect(settings.durationMs).toBe(100);
    expect(settings.peakToAverage).toBe(3);
    expect(settings.freeTier).toBe(false);
    expect(problems).toHaveLength(8);
  });

  test('valid values pass unchanged and without a word', () => {
    const problems: string[] = [];
    const settings = readCostSettings(
      config({
        'pricing.region': 'eu-west-1',
        'fargate.vcpu': 0.5,
        'fargate.memoryGb': 1,
        'usage.requestsPerMonth.low': 0,
        'pricing.overrides': { 'lambda.durationPerGbSecond.arm64': [[0, null, 0.00001]] },
      }),
      (p) => problems.push(p),
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      region: 'eu-west-1',
      fargate: { vcpu: 0.5, memoryGb: 1 },
      traffic: { low: 0 },
      priceOverrides: { 'lambda.durationPerGbSecond.arm64': [[0, null, 0.00001]] },
    });
  });
});

describe('crossover.rules', () => {
  test('only known rule ids with a severity; findings keep a valid severity', () => {
    const problems: string[] = [];
    const rules = JSON.parse(
      '{"lambda/timeout-max": "fatal", "lambda/api-gateway-timeout": "hint", "no/such-rule": "error", "constructor": "off", "__proto__": {"lambda/timeout-max": "off"}}',
    );
    const settings = readSettings(config({ rules }), (p) => problems.push(p));
    expect(settings.engine.rules).toEqual({ 'lambda/api-gateway-timeout': 'hint' });
    expect(problems).toHaveLength(4);
    const findings = analyzeText({ uri: 'template.yaml', text: template }, resolveConfig({ rules })).findings;
    const severities = new Map(findings.map((f) => [f.ruleId, f.severity]));
    expect(severities.get('lambda/timeout-max')).toBe('error');
    expect(severities.get('lambda/api-gateway-timeout')).toBe('hint');
    expect(findings.every((f) => ['error', 'warning', 'info', 'hint'].includes(f.severity))).toBe(true);
  });

  test('the engine says what it left out', () => {
    const problems: string[] = [];
    resolveConfig({ rules: { 'lambda/timeout-max': 'fatal' as never }, limits: { accountConcurrency: Number.NaN } }, problems);
    expect(problems).toEqual([
      expect.stringContaining('lambda/timeout-max must be one of error, warning, info, hint, off'),
      expect.stringContaining('crossover.limits.accountConcurrency'),
    ]);
  });
});

test('the usage file: a figure named like a property of every object is an unknown figure, not a broken one', () => {
  const usage = parseUsageFile('crossover.usage.yml', 'defaults:\n  constructor: 5\n  toString: 3\nresources:\n  Fn:\n    __proto__: 1\n');
  expect(usage.problems.map((p) => p.message)).toEqual([
    expect.stringMatching(/^Unknown usage figure "constructor" in defaults/),
    expect.stringMatching(/^Unknown usage figure "toString" in defaults/),
    expect.stringMatching(/^Unknown usage figure "__proto__" in Fn/),
  ]);
  expect(usage.defaults).toEqual({});
});
