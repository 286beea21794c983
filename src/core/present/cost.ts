/**
 * What the cost hovers, CodeLenses and the report say, as plain text and Markdown. Free of `vscode` so
 * it is unit-tested; src/extension/cost/{hover,lens,commands}.ts wrap it. Text from the workspace (ids, paths, values quoted in notes,
 * the usage file's region) goes into the Markdown through mdText / mdCode only.
 */
import { type Crossover } from '../cost/crossover.js';
import { compare, ranking, type Comparison, type WorkloadEstimate } from '../cost/estimate.js';
import { homeCost, type CapacityCost } from '../cost/home.js';
import { formatCount, formatUsd, formatWhole } from '../cost/format.js';
import { type Scenario } from '../cost/model.js';
import { type PriceBook } from '../cost/price-book.js';
import { type EngineConfig } from '../config.js';
import { API_GATEWAY_LIMITS, FARGATE_TASK_SIZES, isFargateSize, LAMBDA_LIMITS, nearestFargateSize } from '../data/limits.js';
import { commandUri, mdCode, mdText } from '../markdown.js';
import { flipText, incompleteNote, priceFigure, pricesDated, pricesSummary, provenanceText, verdictText } from './labels.js';
import { type Flip } from '../cost/sensitivity.js';
import { asWritten, type WorkspaceTotal } from '../cost/totals.js';
import { crossoverEntry, frontDoorOf } from '../cost/report.js';
import { extraPlatforms, platformById, type PlatformCost } from '../cost/platforms/index.js';

export type CostField = 'memory' | 'timeout' | 'architecture' | 'provisioned' | 'reserved' | 'ephemeral';

const n = (value: number) => value.toLocaleString('en-US');

const range = (low: number, high: number) => (formatUsd(low) === formatUsd(high) ? formatUsd(low) : `${formatUsd(low)}–${formatUsd(high)}`);

/** Each platform beyond Lambda and Fargate with its figure at the typical traffic (and low / high when assumed). */
function extras(e: WorkloadEstimate): { id: string; label: string; typical: PlatformCost; low?: number; high?: number }[] {
  return extraPlatforms().flatMap((p) => {
    const at = (c: Comparison | undefined) => c?.platforms.find((x) => x.platform === p.id);
    const typical = at(e.typical);
    const low = at(e.low)?.monthlyUsd;
    const high = at(e.high)?.monthlyUsd;
    return typical ? [{ id: p.id, label: p.label, typical, ...(low !== undefined && high !== undefined ? { low, high } : {}) }] : [];
  });
}

const labelOf = (p: PlatformCost) => platformById(p.platform)?.label ?? p.platform;

/**
 * The cheapest platform at the typical traffic and the runner-up: "cheapest: ECS on EC2 ($95/mo), then Fargate
 * ($120/mo)", or "cheapest: Lambda, then ECS on EC2 ($60/mo)" (Lambda's figure leads the lens already). Figures
 * with a part the region cannot price are not ranked.
 */
function cheapestText(e: WorkloadEstimate, markup: (label: string) => string = (l) => l, runnerUp = true): string {
  const [first, second] = ranking(e.typical);
  if (!first) return '';
  const named = (p: PlatformCost) => (p.platform === 'lambda' ? markup('Lambda') : `${markup(labelOf(p))} (${formatUsd(p.monthlyUsd)}/mo)`);
  return `cheapest: ${named(first)}${second && runnerUp ? `, then ${named(second)}` : ''}`;
}

/** A lens's "$175 API Gateway" (short: the lens must leave room for "Compare" in a split editor). */
function lensDoor(p: PlatformCost, e: WorkloadEstimate): string {
  const door = frontDoorOf(p, e.scenario);
  return door.usd ? `${formatUsd(door.usd)} ${door.name.startsWith('API Gateway') ? 'API Gateway' : 'ALB'}` : '';
}

/** Each platform's front door at the typical traffic, for the hover table and the report (empty when no side has one). */
function frontDoors(e: WorkloadEstimate): { label: string; usd: number; name: string; of: number }[] {
  const doors = e.typical.platforms.map((p) => ({ label: labelOf(p), ...frontDoorOf(p, e.scenario), of: p.monthlyUsd }));
  return doors.some((d) => d.usd > 0) ? doors : [];
}

