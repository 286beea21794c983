// crossover.usage.yml: the parser (with positions) and the JSON Schema contributed for completion agree,
// and the estimate uses what the file gives, labelling the rest as settings or defaults.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { usesRdsProxy } from '../../../src/core/cost/assumptions.js';
import { emptyUsage, parseUsageFile, USAGE_FIELDS, USAGE_LIST_FIELDS } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schemas', 'crossover.usage.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const VALID = [
  'resources:\n  OrdersFunction:\n    requestsPerMonth: 25000000\n    averageDurationMs: 85\n',
  'region: eu-west-2\ndefaults:\n  averagePayloadKb: 6\n  peakToAverage: 4\nresources: {}\n',
  'resources:\n  "api/template.yaml#Fn":\n    requestsPerSecond: 12.5\n',
  '{"resources": {"Fn": {"requestsPerMonth": 0}}}',
];
const INVALID = [
  'resources:\n  Fn:\n    requestsPerMonth: -5\n',
  'resources:\n  Fn:\n    averageDurationMs: 0\n',
  'resources:\n  Fn:\n    peakToAverage: 0.5\n',
  'resources:\n  Fn:\n    requestsPerMonth: lots\n',
  'region: Frankfurt\n',
  'resources:\n  - Fn\n',
  '- 1\n- 2\n',
];

describe('the usage file', () => {
  test.each(VALID)('valid for both the parser and the schema: %s', (text) => {
    expect(parseUsageFile('crossover.usage.yml', text).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  test.each(INVALID)('refused by both the parser and the schema: %s', (text) => {
    expect(parseUsageFile('crossover.usage.yml', text).problems.some((p) => p.severity === 'error')).toBe(true);
    expect(validate(parse(text))).toBe(false);
  });

  test('the schema lists exactly the figures the parser knows, with the same bounds', () => {
    const properties = schema.definitions.usage.properties as Record<string, { minimum?: number; exclusiveMinimum?: number; maximum?: number }>;
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(USAGE_FIELDS), ...Object.keys(USAGE_LIST_FIELDS)].sort());
    const profile = properties['dailyProfile'] as { minItems?: number; maxItems?: number };
    expect([profile.minItems, profile.maxItems]).toEqual([USAGE_LIST_FIELDS.dailyProfile.items, USAGE_LIST_FIELDS.dailyProfile.items]);
    for (const [name, spec] of Object.entries(USAGE_FIELDS)) {
      expect(properties[name]![spec.exclusiveMin ? 'exclusiveMinimum' : 'minimum'], name).toBe(spec.min);
      expect(properties[name]!.maximum, name).toBe(spec.max);
    }
  });

  test('a wrong value is reported on its line', () => {
    const text = 'resources:\n  Fn:\n    requestsPerMonth: 1000\n    averageDurationMs: -3\n    burst: 4\n';
    const usage = parseUsageFile('crossover.usage.yml', text);
    expect(usage.problems.map((p) => [p.severity, p.range.start.line])).toEqual([
      ['error', 3],
      ['warning', 4],
    ]);
    expect(usage.resources.get('Fn')).toMatchObject({ requestsPerMonth: 1000 });
  });

  test('a daily profile: 24 numbers at least 0, not all 0; anything else is an error on its line', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 4 : 1));
    const good = parseUsageFile('crossover.usage.yml', `resources:\n  Fn:\n    dailyProfile: [${hours.join(', ')}]\n`);
    expect(good.problems).toEqual([]);
    expect(good.resources.get('Fn')!.dailyProfile).toEqual(hours);
    for (const bad of ['[1, 2, 3]', `[${Array(24).fill(0).join(', ')}]`, `[${[-1, ...Array(23).fill(1)].join(', ')}]`, 'flat']) {
      const usage = parseUsageFile('crossover.usage.yml', `resources:\n  Fn:\n    dailyProfile: ${bad}\n`);
      expect(
        usage.problems.map((p) => [p.severity, p.range.start.line]),
        bad,
      ).toEqual([['error', 2]]);
    }
  });

  test('broken YAML gives a problem, not an exception', () => {
    expect(parseUsageFile('crossover.usage.yml', 'resources: [\n').problems.length).toBeGreaterThan(0);
  });
});

