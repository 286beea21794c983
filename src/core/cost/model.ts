/**
 * The Lambda vs Fargate cost model (monthly, USD). Pure functions of a Scenario and a PriceBook; see
 * docs/cost-model.md for every formula and assumption in words.
 *
 * Lambda = requests + duration (tiered per architecture, billed per ms) + ephemeral storage above 512 MB
 *        + provisioned concurrency (paid while idle, cheaper duration for what it serves) + the front door
 *        (REST / HTTP / WebSocket API, ALB, or a function URL at no charge) - the always-free tier (when on).
 * Fargate = tasks x 730 h x (vCPU x vCPU-hour + GB x GB-hour) + ephemeral storage above 20 GB
 *        + a load balancer (ALB hours + LCU-hours); tasks are sized from traffic unless fixed.
 */
import { LAMBDA_LIMITS } from '../data/limits.js';
import { tieredCost, type PriceBook } from './price-book.js';
import { type RegionalPriceKey } from './price-table.js';

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type Architecture = 'x86_64' | 'arm64';
export type FrontDoor = 'rest-api' | 'http-api' | 'websocket-api' | 'alb' | 'function-url' | 'none';
export const FRONT_DOORS: readonly FrontDoor[] = ['rest-api', 'http-api', 'websocket-api', 'alb', 'function-url', 'none'];

export interface LambdaSide {
  memoryMb: number;
  architecture: Architecture;
  ephemeralStorageMb: number;
  provisionedConcurrency: number;
  frontDoor: FrontDoor;
  /** vCPUs of the database behind an RDS Proxy the function uses (0: no proxy); billed for at least 2. */
  rdsProxyVcpu: number;
}

export interface FargateSide {
  vcpu: number;
  memoryGb: number;
  architecture: Architecture;
  /** A fixed task count; null = sized from traffic. */
  tasks: number | null;
  /** Fewest tasks when sized from traffic (availability across zones). */
  minTasks: number;
  /** Concurrent requests one task serves (the per-task capacity). */
  perTaskConcurrency: number;
  spot: boolean;
  ephemeralStorageGb: number;
  loadBalancer: 'alb' | 'none';
  /** Fixed ALB LCUs (average per hour); null = computed from traffic. */
  albLcu: number | null;
  /** Tasks in private subnets reach the internet through a NAT gateway (hours + the traffic's GB). */
  natGateway: boolean;
}

export interface Scenario {
  region: string;
  requestsPerMonth: number;
  /** Average duration of one request in ms (Lambda bills it rounded up to the ms). */
  durationMs: number;
  /** Average request + response payload in KB (API metering, ALB processed bytes). */
  payloadKb: number;
  /** Peak traffic over the monthly average: Fargate is sized for the peak, Lambda follows it. */
  peakToAverage: number;
  /** Subtract Lambda's always-free tier (1M requests, 400,000 GB-s a month). Off by default. */
  freeTier: boolean;
  lambda: LambdaSide;
  fargate: FargateSide;
}

export interface LambdaBreakdown {
  requests: number;
  duration: number;
  frontDoor: number;
  provisionedConcurrency: number;
  ephemeralStorage: number;
  /** Zero or negative. */
  freeTierCredit: number;
  rdsProxy: number;
}

export interface LambdaCost {
  monthlyUsd: number;
  breakdown: LambdaBreakdown;
  gbSeconds: number;
  /** Average concurrent executions (requests/s x duration). */
  averageConcurrency: number;
  priceKeys: RegionalPriceKey[];
}

export interface FargateBreakdown {
  compute: number;
  loadBalancer: number;
  ephemeralStorage: number;
  natGateway: number;
}

export interface FargateCost {
  monthlyUsd: number;
  tasks: number;
  vcpu: number;
  memoryGb: number;
  breakdown: FargateBreakdown;
  /** Concurrent requests at peak traffic. */
  requiredConcurrency: number;
  lcu: number;
  sizedFromTraffic: boolean;
  priceKeys: RegionalPriceKey[];
}

