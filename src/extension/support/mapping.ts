/**
 * A finding as the plain data of a VS Code diagnostic. Kept free of `vscode` so the mapping (severity,
 * docs link, related locations) is unit-tested; diagnostics.ts only wraps the result in vscode classes.
 */
import { docsUrl, type Finding, type Range, type Severity } from '../../core/index.js';

/** The numeric values of `vscode.DiagnosticSeverity` (Error 0, Warning 1, Information 2, Hint 3). */
const DIAGNOSTIC_SEVERITY = { error: 0, warning: 1, info: 2, hint: 3 } as const satisfies Record<Severity, number>;
type DiagnosticSeverityValue = (typeof DIAGNOSTIC_SEVERITY)[Severity];

export const DIAGNOSTIC_SOURCE = 'crossover';

interface DiagnosticData {
  range: Range;
  message: string;
  severity: DiagnosticSeverityValue;
  source: typeof DIAGNOSTIC_SOURCE;
  /** Shown as a link after the message: the rule id, opening the rule's docs page. */
  code: { value: string; target: string };
  /** E.g. the SAM Globals line an inherited value comes from. */
  related: { uri: string; range: Range; message: string }[];
}

export function diagnosticData(finding: Finding): DiagnosticData {
  return {
    range: finding.range,
    message: finding.message,
    severity: DIAGNOSTIC_SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: { value: finding.ruleId, target: docsUrl(finding.ruleId) },
    // A related location without a URI of its own is in the same file as the finding.
    related: finding.related.map((r) => ({ uri: r.uri || finding.uri, range: r.range, message: r.message })),
  };
}