/** "Front door: Lambda $175 of $218 (API Gateway HTTP API), Fargate $16 of $60 (ALB)." (empty when no side has one). */
function frontDoorLine(e: WorkloadEstimate): string {
  const doors = frontDoors(e).filter((d) => d.usd > 0);
  if (!doors.length) return '';
  return `Front door (in the figures above): ${doors.map((d) => `${d.label} ${formatUsd(d.usd)} of ${formatUsd(d.of)} (${d.name})`).join(', ')}. To compare compute alone, turn on "compare compute only" in the comparison view (\`crossover cost --compute-only\`).`;
}

/** The hover's sentence naming the cheapest platforms, and those left unranked for want of a regional price. */
function cheapestLine(e: WorkloadEstimate): string {
  const unranked = e.typical.platforms.filter((p) => p.incomplete).map(labelOf);
  const text = cheapestText(e, (l) => `**${l}**`);
  return (
    `${text.charAt(0).toUpperCase()}${text.slice(1)} at ${e.traffic === 'given' ? 'this' : 'the typical'} traffic.` +
    (unranked.length ? ` Not ranked (a price ${mdText(e.region)} lacks): ${unranked.join(', ')}.` : '')
  );
}

/** "2 tasks", or "2-5 tasks" for a fleet autoscaled over the day (what runs at the quietest and the busiest hour). */
function fleetText(f: { tasks: number; fewestTasks: number }): string {
  return f.fewestTasks === f.tasks ? `${f.tasks} task${f.tasks === 1 ? '' : 's'}` : `${f.fewestTasks}-${f.tasks} tasks`;
}

/**
 * "$218/mo on Lambda ($175 API Gateway) · cheapest: Fargate ($60/mo)", or "$18.67/mo on Lambda ($10.00 API Gateway),
 * cheapest" when Lambda is: the range when traffic is assumed, the front door's share when there is one. Short, so
 * "Compare" beside it stays whole in a split editor (the real-editor test measures it): the runner-up is in the hover.
 */
export function lensTitle(e: WorkloadEstimate): string {
  const t = e.typical;
  const inside = [e.low && e.high ? range(e.low.lambda.monthlyUsd, e.high.lambda.monthlyUsd) : '', lensDoor(t.lambda, e)].filter(Boolean).join('; ');
  const cheapest = ranking(t)[0]?.platform === 'lambda' ? ', cheapest' : ` · ${cheapestText(e, undefined, false)}`;
  return `${formatUsd(t.lambda.monthlyUsd)}/mo on Lambda${inside ? ` (${inside})` : ''}${cheapest}`;
}

export function lensTooltip(e: WorkloadEstimate): string {
  const traffic = e.traffic === 'assumed' ? 'Traffic is assumed (low / typical / high); set it in crossover.usage.yml.' : 'Traffic from crossover.usage.yml.';
  const incomplete = incompleteNote(e.prices);
  // Not the verdict flips: a lens is drawn for every workload of an open file; the hover and the report say them.
  // The lens title names the cheapest only (it must leave room for "Compare"): its tooltip names the runner-up too.
  const cheapest = cheapestText(e);
  const ranked = cheapest ? `${cheapest.charAt(0).toUpperCase()}${cheapest.slice(1)} at ${e.traffic === 'given' ? 'this' : 'the typical'} traffic.\n` : '';
  return `${ranked}${traffic}\n${e.assumptions.map((a) => `${a.name}: ${a.value} (${a.source})`).join('\n')}\n${pricesSummary(e.region, e.priceDate, e.prices)}.${incomplete ? `\n${incomplete}.` : ''}`;
}

/**
 * A hover's table cells have no padding in VS Code (its columns ran together: "ECS on EC2EKS on Fargate"): each
 * figure's column starts with this gap there. The report (a Markdown document) has none.
 */
export const HOVER_GAP = '&nbsp;&nbsp;';