const sum = (parts: object): number => Object.values(parts).reduce((a: number, b) => a + (b as number), 0);

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
  const included = LAMBDA_LIMITS.includedEphemeralStorageMb.value;
  if (ephemeralStorageMb > included) {
    keys.push('lambda.ephemeralStoragePerGbSecond');
    ephemeralStorage = ((ephemeralStorageMb - included) / 1024) * requests * billedSeconds * prices.number('lambda.ephemeralStoragePerGbSecond');
  }

  let freeTierCredit = 0;
  if (s.freeTier) {
    const freeRequests = Math.min(requests, prices.global('lambda.freeTier.requests'));
    const freeGbs = Math.min(onDemandGbs, prices.global('lambda.freeTier.gbSeconds'));
    freeTierCredit = -((freeRequests * prices.number('lambda.requestPerMillion')) / 1e6 + tieredCost(freeGbs, durationTiers));
  }

  const door = frontDoorCost(frontDoor, s, prices, true);
  keys.push(...door.keys);
  let rdsProxy = 0;
  if (s.lambda.rdsProxyVcpu > 0) {
    keys.push('rdsProxy.vcpuHour');
    rdsProxy = rdsProxyCost(s.lambda.rdsProxyVcpu, prices);
  }
  const breakdown: LambdaBreakdown = {
    requests: requestCost,
    duration,
    frontDoor: door.cost,
    provisionedConcurrency: provisioned,
    ephemeralStorage,
    freeTierCredit,
    rdsProxy,
  };
  return {
    monthlyUsd: sum(breakdown),
    breakdown,
    gbSeconds: onDemandGbs + servedByProvisioned * gbsPerRequest,
    averageConcurrency: (requests / SECONDS_PER_MONTH) * (s.durationMs / 1000),
    priceKeys: keys,
  };
}

/** The front door's monthly cost; for an ALB the LCUs use the Lambda-target allowance when `lambdaTargets`. */
export function frontDoorCost(
  door: FrontDoor,
  s: Scenario,
  prices: PriceBook,
  lambdaTargets: boolean,
): { cost: number; keys: RegionalPriceKey[]; lcu?: number } {
  const requests = Math.max(0, s.requestsPerMonth);
  switch (door) {
    case 'rest-api':
      return { cost: tieredCost(requests, prices.tiers('apigw.restPerMillion'), 1e6), keys: ['apigw.restPerMillion'] };
    case 'http-api': {
      const metered = requests * Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.httpMeteringIncrementKb')));
      return { cost: tieredCost(metered, prices.tiers('apigw.httpPerMillion'), 1e6), keys: ['apigw.httpPerMillion'] };
    }
    case 'websocket-api': {
      const messages = requests * Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.websocketMeteringIncrementKb')));
      return { cost: tieredCost(messages, prices.tiers('apigw.websocketMessagesPerMillion'), 1e6), keys: ['apigw.websocketMessagesPerMillion'] };
    }
    case 'alb': {
      const lcu = albLcu(s, prices, lambdaTargets);
      return { cost: HOURS_PER_MONTH * (prices.number('alb.hour') + lcu * prices.number('alb.lcuHour')), keys: ['alb.hour', 'alb.lcuHour'], lcu };
    }
    case 'function-url':
    case 'none':
      return { cost: 0, keys: [] };
  }
}

/**
 * Average LCUs from traffic: the largest of new connections (one per request, 25 per LCU), active
 * connections (concurrent requests, 3,000 per LCU), processed bytes (request + response payload, 1 GB an
 * hour per LCU, 0.4 GB for Lambda targets); rule evaluations stay within the 10 free rules.
 */
export function albLcu(s: Scenario, prices: PriceBook, lambdaTargets: boolean): number {
  if (!lambdaTargets && s.fargate.albLcu !== null) return s.fargate.albLcu;
  const rps = Math.max(0, s.requestsPerMonth) / SECONDS_PER_MONTH;
  const newConnections = rps / prices.global('alb.lcu.newConnectionsPerSecond');
  const active = (rps * (s.durationMs / 1000)) / prices.global('alb.lcu.activeConnectionsPerMinute');
  const gbPerHour = (rps * 3600 * s.payloadKb) / (1024 * 1024);
  const processed = gbPerHour / prices.global(lambdaTargets ? 'alb.lcu.processedGbPerHourLambdaTargets' : 'alb.lcu.processedGbPerHour');
  return Math.max(newConnections, active, processed);
}

