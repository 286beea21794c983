/**
 * One workload's comparison as plain data: what `crossover cost --format json` prints and what the
 * comparison view shows, so both give the same figures for the same inputs.
 */
import { type ConstructInstance, type ModelNode } from '../model/nodes.js';
import { unresolvedSettings, type UnresolvedSetting } from '../model/unresolved.js';
import { type Crossover, type VerdictRange } from './crossover.js';
import { type Flip } from './sensitivity.js';
import { ranking, type Comparison, type WorkloadEstimate } from './estimate.js';
import { trafficLevels, type Scenario } from './model.js';
import { type PriceUsed } from './price-book.js';
import { FRONT_DOOR_LABELS, noCrossoverNote, pricesIncomplete } from '../present/labels.js';
import { platformById, type CostPart, type Deployment } from './platforms/index.js';

/** One costed platform in the report (Lambda and Fargate also keep their own fields). */
export interface PlatformReport {
  label: string;
  monthlyUsd: number;
  parts: CostPart[];
  deployment: Deployment;
  /** Against Lambda (absent for Lambda itself). */
  crossover?: CrossoverEntry;
  /** A part the region has no price for is left out: the figure is a lower bound (see notes). */
  incomplete?: true;
  /** How much of the figure is the front door: API Gateway (or an ALB) for Lambda, the load balancer for the containers. */
  frontDoor: FrontDoorShare;
}

/** A platform's front door: its name ("API Gateway HTTP API", "ALB"; "" when there is none) and its monthly cost. */
export interface FrontDoorShare {
  name: string;
  usd: number;
}

/** The parts that are a platform's front door: Lambda's API Gateway or ALB, the containers' load balancer. */
const FRONT_DOOR_PARTS = new Set(['frontDoor', 'loadBalancer']);

/**
 * How much of a platform's figure is its front door, and what it is: for Lambda (and Managed Instances) the scenario's
 * front door; for the container platforms the Application Load Balancer (its public IPv4 addresses are counted apart).
 */
export function frontDoorOf(p: { platform: string; parts: readonly CostPart[] }, scenario: Pick<Scenario, 'lambda'>): FrontDoorShare {
  const usd = p.parts.filter((part) => FRONT_DOOR_PARTS.has(part.key)).reduce((a, part) => a + part.usd, 0);
  if (usd === 0) return { name: '', usd: 0 };
  const lambdaSide = p.platform === 'lambda' || p.platform === 'lambda-managed';
  return { name: lambdaSide ? FRONT_DOOR_LABELS[scenario.lambda.frontDoor] : 'ALB', usd };
}

/**
 * Where the other platform is cheaper: the first volume (null: never), the volume from which it stays cheaper
 * (null: Lambda is cheaper again at the top of the range), the exceptions in between, and every range.
 */
export interface CrossoverEntry {
  requestsPerMonth: number | null;
  staysCheaperFrom?: number | null;
  exceptions?: VerdictRange[];
  ranges: VerdictRange[];
  note?: string;
}

export interface CostReport {
  lambda: { monthlyUsd: number; breakdown: Comparison['lambda']['breakdown'] };
  fargate: {
    monthlyUsd: number;
    /** Tasks at the busiest hour; averageTasks is what is billed, fewestTasks the quietest hour. */
    tasks: number;
    averageTasks: number;
    fewestTasks: number;
    vcpu: number;
    memoryGb: number;
    breakdown: Comparison['fargate']['breakdown'];
  };
  crossover: CrossoverEntry;
  /** Every costed platform by id (lambda, ecs-fargate, ecs-ec2, ...), in the order they are shown. */
  platforms: Record<string, PlatformReport>;
  /** The cheapest platform at this traffic and the runner-up, among the figures that are complete. */
  cheapest: { platform: string; runnerUp: string | null };
  /** Of Lambda and Fargate. */
  cheaper: Comparison['cheaper'];
  /** Assumptions that flip the verdict (Lambda vs Fargate at this traffic) within their plausible range. */
  flips: Flip[];
  /** Every figure is compute only: the front door (API Gateway, the ALB) left out of every platform. */
  computeOnly?: true;
  assumptions: Record<string, unknown>;
  /** The dates of the region's own and derived prices used ("2026-08-12" or "2021-01-14 to 2026-09-28"). */
  priceDate: string;
  region: string;
  /** Every price the figures read: value or tiers, unit, provenance (own / derived / borrowed / override), region, date, confidence, sources. */
  prices: PriceUsed[];
  /** True when some price (or some tier of one) is borrowed from the fallback region: the figures are not the region's own. */
  incomplete: boolean;
  notes: string[];
}

