// The editor keeps, for every file of a workspace, only the figures of its workloads (core's FileFigures), not the
// estimates: the status total, the summary rows and the quick picks made from them must be those the estimates give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../src/core/engine.js';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { asWritten, countedWorkloads, workspaceTotal, type CountedWorkload } from '../../../src/core/cost/totals.js';
import { capacitySummary, workloadSummary } from '../../../src/core/cost/comparison.js';
import { declarationKey, declaredElsewhere } from '../../../src/core/cost/instances.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { templateCosts, type TemplateCosts } from '../../../src/core/cost/workloads.js';
import { countedOnce, fileFigures, fileFigureSteps, pickTitle, type FileFigures } from '../../../src/core/present/workspace-figures.js';
import { type WorkloadEstimate } from '../../../src/core/cost/estimate.js';
import { type SourceLocation } from '../../../src/core/model/location.js';
import { corpusIndex, corpusRoot, TEMPLATE_KINDS } from '../../support/corpus.js';
import { seeded } from '../../../scripts/lib/random.mjs';

const settings = resolveCostSettings({ freeTier: true });
const FIXTURE = join(import.meta.dirname, '../../fixtures/cost/as-written');
// Api and WebService on given traffic, the rest on assumed traffic.
const usage = parseUsageFile('crossover.usage.yml', readFileSync(join(FIXTURE, 'crossover.usage.yml'), 'utf8'));

function costsOf(uri: string, text: string): TemplateCosts | undefined {
  const model = analyzeText({ uri, text }, resolveConfig({})).model;
  return model && templateCosts(model, uri.slice(uri.lastIndexOf('/') + 1), usage, settings);
}

/** What the editor did with the estimates themselves before: counted per file, declarations instantiated elsewhere left out. */
function totalFromEstimates(files: readonly TemplateCosts[]) {
  const nodesOf = (c: TemplateCosts) => [...c.functions.map((f) => f.fn), ...c.tasks.map((t) => t.node), ...c.services.map((s) => s.node)];
  const elsewhere = declaredElsewhere(files.flatMap(nodesOf));
  const all: CountedWorkload[] = [];
  for (const c of files) {
    const left = new Set(nodesOf(c).flatMap((n) => (!n.instance && elsewhere.has(declarationKey(n.loc)) ? [n.id] : [])));
    for (const w of countedWorkloads(c)) if (!left.has(w.id)) all.push(w);
  }
  return workspaceTotal(all, settings.freeTier, settings.priceOverrides);
}

const totalFromFigures = (figures: readonly FileFigures[]) =>
  workspaceTotal(
    countedOnce(figures.map((f, file) => ({ file, figures: f }))).map(({ workload }) => workload.total),
    settings.freeTier,
    settings.priceOverrides,
  );

/** Each workload's summary row as the summary computed it from the estimate. */
function expectSummaries(costs: TemplateCosts, figures: FileFigures): void {
  const counted = countedWorkloads(costs);
  expect(figures.workloads.map((w) => [w.id, w.kind])).toEqual(counted.map((w) => [w.id, w.kind]));
  for (const [i, w] of counted.entries()) {
    const fn = costs.functions.find((f) => f.fn.id === w.id)?.fn;
    const task = costs.tasks.find((t) => t.node.id === w.id)?.task;
    expect(figures.workloads[i]!.summary).toEqual(w.estimate ? workloadSummary(w.estimate, fn ? { fn } : task ? { task } : {}) : capacitySummary(w));
  }
}

/** Two functions, a service with its task definition, a task definition alone, an EKS node group. */
const MIXED = readFileSync(join(FIXTURE, 'template.yaml'), 'utf8');

