/**
 * A workspace's typical monthly figures summed over its workloads. The headline is what the workspace costs AS
 * WRITTEN: each workload on the platform its template deploys it to (`runsOn`: a function on Lambda, an ECS service on
 * Fargate or EC2, an Express Mode or App Runner service on its platform, an EKS node group at its own cost), each
 * counted once (a task definition run by a service is that service's row). Beside it, what moving would save: for each
 * workload whose traffic the usage file gives and whose cheapest platform at that traffic is not its home, the home
 * figure less the cheapest; workloads on assumed traffic are counted, not summed into the savings. Lambda's
 * always-free tier is subtracted once (it is one per account: 1M requests and 400,000 GB-s a month across every
 * function), never per function, from the functions that run on Lambda.
 */
import { ranking, type WorkloadEstimate } from './estimate.js';
import { homeCost, type CapacityCost, type RunsOn } from './home.js';
import { extraPlatforms, platformById } from './platforms/index.js';
import { priceBook, type PriceOverrides } from './price-book.js';
import { runToEnd } from './workloads.js';
import { type EcsService, type EcsTaskDefinition } from '../model/nodes.js';
import { type Architecture } from './model.js';

/** The kinds of row the workspace counts (one per workload; a node group is capacity at its own cost). */
export type CountedKind = 'lambda-function' | 'ecs-task-definition' | 'ecs-service' | 'ecs-express-service' | 'app-runner-service' | 'eks-nodegroup';

/** One workload as the workspace runs it, counted once. */
export interface CountedWorkload {
  id: string;
  kind: CountedKind;
  runsOn: RunsOn;
  /** Absent for a node group (capacity, no workload to compare). */
  estimate?: WorkloadEstimate;
  /** A node group's own monthly cost (absent when its instance type is not static). */
  ownUsd?: number;
}

/** A workload's figures as written: its home cost and, at its typical traffic, the cheapest platform and the saving. */
export interface AsWritten {
  /** The home platform's id and label. */
  home: { id: string; label: string };
  /** Its monthly cost where it runs today, at the typical traffic. */
  homeUsd: number;
  /** `none`: a node group (no traffic to speak of). */
  traffic: 'given' | 'assumed' | 'none';
  /** The cheapest platform at the typical traffic (absent for a node group). */
  cheapest?: { id: string; label: string; monthlyUsd: number };
  /** Home less the cheapest when the traffic is given and the cheapest is not home; else 0 (assumed traffic saves nothing yet). */
  savingUsd: number;
}

/** The workspace's typical monthly figures: as written and the savings, then every workload on Lambda, on Fargate and on each further platform. */
export interface WorkspaceTotal {
  /** What the workspace costs as written (home platforms, each workload once, the free tier credit included). */
  asWritten: number;
  /** The as-written figure split by home platform, in the registry's order, with how many workloads run there. */
  byPlatform: { id: string; label: string; usd: number; workloads: number }[];
  /** What moving the candidates (traffic given, cheapest elsewhere) would save. */
  saving: number;
  /** Workloads with given traffic whose cheapest platform is not their home. */
  candidates: number;
  /** Workloads counted (functions, services, task definitions alone, node groups). */
  workloads: number;
  /** Every workload on Lambda, after the free tier credit (when on): the old headline, kept for compatibility. */
  lambda: number;
  /** Every workload on Fargate. */
  fargate: number;
  /** Platforms beyond Lambda and Fargate, in the registry's order. */
  others: { id: string; label: string; usd: number }[];
  /** Workloads with an estimate (all but node groups). */
  functions: number;
  /** Workloads whose traffic is assumed (not in a usage file): left out of the savings. */
  assumed: number;
  /** The account's free tier, subtracted once from the functions on Lambda, as written (zero or negative; 0 when the setting is off). */
  freeTierCredit: number;
  /** The free tier as the Lambda column takes it: from every workload's Lambda figure (zero or negative). */
  lambdaFreeTierCredit: number;
}

export function emptyTotal(): WorkspaceTotal {
  return {
    asWritten: 0,
    byPlatform: [],
    saving: 0,
    candidates: 0,
    workloads: 0,
    lambda: 0,
    fargate: 0,
    others: [],
    functions: 0,
    assumed: 0,
    freeTierCredit: 0,
    lambdaFreeTierCredit: 0,
  };
}

