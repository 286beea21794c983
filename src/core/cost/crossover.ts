/**
 * Where Lambda (the reference) stops being the cheaper side as monthly requests grow, everything else
 * fixed, one crossover per other platform; and a traffic sweep for charts.
 *
 * Every total is piecewise linear in requests: Lambda bends at its tier boundaries (duration tiers, the free
 * tier, API Gateway tiers, provisioned concurrency running full); a fleet (Fargate) is a staircase (one more
 * unit each time peak concurrency passes a multiple of the per-unit capacity) on a linear part (the load
 * balancer's LCUs). Between bends, the step in which the difference first turns positive is found in closed
 * form (no loop over the steps, which can number millions), then the point inside it.
 */
import { type Scenario } from './model.js';
import { type PriceBook } from './price-book.js';
import { ecsFargatePlatform, lambdaPlatform, otherPlatforms, platforms, type Platform, type PlatformCurve } from './platforms/index.js';

const SWEEP_RANGE: readonly [number, number] = [1_000, 1e11];

export type Crossover =
  | { kind: 'point'; requestsPerMonth: number }
  /** Lambda is cheaper across the whole range. */
  | { kind: 'lambda-cheaper-throughout' }
  /** The other platform is cheaper (or equal) already at the low end of the range. */
  | { kind: 'fargate-cheaper-throughout' };

/**
 * The Lambda and Fargate totals as functions of monthly requests (each platform's curve). A unit test checks
 * they agree with lambdaCost / fargateCost.
 */
export function totalsOf(s: Scenario, prices: PriceBook): { lambda: (r: number) => number; fargate: (r: number) => number } {
  return { lambda: lambdaPlatform.curve(s, prices).total, fargate: ecsFargatePlatform.curve(s, prices).total };
}

/** Where Fargate becomes cheaper than Lambda. */
export function findCrossover(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  return crossoverWith(ecsFargatePlatform, s, prices, range);
}

/** The crossover of every platform but Lambda, by platform id. */
export function crossovers(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Record<string, Crossover> {
  return Object.fromEntries(otherPlatforms().map((p) => [p.id, crossoverWith(p, s, prices, range)]));
}

/** Where `platform` becomes cheaper than Lambda. */
function crossoverWith(platform: Platform, s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  return solve(lambdaPlatform.curve(s, prices), platform.curve(s, prices), range);
}

function solve(reference: PlatformCurve, other: PlatformCurve, range: readonly [number, number]): Crossover {
  const [lo, hi] = range;
  const lambda = reference.total;
  if (lambda(lo) >= other.total(lo)) return { kind: 'fargate-cheaper-throughout' };

  // Other = g0 + gamma * r + unitCost * units(r), units(r) = max(minUnits, ceil(c * r)) (or fixed). Without a
  // staircase the other total is linear between its bends: g0 and gamma are taken per segment.
  const stairs = other.staircase;
  const unitCost = stairs?.unitCost ?? 0;
  const fixed = stairs ? stairs.fixedUnits : 0;
  const c = stairs?.perRequest ?? 0;
  const minUnits = stairs?.minUnits ?? 0;
  const unitsAt = (r: number) => (fixed !== null ? fixed : Math.max(minUnits, Math.ceil(c * r - 1e-9)));

  const bends = [...reference.bends, ...other.bends];
  const cuts = [lo, ...bends.filter((p) => p > lo && p < hi), hi].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (b <= a) continue;
    const gamma = stairs ? stairs.slope : (other.total(b) - other.total(a)) / (b - a);
    const g0 = stairs ? stairs.fixed : other.total(a) - gamma * a;
    const alpha = (lambda(b) - lambda(a)) / (b - a);
    const A = alpha - gamma;
    const B0 = lambda(a) - alpha * a - g0;
    // D(r) = A r + B0 - unitCost k: Lambda minus the other while k units run.
    const crossingIn = (k: number, start: number, end: number): number | undefined => {
      const dEnd = A * end + B0 - unitCost * k;
      if (dEnd < 0) return undefined;
      if (A <= 0) return start;
      return Math.min(end, Math.max(start, (unitCost * k - B0) / A));
    };
    const ka = unitsAt(a);
    const kb = unitsAt(b);
    if (ka === kb || c === 0) {
      const r = crossingIn(ka, a, b);
      if (r !== undefined) return { kind: 'point', requestsPerMonth: r };
      continue;
    }
    // Steps ka .. kb-1 end at k / c; the last one at b. The difference at a step's end is linear in k.
    const slope = A / c - unitCost;
    let k: number | undefined;
    const h = (kk: number) => A * (kk / c) + B0 - unitCost * kk;
    if (slope > 0) {
      let candidate = Math.max(ka, Math.ceil(-B0 / slope));
      while (candidate > ka && h(candidate - 1) >= 0) candidate--;
      while (candidate < kb && h(candidate) < 0) candidate++;
      if (candidate < kb) k = candidate;
    } else if (h(ka) >= 0) k = ka;
    if (k === undefined) k = kb;
    const start = k === ka ? a : Math.max(a, (k - 1) / c);
    const end = k === kb ? b : k / c;
    const r = crossingIn(k, start, end);
    if (r !== undefined) return { kind: 'point', requestsPerMonth: r };
  }
  return { kind: 'lambda-cheaper-throughout' };
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
  const curves = platforms().map((p) => ({ id: p.id, total: p.curve(s, prices).total, values: new Array<number>(points) }));
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
