/**
 * The prices for one region, with the user's overrides applied, and the notes a user must see with any
 * figure computed from them: which prices fell back to another region, which are overridden, and the
 * confidence of the data. Built once per (region, overrides) and cheap to read.
 */
import { PRICE_TABLE } from '../data/pricing.js';
import {
  REGIONAL_PRICE_KEYS,
  TIERED_KEYS,
  type Confidence,
  type GlobalKey,
  type PriceTable,
  type RegionalPriceKey,
  type ResolvedPrice,
  type Tier,
} from '../data/price-table.js';

/** A user's price override: a number (a flat price), or tiers for a tiered price. */
type PriceOverride = number | Tier[];
export type PriceOverrides = Partial<Record<RegionalPriceKey, PriceOverride>>;

export const DEFAULT_REGION = 'us-east-1';

export interface PriceBook {
  region: string;
  regionName: string;
  /** False when the region is not in the table (every price then comes from the fallback region). */
  known: boolean;
  asOf: string;
  number(key: RegionalPriceKey): number;
  tiers(key: RegionalPriceKey): readonly Tier[];
  global(key: GlobalKey): number;
  entry(key: RegionalPriceKey): ResolvedPrice & { overridden?: boolean };
  /** Human-readable notes for the given keys (fallbacks, overrides, estimates), deduplicated. */
  notesFor(keys: readonly RegionalPriceKey[]): string[];
  /** The oldest source date among the given keys (what "price date" means for a figure). */
  dateFor(keys: readonly RegionalPriceKey[]): string;
  /** The weakest confidence among the given keys. */
  confidenceFor(keys: readonly RegionalPriceKey[]): Confidence;
}

export function regions(table: PriceTable = PRICE_TABLE): { id: string; name: string }[] {
  return Object.entries(table.regions).map(([id, r]) => ({ id, name: r.name }));
}

const cache = new Map<string, PriceBook>();

export function priceBook(region: string = DEFAULT_REGION, overrides: PriceOverrides = {}, table: PriceTable = PRICE_TABLE): PriceBook {
  const cacheKey = table === PRICE_TABLE ? `${region}|${JSON.stringify(overrides)}` : undefined;
  const cached = cacheKey ? cache.get(cacheKey) : undefined;
  if (cached) return cached;
  // An own key only: `constructor`, `toString` or `__proto__` are not regions (the fallback's prices, marked).
  const known = Object.hasOwn(table.regions, region);
  const base = table.regions[known ? region : table.fallbackRegion]!;
  const entries = {} as Record<RegionalPriceKey, ResolvedPrice & { overridden?: boolean }>;
  for (const key of REGIONAL_PRICE_KEYS) {
    const entry = base.prices[key];
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    if (override === undefined) {
      entries[key] = known ? entry : { ...entry, fallback: `${region} is not in Crossover's price data; the ${table.fallbackRegion} price is used` };
      continue;
    }
    const tiers: Tier[] | undefined = TIERED_KEYS.has(key) ? (typeof override === 'number' ? [[0, null, override]] : override) : undefined;
    const value = typeof override === 'number' ? override : undefined;
    entries[key] = {
      ...entry,
      ...(tiers ? { tiers } : { value: value ?? entry.value }),
      overridden: true,
      date: 'your setting',
      confidence: 'high',
      sources: [],
    };
    delete entries[key].fallback;
  }
  const book: PriceBook = {
    region,
    regionName: known ? base.name : region,
    known,
    asOf: table.asOf,
    number: (key) => entries[key].value ?? entries[key].tiers?.[0]?.[2] ?? 0,
    tiers: (key) => entries[key].tiers ?? [[0, null, entries[key].value ?? 0]],
    global: (key) => table.global[key].value ?? 0,
    entry: (key) => entries[key],
    notesFor(keys) {
      const notes = new Set<string>();
      for (const key of keys) {
        const e = entries[key];
        if (e.overridden) notes.add(`${describeKey(key)}: your price override`);
        else if (e.fallback) notes.add(`${describeKey(key)}: ${e.fallback}`);
        else if (e.confidence !== 'high') notes.add(`${describeKey(key)}: an estimate (${e.confidence} confidence, ${e.date})`);
      }
      return [...notes];
    },
    dateFor(keys) {
      const dates = keys
        .map((k) => entries[k].date)
        .filter((d) => /^\d{4}/.test(d))
        .sort();
      return dates[0] ?? table.asOf;
    },
    confidenceFor(keys) {
      const order: Confidence[] = ['low', 'medium', 'high'];
      return keys.map((k) => entries[k].confidence).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'high';
    },
  };
  if (cacheKey) {
    if (cache.size > 64) cache.clear();
    cache.set(cacheKey, book);
  }
  return book;
}

const KEY_NAMES: Record<RegionalPriceKey, string> = {
  'lambda.requestPerMillion': 'Lambda requests',
  'lambda.durationPerGbSecond.x86_64': 'Lambda duration (x86_64)',
  'lambda.durationPerGbSecond.arm64': 'Lambda duration (arm64)',
  'lambda.provisionedConcurrencyPerGbSecond.x86_64': 'Lambda provisioned concurrency (x86_64)',
  'lambda.provisionedConcurrencyPerGbSecond.arm64': 'Lambda provisioned concurrency (arm64)',
  'lambda.provisionedDurationPerGbSecond.x86_64': 'Lambda duration with provisioned concurrency (x86_64)',
  'lambda.provisionedDurationPerGbSecond.arm64': 'Lambda duration with provisioned concurrency (arm64)',
  'lambda.ephemeralStoragePerGbSecond': 'Lambda ephemeral storage',
  'fargate.vcpuHour.x86_64': 'Fargate vCPU (x86_64)',
  'fargate.gbHour.x86_64': 'Fargate memory (x86_64)',
  'fargate.vcpuHour.arm64': 'Fargate vCPU (arm64)',
  'fargate.gbHour.arm64': 'Fargate memory (arm64)',
  'fargate.spot.vcpuHour.x86_64': 'Fargate Spot vCPU',
  'fargate.spot.gbHour.x86_64': 'Fargate Spot memory',
  'fargate.spot.vcpuHour.arm64': 'Fargate Spot vCPU (arm64)',
  'fargate.spot.gbHour.arm64': 'Fargate Spot memory (arm64)',
  'ipv4.publicAddressHour': 'Public IPv4 addresses',
  'logs.ingestionPerGb': 'CloudWatch Logs ingestion',
  'fargate.ephemeralStorageGbHour': 'Fargate ephemeral storage',
  'alb.hour': 'ALB hours',
  'alb.lcuHour': 'ALB LCU-hours',
  'apigw.restPerMillion': 'API Gateway REST requests',
  'apigw.httpPerMillion': 'API Gateway HTTP requests',
  'apigw.websocketMessagesPerMillion': 'API Gateway WebSocket messages',
  'apigw.websocketConnectionMinutesPerMillion': 'API Gateway WebSocket connection minutes',
  'nat.hour': 'NAT gateway hours',
  'nat.gbProcessed': 'NAT gateway data',
  'rdsProxy.vcpuHour': 'RDS Proxy',
};

function describeKey(key: RegionalPriceKey): string {
  return KEY_NAMES[key];
}

/** Cost of `units` under tiered prices (per unit), e.g. GB-seconds or requests. */
export function tieredCost(units: number, tiers: readonly Tier[], unitScale = 1): number {
  let cost = 0;
  for (const [from, to, price] of tiers) {
    if (units <= from) break;
    const upper = to === null ? units : Math.min(units, to);
    cost += ((upper - from) * price) / unitScale;
  }
  return cost;
}
