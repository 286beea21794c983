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
import { fargateCost, frontDoorCost, natGatewayCost, rdsProxyCost, requiredConcurrency, SECONDS_PER_MONTH, type Scenario } from './model.js';
import { LAMBDA_LIMITS } from '../data/limits.js';
import { tieredCost, type PriceBook } from './price-book.js';

const INCLUDED_EPHEMERAL_MB = LAMBDA_LIMITS.includedEphemeralStorageMb.value;

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
  const provisionedCapacity =
    s.lambda.provisionedConcurrency > 0 && billedSeconds > 0 ? (s.lambda.provisionedConcurrency * SECONDS_PER_MONTH) / billedSeconds : 0;
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
  const tierKey =
    door === 'rest-api'
      ? 'apigw.restPerMillion'
      : door === 'http-api'
        ? 'apigw.httpPerMillion'
        : door === 'websocket-api'
          ? 'apigw.websocketMessagesPerMillion'
          : undefined;
  if (tierKey) for (const [from] of prices.tiers(tierKey)) if (from > 0) points.push(from / perRequest);
  return points;
}

/**
 * Both totals as functions of monthly requests, everything else fixed: the constants of lambdaCost and
 * fargateCost worked out once, so a chart sweep or the solver costs a few multiplications per point.
 * A unit test checks they agree with lambdaCost / fargateCost.
 */
export function totalsOf(s: Scenario, prices: PriceBook): { lambda: (r: number) => number; fargate: (r: number) => number } {
  const arch = s.lambda.architecture;
  const billedSeconds = Math.ceil(Math.max(0, s.durationMs)) / 1000;
  const memoryGb = s.lambda.memoryMb / 1024;
  const gbsPerRequest = billedSeconds * memoryGb;
  const pc = s.lambda.provisionedConcurrency;
  const durationTiers = prices.tiers(`lambda.durationPerGbSecond.${arch}`);
  const requestPrice = prices.number('lambda.requestPerMillion') / 1e6;
  const provisionedCost = pc > 0 ? pc * memoryGb * SECONDS_PER_MONTH * prices.number(`lambda.provisionedConcurrencyPerGbSecond.${arch}`) : 0;
  const provisionedCapacity = pc > 0 ? (billedSeconds > 0 ? (pc * SECONDS_PER_MONTH) / billedSeconds : Infinity) : 0;
  const provisionedDuration = pc > 0 ? gbsPerRequest * prices.number(`lambda.provisionedDurationPerGbSecond.${arch}`) : 0;
  const ephemeralPerRequest =
    s.lambda.ephemeralStorageMb > INCLUDED_EPHEMERAL_MB
      ? ((s.lambda.ephemeralStorageMb - INCLUDED_EPHEMERAL_MB) / 1024) * billedSeconds * prices.number('lambda.ephemeralStoragePerGbSecond')
      : 0;
  const rdsProxy = s.lambda.rdsProxyVcpu > 0 ? rdsProxyCost(s.lambda.rdsProxyVcpu, prices) : 0;
  const freeRequests = s.freeTier ? prices.global('lambda.freeTier.requests') : 0;
  const freeGbs = s.freeTier ? prices.global('lambda.freeTier.gbSeconds') : 0;
  // The front door as a function of requests; the ALB's LCUs are linear in requests.
  const door = s.lambda.frontDoor;
  const one = (r: number) => withRequests(s, r);
  let frontDoor: (r: number) => number = () => 0;
  if (door === 'rest-api' || door === 'http-api' || door === 'websocket-api') {
    const perRequest =
      door === 'rest-api'
        ? 1
        : door === 'http-api'
          ? Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.httpMeteringIncrementKb')))
          : Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.websocketMeteringIncrementKb')));
    const tiers = prices.tiers(
      door === 'rest-api' ? 'apigw.restPerMillion' : door === 'http-api' ? 'apigw.httpPerMillion' : 'apigw.websocketMessagesPerMillion',
    );
    frontDoor = (r) => tieredCost(r * perRequest, tiers, 1e6);
  } else if (door === 'alb') {
    const base = frontDoorCost('alb', one(0), prices, true).cost;
    const slope = (frontDoorCost('alb', one(1e9), prices, true).cost - base) / 1e9;
    frontDoor = (r) => base + slope * r;
  }
  const lambda = (r: number): number => {
    const served = pc > 0 ? Math.min(r, provisionedCapacity) : 0;
    const onDemandGbs = (r - served) * gbsPerRequest;
    let total =
      r * requestPrice +
      tieredCost(onDemandGbs, durationTiers) +
      served * provisionedDuration +
      provisionedCost +
      r * ephemeralPerRequest +
      frontDoor(r) +
      rdsProxy;
    if (s.freeTier) total -= Math.min(r, freeRequests) * requestPrice + tieredCost(Math.min(onDemandGbs, freeGbs), durationTiers);
    return total;
  };

  const singleTask = fargateCost(withRequests({ ...s, fargate: { ...s.fargate, tasks: 1, loadBalancer: 'none', natGateway: false } }, 0), prices);
  const natBase = s.fargate.natGateway ? natGatewayCost(one(0), prices) : 0;
  const natSlope = s.fargate.natGateway ? (natGatewayCost(one(1e9), prices) - natBase) / 1e9 : 0;
  const taskCost = singleTask.monthlyUsd;
  const lbBase = s.fargate.loadBalancer === 'alb' ? frontDoorCost('alb', one(0), prices, false).cost : 0;
  const lbSlope = s.fargate.loadBalancer === 'alb' ? (frontDoorCost('alb', one(1e9), prices, false).cost - lbBase) / 1e9 : 0;
  const fixed = s.fargate.tasks;
  const c = requiredConcurrency(one(1)) / Math.max(s.fargate.perTaskConcurrency, 1e-9);
  const fargate = (r: number): number => {
    const tasks = fixed !== null ? fixed : Math.max(s.fargate.minTasks, Math.ceil(c * Math.max(0, r) - 1e-9));
    return tasks * taskCost + lbBase + lbSlope * r + natBase + natSlope * r;
  };
  return { lambda, fargate };
}

export function findCrossover(s: Scenario, prices: PriceBook, range: readonly [number, number] = SWEEP_RANGE): Crossover {
  const [lo, hi] = range;
  const { lambda, fargate } = totalsOf(s, prices);
  if (lambda(lo) >= fargate(lo)) return { kind: 'fargate-cheaper-throughout' };

  // Fargate = g0 + gamma * r + taskCost * tasks(r), tasks(r) = max(minTasks, ceil(c * r)) (or fixed).
  const single = fargateCost(withRequests({ ...s, fargate: { ...s.fargate, tasks: 1 } }, 0), prices);
  const taskCost = single.breakdown.compute + single.breakdown.ephemeralStorage;
  const lb = (r: number) =>
    (s.fargate.loadBalancer === 'alb' ? frontDoorCost('alb', withRequests(s, r), prices, false).cost : 0) +
    (s.fargate.natGateway ? natGatewayCost(withRequests(s, r), prices) : 0);
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
  const result: Sweep = { requestsPerMonth: new Array<number>(points), lambda: new Array<number>(points), fargate: new Array<number>(points) };
  const { lambda, fargate } = totalsOf(s, prices);
  const step = points > 1 ? Math.log(hi / lo) / (points - 1) : 0;
  for (let i = 0; i < points; i++) {
    const r = lo * Math.exp(step * i);
    result.requestsPerMonth[i] = r;
    result.lambda[i] = lambda(r);
    result.fargate[i] = fargate(r);
  }
  return result;
}
