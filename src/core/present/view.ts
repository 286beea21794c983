/**
 * What the comparison view and the workspace summary say: their headings, labels and sentences, one wording
 * each, beside the CLI's (cost-text.ts) and the hovers' and lenses' (cost.ts). Browser-safe: the webview bundle
 * imports it (the formatter and labels only at run time; no node, no vscode). Every platform of the data gets
 * a card, a breakdown and a chart line; Lambda and Fargate keep their own wording.
 */
import { type ComparisonData, type PlatformFigure, type SummaryFigures } from '../cost/comparison.js';
import { formatCount, formatUsd } from '../cost/format.js';
import { type CostReport } from '../cost/report.js';
import { frontDoorText, pricesSummary, verdictText } from './labels.js';

/** The workload kinds the view and the summary show. */
export type ViewWorkloadKind = 'lambda-function' | 'ecs-task-definition' | 'ecs-service';

/** The view's fixed labels (headings, fields, buttons). */
export const VIEW_LABELS = {
  declaredIn: 'Declared in ',
  monthlyCost: 'Monthly cost',
  chart: 'Monthly cost against monthly requests',
  total: 'Total',
  assumptions: 'Assumptions',
  notes: 'Notes',
  requests: 'Requests per month',
  duration: 'Average duration (ms)',
  memory: 'Lambda memory (MB)',
  architecture: 'Lambda architecture',
  arm64: 'arm64 (Graviton)',
  region: 'Region',
  frontDoor: 'Front door',
  fargateVcpu: 'Fargate task vCPU',
  fargateMemory: 'Fargate task memory (GB)',
  perTask: 'Concurrent requests per task',
  minTasks: 'Minimum tasks',
  busyHours: 'Busy hours per day',
  flips: 'Assumptions that decide the verdict',
  pricesUsed: 'Prices used: own, derived or borrowed',
  showPlatform: (label: string) => `Show ${label}`,
  appRunnerCustomer: 'Existing App Runner customer (App Runner takes no new customers since 2026-04-30)',
  cpuBusyShare: 'CPU-busy share of a request',
  savingsPlan: 'Compute Savings Plan',
  freeTier: "Subtract Lambda's free tier",
  spot: 'Fargate Spot',
  computeOnly: 'Compare compute only (leave out the front door: API Gateway, the ALB)',
  saveUsage: 'Save to usage file',
  reset: 'Reset',
  resetField: (label: string) => `Reset ${label} to the template's value`,
  differs: 'differs from the template',
  differsTitle: 'Set in this view: differs from the template, the usage file and the settings. Reset brings their value back.',
  loadingComparison: 'Loading the comparison…',
  loadingSummary: 'Loading the workspace summary…',
  sources: 'Where the workload’s values come from',
  decision: 'Decision',
  recommendation: 'Recommendation',
  checklist: 'Decision checklist',
  coldStarts: 'Cold starts',
  equivalent: 'Equivalent configuration',
  openEquivalent: 'Open as a new file',
  chartRequests: 'Requests per month (log scale)',
  chartCost: 'Monthly cost (USD, log scale)',
  summaryTitle: 'Workspace cost summary',
  summaryTab: 'Crossover: Workspace Cost Summary',
} as const;

/** The comparison view's tab title. */
export const compareTab = (id: string) => `Compare: ${id}`;

/** "Lambda or Fargate?" for a function, "Fargate or Lambda?" for tasks and services (titles of the view and the report tabs). */
export function workloadQuestion(kind: ViewWorkloadKind): string {
  return kind === 'lambda-function' ? 'Lambda or Fargate?' : 'Fargate or Lambda?';
}

/** A recommendation or a checklist item's lean, as the view and the summary name it. */
export function sideLabel(side: string): string {
  return ({ lambda: 'Lambda', fargate: 'Fargate', containers: 'Containers', either: 'Either', unknown: 'Your call' } as Record<string, string>)[side] ?? side;
}

/** Where Fargate is cheaper as a sentence ("Fargate is cheaper from about 41.7M requests/month."), with its exceptions, or why never. */
export function crossoverSentence(report: CostReport): string {
  const text = verdictText(report.crossover, 'Fargate', formatCount);
  return text ? `${text}.` : '';
}

/** Which side is cheaper at the current traffic, and where they cross. */
export function verdict(report: CostReport, requestsPerMonth: number): string {
  const cheaper = report.cheaper === 'equal' ? 'Both cost the same' : report.cheaper === 'lambda' ? 'Lambda is cheaper' : 'Fargate is cheaper';
  const only = report.computeOnly ? 'Compute only (no front door on any side): ' : '';
  return `${only}${cheaper} at ${formatCount(requestsPerMonth)} requests/month. ${crossoverSentence(report)}`;
}

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