export type AnyCostReport = CostReport | TemplateReport | FunctionReport | TaskReport;

/** A workload made by an instance of a custom CDK construct class: which, and where (1-based lines). */
export interface InstanceReport {
  className: string;
  id: string;
  site: { file: string; line: number };
  declaration: { file: string; line: number };
}

/** One function in `crossover cost <template>`: its report, traffic, low / high bands and labelled assumptions. */
export interface FunctionReport extends CostReport {
  id: string;
  instance?: InstanceReport;
  /** What static reading cannot know about it (CDK, or a template's unresolved references): setting, reason, what is assumed. */
  unresolved?: UnresolvedSetting[];
  /** Where it runs today (Lambda, or Lambda Managed Instances with a capacity provider), its sizing and the evidence. */
  runsOn: WorkloadEstimate['runsOn'];
  traffic: WorkloadEstimate['traffic'];
  bands?: Record<'low' | 'high', { requestsPerMonth: number; lambda: number; fargate: number; fargateTasks: number }>;
  assumptionSources: WorkloadEstimate['assumptions'];
}

export interface TaskReport extends CostReport {
  id: string;
  instance?: InstanceReport;
  unresolved?: UnresolvedSetting[];
  type: 'ecs-task-definition' | 'ecs-service' | 'ecs-express-service' | 'app-runner-service';
  /** Where it runs today (Fargate, ECS on EC2, Express Mode, App Runner), its sizing and the evidence. */
  runsOn: WorkloadEstimate['runsOn'];
  traffic: WorkloadEstimate['traffic'];
  assumptionSources: WorkloadEstimate['assumptions'];
}

/** `crossover cost <template>`: every workload of the template. */
export interface TemplateReport {
  template: string;
  usageFile: string | null;
  functions: FunctionReport[];
  /** ECS task definitions and services, Express Mode and App Runner services: on their platform at the current count, and the same traffic on Lambda and elsewhere. */
  tasks: TaskReport[];
  /** EKS node groups and Fargate profiles: their own monthly cost (no comparison: the template does not say what runs on them). */
  capacity: { id: string; type: string; runsOn: WorkloadEstimate['runsOn']; monthlyUsd: number | null; parts: CostPart[]; why: string; notes: string[] }[];
  /**
   * Every workload summed once (a task definition its service runs counted as the service), at typical traffic;
   * Lambda's always-free tier subtracted once (it is one per account) when asked. `asWritten`: each workload on the
   * platform its template deploys it to (node groups at their own cost), split by platform; `savings`: what moving
   * the workloads with given traffic to their cheapest platform would save (those on assumed traffic left out).
   * `lambdaUsd` and `fargateUsd` (every workload on Lambda, on Fargate) and `workloads` (those with an estimate) are
   * kept as before.
   */
  total: {
    lambdaUsd: number;
    fargateUsd: number;
    freeTierCreditUsd: number;
    workloads: number;
    asWritten: { usd: number; workloads: number; byPlatform: { id: string; label: string; usd: number; workloads: number }[]; freeTierCreditUsd: number };
    savings: { usd: number; candidates: number; assumedLeftOut: number };
  };
}

