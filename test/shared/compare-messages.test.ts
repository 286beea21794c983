// The comparison view's messages are checked at run time in both directions (src/shared/compare-checks.ts):
// what the webviews send the extension, and the state a view hands back after a reload. Anything else is
// ignored, and the reason goes to the log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { parseUsageFile } from '../../src/core/cost/usage-file.js';
import { viewFigures } from '../../src/core/cost/view-figures.js';
import { analyzeText } from '../../src/core/engine.js';
import { acceptFromView, checkFromView, checkToView } from '../../src/shared/compare-checks.js';
import { summaryTotal } from '../../src/core/present/view.js';
import { type CompareViewState, type SummaryRow } from '../../src/shared/compare-messages.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'cost');

/** A state as the extension's panel builds it, after the trip through the webview's saved state (JSON). */
function savedState(): CompareViewState {
  const template = join(fixtures, 'template.yaml');
  const uri = `file://${template}`;
  const model = analyzeText({ uri, text: readFileSync(template, 'utf8') }, resolveConfig({})).model!;
  const usage = parseUsageFile('crossover.usage.yml', readFileSync(join(fixtures, 'crossover.usage.yml'), 'utf8'));
  const fn = model.functions[0]!;
  const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings({}));
  const overrides = { memoryMb: 1024, region: 'eu-west-1', frontDoor: 'alb' as const, spot: true, platforms: ['ecs-ec2', 'eks-fargate'] };
  const state: CompareViewState = {
    workload: { id: fn.id, kind: 'lambda-function', file: 'template.yaml', uri, line: fn.loc.range.start.line },
    overrides,
    ...viewFigures(estimate, { fn }, overrides, {}),
  };
  return JSON.parse(JSON.stringify(state));
}

describe('from the view', () => {
  test('every message the views send passes, as a new object with its fields only', () => {
    const messages = [
      { type: 'ready' },
      { type: 'reset' },
      { type: 'saveUsage' },
      { type: 'openEquivalent' },
      { type: 'openEquivalent', platform: 'eks-fargate' },
      { type: 'open', uri: 'file:///w/template.yaml', line: 12 },
      { type: 'compare', uri: 'file:///w/template.yaml', id: 'Fn' },
      { type: 'override', overrides: {} },
      {
        type: 'override',
        overrides: {
          requestsPerMonth: 5e6,
          durationMs: 120,
          memoryMb: 1769,
          architecture: 'arm64',
          region: 'ap-southeast-2',
          frontDoor: 'http-api',
          fargateVcpu: 0.5,
          fargateMemoryGb: 1,
          perTaskConcurrency: 20,
          minTasks: 3,
          freeTier: true,
          spot: false,
        },
      },
    ];
    for (const message of messages) {
      const checked = checkFromView(message);
      expect(checked, JSON.stringify(message)).toEqual({ ok: true, value: message });
      if (checked.ok) expect(checked.value).not.toBe(message);
    }
  });

  const refused: [string, unknown, RegExp][] = [
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type "runCommand"/],
    ['no type', { uri: 'x' }, /unknown message type/],
    ['not an object', 'ready', /not an object/],
    ['null', null, /not an object/],
    ['a list', [{ type: 'ready' }], /not an object/],
    ['an extra field', { type: 'saveUsage', path: '/etc/passwd' }, /unknown field "path"/],
    ['a line that is a string', { type: 'open', uri: 'file:///w/t.yaml', line: '3' }, /open.line is not a finite number/],
    ['a negative line', { type: 'open', uri: 'file:///w/t.yaml', line: -1 }, /out of range/],
    ['a line that is not whole', { type: 'open', uri: 'file:///w/t.yaml', line: 1.5 }, /not a whole number/],
    ['a uri that is a number', { type: 'open', uri: 7, line: 1 }, /open.uri is not a string/],
    ['a uri of 10,000 characters', { type: 'open', uri: `file:///${'a'.repeat(10_000)}`, line: 1 }, /longer than/],
    ['an id missing', { type: 'compare', uri: 'file:///w/t.yaml' }, /compare.id is not a string/],
    ['overrides that are not an object', { type: 'override', overrides: [1] }, /overrides is not an object/],
    ['a huge number', { type: 'override', overrides: { requestsPerMonth: 1e300 } }, /requestsPerMonth 1e\+300 is out of range/],
    ['a number that is not finite', { type: 'override', overrides: { durationMs: Number.POSITIVE_INFINITY } }, /durationMs is not a finite number/],
    ['a number as text', { type: 'override', overrides: { memoryMb: '1024' } }, /memoryMb is not a finite number/],
    ['a vCPU Fargate does not offer', { type: 'override', overrides: { fargateVcpu: 3 } }, /fargateVcpu 3 is out of range/],
    ['a prototype key', JSON.parse('{"type": "override", "overrides": {"__proto__": {"requestsPerMonth": 5}}}'), /unknown field "__proto__"/],
    ['a constructor key', { type: 'override', overrides: { constructor: 1 } }, /unknown field "constructor"/],
    ['a region that is a prototype key', { type: 'override', overrides: { region: 'constructor' } }, /not a region code/],
    ['a front door that is not one', { type: 'override', overrides: { frontDoor: 'ftp' } }, /frontDoor is not one of/],
    ['a flag that is not a boolean', { type: 'override', overrides: { spot: 'yes' } }, /spot is not true or false/],
    ['an equivalent of a platform that is not an id', { type: 'openEquivalent', platform: '../../etc' }, /openEquivalent.platform is not a platform id/],
    ['an equivalent platform that is a number', { type: 'openEquivalent', platform: 3 }, /openEquivalent.platform is not a string/],
    ['an equivalent with a path', { type: 'openEquivalent', path: '/tmp/x.yaml' }, /unknown field "path"/],
  ];
  for (const [name, message, reason] of refused) {
    test(`${name}: ignored, and the reason logged`, () => {
      const log: string[] = [];
      expect(acceptFromView(message, (line) => log.push(line))).toBeUndefined();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatch(reason);
    });
  }

  test('nothing is logged for a message that passes', () => {
    const log: string[] = [];
    expect(acceptFromView({ type: 'ready' }, (line) => log.push(line))).toEqual({ type: 'ready' });
    expect(log).toEqual([]);
  });
});