/** "A, B and C". */
const list = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** The chart's text alternative. */
export function chartDescription(data: ComparisonData): string {
  return `Monthly cost of ${list(figuresOf(data).map((p) => p.label))} from 1,000 to 100 billion requests a month. ${crossoverSentence(data.report)}`;
}

/**
 * One platform in the view: the key of its elements and colour (`lambda`, `fargate`, else the platform id),
 * the card's label, the breakdown's caption and rows (parts that are not zero) and total.
 */
export interface PlatformPanel {
  id: string;
  key: string;
  label: string;
  amount: string;
  caption: string;
  rows: [string, string][];
  total: string;
  /** "$175 of it API Gateway HTTP API": how much of the figure is the front door (absent when none). */
  frontDoor?: string;
}

/** Every platform's figure (a state saved by an older version has only the report's two). */
function figuresOf(data: ComparisonData): PlatformFigure[] {
  if (data.platforms?.length) return data.platforms;
  const none = { units: 0, unit: '', why: '' };
  return [
    { id: 'lambda', label: 'Lambda', monthlyUsd: data.report.lambda.monthlyUsd, parts: [], deployment: none },
    { id: 'ecs-fargate', label: 'Fargate', monthlyUsd: data.report.fargate.monthlyUsd, parts: [], deployment: none },
  ];
}

/** The cards and breakdowns of the view, one per platform, Lambda first. */
export function platformPanels(data: ComparisonData): PlatformPanel[] {
  return panelsOf(data).map((p) => (p.frontDoor ? { ...p, caption: `${p.caption} · ${p.frontDoor}` } : p));
}

function panelsOf(data: ComparisonData): PlatformPanel[] {
  const { report, scenario } = data;
  return figuresOf(data).map((p) => {
    const door = report.platforms?.[p.id]?.frontDoor;
    const base = {
      id: p.id,
      amount: `${formatUsd(p.monthlyUsd)}/mo`,
      total: formatUsd(p.monthlyUsd),
      ...(door && door.usd > 0 ? { frontDoor: frontDoorText(door) } : {}),
    };
    const rows = p.parts.filter((part) => part.usd !== 0).map((part): [string, string] => [part.label, formatUsd(part.usd)]);
    if (p.id === 'lambda')
      return { ...base, key: 'lambda', label: p.label, caption: `${p.label}: ${scenario.lambda.memoryMb} MB ${scenario.lambda.architecture}`, rows };
    if (p.id === 'ecs-fargate') {
      const f = report.fargate;
      const fleet = f.fewestTasks === f.tasks ? tasks(f.tasks) : `${f.fewestTasks}-${f.tasks} tasks`;
      const count = f.fewestTasks === f.tasks ? `${f.tasks}` : `${f.fewestTasks}-${f.tasks} (${f.averageTasks.toFixed(2)} on average)`;
      return { ...base, key: 'fargate', label: `${p.label} (${fleet})`, caption: `${p.label}: ${count} × ${f.vcpu} vCPU / ${f.memoryGb} GB`, rows };
    }
    return { ...base, key: p.id, label: p.label, caption: `${p.label}: ${p.deployment.units} × ${p.deployment.unit} (${p.deployment.why})`, rows };
  });
}

/** The chart's lines: one per platform, with its label and its totals over the sweep. */
export function chartLines(data: ComparisonData): { key: string; label: string; values: number[] }[] {
  const { sweep, scenario } = data;
  return figuresOf(data).flatMap((p) => {
    if (p.id === 'lambda')
      return [{ key: 'lambda', label: `Lambda (${scenario.lambda.frontDoor === 'none' ? 'no front door' : 'with its front door'})`, values: sweep.lambda }];
    if (p.id === 'ecs-fargate')
      return [{ key: 'fargate', label: `Fargate (${scenario.fargate.loadBalancer === 'alb' ? 'with an ALB' : 'no load balancer'})`, values: sweep.fargate }];
    const values = sweep.others?.[p.id];
    return values ? [{ key: p.id, label: p.label, values }] : [];
  });
}

/** The chart's marks and tooltips. */
export const chartText = {
  crossover: (requestsPerMonth: number) => `Crossover (${formatCount(requestsPerMonth)}/mo)`,
  staysCheaper: (requestsPerMonth: number) => `Fargate cheaper for good (${formatCount(requestsPerMonth)}/mo)`,
  typical: (requestsPerMonth: number, assumed: boolean) => `${assumed ? 'Typical traffic, assumed' : 'Your traffic'} (${formatCount(requestsPerMonth)}/mo)`,
  band: (low: number, high: number) => `Low / high traffic (${formatCount(low)} / ${formatCount(high)})`,
  tooltipTitle: (requestsPerMonth: number) => `${formatCount(requestsPerMonth)} requests/month`,
  point: (label: string, usd: number) => `${label}: ${formatUsd(usd)}/mo`,
};

