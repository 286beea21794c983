/**
 * A workload (a Lambda function, or an ECS task definition and its service) from the template + its usage +
 * the user's cost settings -> every platform's figures shown in hovers, CodeLenses and `crossover cost
 * <template>`, with every assumption and where it came from. When the usage file gives no traffic, one number
 * would be false precision: the estimate has low / typical / high bands, typical first.
 */
import { type Assumption } from './assumptions.js';
import { sizingOf, workloadNeeds, type RunsOn, type Workload } from './home.js';
import { crossovers, type Crossover } from './crossover.js';
import { type Scenario } from './model.js';
import { platforms, type PlatformCost } from './platforms/index.js';
import { capacityNotes, type FargateCost } from './platforms/ecs-fargate.js';
import { type LambdaCost } from './platforms/lambda.js';
import { priceBook, type PriceBook, type PriceUsed } from './price-book.js';
import { type RegionalPriceKey } from '../data/price-table.js';
import { verdictFlips, type Flip } from './sensitivity.js';
import { type CostSettings } from './settings.js';
import { type UsageFile } from './usage-file.js';

export interface Comparison {
  requestsPerMonth: number;
  /** Every platform's figure, in the registry's order (Lambda, Fargate, then any others). */
  platforms: PlatformCost[];
  /** Views of the two built-in platforms' entries. */
  lambda: LambdaCost;
  fargate: FargateCost;
  /** Of Lambda and Fargate. */
  cheaper: 'lambda' | 'fargate' | 'equal';
}

export interface WorkloadEstimate {
  id: string;
  /** `given`: the usage file sets the traffic; `assumed`: the bands from settings or defaults. */
  traffic: 'given' | 'assumed';
  typical: Comparison;
  low?: Comparison;
  high?: Comparison;
  /** Where Fargate becomes cheaper than Lambda (`crossovers['ecs-fargate']`). */
  crossover: Crossover;
  /** Where each platform but Lambda becomes cheaper than Lambda, by platform id. */
  crossovers: Record<string, Crossover>;
  scenario: Scenario;
  assumptions: Assumption[];
  notes: string[];
  priceDate: string;
  /** Every price the typical figures read, with its provenance, region, date and sources. */
  prices: PriceUsed[];
  region: string;
  /** Assumptions that flip the verdict at the typical traffic within their plausible range. */
  flips: Flip[];
  /** Where the workload runs today (its template says so) and its size there; that platform is always in `typical.platforms`. */
  runsOn: RunsOn;
}

export function compare(scenario: Scenario, prices: PriceBook): Comparison {
  return comparison(
    scenario,
    platforms(scenario).map((p) => p.cost(scenario, prices)),
  );
}

/** `compare` a platform a step (the first estimate of a session compiles each platform's model: tens of milliseconds in all on a busy machine). */
function* compareSteps(scenario: Scenario, prices: PriceBook): Generator<void, Comparison, void> {
  const all: PlatformCost[] = [];
  for (const p of platforms(scenario)) {
    all.push(p.cost(scenario, prices));
    yield;
  }
  return comparison(scenario, all);
}

function comparison(scenario: Scenario, all: PlatformCost[]): Comparison {
  const lambda = all.find((c) => c.platform === 'lambda') as LambdaCost;
  const fargate = all.find((c) => c.platform === 'ecs-fargate') as FargateCost;
  const diff = lambda.monthlyUsd - fargate.monthlyUsd;
  return {
    requestsPerMonth: scenario.requestsPerMonth,
    platforms: all,
    lambda,
    fargate,
    cheaper: Math.abs(diff) < 0.005 ? 'equal' : diff < 0 ? 'lambda' : 'fargate',
  };
}

/**
 * The costed platforms cheapest first (ties in the registry's order), leaving out a figure with a part the region
 * could not price: a lower bound is never named the cheapest.
 */
export function ranking(c: Pick<Comparison, 'platforms'>): PlatformCost[] {
  return c.platforms
    .filter((p) => !p.incomplete)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.monthlyUsd - b.p.monthlyUsd || a.i - b.i)
    .map(({ p }) => p);
}

/** What the costed platforms say must go with their figures (a price a region lacks, a status), once each. */
export function platformNotes(c: Comparison): string[] {
  return [...new Set(c.platforms.flatMap((p) => p.notes ?? []))];
}

/** Every catalogue price (EC2, EKS, App Runner) a comparison read, once each. */
export function catalogueKeysOf(c: Comparison): string[] {
  return [...new Set(c.platforms.flatMap((p) => p.catalogueKeys ?? []))];
}

/**
 * What a comparison read and must say with its figures: the dates of its own prices, every price used (regional and
 * catalogue) with its provenance, and the notes (each platform's, the fleet's capacity, the prices').
 */
export function pricesRead(c: Comparison, prices: PriceBook): { date: string; used: PriceUsed[]; notes: string[] } {
  const read = readOf(prices, priceKeysOf(c), catalogueKeysOf(c));
  return { date: read.date, used: [...read.used], notes: [...capacityNotes(c.fargate), ...platformNotes(c), ...read.notes] };
}

/**
 * Per price book, what a set of prices says (its dates, each price with its provenance, the prices' notes): the same
 * few sets for every workload of a workspace, so each is worked out once (the objects of `used` are shared, never
 * changed).
 */
const readCache = new WeakMap<PriceBook, Map<string, { date: string; used: readonly PriceUsed[]; notes: readonly string[] }>>();

