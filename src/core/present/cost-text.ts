/**
 * What `crossover cost` prints as text: per workload, the scenario line, one line per platform with its parts,
 * the traffic bands, the crossover, the assumptions and the prices. JSON is the report itself (core/cost/report.ts).
 */
import { FRONT_DOOR_LABELS, flipText, pricesSummary, verdictText } from './labels.js';
import { formatCount, formatUsd } from '../cost/format.js';
import { platformById } from '../cost/platforms/index.js';
import { type AnyCostReport, type CostReport, type FunctionReport, type TaskReport, type TemplateReport } from '../cost/report.js';

/** `crossover cost` as text: one block per workload (or the one scenario of the flags). */
export function costText(report: AnyCostReport): string {
  if ('functions' in report) {
    const head = `${report.template}${report.usageFile ? ` (usage from ${report.usageFile})` : ' (no usage file: traffic assumed)'}\n\n`;
    const all = [...report.functions, ...report.tasks];
    const capacity = report.capacity.map(
      (c) =>
        `${c.id}: ${c.monthlyUsd === null ? 'no figure' : `about ${formatUsd(c.monthlyUsd)}/mo`} on ${platformById(c.runsOn.platform)?.label ?? c.runsOn.platform} (${c.runsOn.sizing || c.type})${c.parts.length ? `: ${c.parts.map((p) => `${p.label.toLowerCase()} ${formatUsd(p.usd)}`).join(', ')}` : ''}\n  ${c.why}\n`,
    );
    if (!all.length && !capacity.length) return head + 'No Lambda functions, task definitions or services.\n';
    const t = report.total;
    const free = t.freeTierCreditUsd ? ` (after the account's free tier, once: ${formatUsd(t.freeTierCreditUsd)})` : '';
    return (
      head +
      [...all.map((f) => textOne(f)), ...capacity].join('\n') +
      asWrittenText(t) +
      `If all ${t.workloads} ran on one platform: Lambda ${formatUsd(t.lambdaUsd)}/mo${free}, Fargate ${formatUsd(t.fargateUsd)}/mo\n`
    );
  }
  return textOne(report);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "As written: $X/mo for N workloads (Lambda $a, Fargate $b)" and what moving would save (given traffic only). */
function asWrittenText(t: TemplateReport['total']): string {
  const split = t.asWritten.byPlatform.map((p) => `${p.label} ${formatUsd(p.usd)}`).join(', ');
  const savings = t.savings.candidates
    ? `Moving ${plural(t.savings.candidates, 'workload')} to its cheapest platform would save about ${formatUsd(t.savings.usd)}/mo`
    : 'No workload with given traffic is cheaper elsewhere';
  const assumed = t.savings.assumedLeftOut ? ` (${t.savings.assumedLeftOut} on assumed traffic left out)` : '';
  return `\nAs written: ${formatUsd(t.asWritten.usd)}/mo for ${plural(t.asWritten.workloads, 'workload')}${split ? ` (${split})` : ''}\n${savings}${assumed}\n`;
}

function textOne(r: CostReport | FunctionReport | TaskReport): string {
  const a = r.assumptions as Record<string, unknown> & { fargate: Record<string, unknown> };
  const lines: string[] = [];
  const title = 'id' in r ? `${r.id}: ` : '';
  const home = 'runsOn' in r && r.runsOn.platform !== 'lambda' ? r.platforms[r.runsOn.platform] : undefined;
  lines.push(
    `${title}${formatCount(a['requestsPerMonth'] as number)} requests/month of ${a['durationMs']} ms, ${a['memoryMb']} MB ${a['architecture']}, ${FRONT_DOOR_LABELS[a['frontDoor'] as keyof typeof FRONT_DOOR_LABELS]}, ${r.region}`,
  );
  if ('runsOn' in r && home)
    lines.push(
      `  Runs on ${home.label} today (${r.runsOn.sizing}; ${r.runsOn.evidence}): ${formatUsd(home.monthlyUsd)}/mo${home.incomplete ? ' (incomplete)' : ''}`,
    );
  lines.push(`  Lambda   ${formatUsd(r.lambda.monthlyUsd).padStart(10)}/mo   ${partsText(r.lambda.breakdown, ['requests', 'duration', 'frontDoor'])}`);
  const fleet =
    r.fargate.fewestTasks === r.fargate.tasks
      ? `${r.fargate.tasks}`
      : `${r.fargate.fewestTasks}-${r.fargate.tasks} (${r.fargate.averageTasks.toFixed(2)} on average)`;
  lines.push(
    `  Fargate  ${formatUsd(r.fargate.monthlyUsd).padStart(10)}/mo   ${fleet} x ${r.fargate.vcpu} vCPU / ${r.fargate.memoryGb} GB: ${partsText(r.fargate.breakdown, ['compute', 'loadBalancer'])}`,
  );
  for (const [id, p] of Object.entries(r.platforms)) {
    if (id === 'lambda' || id === 'ecs-fargate') continue;
    const parts = p.parts.map((part) => `${part.label.toLowerCase()} ${formatUsd(part.usd)}`).join(', ');
    const verdict = p.crossover ? `; ${verdictText(p.crossover, p.label, formatCount)}` : '';
    lines.push(
      `  ${p.label.padEnd(8)} ${formatUsd(p.monthlyUsd).padStart(10)}/mo${p.incomplete ? ' (incomplete)' : ''}   ${p.deployment.units} x ${p.deployment.unit} (${p.deployment.why}): ${parts}${verdict}`,
    );
  }
  if ('bands' in r && r.bands) {
    lines.push(
      `  Traffic is assumed: low ${formatCount(r.bands.low.requestsPerMonth)} -> Lambda ${formatUsd(r.bands.low.lambda)}, Fargate ${formatUsd(r.bands.low.fargate)}; high ${formatCount(r.bands.high.requestsPerMonth)} -> Lambda ${formatUsd(r.bands.high.lambda)}, Fargate ${formatUsd(r.bands.high.fargate)}`,
    );
  }
  const doors = Object.values(r.platforms).filter((p) => p.frontDoor?.usd > 0);
  if (doors.length)
    lines.push(`  Front door (in the figures): ${doors.map((p) => `${p.label} ${formatUsd(p.frontDoor.usd)} (${p.frontDoor.name})`).join(', ')}`);
  const label = (id: string | null) => (id ? (r.platforms[id]?.label ?? id) : '');
  const runnerUp = r.cheapest.runnerUp ? `, then ${label(r.cheapest.runnerUp)}` : '';
  const only = r.computeOnly ? ' (compute only: no front door on any platform)' : '';
  lines.push(`  Cheapest${only}: ${label(r.cheapest.platform)}${runnerUp}. ${verdictText(r.crossover, 'Fargate', formatCount)}.`);
  for (const flip of r.flips) lines.push(`  Check first: ${flipText(flip)}.`);
  if ('assumptionSources' in r) lines.push(`  Assumptions: ${r.assumptionSources.map((s) => `${s.name} ${s.value} (${s.source})`).join('; ')}`);
  else
    lines.push(
      `  Fargate: ${a.fargate['tasks'] === 'sized from traffic' ? `autoscaled over the day (${(a.fargate['requiredConcurrency'] as number).toFixed(2)} concurrent at the busiest hour, ${(a.fargate['perTaskConcurrency'] as number).toFixed(2)} per task, ${a.fargate['minTasks']} to ${a.fargate['maxTasks'] ?? 'any number of'} tasks)` : `${a.fargate['tasks']} tasks (fixed)`}, ${a.fargate['loadBalancer'] === 'alb' ? `ALB ${(a.fargate['albLcu'] as number).toFixed(2)} LCU (${a.fargate['albLcuFrom']})` : 'no load balancer'}, ${a.fargate['subnets']} subnets`,
    );
  lines.push(`  ${pricesSummary(r.region, r.priceDate, r.prices)}`);
  for (const note of r.notes) lines.push(`  Note: ${note}`);
  return lines.join('\n') + '\n';
}

const PART_LABELS: Record<string, string> = {
  requests: 'requests',
  duration: 'duration',
  frontDoor: 'front door',
  provisionedConcurrency: 'provisioned',
  ephemeralStorage: 'storage',
  freeTierCredit: 'free tier',
  rdsProxy: 'RDS Proxy',
  natGateway: 'NAT gateway',
  publicIpv4: 'public IPv4',
  logs: 'logs',
  savingsPlan: 'Savings Plan',
  compute: 'compute',
  loadBalancer: 'load balancer',
};

/** A breakdown as "compute $72.08, load balancer $16.43": the `always` parts, then every other part that is not zero. */
function partsText(breakdown: object, always: readonly string[]): string {
  return Object.entries(breakdown as Record<string, number>)
    .filter(([key, usd]) => always.includes(key) || Math.abs(usd) >= 0.005)
    .map(([key, usd]) => `${PART_LABELS[key] ?? key} ${formatUsd(usd)}`)
    .join(', ');
}
