/**
 * Estimates for the functions of every analysed template, cached until the template's result, the usage
 * file or the cost settings change. Hovers, CodeLenses and the status total read from here.
 */
import {
  type CostSettings,
  type EngineConfig,
  type CapacityCost,
  type CountedWorkload,
  countedWorkloads,
  declarationKey,
  declaredElsewhere,
  EstimateMemo,
  runToEnd,
  type FunctionCost,
  type ServiceCost,
  type PriceBook,
  priceBook,
  type TaskCost,
  templateCostSteps,
  type viewFigures,
  type ViewFigures,
  type WorkloadEstimate,
  type WorkspaceTotal,
  workspaceTotal,
  workspaceTotalSteps,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { type Analyzer } from '../analyzer.js';
import { type Log } from '../log.js';
import { readCostSettings } from './settings.js';
import { type UsageFiles } from './usage.js';
import { candidateSelector } from '../support/candidates.js';
import { type EngineThread } from '../../node/engine-thread.js';

export type { CapacityCost, FunctionCost, ServiceCost, TaskCost };

/** The documents that can have costs (hovers and lenses are registered for them). */
export const COST_SELECTOR: vscode.DocumentSelector = candidateSelector();

interface Cached {
  stamp: number;
  usageVersion: number;
  settingsVersion: number;
  costs: FunctionCost[];
  tasks: TaskCost[];
  services: ServiceCost[];
  capacity: CapacityCost[];
}

/**
 * A pause for between two steps: once a slice has taken SLICE_MS, control goes back to the extension host for at
 * least a millisecond (a timer, not an immediate: other work waiting on the host gets a real gap, not just a turn).
 */
function slicer(): () => Promise<void> {
  let slice = performance.now();
  return async () => {
    if (performance.now() - slice < SLICE_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    slice = performance.now();
  };
}

/** Runs `steps` to their end, handing control back through `rest` between two. */
async function stepWith<T>(steps: Generator<void, T, void>, rest: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await rest();
  }
}

/** How many files the workspace-wide figures look at between two steps. */
const FILES_PER_STEP = 100;

/** The longest stretch of estimating before the extension host gets control back (a frame at 60 Hz is 16 ms). */
const SLICE_MS = 5;

export class CostService implements vscode.Disposable {
  private settings: CostSettings;
  private settingsVersion = 0;
  private readonly cache = new Map<string, Cached>();
  /** Per file, the estimates of its previous version (a workload whose node did not change keeps its estimate). */
  private readonly memos = new Map<string, EstimateMemo>();
  /** Files whose estimates are out of date, brought up to date a slice at a time before `onDidChange` fires. */
  private readonly dirty = new Map<string, vscode.Uri>();
  private refreshing: Promise<void> | undefined;
  /** Each file's computation under way. */
  private readonly computing = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any estimate may have changed (template, usage file or settings). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly analyzer: Analyzer,
    readonly usage: UsageFiles,
    private readonly log: Log,
    private readonly engine: EngineThread,
  ) {
    this.settings = readCostSettings(vscode.workspace.getConfiguration('crossover'), (problem) => log.warnOnce(problem));
    this.disposables = [
      this.changed,
      analyzer.onDidChangeResult(log.guard('Cost refresh', (uri: vscode.Uri) => this.refresh([uri]))),
      usage.onDidChange(log.guard('Cost refresh', () => this.refresh(this.analyzedTemplates()))),
    ];
  }

  /**
   * Brings the estimates of `uris` up to date, a slice of at most SLICE_MS at a time (the first estimate of a
   * 300-function template takes over 100 ms), then tells the lenses, the status bar and the views.
   */
  private refresh(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) this.dirty.set(uri.toString(), uri);
    // In a task of its own: not added to the one that published the result.
    if (this.refreshing) return;
    this.refreshing = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.refreshDirty())
      .finally(() => {
        this.refreshing = undefined;
        if (this.dirty.size) this.refresh([]); // results that came as the last one was stored
      });
  }

  private async refreshDirty(): Promise<void> {
    const rest = slicer();
    while (this.dirty.size) {
      const [key, uri] = this.dirty.entries().next().value!;
      this.dirty.delete(key);
      try {
        await this.compute(uri, rest);
      } catch (error) {
        this.log.error(`Cost estimates of ${uri.toString()} failed`, error);
      }
      await rest();
    }
    this.changed.fire();
  }

  /** Resolves when the file's estimates are current (the hover and lens providers wait on it). */
  async ready(uri: vscode.Uri): Promise<void> {
    await this.compute(uri, slicer());
  }

  /** The engine configuration the diagnostics run with (its limits, for the hovers). */
  get engineConfig(): EngineConfig {
    return this.analyzer.engineConfig;
  }

  reconfigure(): void {
    this.settings = readCostSettings(vscode.workspace.getConfiguration('crossover'), (problem) => this.log.warnOnce(problem));
    this.settingsVersion++;
    this.refresh(this.analyzedTemplates());
  }

  /** The functions of a template with their estimates ([] when it is not an analysed template). */
  costsFor(uri: vscode.Uri): FunctionCost[] {
    return this.entry(uri)?.costs ?? [];
  }

  /** The task definitions and services of a file with their estimates. */
  taskCostsFor(uri: vscode.Uri): TaskCost[] {
    return this.entry(uri)?.tasks ?? [];
  }

  /** The ECS Express Mode and App Runner services of a file with their estimates. */
  serviceCostsFor(uri: vscode.Uri): ServiceCost[] {
    return this.entry(uri)?.services ?? [];
  }

  /** The EKS node groups and Fargate profiles of a file with their own cost (no workload to compare). */
  capacityFor(uri: vscode.Uri): CapacityCost[] {
    return this.entry(uri)?.capacity ?? [];
  }

  /**
   * For the workspace-wide figures (the status total, the summary, the CDK lenses' instances): the file's latest
   * estimates without computing anything, those of its previous version while the refresh has not reached it (the
   * refresh tells when it has: onDidChange).
   */
  private latest(uri: vscode.Uri): Cached | undefined {
    const fresh = this.fresh(uri);
    return fresh === 'stale' ? this.cache.get(uri.toString()) : fresh;
  }

  /** The file's estimates, computed now if they are out of date (the refresh has usually done it already). */
  private entry(uri: vscode.Uri): Cached | undefined {
    const fresh = this.fresh(uri);
    if (fresh !== 'stale') return fresh;
    return runToEnd(this.steps(uri));
  }

  /** The same, handing control back through `rest` between workloads. */
  private compute(uri: vscode.Uri, rest: () => Promise<void>): Promise<void> {
    // The refresh and a hover or lens may ask for the same file at once: one computation, both wait on it.
    const key = uri.toString();
    let running = this.computing.get(key);
    if (!running) {
      running = this.computeSteps(uri, rest).finally(() => this.computing.delete(key));
      this.computing.set(key, running);
    }
    return running;
  }

  private async computeSteps(uri: vscode.Uri, rest: () => Promise<void>): Promise<void> {
    if (this.fresh(uri) !== 'stale') return;
    const steps = this.steps(uri);
    if (!steps) return;
    for (;;) {
      const step = steps.next();
      if (step.done) return;
      await rest();
      if (step.value !== this.analyzer.stampOf(uri)) return; // a newer result came meanwhile: the refresh will take it
    }
  }

  /** The cached entry when it is current, undefined when there is nothing to estimate, 'stale' otherwise. */
  private fresh(uri: vscode.Uri): Cached | undefined | 'stale' {
    const result = this.analyzer.resultFor(uri);
    const stamp = this.analyzer.stampOf(uri);
    if (!result?.model || stamp === undefined) return undefined;
    const cached = this.cache.get(uri.toString());
    return cached && cached.stamp === stamp && cached.usageVersion === this.usage.version && cached.settingsVersion === this.settingsVersion ? cached : 'stale';
  }

  /** Estimates the file's workloads one step at a time (each yields the stamp it is for); the last step stores them. */
  private *steps(uri: vscode.Uri): Generator<number, Cached | undefined, void> {
    const result = this.analyzer.resultFor(uri);
    const stamp = this.analyzer.stampOf(uri);
    if (!result?.model || stamp === undefined) return undefined;
    const key = uri.toString();
    const { usage, folder } = this.usage.usageFor(uri);
    const templatePath = folder ? vscode.workspace.asRelativePath(uri, false) : uri.path;
    const memo = this.memos.get(key) ?? new EstimateMemo();
    this.memos.set(key, memo);
    const usageVersion = this.usage.version;
    const settingsVersion = this.settingsVersion;
    const run = templateCostSteps(
      result.model,
      templatePath,
      usage,
      this.settings,
      (id, error) => this.log.error(`Cost estimate for ${id} failed`, error),
      memo,
    );
    for (;;) {
      const step = run.next();
      if (!step.done) {
        yield stamp;
        continue;
      }
      const { functions: costs, tasks, services, capacity } = step.value;
      const entry: Cached = { stamp, usageVersion, settingsVersion, costs, tasks, services, capacity };
      if (this.cache.size > 2000) this.cache.clear();
      if (this.memos.size > 200) this.memos.clear();
      this.cache.set(key, entry);
      return entry;
    }
  }

  /** A comparison view's figures, computed in the engine thread. */
  viewFigures(...args: Parameters<typeof viewFigures>): Promise<ViewFigures> {
    return this.engine.viewFigures(...args);
  }

  /** The prices an estimate was computed with (region and the user's overrides). */
  pricesFor(estimate: WorkloadEstimate): PriceBook {
    return priceBook(estimate.region, this.settings.priceOverrides);
  }

  defaults(): CostSettings {
    return this.settings;
  }

  /** Every analysed template's URI. */
  analyzedTemplates(): vscode.Uri[] {
    return [...this.analyzer.templates()].map(({ uri }) => uri);
  }

  /** Every function of every analysed template. */
  allCosts(): { uri: vscode.Uri; cost: FunctionCost }[] {
    return [...this.analyzer.templates()].flatMap(({ uri }) => (this.latest(uri)?.costs ?? []).map((cost) => ({ uri, cost })));
  }

  allTaskCosts(): { uri: vscode.Uri; cost: TaskCost }[] {
    return [...this.analyzer.templates()].flatMap(({ uri }) => (this.latest(uri)?.tasks ?? []).map((cost) => ({ uri, cost })));
  }

  /**
   * The functions and tasks of CDK apps (TypeScript and Python): only they hold construct instances, which a CDK file's
   * lenses look up across files. A workspace of thousands of templates and a few apps walks the apps only.
   */
  cdkCosts(): { functions: { uri: vscode.Uri; cost: FunctionCost }[]; tasks: { uri: vscode.Uri; cost: TaskCost }[] } {
    const functions: { uri: vscode.Uri; cost: FunctionCost }[] = [];
    const tasks: { uri: vscode.Uri; cost: TaskCost }[] = [];
    for (const { uri, result } of this.analyzer.templates()) {
      if (result.format !== 'cdk') continue;
      const entry = this.latest(uri);
      for (const cost of entry?.costs ?? []) functions.push({ uri, cost });
      for (const cost of entry?.tasks ?? []) tasks.push({ uri, cost });
    }
    return { functions, tasks };
  }

  /** Every workload of every analysed template, each once (a service with its task definition is one), with its file. */
  allCounted(): { uri: vscode.Uri; workload: CountedWorkload }[] {
    return runToEnd(this.countedSteps());
  }

  /** `allCounted` a step at a time (a step every FILES_PER_STEP files). */
  private *countedSteps(): Generator<void, { uri: vscode.Uri; workload: CountedWorkload }[], void> {
    const entries: { uri: vscode.Uri; entry: Cached }[] = [];
    for (const { uri } of this.analyzer.templates()) {
      const entry = this.latest(uri);
      if (entry) entries.push({ uri, entry });
      if (entries.length % FILES_PER_STEP === 0) yield;
    }
    const nodesOf = (entry: Cached) => [...entry.costs.map((c) => c.fn), ...entry.tasks.map((t) => t.node), ...entry.services.map((s) => s.node)];
    // A construct class another file instantiates is counted through its instances there, not again on its own.
    const elsewhere = declaredElsewhere(entries.flatMap(({ entry }) => nodesOf(entry)));
    yield;
    const all: { uri: vscode.Uri; workload: CountedWorkload }[] = [];
    for (const [i, { uri, entry }] of entries.entries()) {
      const counted = countedWorkloads({ ...entry, functions: entry.costs });
      const left =
        elsewhere.size === 0 ? undefined : new Set(nodesOf(entry).flatMap((n) => (!n.instance && elsewhere.has(declarationKey(n.loc)) ? [n.id] : [])));
      for (const workload of counted) if (!left?.has(workload.id)) all.push({ uri, workload });
      if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
    }
    return all;
  }

  /** The workspace's typical monthly totals: as written (each workload once, where it runs today) and the savings. */
  total(): WorkspaceTotal {
    return workspaceTotal(
      this.allCounted().map((c) => c.workload),
      this.settings.freeTier,
      this.settings.priceOverrides,
    );
  }

  /**
   * `total()` a slice of at most SLICE_MS at a time (the status bar's): it walks every workload of the workspace,
   * tens of milliseconds at thousands of templates.
   */
  async totalInSlices(): Promise<WorkspaceTotal> {
    const rest = slicer();
    const counted = await stepWith(this.countedSteps(), rest);
    return stepWith(
      workspaceTotalSteps(
        counted.map((c) => c.workload),
        this.settings.freeTier,
        this.settings.priceOverrides,
      ),
      rest,
    );
  }

  dispose(): void {
    this.dirty.clear();
    for (const d of this.disposables) d.dispose();
  }
}