const labelOf = (id: string) => platformById(id)?.label ?? id;

/**
 * The figures of each estimate already added up: the status bar's total is recomputed after every change, and the
 * estimates of what did not change are the same objects (the editor keeps them between versions).
 */
const writtenOf = new WeakMap<WorkloadEstimate, AsWritten>();

/** A workload's figures as written (see AsWritten). */
export function asWritten(w: Pick<CountedWorkload, 'runsOn' | 'estimate' | 'ownUsd'>): AsWritten {
  const e = w.estimate;
  if (e && w.runsOn === e.runsOn) {
    let figures = writtenOf.get(e);
    if (!figures) writtenOf.set(e, (figures = figuresAsWritten(w)));
    return figures;
  }
  return figuresAsWritten(w);
}

function figuresAsWritten(w: Pick<CountedWorkload, 'runsOn' | 'estimate' | 'ownUsd'>): AsWritten {
  const home = { id: w.runsOn.platform, label: labelOf(w.runsOn.platform) };
  const e = w.estimate;
  if (!e) return { home, homeUsd: w.ownUsd ?? 0, traffic: 'none', savingUsd: 0 };
  const homeUsd = homeCost(e.typical, e.runsOn)?.monthlyUsd ?? 0;
  const first = ranking(e.typical)[0];
  const cheapest = first ? { id: first.platform, label: labelOf(first.platform), monthlyUsd: first.monthlyUsd } : undefined;
  const savingUsd = e.traffic === 'given' && cheapest && cheapest.id !== home.id ? Math.max(0, homeUsd - cheapest.monthlyUsd) : 0;
  return { home, homeUsd, traffic: e.traffic, ...(cheapest ? { cheapest } : {}), savingUsd };
}

/**
 * The workloads of a template's costs, each once: every function; every service (the task definition it runs is
 * its row, not a second one); a task definition no service runs, alone; every Express Mode and App Runner service;
 * every EKS node group with its own cost (a Fargate profile prices nothing and is left out).
 */
export function countedWorkloads(costs: {
  functions: readonly { fn: { id: string }; estimate: WorkloadEstimate }[];
  tasks: readonly { node: EcsTaskDefinition | EcsService; task: EcsTaskDefinition; estimate: WorkloadEstimate }[];
  services: readonly { node: { id: string; kind: 'ecs-express-service' | 'app-runner-service' }; estimate: WorkloadEstimate }[];
  capacity?: readonly CapacityCost[];
}): CountedWorkload[] {
  const served = new Set(costs.tasks.filter((t) => t.node.kind === 'ecs-service').map((t) => t.task.id));
  return [
    ...costs.functions.map((f) => ({ id: f.fn.id, kind: 'lambda-function' as const, runsOn: f.estimate.runsOn, estimate: f.estimate })),
    ...costs.tasks
      .filter((t) => t.node.kind === 'ecs-service' || !served.has(t.task.id))
      .map((t) => ({ id: t.node.id, kind: t.node.kind, runsOn: t.estimate.runsOn, estimate: t.estimate })),
    ...costs.services.map((s) => ({ id: s.node.id, kind: s.node.kind, runsOn: s.estimate.runsOn, estimate: s.estimate })),
    ...(costs.capacity ?? [])
      .filter((c) => c.node.kind === 'eks-nodegroup' && c.own)
      .map((c) => ({ id: c.node.id, kind: 'eks-nodegroup' as const, runsOn: c.runsOn, ownUsd: c.own!.monthlyUsd })),
  ];
}

/** What a free tier shares out: one workload's Lambda requests and GB-seconds, at its region's and architecture's prices. */
export interface FreeTierUse {
  region: string;
  architecture: Architecture;
  requests: number;
  gbSeconds: number;
  /** Whether it runs on Lambda as written (the as-written credit counts only these). */
  onLambda: boolean;
}

/**
 * One workload's part of the workspace total: a few numbers, small enough to keep for every workload of a workspace
 * of thousands of files (the editor keeps these, not the estimates, for the files nobody has open).
 */
