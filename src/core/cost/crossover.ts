/**
 * Where Lambda (the reference) and each other platform are cheaper as monthly requests grow, everything else
 * fixed; and a traffic sweep for charts.
 *
 * Every total is piecewise linear in requests: Lambda bends at its tier boundaries (duration tiers, the free
 * tier, API Gateway tiers, provisioned concurrency running full); a fleet (Fargate) is a sum of staircases, one
 * per traffic level of the day (one more task each time that hour's concurrency passes a multiple of the
 * per-task capacity), on a linear part (load balancer, NAT gateways, logs). A staircase can cross Lambda's line
 * many times, so the answer is the set of volumes where each side is cheaper. Between bends the difference lies
 * between two straight lines one task-month apart: outside the band between them the cheaper side is certain;
 * inside it the steps are walked exactly (or, past a few thousand steps, the band is reported as "mixed": the
 * sides alternate within one task's monthly cost).
 */
import { type Scenario } from './model.js';
import { type PriceBook } from './price-book.js';
import { ecsFargatePlatform, lambdaPlatform, otherPlatforms, platforms, type Platform, type PlatformCurve } from './platforms/index.js';
import { fleetUnits, unitsAtLevel, type Fleet } from './platforms/types.js';

const SWEEP_RANGE: readonly [number, number] = [1_000, 1e11];
/** Steps walked one by one inside an uncertain band before it is reported as mixed. */
const STEP_BUDGET = 20_000;

/** A range of monthly requests and the side that is cheaper there (`other`: cheaper or equal). */
export interface VerdictRange {
  from: number;
  to: number;
  cheaper: 'lambda' | 'other' | 'mixed';
  /** For a mixed range: the sides are within this many dollars of each other (one task-month). */
  withinUsd?: number;
}

export type Crossover =
  /**
   * The other platform is cheaper from `requestsPerMonth` on, except in `exceptions` (where Lambda is cheaper
   * again); `staysCheaperFrom` is the volume from which it is cheaper up to the top of the range (null when
   * Lambda is cheaper again at the top).
   */
  | { kind: 'point'; requestsPerMonth: number; staysCheaperFrom: number | null; exceptions: VerdictRange[]; ranges: VerdictRange[] }
  /** Lambda is cheaper across the whole range. */
  | { kind: 'lambda-cheaper-throughout'; ranges: VerdictRange[] }
  /** The other platform is cheaper (or equal) across the whole range. */
  | { kind: 'fargate-cheaper-throughout'; ranges: VerdictRange[] };

/**
 * The Lambda and Fargate totals as functions of monthly requests (each platform's curve). A unit test checks
 * they agree with lambdaCost / fargateCost.
 */
export function totalsOf(s: Scenario, prices: PriceBook): { lambda: (r: number) => number; fargate: (r: number) => number } {
  return { lambda: lambdaPlatform.curve(s, prices).total, fargate: ecsFargatePlatform.curve(s, prices).total };
}

/** Where Fargate is cheaper than Lambda. */
export function findCrossover(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  return crossoverWith(ecsFargatePlatform, s, prices, range);
}

