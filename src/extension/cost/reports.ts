/** The cost reports (and the change reports) as read-only Markdown documents. */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'crossover-report';

/** Read-only Markdown documents for reports, shown in the Markdown preview. */
export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** `toSide`: beside the active editor (a report that follows that editor's edits). */
  async show(name: string, markdown: string, { toSide = false } = {}): Promise<void> {
    const uri = this.update(name, markdown);
    await vscode.commands.executeCommand(toSide ? 'markdown.showPreviewToSide' : 'markdown.showPreview', uri);
  }

  uriOf(name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
  }

  /** Replaces a report's text; an open preview of it follows. */
  update(name: string, markdown: string): vscode.Uri {
    const uri = this.uriOf(name);
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }
}