function table(e: WorkloadEstimate, gap = ''): string {
  const t = e.typical;
  const others = extras(e);
  /** The figure columns of one row, each with the gap before it. */
  const row = (first: string, cells: readonly string[]) => `|${first ? ` ${first} ` : ' '}|${cells.map((c) => ` ${c ? gap + c : ''} |`).join('')}`;
  const rows = [
    row('', ['Lambda', 'Fargate', ...others.map((p) => p.label)]),
    `|---|---:|---:|${others.map(() => '---:|').join('')}`,
    row(e.traffic === 'given' ? `${formatCount(t.requestsPerMonth)} requests/month` : `typical (${formatCount(t.requestsPerMonth)} requests/month)`, [
      formatUsd(t.lambda.monthlyUsd),
      `${formatUsd(t.fargate.monthlyUsd)} (${fleetText(t.fargate)})`,
      ...others.map((p) => formatUsd(p.typical.monthlyUsd)),
    ]),
  ];
  const doors = frontDoors(e);
  if (doors.length) {
    const [lambda, fargate] = [doors.find((d) => d.label === 'Lambda'), doors.find((d) => d.label === 'Fargate')];
    const cell = (d: { usd: number; name: string } | undefined) => (d && d.usd ? `${formatUsd(d.usd)} (${d.name})` : '$0');
    rows.push(row('of it, front door', [cell(lambda), cell(fargate), ...others.map((p) => cell(frontDoorOf(p.typical, e.scenario)))]));
  }
  if (e.low && e.high)
    rows.push(
      row(`low–high (${formatCount(e.low.requestsPerMonth)}–${formatCount(e.high.requestsPerMonth)})`, [
        range(e.low.lambda.monthlyUsd, e.high.lambda.monthlyUsd),
        range(e.low.fargate.monthlyUsd, e.high.fargate.monthlyUsd),
        ...others.map((p) => (p.low !== undefined && p.high !== undefined ? range(p.low, p.high) : '')),
      ]),
    );
  return rows.join('\n');
}

/** Where each platform becomes cheaper than Lambda: Fargate's sentence, then one per further platform. */
function crossoverLine(e: WorkloadEstimate): string {
  const sentence = (c: Crossover, label: string) => `${verdictText(crossoverEntry(c, label), label, formatCount, (t) => `**${t}**`)}.`;
  // A figure the region cannot price in full is a lower bound: no verdict is drawn from it.
  const others = extras(e).flatMap((p) =>
    p.typical.incomplete ? [`${p.label}: no verdict (a price is missing, see the notes).`] : e.crossovers[p.id] ? [sentence(e.crossovers[p.id]!, p.label)] : [],
  );
  return [sentence(e.crossover, 'Fargate'), ...others, flipsLine(e.flips)].join(' ');
}

/** Which assumptions decide the verdict at this traffic (or that none does within its plausible range). */
function flipsLine(flips: readonly Flip[]): string {
  return flips.length
    ? `_Check first:_ ${flips.map((f) => `${mdText(flipText(f))}.`).join(' ')}`
    : '_The verdict at this traffic holds across the plausible range of the duration, the day and the per-task capacity._';
}

/** The target of the hovers' "Edit usage assumptions" link (the only command they may run). */
export function editUsageLink(uri: string, id: string): string {
  return commandUri('crossover.editUsage', [uri, id]);
}

function assumptionsBlock(e: WorkloadEstimate, editUsage: string | undefined): string {
  const list = e.assumptions.map((a) => `${mdText(a.name)} ${mdText(a.value)} _(${mdText(a.source)})_`).join(' · ');
  const edit = editUsage ? ` · [Edit usage assumptions](${editUsage})` : '';
  const notes = e.notes.length ? `\n\n${e.notes.map((n) => `- ${mdText(n)}`).join('\n')}` : '';
  return `---\n\n_Assumptions:_ ${list}${edit}\n\n_Prices:_ ${mdText(pricesDated(e.region, e.priceDate, e.prices))}.${notes}`;
}

/** The Lambda side at a changed scenario (e.g. other memory), same prices. */
function lambdaAt(e: WorkloadEstimate, prices: PriceBook, change: (s: Scenario) => Scenario): Comparison {
  return compare(change(e.scenario), prices);
}

/**
 * What bounds a Lambda timeout, with the REST API limit the engine is configured with (the one the
 * lambda/api-gateway-timeout diagnostic checks against), so the hover and the diagnostic agree.
 */