/** The crossover of every platform but Lambda, by platform id. */
export function crossovers(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Record<string, Crossover> {
  return Object.fromEntries(otherPlatforms(s).map((p) => [p.id, crossoverWith(p, s, prices, range)]));
}

function crossoverWith(platform: Platform, s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  return verdictOf(verdictRanges(lambdaPlatform.curve(s, prices), platform.curve(s, prices), range));
}

/** The ranges as a crossover: where the other side first gets cheaper, where it stays cheaper, and the exceptions. */
export function verdictOf(ranges: VerdictRange[]): Crossover {
  const first = ranges.findIndex((r) => r.cheaper !== 'lambda');
  if (first < 0) return { kind: 'lambda-cheaper-throughout', ranges };
  if (ranges.every((r) => r.cheaper === 'other')) return { kind: 'fargate-cheaper-throughout', ranges };
  const last = ranges[ranges.length - 1]!;
  return {
    kind: 'point',
    requestsPerMonth: ranges[first]!.from,
    staysCheaperFrom: last.cheaper === 'other' ? last.from : null,
    exceptions: ranges.slice(first + 1).filter((r) => r.cheaper !== 'other'),
    ranges,
  };
}

/** The cheaper side over [lo, hi], as consecutive ranges (adjacent ranges of the same side merged). */
export function verdictRanges(reference: PlatformCurve, other: PlatformCurve, range: readonly [number, number]): VerdictRange[] {
  const [lo, hi] = range;
  const out: VerdictRange[] = [];
  const push = (from: number, to: number, cheaper: VerdictRange['cheaper'], withinUsd?: number) => {
    if (!(to > from)) return;
    const prev = out[out.length - 1];
    if (prev && prev.cheaper === cheaper && cheaper !== 'mixed') prev.to = to;
    else out.push({ from, to, cheaper, ...(withinUsd !== undefined ? { withinUsd } : {}) });
  };
  const fleet = other.fleet;
  const cuts = new Set<number>([lo, hi, ...reference.bends, ...other.bends]);
  if (fleet && fleet.fixedUnits === null) {
    for (const l of fleet.levels) {
      if (l.perRequest <= 0) continue;
      cuts.add(fleet.minUnits / l.perRequest);
      if (fleet.maxUnits !== null) cuts.add(fleet.maxUnits / l.perRequest);
    }
  }
  const points = [...cuts].filter((p) => p >= lo && p <= hi).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) segment(points[i]!, points[i + 1]!, reference.total, other, push);
  return out;
}

type Push = (from: number, to: number, cheaper: VerdictRange['cheaper'], withinUsd?: number) => void;

/**
 * One segment [a, b] where Lambda is linear and every level of the fleet is either pinned (at its minimum or
 * maximum) or stepping: D(r) = Lambda - other = A r + B - unitCost x sum(share x ceil(perRequest x r)).
 */
function segment(a: number, b: number, lambda: (r: number) => number, other: PlatformCurve, push: Push): void {
  const alpha = (lambda(b) - lambda(a)) / (b - a);
  const beta = lambda(a) - alpha * a;
  const fleet = other.fleet;
  if (!fleet) {
    const gamma = (other.total(b) - other.total(a)) / (b - a);
    linearPiece(a, b, alpha - gamma, beta - (other.total(a) - gamma * a), push);
    return;
  }
  const mid = (a + b) / 2;
  // A fleet whose linear part bends (a front door's tiers) is taken as the line through its ends on each stretch between bends.
  const line = other.bends.length ? linearPartOf(other, fleet, a, b) : fleet;
  let constant = line.fixed;
  const stepping: { share: number; perRequest: number }[] = [];
  for (const l of fleet.fixedUnits !== null ? [] : fleet.levels) {
    const demand = l.perRequest * mid;
    const pinned = demand <= fleet.minUnits || (fleet.maxUnits !== null && Math.ceil(demand - 1e-9) >= fleet.maxUnits);
    if (pinned || l.perRequest <= 0) constant += fleet.unitCost * l.share * unitsAtLevel(fleet, demand);
    else stepping.push(l);
  }
  if (fleet.fixedUnits !== null) constant += fleet.unitCost * fleet.fixedUnits;
  const A = alpha - line.slope;
  const B = beta - constant;
  if (!stepping.length) {
    linearPiece(a, b, A, B, push);
    return;
  }
  // Bounds: ceil(x) in [x, x + 1), so hi(r) = A' r + B >= D(r) > hi(r) - band.
  const Ac = A - fleet.unitCost * stepping.reduce((s, l) => s + l.share * l.perRequest, 0);
  const band = fleet.unitCost * stepping.reduce((s, l) => s + l.share, 0);
  const [p, q] = uncertain(a, b, Ac, B, band);
  if (p >= q) {
    linearPiece(a, b, Ac, B - band / 2, push);
    return;
  }
  if (p > a) linearPiece(a, p, Ac, B - band / 2, push);
  const steps = stepping.reduce((s, l) => s + l.perRequest * (q - p), 0);
  if (steps > STEP_BUDGET) push(p, q, 'mixed', band);
  else walkSteps(p, q, A, B, fleet, stepping, push);
  if (q < b) linearPiece(q, b, Ac, B - band / 2, push);
}

