/**
 * AWS Lambda, the reference platform: every crossover is where another platform becomes cheaper than this.
 *
 * Lambda = requests + duration (tiered per architecture, billed per ms) + ephemeral storage above 512 MB
 *        + provisioned concurrency (paid while idle, cheaper duration for what it serves) + the front door
 *        (REST / HTTP / WebSocket API, ALB, or a function URL at no charge) + RDS Proxy + public IPv4 (an ALB's
 *        addresses, a NAT gateway's) + NAT gateways when the function runs in a VPC that has them + logs
 *        - the always-free tier (when on) - a Compute Savings Plan discount on duration and provisioned concurrency.
 */
import { LAMBDA_LIMITS } from '../../data/limits.js';
import { tieredCost, type PriceBook } from '../price-book.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type Scenario } from '../model.js';
import { frontDoorBends, frontDoorCost, frontDoorTotal } from './front-door.js';
import { logsCost, natGatewayCost, savingsPlanDiscount } from './shared-costs.js';
import { partsOf, sumParts, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

/** /tmp up to this size is included in the duration price. */
const INCLUDED_EPHEMERAL_MB = LAMBDA_LIMITS.includedEphemeralStorageMb.value;

interface LambdaBreakdown {
  requests: number;
  duration: number;
  frontDoor: number;
  provisionedConcurrency: number;
  ephemeralStorage: number;
  /** Zero or negative. */
  freeTierCredit: number;
  rdsProxy: number;
  natGateway: number;
  publicIpv4: number;
  logs: number;
  /** Zero or negative. */
  savingsPlan: number;
}

export interface LambdaCost extends PlatformCost {
  breakdown: LambdaBreakdown;
  gbSeconds: number;
  /** Average concurrent executions (requests/s x duration). */
  averageConcurrency: number;
}

/** The breakdown's labels, in its order (reports and the CLI name the parts so). */
const LAMBDA_PARTS: Record<keyof LambdaBreakdown, string> = {
  requests: 'Requests',
  duration: 'Duration',
  frontDoor: 'Front door',
  provisionedConcurrency: 'Provisioned concurrency',
  ephemeralStorage: 'Ephemeral storage',
  freeTierCredit: 'Free tier',
  rdsProxy: 'RDS Proxy',
  natGateway: 'NAT gateway',
  publicIpv4: 'Public IPv4',
  logs: 'Logs',
  savingsPlan: 'Savings Plan',
};

export function lambdaCost(s: Scenario, prices: PriceBook): LambdaCost {
  const { memoryMb, architecture: arch, ephemeralStorageMb, provisionedConcurrency: pc, frontDoor } = s.lambda;
  const requests = Math.max(0, s.requestsPerMonth);
  const billedSeconds = Math.ceil(Math.max(0, s.durationMs)) / 1000;
  const memoryGb = memoryMb / 1024;
  const gbsPerRequest = billedSeconds * memoryGb;
  const keys: RegionalPriceKey[] = ['lambda.requestPerMillion', `lambda.durationPerGbSecond.${arch}`];

  // Provisioned concurrency: paid for every second it is configured; requests up to what it can serve
  // at full use are billed at its lower duration price, the rest on demand.
  let provisioned = 0;
  let servedByProvisioned = 0;
  if (pc > 0) {
    keys.push(`lambda.provisionedConcurrencyPerGbSecond.${arch}`, `lambda.provisionedDurationPerGbSecond.${arch}`);
    provisioned = pc * memoryGb * SECONDS_PER_MONTH * prices.number(`lambda.provisionedConcurrencyPerGbSecond.${arch}`);
    servedByProvisioned = billedSeconds > 0 ? Math.min(requests, (pc * SECONDS_PER_MONTH) / billedSeconds) : requests;
  }
  const onDemandGbs = (requests - servedByProvisioned) * gbsPerRequest;
  const durationTiers = prices.tiers(`lambda.durationPerGbSecond.${arch}`);
  const duration =
    tieredCost(onDemandGbs, durationTiers) +
    (pc > 0 ? servedByProvisioned * gbsPerRequest * prices.number(`lambda.provisionedDurationPerGbSecond.${arch}`) : 0);
  const requestCost = (requests * prices.number('lambda.requestPerMillion')) / 1e6;

  let ephemeralStorage = 0;
  if (ephemeralStorageMb > INCLUDED_EPHEMERAL_MB) {
    keys.push('lambda.ephemeralStoragePerGbSecond');
    ephemeralStorage = ((ephemeralStorageMb - INCLUDED_EPHEMERAL_MB) / 1024) * requests * billedSeconds * prices.number('lambda.ephemeralStoragePerGbSecond');
  }

  let freeTierCredit = 0;
  let freeDuration = 0;
  if (s.freeTier) {
    const freeRequests = Math.min(requests, prices.global('lambda.freeTier.requests'));
    freeDuration = tieredCost(Math.min(onDemandGbs, prices.global('lambda.freeTier.gbSeconds')), durationTiers);
    freeTierCredit = -((freeRequests * prices.number('lambda.requestPerMillion')) / 1e6 + freeDuration);
  }

  const door = frontDoorCost(frontDoor, s, prices, true);
  keys.push(...door.keys);
  let rdsProxy = 0;
  if (s.lambda.rdsProxyVcpu > 0) {
    keys.push('rdsProxy.vcpuHour');
    rdsProxy = rdsProxyCost(s.lambda.rdsProxyVcpu, prices);
  }
  const nat = s.lambda.vpc ? natGatewayCost(s, prices) : { cost: 0, ipv4: 0, keys: [] };
  keys.push(...nat.keys);
  const logs = logsCost(s, prices);
  keys.push(...logs.keys);
  const breakdown: LambdaBreakdown = {
    requests: requestCost,
    duration,
    frontDoor: door.cost - (door.ipv4 ?? 0),
    provisionedConcurrency: provisioned,
    ephemeralStorage,
    freeTierCredit,
    rdsProxy,
    natGateway: nat.cost - nat.ipv4,
    publicIpv4: (door.ipv4 ?? 0) + nat.ipv4,
    logs: logs.cost,
    savingsPlan: -(duration - freeDuration + provisioned) * savingsPlanDiscount(s.savingsPlan, 'lambda', prices),
  };
  const parts = partsOf(breakdown, LAMBDA_PARTS);
  const averageConcurrency = (requests / SECONDS_PER_MONTH) * (s.durationMs / 1000);
  return {
    platform: 'lambda',
    monthlyUsd: sumParts(parts),
    parts,
    deployment: { units: averageConcurrency, unit: `${memoryMb} MB ${arch} execution environment`, why: 'scales with requests (average concurrency)' },
    breakdown,
    gbSeconds: onDemandGbs + servedByProvisioned * gbsPerRequest,
    averageConcurrency,
    priceKeys: [...new Set(keys)],
  };
}

/** RDS Proxy: per vCPU-hour of the database behind it, for at least 2 vCPUs, all month. */
function rdsProxyCost(vcpu: number, prices: PriceBook): number {
  return HOURS_PER_MONTH * Math.max(prices.global('rdsProxy.minVcpu'), vcpu) * prices.number('rdsProxy.vcpuHour');
}

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
  points.push(...frontDoorBends(s.lambda.frontDoor, s, prices));
  return points;
}