export function timeoutBounds(limits: EngineConfig['limits']): string {
  const rest = limits.restApiIntegrationTimeoutSeconds;
  const edge = API_GATEWAY_LIMITS.restIntegrationTimeoutSeconds.value;
  // A raised limit is for regional and private REST APIs; an edge-optimized one stays at 29 s (so does the diagnostic).
  const restText =
    rest > edge ? `a regional or private REST API give up at ${n(rest)} s, an edge-optimized one at ${edge} s` : `a REST API give up at ${n(rest)} s`;
  return (
    `default ${LAMBDA_LIMITS.defaultTimeoutSeconds.value} s, at least ${LAMBDA_LIMITS.minTimeoutSeconds.value} s, at most ${LAMBDA_LIMITS.maxTimeoutSeconds.value} s; ` +
    `callers behind ${restText}, an HTTP API at ${API_GATEWAY_LIMITS.httpIntegrationTimeoutSeconds.value} s`
  );
}

/** `limits`: the engine configuration's (VS Code's `crossover.limits.*`), as the diagnostics use them. */
export function hoverMarkdown(
  field: CostField,
  e: WorkloadEstimate,
  prices: PriceBook,
  options: { inheritedBy?: string[]; editUsage?: string; timeoutSeconds?: number; limits: EngineConfig['limits'] },
): string {
  const s = e.scenario;
  const t = e.typical;
  const parts: string[] = [];
  switch (field) {
    case 'memory': {
      const vcpu = Math.min(LAMBDA_LIMITS.maxVcpu.value, s.lambda.memoryMb / LAMBDA_LIMITS.memoryMbPerVcpu.value);
      parts.push(
        `**Memory ${s.lambda.memoryMb.toLocaleString('en-US')} MB** · about ${vcpu.toFixed(2)} vCPU`,
        `Lambda gives CPU in proportion to memory: ${n(LAMBDA_LIMITS.memoryMbPerVcpu.value)} MB = 1 vCPU, up to ${LAMBDA_LIMITS.maxVcpu.value} vCPU at ${n(LAMBDA_LIMITS.maxMemoryMb.value)} MB. Allowed: ${LAMBDA_LIMITS.minMemoryMb.value}–${n(LAMBDA_LIMITS.maxMemoryMb.value)} MB.`,
        table(e, HOVER_GAP),
      );
      const options = [s.lambda.memoryMb / 2, s.lambda.memoryMb * 2].filter(
        (m) => m >= LAMBDA_LIMITS.minMemoryMb.value && m <= LAMBDA_LIMITS.maxMemoryMb.value,
      );
      if (options.length) {
        const moves = options.map(
          (m) =>
            `${m.toLocaleString('en-US')} MB → ${formatUsd(lambdaAt(e, prices, (x) => ({ ...x, lambda: { ...x.lambda, memoryMb: m } })).lambda.monthlyUsd)}/mo`,
        );
        parts.push(
          `If it changes (same duration): ${moves.join(' · ')}. Duration cost is proportional to memory; CPU-bound work often finishes sooner with more.`,
        );
      }
      break;
    }
    case 'timeout': {
      const timeout = options.timeoutSeconds;
      parts.push(
        `**Timeout${timeout !== undefined ? ` ${timeout.toLocaleString('en-US')} s` : ''}** · the longest one invocation may run (${timeoutBounds(options.limits)}).`,
        `Lambda bills the time actually used, not the timeout: at the assumed average of **${s.durationMs} ms** this function costs ${formatUsd(t.lambda.monthlyUsd)}/mo (duration ${formatUsd(t.lambda.breakdown.duration)}).`,
        table(e, HOVER_GAP),
      );
      if (timeout !== undefined) {
        const runaway = (s.lambda.memoryMb / 1024) * timeout * prices.tiers(`lambda.durationPerGbSecond.${s.lambda.architecture}`)[0]![2];
        parts.push(`One invocation that runs into the timeout costs ${formatUsd(runaway)} (${formatUsd(runaway * 1_000_000)} per million such invocations).`);
      }
      break;
    }
    case 'architecture': {
      const other = s.lambda.architecture === 'arm64' ? 'x86_64' : 'arm64';
      const flipped = lambdaAt(e, prices, (x) => ({ ...x, lambda: { ...x.lambda, architecture: other } }));
      parts.push(
        `**Architecture ${s.lambda.architecture}**${s.lambda.architecture === 'arm64' ? ' (Graviton)' : ''} · arm64 duration is about 20% cheaper than x86_64.`,
        `At this traffic: ${formatUsd(t.lambda.monthlyUsd)}/mo on ${s.lambda.architecture}, ${formatUsd(flipped.lambda.monthlyUsd)}/mo on ${other}.`,
        table(e, HOVER_GAP),
      );
      break;
    }
    case 'provisioned': {
      const pc = s.lambda.provisionedConcurrency;
      parts.push(
        `**Provisioned concurrency ${pc}** · ${pc} execution environment${pc === 1 ? '' : 's'} kept initialised: no cold starts for them, paid whether or not requests come.`,
        `Provisioned cost ${formatUsd(t.lambda.breakdown.provisionedConcurrency)}/mo of the ${formatUsd(t.lambda.monthlyUsd)}/mo total. At the assumed traffic the function runs about ${t.lambda.averageConcurrency.toFixed(2)} environments on average (${(t.lambda.averageConcurrency * s.peakToAverage).toFixed(2)} at peak).`,
        table(e, HOVER_GAP),
      );
      break;
    }
    case 'reserved':
      parts.push(
        `**Reserved concurrency** · caps this function's concurrent executions and sets them aside from the account's quota (1,000 by default). No charge.`,
        `At the assumed traffic it needs about ${t.lambda.averageConcurrency.toFixed(2)} concurrent executions on average, ${(t.lambda.averageConcurrency * s.peakToAverage).toFixed(2)} at peak; 0 stops the function entirely.`,
        table(e, HOVER_GAP),
      );
      break;
    case 'ephemeral': {
      const included = LAMBDA_LIMITS.includedEphemeralStorageMb.value;
      parts.push(
        `**Ephemeral storage ${s.lambda.ephemeralStorageMb.toLocaleString('en-US')} MB** · /tmp, ${LAMBDA_LIMITS.minEphemeralStorageMb.value}–${n(LAMBDA_LIMITS.maxEphemeralStorageMb.value)} MB; the first ${included} MB are included.`,
        s.lambda.ephemeralStorageMb > included
          ? `The extra ${(s.lambda.ephemeralStorageMb - included).toLocaleString('en-US')} MB cost ${formatUsd(t.lambda.breakdown.ephemeralStorage)}/mo at the assumed traffic.`
          : `No extra charge at ${included} MB.`,
        table(e, HOVER_GAP),
      );
      break;
    }
  }
  parts.push(cheapestLine(e), crossoverLine(e));
  if (options.inheritedBy && options.inheritedBy.length > 1) {
    const names = options.inheritedBy.slice(0, 5).map(mdText).join(', ');
    parts.push(
      `Set in Globals: inherited by ${options.inheritedBy.length} functions (${names}${options.inheritedBy.length > 5 ? ', ...' : ''}); figures are for ${mdText(e.id)}.`,
    );
  }
  parts.push(assumptionsBlock(e, options.editUsage));
  return parts.join('\n\n');
}