/** `crossovers`: by platform id, as `crossovers()` gives them (Fargate's is the report's `crossover`). */
export function comparisonReport(
  c: Comparison,
  scenario: Scenario,
  crossovers: Record<string, Crossover>,
  priceDate: string,
  notes: string[],
  prices: PriceUsed[],
  flips: Flip[],
  computeOnly = false,
): CostReport {
  const f = scenario.fargate;
  const entries = c.platforms.map((cost): [string, PlatformReport] => {
    const crossover = crossovers[cost.platform];
    const label = platformById(cost.platform)?.label ?? cost.platform;
    return [
      cost.platform,
      {
        label,
        monthlyUsd: cost.monthlyUsd,
        parts: cost.parts,
        deployment: cost.deployment,
        ...(crossover && cost.platform !== 'lambda'
          ? {
              crossover: cost.incomplete
                ? { requestsPerMonth: null, ranges: [], note: `No verdict for ${label}: a price its figure needs is missing here (see the notes).` }
                : crossoverEntry(crossover, label),
            }
          : {}),
        ...(cost.incomplete ? { incomplete: true as const } : {}),
        frontDoor: frontDoorOf(cost, scenario),
      },
    ];
  });
  const order = ranking(c);
  return {
    lambda: { monthlyUsd: c.lambda.monthlyUsd, breakdown: c.lambda.breakdown },
    fargate: {
      monthlyUsd: c.fargate.monthlyUsd,
      tasks: c.fargate.tasks,
      averageTasks: c.fargate.averageTasks,
      fewestTasks: c.fargate.fewestTasks,
      vcpu: c.fargate.vcpu,
      memoryGb: c.fargate.memoryGb,
      breakdown: c.fargate.breakdown,
    },
    crossover: crossoverEntry(crossovers['ecs-fargate']!, 'Fargate'),
    platforms: Object.fromEntries(entries),
    cheapest: { platform: order[0]?.platform ?? 'lambda', runnerUp: order[1]?.platform ?? null },
    cheaper: c.cheaper,
    flips,
    ...(scenario.lambda.frontDoor === 'none' && scenario.fargate.loadBalancer === 'none' && computeOnly ? { computeOnly: true as const } : {}),
    assumptions: {
      requestsPerMonth: scenario.requestsPerMonth,
      durationMs: scenario.durationMs,
      memoryMb: scenario.lambda.memoryMb,
      architecture: scenario.lambda.architecture,
      frontDoor: scenario.lambda.frontDoor,
      payloadKb: scenario.payloadKb,
      peakToAverage: scenario.peakToAverage,
      day: { busyHoursPerDay: scenario.day.busyHoursPerDay, profile: scenario.day.profile, levels: trafficLevels(scenario) },
      network: { ...scenario.network, lambdaInVpc: scenario.lambda.vpc },
      logsKbPerRequest: scenario.logsKbPerRequest,
      savingsPlan: scenario.savingsPlan,
      provisionedConcurrency: scenario.lambda.provisionedConcurrency,
      ephemeralStorageMb: scenario.lambda.ephemeralStorageMb,
      rdsProxyVcpu: scenario.lambda.rdsProxyVcpu,
      freeTier: scenario.freeTier,
      region: scenario.region,
      fargate: {
        vcpu: f.vcpu,
        memoryGb: f.memoryGb,
        architecture: f.architecture,
        tasks: f.tasks ?? 'sized from traffic',
        minTasks: f.minTasks,
        maxTasks: f.maxTasks,
        perTaskConcurrency: c.fargate.perTaskConcurrency,
        perTaskConcurrencyFrom: f.perTaskConcurrency === null ? 'cpu' : 'given',
        requestVcpu: f.requestVcpu,
        cpuBusyShare: f.cpuBusyShare,
        targetUtilization: f.targetUtilization,
        requiredConcurrency: c.fargate.requiredConcurrency,
        spot: f.spot,
        loadBalancer: f.loadBalancer,
        albLcu: f.loadBalancer === 'alb' ? (f.albLcu ?? c.fargate.lcu) : null,
        albLcuFrom: f.albLcu === null ? 'traffic' : 'given',
        subnets: f.subnets,
      },
    },
    priceDate,
    region: scenario.region,
    prices,
    incomplete: pricesIncomplete(prices),
    notes,
  };
}

export function crossoverEntry(crossover: Crossover, label: string): CrossoverEntry {
  return crossover.kind === 'point'
    ? {
        requestsPerMonth: crossover.requestsPerMonth,
        staysCheaperFrom: crossover.staysCheaperFrom,
        exceptions: crossover.exceptions,
        ranges: crossover.ranges,
      }
    : { requestsPerMonth: null, ranges: crossover.ranges, note: noCrossoverNote(crossover.kind, label) };
}

/**
 * JSON numbers without float noise (6.666700000000001): money and counts to a millionth; figures below a cent (unit
 * prices such as $0.0000166667 per GB-second) to ten significant digits, so a price keeps every digit AWS publishes.
 */
export function roundMoney(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  return Math.abs(value) >= 0.01 ? Math.round(value * 1e6) / 1e6 : Number(value.toPrecision(10));
}

/**
 * The report fields of a node made by static reading: its `instance` (each file shown as `file` gives it) and what
 * static reading cannot know about it (`unresolved`, absent when everything is known).
 */
export function readingReport(node: ModelNode, file: (uri: string) => string): { instance?: InstanceReport; unresolved?: UnresolvedSetting[] } {
  const unresolved = unresolvedSettings(node);
  const instance = node.instance;
  return {
    ...(unresolved.length ? { unresolved } : {}),
    ...(instance ? { instance: instanceOf(instance, file) } : {}),
  };
}

function instanceOf(instance: ConstructInstance, file: (uri: string) => string): InstanceReport {
  return {
    className: instance.className,
    id: instance.id,
    site: { file: file(instance.site.uri), line: instance.site.range.start.line + 1 },
    declaration: { file: file(instance.declaredAt.uri), line: instance.declaredAt.range.start.line + 1 },
  };
}