/** The view's date line: the region, the dates of its own prices, how many are own / derived / borrowed. */
export const pricesLine = (report: CostReport) => `${pricesSummary(report.region, report.priceDate, report.prices)}.`;

/** The decision section's sentences. */
export const decisionText = {
  evidence: (line: number) => `line ${line + 1}`,
  coldStart: (side: 'Lambda' | 'Fargate', text: string) => `${side}: ${text}`,
  source: (source: string) => `Source: ${source}.`,
  equivalent: (title: string) => `${VIEW_LABELS.equivalent}: ${title}`,
};

/** The platforms beyond Lambda and Fargate that any row has, in the first order met. */
export function summaryPlatforms(rows: readonly SummaryFigures[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) for (const p of row.platforms ?? []) if (!seen.has(p.id)) seen.set(p.id, p.label);
  return [...seen].map(([id, label]) => ({ id, label }));
}

/** A row's figure on a platform beyond the two (0 when the row has none). */
export const platformUsd = (row: SummaryFigures, id: string): number => row.platforms?.find((p) => p.id === id)?.monthlyUsd ?? 0;

/**
 * The summary's total line: what the workspace costs as written (each row on its own platform, summed once, with the
 * split by platform) and, separately, what moving the candidates would save; `freeTierCreditUsd` (0 or negative):
 * Lambda's free tier, one per account, subtracted once from the functions on Lambda. The same figures as the status bar.
 */
export function summaryTotal(rows: readonly SummaryFigures[], freeTierCreditUsd = 0): string {
  const total = rows.reduce((s, r) => s + r.homeUsd, 0) + freeTierCreditUsd;
  const split = new Map<string, number>();
  for (const r of rows) split.set(r.runsOn, (split.get(r.runsOn) ?? 0) + r.homeUsd);
  if (freeTierCreditUsd && split.has('Lambda')) split.set('Lambda', split.get('Lambda')! + freeTierCreditUsd);
  const free = freeTierCreditUsd ? `, after the account's free tier, once (${formatUsd(freeTierCreditUsd)})` : '';
  const saving = rows.reduce((s, r) => s + r.savingUsd, 0);
  const candidates = rows.filter((r) => r.savingUsd > 0).length;
  const assumed = rows.filter((r) => r.traffic === 'assumed').length;
  const parts = [...split].map(([label, usd]) => `${label} ${formatUsd(usd)}`).join(', ');
  const move = candidates
    ? `Moving ${candidates} to its cheapest platform would save about ${formatUsd(saving)}/mo.`
    : 'Nothing with given traffic is cheaper elsewhere.';
  return (
    `${rows.length} workload${rows.length === 1 ? '' : 's'} as written: ${formatUsd(total)}/mo (${parts}${free}). ${move}` +
    (assumed ? ` Traffic is assumed for ${assumed}: left out of the savings.` : '')
  );
}

/** The summary's columns: heading, and the cell of a row. */
export function summaryColumns(_rows: readonly SummaryFigures[] = []): { key: string; label: string; numeric?: boolean }[] {
  return [
    { key: 'id', label: 'Workload' },
    { key: 'file', label: 'File' },
    { key: 'runsOn', label: 'Runs on' },
    { key: 'requestsPerMonth', label: 'Requests/month', numeric: true },
    { key: 'homeUsd', label: 'As written/mo', numeric: true },
    { key: 'cheapest', label: 'Cheapest' },
    { key: 'savingUsd', label: 'Saves/mo', numeric: true },
    { key: 'recommendation', label: 'Recommendation' },
  ];
}

/** The text of a row's figure cells, by column key. */
export function summaryCell(row: SummaryFigures, key: string): string | undefined {
  const none = row.traffic === 'none';
  if (key === 'runsOn') return row.runsOn;
  if (key === 'requestsPerMonth') return none ? '' : `${formatCount(row.requestsPerMonth)}${row.traffic === 'assumed' ? ' (assumed)' : ''}`;
  if (key === 'homeUsd') return formatUsd(row.homeUsd);
  if (key === 'cheapest') return row.cheapest ? `${row.cheapest.label} (${formatUsd(row.cheapest.monthlyUsd)})` : '';
  if (key === 'savingUsd') return none ? '' : row.traffic === 'assumed' ? 'assumed' : row.savingUsd > 0 ? formatUsd(row.savingUsd) : '-';
  if (key === 'lambdaUsd') return formatUsd(row.lambdaUsd);
  if (key === 'fargateUsd') return `${formatUsd(row.fargateUsd)} (${row.fargateTasks})`;
  if (key.startsWith('platform:')) return formatUsd(platformUsd(row, key.slice('platform:'.length)));
  if (key === 'recommendation') return none ? 'capacity' : row.traffic === 'assumed' ? 'assumed' : (row.recommendedPlatform ?? sideLabel(row.recommendation));
  return undefined;
}