/** A platform's section title in the report: "Lambda, monthly", "Fargate, monthly (2 tasks of 1 vCPU / 2 GB)", ... */
function reportHeading(p: PlatformCost, t: Comparison): string {
  if (p.platform === 'lambda') return 'Lambda, monthly';
  if (p.platform === 'ecs-fargate') return `Fargate, monthly (${fleetText(t.fargate)} of ${t.fargate.vcpu} vCPU / ${t.fargate.memoryGb} GB)`;
  const label = platformById(p.platform)?.label ?? p.platform;
  return `${label}, monthly (${p.deployment.units} × ${p.deployment.unit}, ${p.deployment.why})`;
}

/** The plain report the Compare lens opens until the comparison view exists. */
export function reportMarkdown(e: WorkloadEstimate, templatePath: string): string {
  const t = e.typical;
  const lines = [
    `# ${mdText(e.id)}: Lambda or Fargate?`,
    '',
    `From ${mdCode(templatePath)}. ${cheapestLine(e)} ${crossoverLine(e)}`,
    '',
    table(e),
    '',
    ...(frontDoorLine(e) ? [frontDoorLine(e), ''] : []),
    ...t.platforms.flatMap((p) => [
      `## ${reportHeading(p, t)}`,
      '',
      '| Item | USD |',
      '|---|---:|',
      ...p.parts.map((part) => `| ${part.label} | ${formatUsd(part.usd)} |`),
      `| **Total** | **${formatUsd(p.monthlyUsd)}** |`,
      '',
    ]),
    '## Assumptions',
    '',
    ...e.assumptions.map((a) => `- ${mdText(a.name)}: ${mdText(a.value)} _(${mdText(a.source)})_`),
    `- Prices: ${mdText(pricesDated(e.region, e.priceDate, e.prices))}`,
    ...e.notes.map((n) => `- Note: ${mdText(n)}`),
    '',
    '## Prices used',
    '',
    '| Price | Figure | Provenance | Region | Date | Confidence | Sources |',
    '|---|---|---|---|---|---|---|',
    ...e.prices.map(
      (p) =>
        `| ${p.label} | ${mdText(priceFigure(p))} ${mdText(p.unit)} | ${mdText(provenanceText(p))} | ${mdText(p.region)} | ${mdText(p.date)} | ${p.confidence} | ${mdText(p.sources.join(', '))} |`,
    ),
    '',
    'Change the traffic in `crossover.usage.yml`, the defaults and prices in the `crossover.usage.*`, `crossover.fargate.*` and `crossover.pricing.*` settings.',
    '',
  ];
  return lines.join('\n');
}

