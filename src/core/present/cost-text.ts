/**
 * What `crossover cost` prints as text: per workload, the scenario line, one line per platform with its parts,
 * the traffic bands, the crossover, the assumptions and the prices. JSON is the report itself (core/cost/report.ts).
 */
import { FRONT_DOOR_LABELS, pricesSummary } from './labels.js';
import { formatCount, formatUsd } from '../cost/format.js';
import { type AnyCostReport, type CostReport, type FunctionReport, type TaskReport } from '../cost/report.js';

/** `crossover cost` as text: one block per workload (or the one scenario of the flags). */
export function costText(report: AnyCostReport): string {
  if ('functions' in report) {
    const head = `${report.template}${report.usageFile ? ` (usage from ${report.usageFile})` : ' (no usage file: traffic assumed)'}\n\n`;
    const all = [...report.functions, ...report.tasks];
    return head + (all.length ? all.map((f) => textOne(f)).join('\n') : 'No Lambda functions, task definitions or services.\n');
  }
  return textOne(report);
}

function textOne(r: CostReport | FunctionReport | TaskReport): string {
  const a = r.assumptions as Record<string, unknown> & { fargate: Record<string, unknown> };
  const lines: string[] = [];
  const title = 'id' in r ? `${r.id}: ` : '';
  lines.push(
    `${title}${formatCount(a['requestsPerMonth'] as number)} requests/month of ${a['durationMs']} ms, ${a['memoryMb']} MB ${a['architecture']}, ${FRONT_DOOR_LABELS[a['frontDoor'] as keyof typeof FRONT_DOOR_LABELS]}, ${r.region}`,
  );
  const b = r.lambda.breakdown;
  lines.push(
    `  Lambda   ${formatUsd(r.lambda.monthlyUsd).padStart(10)}/mo   requests ${formatUsd(b.requests)}, duration ${formatUsd(b.duration)}, front door ${formatUsd(b.frontDoor)}` +
      (b.provisionedConcurrency ? `, provisioned ${formatUsd(b.provisionedConcurrency)}` : '') +
      (b.ephemeralStorage ? `, /tmp ${formatUsd(b.ephemeralStorage)}` : '') +
      (b.freeTierCredit ? `, free tier ${formatUsd(b.freeTierCredit)}` : '') +
      (b.rdsProxy ? `, RDS Proxy ${formatUsd(b.rdsProxy)}` : ''),
  );
  const fb = r.fargate.breakdown;
  lines.push(
    `  Fargate  ${formatUsd(r.fargate.monthlyUsd).padStart(10)}/mo   ${r.fargate.tasks} x ${r.fargate.vcpu} vCPU / ${r.fargate.memoryGb} GB: compute ${formatUsd(fb.compute)}, load balancer ${formatUsd(fb.loadBalancer)}` +
      (fb.ephemeralStorage ? `, storage ${formatUsd(fb.ephemeralStorage)}` : '') +
      (fb.natGateway ? `, NAT gateway ${formatUsd(fb.natGateway)}` : ''),
  );
  for (const p of r.platforms ?? [])
    lines.push(
      `  ${p.label.padEnd(8)} ${formatUsd(p.monthlyUsd).padStart(10)}/mo   ${p.deployment.units} x ${p.deployment.unit} (${p.deployment.why}): ${p.parts.map((part) => `${part.label.toLowerCase()} ${formatUsd(part.usd)}`).join(', ')}; crossover: ${p.crossover.requestsPerMonth !== null ? `${formatCount(p.crossover.requestsPerMonth)} requests/month` : p.crossover.note}`,
    );
  if ('bands' in r && r.bands) {
    lines.push(
      `  Traffic is assumed: low ${formatCount(r.bands.low.requestsPerMonth)} -> Lambda ${formatUsd(r.bands.low.lambda)}, Fargate ${formatUsd(r.bands.low.fargate)}; high ${formatCount(r.bands.high.requestsPerMonth)} -> Lambda ${formatUsd(r.bands.high.lambda)}, Fargate ${formatUsd(r.bands.high.fargate)}`,
    );
  }
  lines.push(
    `  Cheaper: ${r.cheaper}. Crossover: ${r.crossover.requestsPerMonth !== null ? `${formatCount(r.crossover.requestsPerMonth)} requests/month` : r.crossover.note}`,
  );
  if ('assumptionSources' in r) lines.push(`  Assumptions: ${r.assumptionSources.map((s) => `${s.name} ${s.value} (${s.source})`).join('; ')}`);
  else
    lines.push(
      `  Fargate: ${a.fargate['tasks'] === 'sized from traffic' ? `sized from traffic (${(a.fargate['requiredConcurrency'] as number).toFixed(2)} concurrent at peak, ${a.fargate['perTaskConcurrency']} per task, at least ${a.fargate['minTasks']})` : `${a.fargate['tasks']} tasks (fixed)`}, ${a.fargate['loadBalancer'] === 'alb' ? `ALB ${(a.fargate['albLcu'] as number).toFixed(2)} LCU (${a.fargate['albLcuFrom']})` : 'no load balancer'}`,
    );
  lines.push(`  ${pricesSummary(r.region, r.priceDate, r.prices)}`);
  for (const note of r.notes) lines.push(`  Note: ${note}`);
  return lines.join('\n') + '\n';
}
