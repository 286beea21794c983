/** A bug in Crossover, as a finding: the file keeps its place in the Problems panel, with a report link. */
import { type EngineConfig } from '../config.js';
import { type Finding } from '../findings.js';
import { RULES_BY_ID } from '../rules/registry.js';
import { formatMessage, ISSUES_URL } from '../rules/rule.js';
import { severityFor } from './findings.js';

/** The longest reason an internal-error finding quotes (the first line of the exception's message). */
const MAX_REASON = 200;

/**
 * A bug, reported on line 1 with the file, the step and the exception's first line (no stack: it means
 * nothing to the reader of a Problems panel, and the report link asks for the file instead).
 */
export function internalErrorFinding(input: { uri: string }, config: EngineConfig, stage: string, error: unknown): Finding | undefined {
  const severity = severityFor('internal-error', config);
  const rule = RULES_BY_ID.get('internal-error');
  if (!severity || !rule) return undefined;
  const message = formatMessage(rule.meta.messages['failed'] ?? '', { stage, file: fileName(input.uri), reason: errorReason(error), issues: ISSUES_URL });
  return {
    ruleId: 'internal-error',
    severity,
    message,
    uri: input.uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
  };
}

/** `RangeError: Maximum call stack size exceeded`: the exception's class and the first line of its message, bounded. */
export function errorReason(error: unknown): string {
  let text: string;
  try {
    if (error instanceof Error) text = error.message ? `${error.name}: ${error.message}` : error.name;
    else text = typeof error === 'string' ? error : `a thrown ${error === null ? 'null' : typeof error} (${String(error)})`;
  } catch {
    text = 'an exception that cannot be described';
  }
  const line = (text.split(/\r\n|\r|\n/, 1)[0] ?? '').trim() || 'an exception without a message';
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 3)}...` : line;
}

/** The file's name, for messages: the last segment of its uri or path. */
function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
