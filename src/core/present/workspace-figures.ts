/**
 * What the workspace-wide faces need of one file's estimates: per workload, its part of the status total, its row in
 * the summary and its line; per function and task, what a quick pick shows. A few hundred bytes a workload, where the
 * estimates themselves are tens of kilobytes: the editor keeps these for every file of the workspace (computed in the
 * engine thread for the files the scan reads) and the estimates only for the files open in an editor.
 */
import { capacitySummary, type SummaryFigures, workloadSummary } from '../cost/comparison.js';
import { declarationKey } from '../cost/instances.js';
import { asWritten, countedWorkloads, type CountedKind, totalFigures, type TotalFigures } from '../cost/totals.js';
import { runToEnd, type TemplateCosts } from '../cost/workloads.js';
import { type WorkloadEstimate } from '../cost/estimate.js';
import { extraPlatforms } from '../cost/platforms/index.js';
import { type ResourceBase } from '../model/nodes.js';
import { formatUsd } from '../cost/format.js';

/** One workload counted once (see countedWorkloads), with what the total and the summary take of it. */
export interface WorkloadFigures {
  id: string;
  kind: CountedKind;
  /** The line it is declared on (0-based). */
  line: number;
  total: TotalFigures;
  /** Its summary row's figures, when asked for (`summaries`): they solve the crossovers, the dearest part of an estimate. */
  summary?: SummaryFigures;
  /**
   * Its declaration (declarationKey) when it is not a construct instance: such a declaration, instantiated in another
   * file, is counted through its instances there and not again here.
   */
  declaredAt?: string;
}

/** A function, task definition or service as the "pick a workload" lists show it. */
export interface WorkloadPick {
  id: string;
  workload: 'function' | 'task';
  kind: string;
  /** Its cost where it runs and the cheapest platform (pickTitle). */
  title: string;
}

export interface FileFigures {
  workloads: WorkloadFigures[];
  /** The declarations in other files that this file's construct instances stand for (declarationKey). */
  standsFor: string[];
  picks: WorkloadPick[];
  /** Whether the workloads carry their summary figures. */
  summaries: boolean;
}

/** "about $218/mo on Lambda · cheapest: Fargate ($60/mo)", or "about $18.67/mo on Lambda, the cheapest". */
export function pickTitle(t: Pick<TotalFigures, 'home' | 'homeUsd' | 'cheapest'>): string {
  const here = `about ${formatUsd(t.homeUsd)}/mo on ${t.home.label}`;
  if (!t.cheapest) return here;
  return t.cheapest.id === t.home.id ? `${here}, the cheapest` : `${here} · cheapest: ${t.cheapest.label} (${formatUsd(t.cheapest.monthlyUsd)}/mo)`;
}

type Located = Pick<ResourceBase, 'id' | 'loc' | 'instance'>;

/** A workload's figures from its estimate, kept with the estimate (an unchanged workload keeps its estimate between versions). */
const kept = new WeakMap<WorkloadEstimate, { total: TotalFigures; summary?: SummaryFigures }>();

/** The figures of one file's estimates (see FileFigures). */
export const fileFigures = (costs: TemplateCosts, options: { summaries?: boolean } = {}): FileFigures => runToEnd(fileFigureSteps(costs, options));

/** How many workloads `fileFigureSteps` looks at between two steps. */
const WORKLOADS_PER_STEP = 20;

/**
 * The same, a step every WORKLOADS_PER_STEP workloads, and after each summary row worked out (the editor hands control
 * back between steps).
 */
export function* fileFigureSteps(costs: TemplateCosts, { summaries = false }: { summaries?: boolean } = {}): Generator<void, FileFigures, void> {
  const extra = new Set(extraPlatforms().map((p) => p.id));
  const nodes = new Map<string, Located>();
  for (const c of costs.functions) nodes.set(c.fn.id, c.fn);
  for (const t of costs.tasks) nodes.set(t.node.id, t.node);
  for (const s of costs.services) nodes.set(s.node.id, s.node);
  // Node groups are counted on their own, as the CodeLenses show them (instances of them are not looked for).
  const capacity = new Map(costs.capacity.map((c) => [c.node.id, c.node]));
  const functions = new Map(costs.functions.map((c) => [c.fn.id, c.fn]));
  const tasks = new Map(costs.tasks.map((t) => [t.node.id, t.task]));
  const workloads: WorkloadFigures[] = [];
  for (const w of countedWorkloads({ ...costs })) {
    const node = nodes.get(w.id);
    const line = (node ?? capacity.get(w.id))?.loc.range.start.line ?? 0;
    const fn = functions.get(w.id);
    const task = tasks.get(w.id);
    const own = w.estimate && w.runsOn === w.estimate.runsOn ? w.estimate : undefined;
    let figures = own ? kept.get(own) : undefined;
    if (!figures) {
      figures = { total: totalFigures(w, extra) };
      if (own) kept.set(own, figures);
    }
    // A summary row solves the workload's crossovers (a millisecond or two each): one a step.
    const solving = summaries && !figures.summary && w.estimate !== undefined;
    if (summaries) figures.summary ??= w.estimate ? workloadSummary(w.estimate, fn ? { fn } : task ? { task } : {}) : capacitySummary(w);
    workloads.push({
      id: w.id,
      kind: w.kind,
      line,
      total: figures.total,
      ...(summaries ? { summary: figures.summary! } : {}),
      ...(node && !node.instance ? { declaredAt: declarationKey(node.loc) } : {}),
    });
    if (solving || workloads.length % WORKLOADS_PER_STEP === 0) yield;
  }
  const standsFor = new Set<string>();
  for (const node of nodes.values())
    if (node.instance && node.instance.declaredAt.uri !== node.instance.site.uri) standsFor.add(declarationKey(node.instance.declaredAt));
  return {
    workloads,
    standsFor: [...standsFor],
    picks: [
      ...costs.functions.map((c): WorkloadPick => ({
        id: c.fn.id,
        workload: 'function',
        kind: c.fn.kind,
        title: pickTitle(asWritten({ runsOn: c.estimate.runsOn, estimate: c.estimate })),
      })),
      ...costs.tasks.map((c): WorkloadPick => ({
        id: c.node.id,
        workload: 'task',
        kind: c.node.kind,
        title: pickTitle(asWritten({ runsOn: c.estimate.runsOn, estimate: c.estimate })),
      })),
    ],
    summaries,
  };
}

/**
 * The workloads of every file, each once: a declaration that construct instances in another file stand for is
 * counted through them (see declaredElsewhere), not again on its own.
 */
export function countedOnce<T>(files: readonly { file: T; figures: FileFigures }[]): { file: T; workload: WorkloadFigures }[] {
  const elsewhere = new Set<string>();
  for (const { figures } of files) for (const key of figures.standsFor) elsewhere.add(key);
  const out: { file: T; workload: WorkloadFigures }[] = [];
  for (const { file, figures } of files)
    for (const workload of figures.workloads) if (!workload.declaredAt || !elsewhere.has(workload.declaredAt)) out.push({ file, workload });
  return out;
}
