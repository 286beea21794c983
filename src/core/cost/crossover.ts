/**
 * Where Lambda stops being the cheaper side as monthly requests grow, everything else fixed; and a
 * traffic sweep for charts.
 *
 * Both totals are piecewise linear in requests: Lambda bends at its tier boundaries (duration tiers,
 * the free tier, API Gateway tiers, provisioned concurrency running full); Fargate is a staircase (one
 * more task each time peak concurrency passes a multiple of the per-task capacity) on a linear part (the
 * load balancer's LCUs). Between Lambda's bends, the step in which the difference first turns positive is
 * found in closed form (no loop over the steps, which can number millions), then the point inside it.
 */
import {
  fargateCost,
  frontDoorCost,
  lambdaCost,
  requiredConcurrency,
  SECONDS_PER_MONTH,
  type Scenario,
} from './model.js';
import { type PriceBook } from './price-book.js';

export const SWEEP_RANGE: readonly [number, number] = [1_000, 1e11];

export type Crossover =
  | { kind: 'point'; requestsPerMonth: number }
  /** Lambda is cheaper across the whole range. */
  | { kind: 'lambda-cheaper-throughout' }
  /** Fargate is cheaper (or equal) already at the low end of the range. */
  | { kind: 'fargate-cheaper-throughout' };

const withRequests = (s: Scenario, requestsPerMonth: number): Scenario => ({ ...s, requestsPerMonth });

/** Requests per month at which the Lambda total bends. */
export function lambdaBreakpoints(s: Scenario, prices: PriceBook): number[] {
  const arch = s.lambda.architecture;
  const billedSeconds = Math.ceil(Math.max(0, s.durationMs)) / 1000;
  const gbsPerRequest = billedSeconds * (s.lambda.memoryMb / 1024);
  const provisionedCapacity = s.lambda.provisionedConcurrency > 0 && billedSeconds > 0 ? (s.lambda.provisionedConcurrency * SECONDS_PER_MONTH) / billedSeconds : 0;
  const points: number[] = [];
  if (provisionedCapacity > 0) points.push(provisionedCapacity);
  if (gbsPerRequest > 0) {
    for (const [from] of prices.tiers(`lambda.durationPerGbSecond.${arch}`)) if (from > 0) points.push(provisionedCapacity + from / gbsPerRequest);
    if (s.freeTier) points.push(provisionedCapacity + prices.global('lambda.freeTier.gbSeconds') / gbsPerRequest);
  }
  if (s.freeTier) points.push(prices.global('lambda.freeTier.requests'));
  const door = s.lambda.frontDoor;
  const perRequest =
    door === 'http-api'
      ? Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.httpMeteringIncrementKb')))
      : door === 'websocket-api'
        ? Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.websocketMeteringIncrementKb')))
        : 1;
  const tierKey = door === 'rest-api' ? 'apigw.restPerMillion' : door === 'http-api' ? 'apigw.httpPerMillion' : door === 'websocket-api' ? 'apigw.websocketMessagesPerMillion' : undefined;
  if (tierKey) for (const [from] of prices.tiers(tierKey)) if (from > 0) points.push(from / perRequest);
  return points;
}

/** Prepared totals as functions of monthly requests (cheap to call many times). */
export function totalsOf(s: Scenario, prices: PriceBook): { lambda: (r: number) => number; fargate: (r: number) => number } {
  return {
    lambda: (r) => lambdaCost(withRequests(s, r), prices).monthlyUsd,
    fargate: (r) => fargateCost(withRequests(s, r), prices).monthlyUsd,
  };
}

export function findCrossover(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  const [lo, hi] = range;
  const lambda = (r: number) => lambdaCost(withRequests(s, r), prices).monthlyUsd;
  const fargate = (r: number) => fargateCost(withRequests(s, r), prices).monthlyUsd;
  if (lambda(lo) >= fargate(lo)) return { kind: 'fargate-cheaper-throughout' };

  // Fargate = g0 + gamma * r + taskCost * tasks(r), tasks(r) = max(minTasks, ceil(c * r)) (or fixed).
  const one = fargateCost(withRequests({ ...s, fargate: { ...s.fargate, tasks: 1 } }, 0), prices);
  const taskCost = one.breakdown.compute + one.breakdown.ephemeralStorage;
  const lb = (r: number) => (s.fargate.loadBalancer === 'alb' ? frontDoorCost('alb', withRequests(s, r), prices, false).cost : 0);
  const g0 = lb(0);
  const gamma = (lb(1e9) - g0) / 1e9;
  const fixed = s.fargate.tasks;
  const c = fixed === null ? requiredConcurrency(withRequests(s, 1)) / Math.max(s.fargate.perTaskConcurrency, 1e-9) : 0;
  const minTasks = fixed ?? s.fargate.minTasks;
  const tasksAt = (r: number) => (fixed !== null ? fixed : Math.max(minTasks, Math.ceil(c * r - 1e-9)));

  const cuts = [lo, ...lambdaBreakpoints(s, prices).filter((p) => p > lo && p < hi), hi].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (b <= a) continue;
    const alpha = (lambda(b) - lambda(a)) / (b - a);
    const A = alpha - gamma;
    const B0 = lambda(a) - alpha * a - g0;
    // D(r) = A r + B0 - taskCost k: Lambda minus Fargate while k tasks run.
    const crossingIn = (k: number, start: number, end: number): number | undefined => {
      const dEnd = A * end + B0 - taskCost * k;
      if (dEnd < 0) return undefined;
      if (A <= 0) return start;
      return Math.min(end, Math.max(start, (taskCost * k - B0) / A));
    };
    const ka = tasksAt(a);
    const kb = tasksAt(b);
    if (ka === kb || c === 0) {
      const r = crossingIn(ka, a, b);
      if (r !== undefined) return { kind: 'point', requestsPerMonth: r };
      continue;
    }
    // Steps ka .. kb-1 end at k / c; the last one at b. The difference at a step's end is linear in k.
    const slope = A / c - taskCost;
    let k: number | undefined;
    const h = (kk: number) => A * (kk / c) + B0 - taskCost * kk;
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
}

/** Both totals at `points` monthly request volumes, evenly spaced on a log scale. */
export function sweep(s: Scenario, prices: PriceBook, points = 200, range: readonly [number, number] = SWEEP_RANGE): Sweep {
  const [lo, hi] = range;
  const result: Sweep = { requestsPerMonth: [], lambda: [], fargate: [] };
  const step = points > 1 ? Math.log(hi / lo) / (points - 1) : 0;
  for (let i = 0; i < points; i++) {
    const r = lo * Math.exp(step * i);
    const scenario = withRequests(s, r);
    result.requestsPerMonth.push(r);
    result.lambda.push(lambdaCost(scenario, prices).monthlyUsd);
    result.fargate.push(fargateCost(scenario, prices).monthlyUsd);
  }
  return result;
}
