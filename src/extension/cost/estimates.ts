/**
 * Estimates for the functions of every analysed template, cached until the template's result, the usage
 * file or the cost settings change. Hovers, CodeLenses and the status total read from here.
 */
import {
  type CostSettings,
  type EngineConfig,
  type CapacityCost,
  countedOnce,
  EstimateMemo,
  type FileFigures,
  fileFigureSteps,
  type SummaryFigures,
  type WorkloadFigures,
  type WorkloadPick,
  runToEnd,
  type FunctionCost,
  type ServiceCost,
  type ShownWorkload,
  type PriceBook,
  priceBook,
  type TaskCost,
  templateCostSteps,
  type viewFigures,
  type ViewFigures,
  type WorkloadEstimate,
  type WorkspaceTotal,
  workspaceTotalSteps,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { type Analyzer } from '../analyzer.js';
import { type Log } from '../log.js';
import { readCostSettings } from './settings.js';
import { type UsageFiles } from './usage.js';
import { candidateSelector } from '../support/candidates.js';
import { type EngineThread } from '../../node/engine-thread.js';
import { type CostRequest } from '../../node/engine-protocol.js';

export type { CapacityCost, FunctionCost, ServiceCost, TaskCost };

/** The documents that can have costs (hovers and lenses are registered for them). */
export const COST_SELECTOR: vscode.DocumentSelector = candidateSelector();

interface Cached {
  uri: vscode.Uri;
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

/**
 * Lines above and below an editor's visible ranges whose workloads count as shown (see shownInEditors): a page or two
 * of scrolling finds their lenses' reads worked out.
 */
const SHOWN_MARGIN_LINES = 100;

/**
 * The workloads declared in or near the visible ranges of the editors shown now (ShownWorkload): of a 300-function
 * template, the dozen whose lenses are in view or a scroll away, not all of them; of a CDK app, only what an editor shows.
 */
function shownInEditors(): ShownWorkload {
  const shown = new Map<string, { start: number; end: number }[]>();
  for (const editor of vscode.window.visibleTextEditors) {
    const key = editor.document.uri.toString();
    const spans = shown.get(key) ?? [];
    for (const range of editor.visibleRanges) spans.push({ start: range.start.line - SHOWN_MARGIN_LINES, end: range.end.line + SHOWN_MARGIN_LINES });
    shown.set(key, spans);
  }
  return (node) => {
    const line = node.loc.range.start.line;
    return shown.get(node.loc.uri)?.some((span) => line >= span.start && line <= span.end) ?? false;
  };
}

/** A file's workspace figures (see FileFigures), for its result `stamp`, under the cost inputs `version`. */
interface Figures {
  stamp: number;
  version: number;
  figures: FileFigures;
}

/** How often ready() computes a file's estimates again when a newer result overtook the computation (typing goes on). */
const READY_ATTEMPTS = 4;

/** How many files the workspace-wide figures look at between two steps. */
const FILES_PER_STEP = 100;

/** Above this many scanned files, new cost inputs are applied by analysing them again in the engine threads (see inputsChanged). */
const RESCAN_ABOVE = 200;

/** How long new cost inputs wait for the next before the scanned files are analysed again (a usage file is re-read as it is typed). */
const RESCAN_DELAY_MS = 1000;

/** Estimates kept for files that are neither open nor CDK apps (a comparison view's, a report's): the latest few. */
const KEPT_OTHERS = 32;

/** Files read again at once per engine thread for the summary's rows (see summaryCounted). */
const READ_AGAIN_AT_ONCE = 4;

/** The longest stretch of estimating before the extension host gets control back (a frame at 60 Hz is 16 ms). */
const SLICE_MS = 5;

export class CostService implements vscode.Disposable {
  private settings: CostSettings;
  private settingsVersion = 0;
  /**
   * Every analysed file's workspace figures: from the engine thread for the files the scan reads, from the estimates
   * here for the others. The status total, the summary and the quick picks read these.
   */
  private readonly figures = new Map<string, Figures>();
  /** Whether a CDK file's lenses have asked for the CDK apps' estimates (cdkCosts): they are kept from then on. */
  private cdkWanted = false;
  /** The number of the cost inputs (settings and usage files) last sent to the engine thread. */
  private inputsVersion = 0;
  /**
   * Estimates of the files open in an editor and of CDK apps (the hovers, CodeLenses, comparison views), and of a few
   * others asked for (KEPT_OTHERS), least recently computed first.
   */
  private readonly cache = new Map<string, Cached>();
  /** The files of `cache` that are not kept for themselves, oldest first. */
  private readonly others = new Set<string>();
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
    this.sendInputs();
    analyzer.costRequest = (uri) => this.costRequest(uri);
    this.disposables = [
      this.changed,
      analyzer.onDidChangeResult(log.guard('Cost refresh', (uri: vscode.Uri) => this.resultChanged(uri))),
      usage.onDidChange(log.guard('Cost refresh', () => this.inputsChanged('the usage file changed', false))),
      { dispose: () => clearTimeout(this.rescanTimer) },
    ];
  }

  /**
   * Analyses the scanned files again (set by the extension: the workspace scan): their figures under new cost inputs
   * then come from the engine threads.
   */
  rescan: ((reason: string) => void) | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * New cost inputs (settings or usage files). The files estimated here are estimated again at once; the others'
   * figures come from the engine threads when the workspace has more than RESCAN_ABOVE of them (analysing them again
   * there, RESCAN_DELAY_MS after the last change), else from estimating them here too. `rescanning`: the caller
   * analyses the workspace again anyway.
   */
  private inputsChanged(reason: string, rescanning: boolean): void {
    this.sendInputs();
    const all = this.analyzedTemplates();
    const scanned = this.rescan ? all.filter((uri) => !this.keepsEstimates(uri)) : [];
    // A file the scan left without its model here gets new figures only from the engine threads.
    const withoutModel = scanned.some((uri) => !this.analyzer.resultFor(uri)?.model);
    if (!rescanning && !withoutModel && scanned.length <= RESCAN_ABOVE) {
      this.refresh(all);
      return;
    }
    this.refresh(all.filter((uri) => this.keepsEstimates(uri)));
    clearTimeout(this.rescanTimer);
    if (!rescanning) this.rescanTimer = setTimeout(() => this.rescan?.(reason), RESCAN_DELAY_MS);
  }

  /** Sends the cost settings and usage files to the engine thread, under a new number. */
  private sendInputs(): void {
    this.engine.setCostInputs({ version: ++this.inputsVersion, settings: this.settings, usage: this.usage.files() });
  }

  /** What a request for a file read from disk asks of the engine thread: its workspace figures, under the current inputs. */
  private costRequest(uri: vscode.Uri): CostRequest {
    return { version: this.inputsVersion, usageKey: this.usage.usageKey(uri), templatePath: this.templatePath(uri) };
  }

  /** The file's path as its usage file names it (relative to its folder). */
  private templatePath(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, false) : uri.path;
  }

  /**
   * A file's result was published or removed. Figures the engine thread computed under the current inputs are kept as
   * they are; otherwise (an open document, a CDK app, other inputs) the file is estimated here. A file the scan left
   * without its model here keeps the figures that came with it, even under older inputs (the rescan that the change
   * of inputs started brings new ones).
   */
  private resultChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const result = this.analyzer.resultFor(uri);
    const stamp = this.analyzer.stampOf(uri);
    const figuresCame = result?.figures && !this.keepsEstimates(uri) && (result.figures.version === this.inputsVersion || !result.model);
    if (!result || stamp === undefined || (!result.model && !figuresCame)) {
      this.figures.delete(key);
      this.cache.delete(key);
      this.others.delete(key);
      this.memos.delete(key);
    } else if (figuresCame && result.figures) {
      for (const { id, message } of result.figures.errors) this.log.error(`Cost estimate for ${id} failed`, new Error(message));
      this.figures.set(key, { stamp, version: result.figures.version, figures: result.figures.figures });
      this.cache.delete(key);
      this.others.delete(key);
      this.memos.delete(key);
      this.refresh([]);
      return;
    }
    this.refresh([uri]);
  }

  /**
   * Files whose estimates are kept: open in an editor (hovers, lenses), or a CDK app once a CDK file's lenses have
   * asked for them (they look up construct instances across the apps: see cdkCosts).
   */
  private keepsEstimates(uri: vscode.Uri): boolean {
    return (this.cdkWanted && this.analyzer.resultFor(uri)?.format === 'cdk') || this.analyzer.isOpen(uri);
  }

  /** Stores a file's estimates, then lets go of the oldest of those not kept (see keepsEstimates) beyond KEPT_OTHERS. */
  private keep(key: string, entry: Cached): void {
    this.cache.set(key, entry);
    this.others.delete(key);
    if (!this.keepsEstimates(entry.uri)) this.others.add(key);
    for (const oldest of this.others) {
      if (this.others.size <= KEPT_OTHERS) break;
      this.others.delete(oldest);
      const cached = this.cache.get(oldest);
      if (cached && this.keepsEstimates(cached.uri)) continue; // opened since
      this.cache.delete(oldest);
      this.memos.delete(oldest);
    }
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

  /**
   * Resolves when an open document's estimates are for its current text: analysed first when its analysis has not
   * landed yet (just opened, say, while the scan's result for it holds no model), so a command run at once finds its
   * workloads.
   */
  async readyForDocument(document: vscode.TextDocument): Promise<void> {
    if (this.analyzer.isCandidate(document) && this.analyzer.currentFindings(document) === undefined) await this.analyzer.analyzeNow(document);
    await this.ready(document.uri);
  }

  /**
   * Resolves when the file's estimates are current (the hover and lens providers wait on it, then read them at once).
   * A computation that a newer result overtook ends early, leaving the estimates stale: it is started again for the
   * newer result, a few times, so that the reading after it does not estimate the whole file in one task.
   */
  async ready(uri: vscode.Uri): Promise<void> {
    for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
      await this.compute(uri, slicer());
      if (this.fresh(uri) !== 'stale') return;
    }
  }

  /** The engine configuration the diagnostics run with (its limits, for the hovers). */
  get engineConfig(): EngineConfig {
    return this.analyzer.engineConfig;
  }

  /** New settings; `rescanning`: the workspace is analysed again anyway (see inputsChanged). */
  reconfigure(rescanning = false): void {
    this.settings = readCostSettings(vscode.workspace.getConfiguration('crossover'), (problem) => this.log.warnOnce(problem));
    this.settingsVersion++;
    this.inputsChanged('cost settings changed', rescanning);
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

  /**
   * Brings the file's estimates and workspace figures up to date (with the summary's figures when `summaries`),
   * handing control back through `rest` between workloads.
   */
  private compute(uri: vscode.Uri, rest: () => Promise<void>, summaries = false): Promise<void> {
    // The refresh and a hover or lens may ask for the same file at once: one computation, both wait on it.
    const key = `${summaries ? 'summaries ' : ''}${uri.toString()}`;
    let running = this.computing.get(key);
    if (!running) {
      running = this.computeSteps(uri, rest, summaries).finally(() => this.computing.delete(key));
      this.computing.set(key, running);
    }
    return running;
  }

  private async computeSteps(uri: vscode.Uri, rest: () => Promise<void>, summaries: boolean): Promise<void> {
    // A file the scan left without its model here: its summary rows come from the engine thread, its estimates from
    // its model, read again there.
    if (this.analyzer.resultFor(uri)?.model === undefined) {
      if (summaries && !this.figuresFresh(uri, true)) await this.analyzer.readAgain(uri, 'summaries');
      if (!summaries) await this.analyzer.readAgain(uri, 'model');
    }
    if (this.figuresFresh(uri, summaries) && this.fresh(uri) !== 'stale') return;
    let entry = this.fresh(uri);
    if (entry === 'stale') {
      const steps = this.steps(uri);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          entry = step.value;
          break;
        }
        await rest();
        if (step.value !== this.analyzer.stampOf(uri)) return; // a newer result came meanwhile: the refresh will take it
      }
    }
    if (!entry) return;
    const key = uri.toString();
    if (!this.figuresFresh(uri, summaries)) {
      const version = this.inputsVersion;
      const summing = fileFigureSteps({ ...entry, functions: entry.costs }, { summaries });
      for (;;) {
        const step = summing.next();
        if (step.done) {
          this.figures.set(key, { stamp: entry.stamp, version, figures: step.value });
          break;
        }
        await rest();
        if (entry.stamp !== this.analyzer.stampOf(uri) || version !== this.inputsVersion) return;
      }
    }
    // The workspace figures are all the status bar and the summary need of a file nobody has open.
    if (!this.keepsEstimates(uri)) {
      this.cache.delete(key);
      this.others.delete(key);
      this.memos.delete(key);
    }
  }

  /** Whether the file's workspace figures are for its current result and the current inputs (and have the summary's, if asked). */
  private figuresFresh(uri: vscode.Uri, summaries = false): boolean {
    const held = this.figures.get(uri.toString());
    return held !== undefined && held.stamp === this.analyzer.stampOf(uri) && held.version === this.inputsVersion && (held.figures.summaries || !summaries);
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
    const { usage } = this.usage.usageFor(uri);
    const templatePath = this.templatePath(uri);
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
      { shown: shownInEditors() },
    );
    for (;;) {
      const step = run.next();
      if (!step.done) {
        yield stamp;
        continue;
      }
      const { functions: costs, tasks, services, capacity } = step.value;
      const entry: Cached = { uri, stamp, usageVersion, settingsVersion, costs, tasks, services, capacity };
      this.keep(key, entry);
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

  /** The functions, task definitions and services of every analysed file, as the quick picks list them. */
  allPicks(): { uri: vscode.Uri; pick: WorkloadPick }[] {
    const out: { uri: vscode.Uri; pick: WorkloadPick }[] = [];
    for (const { uri } of this.analyzer.templates()) for (const pick of this.latestFigures(uri)?.picks ?? []) out.push({ uri, pick });
    return out;
  }

  /**
   * The functions and tasks of CDK apps (TypeScript and Python): only they hold construct instances, which a CDK file's
   * lenses look up across files. A workspace of thousands of templates and a few apps walks the apps only. The apps'
   * estimates are computed here (in slices) the first time a CDK file asks, and kept up to date from then on.
   */
  async cdkCosts(): Promise<{ functions: { uri: vscode.Uri; cost: FunctionCost }[]; tasks: { uri: vscode.Uri; cost: TaskCost }[] }> {
    this.cdkWanted = true;
    const apps = [...this.analyzer.templates()].filter(({ result }) => result.format === 'cdk').map(({ uri }) => uri);
    const rest = slicer();
    for (const uri of apps) await this.compute(uri, rest);
    const functions: { uri: vscode.Uri; cost: FunctionCost }[] = [];
    const tasks: { uri: vscode.Uri; cost: TaskCost }[] = [];
    for (const uri of apps) {
      const entry = this.latest(uri);
      for (const cost of entry?.costs ?? []) functions.push({ uri, cost });
      for (const cost of entry?.tasks ?? []) tasks.push({ uri, cost });
    }
    return { functions, tasks };
  }

  /**
   * A file's latest workspace figures without computing anything: those of its previous version (or inputs) while
   * the refresh has not reached it (the refresh tells when it has: onDidChange).
   */
  private latestFigures(uri: vscode.Uri): FileFigures | undefined {
    return this.analyzer.resultFor(uri) ? this.figures.get(uri.toString())?.figures : undefined;
  }

  /** Every workload of every analysed template, each once (a service with its task definition is one), with its file. */
  allCounted(): { uri: vscode.Uri; workload: WorkloadFigures }[] {
    return runToEnd(this.countedSteps());
  }

  /** `allCounted` a step at a time (a step every FILES_PER_STEP files). */
  private *countedSteps(): Generator<void, { uri: vscode.Uri; workload: WorkloadFigures }[], void> {
    const files: { file: vscode.Uri; figures: FileFigures }[] = [];
    for (const { uri } of this.analyzer.templates()) {
      const figures = this.latestFigures(uri);
      if (figures) files.push({ file: uri, figures });
      if (files.length % FILES_PER_STEP === 0) yield;
    }
    // A construct class another file instantiates is counted through its instances there, not again on its own.
    return countedOnce(files).map(({ file, workload }) => ({ uri: file, workload }));
  }

  /**
   * `allCounted` with each workload's summary figures: computed here, in slices, for the files whose figures do not
   * have them yet (those from the engine thread: solving the crossovers of every scanned file is left for this).
   */
  async summaryCounted(): Promise<{ uri: vscode.Uri; workload: WorkloadFigures & { summary: SummaryFigures } }[]> {
    const rest = slicer();
    const elsewhere: vscode.Uri[] = [];
    for (const { uri, result } of [...this.analyzer.templates()]) {
      if (this.figuresFresh(uri, true)) await rest();
      else if (result.model) await this.compute(uri, rest, true);
      else elsewhere.push(uri);
    }
    // The files whose model stayed in the engine threads: their rows come from there, a few files at a time.
    const queue = elsewhere.values();
    const worker = async () => {
      for (const uri of queue) await this.analyzer.readAgain(uri, 'summaries');
    };
    await Promise.all(Array.from({ length: Math.min(elsewhere.length, READ_AGAIN_AT_ONCE * this.analyzer.engineThreads) }, worker));
    return this.allCounted().flatMap((c) => (c.workload.summary ? [{ uri: c.uri, workload: { ...c.workload, summary: c.workload.summary } }] : []));
  }

  /**
   * `total()` a slice of at most SLICE_MS at a time (the status bar's): it walks every workload of the workspace,
   * tens of milliseconds at thousands of templates.
   */
  totalInSlices(): Promise<WorkspaceTotal> {
    return stepWith(this.totalSteps(), slicer());
  }

  private *totalSteps(): Generator<void, WorkspaceTotal, void> {
    const counted = yield* this.countedSteps();
    return yield* workspaceTotalSteps(
      counted.map((c) => c.workload.total),
      this.settings.freeTier,
      this.settings.priceOverrides,
    );
  }

  dispose(): void {
    this.dirty.clear();
    for (const d of this.disposables) d.dispose();
  }
}
