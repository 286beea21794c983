/** Human-readable output, one block per file (in the manner of eslint's "stylish"), then a summary. */
import { type Severity } from '../../core/findings.js';
import { type CheckReport } from '../check.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

export function formatText(report: CheckReport, options: { quiet: boolean }): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const { path, result } of report.files) {
    const shown = result.findings.filter((f) => !options.quiet || f.severity === 'error');
    for (const f of result.findings) counts[f.severity]++;
    if (!shown.length) continue;
    lines.push(path);
    const rows = shown.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, LABEL[f.severity], f.message, f.ruleId]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) lines.push(`  ${row[0]!.padEnd(width[0]!)}  ${row[1]!.padEnd(width[1]!)}  ${row[2]}  ${row[3]}`);
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const templates = report.files.length;
  const parts = [`${counts.error} error${s(counts.error)}`, `${counts.warning} warning${s(counts.warning)}`, `${counts.info + counts.hint} info`];
  const scope = `${templates} template${s(templates)} checked` + (report.otherFiles ? `, ${report.otherFiles} other file${s(report.otherFiles)} left alone` : '') + (report.skipped.length > report.otherFiles ? `, ${report.skipped.length - report.otherFiles} skipped` : '');
  lines.push(total ? `${total} problem${s(total)} (${parts.join(', ')}); ${scope}` : `No problems; ${scope}`);
  return lines.join('\n') + '\n';
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
