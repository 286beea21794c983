/**
 * Synthesized CDK output in the editor: every `cdk.out/*.template.json` of the workspace (the scan leaves
 * cdk.out alone) is analysed as CloudFormation, and its findings are shown on the constructs of the CDK
 * sources the analyzer has read (through `aws:cdk:path`), or on the template when no construct matches.
 * Kept in a diagnostic collection of its own, re-mapped when a template or a CDK source changes.
 */
import * as vscode from 'vscode';
import { type CdkSource, decodeBytes, type Finding, isListed, isSynthesizedTemplate, mapSynthesizedFindings } from '../core/index.js';
import { type AnalysisSummary, type Analyzer } from './analyzer.js';
import { toDiagnostic } from './diagnostics.js';
import { type Log } from './log.js';
import { readCapped } from './support/read-capped.js';

/** cdk.out's templates, and those of nested assemblies (`cdk.out/assembly-Stage/...`). */
const TEMPLATE_GLOB = '**/cdk.out/{*.template.json,*/*.template.json}';
/** A `cdk synth` writes many files at once: wait for the burst to end. */
const SETTLE_MS = 300;
/** Synthesized templates can be large; above this they are not read. */
const MAX_BYTES = 20 * 1024 * 1024;

interface Synthesized {
  findings: Finding[];
  paths: Map<string, string>;
  label: string;
}

export class SynthesizedOutput implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('crossover-synthesized');
  private readonly templates = new Map<string, Synthesized>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The files whose result is a CDK app (the sources findings of synthesized templates are mapped to). */
  private readonly cdkSources = new Set<string>();
  private loading: Promise<void> = Promise.resolve();
  private counts: AnalysisSummary = { templates: 0, errors: 0, warnings: 0, infos: 0 };
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the synthesized diagnostics were published again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly log: Log,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(TEMPLATE_GLOB);
    const reload = log.guard('Synthesized template', (uri: vscode.Uri) => this.track(this.load(uri)));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(
        log.guard('Synthesized template', (uri: vscode.Uri) => {
          this.templates.delete(uri.toString());
          this.schedule();
        }),
      ),
      analyzer.onDidChangeResult(log.guard('Synthesized mapping', (uri: vscode.Uri) => this.sourceChanged(uri))),
    );
  }

  /** Finds and reads the workspace's synthesized templates. */
  async start(): Promise<void> {
    await this.track(
      (async () => {
        const uris = await vscode.workspace.findFiles(TEMPLATE_GLOB, '**/node_modules/**', 200);
        await Promise.all(uris.map((uri) => this.load(uri)));
      })(),
    );
    this.remap();
  }

  /** Resolves when no template is being read and no mapping is pending. */
  async whenIdle(): Promise<void> {
    await this.loading;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.remap();
    }
  }

  get busy(): boolean {
    return this.timer !== undefined || this.pending > 0;
  }

  private pending = 0;

  private track(work: Promise<void>): Promise<void> {
    this.pending++;
    const done = work.finally(() => this.pending--);
    this.loading = Promise.all([this.loading, done]).then(() => undefined);
    return this.loading;
  }

  private async load(uri: vscode.Uri): Promise<void> {
    if (!isSynthesizedTemplate(uri.path)) return;
    try {
      const read = await readCapped(uri, MAX_BYTES);
      if (read.kind === 'too-big') {
        this.templates.delete(uri.toString());
        return;
      }
      if (read.kind !== 'bytes')
        throw new Error(
          read.kind === 'missing' ? 'it is gone' : read.kind === 'outside' ? `it leads to ${read.path}, outside the workspace folder` : read.reason,
        );
      const decoded = decodeBytes(read.bytes);
      if (decoded.kind === 'binary') return;
      const key = uri.toString();
      const result = await this.analyzer.analyzeSynthesized(uri, decoded.text);
      if (!isListed(result)) {
        this.templates.delete(key);
      } else {
        this.templates.set(key, { findings: result.findings, paths: result.constructPaths ?? new Map(), label: vscode.workspace.asRelativePath(uri, false) });
      }
    } catch (error) {
      this.log.warn(`Could not read ${vscode.workspace.asRelativePath(uri, false)}: ${error instanceof Error ? error.message : String(error)}`);
      this.templates.delete(uri.toString());
    }
    this.schedule();
  }

  /**
   * A file's result changed: the mapping is made again when it is, or was, a CDK source. Constant time per result (a
   * workspace scan publishes thousands; walking every result for each made the scan quadratic).
   */
  private sourceChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const isSource = this.analyzer.resultFor(uri)?.format === 'cdk';
    const wasSource = this.cdkSources.has(key);
    if (isSource) this.cdkSources.add(key);
    else this.cdkSources.delete(key);
    if ((isSource || wasSource) && this.templates.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      this.log.guard('Synthesized mapping', () => {
        this.timer = undefined;
        this.remap();
      }),
      SETTLE_MS,
    );
  }

  private sources(): CdkSource[] {
    const sources: CdkSource[] = [];
    for (const { uri, result } of this.analyzer.templates()) {
      if (result.format === 'cdk' && result.model) sources.push({ uri: uri.toString(), model: result.model, findings: result.findings });
    }
    return sources;
  }

  private remap(): void {
    const sources = this.sources();
    const byUri = new Map<string, vscode.Diagnostic[]>();
    for (const [uri, template] of this.templates) {
      for (const finding of mapSynthesizedFindings(template.findings, template.paths, sources, { uri, label: template.label })) {
        const list = byUri.get(finding.uri) ?? [];
        list.push(toDiagnostic(finding));
        byUri.set(finding.uri, list);
      }
    }
    this.collection.clear();
    for (const [uri, diagnostics] of byUri) this.collection.set(vscode.Uri.parse(uri), diagnostics);
    const all = [...byUri.values()].flat();
    this.counts = {
      templates: this.templates.size,
      errors: all.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
      warnings: all.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
      infos: all.filter((d) => d.severity !== vscode.DiagnosticSeverity.Error && d.severity !== vscode.DiagnosticSeverity.Warning).length,
    };
    this.changed.fire();
  }

  /** What the synthesized templates add to the status bar's counts. */
  summary(): AnalysisSummary {
    return this.counts;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }
}
