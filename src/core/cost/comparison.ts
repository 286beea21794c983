/**
 * One workload's comparison: its estimate's scenario with the user's edits applied, costed the way
 * `crossover cost` costs it (same report shape), plus the traffic sweep the chart draws; and the summary's row
 * of it. Pure: the comparison view calls it on every edit, the workspace summary for every workload, and the
 * tests compare it with the CLI's JSON.
 */
import { crossovers, sweep, type Sweep } from './crossover.js';
import { decide } from './decision.js';
import { verdictFlips } from './sensitivity.js';
import { compare, pricesRead, type WorkloadEstimate } from './estimate.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type FrontDoor, type SavingsPlan, type Scenario } from './model.js';
import { priceBook, regions, type PriceOverrides } from './price-book.js';
import { comparisonReport, type CostReport } from './report.js';
import { extraPlatforms, offeredPlatforms, platformById, type CostPart, type Deployment } from './platforms/index.js';
import { asWritten, type CountedWorkload } from './totals.js';

/** What the user can change in the view (unset: the workload's own value). */
export interface Overrides {
  requestsPerMonth?: number;
  durationMs?: number;
  memoryMb?: number;
  architecture?: 'x86_64' | 'arm64';
  region?: string;
  frontDoor?: FrontDoor;
  fargateVcpu?: number;
  fargateMemoryGb?: number;
  perTaskConcurrency?: number;
  minTasks?: number;
  freeTier?: boolean;
  spot?: boolean;
  busyHoursPerDay?: number;
  cpuBusyShare?: number;
  savingsPlan?: SavingsPlan;
  /** The platforms beyond Lambda and Fargate to show, by id. */
  platforms?: string[];
  /** The user says the account already uses App Runner (the view's toggle): App Runner may be shown. */
  appRunnerCustomer?: boolean;
  /** Compare compute only: the front door (API Gateway, the ALB) left out of every side (the view's toggle, `--compute-only`). */
  computeOnly?: boolean;
}

/** One platform's figure as the view shows it (every platform, in the registry's order). */
export interface PlatformFigure {
  id: string;
  label: string;
  monthlyUsd: number;
  parts: CostPart[];
  deployment: Deployment;
}

export interface ComparisonData {
  report: CostReport;
  /** Every platform's figure, Lambda first: the view's cards, breakdowns and chart lines. */
  platforms: PlatformFigure[];
  /** Both monthly totals over traffic (log scale), for the chart. */
  sweep: Sweep;
  /** The scenario after the edits: the current value of every assumption. */
  scenario: Scenario;
  regions: { id: string; name: string }[];
  /** Every platform beyond Lambda and Fargate the user may turn on (the view offers each as a switch; App Runner only for its customers). */
  available: { id: string; label: string }[];
}

const SWEEP_POINTS = 120;

function applyOverrides(base: Scenario, o: Overrides): Scenario {
  const frontDoor = o.computeOnly ? 'none' : (o.frontDoor ?? base.lambda.frontDoor);
  return {
    ...base,
    ...(o.platforms ? { platforms: o.platforms } : {}),
    ...(o.appRunnerCustomer !== undefined ? { appRunnerCustomer: o.appRunnerCustomer } : {}),
    region: o.region ?? base.region,
    requestsPerMonth: o.requestsPerMonth ?? base.requestsPerMonth,
    durationMs: o.durationMs ?? base.durationMs,
    freeTier: o.freeTier ?? base.freeTier,
    day: { ...base.day, busyHoursPerDay: o.busyHoursPerDay ?? base.day.busyHoursPerDay },
    savingsPlan: o.savingsPlan ?? base.savingsPlan,
    lambda: { ...base.lambda, memoryMb: o.memoryMb ?? base.lambda.memoryMb, architecture: o.architecture ?? base.lambda.architecture, frontDoor },
    fargate: {
      ...base.fargate,
      vcpu: o.fargateVcpu ?? base.fargate.vcpu,
      memoryGb: o.fargateMemoryGb ?? base.fargate.memoryGb,
      perTaskConcurrency: o.perTaskConcurrency ?? base.fargate.perTaskConcurrency,
      minTasks: o.minTasks ?? base.fargate.minTasks,
      spot: o.spot ?? base.fargate.spot,
      cpuBusyShare: o.cpuBusyShare ?? base.fargate.cpuBusyShare,
      // A front door on the Lambda side means a load balancer on the Fargate side, as `crossover cost` assumes.
      loadBalancer: o.computeOnly ? 'none' : o.frontDoor === undefined ? base.fargate.loadBalancer : frontDoor === 'none' ? 'none' : 'alb',
    },
  };
}

