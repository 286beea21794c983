// Estimates kept between versions of a file: a workload whose node did not change keeps its estimate (the same
// object), a changed one is estimated again, and the figures always equal a computation without the memo.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage, NO_USAGE_FILE, parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { EstimateMemo, templateCosts, templateCostSteps } from '../../../src/core/cost/workloads.js';
import { analyzeText } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
const settings = resolveCostSettings();
const usage = parseUsageFile('crossover.usage.yml', 'defaults:\n  requestsPerMonth: 2000000\n');

function template(memory: (i: number) => number): string {
  const lines = ['Transform: AWS::Serverless-2016-10-31', 'Resources:'];
  for (let i = 0; i < 12; i++) {
    lines.push(`  Fn${i}:`, '    Type: AWS::Serverless::Function', '    Properties:', '      Runtime: nodejs22.x', '      Handler: index.handler');
    lines.push(`      MemorySize: ${memory(i)}`, '      Timeout: 20', '      Events:', '        Get:', '          Type: HttpApi');
  }
  lines.push(
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties: {Cpu: 1024, Memory: 2048, RequiresCompatibilities: [FARGATE], ContainerDefinitions: []}',
  );
  return lines.join('\n') + '\n';
}

const modelOf = (text: string) => analyzeText({ uri: 'file:///w/template.yaml', text }, config).model!;

describe('EstimateMemo', () => {
  test('a changed function is estimated again, the others keep their estimates, and the figures equal a fresh computation', () => {
    const memo = new EstimateMemo();
    const first = templateCosts(modelOf(template(() => 512)), 'template.yaml', usage, settings, undefined, memo);
    const edited = template((i) => (i === 4 ? 2048 : 512));
    const second = templateCosts(modelOf(edited), 'template.yaml', usage, settings, undefined, memo);
    expect(second.functions).toHaveLength(12);
    for (const [i, cost] of second.functions.entries()) {
      if (i === 4) expect(cost.estimate).not.toBe(first.functions[i]!.estimate);
      else expect(cost.estimate).toBe(first.functions[i]!.estimate);
    }
    expect(second.tasks[0]!.estimate).toBe(first.tasks[0]!.estimate);
    // The same figures as without the memo, the edited function's too.
    expect(second).toEqual(templateCosts(modelOf(edited), 'template.yaml', usage, settings));
    expect(second.functions[4]!.estimate.typical).not.toEqual(first.functions[4]!.estimate.typical);
  });

  test('a function that moved (a line added above it) is estimated again: its decisions point at lines', () => {
    const memo = new EstimateMemo();
    const text = template(() => 512);
    const first = templateCosts(modelOf(text), 'template.yaml', usage, settings, undefined, memo);
    const shifted = text.replace('Resources:\n', 'Resources:\n  # a comment\n');
    const second = templateCosts(modelOf(shifted), 'template.yaml', usage, settings, undefined, memo);
    for (const [i, cost] of second.functions.entries()) expect(cost.estimate).not.toBe(first.functions[i]!.estimate);
    expect(second).toEqual(templateCosts(modelOf(shifted), 'template.yaml', usage, settings));
  });

  test('other usage or settings: nothing is kept', () => {
    const memo = new EstimateMemo();
    const model = modelOf(template(() => 1024));
    const first = templateCosts(model, 'template.yaml', usage, settings, undefined, memo);
    const more = parseUsageFile('crossover.usage.yml', 'defaults:\n  requestsPerMonth: 90000000\n');
    const second = templateCosts(model, 'template.yaml', more, settings, undefined, memo);
    expect(second.functions[0]!.estimate).not.toBe(first.functions[0]!.estimate);
    expect(second).toEqual(templateCosts(model, 'template.yaml', more, settings));
    const third = templateCosts(model, 'template.yaml', more, resolveCostSettings({ region: 'eu-west-1' }), undefined, memo);
    expect(third.functions[0]!.estimate.region).toBe('eu-west-1');
  });

  test('a folder without a usage file: the one NO_USAGE_FILE keeps the estimates between versions, a new empty usage each time keeps none', () => {
    const text = template(() => 512);
    const edited = template((i) => (i === 4 ? 2048 : 512));
    const kept = new EstimateMemo();
    const first = templateCosts(modelOf(text), 'template.yaml', NO_USAGE_FILE, settings, undefined, kept);
    const second = templateCosts(modelOf(edited), 'template.yaml', NO_USAGE_FILE, settings, undefined, kept);
    for (const [i, cost] of second.functions.entries()) {
      if (i === 4) expect(cost.estimate).not.toBe(first.functions[i]!.estimate);
      else expect(cost.estimate).toBe(first.functions[i]!.estimate);
    }
    expect(second).toEqual(templateCosts(modelOf(edited), 'template.yaml', emptyUsage(), settings));
    // What the editor did before: an equal but new empty usage per lookup, so every workload was estimated again.
    const lost = new EstimateMemo();
    const before = templateCosts(modelOf(text), 'template.yaml', emptyUsage(), settings, undefined, lost);
    const after = templateCosts(modelOf(edited), 'template.yaml', emptyUsage(), settings, undefined, lost);
    for (const [i, cost] of after.functions.entries()) expect(cost.estimate).not.toBe(before.functions[i]!.estimate);
  });
});