describe('estimates from the template, the usage file and the settings', () => {
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: 512
      Architectures: [arm64]
      Timeout: 10
      Events:
        Get:
          Type: HttpApi
`;
  const fn = analyzeText({ uri: 'template.yaml', text: template }, resolveConfig({})).model!.functions[0]!;

  test('without traffic in the usage file: low / typical / high bands, all labelled as defaults', () => {
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), resolveCostSettings());
    expect(estimate.traffic).toBe('assumed');
    expect(estimate.low!.requestsPerMonth).toBe(100_000);
    expect(estimate.typical.requestsPerMonth).toBe(1_000_000);
    expect(estimate.high!.requestsPerMonth).toBe(10_000_000);
    expect(estimate.assumptions.find((a) => a.name === 'Requests per month')).toMatchObject({ source: 'default' });
    expect(estimate.assumptions.find((a) => a.name === 'Memory')).toEqual({ name: 'Memory', value: '512 MB', source: 'template' });
    expect(estimate.assumptions.find((a) => a.name === 'Front door')?.value).toBe('API Gateway HTTP API');
  });

  test('with traffic in the usage file: that value, and the region it names', () => {
    const usage = parseUsageFile('crossover.usage.yml', 'region: eu-west-2\nresources:\n  Fn:\n    requestsPerMonth: 10000000\n    averageDurationMs: 100\n');
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings());
    expect(estimate.traffic).toBe('given');
    expect(estimate.low).toBeUndefined();
    expect(estimate.region).toBe('eu-west-2');
    expect(estimate.typical.lambda.breakdown.requests).toBeCloseTo(2, 6);
    // London's own HTTP API price: 10M x $1.16/M (first 300M; AmazonApiGateway offer for eu-west-2, N02) = $11.60.
    expect(estimate.typical.lambda.breakdown.frontDoor).toBeCloseTo(11.6, 6);
    expect(estimate.assumptions.find((a) => a.name === 'Requests per month')).toMatchObject({ value: '10M', source: 'usage file' });
    // Each price the estimate read says where it comes from: London's own HTTP API price, with its date.
    expect(estimate.prices.find((p) => p.key === 'apigw.httpPerMillion')).toMatchObject({ provenance: 'own', region: 'eu-west-2', date: '2026-08-31' });
  });

  test('settings change the defaults and are labelled as settings', () => {
    const estimate = estimateWorkload(
      { kind: 'lambda-function', fn },
      'template.yaml',
      emptyUsage(),
      resolveCostSettings({ durationMs: 250, traffic: { typical: 5_000_000 } }),
    );
    expect(estimate.typical.requestsPerMonth).toBe(5_000_000);
    expect(estimate.assumptions.find((a) => a.name === 'Average duration')).toMatchObject({ value: '250 ms', source: 'settings' });
    expect(estimate.assumptions.find((a) => a.name === 'Requests per month')).toMatchObject({ source: 'settings' });
  });
});

test("a function that reaches its database through the template's RDS Proxy carries the proxy's cost", () => {
  const text = `Resources:
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: a.b
      Environment:
        Variables:
          DB_HOST: !GetAtt Proxy.Endpoint
  Other:
    Type: AWS::Lambda::Function
    Properties:
      Handler: a.b
`;
  const model = analyzeText({ uri: 'template.yaml', text }, resolveConfig({})).model!;
  const [fn, other] = model.functions;
  expect(usesRdsProxy(fn!, model)).toBe(true);
  expect(usesRdsProxy(other!, model)).toBe(false);
  const estimate = estimateWorkload({ kind: 'lambda-function', fn: fn!, rdsProxy: true }, 'template.yaml', emptyUsage(), resolveCostSettings());
  expect(estimate.typical.lambda.breakdown.rdsProxy).toBeCloseTo(730 * 2 * 0.015, 6);
  expect(estimate.assumptions.find((a) => a.name === 'RDS Proxy')).toMatchObject({ source: 'default' });
});
