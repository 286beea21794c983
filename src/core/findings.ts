import { type PathSegment, type Range } from './model/location.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface RelatedInformation {
  uri: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A suggested change. Plain data, so the editor can offer it as a quick fix and the CLI can print it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** What the edits set, when the fix sets one setting (`keys` below the map at `path` to `value`), so a tool can check them. */
  intent?: { path: PathSegment[]; keys: string[]; value: unknown };
  /**
   * `false` when the fix is right only with a change it cannot make (rebuilding the code, say): the editor offers it
   * but not as the preferred action, so "fix all" and auto-fix never apply it unasked.
   */
  preferred?: false;
}

/** What every analysis produces: plain data, never an exception. A parse error is a finding too. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  /** Logical id of the resource the finding is about, when there is one. */
  resourceId?: string;
  related: RelatedInformation[];
  /** The change that answers the finding, when it is clear. */
  fix?: Fix;
  /** Switches the rule off for this resource (`Metadata: {crossover: {ignore: [...]}}` in templates). */
  ignore?: Fix;
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold];
}

/**
 * The findings without repeats: one per rule, location and message (the instances of a custom CDK construct share
 * the findings about what their class writes). The first of each is kept, in the given order.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  // Keyed by rule, file and range, then compared by message: a key with the message in it copied every message once
  // more (a large template has tens of thousands of findings, almost all at a place of their own).
  const seen = new Map<string, string | string[]>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.uri}\u0000${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
    const messages = seen.get(key);
    if (messages === undefined) seen.set(key, f.message);
    else if (messages === f.message || (Array.isArray(messages) && messages.includes(f.message))) return false;
    else if (Array.isArray(messages)) messages.push(f.message);
    else seen.set(key, [messages, f.message]);
    return true;
  });
}
