/**
 * Keeps the Problems panel in step with templates: open documents are analysed as the user types
 * (debounced, cancelled when stale, cached by version); files on disk are analysed for the workspace scan.
 */
import * as vscode from 'vscode';
import { type EngineConfig, resolveConfig } from '../core/config.js';
import { analyzeTextAsync, type AnalysisResult } from '../core/engine.js';
import { type Finding } from '../core/findings.js';
import { toDiagnostic } from './diagnostics.js';
import { type Log } from './log.js';
import { type ExtensionSettings } from './settings.js';
import { Debouncer, type Token } from './support/debouncer.js';

/** Schemes of documents that are files the user edits (not diff views, output channels, ...). */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote']);
const CANDIDATE_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

export interface AnalysisSummary {
  templates: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Hands control back to the event loop between analysis steps, so typing stays responsive. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Analyzer implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('crossover');
  private readonly debouncer: Debouncer<string>;
  /** Latest result per URI, with the document version it came from (-1 for disk content). */
  private readonly results = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeResults = this.changed.event;
  private config: EngineConfig;

  constructor(
    private settings: ExtensionSettings,
    private readonly log: Log,
  ) {
    this.config = resolveConfig(settings.engine);
    this.debouncer = new Debouncer((error) => log.error('Analysis failed', error));
  }

  isCandidate(document: vscode.TextDocument): boolean {
    if (!EDITABLE_SCHEMES.has(document.uri.scheme)) return false;
    return CANDIDATE_LANGUAGES.has(document.languageId) || document.fileName.toLowerCase().endsWith('.template');
  }

  /** After a keystroke: analyse once typing pauses. */
  documentChanged(document: vscode.TextDocument): void {
    if (!this.isCandidate(document)) return;
    const key = document.uri.toString();
    this.debouncer.schedule(key, this.settings.debounceMs, (token) => this.analyzeDocument(document, token));
  }

  /** On open: analyse at once. */
  documentOpened(document: vscode.TextDocument): void {
    if (!this.isCandidate(document)) return;
    const key = document.uri.toString();
    this.debouncer.schedule(key, 0, (token) => this.analyzeDocument(document, token));
  }

  /** On close: forget the editor's version; the caller re-reads the file from disk if it wants it listed. */
  documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    const cached = this.results.get(key);
    if (cached && cached.version >= 0) {
      this.results.delete(key);
      this.collection.delete(document.uri);
      this.changed.fire();
    }
  }

  /** Analyses a document now and returns its findings (the API tests use). */
  async analyzeNow(document: vscode.TextDocument): Promise<Finding[]> {
    const key = document.uri.toString();
    await this.debouncer.runNow(key, (token) => this.analyzeDocument(document, token));
    return this.results.get(key)?.result.findings ?? [];
  }

  /** Analyses text read from disk (workspace scan, file watcher). Skipped while the document is open. */
  async analyzeDisk(uri: vscode.Uri, text: string, token: Token): Promise<AnalysisResult | undefined> {
    if (this.isOpen(uri)) return undefined;
    const result = await analyzeTextAsync({ uri: uri.toString(), text }, this.config, token, pause);
    if (result.cancelled || this.isOpen(uri)) return undefined;
    this.publish(uri, -1, result);
    return result;
  }

  clear(uri: vscode.Uri): void {
    if (this.isOpen(uri)) return;
    this.results.delete(uri.toString());
    this.collection.delete(uri);
    this.changed.fire();
  }

  reconfigure(settings: ExtensionSettings): void {
    this.settings = settings;
    this.config = resolveConfig(settings.engine);
    this.results.clear();
    this.collection.clear();
    this.changed.fire();
    for (const document of vscode.workspace.textDocuments) this.documentOpened(document);
  }

  get busy(): boolean {
    return this.debouncer.busy;
  }

  whenIdle(): Promise<void> {
    return this.debouncer.whenIdle();
  }

  summary(): AnalysisSummary {
    const summary: AnalysisSummary = { templates: 0, errors: 0, warnings: 0, infos: 0 };
    for (const { result } of this.results.values()) {
      if (!result.format) continue;
      summary.templates++;
      for (const f of result.findings) {
        if (f.severity === 'error') summary.errors++;
        else if (f.severity === 'warning') summary.warnings++;
        else summary.infos++;
      }
    }
    return summary;
  }

  private async analyzeDocument(document: vscode.TextDocument, token: Token): Promise<void> {
    if (document.isClosed) return;
    const key = document.uri.toString();
    const version = document.version;
    if (this.results.get(key)?.version === version) return; // cached: nothing changed since the last run
    const result = await analyzeTextAsync({ uri: key, text: document.getText() }, this.config, token, pause);
    if (result.cancelled || document.isClosed || document.version !== version) return;
    if (result.format === undefined) {
      // Not a template: leave the file alone (and drop anything an earlier version of it had).
      if (this.results.delete(key)) this.collection.delete(document.uri);
      this.changed.fire();
      return;
    }
    this.publish(document.uri, version, result);
    if (result.durationMs > 200) this.log.info(`Analysed ${vscode.workspace.asRelativePath(document.uri)} in ${result.durationMs.toFixed(0)} ms`);
  }

  private publish(uri: vscode.Uri, version: number, result: AnalysisResult): void {
    const key = uri.toString();
    if (result.format === undefined) {
      if (this.results.delete(key)) this.collection.delete(uri);
    } else {
      this.results.set(key, { version, result });
      this.collection.set(uri, result.findings.map(toDiagnostic));
    }
    this.changed.fire();
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
  }

  dispose(): void {
    this.debouncer.cancelAll();
    this.collection.dispose();
    this.changed.dispose();
  }
}