/**
 * A workload that runs elsewhere than Lambda today, from its home platform: "about $Y/mo on Fargate (N tasks) · about
 * $X/mo as Lambda ($lo–$hi) · cheapest: ...", "about $Z/mo on ECS on EC2 (3 x m7g.large) · about $X/mo as Lambda · ...";
 * a function on Managed Instances: "about $Z/mo on Lambda Managed Instances (2 x m7g.large) · about $X/mo on Lambda
 * (on demand) · ...". The Lambda range when traffic is assumed.
 */
export function taskLensTitle(e: WorkloadEstimate): string {
  const t = e.typical;
  const lambda = e.low && e.high ? ` (${range(e.low.lambda.monthlyUsd, e.high.lambda.monthlyUsd)})` : '';
  const home = e.runsOn.platform === 'lambda' ? undefined : homeCost(t, e.runsOn);
  if (!home || home.platform === 'ecs-fargate') {
    const door = lensDoor(t.fargate, e);
    return `about ${formatUsd(t.fargate.monthlyUsd)}/mo on Fargate (${fleetText(t.fargate)}${door ? `, ${door}` : ''}) · about ${formatUsd(t.lambda.monthlyUsd)}/mo as Lambda${lambda} · ${cheapestText(e)}`;
  }
  const figure = home.incomplete ? `${formatUsd(home.monthlyUsd)}+ (incomplete)` : formatUsd(home.monthlyUsd);
  const asLambda = home.platform === 'lambda-managed' ? 'on Lambda (on demand)' : 'as Lambda';
  const door = lensDoor(home, e);
  return `about ${figure}/mo on ${labelOf(home)} (${e.runsOn.sizing}${door ? `, ${door}` : ''}) · about ${formatUsd(t.lambda.monthlyUsd)}/mo ${asLambda}${lambda} · ${cheapestText(e)}`;
}

/** A workload's lens title from where it runs today: Lambda's, or its home platform's first. */
export const workloadLensTitle = (e: WorkloadEstimate): string => (e.runsOn.platform === 'lambda' ? lensTitle(e) : taskLensTitle(e));

/** At most this many instance names in a lens title; the tooltip names them all. */
const LENS_INSTANCE_NAMES = 4;

/**
 * The lens of a declaration made several times through a custom construct class: "x3 instances (Dev, Staging, Prod):
 * about $41/mo on Lambda in all", or "... as written in all" when they run on different platforms; `where` names the
 * file that creates them when it is another. The figures are each instance's as written, summed.
 */
export function instancesLensTitle(members: readonly { id: string; estimate: WorkloadEstimate }[], where?: string): string {
  const names = members.map((m) => m.id);
  const shown = names.length > LENS_INSTANCE_NAMES ? [...names.slice(0, LENS_INSTANCE_NAMES), `${names.length - LENS_INSTANCE_NAMES} more`] : names;
  const figures = members.map((m) => asWritten({ runsOn: m.estimate.runsOn, estimate: m.estimate }));
  const usd = figures.reduce((sum, f) => sum + f.homeUsd, 0);
  const homes = new Set(figures.map((f) => f.home.label));
  const on = homes.size === 1 ? `on ${[...homes][0]}` : 'as written';
  return `x${members.length} instances${where ? ` in ${where}` : ''} (${shown.join(', ')}): about ${formatUsd(usd)}/mo ${on} in all`;
}