/** How many steps a computation of the template takes (see templateCostSteps), and its result. */
function stepsOf(...args: Parameters<typeof templateCostSteps>) {
  const steps = templateCostSteps(...args);
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { count, costs: step.value };
    count++;
  }
}

describe('a computation left unfinished', () => {
  test('keeps what it estimated: the next goes on where it stopped; one that ends drops what it did not use', () => {
    const model = modelOf(template(() => 512));
    const fromNothing = stepsOf(model, 'template.yaml', usage, settings, undefined, new EstimateMemo());
    const memo = new EstimateMemo();
    // Stopped halfway (the editor drops a computation when a newer version of the file comes).
    const stopped = templateCostSteps(model, 'template.yaml', usage, settings, undefined, memo);
    for (let i = 0; i < fromNothing.count / 2; i++) stopped.next();
    const resumed = stepsOf(model, 'template.yaml', usage, settings, undefined, memo);
    expect(resumed.count).toBeLessThan(fromNothing.count * 0.75);
    expect(resumed.costs).toEqual(templateCosts(model, 'template.yaml', usage, settings));
    // A computation that ends forgets what it did not use: function 4 as it was is estimated again after an edit.
    stepsOf(modelOf(template((i) => (i === 4 ? 2048 : 512))), 'template.yaml', usage, settings, undefined, memo);
    const back = stepsOf(model, 'template.yaml', usage, settings, undefined, memo);
    expect(back.costs.functions[4]!.estimate).not.toBe(resumed.costs.functions[4]!.estimate);
    expect(back.costs.functions[3]!.estimate).toBe(resumed.costs.functions[3]!.estimate);
  });
});

describe('the workloads an editor shows', () => {
  test("a shown workload's lens reads are worked out in three steps of their own, also when its estimate was kept; the figures are the same", () => {
    const model = modelOf(template(() => 512));
    const none = stepsOf(model, 'template.yaml', usage, settings, undefined, undefined, { shown: () => false });
    const unset = stepsOf(model, 'template.yaml', usage, settings);
    expect(unset.count).toBe(none.count);
    const two = new Set(['Fn3', 'Task']);
    const memo = new EstimateMemo();
    const shown = stepsOf(model, 'template.yaml', usage, settings, undefined, memo, { shown: (node) => two.has(node.id) });
    expect(shown.count).toBe(none.count + 2 * 3);
    expect(shown.costs).toEqual(none.costs);
    // Kept from the previous version: no estimate steps, the reads' steps still (reading a part already worked out is free).
    const kept = stepsOf(model, 'template.yaml', usage, settings, undefined, memo, { shown: (node) => two.has(node.id) });
    const keptNone = stepsOf(model, 'template.yaml', usage, settings, undefined, memo, { shown: () => false });
    expect(kept.count).toBe(keptNone.count + 2 * 3);
    expect(keptNone.count).toBeLessThan(none.count);
    expect(kept.costs.functions[3]!.estimate).toBe(shown.costs.functions[3]!.estimate);
  });
});
