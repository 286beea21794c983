/**
 * What the engine found before any rule ran, as findings: the document's parse problems, the model builder's
 * problems, a file too large to read, a reader's known limit. Plus the effective severity of a rule and the
 * order findings are listed in.
 */
import { type EngineConfig } from '../config.js';
import { type Finding, type Severity } from '../findings.js';
import { type LoadedDocument } from '../parse/document/load.js';
import { LineIndex } from '../parse/document/lines.js';
import { type ParseProblem } from '../parse/document/problems.js';
import { type InputLimitError } from '../parse/input-limit.js';
import { type ParsedTemplate } from '../parse/cloudformation/types.js';
import { RULES_BY_ID } from '../rules/registry.js';
import { formatMessage } from '../rules/rule.js';

/** The effective severity of a rule: the user's override, else the given default; undefined when off. */
export function severityFor(ruleId: string, config: EngineConfig, fallback?: Severity): Severity | undefined {
  const override = config.rules[ruleId];
  if (override === 'off') return undefined;
  const severity = override ?? fallback ?? RULES_BY_ID.get(ruleId)?.meta.severity;
  return severity && shownSeverity(severity, config);
}

/** A finding's severity as shown: information is a hint (out of the Problems panel) when suggestions are hidden. */
export function shownSeverity(severity: Severity, config: EngineConfig): Severity {
  return severity === 'info' && !config.showSuggestions ? 'hint' : severity;
}

/** By line, then character, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

const PROBLEM_RULE: Record<string, string> = { 'unknown-tag': 'unknown-tag', 'duplicate-key': 'duplicate-key' };

/** The document's syntax problems (parse errors, unknown tags, duplicate keys), where they are. */
export function documentProblemFindings(doc: LoadedDocument, config: EngineConfig): Finding[] {
  const findings: Finding[] = [];
  for (const problem of doc.problems) {
    const finding = problemFinding(doc, problem, config);
    if (finding) findings.push(finding);
  }
  return findings;
}

function problemFinding(doc: LoadedDocument, problem: ParseProblem, config: EngineConfig): Finding | undefined {
  const ruleId = PROBLEM_RULE[problem.code] ?? 'parse-error';
  const severity = severityFor(ruleId, config, problem.severity);
  if (!severity) return undefined;
  return { ruleId, severity, message: problem.message, uri: doc.uri, range: doc.lines.range(problem.start, problem.end), related: [] };
}

/** What building the model ran into (unresolved references, ...), on the model's file. */
export function modelProblemFindings(parsed: ParsedTemplate, config: EngineConfig): Finding[] {
  const findings: Finding[] = [];
  for (const problem of parsed.problems) {
    const severity = severityFor(problem.ruleId, config, problem.severity === 'info' ? 'info' : problem.severity);
    if (severity) findings.push({ ruleId: problem.ruleId, severity, message: problem.message, uri: parsed.model.uri, range: problem.loc.range, related: [] });
  }
  return findings;
}

/** A file above the size cap: not read, said on line 1. */
export function tooLargeFinding(input: { uri: string; text: string }, config: EngineConfig): Finding | undefined {
  const severity = severityFor('file-too-large', config, 'info');
  const rule = RULES_BY_ID.get('file-too-large');
  if (!severity || !rule) return undefined;
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return {
    ruleId: 'file-too-large',
    severity,
    message: formatMessage(rule.meta.messages['tooLarge'] ?? '', { size: mb(input.text.length), limit: mb(config.maxFileSizeBytes) }),
    uri: input.uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
  };
}

/** A reader's known limit (code nested too deeply to parse), on the line where it was reached. */
export function limitFinding(input: { uri: string; text: string }, config: EngineConfig, error: InputLimitError): Finding | undefined {
  const severity = severityFor('parse-error', config);
  if (!severity) return undefined;
  const range = new LineIndex(input.text).range(error.offset, Math.min(error.offset + 1, input.text.length));
  return { ruleId: 'parse-error', severity, message: error.message, uri: input.uri, range, related: [] };
}
