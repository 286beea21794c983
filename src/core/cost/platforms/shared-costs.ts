/**
 * Costs any platform can carry, worked out the same way on every side: NAT gateways (hours, their Elastic IPs and
 * the traffic that passes them), CloudWatch Logs ingestion, and the Compute Savings Plan discount.
 */
import { NETWORK_FACTS } from '../../data/limits.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { type PriceBook } from '../price-book.js';
import { HOURS_PER_MONTH, type SavingsPlan, type Scenario } from '../model.js';

const KB_PER_GB = 1024 * 1024;

/**
 * The network's NAT gateways, for a side in private subnets: each one all month and its public address, plus the
 * GB the requests send out through them (API request and response bytes never pass a NAT gateway).
 */
export function natGatewayCost(s: Scenario, prices: PriceBook): { cost: number; ipv4: number; keys: RegionalPriceKey[] } {
  const count = Math.max(0, s.network.natGateways);
  if (count === 0) return { cost: 0, ipv4: 0, keys: [] };
  const gb = (Math.max(0, s.requestsPerMonth) * Math.max(0, s.network.egressKbPerRequest)) / KB_PER_GB;
  const ipv4 = count * NETWORK_FACTS.natGatewayPublicAddresses.value * HOURS_PER_MONTH * prices.number('ipv4.publicAddressHour');
  const keys: RegionalPriceKey[] = ['nat.hour', 'nat.gbProcessed', 'ipv4.publicAddressHour'];
  return { cost: count * HOURS_PER_MONTH * prices.number('nat.hour') + gb * prices.number('nat.gbProcessed') + ipv4, ipv4, keys };
}

/** CloudWatch Logs ingestion of what the requests log (the same on every side). */
export function logsCost(s: Scenario, prices: PriceBook): { cost: number; keys: RegionalPriceKey[] } {
  const kb = Math.max(0, s.logsKbPerRequest);
  if (kb === 0) return { cost: 0, keys: [] };
  return { cost: ((Math.max(0, s.requestsPerMonth) * kb) / KB_PER_GB) * prices.number('logs.ingestionPerGb'), keys: ['logs.ingestionPerGb'] };
}

/**
 * The Compute Savings Plan discount as a fraction. Fargate: the us-east-1 rates of each term (20% 1-year no
 * upfront, 45% 3-year no upfront, 52% 3-year all upfront). Lambda: "up to 17%" on duration and provisioned
 * concurrency whatever the term (no split by term is published in the sources), so it is an upper bound.
 */
export function savingsPlanDiscount(plan: SavingsPlan, side: 'lambda' | 'fargate', prices: PriceBook): number {
  if (plan === 'none') return 0;
  if (side === 'lambda') return prices.global('savingsPlan.compute.lambda.maxDiscountPct') / 100;
  const key =
    plan === '1y-no-upfront'
      ? 'savingsPlan.compute.fargate.discountPct.1yNoUpfront'
      : plan === '3y-no-upfront'
        ? 'savingsPlan.compute.fargate.discountPct.3yNoUpfront'
        : 'savingsPlan.compute.fargate.maxDiscountPct';
  return prices.global(key) / 100;
}