describe('the workspace figures of a file', () => {
  test('a mixed template: the same total, summary rows, lines and picks as its estimates give', () => {
    const costs = costsOf('file:///w/mixed.yaml', MIXED)!;
    const figures = fileFigures(costs, { summaries: true });
    expect(figures.workloads.length).toBeGreaterThan(3);
    // Without summaries (the engine thread's): the same total, no summary figures.
    const bare = fileFigures(costs);
    expect(bare.summaries).toBe(false);
    expect(bare.workloads.every((w) => w.summary === undefined)).toBe(true);
    expect(totalFromFigures([bare])).toEqual(totalFromEstimates([costs]));
    expect(totalFromFigures([figures])).toEqual(totalFromEstimates([costs]));
    expectSummaries(costs, figures);
    // The line of each workload is its declaration's.
    const lines = new Map([...costs.functions.map((f) => [f.fn.id, f.fn.loc]), ...costs.tasks.map((t) => [t.node.id, t.node.loc])] as [
      string,
      SourceLocation,
    ][]);
    for (const w of figures.workloads) if (lines.has(w.id)) expect(w.line).toBe(lines.get(w.id)!.range.start.line);
    // Picks: every function, then every task definition and service, with its cost where it runs and the cheapest.
    const written = (e: WorkloadEstimate) => asWritten({ runsOn: e.runsOn, estimate: e });
    expect(figures.picks).toEqual([
      ...costs.functions.map((f) => ({ id: f.fn.id, workload: 'function', kind: f.fn.kind, title: pickTitle(written(f.estimate)) })),
      ...costs.tasks.map((t) => ({ id: t.node.id, workload: 'task', kind: t.node.kind, title: pickTitle(written(t.estimate)) })),
    ]);
    // Api's traffic is given: on Lambda, Fargate cheaper or not, its title says where it runs and what it costs there.
    const api = figures.picks.find((p) => p.id === 'Api')!;
    expect(api.title).toMatch(/^about \$[\d,.]+\/mo on Lambda(, the cheapest| · cheapest: .+ \(\$[\d,.]+\/mo\))$/);
    expect(pickTitle({ home: { id: 'lambda', label: 'Lambda' }, homeUsd: 218, cheapest: { id: 'ecs-fargate', label: 'Fargate', monthlyUsd: 60 } })).toBe(
      'about $218/mo on Lambda · cheapest: Fargate ($60.00/mo)',
    );
    expect(pickTitle({ home: { id: 'lambda', label: 'Lambda' }, homeUsd: 18.67, cheapest: { id: 'lambda', label: 'Lambda', monthlyUsd: 18.67 } })).toBe(
      'about $18.67/mo on Lambda, the cheapest',
    );
  });

  test('an unchanged estimate keeps its figures (typing in one function of a large template sums that one again)', () => {
    const costs = costsOf('file:///w/mixed.yaml', MIXED)!;
    const first = fileFigures(costs, { summaries: true });
    const again = fileFigures(costs, { summaries: true });
    for (const [i, w] of again.workloads.entries()) if (w.kind !== 'eks-nodegroup') expect(w.summary).toBe(first.workloads[i]!.summary);
  });

  test("each estimate's summary row worked out is a step of its own; rows kept from before, and figures without rows, go twenty a step", () => {
    const costs = costsOf('file:///w/mixed.yaml', MIXED)!;
    const stepsOf = (summaries: boolean) => {
      const steps = fileFigureSteps(costs, { summaries });
      let count = 0;
      for (let step = steps.next(); !step.done; step = steps.next()) count++;
      return count;
    };
    // The node group's row is no estimate's (no crossovers to solve): it takes no step of its own.
    const counted = countedWorkloads(costs);
    const estimated = counted.filter((w) => w.estimate).length;
    expect(estimated).toBeGreaterThan(1);
    expect(estimated).toBeLessThan(counted.length);
    expect(counted.length).toBeLessThan(20);
    expect(stepsOf(false)).toBe(0);
    expect(stepsOf(true)).toBe(estimated);
    expect(stepsOf(true)).toBe(0);
  });

  test('a declaration instantiated in another file counts through its instances only', () => {
    const costs = costsOf('file:///w/mixed.yaml', MIXED)!;
    const [a, b] = costs.functions;
    const at = (uri: string, line: number): SourceLocation => ({ uri, range: { start: { line, character: 4 }, end: { line, character: 20 } }, path: [] });
    const declaredAt = at('file:///app/lib/orders.ts', 12);
    const instance = (id: string) => ({ className: 'Orders', id, site: at('file:///app/bin/app.ts', 3), declaredAt });
    const lib: TemplateCosts = {
      functions: [{ fn: { ...a!.fn, id: 'Handler', loc: declaredAt }, estimate: a!.estimate }],
      tasks: [],
      services: [],
      capacity: [],
    };
    const bin: TemplateCosts = {
      functions: ['Dev', 'Prod'].map((id) => ({ fn: { ...b!.fn, id: `${id}/Handler`, loc: declaredAt, instance: instance(id) }, estimate: b!.estimate })),
      tasks: [],
      services: [],
      capacity: [],
    };
    const figures = [fileFigures(lib), fileFigures(bin)];
    expect(figures[1]!.standsFor).toEqual([declarationKey(declaredAt)]);
    const total = totalFromFigures(figures);
    expect(total.workloads).toBe(2); // Dev and Prod, not the class's own reading of Handler
    expect(total).toEqual(totalFromEstimates([lib, bin]));
  });

  const root = corpusRoot();
  test.skipIf(!root)('corpus templates: one workspace total from the figures equals the one from the estimates', () => {
    const next = seeded(20261201);
    const entries = corpusIndex(root!).filter((e) => TEMPLATE_KINDS.has(e.kind) || e.kind === 'sls');
    const picked = entries.filter(() => next() < 400 / entries.length);
    const files: TemplateCosts[] = [];
    for (const e of picked) {
      const costs = costsOf(`file:///corpus/${e.path}`, readFileSync(join(root!, e.path), 'utf8'));
      if (!costs) continue;
      expectSummaries(costs, fileFigures(costs, { summaries: true }));
      files.push(costs);
    }
    expect(files.length).toBeGreaterThan(200);
    const figures = files.map((c) => fileFigures(c));
    const total = totalFromFigures(figures);
    expect(total.workloads).toBeGreaterThan(300);
    expect(total).toEqual(totalFromEstimates(files));
  });
});
