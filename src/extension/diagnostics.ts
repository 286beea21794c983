import * as vscode from 'vscode';
import { type Finding, type Severity } from '../core/findings.js';
import { type Range } from '../core/model/location.js';
import { docsUrl } from '../core/rules/rule.js';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A finding as VS Code shows it: the rule id links to its docs page; inherited values link to Globals. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'crossover';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(docsUrl(finding.ruleId)) };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.uri), toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}

/** Findings carry the URI string they were analysed under (the document's `uri.toString()`). */
function uriOf(uri: string): vscode.Uri {
  return vscode.Uri.parse(uri);
}
