// A compute platform is one module: a platform registered here only (a flat-priced "test VM") shows up in the
// comparison, the view's data, the crossover solver and `crossover cost --format json` (the CLI run in-process)
// without any other file knowing it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from '../../../src/cli/main.js';
import { resolveConfig } from '../../../src/core/config.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';
import { lensTitle, reportMarkdown } from '../../../src/core/present/cost.js';
import { workloadComparison } from '../../../src/core/cost/comparison.js';
import { crossovers, findCrossover, sweep } from '../../../src/core/cost/crossover.js';
import { compare, ranking } from '../../../src/core/cost/estimate.js';
import { type Scenario } from '../../../src/core/cost/model.js';
import { platforms, registerPlatform } from '../../../src/core/cost/platforms/index.js';
import { lambdaCost } from '../../../src/core/cost/platforms/lambda.js';
import { TEST_VM_MONTHLY_USD, testVm } from '../../support/test-platform.js';
import { scenario as baseScenario } from '../../support/scenario.js';
import { priceBook } from '../../../src/core/cost/price-book.js';

const US = priceBook('us-east-1');
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const MONTHLY = TEST_VM_MONTHLY_USD;

const scenario: Scenario = baseScenario();

let unregister: () => void = () => {};
let before: ReturnType<typeof compare>;
beforeEach(() => {
  before = compare(scenario, US);
  unregister = registerPlatform(testVm);
});
afterEach(() => unregister());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['cost', ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd: join(import.meta.dirname, '..', '..', 'fixtures', 'cost') });
  return { code, out, err };
}

describe('a platform registered in a test', () => {
  test('is listed after Lambda and Fargate, and only while registered', () => {
    expect(platforms().map((p) => p.id)).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate', 'test-vm']);
    unregister();
    expect(platforms().map((p) => p.id)).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate']);
  });

  test('is costed in the comparison, and Lambda and Fargate are unchanged', () => {
    const c = compare(scenario, US);
    expect(c.platforms.map((p) => [p.platform, p.monthlyUsd])).toEqual([...before.platforms.map((p) => [p.platform, p.monthlyUsd]), ['test-vm', MONTHLY]]);
    expect(before.platforms.map((p) => p.platform)).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate']);
  });

  test('has a crossover with Lambda where the Lambda total reaches its flat price', () => {
    const all = crossovers(scenario, US);
    expect(Object.keys(all)).toEqual(['ecs-fargate', 'ecs-ec2', 'eks-fargate', 'test-vm']);
    expect(all['ecs-fargate']).toEqual(findCrossover(scenario, US));
    const point = all['test-vm']!;
    expect(point.kind).toBe('point');
    if (point.kind !== 'point') return;
    expect(lambdaCost({ ...scenario, requestsPerMonth: point.requestsPerMonth }, US).monthlyUsd).toBeCloseTo(MONTHLY, 6);
    expect(lambdaCost({ ...scenario, requestsPerMonth: point.requestsPerMonth * 0.99 }, US).monthlyUsd).toBeLessThan(MONTHLY);
  });

  test('is in the comparison view data: report and chart sweep', () => {
    const data = workloadComparison({ scenario }, {}, {});
    expect(data.report.platforms['test-vm']).toEqual(
      expect.objectContaining({ label: 'Test VM', monthlyUsd: MONTHLY, deployment: { units: 1, unit: 'always-on VM', why: 'fixed' } }),
    );
    expect(data.report.platforms['test-vm']!.crossover!.requestsPerMonth).toBeGreaterThan(0);
    expect(sweep(scenario, US, 4).others!['test-vm']).toEqual([MONTHLY, MONTHLY, MONTHLY, MONTHLY]);
  });

  test('is named in the CodeLens of a function when it is the cheapest (and in the hover when the runner-up)', () => {
    const model = analyzeText({ uri: 'file:///t/template.yaml', text: readFileSync(join(fixtures, 'template.yaml'), 'utf8') }, resolveConfig({})).model!;
    // At a billion requests a month every other platform costs more than the VM's flat $250.
    const settings = resolveCostSettings({ traffic: { low: 1e8, typical: 1e9, high: 2e9 } });
    const estimate = estimateWorkload({ kind: 'lambda-function', fn: model.functions[0]! }, 'template.yaml', emptyUsage(), settings);
    expect(estimate.crossovers['test-vm']?.kind).toBe('point');
    const [first, second] = [...estimate.typical.platforms].sort((a, b) => a.monthlyUsd - b.monthlyUsd);
    expect(first!.platform).toBe('test-vm');
    const label = platforms().find((x) => x.id === second!.platform)!.label;
    expect(lensTitle(estimate)).toMatch(/ · cheapest: Test VM \(\$250\/mo\)$/);
    expect(reportMarkdown(estimate, 'template.yaml')).toMatch(
      new RegExp(`Cheapest: \\*\\*Test VM\\*\\* \\(\\$250/mo\\), then \\*\\*${label}\\*\\* \\(\\$[\\d,]+/mo\\)`),
    );
  });

  test('adds its own assumptions to an estimate, in its words', () => {
    const model = analyzeText({ uri: 'file:///t/template.yaml', text: readFileSync(join(fixtures, 'template.yaml'), 'utf8') }, resolveConfig({})).model!;
    const estimate = estimateWorkload({ kind: 'lambda-function', fn: model.functions[0]! }, 'template.yaml', emptyUsage(), resolveCostSettings({}));
    expect(estimate.assumptions.at(-1)).toEqual({ name: 'Test VM: Instance', value: 'one always-on VM, flat price', source: 'default' });
    expect(estimate.assumptions.filter((a) => a.name.startsWith('Test VM'))).toHaveLength(1);
  });

  test('is in `crossover cost --format json` and in its text, flags and templates alike', async () => {
    const flags = await cli(['--requests-per-month', '10000000', '--format', 'json']);
    expect(flags.err).toBe('');
    const report = JSON.parse(flags.out);
    expect(report.platforms['test-vm']).toEqual(
      expect.objectContaining({ monthlyUsd: MONTHLY, parts: [{ key: 'instance', label: 'Instance', usd: MONTHLY }] }),
    );

    const template = await cli(['template.yaml', '--format', 'json']);
    expect(template.err).toBe('');
    const functions = JSON.parse(template.out).functions as { id: string; platforms: Record<string, { monthlyUsd: number }> }[];
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.platforms['test-vm']!.monthlyUsd).toBe(MONTHLY);
    const [first] = JSON.parse(template.out).functions as { assumptionSources: { name: string; source: string }[] }[];
    expect(first!.assumptionSources).toContainEqual(expect.objectContaining({ name: 'Test VM: Instance', source: 'default' }));

    const text = await cli(['--requests-per-month', '10000000']);
    expect(text.out).toMatch(/^ {2}Test VM +\$250\/mo {3}1 x always-on VM \(fixed\): instance \$250; Test VM is cheaper from about [\d.]+M requests\/month$/m);
  });

  test('without it, the CLI JSON has the default platforms by id, and the fields of Lambda and Fargate as before', async () => {
    unregister();
    const flags = await cli(['--requests-per-month', '10000000', '--format', 'json']);
    expect(flags.code).toBe(0);
    const report = JSON.parse(flags.out);
    expect(Object.keys(report.platforms)).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate']);
    expect(report.platforms.lambda.monthlyUsd).toBe(report.lambda.monthlyUsd);
    expect(report.platforms['ecs-fargate'].monthlyUsd).toBe(report.fargate.monthlyUsd);
    expect(report.platforms.lambda).not.toHaveProperty('crossover');
    expect(report.platforms['ecs-fargate'].crossover).toEqual(report.crossover);
  });
});

