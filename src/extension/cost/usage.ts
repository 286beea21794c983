/**
 * The usage file of each workspace folder (crossover.usage.yml/.yaml/.json at its root): read at start,
 * re-read when it changes on disk or as it is edited (so hovers follow the typing), its problems shown
 * as diagnostics on the file.
 */
import { NO_USAGE_FILE, parseUsageFile, USAGE_FILE_NAMES, type UsageFile } from '../../core/index.js';
import * as vscode from 'vscode';
import { toRange } from '../diagnostics.js';
import { type Log } from '../log.js';
import { readCapped } from '../support/read-capped.js';

/** Usage files are a few lines; a larger one is not read (it would be a mistake or a trap). */
export const USAGE_FILE_MAX_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A usage file's text as it is on disk (a BOM kept, for the writer), read like templates: size-capped, and for
 * local files only when its real path is inside its workspace folder. A reason instead when it cannot be read.
 */
export async function readUsageText(uri: vscode.Uri): Promise<{ text: string } | { missing: true } | { refused: string }> {
  const read = await readCapped(uri, USAGE_FILE_MAX_BYTES);
  if (read.kind === 'missing') return { missing: true };
  if (read.kind === 'too-big') return { refused: `it is larger than ${USAGE_FILE_MAX_BYTES / 1024} KB` };
  if (read.kind === 'unreadable') return { refused: read.reason };
  if (read.kind === 'outside') return { refused: `it leads to ${read.path}, outside the workspace folder` };
  try {
    return { text: utf8.decode(read.bytes) };
  } catch {
    return { refused: 'it is not UTF-8 text' };
  }
}

export class UsageFiles implements vscode.Disposable {
  private readonly byFolder = new Map<string, UsageFile>();
  private readonly collection = vscode.languages.createDiagnosticCollection('crossover-usage');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when any folder's usage changes. */
  readonly onDidChange = this.changed.event;
  /** Bumped on every change, so caches can tell stale estimates. */
  version = 0;

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${USAGE_FILE_NAMES.join(',')}}`);
    const reload = log.guard('Usage file watcher', (uri: vscode.Uri) => void this.reload(uri));
    this.disposables.push(
      watcher,
      this.collection,
      this.changed,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeTextDocument(
        log.guard('Usage file edit', (e: vscode.TextDocumentChangeEvent) => {
          if (this.isUsageFile(e.document.uri)) this.set(e.document.uri, e.document.getText());
        }),
      ),
      vscode.workspace.onDidChangeWorkspaceFolders(log.guard('Usage folders', () => void this.loadAll())),
    );
  }

  /** Reads every folder's usage file; resolves when done. */
  async loadAll(): Promise<void> {
    this.byFolder.clear();
    this.collection.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of USAGE_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        if (await this.reload(uri)) break;
      }
    }
    this.bump();
  }

  /** Every folder's usage file by the folder's URI (for the engine thread: see usageKey). */
  files(): [string, UsageFile][] {
    return [...this.byFolder];
  }

  /** The key of the folder holding `uri` in `files()` ('' outside any folder). */
  usageKey(uri: vscode.Uri): string {
    return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
  }

  /** The usage for the folder holding `uri` (empty when it has no usage file). */
  usageFor(uri: vscode.Uri): { usage: UsageFile; folder: vscode.WorkspaceFolder | undefined } {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return { usage: (folder && this.byFolder.get(folder.uri.toString())) ?? NO_USAGE_FILE, folder };
  }

  /** The usage file of a folder, existing or where it would be created. */
  fileFor(folder: vscode.WorkspaceFolder): { uri: vscode.Uri; exists: boolean } {
    const existing = this.byFolder.get(folder.uri.toString());
    if (existing) return { uri: vscode.Uri.parse(existing.uri), exists: true };
    return { uri: vscode.Uri.joinPath(folder.uri, USAGE_FILE_NAMES[0]!), exists: false };
  }

  isUsageFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !!folder && USAGE_FILE_NAMES.some((name) => vscode.Uri.joinPath(folder.uri, name).toString() === uri.toString());
  }

  /** Re-reads one usage file (an open editor's text wins over the disk); true when it exists. */
  private async reload(uri: vscode.Uri): Promise<boolean> {
    if (!this.isUsageFile(uri)) return false;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      this.set(uri, open.getText());
      return true;
    }
    const read = await readUsageText(uri);
    if ('text' in read) {
      this.set(uri, read.text);
      return true;
    }
    if ('refused' in read) this.log.warn(`Usage file ${vscode.workspace.asRelativePath(uri)} is not read: ${read.refused}.`);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && this.byFolder.get(folder.uri.toString())?.uri === uri.toString()) {
      this.byFolder.delete(folder.uri.toString());
      this.collection.delete(uri);
      this.log.info(`Usage file ${vscode.workspace.asRelativePath(uri)} removed: traffic is assumed again.`);
      this.bump();
    }
    return false;
  }

  private set(uri: vscode.Uri, text: string): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const usage = parseUsageFile(uri.toString(), text);
    this.byFolder.set(folder.uri.toString(), usage);
    this.collection.set(
      uri,
      usage.problems.map((p) => {
        const d = new vscode.Diagnostic(
          toRange(p.range),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'crossover';
        return d;
      }),
    );
    this.bump();
  }

  private bump(): void {
    this.version++;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