/** The comparison of a workload with the user's edits (`overrides`) and price overrides (the settings'). */
export function workloadComparison(estimate: Pick<WorkloadEstimate, 'scenario'>, overrides: Overrides, priceOverrides: PriceOverrides): ComparisonData {
  const scenario = applyOverrides(estimate.scenario, overrides);
  const prices = priceBook(scenario.region, priceOverrides);
  const c = compare(scenario, prices);
  const read = pricesRead(c, prices);
  return {
    report: comparisonReport(
      c,
      scenario,
      crossovers(scenario, prices),
      read.date,
      read.notes,
      read.used,
      verdictFlips(scenario, prices),
      overrides.computeOnly,
    ),
    platforms: c.platforms.map((p) => ({
      id: p.platform,
      label: platformById(p.platform)?.label ?? p.platform,
      monthlyUsd: p.monthlyUsd,
      parts: p.parts,
      deployment: p.deployment,
    })),
    sweep: sweep(scenario, prices, SWEEP_POINTS),
    scenario,
    regions: regions(),
    available: offeredPlatforms(scenario)
      .filter((p) => p.id !== 'lambda' && p.id !== 'ecs-fargate')
      .map((p) => ({ id: p.id, label: p.label })),
  };
}

/** A workload's figures in the workspace summary: where it runs and its cost there, the typical traffic, and the recommendation at it. */
export interface SummaryFigures {
  lambdaUsd: number;
  fargateUsd: number;
  fargateTasks: number;
  requestsPerMonth: number;
  /** `none`: capacity (an EKS node group) with no traffic of its own. */
  traffic: 'given' | 'assumed' | 'none';
  /** `none`: capacity, nothing to compare. */
  recommendation: 'lambda' | 'fargate' | 'either' | 'none';
  /** The platform the recommendation names (the cheapest that meets the hard constraints), by its label. */
  recommendedPlatform?: string;
  /** Platforms beyond Lambda and Fargate at the typical traffic (only when some are registered). */
  platforms?: { id: string; label: string; monthlyUsd: number }[];
  /** The platform its template deploys it to, by its label. */
  runsOn: string;
  /** Its monthly cost there (as written): what the summary's and the status bar's totals sum. */
  homeUsd: number;
  /** The cheapest platform at the typical traffic (absent for capacity). */
  cheapest?: { id: string; label: string; monthlyUsd: number };
  /** What moving to the cheapest would save: only when the usage file gives the traffic (else 0). */
  savingUsd: number;
}

export function workloadSummary(estimate: WorkloadEstimate, workload: { fn?: LambdaFunction; task?: EcsTaskDefinition }): SummaryFigures {
  // The estimate's own figures and crossovers (no chart sweep, no sensitivity solve): the summary computes this for
  // every workload of the workspace on every change, on the extension host. Its prices are the estimate's, which
  // already carry the user's overrides.
  const report = comparisonReport(estimate.typical, estimate.scenario, estimate.crossovers, estimate.priceDate, estimate.notes, estimate.prices, []);
  const extra = new Set(extraPlatforms().map((p) => p.id));
  const others = estimate.typical.platforms.filter((p) => extra.has(p.platform));
  const written = asWritten({ runsOn: estimate.runsOn, estimate });
  return {
    lambdaUsd: estimate.typical.lambda.monthlyUsd,
    fargateUsd: estimate.typical.fargate.monthlyUsd,
    fargateTasks: estimate.typical.fargate.tasks,
    requestsPerMonth: estimate.typical.requestsPerMonth,
    traffic: estimate.traffic,
    ...recommended(decide(workload, estimate.scenario, report).recommendation),
    ...(others.length
      ? { platforms: others.map((p) => ({ id: p.platform, label: platformById(p.platform)?.label ?? p.platform, monthlyUsd: p.monthlyUsd })) }
      : {}),
    runsOn: written.home.label,
    homeUsd: written.homeUsd,
    ...(written.cheapest ? { cheapest: written.cheapest } : {}),
    savingUsd: written.savingUsd,
  };
}

/** Capacity in the summary (an EKS node group): its own cost as written, nothing to compare. */
export function capacitySummary(w: Pick<CountedWorkload, 'runsOn' | 'ownUsd'>): SummaryFigures {
  const written = asWritten(w);
  return {
    lambdaUsd: 0,
    fargateUsd: 0,
    fargateTasks: 0,
    requestsPerMonth: 0,
    traffic: 'none',
    recommendation: 'none',
    runsOn: written.home.label,
    homeUsd: written.homeUsd,
    savingUsd: 0,
  };
}

function recommended(r: ReturnType<typeof decide>['recommendation']): Pick<SummaryFigures, 'recommendation' | 'recommendedPlatform'> {
  return { recommendation: r.side, ...(r.platform ? { recommendedPlatform: r.platform.label } : {}) };
}
