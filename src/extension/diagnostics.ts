/** Wraps the plain diagnostic data of support/mapping.ts in VS Code's classes. */
import * as vscode from 'vscode';
import { type Finding, type Range } from '../core/index.js';
import { diagnosticData } from './support/mapping.js';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A finding as VS Code shows it: the rule id links to its docs page; inherited values link to Globals. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const data = diagnosticData(finding);
  // The numeric values in DIAGNOSTIC_SEVERITY are those of vscode.DiagnosticSeverity.
  const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, data.severity as number as vscode.DiagnosticSeverity);
  diagnostic.source = data.source;
  diagnostic.code = { value: data.code.value, target: vscode.Uri.parse(data.code.target) };
  if (data.related.length) {
    // Findings carry the URI string they were analysed under (the document's `uri.toString()`).
    diagnostic.relatedInformation = data.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}

/**
 * "Crossover: Show Only Pitfalls in Problems" and "Show Suggestions in Problems": `crossover.problems.showSuggestions`
 * in the workspace's settings when a folder is open, else the user's (the settings change analyses again).
 */
export function registerProblemsCommands(): vscode.Disposable[] {
  const set = (show: boolean) => async () => {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('crossover').update('problems.showSuggestions', show, target);
  };
  return [vscode.commands.registerCommand('crossover.showOnlyPitfalls', set(false)), vscode.commands.registerCommand('crossover.showSuggestions', set(true))];
}
