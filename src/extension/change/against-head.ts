/**
 * "Crossover: Show Cost Change Against HEAD": the current file as it is in the editor (unsaved edits
 * included) against its last commit, with the usage file of each side, as the Markdown report that
 * `crossover diff --format markdown` writes for a pull request. Shown in the Markdown preview and kept
 * current while the file or the usage file changes.
 *
 * The committed text comes from VS Code's git extension (its API, version 1). In Restricted Mode, where
 * that extension is off, it is read with git plumbing through src/node/run-git.ts (git by absolute path from
 * outside the workspace, no transport, a fixed environment), which runs nothing from the repository.
 */
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import {
  diffMarkdown,
  type DiffReport,
  EDITOR_TEXT,
  emptyUsage,
  type EngineConfig,
  notificationText,
  parseUsageFile,
  USAGE_FILE_NAMES,
  type UsageFile,
} from '../../core/index.js';
import { checkRevision, GitError, readAt, type GitOptions } from '../../node/git.js';
import { type EngineThread } from '../../node/engine-thread.js';
import { type CostService } from '../cost/estimates.js';
import { type ReportDocuments } from '../cost/reports.js';
import { type UsageFiles } from '../cost/usage.js';
import { type Log } from '../log.js';
import { readRootOf } from '../support/read-root.js';

/** The part of the git extension's API (`vscode.git`, version 1) used here. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { readonly commit?: string } | undefined };
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  /** The git the extension runs (absolute path, from the machine-scoped `git.path` setting or PATH). */
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Reads a file as committed at HEAD: undefined when HEAD has no such file. */
type HeadReader = (fsPath: string) => Promise<string | undefined>;

