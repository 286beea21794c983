/**
 * What sits in front of a workload and is billed by traffic: an API Gateway API (REST, HTTP, WebSocket), an
 * Application Load Balancer, or nothing (a function URL, events). Lambda pays its front door; container
 * platforms pay the load balancer that replaces it.
 */
import { NETWORK_FACTS } from '../../data/limits.js';
import { tieredCost, type PriceBook } from '../price-book.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type FrontDoor, type Scenario } from '../model.js';

/**
 * The front door's monthly cost; for an ALB the LCUs use the Lambda-target allowance when `lambdaTargets`, and the
 * cost includes the public IPv4 addresses an internet-facing ALB holds (`ipv4`, one per AZ, at least two).
 */
export function frontDoorCost(
  door: FrontDoor,
  s: Scenario,
  prices: PriceBook,
  lambdaTargets: boolean,
): { cost: number; keys: RegionalPriceKey[]; lcu?: number; ipv4?: number } {
  const requests = Math.max(0, s.requestsPerMonth);
  switch (door) {
    case 'rest-api':
    case 'http-api':
    case 'websocket-api': {
      const api = apiMetering(door, s, prices);
      return { cost: tieredCost(requests * api.perRequest, prices.tiers(api.key), 1e6), keys: [api.key] };
    }
    case 'alb': {
      const lcu = albLcu(s, prices, lambdaTargets);
      const ipv4 = NETWORK_FACTS.albPublicAddresses.value * HOURS_PER_MONTH * prices.number('ipv4.publicAddressHour');
      return {
        cost: HOURS_PER_MONTH * (prices.number('alb.hour') + lcu * prices.number('alb.lcuHour')) + ipv4,
        keys: ['alb.hour', 'alb.lcuHour', 'ipv4.publicAddressHour'],
        lcu,
        ipv4,
      };
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
function albLcu(s: Scenario, prices: PriceBook, lambdaTargets: boolean): number {
  if (!lambdaTargets && s.fargate.albLcu !== null) return s.fargate.albLcu;
  const rps = Math.max(0, s.requestsPerMonth) / SECONDS_PER_MONTH;
  const newConnections = rps / prices.global('alb.lcu.newConnectionsPerSecond');
  const active = (rps * (s.durationMs / 1000)) / prices.global('alb.lcu.activeConnectionsPerMinute');
  const gbPerHour = (rps * 3600 * s.payloadKb) / (1024 * 1024);
  const processed = gbPerHour / prices.global(lambdaTargets ? 'alb.lcu.processedGbPerHourLambdaTargets' : 'alb.lcu.processedGbPerHour');
  return Math.max(newConnections, active, processed);
}

type ApiDoor = 'rest-api' | 'http-api' | 'websocket-api';

const isApiDoor = (door: FrontDoor): door is ApiDoor => door === 'rest-api' || door === 'http-api' || door === 'websocket-api';

/**
 * How an API Gateway API meters a request: its tiered price and the units one request counts for (REST: one
 * request; HTTP: one per 512 KB of payload; WebSocket: one message per 32 KB).
 */
function apiMetering(door: ApiDoor, s: Scenario, prices: PriceBook): { key: RegionalPriceKey; perRequest: number } {
  if (door === 'rest-api') return { key: 'apigw.restPerMillion', perRequest: 1 };
  const increment = prices.global(door === 'http-api' ? 'apigw.httpMeteringIncrementKb' : 'apigw.websocketMeteringIncrementKb');
  return {
    key: door === 'http-api' ? 'apigw.httpPerMillion' : 'apigw.websocketMessagesPerMillion',
    perRequest: Math.max(1, Math.ceil(s.payloadKb / increment)),
  };
}

/** Requests per month at which a front door's price steps down a volume tier (API Gateway; none for the others). */
export function frontDoorBends(door: FrontDoor, s: Scenario, prices: PriceBook): number[] {
  if (!isApiDoor(door)) return [];
  const api = apiMetering(door, s, prices);
  return prices.tiers(api.key).flatMap(([from]) => (from > 0 ? [from / api.perRequest] : []));
}

/**
 * The front door's monthly cost as a function of monthly requests, its constants worked out once: API Gateway
 * tiered on its metered units, an ALB linear in requests (LCUs are), nothing for the others.
 */
export function frontDoorTotal(door: FrontDoor, s: Scenario, prices: PriceBook, lambdaTargets: boolean): (requestsPerMonth: number) => number {
  if (isApiDoor(door)) {
    const api = apiMetering(door, s, prices);
    const tiers = prices.tiers(api.key);
    return (r) => tieredCost(Math.max(0, r) * api.perRequest, tiers, 1e6);
  }
  if (door !== 'alb') return () => 0;
  const base = frontDoorCost('alb', { ...s, requestsPerMonth: 0 }, prices, lambdaTargets).cost;
  const slope = (frontDoorCost('alb', { ...s, requestsPerMonth: 1e9 }, prices, lambdaTargets).cost - base) / 1e9;
  return (r) => base + slope * Math.max(0, r);
}
