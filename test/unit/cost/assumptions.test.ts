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