export class ChangeAgainstHead implements vscode.Disposable {
  /** Templates whose report is showing, with its name; refreshed when they or the usage file change. */
  private readonly shown = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  /** Files as committed, by commit and path (misses too): a refresh while typing asks git nothing new. */
  private readonly committed = new Map<string, string | undefined>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly costs: CostService,
    private readonly usage: UsageFiles,
    private readonly reports: ReportDocuments,
    private readonly engineConfig: () => EngineConfig,
    private readonly log: Log,
    /** Where both sides are read and compared (`@aws-cdk/cloudformation-diff` in a thread of its own from there). */
    private readonly engine: EngineThread,
  ) {
    this.disposables = [
      vscode.commands.registerCommand(
        'crossover.showCostChangeAgainstHead',
        log.guard('Cost change against HEAD', (uri?: vscode.Uri) => this.show(uri)),
      ),
      // The report analyses the file's text itself: it follows that text, the usage file and the settings,
      // not the workspace's analyses. Saving changes the "unsaved" label.
      vscode.workspace.onDidChangeTextDocument(
        log.guard('Cost change refresh', (e: vscode.TextDocumentChangeEvent) => this.shown.has(e.document.uri.toString()) && this.schedule()),
      ),
      vscode.workspace.onDidSaveTextDocument(log.guard('Cost change refresh', (d: vscode.TextDocument) => this.shown.has(d.uri.toString()) && this.schedule())),
      usage.onDidChange(log.guard('Cost change refresh', () => this.schedule())),
      vscode.workspace.onDidChangeConfiguration(
        log.guard('Cost change refresh', (e: vscode.ConfigurationChangeEvent) => e.affectsConfiguration('crossover') && this.schedule()),
      ),
      // A report nobody shows any more (its preview closed, its document released) is not refreshed.
      vscode.workspace.onDidCloseTextDocument(
        log.guard('Cost change refresh', (d: vscode.TextDocument) => {
          for (const [key, name] of this.shown) if (this.reports.uriOf(name).toString() === d.uri.toString()) this.shown.delete(key);
        }),
      ),
    ];
  }

  /** Test hook and command body: computes and shows the report for `uri` (default: the active editor's file). */
  async show(target?: vscode.Uri): Promise<DiffReport | undefined> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') {
      void vscode.window.showInformationMessage(EDITOR_TEXT.changeNeedsAFile);
      return undefined;
    }
    const computed = await this.compute(uri).catch((error: unknown) => {
      if (!(error instanceof GitError)) throw error;
      void vscode.window.showErrorMessage(notificationText(EDITOR_TEXT.gitFailed(error.message)));
      return undefined;
    });
    if (!computed) return undefined;
    this.shown.set(uri.toString(), computed.name);
    await this.reports.show(computed.name, computed.markdown, { toSide: true });
    return computed.report;
  }

  private schedule(): void {
    if (!this.shown.size) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      this.log.guard('Cost change refresh', async () => {
        for (const [key, name] of this.shown) {
          const computed = await this.compute(vscode.Uri.parse(key), true);
          if (computed) this.reports.update(name, computed.markdown);
        }
      }),
      400,
    );
  }

  private async compute(uri: vscode.Uri, quiet = false): Promise<{ name: string; markdown: string; report: DiffReport } | undefined> {
    const reader = await this.headReader(uri, quiet);
    if (!reader) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const now = document ? document.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const committed = await reader(uri.fsPath);
    const usageAtHead = folder ? await this.usageAtHead(folder, reader) : emptyUsage();
    // Both sides are read in the engine thread (the readers they need load there), the files a template refers to
    // and a Terraform file's folder from disk for both.
    const { report, problems } = await this.engine.diffFile({
      path,
      ...(uri.scheme === 'file' ? { local: { fsPath: uri.fsPath, root: readRootOf(uri) } } : {}),
      before: { label: 'HEAD', text: committed, usage: usageAtHead },
      after: { label: document?.isDirty ? 'the editor (unsaved)' : 'the working tree', text: now, usage: this.usage.usageFor(uri).usage },
      config: this.engineConfig(),
      settings: this.costs.defaults(),
    });
    for (const problem of problems) this.log.error(problem);
    if (!report.files.length) {
      if (!quiet) void vscode.window.showInformationMessage(notificationText(EDITOR_TEXT.changeNotATemplate(path)));
      return undefined;
    }
    const markdown = diffMarkdown(report, {
      oneFile: true,
      title: EDITOR_TEXT.changeTitle(path),
      ...(committed === undefined ? { lead: EDITOR_TEXT.changeNewFile } : {}),
    });
    // The report's document name: one per file, its folders kept visible (a "/" would make them URI folders).
    const name = `Cost change against HEAD - ${path.split(/[\\/]/).join(' \u2215 ')}`;
    return { name, markdown, report };
  }

  /** The workspace folder's usage file as committed (the first of the usage file names HEAD has). */
  private async usageAtHead(folder: vscode.WorkspaceFolder, reader: HeadReader): Promise<UsageFile> {
    for (const name of USAGE_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      const text = await reader(uri.fsPath);
      if (text !== undefined) return parseUsageFile(uri.toString(), text);
    }
    return emptyUsage();
  }

  /** The git extension's `show`, or git plumbing when the extension is off (Restricted Mode). */
  private async headReader(uri: vscode.Uri, quiet: boolean): Promise<HeadReader | undefined> {
    const api = await gitApi();
    // The plumbing below runs the git extension's git when there is one, else a git on PATH outside the workspace.
    const executable = api?.git?.path;
    const options: GitOptions = { untrusted: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath), ...(executable ? { executable } : {}) };
    if (api) {
      const repository = api.getRepository(uri);
      if (repository) {
        return this.remembered(repository.state.HEAD?.commit, async (fsPath) => {
          try {
            return await repository.show('HEAD', fsPath);
          } catch {
            return undefined; // not in HEAD (a new file), or no commit yet
          }
        });
      }
    }
    const cwd = dirname(uri.fsPath);
    try {
      const commit = checkRevision(cwd, 'HEAD', options);
      return this.remembered(commit, async (fsPath) => readAt(cwd, commit, relative(cwd, fsPath).split('\\').join('/'), options)?.toString('utf8'));
    } catch (error) {
      this.log.info(`Cost change against HEAD: ${error instanceof Error ? error.message : String(error)}`);
      if (!quiet) void vscode.window.showInformationMessage(notificationText(EDITOR_TEXT.changeNotInGit(vscode.workspace.asRelativePath(uri))));
      return undefined;
    }
  }

  /** `read` with its answers kept for the commit (unknown commit: not kept). */
  private remembered(commit: string | undefined, read: HeadReader): HeadReader {
    if (!commit) return read;
    return async (fsPath) => {
      const key = `${commit}\u0000${fsPath}`;
      if (!this.committed.has(key)) {
        if (this.committed.size > 200) this.committed.clear();
        this.committed.set(key, await read(fsPath));
      }
      return this.committed.get(key);
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The git extension's API once it has found the repositories (undefined when git is off or missing). */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return undefined;
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') {
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(() => done(), 10_000);
        const subscription = api.onDidChangeState((state) => state === 'initialized' && done());
        function done() {
          clearTimeout(timeout);
          subscription.dispose();
          resolve();
        }
      });
    }
    return api;
  } catch {
    return undefined;
  }
}
