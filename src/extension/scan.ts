/**
 * The workspace scan: lists templates that are not open yet in the Problems panel. Bounded, because
 * linters that scan whole workspaces freeze editors: it honours files.exclude, caps file count and size,
 * shares the files among the engine threads (off the extension host; run from sources, in-process, it rests
 * between files to stay under half a core), shows progress, and can be cancelled. A file watcher
 * keeps the result current afterwards.
 */
import * as vscode from 'vscode';
import { decodeBytes, isCandidateFile } from '../core/index.js';
import { type Analyzer, type DiskSource } from './analyzer.js';
import { type SkippedRead } from '../node/engine-input.js';
import { type Log } from './log.js';
import { type ExtensionSettings } from './settings.js';
import { type Status } from './status.js';
import { DutyCycle } from './support/duty-cycle.js';
import { inScanOrder } from './support/scan-order.js';
import { readAhead } from './support/read-ahead.js';
import { readCapped } from './support/read-capped.js';
import { readRootOf } from './support/read-root.js';
import { outsideReason } from '../node/file-reader.js';
import { excludeGlob, excludeMatcher } from './support/globs.js';
import { CANDIDATE_GLOB, SCRIPT_GLOB, TEMPLATE_GLOB } from './support/candidates.js';

/** Saves and generators fire bursts of watcher events for one file: wait this long for the burst to end. */
const WATCHER_SETTLE_MS = 300;

/** Files read ahead of the one being analysed (at most this many texts, each under the size cap, held at once). */
const READ_AHEAD = 16;
/** The longest the scan hands files over to the engine threads before letting the extension host's other work in. */
const TURN_MS = 4;
/** Files handed to each engine thread at once during a scan, so none waits for this thread between two files. */
const ANALYSES_AHEAD = 4;

/**
 * A file as read for analysis: its text; or a local file the engine thread reads itself (with the same guards and
 * cap); or none, when it was skipped.
 */
type Loaded = DiskSource | { skipped: true };
const SKIPPED: Loaded = { skipped: true };

const filesExclude = () => vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

export class WorkspaceScanner implements vscode.Disposable {
  private source: vscode.CancellationTokenSource | undefined;
  private running: Promise<void> | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  /** Folders created or deleted as a whole (`sam init`, a checkout, `rm -r`): see folderCreated. */
  private readonly folderWatcher: vscode.FileSystemWatcher;
  /** `.tfvars` files: not inputs themselves, but they set the variables of their folder's Terraform files. */
  private readonly tfvarsWatcher: vscode.FileSystemWatcher;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private isExcluded = excludeMatcher(filesExclude());

