/**
 * Keeps the Problems panel in step with templates: open documents are analysed as the user types
 * (debounced, cancelled when stale, cached by version); files on disk are analysed for the workspace scan.
 */
import * as vscode from 'vscode';
import { type AnalysisResult, type EngineConfig, type Finding, isListed, resolveConfig } from '../core/index.js';
import { toDiagnostic } from './diagnostics.js';
import { type Log } from './log.js';
import { type ExtensionSettings } from './settings.js';
import { Debouncer, type Token } from './support/debouncer.js';
import { readRootOf } from './support/read-root.js';
import { isCandidateDocument } from './support/candidates.js';
import { Batch } from './support/throttle.js';
import { type DiskFile, type EngineFile } from '../node/engine-input.js';
import { type CostRequest, type EngineResult } from '../node/engine-protocol.js';
import { type EarlyListener, type EngineThread, type EngineToken } from '../node/engine-thread.js';

/** A local file's path and the folder its reads stay in. */
const localOf = (uri: vscode.Uri): NonNullable<EngineFile['local']> => ({ fsPath: uri.fsPath, root: readRootOf(uri) });

/** A document or file as the engine thread takes it: local files with their path and the folder reads stay in. */
const engineFile = (uri: vscode.Uri, text: string): EngineFile => ({
  uri: uri.toString(),
  text,
  ...(uri.scheme === 'file' ? { local: localOf(uri) } : {}),
});

/**
 * A local file the engine thread reads itself (the workspace scan: no file-system call and no text copy on this
 * thread), with the folder its reads stay in.
 */
const diskFile = (uri: vscode.Uri, maxBytes: number): DiskFile => ({ uri: uri.toString(), local: localOf(uri), maxBytes });

/** What analyzeDisk analyses: text already read, or a local file (scheme `file`) the engine reads, up to `maxBytes`. */
export type DiskSource = { text: string } | { maxBytes: number };

/** A request nobody cancels. */
const NOT_CANCELLED: EngineToken = { isCancellationRequested: false };

/** The `version` of a result read from disk rather than from an open document. */
const FROM_DISK = -1;

/**
 * The scan's diagnostics go to the window together: at most this long after the first of them, or once this many
 * files wait (one message to the window for hundreds of files, not one each).
 */
const SCAN_DIAGNOSTICS_MS = 200;
const SCAN_DIAGNOSTICS_FILES = 500;

export interface AnalysisSummary {
  templates: number;
  errors: number;
  warnings: number;
  infos: number;
}

interface CachedResult {
  /** The file (parsed once: a Uri keeps its text form, which lookups by file ask for again and again). */
  uri: vscode.Uri;
  /** Document version the result is for, or FROM_DISK. */
  version: number;
  /** Settings generation the result was computed with: a settings change makes every result stale. */
  generation: number;
  /** Order of publication, so a scan can tell results older than itself from those it (or the watcher) made. */
  stamp: number;
  result: EngineResult;
}

