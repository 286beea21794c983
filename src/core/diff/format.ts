/**
 * A change's report as text (terminal), Markdown (a pull-request comment, the editor's preview) and JSON.
 * The same figures in each: monthly USD as `formatUsd` writes them everywhere else.
 */
import { roundMoney } from '../cost/report.js';
import { formatUsd } from '../cost/format.js';
import { mdCode, mdText as md } from '../markdown.js';
import { type DiffReport, type FindingChange, type ResourceChange, type Totals, type WorkloadChange } from './diff.js';

const PLATFORM = { lambda: 'Lambda', fargate: 'Fargate' } as const;

export function diffJson(report: DiffReport): string {
  return JSON.stringify(report, roundMoney, 2) + '\n';
}

/** "+$12.30", "-$4.00", "$0.00". */
export function signedUsd(usd: number): string {
  if (Math.abs(usd) < 0.005) return '$0.00';
  return (usd > 0 ? '+' : '') + formatUsd(usd);
}

/** "+12%", "n/a" when there was nothing before. */
export function percentChange(before: number, after: number): string {
  if (Math.abs(before) < 0.005) return Math.abs(after) < 0.005 ? '0%' : 'new';
  const p = ((after - before) / before) * 100;
  return `${p > 0 ? '+' : ''}${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

function money(cost: WorkloadChange['before'], key: keyof Totals): string {
  return cost ? formatUsd(cost[key]) : '-';
}

function headline(report: DiffReport, arrow: string): string {
  const t = report.totals;
  return `${formatUsd(t.before.deployed)} ${arrow} ${formatUsd(t.after.deployed)} a month (${signedUsd(t.delta.deployed)}, ${percentChange(t.before.deployed, t.after.deployed)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function changed(report: DiffReport): WorkloadChange[] {
  return report.workloads.filter((w) => w.status !== 'unchanged');
}

function resourceLine(r: ResourceChange, arrow: string): string {
  const props = r.properties.map((p) => `${p.name} ${show(p.before)} ${arrow} ${show(p.after)}${p.replacement ? ' (requires replacement)' : ''}`);
  return `${r.change} ${r.id} (${r.type})${props.length ? ': ' + props.join('; ') : ''}`;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

function findingLine(f: FindingChange): string {
  return `${f.severity} ${f.ruleId} ${f.file}:${f.line}${f.resourceId ? ` (${f.resourceId})` : ''}: ${f.message}`;
}

export function diffText(report: DiffReport): string {
  const lines: string[] = [];
  lines.push(`Crossover: ${report.before} -> ${report.after}`);
  lines.push(`Monthly cost as deployed: ${headline(report, '->')}`);
  const t = report.totals;
  lines.push(
    `  all on Lambda ${formatUsd(t.before.lambda)} -> ${formatUsd(t.after.lambda)} (${signedUsd(t.delta.lambda)}); all on Fargate ${formatUsd(t.before.fargate)} -> ${formatUsd(t.after.fargate)} (${signedUsd(t.delta.fargate)})`,
  );
  const workloads = changed(report);
  lines.push('');
  if (!workloads.length) lines.push(`No workload's cost changed (${plural(report.workloads.length, 'workload')} compared).`);
  for (const w of workloads) {
    lines.push(`${w.status.padEnd(8)} ${w.file} ${w.id} (on ${PLATFORM[w.runsOn]}): ${signedUsd(w.delta.deployed)}/mo`);
    lines.push(`  Lambda  ${money(w.before, 'lambda')} -> ${money(w.after, 'lambda')} (${signedUsd(w.delta.lambda)})`);
    lines.push(`  Fargate ${money(w.before, 'fargate')} -> ${money(w.after, 'fargate')} (${signedUsd(w.delta.fargate)})`);
    for (const c of w.changes) lines.push(`  ${c}`);
  }
  const { added, resolved } = report.findings;
  lines.push('');
  lines.push(`Findings: ${added.length} added, ${resolved.length} resolved`);
  for (const f of added) lines.push(`  + ${findingLine(f)}`);
  for (const f of resolved) lines.push(`  - ${findingLine(f)}`);
  const files = report.files.filter((f) => f.status !== 'unchanged');
  if (files.length) {
    lines.push('');
    lines.push('Resource changes:');
    for (const file of files) {
      lines.push(`  ${file.path} (${file.status})`);
      for (const r of file.resources) lines.push(`    ${resourceLine(r, '->')}`);
    }
  }
  lines.push('');
  for (const note of report.notes) lines.push(note);
  return lines.join('\n') + '\n';
}

const ICON = { error: '🔴', warning: '🟠', info: '🔵', hint: '⚪' } as const;

/**
 * `oneFile`: the report of a single file (the editor's "against HEAD"), under its own `title`: the workload
 * column leaves the file out, so the table fits a preview beside the editor, and the resource changes are open.
 * `lead`: a sentence under the title.
 */
export function diffMarkdown(report: DiffReport, { oneFile = false, title, lead }: { oneFile?: boolean; title?: string; lead?: string } = {}): string {
  const out: string[] = [];
  const t = report.totals;
  out.push(title === undefined ? `### Crossover: cost and risk of this change` : `# ${md(title)}`);
  out.push('');
  if (lead !== undefined) out.push(md(lead), '');
  out.push(`Comparing ${mdCode(report.before)} with ${mdCode(report.after)}. Monthly cost of the workloads as deployed: **${headline(report, '→')}**.`);
  out.push('');
  const workloads = changed(report);
  if (workloads.length) {
    out.push(oneFile ? '| Workload (runs on) | Lambda | Fargate | Change |' : '| Workload | Runs on | Lambda | Fargate | Change as deployed |');
    out.push(oneFile ? '|---|---:|---:|---:|' : '|---|---|---:|---:|---:|');
    for (const w of workloads) {
      const cell = (key: 'lambda' | 'fargate') => `${money(w.before, key)} → ${money(w.after, key)}`;
      const status = w.status === 'changed' ? '' : ` (${w.status})`;
      const id = mdCode(w.id, { table: true });
      const name = oneFile ? `${id} (${PLATFORM[w.runsOn]})${status}` : `${id} in ${mdCode(w.file, { table: true })}${status} | ${PLATFORM[w.runsOn]}`;
      out.push(`| ${name} | ${cell('lambda')} | ${cell('fargate')} | **${signedUsd(w.delta.deployed)}** |`);
    }
    out.push(
      `| **Total** (${plural(report.workloads.length, 'workload')})${oneFile ? '' : ' |'} | ${formatUsd(t.before.lambda)} → ${formatUsd(t.after.lambda)} | ${formatUsd(t.before.fargate)} → ${formatUsd(t.after.fargate)} | **${signedUsd(t.delta.deployed)}** |`,
    );
    out.push('');
    const why = workloads.filter((w) => w.changes.length);
    if (why.length) {
      out.push('What moved the figures:');
      for (const w of why) out.push(`- ${mdCode(w.id)}: ${w.changes.map((c) => md(c.replace(' -> ', ' → '))).join('; ')}`);
      out.push('');
    }
  } else {
    out.push(`No workload's cost changed (${plural(report.workloads.length, 'workload')} compared).`);
    out.push('');
  }
  const { added, resolved } = report.findings;
  out.push(`**Findings:** ${added.length} added, ${resolved.length} resolved.`);
  out.push('');
  for (const f of added) out.push(`- ${ICON[f.severity]} added: **${f.severity}** ${mdCode(f.ruleId)} ${mdCode(`${f.file}:${f.line}`)}: ${md(f.message)}`);
  for (const f of resolved) out.push(`- ✅ resolved: ${mdCode(f.ruleId)} ${mdCode(`${f.file}:${f.line}`)}: ${md(f.message)}`);
  if (added.length || resolved.length) out.push('');
  const files = report.files.filter((f) => f.status !== 'unchanged');
  if (files.length) {
    out.push(`<details${oneFile ? ' open' : ''}><summary>Resource changes</summary>`);
    out.push('');
    for (const file of files) {
      out.push(`- ${mdCode(file.path)} (${file.status})`);
      for (const r of file.resources) out.push(`  - ${md(resourceLine(r, '→'))}`);
    }
    out.push('');
    out.push('</details>');
    out.push('');
  }
  for (const note of report.notes) out.push(`<sub>${md(note)}</sub><br>`);
  return out.join('\n') + '\n';
}