export interface TotalFigures {
  home: { id: string; label: string };
  homeUsd: number;
  savingUsd: number;
  /** The cheapest platform at the typical traffic (absent for a node group). */
  cheapest?: { id: string; label: string; monthlyUsd: number };
  /** Absent for a node group (capacity, no estimate). */
  estimated?: {
    lambdaUsd: number;
    fargateUsd: number;
    /** Its figures on the platforms beyond Lambda and Fargate (by id). */
    others: { id: string; usd: number }[];
    assumed: boolean;
    freeTier: FreeTierUse;
  };
}

/** A workload's part of the total (a bare estimate counts as a function where it runs). */
export function totalFigures(w: CountedWorkload | WorkloadEstimate, extra: ReadonlySet<string> = new Set(extraPlatforms().map((p) => p.id))): TotalFigures {
  const counted: CountedWorkload = 'typical' in w ? { id: w.id, kind: 'lambda-function', runsOn: w.runsOn, estimate: w } : w;
  const figures = asWritten(counted);
  const e = counted.estimate;
  const own = { home: figures.home, homeUsd: figures.homeUsd, savingUsd: figures.savingUsd, ...(figures.cheapest ? { cheapest: figures.cheapest } : {}) };
  if (!e) return own;
  const others: { id: string; usd: number }[] = [];
  for (const p of e.typical.platforms) if (extra.has(p.platform)) others.push({ id: p.platform, usd: p.monthlyUsd });
  return {
    ...own,
    estimated: {
      lambdaUsd: e.typical.lambda.monthlyUsd,
      fargateUsd: e.typical.fargate.monthlyUsd,
      others,
      assumed: e.traffic === 'assumed',
      freeTier: {
        region: e.region,
        architecture: e.scenario.lambda.architecture,
        requests: e.typical.requestsPerMonth,
        gbSeconds: e.typical.lambda.gbSeconds,
        onLambda: e.runsOn.platform === 'lambda',
      },
    },
  };
}

/** Adds one workload: its home figure and saving, and its figures on Lambda, Fargate and each further platform. */
export function addToTotal(
  total: WorkspaceTotal,
  w: CountedWorkload | WorkloadEstimate | TotalFigures,
  extra: ReadonlySet<string> = new Set(extraPlatforms().map((p) => p.id)),
): void {
  const figures = 'homeUsd' in w ? w : totalFigures(w, extra);
  total.workloads++;
  total.asWritten += figures.homeUsd;
  const split = total.byPlatform.find((p) => p.id === figures.home.id);
  if (split) {
    split.usd += figures.homeUsd;
    split.workloads++;
  } else total.byPlatform.push({ id: figures.home.id, label: figures.home.label, usd: figures.homeUsd, workloads: 1 });
  total.saving += figures.savingUsd;
  if (figures.savingUsd > 0) total.candidates++;
  const e = figures.estimated;
  if (!e) return;
  total.lambda += e.lambdaUsd;
  total.fargate += e.fargateUsd;
  for (const p of e.others) {
    const entry = total.others.find((o) => o.id === p.id);
    if (entry) entry.usd += p.usd;
    else total.others.push({ id: p.id, label: labelOf(p.id), usd: p.usd });
  }
  total.functions++;
  if (e.assumed) total.assumed++;
}

/**
 * The workspace total of `workloads` (counted once each: see countedWorkloads; bare estimates count as themselves);
 * with `freeTier`, the account's free tier subtracted once from the functions on Lambda: the first 1M requests at
 * the request price and the first 400,000 GB-s at the duration price, shared by the functions in proportion to their
 * GB-s (each at its own region's and architecture's first-tier price). The Lambda column (every workload on Lambda)
 * takes the credit of every workload's Lambda figure, as before.
 */
export function workspaceTotal(
  workloads: readonly (CountedWorkload | WorkloadEstimate | TotalFigures)[],
  freeTier: boolean,
  priceOverrides: PriceOverrides = {},
): WorkspaceTotal {
  return runToEnd(workspaceTotalSteps(workloads, freeTier, priceOverrides));
}

