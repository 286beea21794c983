/**
 * A workspace's typical monthly figures summed over its workloads, with Lambda's always-free tier subtracted once
 * (it is one per account: 1M requests and 400,000 GB-s a month across every function), never per function.
 */
import { type WorkloadEstimate } from './estimate.js';
import { extraPlatforms } from './platforms/index.js';
import { priceBook, type PriceOverrides } from './price-book.js';

/** The workspace's typical monthly figures: Lambda and Fargate, then any further platform (label and USD). */
export interface WorkspaceTotal {
  /** Lambda's total after the free tier credit (when on). */
  lambda: number;
  fargate: number;
  /** Platforms beyond Lambda and Fargate, in the registry's order. */
  others: { id: string; label: string; usd: number }[];
  functions: number;
  /** Functions whose traffic is assumed (not in a usage file). */
  assumed: number;
  /** The account's free tier, subtracted once from the Lambda total (zero or negative; 0 when the setting is off). */
  freeTierCredit: number;
}

export function emptyTotal(): WorkspaceTotal {
  return { lambda: 0, fargate: 0, others: [], functions: 0, assumed: 0, freeTierCredit: 0 };
}

/** Adds one workload's typical figures (each platform beyond the two by id). */
export function addToTotal(total: WorkspaceTotal, e: WorkloadEstimate): void {
  total.lambda += e.typical.lambda.monthlyUsd;
  total.fargate += e.typical.fargate.monthlyUsd;
  const extra = new Set(extraPlatforms().map((p) => p.id));
  for (const p of e.typical.platforms.filter((x) => extra.has(x.platform))) {
    const label = extraPlatforms().find((x) => x.id === p.platform)!.label;
    const entry = total.others.find((o) => o.id === p.platform);
    if (entry) entry.usd += p.monthlyUsd;
    else total.others.push({ id: p.platform, label, usd: p.monthlyUsd });
  }
  total.functions++;
  if (e.traffic === 'assumed') total.assumed++;
}

/**
 * The workspace total of `estimates`; with `freeTier`, the account's free tier subtracted once: the first 1M
 * requests at the request price and the first 400,000 GB-s at the duration price, shared by the functions in
 * proportion to their GB-s (each at its own region's and architecture's first-tier price).
 */
export function workspaceTotal(estimates: readonly WorkloadEstimate[], freeTier: boolean, priceOverrides: PriceOverrides = {}): WorkspaceTotal {
  const total = emptyTotal();
  for (const e of estimates) addToTotal(total, e);
  if (freeTier && estimates.length) total.freeTierCredit = -freeTierCredit(estimates, priceOverrides);
  total.lambda += total.freeTierCredit;
  return total;
}

function freeTierCredit(estimates: readonly WorkloadEstimate[], priceOverrides: PriceOverrides): number {
  let requests = 0;
  let requestUsd = 0;
  let gbSeconds = 0;
  let durationUsd = 0;
  for (const e of estimates) {
    const prices = priceBook(e.region, priceOverrides);
    const r = e.typical.requestsPerMonth;
    requests += r;
    requestUsd += (r * prices.number('lambda.requestPerMillion')) / 1e6;
    const gbs = e.typical.lambda.gbSeconds;
    gbSeconds += gbs;
    durationUsd += gbs * prices.number(`lambda.durationPerGbSecond.${e.scenario.lambda.architecture}`);
  }
  const first = priceBook(estimates[0]!.region, priceOverrides);
  const freeRequests = first.global('lambda.freeTier.requests');
  const freeGbs = first.global('lambda.freeTier.gbSeconds');
  const requestCredit = requests > 0 ? (Math.min(requests, freeRequests) / requests) * requestUsd : 0;
  const durationCredit = gbSeconds > 0 ? (Math.min(gbSeconds, freeGbs) / gbSeconds) * durationUsd : 0;
  return requestCredit + durationCredit;
}