export class Analyzer implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('crossover');
  /** The scan's diagnostics on their way to the collection (flushDiagnostics sends them now). */
  private readonly scanDiagnostics = new Batch<string, [vscode.Uri, vscode.Diagnostic[]]>(
    (entries) => this.collection.set(entries.map(([, entry]) => entry)),
    SCAN_DIAGNOSTICS_MS,
    SCAN_DIAGNOSTICS_FILES,
  );
  private readonly debouncer: Debouncer<string>;
  private readonly results = new Map<string, CachedResult>();
  /** Documents whose diagnostics were set from their findings ahead of the answer, with the version they are for. */
  private readonly shownEarly = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly changedOne = new vscode.EventEmitter<vscode.Uri>();
  private readonly busyChanged = new vscode.EventEmitter<boolean>();
  /** Fires when diagnostics were published or removed. */
  readonly onDidChangeResults = this.changed.event;
  /** Fires with the file whose result was published or removed. */
  readonly onDidChangeResult = this.changedOne.event;
  /** Fires when analysis of open documents starts (true) or everything is done (false). */
  readonly onDidChangeBusy = this.busyChanged.event;
  private config: EngineConfig;
  private generation = 0;
  private stamps = 0;
  /**
   * What a file read from disk asks of the engine thread besides its analysis: its workspace figures (set by the
   * CostService; without it, none are asked for).
   */
  costRequest: ((uri: vscode.Uri) => CostRequest) | undefined;
  /**
   * The responsiveness probe's listener (support/probe.ts; unset otherwise): the milliseconds from a document's first
   * change since its last squiggles to the diagnostics of its analysis being handed to VS Code (debounce, engine
   * thread and messages; the window's own part of keystroke-to-squiggle is not in it).
   */
  onSquigglesSet: ((uri: vscode.Uri, ms: number) => void) | undefined;
  /** With the probe's listener: when each document being typed in first changed since its last squiggles. */
  private readonly changedAt = new Map<string, number>();
  /** The last value given to the `crossover.hasWorkloads` context key (undefined: not set yet). */
  private activeHasWorkloads: boolean | undefined;

  constructor(
    private settings: ExtensionSettings,
    private readonly log: Log,
    /** Where parsing, rules and the readers run: a worker thread, off the extension host. */
    private readonly engine: EngineThread,
  ) {
    this.config = resolveConfig(settings.engine);
    this.debouncer = new Debouncer(
      (error) => log.error('Analysis failed', error),
      (busy) => this.busyChanged.fire(busy),
    );
  }

  /**
   * The engine configuration of the current settings, with "today" read when it is asked for, not when the settings
   * were (a window stays open for days; runtime deprecation dates must not freeze at activation).
   */
  get engineConfig(): EngineConfig {
    return { ...this.config, now: new Date() };
  }

  /** A document of a format the engine reads (support/candidates.ts); the engine decides if it is a template. */
  isCandidate(document: vscode.TextDocument): boolean {
    return isCandidateDocument(document.uri, document.languageId);
  }

  /**
   * After a keystroke: the first after a pause of the typing delay is analysed at once, those that follow it within the
   * delay once typing pauses (a newer keystroke cancels a run under way).
   */
  documentChanged(document: vscode.TextDocument): void {
    if (!this.isCandidate(document)) return;
    if (this.onSquigglesSet && !this.changedAt.has(document.uri.toString())) this.changedAt.set(document.uri.toString(), performance.now());
    this.debouncer.schedule(document.uri.toString(), this.settings.debounceMs, (token) => this.analyzeDocument(document, token), { leading: true });
  }

  /**
   * A file this document reads changed on disk (another file of its Terraform folder): analyse it again, although its
   * own text (and version) did not change.
   */
  readChanged(document: vscode.TextDocument): void {
    const cached = this.results.get(document.uri.toString());
    if (cached) cached.generation = -1;
    this.documentChanged(document);
  }

  /** On open: analyse at once. */
  documentOpened(document: vscode.TextDocument): void {
    if (!this.isCandidate(document)) return;
    this.debouncer.schedule(document.uri.toString(), 0, (token) => this.analyzeDocument(document, token));
  }

  /**
   * On close. With `keepDiskView` the diagnostics stay where they are until the caller has re-read the
   * file from disk (no flicker in the Problems panel); without it, the file leaves the Problems panel.
   */
  documentClosed(document: vscode.TextDocument, keepDiskView: boolean): void {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    this.changedAt.delete(key);
    const cached = this.results.get(key);
    if (!cached || cached.version === FROM_DISK) return;
    if (keepDiskView) {
      cached.version = FROM_DISK;
    } else {
      this.forget(document.uri);
    }
  }

  /** Analyses a document now and returns its findings (the API tests use). */
  async analyzeNow(document: vscode.TextDocument): Promise<Finding[]> {
    const key = document.uri.toString();
    await this.debouncer.runNow(key, (token) => this.analyzeDocument(document, token));
    return this.results.get(key)?.result.findings ?? [];
  }

  /**
   * Analyses text read from disk (workspace scan, file watcher). Skipped while the document is open. `batched` (the
   * scan): the diagnostics reach the Problems panel with other files' (within SCAN_DIAGNOSTICS_MS, or at
   * flushDiagnostics); the result itself is kept at once.
   */
  async analyzeDisk(uri: vscode.Uri, source: DiskSource, token: EngineToken, batched = false): Promise<EngineResult | undefined> {
    if (this.isOpen(uri)) return undefined;
    const costs = this.costRequest?.(uri);
    const read = !('text' in source);
    const file = 'text' in source ? engineFile(uri, source.text) : diskFile(uri, source.maxBytes);
    // Its quick fixes are offered once it is open (analysed again as a document): none are sent for a file on disk. A
    // file the thread reads itself leaves its model there when its figures come (readAgain brings it when needed).
    const result = await this.engine.analyze(file, this.engineConfig, token, {
      withoutEdits: true,
      ...(batched ? { background: true } : {}),
      ...(costs ? { costs } : {}),
      ...(read ? { withoutModel: true } : {}),
    });
    if (result.cancelled || this.isOpen(uri)) return undefined;
    // Not read (gone, too big, binary, outside the folder): the caller says why and drops what the file had.
    if (result.skipped) return result;
    this.publish(uri, FROM_DISK, result, batched);
    return result;
  }

  /** The files being read again (readAgain), each once at a time. */
  private readonly readingAgain = new Map<string, Promise<void>>();

  /**
   * Reads a file the scan left without its model on this thread again, in the engine thread: with its model (`model`:
   * a comparison view or a report estimates its workloads here), or with its summary rows only (`summaries`). The
   * answer replaces the result held unless a newer one came meanwhile. Nothing to do for a file with its model.
   */
  readAgain(uri: vscode.Uri, want: 'model' | 'summaries'): Promise<void> {
    const key = uri.toString();
    const cached = this.results.get(key);
    if (!cached || cached.result.model || cached.version !== FROM_DISK || uri.scheme !== 'file') return Promise.resolve();
    const running = this.readingAgain.get(`${want} ${key}`);
    if (running) return running;
    const costs = this.costRequest?.(uri);
    const reading = this.engine
      .analyze(diskFile(uri, this.settings.maxFileSizeBytes), this.engineConfig, NOT_CANCELLED, {
        withoutEdits: true,
        ...(want === 'summaries' ? { background: true } : {}),
        ...(costs ? { costs: want === 'summaries' ? { ...costs, summaries: true } : costs } : {}),
        ...(want === 'summaries' ? { withoutModel: true } : {}),
      })
      .then((result) => {
        if (result.cancelled || result.skipped || this.results.get(key) !== cached || this.isOpen(uri)) return;
        this.publish(uri, FROM_DISK, result, true);
      })
      .finally(() => this.readingAgain.delete(`${want} ${key}`));
    this.readingAgain.set(`${want} ${key}`, reading);
    return reading;
  }

  /** Sends the scan's diagnostics that are still waiting to the Problems panel now. */
  flushDiagnostics(): void {
    this.scanDiagnostics.flush();
  }

  /** Whether analyses run in the engine thread (the bundle), not on this thread (running from sources). */
  get analysesOffThisThread(): boolean {
    return this.engine.inThread;
  }

  /** How many engine threads share the scan's files. */
  get engineThreads(): number {
    return this.engine.scanThreads;
  }

  /** Analyses a cdk.out template in the engine thread, with its construct paths (the results are the caller's to keep). */
  analyzeSynthesized(uri: vscode.Uri, text: string): Promise<EngineResult> {
    return this.engine.analyze(engineFile(uri, text), this.engineConfig, { isCancellationRequested: false }, { constructPaths: true });
  }

  /** Removes a file's diagnostics (deleted, skipped), unless it is open: then the editor's text counts. */
  clear(uri: vscode.Uri): void {
    if (this.isOpen(uri)) return;
    this.forget(uri);
  }

  /** The latest result for a file (open or from disk), when it is a template. */
  resultFor(uri: vscode.Uri): EngineResult | undefined {
    return this.results.get(uri.toString())?.result;
  }

  /** The findings of an open document when they are for its current text (quick fixes edit that text). */
  currentFindings(document: vscode.TextDocument): readonly Finding[] | undefined {
    const cached = this.results.get(document.uri.toString());
    return cached && cached.version === document.version && cached.generation === this.generation ? cached.result.findings : undefined;
  }

  /** Every template result, with a stamp that changes whenever the file's result is replaced. */
  *templates(): Iterable<{ uri: vscode.Uri; result: AnalysisResult; stamp: number }> {
    for (const cached of this.results.values()) yield { uri: cached.uri, result: cached.result, stamp: cached.stamp };
  }

  /** The stamp of a file's current result (changes when it is replaced), or undefined. */
  stampOf(uri: vscode.Uri): number | undefined {
    return this.results.get(uri.toString())?.stamp;
  }

  /** A folder was deleted: its files' diagnostics go (the watcher reports the folder, not each file). */
  clearUnder(folder: vscode.Uri): void {
    const prefix = folder.toString().replace(/\/?$/, '/');
    for (const key of [...this.results.keys()]) if (key.startsWith(prefix)) this.clear(vscode.Uri.parse(key));
  }

  /** A point in time for dropDiskResultsBefore: results published from now on are newer. */
  mark(): number {
    return this.stamps + 1;
  }

  /**
   * After a complete workspace scan: disk results older than the scan are of files it no longer reads
   * (now excluded, deleted, above a cap), so they go. Open documents keep theirs.
   */
  dropDiskResultsBefore(mark: number): void {
    for (const [key, cached] of [...this.results]) {
      if (cached.version === FROM_DISK && cached.stamp < mark) this.clear(vscode.Uri.parse(key));
    }
  }

  /** When the workspace scan is switched off: only open documents keep diagnostics. */
  clearDiskResults(): void {
    this.dropDiskResultsBefore(Number.POSITIVE_INFINITY);
  }

  /**
   * New settings: every result is stale. Diagnostics stay visible until their re-analysis replaces them
   * (open documents now, other files as the rescan reaches them), so the Problems panel does not empty.
   */
  reconfigure(settings: ExtensionSettings): void {
    this.settings = settings;
    this.config = resolveConfig(settings.engine);
    this.generation++;
    for (const document of vscode.workspace.textDocuments) this.documentOpened(document);
  }

  /**
   * Sets the `crossover.hasWorkloads` context key: whether the active editor's file has workloads Crossover
   * costs. The editor context menu shows Crossover's entries only then (package.json `menus`). Called when
   * the active editor changes and whenever a result is published or dropped.
   */
  updateContextKey(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && (this.results.get(document.uri.toString())?.result.workloads.length ?? 0) > 0;
    if (value === this.activeHasWorkloads) return;
    this.activeHasWorkloads = value;
    void vscode.commands.executeCommand('setContext', 'crossover.hasWorkloads', value);
  }

  get busy(): boolean {
    return this.debouncer.busy;
  }

  whenIdle(): Promise<void> {
    return this.debouncer.whenIdle();
  }

  /** The counts of every result, kept as results come and go (the status bar asks after each one). */
  summary(): AnalysisSummary {
    return { ...this.counts };
  }

  private readonly counts: AnalysisSummary = { templates: 0, errors: 0, warnings: 0, infos: 0 };

  /** Adds (`sign` 1) or takes away (-1) a result's counts. */
  private count(result: AnalysisResult, sign: 1 | -1): void {
    this.counts.templates += sign;
    for (const f of result.findings) {
      if (f.severity === 'error') this.counts.errors += sign;
      else if (f.severity === 'warning') this.counts.warnings += sign;
      else this.counts.infos += sign;
    }
  }

  private async analyzeDocument(document: vscode.TextDocument, token: Token): Promise<void> {
    if (document.isClosed) return;
    const key = document.uri.toString();
    const version = document.version;
    const cached = this.results.get(key);
    if (cached?.version === version && cached.generation === this.generation) return; // nothing changed since the last run
    const text = document.getText();
    // The squiggles as soon as the findings are known; the answer with the model follows (engine-protocol.ts).
    const early: EarlyListener = (found) => {
      if (token.isCancellationRequested || document.isClosed || document.version !== version || !isListed(found)) return;
      this.scanDiagnostics.delete(key);
      this.collection.set(document.uri, found.findings.map(toDiagnostic));
      this.shownEarly.set(key, version);
      this.squigglesSet(document.uri);
    };
    const result = await this.engine.analyze(engineFile(document.uri, text), this.engineConfig, token, { urgent: true }, early);
    if (result.cancelled || document.isClosed || document.version !== version) return;
    this.publish(document.uri, version, result);
    if (result.durationMs > 200) this.log.info(`Analysed ${vscode.workspace.asRelativePath(document.uri)} in ${result.durationMs.toFixed(0)} ms.`);
  }

  private publish(uri: vscode.Uri, version: number, result: EngineResult, batched = false): void {
    if (!isListed(result)) {
      // Not a template: leave the file alone (and drop what an earlier version of it had).
      this.forget(uri);
      return;
    }
    const previous = this.results.get(uri.toString());
    if (previous) this.count(previous.result, -1);
    this.results.set(uri.toString(), { uri: previous?.uri ?? uri, version, generation: this.generation, stamp: ++this.stamps, result });
    this.count(result, 1);
    const key = uri.toString();
    const early = this.shownEarly.get(key);
    this.shownEarly.delete(key);
    if (batched) {
      this.scanDiagnostics.add(key, [uri, result.findings.map(toDiagnostic)]);
    } else if (early !== version) {
      // (Unless the same analysis's findings are shown already.)
      this.scanDiagnostics.delete(key);
      this.collection.set(uri, result.findings.map(toDiagnostic));
      this.squigglesSet(uri);
    }
    this.updateContextKey();
    this.changedOne.fire(uri);
    this.changed.fire();
  }

  /** Tells the probe's listener how long the squiggles of a document being typed in took on our side. */
  private squigglesSet(uri: vscode.Uri): void {
    const at = this.changedAt.get(uri.toString());
    if (at === undefined) return;
    this.changedAt.delete(uri.toString());
    this.onSquigglesSet?.(uri, performance.now() - at);
  }

  private forget(uri: vscode.Uri): void {
    const previous = this.results.get(uri.toString());
    // Diagnostics shown ahead of an answer that never came (the document closed meanwhile) go too.
    if (this.shownEarly.delete(uri.toString()) && !previous) this.collection.delete(uri);
    if (!previous) return;
    this.results.delete(uri.toString());
    this.count(previous.result, -1);
    this.scanDiagnostics.delete(uri.toString());
    this.collection.delete(uri);
    this.updateContextKey();
    this.changedOne.fire(uri);
    this.changed.fire();
  }

  /** The files with a result whose folder is `folder` (a uri string ending in `/`), this one excepted. */
  resultsInFolder(folder: string, except: string): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const key of this.results.keys()) {
      if (key !== except && key.startsWith(folder) && !key.slice(folder.length).includes('/')) out.push(vscode.Uri.parse(key));
    }
    return out;
  }

  /** Whether the file is open in the editor (its text there counts, not the disk's). */
  isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === key);
  }

  dispose(): void {
    this.debouncer.cancelAll();
    this.scanDiagnostics.dispose();
    this.collection.dispose();
    this.changed.dispose();
    this.changedOne.dispose();
    this.busyChanged.dispose();
  }
}
