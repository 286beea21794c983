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

/** Requests per month at which a front door's price steps down a volume tier (API Gateway; none for the others). */
export function frontDoorBends(door: FrontDoor, s: Scenario, prices: PriceBook): number[] {
  const metered =
    door === 'http-api'
      ? Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.httpMeteringIncrementKb')))
      : door === 'websocket-api'
        ? Math.max(1, Math.ceil(s.payloadKb / prices.global('apigw.websocketMeteringIncrementKb')))
        : 1;
  const key =
    door === 'rest-api'
      ? 'apigw.restPerMillion'
      : door === 'http-api'
        ? 'apigw.httpPerMillion'
        : door === 'websocket-api'
          ? 'apigw.websocketMessagesPerMillion'
          : undefined;
  return key ? prices.tiers(key).flatMap(([from]) => (from > 0 ? [from / metered] : [])) : [];
}