describe('the platforms a user enables', () => {
  const fn = () =>
    analyzeText(
      {
        uri: 'file:///t/template.yaml',
        text: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n',
      },
      resolveConfig({}),
    ).model!.functions[0]!;
  const ids = (settings: Parameters<typeof resolveCostSettings>[0]) =>
    estimateWorkload({ kind: 'lambda-function', fn: fn() }, 'template.yaml', emptyUsage(), resolveCostSettings(settings)).typical.platforms.map(
      (p) => p.platform,
    );

  test('the default ones and every registered platform by default; only those named when the setting lists them (Lambda and Fargate always)', () => {
    expect(ids({})).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate', 'test-vm']);
    expect(ids({ platforms: [] })).toEqual(['lambda', 'ecs-fargate']);
    expect(ids({ platforms: ['test-vm'] })).toEqual(['lambda', 'ecs-fargate', 'test-vm']);
    // Not costed, not solved, not swept.
    const off = { ...scenario, platforms: [] };
    expect(Object.keys(crossovers(off, US))).toEqual(['ecs-fargate']);
    expect(sweep(off, US, 3).others).toBeUndefined();
  });

  test('the view offers each platform as a switch and shows only those switched on', () => {
    const estimate = estimateWorkload({ kind: 'lambda-function', fn: fn() }, 'template.yaml', emptyUsage(), resolveCostSettings({}));
    const all = workloadComparison(estimate, {}, {});
    // The default ones, the registered test VM, then the built platforms a user turns on by name; App Runner only
    // for its existing customers.
    expect(all.available.map((p) => p.id)).toEqual(['ecs-ec2', 'eks-fargate', 'test-vm', 'eks-ec2', 'ecs-express', 'ecs-fargate-spot', 'lambda-managed']);
    expect(workloadComparison(estimate, { appRunnerCustomer: true }, {}).available.map((p) => p.id)).toContain('app-runner');
    expect(all.platforms.map((p) => p.id)).toContain('test-vm');
    const off = workloadComparison(estimate, { platforms: [] }, {});
    expect(off.platforms.map((p) => p.id)).toEqual(['lambda', 'ecs-fargate']);
    expect(Object.keys(off.report.platforms)).toEqual(['lambda', 'ecs-fargate']);
  });

  test('an unknown id is left out and said once', () => {
    const problems: string[] = [];
    expect(resolveCostSettings({ platforms: ['test-vm', 'mainframe'] }, problems).platforms).toEqual(['test-vm']);
    expect(problems).toEqual([
      expect.stringMatching(/^crossover\.platforms: "mainframe" is not a platform of this version \(lambda, ecs-fargate, ecs-ec2, eks-fargate, test-vm, /),
    ]);
  });

  test('the platforms on request are costed only when named, and what they must say comes with the figure', () => {
    expect(ids({ platforms: ['ecs-ec2', 'eks-fargate'] })).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate']);
    expect(ids({})).not.toContain('eks-ec2');
    // App Runner takes no new customers: named alone it is not costed; for an existing customer it is, with its status.
    expect(ids({ platforms: ['app-runner'] })).toEqual(['lambda', 'ecs-fargate']);
    const e = estimateWorkload(
      { kind: 'lambda-function', fn: fn() },
      'template.yaml',
      emptyUsage(),
      resolveCostSettings({ platforms: ['app-runner'], appRunnerCustomer: true }),
    );
    expect(e.typical.platforms.map((p) => p.platform)).toEqual(['lambda', 'ecs-fargate', 'app-runner']);
    expect(e.notes.some((n) => n.startsWith('App Runner is ') && n.includes('2026-04-30'))).toBe(true);
  });

  test('a platform the region cannot price is costed as incomplete and never named the cheapest', async () => {
    // eu-west-2 has no App Runner prices in the sources: every App Runner part is left out ($0), so a lower bound.
    const london = { ...scenario, region: 'eu-west-2', platforms: ['app-runner'], appRunnerCustomer: true };
    const c = compare(london, priceBook('eu-west-2'));
    const appRunner = c.platforms.find((p) => p.platform === 'app-runner')!;
    expect(appRunner.incomplete).toBe(true);
    expect(appRunner.monthlyUsd).toBeLessThan(Math.min(c.lambda.monthlyUsd, c.fargate.monthlyUsd));
    expect(ranking(c).map((p) => p.platform)).toEqual(
      c.platforms
        .filter((p) => p.platform !== 'app-runner')
        .sort((a, b) => a.monthlyUsd - b.monthlyUsd)
        .map((p) => p.platform),
    );
    const json = JSON.parse((await cli(['--region', 'eu-west-2', '--platforms', 'app-runner', '--format', 'json'])).out);
    expect(json.platforms['app-runner'].incomplete).toBe(true);
    // No verdict is drawn from a lower bound.
    expect(json.platforms['app-runner'].crossover).toEqual({ requestsPerMonth: null, ranges: [], note: expect.stringMatching(/^No verdict for App Runner: /) });
    expect(json.cheapest.platform).not.toBe('app-runner');
    expect(json.cheapest.runnerUp).not.toBe('app-runner');
    // In us-east-1 it has its prices: complete, and ranked.
    const us = compare({ ...london, region: 'us-east-1' }, US);
    expect(us.platforms.find((p) => p.platform === 'app-runner')!.incomplete).toBe(false);
    expect(ranking(us).map((p) => p.platform)).toContain('app-runner');
  });

  test('crossover cost --platforms: the JSON has the platforms named, and refuses unknown ones', async () => {
    const none = JSON.parse((await cli(['--platforms', 'lambda,fargate', '--format', 'json'])).out);
    expect(Object.keys(none.platforms)).toEqual(['lambda', 'ecs-fargate']);
    const vm = JSON.parse((await cli(['--platforms', 'test-vm', '--format', 'json'])).out);
    expect(Object.keys(vm.platforms)).toEqual(['lambda', 'ecs-fargate', 'test-vm']);
    // The short names of the command line, and App Runner named there (the user says they use it).
    const all = JSON.parse((await cli(['--platforms', 'express,fargate-spot,app-runner,eks-ec2,lambda-managed', '--format', 'json'])).out);
    expect(Object.keys(all.platforms)).toEqual(['lambda', 'ecs-fargate', 'eks-ec2', 'ecs-express', 'ecs-fargate-spot', 'lambda-managed', 'app-runner']);
    const bad = await cli(['--platforms', 'mainframe']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--platforms: mainframe is not a platform of this version\. Platforms: lambda, ecs-fargate, ecs-ec2, eks-fargate, test-vm, /);
  });
});
