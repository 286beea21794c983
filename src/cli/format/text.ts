/** Human-readable output, one block per file (in the manner of eslint's "stylish"), then a summary. */
import { type Finding, type Severity } from '../../core/index.js';
import { type CheckReport, NOT_A_TEMPLATE } from '../check.js';

interface TextOptions {
  /** List errors only; the summary still counts everything, so nothing is hidden from the totals. */
  quiet: boolean;
}

export function formatText(report: CheckReport, options: TextOptions): string {
  const blocks = report.files.flatMap(({ path, result }) => {
    const shown = result.findings.filter((f) => !options.quiet || f.severity === 'error');
    return shown.length ? [fileBlock(path, shown)] : [];
  });
  return [...blocks, summary(report)].join('\n') + '\n';
}

/** The path, then aligned `line:col  severity  message  ruleId` rows (1-based, as editors show them). */
function fileBlock(path: string, findings: Finding[]): string {
  const rows = findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.ruleId] as const);
  const place = Math.max(...rows.map((r) => r[0].length));
  const level = Math.max(...rows.map((r) => r[1].length));
  return [path, ...rows.map(([at, severity, message, ruleId]) => `  ${at.padEnd(place)}  ${severity.padEnd(level)}  ${message}  ${ruleId}`), ''].join('\n');
}

function summary(report: CheckReport): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const { result } of report.files) for (const f of result.findings) counts[f.severity]++;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const templates = report.files.length;
  let scope = `${plural(templates, 'template')} checked`;
  if (report.otherFiles) scope += `, ${plural(report.otherFiles, 'other file')} left alone`;
  const unreadable = report.skipped.filter((s) => s.reason !== NOT_A_TEMPLATE).length;
  if (unreadable) scope += `, ${unreadable} skipped (binary or unreadable)`;
  if (!total) return `No problems; ${scope}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info + counts.hint} info`];
  return `${plural(total, 'problem')} (${parts.join(', ')}); ${scope}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