/** The fleet's non-fleet part (total - unit cost x units) over [a, b], where it is linear, as fixed + slope x r. */
function linearPartOf(other: PlatformCurve, fleet: Fleet, a: number, b: number): { fixed: number; slope: number } {
  const at = (r: number) => other.total(r) - fleet.unitCost * fleetUnits(fleet, r);
  const slope = (at(b) - at(a)) / (b - a);
  return { fixed: at(a) - slope * a, slope };
}

/** Where hi(r) = Ac r + B is >= 0 while hi(r) - band < 0, inside [a, b] (empty: p >= q). */
function uncertain(a: number, b: number, Ac: number, B: number, band: number): [number, number] {
  // hi >= 0 and hi < band: B <= -Ac r ... as an interval of r.
  if (Ac === 0) return B >= 0 && B < band ? [a, b] : [b, b];
  const r0 = -B / Ac; // hi = 0
  const r1 = (band - B) / Ac; // hi = band
  const from = Math.max(a, Math.min(r0, r1));
  const to = Math.min(b, Math.max(r0, r1));
  return [from, to];
}

/** A straight piece of D = A r + B over [a, b]: Lambda cheaper where D < 0, the other where D >= 0. */
function linearPiece(a: number, b: number, A: number, B: number, push: Push): void {
  const da = A * a + B;
  const db = A * b + B;
  if (da < 0 === db < 0) {
    push(a, b, da < 0 ? 'lambda' : 'other');
    return;
  }
  const root = Math.min(b, Math.max(a, -B / A));
  push(a, root, da < 0 ? 'lambda' : 'other');
  push(root, b, db < 0 ? 'lambda' : 'other');
}

/** Walks every step of the stepping levels inside [p, q]: between two steps every level's count is constant. */
function walkSteps(p: number, q: number, A: number, B: number, fleet: Fleet, stepping: { share: number; perRequest: number }[], push: Push): void {
  const edges = new Set<number>([p, q]);
  for (const l of stepping) for (let j = Math.ceil(l.perRequest * p); j / l.perRequest < q; j++) if (j / l.perRequest > p) edges.add(j / l.perRequest);
  const sorted = [...edges].sort((x, y) => x - y);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const mid = (from + to) / 2;
    const units = stepping.reduce((s, l) => s + l.share * Math.ceil(l.perRequest * mid - 1e-9), 0);
    linearPiece(from, to, A, B - fleet.unitCost * units, push);
  }
}

export interface Sweep {
  requestsPerMonth: number[];
  lambda: number[];
  fargate: number[];
  /** Platforms beyond Lambda and Fargate, by id (present only when there are any). */
  others?: Record<string, number[]>;
}

/** Every platform's total at `points` monthly request volumes, evenly spaced on a log scale. */
export function sweep(s: Scenario, prices: PriceBook, points = 200, range: readonly [number, number] = SWEEP_RANGE): Sweep {
  const [lo, hi] = range;
  const curves = platforms(s).map((p) => ({ id: p.id, total: p.curve(s, prices).total, values: new Array<number>(points) }));
  const requestsPerMonth = new Array<number>(points);
  const step = points > 1 ? Math.log(hi / lo) / (points - 1) : 0;
  for (let i = 0; i < points; i++) {
    const r = lo * Math.exp(step * i);
    requestsPerMonth[i] = r;
    for (const curve of curves) curve.values[i] = curve.total(r);
  }
  const byId = (id: string) => curves.find((c) => c.id === id)!.values;
  const others = curves.filter((c) => c.id !== lambdaPlatform.id && c.id !== ecsFargatePlatform.id);
  return {
    requestsPerMonth,
    lambda: byId(lambdaPlatform.id),
    fargate: byId(ecsFargatePlatform.id),
    ...(others.length ? { others: Object.fromEntries(others.map((c) => [c.id, c.values])) } : {}),
  };
}