function fargateRates(f: FargateSide, prices: PriceBook): { vcpuHour: number; gbHour: number; keys: RegionalPriceKey[] } {
  if (f.spot) {
    // Spot is only in the data for x86_64 (its prices float; the figure is a dated snapshot).
    return {
      vcpuHour: prices.number('fargate.spot.vcpuHour.x86_64'),
      gbHour: prices.number('fargate.spot.gbHour.x86_64'),
      keys: ['fargate.spot.vcpuHour.x86_64', 'fargate.spot.gbHour.x86_64'],
    };
  }
  return {
    vcpuHour: prices.number(`fargate.vcpuHour.${f.architecture}`),
    gbHour: prices.number(`fargate.gbHour.${f.architecture}`),
    keys: [`fargate.vcpuHour.${f.architecture}`, `fargate.gbHour.${f.architecture}`],
  };
}

/** Concurrent requests at peak: requests/s x peak-to-average x duration. */
export function requiredConcurrency(s: Scenario): number {
  return (Math.max(0, s.requestsPerMonth) / SECONDS_PER_MONTH) * s.peakToAverage * (s.durationMs / 1000);
}

export function tasksFor(s: Scenario): number {
  const f = s.fargate;
  if (f.tasks !== null) return f.tasks;
  return Math.max(f.minTasks, Math.ceil(requiredConcurrency(s) / Math.max(f.perTaskConcurrency, 1e-9) - 1e-9));
}

export function fargateCost(s: Scenario, prices: PriceBook): FargateCost {
  const f = s.fargate;
  const rates = fargateRates(f, prices);
  const tasks = tasksFor(s);
  const compute = tasks * HOURS_PER_MONTH * (f.vcpu * rates.vcpuHour + f.memoryGb * rates.gbHour);
  const keys = [...rates.keys];
  let ephemeralStorage = 0;
  const extraGb = f.ephemeralStorageGb - prices.global('fargate.freeEphemeralStorageGb');
  if (extraGb > 0) {
    keys.push('fargate.ephemeralStorageGbHour');
    ephemeralStorage = tasks * HOURS_PER_MONTH * extraGb * prices.number('fargate.ephemeralStorageGbHour');
  }
  let loadBalancer = 0;
  let lcu = 0;
  if (f.loadBalancer === 'alb') {
    const door = frontDoorCost('alb', s, prices, false);
    loadBalancer = door.cost;
    lcu = door.lcu ?? 0;
    keys.push(...door.keys);
  }
  let natGateway = 0;
  if (f.natGateway) {
    keys.push('nat.hour', 'nat.gbProcessed');
    natGateway = natGatewayCost(s, prices);
  }
  const breakdown: FargateBreakdown = { compute, loadBalancer, ephemeralStorage, natGateway };
  return {
    monthlyUsd: sum(breakdown),
    tasks,
    vcpu: f.vcpu,
    memoryGb: f.memoryGb,
    breakdown,
    requiredConcurrency: requiredConcurrency(s),
    lcu,
    sizedFromTraffic: f.tasks === null,
    priceKeys: keys,
  };
}

/** RDS Proxy: per vCPU-hour of the database behind it, for at least 2 vCPUs, all month. */
export function rdsProxyCost(vcpu: number, prices: PriceBook): number {
  return HOURS_PER_MONTH * Math.max(prices.global('rdsProxy.minVcpu'), vcpu) * prices.number('rdsProxy.vcpuHour');
}

/** One NAT gateway all month, plus the traffic's payload through it. */
export function natGatewayCost(s: Scenario, prices: PriceBook): number {
  const gb = (Math.max(0, s.requestsPerMonth) * s.payloadKb) / (1024 * 1024);
  return HOURS_PER_MONTH * prices.number('nat.hour') + gb * prices.number('nat.gbProcessed');
}