/** How many workloads `workspaceTotalSteps` adds between two steps (each read once: the free tier is summed as they are added). */
const WORKLOADS_PER_STEP = 50;

/**
 * `workspaceTotal` a step at a time (a step every WORKLOADS_PER_STEP workloads), for a host that hands control back
 * between steps. Takes workloads with their estimates, or the figures `totalFigures` keeps of them: the same total.
 */
export function* workspaceTotalSteps(
  workloads: readonly (CountedWorkload | WorkloadEstimate | TotalFigures)[],
  freeTier: boolean,
  priceOverrides: PriceOverrides = {},
): Generator<void, WorkspaceTotal, void> {
  const total = emptyTotal();
  const extra = new Set(extraPlatforms().map((p) => p.id));
  // What the free tier is shared over: every estimate (the Lambda column), and those on Lambda today (as written),
  // summed as the workloads are added. The free requests and GB-s are those of the first one's region.
  const all = freeTierUse();
  const onLambda = freeTierUse();
  for (const [i, w] of workloads.entries()) {
    const figures = 'homeUsd' in w ? w : totalFigures(w, extra);
    addToTotal(total, figures, extra);
    const use = figures.estimated?.freeTier;
    if (freeTier && use) {
      all.add(use, priceOverrides);
      if (use.onLambda) onLambda.add(use, priceOverrides);
    }
    if (i % WORKLOADS_PER_STEP === WORKLOADS_PER_STEP - 1) yield;
  }
  if (all.first) total.lambdaFreeTierCredit = -all.credit(priceOverrides);
  total.lambda += total.lambdaFreeTierCredit;
  if (onLambda.first) {
    total.freeTierCredit = -onLambda.credit(priceOverrides);
    total.asWritten += total.freeTierCredit;
    const lambda = total.byPlatform.find((p) => p.id === 'lambda');
    if (lambda) lambda.usd += total.freeTierCredit;
  }
  total.byPlatform.sort((a, b) => order(a.id) - order(b.id));
  return total;
}

/** A platform's place in the registry (an unknown id last). */
function order(id: string): number {
  const ids = ['lambda', 'ecs-fargate', ...extraPlatforms().map((p) => p.id)];
  const i = ids.indexOf(id);
  return i < 0 ? ids.length : i;
}

/**
 * The requests and GB-s of a set of workloads and what they cost at the first tier, summed one workload at a time; the
 * credit: the account's free requests and GB-s (the prices of the first workload's region), shared in proportion.
 */
function freeTierUse() {
  let requests = 0;
  let requestUsd = 0;
  let gbSeconds = 0;
  let durationUsd = 0;
  let first: FreeTierUse | undefined;
  // The first-tier prices of each region and architecture met, read once (tens of thousands of workloads, a few regions).
  const rates = new Map<string, { request: number; duration: number }>();
  return {
    get first(): FreeTierUse | undefined {
      return first;
    },
    add(u: FreeTierUse, priceOverrides: PriceOverrides): void {
      first ??= u;
      const key = `${u.region}|${u.architecture}`;
      let rate = rates.get(key);
      if (!rate) {
        const prices = priceBook(u.region, priceOverrides);
        rate = { request: prices.number('lambda.requestPerMillion'), duration: prices.number(`lambda.durationPerGbSecond.${u.architecture}`) };
        rates.set(key, rate);
      }
      const r = u.requests;
      requests += r;
      requestUsd += (r * rate.request) / 1e6;
      const gbs = u.gbSeconds;
      gbSeconds += gbs;
      durationUsd += gbs * rate.duration;
    },
    credit(priceOverrides: PriceOverrides): number {
      const prices = priceBook(first!.region, priceOverrides);
      const freeRequests = prices.global('lambda.freeTier.requests');
      const freeGbs = prices.global('lambda.freeTier.gbSeconds');
      const requestCredit = requests > 0 ? (Math.min(requests, freeRequests) / requests) * requestUsd : 0;
      const durationCredit = gbSeconds > 0 ? (Math.min(gbSeconds, freeGbs) / gbSeconds) * durationUsd : 0;
      return requestCredit + durationCredit;
    },
  };
}
