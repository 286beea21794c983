/**
 * Quick fixes on Crossover's diagnostics: the rule's fix when the edit is clear (timeout down to the gateway
 * limit, visibility timeout up to 6x, arm64, the nearest Fargate size, memory into range, SnapStart, the runtime's
 * upgrade target; preferred unless the fix says otherwise),
 * "ignore this rule for this resource" (template Metadata), and the rule's documentation (the page shipped with the
 * extension, docs/rules/<id>.md, in the Markdown preview; the web page when it is missing). The edits come
 * from the engine with the finding, for the document version it analysed: a stale result offers none.
 */
import * as vscode from 'vscode';
import { docsPath, docsUrl, type Fix } from '../core/index.js';
import { type Analyzer } from './analyzer.js';
import { type Log } from './log.js';
import { toRange } from './diagnostics.js';
import { DIAGNOSTIC_SOURCE } from './support/mapping.js';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly analyzer: Analyzer,
    private readonly log: Log,
    /** Where the extension is installed (its docs/rules pages are in the VSIX). */
    private readonly extensionUri: vscode.Uri | undefined = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      return this.actions(document, context);
    } catch (error) {
      this.log.error('Quick fixes failed', error);
      return [];
    }
  }

  private actions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const findings = this.analyzer.currentFindings(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
      const finding = findings?.find((f) => f.ruleId === ruleId && toRange(f.range).isEqual(diagnostic.range) && f.message === diagnostic.message);
      if (finding?.fix) actions.push(editAction(document.uri, finding.fix, diagnostic, finding.fix.preferred !== false));
      if (finding?.ignore) actions.push(editAction(document.uri, finding.ignore, diagnostic, false));
      if (ruleId) actions.push(docsAction(ruleId, diagnostic, this.extensionUri));
    }
    return actions;
  }
}

function editAction(uri: vscode.Uri, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(uri, toRange(edit.range), edit.newText);
  return action;
}

/** package.json's `publisher.name`. */
const EXTENSION_ID = 'crossover.crossover';

/** "Show documentation": the rule's page in the Markdown preview, from the extension's own files (no network). */
function docsAction(ruleId: string, diagnostic: vscode.Diagnostic, extensionUri: vscode.Uri | undefined): vscode.CodeAction {
  const action = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = extensionUri
    ? { command: 'markdown.showPreview', title: 'Show documentation', arguments: [vscode.Uri.joinPath(extensionUri, ...docsPath(ruleId).split('/'))] }
    : { command: 'vscode.open', title: 'Show documentation', arguments: [vscode.Uri.parse(docsUrl(ruleId))] };
  return action;
}