function readOf(prices: PriceBook, keys: readonly RegionalPriceKey[], catalogue: readonly string[]) {
  let byKeys = readCache.get(prices);
  if (!byKeys) readCache.set(prices, (byKeys = new Map()));
  const id = `${keys.join(' ')}|${catalogue.join(' ')}`;
  let read = byKeys.get(id);
  if (!read) {
    read = { date: prices.dateFor(keys, catalogue), used: [...prices.used(keys), ...prices.catalogueUsed(catalogue)], notes: prices.notesFor(keys) };
    if (byKeys.size >= 256) byKeys.clear();
    byKeys.set(id, read);
  }
  return read;
}

/** Every price a comparison read, once each. */
export function priceKeysOf(c: Comparison): RegionalPriceKey[] {
  return [...new Set(c.platforms.flatMap((p) => p.priceKeys))];
}

export type { RunsOn, Workload } from './home.js';

/** A workload's estimate; undefined for a task definition (or service) whose CPU or memory is not static. */
export function estimateWorkload(
  workload: Workload & { kind: 'lambda-function' },
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
): WorkloadEstimate;
export function estimateWorkload(workload: Workload, templatePath: string, usage: UsageFile, settings: CostSettings): WorkloadEstimate | undefined;
export function estimateWorkload(workload: Workload, templatePath: string, usage: UsageFile, settings: CostSettings): WorkloadEstimate | undefined {
  const steps = estimateSteps(workload, templatePath, usage, settings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `estimateWorkload` in steps, for a host that hands control back between them: the workload's needs, then each
 * platform's typical figure, then the rest (the same computations in the same order).
 */
export function* estimateSteps(
  workload: Workload,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
): Generator<void, WorkloadEstimate | undefined, void> {
  const needs = workloadNeeds(workload, templatePath, usage, settings);
  if (!needs) return undefined;
  yield;
  const { scenario, givenRequests } = needs;
  const region = scenario.region;
  const prices = priceBook(region, settings.priceOverrides);
  const at = (requestsPerMonth: number) => compare({ ...scenario, requestsPerMonth }, prices);
  const typical = yield* compareSteps({ ...scenario, requestsPerMonth: scenario.requestsPerMonth }, prices);
  const estimate: WorkloadEstimate = {
    id: needs.id,
    traffic: givenRequests !== undefined ? 'given' : 'assumed',
    typical,
    // These five replaced below by getters that work them out once, when first read.
    crossover: undefined as unknown as Crossover,
    crossovers: {},
    scenario,
    assumptions: [],
    notes: [],
    priceDate: '',
    prices: [],
    region,
    flips: [],
    runsOn: { platform: needs.home.platform, sizing: sizingOf(needs.home.platform, typical, scenario), evidence: needs.home.evidence },
  };
  // The prices read (their dates, sources and notes) and the assumptions, worded when first read: the workspace
  // figures of the scanned files (the status total) read none of them.
  let read: ReturnType<typeof pricesRead> | undefined;
  const readPrices = () => (read ??= pricesRead(typical, prices));
  let assumptions: Assumption[] | undefined;
  let notes: string[] | undefined;
  // The workload's own assumptions, then what each platform adds (the platform modules word their own).
  Object.defineProperty(estimate, 'assumptions', { enumerable: true, get: () => (assumptions ??= [...needs.assumptions(), ...platformAssumptions(scenario)]) });
  Object.defineProperty(estimate, 'notes', { enumerable: true, get: () => (notes ??= [...needs.notes, ...readPrices().notes]) });
  Object.defineProperty(estimate, 'priceDate', { enumerable: true, get: () => readPrices().date });
  Object.defineProperty(estimate, 'prices', { enumerable: true, get: () => readPrices().used });
  // Worked out when first read (a hover, a report, the CLI): the scan estimates every workload, most never shown.
  // So are the crossovers: solving each platform's verdict against Lambda is the dearest part of an estimate, and the
  // CodeLens, the status bar and the summary do not read it.
  let flips: Flip[] | undefined;
  let solved: Record<string, Crossover> | undefined;
  const solve = () => (solved ??= crossovers(scenario, prices));
  Object.defineProperty(estimate, 'flips', { enumerable: true, get: () => (flips ??= verdictFlips(scenario, prices)) });
  Object.defineProperty(estimate, 'crossovers', { enumerable: true, get: solve });
  Object.defineProperty(estimate, 'crossover', { enumerable: true, get: () => solve()['ecs-fargate']! });
  // The low and high bands too: the lenses of open files and the reports read them, the workspace's other files
  // (the scan estimates all of them) and the status total do not, and they are two thirds of the comparisons.
  if (givenRequests === undefined) {
    let low: Comparison | undefined;
    let high: Comparison | undefined;
    Object.defineProperty(estimate, 'low', { enumerable: true, get: () => (low ??= at(settings.traffic.low)) });
    Object.defineProperty(estimate, 'high', { enumerable: true, get: () => (high ??= at(settings.traffic.high)) });
  }
  return estimate;
}

/** What each registered platform assumes beyond the workload (its sizing, its pricing model), as it says it. */
function platformAssumptions(scenario: Scenario): Assumption[] {
  return platforms(scenario).flatMap((p) =>
    (p.assumptions?.(scenario) ?? []).map((a): Assumption => ({ name: `${p.label}: ${a.name}`, value: a.value, source: a.source ?? 'default' })),
  );
}
