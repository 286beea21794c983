// Where each assumption comes from, said the same way for a function and for a task definition (one builder for
// the traffic assumptions both share).
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const settings = resolveCostSettings({});
const taskdef = JSON.stringify({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '1024',
  memory: '2048',
  containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
});
const template = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n';

const task = () => analyzeText({ uri: 'file:///t/taskdef.json', text: taskdef }, config).model!.taskDefinitions[0]!;
const fn = () => analyzeText({ uri: 'file:///t/template.yaml', text: template }, config).model!.functions[0]!;
const requests = (assumptions: { name: string; value: string; source: string }[]) => assumptions.find((a) => a.name === 'Requests per month');

describe('requests per month given per second in the usage file defaults', () => {
  const usage = parseUsageFile('crossover.usage.yml', 'defaults:\n  requestsPerSecond: 10\n  averageDurationMs: 250\n');

  test.each([
    ['a task definition', () => estimateWorkload({ kind: 'ecs-task', task: task(), service: undefined }, 'taskdef.json', usage, settings)!],
    ['a function', () => estimateWorkload({ kind: 'lambda-function', fn: fn() }, 'template.yaml', usage, settings)],
  ])('%s: the figure and its source are the usage file', (_name, estimate) => {
    const e = estimate();
    expect(e.traffic).toBe('given');
    expect(requests(e.assumptions)).toEqual({ name: 'Requests per month', value: '26.3M', source: 'usage file' });
    expect(e.assumptions.find((a) => a.name === 'Average duration')).toEqual({ name: 'Average duration', value: '250 ms', source: 'usage file' });
  });
});

describe('no traffic in the usage file', () => {
  test('both say the bands come from the defaults', () => {
    const empty = parseUsageFile('crossover.usage.yml', 'resources: {}\n');
    const t = estimateWorkload({ kind: 'ecs-task', task: task(), service: undefined }, 'taskdef.json', empty, settings)!;
    const f = estimateWorkload({ kind: 'lambda-function', fn: fn() }, 'template.yaml', empty, settings);
    expect(requests(t.assumptions)).toEqual(requests(f.assumptions));
    expect(requests(t.assumptions)).toEqual({ name: 'Requests per month', value: '100k / 1M / 10M (low / typical / high)', source: 'default' });
  });
});

describe('the Fargate task follows the function', () => {
  const withMemory = (mb: number) => analyzeText({ uri: 'file:///t/template.yaml', text: `${template}      MemorySize: ${mb}\n` }, config).model!.functions[0]!;
  const estimate = (mb: number, s = settings) =>
    estimateWorkload({ kind: 'lambda-function', fn: withMemory(mb) }, 'template.yaml', parseUsageFile('u.yml', ''), s);

  test.each([
    // memory / 1,769 MB of CPU share, rounded up to the smallest Fargate size with at least that and the memory.
    [128, 0.25, 0.5],
    [1024, 1, 2],
    [1769, 1, 2],
    [3008, 2, 4],
    [10240, 8, 16],
  ])('%i MB: a %s vCPU / %s GB task', (mb, vcpu, gb) => {
    const f = estimate(mb).scenario.fargate;
    expect([f.vcpu, f.memoryGb]).toEqual([vcpu, gb]);
    // A request in flight keeps the function's CPU share busy for half its duration (the default).
    expect(f.requestVcpu * f.cpuBusyShare).toBeCloseTo(Math.min(6, mb / 1769) * 0.5, 9);
  });

  test('the settings still fix the size, and say so', () => {
    const e = estimate(10240, resolveCostSettings({ fargate: { vcpu: 1, memoryGb: 2 } }));
    // 1 vCPU with 2 GB is a valid size: the settings' task, whatever the function's memory.
    expect([e.scenario.fargate.vcpu, e.scenario.fargate.memoryGb]).toEqual([1, 2]);
    expect(e.assumptions.find((a) => a.name === 'Fargate task')!.source).toBe('settings');
  });
});