/** The lens where a class of another file is instantiated: "Dev (OrdersStack): 3 workloads, about $41/mo as written". */
export function siteLensTitle(className: string, instanceId: string, members: readonly { estimate: WorkloadEstimate }[]): string {
  const usd = members.reduce((sum, m) => sum + asWritten({ runsOn: m.estimate.runsOn, estimate: m.estimate }).homeUsd, 0);
  return `${instanceId} (${className}): ${members.length} workload${members.length === 1 ? '' : 's'}, about ${formatUsd(usd)}/mo as written`;
}

/**
 * The hover's first line on a value of a declaration made several times: whose figures follow ("Figures of the
 * instance Dev, one of 3 instances of OrdersService: Dev, Staging, Prod; the CodeLens sums them").
 */
export function instanceHoverLine(shown: string, className: string, ids: readonly string[]): string {
  return `Figures of the instance ${mdCode(shown)}, one of ${ids.length} instances of ${mdCode(className)}: ${ids.map((id) => mdText(id)).join(', ')}; the CodeLens sums them.\n\n`;
}

/**
 * The hover's first line on a value the file writes through something else (a Terraform variable and the file that
 * set it, a CloudFormation parameter's default, an intrinsic function): where the figure shown comes from.
 */
export function valueFromHoverLine(via: string): string {
  return `Value from ${mdCode(via)}.\n\n`;
}

/** Its tooltip: each instance's own lens line. */
export function instancesLensTooltip(members: readonly { id: string; estimate: WorkloadEstimate }[]): string {
  return members.map((m) => `${m.id}: ${workloadLensTitle(m.estimate)}`).join('\n');
}

/** The lens of capacity that is not one workload: "about $X/mo on EKS on EC2 (3 x m7g.large nodes)", or why it has no figure. */
export function capacityLensTitle(c: CapacityCost): string {
  const label = platformById(c.runsOn.platform)?.label ?? c.runsOn.platform;
  if (!c.own) return `${label}: no figure (${c.node.kind === 'eks-fargate-profile' ? 'its pods are not in the template' : 'its size is not static'})`;
  return `about ${formatUsd(c.own.monthlyUsd)}/mo on ${label} (${c.runsOn.sizing}) · no Lambda comparison: the template does not say what runs on it`;
}

export function capacityLensTooltip(c: CapacityCost): string {
  return [
    c.comparison.why,
    ...(c.own ? c.own.parts.map((p) => `${p.label}: ${formatUsd(p.usd)}`) : []),
    ...c.assumptions.map((a) => `${a.name}: ${a.value} (${a.source})`),
    ...c.notes,
  ].join('\n');
}

const gbText = (mb: number) => `${Number((mb / 1024).toFixed(2))} GB`;

