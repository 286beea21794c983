/**
 * The workspace scan: lists templates that are not open yet in the Problems panel. Bounded, because
 * linters that scan whole workspaces freeze editors: it honours files.exclude, caps file count and size,
 * rests between files to stay under half a core, shows progress, and can be cancelled. A file watcher
 * keeps the result current afterwards.
 */
import * as vscode from 'vscode';
import { decodeBytes } from '../core/parse/document/load.js';
import { type Analyzer } from './analyzer.js';
import { type Log } from './log.js';
import { type ExtensionSettings } from './settings.js';
import { type Status } from './status.js';
import { restAfter, sleep } from './support/duty-cycle.js';
import { excludeGlob, inExcludedFolder } from './support/globs.js';

export const CANDIDATE_GLOB = '**/*.{yaml,yml,json,template}';

/** Likely template names first, so the Problems panel fills with what matters while the scan goes on. */
function priority(uri: vscode.Uri): number {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).toLowerCase();
  if (/^(template|samtemplate|sam-template)\.(ya?ml|json)$/.test(name) || name.endsWith('.template')) return 0;
  if (/(template|stack|cfn|cloudformation|sam)/.test(name)) return 1;
  return 2;
}

export class WorkspaceScanner implements vscode.Disposable {
  private source: vscode.CancellationTokenSource | undefined;
  private running: Promise<void> | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private settings: ExtensionSettings,
    private readonly analyzer: Analyzer,
    private readonly log: Log,
    private readonly status: Status,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB);
    this.watcher.onDidCreate(log.guard('File watcher (create)', (uri: vscode.Uri) => this.fileChanged(uri)));
    this.watcher.onDidChange(log.guard('File watcher (change)', (uri: vscode.Uri) => this.fileChanged(uri)));
    this.watcher.onDidDelete(log.guard('File watcher (delete)', (uri: vscode.Uri) => analyzer.clear(uri)));
  }

  get scanning(): boolean {
    return this.running !== undefined;
  }

  reconfigure(settings: ExtensionSettings): void {
    this.settings = settings;
  }

  /** Starts a scan (cancelling one under way). Resolves when it ends. */
  start(reason: string): Promise<void> {
    this.cancel();
    if (!this.settings.scan.enabled || !vscode.workspace.workspaceFolders?.length) return Promise.resolve();
    const source = new vscode.CancellationTokenSource();
    this.source = source;
    const run = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Crossover' }, (progress) => this.scan(reason, source.token, progress)),
    )
      .catch((error: unknown) => this.log.error('Workspace scan failed', error))
      .finally(() => {
        if (this.source === source) {
          this.source = undefined;
          this.running = undefined;
          this.status.clearScan();
        }
        source.dispose();
      });
    this.running = run;
    return run;
  }

  cancel(): void {
    if (!this.source) return;
    this.source.cancel();
    this.log.info('Workspace scan cancelled.');
  }

  whenIdle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Re-reads a file the watcher saw change, unless it is open (then the editor's text is what counts). */
  async readAndAnalyze(uri: vscode.Uri, token: vscode.CancellationToken): Promise<'analysed' | 'skipped'> {
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      this.analyzer.clear(uri);
      return 'skipped';
    }
    const path = vscode.workspace.asRelativePath(uri);
    if (size > this.settings.maxFileSizeBytes) {
      this.log.info(`Skipped ${path}: ${(size / 1024 / 1024).toFixed(1)} MB is above crossover.maxFileSizeKb.`);
      return 'skipped';
    }
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(uri));
    if (decoded.kind === 'binary') {
      this.log.info(`Skipped ${path}: ${decoded.reason}.`);
      return 'skipped';
    }
    const result = await this.analyzer.analyzeDisk(uri, decoded.text, token);
    return result ? 'analysed' : 'skipped';
  }

  private async scan(reason: string, token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = performance.now();
    const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
    const maxFiles = this.settings.scan.maxFiles;
    const found = await vscode.workspace.findFiles(CANDIDATE_GLOB, exclude, maxFiles + 1, token);
    if (token.isCancellationRequested) return;
    if (found.length > maxFiles) this.log.warn(`The workspace has more than ${maxFiles} candidate files; only the first ${maxFiles} are scanned (crossover.workspaceScan.maxFiles).`);
    const files = found.slice(0, maxFiles).sort((a, b) => priority(a) - priority(b));
    this.log.info(`Workspace scan (${reason}): ${files.length} candidate files.`);
    let analysed = 0;
    let busyMs = 0;
    for (let i = 0; i < files.length; i++) {
      if (token.isCancellationRequested) return;
      const uri = files[i]!;
      this.status.scanning(i, files.length);
      progress.report({ message: `scanning ${i + 1}/${files.length}` });
      const t0 = performance.now();
      try {
        if ((await this.readAndAnalyze(uri, token)) === 'analysed') analysed++;
      } catch (error) {
        this.log.error(`Could not analyse ${vscode.workspace.asRelativePath(uri)}`, error);
      }
      const spent = performance.now() - t0;
      busyMs += spent;
      await sleep(restAfter(spent, this.settings.scan.cpuShare));
    }
    const summary = this.analyzer.summary();
    this.log.info(
      `Workspace scan done in ${((performance.now() - started) / 1000).toFixed(1)} s (${busyMs.toFixed(0)} ms of work): ` +
        `${analysed} files read, ${summary.templates} templates, ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} information.`,
    );
  }

  private fileChanged(uri: vscode.Uri): void {
    if (inExcludedFolder(vscode.workspace.asRelativePath(uri))) return;
    // Saves and generators fire bursts of events: wait for the burst to settle.
    const key = uri.toString();
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing);
    this.pending.set(
      key,
      setTimeout(
        this.log.guard('File watcher', async () => {
          this.pending.delete(key);
          const source = new vscode.CancellationTokenSource();
          try {
            await this.readAndAnalyze(uri, source.token);
          } finally {
            source.dispose();
          }
        }),
        300,
      ),
    );
  }

  dispose(): void {
    this.cancel();
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.watcher.dispose();
  }
}