  constructor(
    private settings: ExtensionSettings,
    private readonly analyzer: Analyzer,
    private readonly log: Log,
    private readonly status: Status,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB);
    this.watcher.onDidCreate(log.guard('File watcher (create)', (uri: vscode.Uri) => this.fileChanged(uri)));
    this.watcher.onDidChange(log.guard('File watcher (change)', (uri: vscode.Uri) => this.fileChanged(uri)));
    this.watcher.onDidDelete(log.guard('File watcher (delete)', (uri: vscode.Uri) => this.fileDeleted(uri)));
    this.tfvarsWatcher = vscode.workspace.createFileSystemWatcher('**/*.{tfvars,tfvars.json}');
    for (const event of [this.tfvarsWatcher.onDidCreate, this.tfvarsWatcher.onDidChange, this.tfvarsWatcher.onDidDelete])
      event(log.guard('File watcher (tfvars)', (uri: vscode.Uri) => this.folderMembersChanged(uri)));
    this.folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.folderWatcher.onDidCreate(log.guard('Folder watcher (create)', (uri: vscode.Uri) => this.folderCreated(uri)));
    this.folderWatcher.onDidDelete(log.guard('Folder watcher (delete)', (uri: vscode.Uri) => this.folderDeleted(uri)));
  }

  get scanning(): boolean {
    return this.running !== undefined;
  }

  /** Is this file part of what the scan lists (so closing its editor keeps it in the Problems panel)? */
  covers(uri: vscode.Uri): boolean {
    if (!this.settings.scan.enabled || uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return isCandidateFile(uri.path) && !this.isExcluded(relative(uri));
  }

  reconfigure(settings: ExtensionSettings): void {
    this.settings = settings;
    this.isExcluded = excludeMatcher(filesExclude());
    if (!settings.scan.enabled) {
      this.cancel('the workspace scan was switched off');
      this.analyzer.clearDiskResults();
    }
  }

  /** Starts a scan (cancelling one under way). Resolves when it ends, never rejects. */
  start(reason: string): Promise<void> {
    this.cancel('a new scan starts');
    if (!this.settings.scan.enabled || !vscode.workspace.workspaceFolders?.length) return Promise.resolve();
    const source = new vscode.CancellationTokenSource();
    this.source = source;
    // Progress shows in Crossover's own status bar item ("scanning n/m", a click cancels), not in a
    // second, window-progress item beside it.
    const run = this.scan(reason, source.token)
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

  cancel(reason: string): void {
    if (!this.source || this.source.token.isCancellationRequested) return;
    this.source.cancel();
    this.log.info(`Workspace scan cancelled: ${reason}.`);
  }

  whenIdle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Reads a file from disk and analyses it, unless it is open (then the editor's text is what counts).
   * Never throws: a file that cannot be read leaves the Problems panel, with a log line.
   */
  async readAndAnalyze(uri: vscode.Uri, token: vscode.CancellationToken): Promise<'template' | 'other' | 'skipped'> {
    return this.analyzeLoaded(uri, await this.load(uri), token);
  }

  /**
   * Reads and decodes a file; never rejects. A file above the size cap is never read; a file that is gone,
   * too big, unreadable or binary is skipped (with a log line, its diagnostics dropped). A local file, when the engine
   * runs in its threads, is read there: nothing is done here.
   */
  private async load(uri: vscode.Uri): Promise<Loaded> {
    if (uri.scheme === 'file' && this.analyzer.analysesOffThisThread) return { maxBytes: this.settings.maxFileSizeBytes };
    const read = await readCapped(uri, this.settings.maxFileSizeBytes);
    if (read.kind !== 'bytes') {
      this.skip(uri, read);
      return SKIPPED;
    }
    const decoded = decodeBytes(read.bytes);
    if (decoded.kind === 'binary') {
      this.skip(uri, decoded);
      return SKIPPED;
    }
    return { text: decoded.text };
  }

  /** A file not analysed: why, in the log (nothing when it is gone since it was listed), and its diagnostics dropped. */
  private skip(uri: vscode.Uri, skipped: SkippedRead): void {
    const path = relative(uri);
    if (skipped.kind === 'too-big') {
      this.log.info(
        `Skipped ${path}: ${(skipped.size / 1024 / 1024).toFixed(1)} MB is above crossover.maxFileSizeKb (${this.settings.maxFileSizeBytes / 1024} KB).`,
      );
    } else if (skipped.kind === 'unreadable') {
      this.log.warn(`Skipped ${path}: it could not be read (${skipped.reason}).`);
    } else if (skipped.kind === 'outside') {
      this.log.warn(`Skipped ${path}: ${outsideReason(uri.fsPath, skipped.path, readRootOf(uri))}.`);
    } else if (skipped.kind === 'binary') {
      this.log.info(`Skipped ${path}: ${skipped.reason}.`);
    }
    this.analyzer.clear(uri);
  }

  private async analyzeLoaded(
    uri: vscode.Uri,
    loaded: Loaded,
    token: vscode.CancellationToken,
    counts?: { analysingMs: number },
  ): Promise<'template' | 'other' | 'skipped'> {
    if ('skipped' in loaded) return 'skipped';
    // The scan's files (with counts) reach the Problems panel in batches; a file the watcher saw changing, at once.
    const result = await this.analyzer.analyzeDisk(uri, loaded, token, counts !== undefined);
    if (!result) return 'skipped';
    if (result.skipped) {
      this.skip(uri, result.skipped);
      return 'skipped';
    }
    if (counts) counts.analysingMs += result.durationMs;
    return result.format ? 'template' : 'other';
  }

  /**
   * Reads and analyses files in order, the scan's way (the start-up scan and folders that appear at once).
   * Reading waits on the file system (in a remote or web editor, a round trip per call), not on this thread:
   * files are read a few ahead. With the engine thread, a few analyses are handed to it at once, so it starts the
   * next file as soon as it ends one; this thread only publishes results. Without it (running from sources), the
   * analysis runs here, one file at a time, with rests that keep it under the scan's share of a core.
   * Stops when `token` is cancelled.
   */
  private async analyzeFiles(
    files: readonly vscode.Uri[],
    token: vscode.CancellationToken,
    progress?: (done: number) => void,
  ): Promise<{ templates: number; analysingMs: number }> {
    const counts = { templates: 0, analysingMs: 0 };
    const threaded = this.analyzer.analysesOffThisThread;
    const cycle = new DutyCycle(this.settings.scan.cpuShare);
    const load = (uri: vscode.Uri) =>
      this.load(uri).catch((error: unknown) => {
        this.log.error(`Could not read ${relative(uri)}`, error);
        return SKIPPED;
      });
    let done = 0;
    const analyse = async (uri: vscode.Uri, loaded: Loaded) => {
      try {
        const kind = await this.analyzeLoaded(uri, loaded, token, counts);
        if (kind === 'template') counts.templates++;
      } catch (error) {
        this.log.error(`Could not analyse ${relative(uri)}`, error);
      }
      progress?.(++done);
    };
    // Files in the engine threads at once: the next is handed over as soon as any of them ends (not the oldest: a
    // large template would hold the others back).
    const limit = threaded ? ANALYSES_AHEAD * this.analyzer.engineThreads : 1;
    const running = new Set<Promise<void>>();
    let turn = performance.now();
    for await (const [uri, loaded] of readAhead(files, READ_AHEAD, load)) {
      if (token.isCancellationRequested) break;
      const t0 = performance.now();
      const analysis: Promise<void> = analyse(uri, loaded).finally(() => running.delete(analysis));
      running.add(analysis);
      if (running.size >= limit) await Promise.race(running);
      if (!threaded) await cycle.after(performance.now() - t0);
      else if (performance.now() - turn > TURN_MS) {
        // The threads answer a file that is no template in a fraction of a millisecond, and Node hands a thread's
        // answers to this thread in one go while more keep coming: handing over the next file from within that would
        // keep this thread busy for as long as the threads keep up. Other work (the window's messages) goes first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        turn = performance.now();
      }
    }
    await Promise.all(running);
    this.analyzer.flushDiagnostics();
    return counts;
  }

  private async scan(reason: string, token: vscode.CancellationToken): Promise<void> {
    const started = performance.now();
    const maxFiles = this.settings.scan.maxFiles;
    this.status.scanning(0, 0);
    // Templates first, program sources (possible CDK apps) with what is left of the cap: a big code base
    // must not crowd the templates out of the scan. Declaration files (.d.ts) match the globs but are no format's.
    const exclude = excludeGlob(filesExclude());
    const templateFiles = await inScanOrder(await vscode.workspace.findFiles(TEMPLATE_GLOB, exclude, maxFiles + 1, token), TURN_MS);
    if (token.isCancellationRequested) return;
    // The program sources come after every template in the scan's order (they rank last), so they are searched for
    // while the templates are analysed, not before.
    const room = Math.max(0, maxFiles + 1 - templateFiles.length);
    const scriptSearch: Promise<vscode.Uri[]> =
      room > 0
        ? Promise.resolve(vscode.workspace.findFiles(SCRIPT_GLOB, exclude, room, token)).then((uris) => inScanOrder(uris, TURN_MS))
        : Promise.resolve([]);
    // A search that fails is logged where it is awaited; this keeps it from being reported as unhandled meanwhile.
    scriptSearch.catch(() => undefined);
    // Past the cap, the templates last in the scan's order are left out.
    const templates = templateFiles.slice(0, maxFiles);
    this.log.info(`Workspace scan (${reason}): ${templates.length} template candidates, program sources being searched for.`);
    // Results from disk older than this point that the scan does not renew are stale at its end.
    const mark = this.analyzer.mark();
    let total = templates.length;
    const analysed = this.analyzeFiles(templates, token, (done) => this.status.scanning(done, total));
    let scripts: vscode.Uri[];
    try {
      scripts = await scriptSearch;
    } catch (error) {
      await analysed;
      if (token.isCancellationRequested) return; // a search cancelled with the scan
      throw error;
    }
    if (token.isCancellationRequested) return void (await analysed);
    if (templateFiles.length + scripts.length > maxFiles)
      this.log.warn(`The workspace has more than ${maxFiles} candidate files; only ${maxFiles} are scanned (crossover.workspaceScan.maxFiles).`);
    const sources = scripts.slice(0, maxFiles - templates.length);
    const files = [...templates, ...sources];
    total = files.length;
    this.log.info(`Workspace scan (${reason}): ${files.length} candidate files.`);
    const first = await analysed;
    if (token.isCancellationRequested) return;
    const then = await this.analyzeFiles(sources, token, (done) => this.status.scanning(templates.length + done, total));
    const counts = { templates: first.templates + then.templates, analysingMs: first.analysingMs + then.analysingMs };
    if (token.isCancellationRequested) return;
    this.analyzer.dropDiskResultsBefore(mark);
    const summary = this.analyzer.summary();
    this.log.info(
      `Workspace scan done in ${((performance.now() - started) / 1000).toFixed(1)} s (${counts.analysingMs.toFixed(0)} ms of analysis): ` +
        `${files.length} files, ${counts.templates} templates among them; Problems now lists ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} information in ${summary.templates} templates.`,
    );
  }

  /**
   * A Terraform file, or a `.tfvars` file, of a folder changed on disk: the folder's other Terraform files read it
   * (variables, locals, resources they refer to), so they are analysed again, open ones from the editor's text.
   */
  private folderMembersChanged(uri: vscode.Uri): void {
    if (!/\.(tf|tfvars)(\.json)?$/i.test(uri.path)) return;
    const key = uri.toString();
    const folder = key.slice(0, key.lastIndexOf('/') + 1);
    for (const member of this.analyzer.resultsInFolder(folder, key)) {
      if (!/\.tf(\.json)?$/i.test(member.path)) continue;
      const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === member.toString());
      if (open) this.analyzer.readChanged(open);
      else this.fileChanged(member, false);
    }
  }

  private fileChanged(uri: vscode.Uri, members = true): void {
    if (members) this.folderMembersChanged(uri);
    if (!this.covers(uri)) return;
    this.settle(uri, async () => {
      const source = new vscode.CancellationTokenSource();
      try {
        await this.readAndAnalyze(uri, source.token);
      } finally {
        source.dispose();
      }
    });
  }

  private fileDeleted(uri: vscode.Uri): void {
    this.folderMembersChanged(uri);
    this.settle(uri, () => this.analyzer.clear(uri));
  }

  /**
   * VS Code's watcher reports a folder created with files already in it (`mkdir x && cp t.yaml x/`, a
   * checkout, `sam init`) as one event for the folder, without events for the files: such a folder is
   * searched like a small scan. Only names without an extension are looked at (folders, mostly), so the
   * thousands of files an `npm install` creates cost nothing but this test.
   */
  private folderCreated(uri: vscode.Uri): void {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (name.includes('.') || !this.settings.scan.enabled || !vscode.workspace.getWorkspaceFolder(uri) || this.isExcluded(relative(uri))) return;
    const isFolder = async () => {
      try {
        return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
      } catch {
        return false; // gone again
      }
    };
    this.settle(uri, async () => {
      if (!(await isFolder())) return;
      let found: vscode.Uri[];
      try {
        found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, CANDIDATE_GLOB), excludeGlob(filesExclude()), this.settings.scan.maxFiles);
      } catch (error) {
        // Deleted while the search started in it (the search tool then fails to start there): nothing to analyse.
        if (!(await isFolder())) return;
        throw error;
      }
      const files = found.filter((file) => isCandidateFile(file.path));
      const source = new vscode.CancellationTokenSource();
      try {
        await this.analyzeFiles(files, source.token);
      } finally {
        source.dispose();
      }
      if (files.length) this.log.info(`New folder ${relative(uri)}: ${files.length} candidate files analysed.`);
    });
  }

  private folderDeleted(uri: vscode.Uri): void {
    if (isCandidateFile(uri.path)) return; // a file: the file watcher has it
    this.settle(uri, () => this.analyzer.clearUnder(uri));
  }

  /** Runs `action` once the burst of watcher events for `uri` has settled; the last event decides. */
  private settle(uri: vscode.Uri, action: () => unknown): void {
    const key = uri.toString();
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing);
    this.pending.set(
      key,
      setTimeout(
        this.log.guard('File watcher', () => {
          this.pending.delete(key);
          return action();
        }),
        WATCHER_SETTLE_MS,
      ),
    );
  }

  dispose(): void {
    this.cancel('the extension stops');
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.watcher.dispose();
    this.folderWatcher.dispose();
    this.tfvarsWatcher.dispose();
  }
}