/** Hover on a task's cpu or memory: what the pair means, what memory that CPU allows, the monthly cost. */
export function taskHoverMarkdown(cpuUnits: number, memoryMb: number, e: WorkloadEstimate | undefined, editUsage?: string): string {
  const parts: string[] = [];
  parts.push(`**Task size ${cpuUnits / 1024} vCPU / ${gbText(memoryMb)}** · ${cpuUnits} CPU units, ${memoryMb} MiB`);
  const size = FARGATE_TASK_SIZES.find((s) => s.cpuUnits === cpuUnits);
  if (size) {
    const options =
      size.memoryMb.length <= 3
        ? size.memoryMb.map(gbText).join(', ')
        : `${gbText(size.memoryMb[0]!)} to ${gbText(size.memoryMb[size.memoryMb.length - 1]!)} in ${gbText(size.memoryMb[1]! - size.memoryMb[0]!)} steps`;
    parts.push(`On Fargate, ${cpuUnits / 1024} vCPU takes ${options} of memory.`);
  } else {
    parts.push(`Fargate has no ${cpuUnits}-unit size: it offers ${FARGATE_TASK_SIZES.map((s) => s.cpuUnits / 1024).join(', ')} vCPU.`);
  }
  if (!isFargateSize(cpuUnits, memoryMb)) {
    const nearest = nearestFargateSize(cpuUnits, memoryMb);
    parts.push(`This pair is **not a Fargate size**; the nearest is ${nearest.cpuUnits / 1024} vCPU / ${gbText(nearest.memoryMb)}.`);
  }
  if (e) {
    const t = e.typical;
    const f = t.fargate.breakdown;
    const home = homeCost(t, e.runsOn);
    if (home && home.platform !== 'ecs-fargate')
      parts.push(
        `Runs on **${labelOf(home)}** today (${mdText(e.runsOn.sizing)}; ${mdText(e.runsOn.evidence)}): **${formatUsd(home.monthlyUsd)}/mo**${home.incomplete ? ' (incomplete: a price is missing)' : ''}.`,
      );
    parts.push(
      `Fargate: **${formatUsd(t.fargate.monthlyUsd)}/mo** for ${t.fargate.tasks} task${t.fargate.tasks === 1 ? '' : 's'} running all month (compute ${formatUsd(f.compute)}, load balancer ${formatUsd(f.loadBalancer)}${f.ephemeralStorage ? `, storage ${formatUsd(f.ephemeralStorage)}` : ''}); each task costs ${formatUsd(f.compute / Math.max(1, t.fargate.tasks))}/mo.`,
      `The same traffic on Lambda: ${formatUsd(t.lambda.monthlyUsd)}/mo${e.low && e.high ? ` (${range(e.low.lambda.monthlyUsd, e.high.lambda.monthlyUsd)} from low to high traffic)` : ''}.`,
      ...extras(e).map((p) => `On ${p.label}: ${formatUsd(p.typical.monthlyUsd)}/mo (${p.typical.deployment.units} × ${p.typical.deployment.unit}).`),
    );
    parts.push(cheapestLine(e), `${verdictText(crossoverEntry(e.crossover, 'Fargate'), 'Fargate', formatCount, (t) => `**${t}**`)}.`);
    parts.push(assumptionsBlock(e, editUsage));
  }
  return parts.join('\n\n');
}

/** The CodeLens beside each workload's figures that opens the comparison view. */
export const COMPARE_LENS = {
  title: 'Compare',
  functionTooltip: 'Compare this function with the same work on ECS Fargate',
  taskTooltip: 'Compare these tasks with the same work on Lambda',
} as const;

/** The status bar item: "$(graph) Lambda $X/mo · Fargate $Y/mo" (the further platforms' figures are in its tooltip). */
/** "$(graph) $1,234/mo as written · save ~$210": what the workspace costs where its templates deploy it, and what moving would save. */
export function statusText(total: WorkspaceTotal): string {
  return `$(graph) ${formatUsd(total.asWritten)}/mo as written${total.saving >= 0.5 ? ` · save ~${formatUsd(total.saving)}` : ''}`;
}

/** The status bar's tooltip: what "as written" means, the split by platform, what the savings count and leave out. */
export function statusTooltip(total: WorkspaceTotal): string {
  const plural = (n: number, word: string) => `${formatWhole(n)} ${word}${n === 1 ? '' : 's'}`;
  const split = total.byPlatform.map((p) => `${p.label}: ${formatUsd(p.usd)}/mo (${plural(p.workloads, 'workload')})`);
  const saving = total.candidates
    ? `Moving ${plural(total.candidates, 'workload')} to its cheapest platform would save about ${formatUsd(total.saving)}/mo (only workloads whose traffic crossover.usage.yml gives).`
    : 'No workload with traffic in crossover.usage.yml is cheaper elsewhere.';
  return [
    `Crossover: typical monthly cost of the workspace as written: ${plural(total.workloads, 'workload')}, each on the platform its template deploys it to, counted once (an ECS service with its task definition).`,
    ...split,
    ...(total.freeTierCredit ? [`Lambda's free tier is subtracted once for the account (${formatUsd(total.freeTierCredit)}).`] : []),
    saving,
    ...(total.assumed ? [`Traffic is assumed for ${formatWhole(total.assumed)} of them: left out of the savings (set it in crossover.usage.yml).`] : []),
    'Click for the summary.',
  ].join('\n');
}