describe('to the view, and back after a reload', () => {
  test('the state a comparison view saved passes', () => {
    const state = savedState();
    expect(Object.keys(state.equivalents)).toEqual(['ecs-fargate', 'ecs-ec2', 'eks-fargate']);
    expect(checkToView({ type: 'state', state })).toEqual({ ok: true, value: { type: 'state', state } });
  });

  test('summary rows pass', () => {
    const rows: SummaryRow[] = [
      {
        id: 'Fn',
        kind: 'ecs-service',
        file: 't.yaml',
        uri: 'file:///w/t.yaml',
        line: 3,
        lambdaUsd: 1.5,
        fargateUsd: 72,
        fargateTasks: 2,
        requestsPerMonth: 1e6,
        traffic: 'assumed',
        recommendation: 'either',
        runsOn: 'Fargate',
        homeUsd: 72,
        cheapest: { id: 'lambda', label: 'Lambda', monthlyUsd: 1.5 },
        savingUsd: 0,
      },
      {
        id: 'Handler',
        kind: 'lambda-function',
        file: 't.yaml',
        uri: 'file:///w/t.yaml',
        line: 9,
        lambdaUsd: 1.5,
        fargateUsd: 72,
        fargateTasks: 2,
        requestsPerMonth: 1e6,
        traffic: 'given',
        recommendation: 'lambda',
        runsOn: 'Lambda',
        homeUsd: 1.5,
        cheapest: { id: 'lambda', label: 'Lambda', monthlyUsd: 1.5 },
        savingUsd: 0,
      },
      {
        id: 'Nodes',
        kind: 'eks-nodegroup',
        file: 't.yaml',
        uri: 'file:///w/t.yaml',
        line: 20,
        lambdaUsd: 0,
        fargateUsd: 0,
        fargateTasks: 0,
        requestsPerMonth: 0,
        traffic: 'none',
        recommendation: 'none',
        runsOn: 'EKS on EC2',
        homeUsd: 140,
        savingUsd: 0,
      },
    ];
    expect(checkToView({ type: 'summary', rows }).ok).toBe(true);
    expect(checkToView({ type: 'summary', rows: [{ ...rows[0], homeUsd: -1 }] }).ok).toBe(false);
    expect(checkToView({ type: 'summary', rows: [{ ...rows[0], kind: 'eks-cluster' }] }).ok).toBe(false);
    expect(checkToView({ type: 'summary', rows: [{ ...rows[0], cheapest: { id: 'x', label: 7, monthlyUsd: 1 } }] }).ok).toBe(false);
    // The account's free tier, subtracted once from the Lambda total: 0 or negative, nothing else.
    expect(checkToView({ type: 'summary', rows, freeTierCreditUsd: -0.5 })).toMatchObject({ ok: true, value: { freeTierCreditUsd: -0.5 } });
    expect(checkToView({ type: 'summary', rows, freeTierCreditUsd: 3 }).ok).toBe(false);
    // The total line says it, as written: $72 on Fargate + ($1.50 - $0.50) on Lambda + $140 of nodes = $213.00.
    expect(summaryTotal(rows, -0.5)).toMatch(
      /^3 workloads as written: \$213\/mo \(Fargate \$72\.00, Lambda \$1\.00, EKS on EC2 \$140, after the account's free tier, once \(-\$0\.50\)\)\./,
    );
    // The Fargate service's traffic is assumed: not in the savings, and said so.
    expect(summaryTotal(rows, -0.5)).toContain('Nothing with given traffic is cheaper elsewhere. Traffic is assumed for 1: left out of the savings.');
  });

  test('the platforms to show: a list of platform ids, nothing else', () => {
    expect(checkFromView({ type: 'override', overrides: { platforms: ['ecs-ec2', 'eks-fargate'] } })).toMatchObject({
      ok: true,
      value: { overrides: { platforms: ['ecs-ec2', 'eks-fargate'] } },
    });
    expect(checkFromView({ type: 'override', overrides: { platforms: ['<script>'] } }).ok).toBe(false);
    expect(checkFromView({ type: 'override', overrides: { platforms: 'ecs-ec2' } }).ok).toBe(false);
  });

  test('a saved state that was tampered with is refused, with the reason', () => {
    // Written as the webview could write them: any value anywhere.
    type Loose = { [key: string]: Loose } & Loose[];
    const cases: [(s: Loose) => void, RegExp][] = [
      [(s) => (s['workload']!['uri'] = 42 as never), /state.workload.uri is not a string/],
      [(s) => (s['workload']!['kind'] = 'vm' as never), /state.workload.kind is not one of/],
      [(s) => (s['workload']!['line'] = -3 as never), /state.workload.line -3 is out of range/],
      [(s) => (s['overrides'] = { requestsPerMonth: 1e300 } as never), /state.overrides.requestsPerMonth 1e\+300 is out of range/],
      [(s) => (s['overrides'] = JSON.parse('{"__proto__": {}}')), /state.overrides has an unknown field "__proto__"/],
      [(s) => (s['data']!['sweep']!['lambda']![3] = Number.NaN as never), /state.data.sweep.lambda\[3\] is not a finite number/],
      [(s) => (s['equivalent']!['content'] = 'x'.repeat(1_000_001) as never), /state.equivalent.content is longer than/],
      [(s) => (s['decision']!['items']![0]!['at'] = { uri: 'file:///etc/passwd', line: 'one' } as never), /at.line is not a finite number/],
      [(s) => (s['sources'] = 'none' as never), /state.sources is not a list/],
      // The equivalents: one YAML text per platform id.
      [(s) => (s['equivalents'] = [] as never), /state.equivalents is not an object/],
      [(s) => (s['equivalents']!['<img src=x>'] = s['equivalents']!['ecs-ec2']!), /state.equivalents has a key that is not a platform id/],
      [(s) => (s['equivalents']!['ecs-ec2']!['language'] = 'shellscript' as never), /state.equivalents.ecs-ec2.language is not one of yaml/],
      [(s) => (s['equivalents']!['eks-fargate']!['content'] = 7 as never), /state.equivalents.eks-fargate.content is not a string/],
      [(s) => (s['equivalents']!['eks-fargate'] = 'apiVersion: v1' as never), /state.equivalents.eks-fargate is not an object/],
      [(s) => (s['decision']!['recommendation']!['side'] = 'vm' as never), /state.decision.recommendation.side is not one of/],
      [(s) => (s['decision']!['recommendation']!['platform']!['label'] = 5 as never), /state.decision.recommendation.platform.label is not a string/],
    ];
    for (const [tamper, reason] of cases) {
      const state = savedState() as unknown as Loose;
      tamper(state);
      const checked = checkToView({ type: 'state', state });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason).toMatch(reason);
    }
    expect(checkToView({ type: 'html', html: '<script>' })).toEqual({ ok: false, reason: 'unknown message type "html"' });
    expect(checkToView({ type: 'summary', rows: [{ id: 'x' }] }).ok).toBe(false);
  });
});