/** The Lambda total as a function of monthly requests: lambdaCost's constants worked out once. */
function lambdaTotal(s: Scenario, prices: PriceBook): (r: number) => number {
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
  // The front door as a function of requests (API Gateway tiered, an ALB's LCUs linear in requests).
  const frontDoor = frontDoorTotal(s.lambda.frontDoor, s, prices, true);
  // NAT gateways (a function in a VPC) and logs: linear in requests.
  const extras = (r: number) =>
    (s.lambda.vpc ? natGatewayCost({ ...s, requestsPerMonth: r }, prices).cost : 0) + logsCost({ ...s, requestsPerMonth: r }, prices).cost;
  const extrasBase = extras(0);
  const extrasSlope = (extras(1e9) - extrasBase) / 1e9;
  const discount = savingsPlanDiscount(s.savingsPlan, 'lambda', prices);
  return (r: number): number => {
    const served = pc > 0 ? Math.min(r, provisionedCapacity) : 0;
    const onDemandGbs = (r - served) * gbsPerRequest;
    const freeDuration = s.freeTier ? tieredCost(Math.min(onDemandGbs, freeGbs), durationTiers) : 0;
    const discounted = (tieredCost(onDemandGbs, durationTiers) + served * provisionedDuration + provisionedCost - freeDuration) * (1 - discount);
    let total = r * requestPrice + discounted + r * ephemeralPerRequest + frontDoor(r) + rdsProxy + extrasBase + extrasSlope * r;
    if (s.freeTier) total -= Math.min(r, freeRequests) * requestPrice;
    return total;
  };
}

export const lambdaPlatform: Platform<LambdaCost> = {
  id: 'lambda',
  label: 'Lambda',
  cost: lambdaCost,
  curve: (s, prices): PlatformCurve => ({ total: lambdaTotal(s, prices), bends: lambdaBreakpoints(s, prices) }),
};
