/**
 * The prices for one region, with the user's overrides applied, and what a user must see with any figure
 * computed from them: per price its provenance (own, derived by a documented rule, borrowed from the fallback
 * region, or the user's override), the region it came from, its date and confidence. Built once per (region,
 * overrides) and cheap to read.
 */
import { PRICE_TABLE } from '../data/pricing.js';
import {
  REGIONAL_PRICE_KEYS,
  TIERED_KEYS,
  type Confidence,
  type GlobalKey,
  type PriceTable,
  type Provenance,
  type RegionalPriceKey,
  type SourceEntry,
  type ResolvedPrice,
  type Tier,
} from '../data/price-table.js';
import { incompleteNote } from '../present/labels.js';

/** A user's price override: a number (a flat price), or tiers for a tiered price. */
type PriceOverride = number | Tier[];
export type PriceOverrides = Partial<Record<RegionalPriceKey, PriceOverride>>;

export const DEFAULT_REGION = 'us-east-1';

/** A price's provenance as an estimate shows it: the table's, or the user's own figure. */
export type PriceProvenance = Provenance | 'override';

/** One price an estimate read, as every face shows it (`crossover cost --format json`: `prices`). */
export interface PriceUsed {
  /** A regional price key, or a catalogue key (`ec2.onDemandHour.m7g.large`, `eks.clusterHour.standard`, ...). */
  key: RegionalPriceKey | string;
  label: string;
  unit: string;
  value?: number;
  tiers?: Tier[];
  /** Of the figure (its first tier, for tiered prices). */
  provenance: PriceProvenance;
  /** The region the figure comes from (the fallback region when borrowed); "your settings" for an override. */
  region: string;
  date: string;
  confidence: Confidence;
  sources: string[];
  /** How a derived or borrowed figure was made. */
  explain?: string;
  /** A tiered price whose higher tiers are derived or borrowed. */
  higherTiers?: ResolvedPrice['higherTiers'];
}

export interface PriceBook {
  region: string;
  regionName: string;
  /** False when the region is not offered for estimates (every price then is borrowed from the fallback region). */
  known: boolean;
  asOf: string;
  fallbackRegion: string;
  number(key: RegionalPriceKey): number;
  tiers(key: RegionalPriceKey): readonly Tier[];
  global(key: GlobalKey): number;
  entry(key: RegionalPriceKey): ResolvedPrice & { overridden?: boolean };
  /** The given prices (once each, in their order) with provenance, region, date, confidence and sources. */
  used(keys: readonly RegionalPriceKey[]): PriceUsed[];
  /** Human-readable notes for the given keys: what is borrowed (the estimate is incomplete), derived, overridden or an estimate. */
  notesFor(keys: readonly RegionalPriceKey[]): string[];
  /**
   * The dates of the region's own and derived prices among the given keys: "2026-08-12", or "2021-01-14 to
   * 2026-09-28" (borrowed prices are not the region's: notesFor names them with their dates).
   */
  dateFor(keys: readonly RegionalPriceKey[], catalogueKeys?: readonly string[]): string;
  /** The weakest confidence among the given keys. */
  confidenceFor(keys: readonly RegionalPriceKey[]): Confidence;
  /**
   * A catalogue price of this region (EC2 instance types, EKS, App Runner, ...: CATALOGUE_KEY_PATTERNS), its own
   * figure only (never derived or borrowed); undefined when the region has none.
   */
  catalogue(key: string): (SourceEntry & { region: string }) | undefined;
  /** The catalogue prices read, as `used` gives the regional ones (always the region's own). */
  catalogueUsed(keys: readonly string[]): PriceUsed[];
  /** The catalogue's EC2 instance types (vCPU, memory GiB, architecture), by name. */
  instanceTypes: PriceTable['instanceTypes'];
}

/** The regions offered for estimates (those with a Lambda or Fargate price of their own). */
export function regions(table: PriceTable = PRICE_TABLE): { id: string; name: string }[] {
  return Object.entries(table.regions).map(([id, r]) => ({ id, name: r.name }));
}

const cache = new Map<string, PriceBook>();

export function priceBook(region: string = DEFAULT_REGION, overrides: PriceOverrides = {}, table: PriceTable = PRICE_TABLE): PriceBook {
  const cacheKey = table === PRICE_TABLE ? `${region}|${JSON.stringify(overrides)}` : undefined;
  const cached = cacheKey ? cache.get(cacheKey) : undefined;
  if (cached) return cached;
  // An own key only: `constructor`, `toString` or `__proto__` are not regions (the fallback's prices, borrowed).
  const known = Object.hasOwn(table.regions, region);
  const fb = table.fallbackRegion;
  const base = table.regions[known ? region : fb]!;
  const unlisted = Object.hasOwn(table.unlisted, region) ? table.unlisted[region] : undefined;
  const notInTable = known ? undefined : unlisted ? `${region} has ${unlisted.reason}` : `${region} is not in Crossover's price data`;
  const entries = {} as Record<RegionalPriceKey, ResolvedPrice & { overridden?: boolean }>;
  const catalogueRead = new Map<string, (SourceEntry & { region: string }) | undefined>();
  for (const key of REGIONAL_PRICE_KEYS) {
    const entry = base.prices[key];
    const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    if (override === undefined) {
      entries[key] =
        known || region === fb
          ? entry
          : {
              ...entry,
              provenance: 'borrowed',
              from: fb,
              explain: `${notInTable}; the ${fb} price is used`,
            };
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
    delete entries[key].explain;
    delete entries[key].higherTiers;
    delete entries[key].derivedBy;
  }
  const provenanceOf = (key: RegionalPriceKey): PriceProvenance => (entries[key].overridden ? 'override' : entries[key].provenance);
  const unique = (keys: readonly RegionalPriceKey[]) => [...new Set(keys)];
  const book: PriceBook = {
    region,
    regionName: known ? base.name : (unlisted?.name ?? region),
    known,
    asOf: table.asOf,
    fallbackRegion: fb,
    number: (key) => entries[key].value ?? entries[key].tiers?.[0]?.[2] ?? 0,
    tiers: (key) => entries[key].tiers ?? [[0, null, entries[key].value ?? 0]],
    global: (key) => table.global[key].value ?? 0,
    catalogue: (key) => {
      // Asked for every instance type of the catalogue by each EC2 estimate: each entry is made once per book.
      if (catalogueRead.has(key)) return catalogueRead.get(key);
      const own = known ? base.catalogue : unlisted?.catalogue;
      const entry = own && Object.hasOwn(own, key) ? own[key] : undefined;
      const read = entry ? { ...entry, region } : undefined;
      catalogueRead.set(key, read);
      return read;
    },
    instanceTypes: table.instanceTypes,
    catalogueUsed: (keys) =>
      [...new Set(keys)].flatMap((key): PriceUsed[] => {
        const e = book.catalogue(key);
        if (!e || typeof e.value !== 'number') return [];
        return [
          {
            key,
            label: catalogueLabel(key),
            unit: e.unit ?? 'USD per hour',
            value: e.value,
            provenance: 'own',
            region,
            date: e.date,
            confidence: e.confidence,
            sources: e.sources,
          },
        ];
      }),
    entry: (key) => entries[key],
    used: (keys) =>
      unique(keys).map((key): PriceUsed => {
        const e = entries[key];
        return {
          key,
          label: describeKey(key),
          unit: KEY_UNITS[key],
          ...(e.tiers && TIERED_KEYS.has(key) ? { tiers: e.tiers } : { value: e.value ?? e.tiers?.[0]?.[2] ?? 0 }),
          provenance: provenanceOf(key),
          region: e.overridden ? 'your settings' : e.from,
          date: e.date,
          confidence: e.confidence,
          sources: e.sources,
          ...(e.explain ? { explain: e.explain } : {}),
          ...(e.higherTiers ? { higherTiers: e.higherTiers } : {}),
        };
      }),
    notesFor(keys) {
      const notes: string[] = [];
      const all = unique(keys);
      const incomplete = incompleteNote(book.used(all));
      if (incomplete) notes.push(`${incomplete}: ${known ? `no ${region} price in the sources` : (notInTable ?? '')}.`);
      for (const key of all) {
        const e = entries[key];
        if (e.overridden) notes.push(`${describeKey(key)}: your price override`);
        else if (e.provenance === 'derived') notes.push(`${describeKey(key)}: ${e.explain}`);
        if (!e.overridden && e.higherTiers?.provenance === 'derived') notes.push(`${describeKey(key)}: ${e.higherTiers.explain}`);
      }
      for (const key of all) {
        const e = entries[key];
        if (!e.overridden && e.provenance !== 'borrowed' && e.confidence !== 'high')
          notes.push(`${describeKey(key)}: an estimate (${e.confidence} confidence, ${e.date})`);
      }
      return [...new Set(notes)];
    },
    dateFor(keys, catalogueKeys = []) {
      const own = [
        ...unique(keys)
          .filter((k) => provenanceOf(k) === 'own' || provenanceOf(k) === 'derived')
          .map((k) => entries[k].date),
        ...book.catalogueUsed(catalogueKeys).map((p) => p.date),
      ];
      const dated = own.filter((d) => /^\d{4}/.test(d)).sort();
      if (!dated.length) return own.length ? 'undated' : `none of its own`;
      const range = dated[0] === dated[dated.length - 1] ? dated[0]! : `${dated[0]} to ${dated[dated.length - 1]}`;
      return own.length > dated.length ? `${range} (some undated)` : range;
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
  'fargate.spot.vcpuHour.x86_64': 'Fargate Spot vCPU (x86_64)',
  'fargate.spot.gbHour.x86_64': 'Fargate Spot memory (x86_64)',
  'fargate.spot.vcpuHour.arm64': 'Fargate Spot vCPU (arm64)',
  'fargate.spot.gbHour.arm64': 'Fargate Spot memory (arm64)',
  'fargate.ephemeralStorageGbHour': 'Fargate ephemeral storage',
  'alb.hour': 'ALB hours',
  'alb.lcuHour': 'ALB LCU-hours',
  'nlb.hour': 'NLB hours',
  'nlb.nlcuHour': 'NLB NLCU-hours',
  'apigw.restPerMillion': 'API Gateway REST requests',
  'apigw.httpPerMillion': 'API Gateway HTTP requests',
  'apigw.websocketMessagesPerMillion': 'API Gateway WebSocket messages',
  'apigw.websocketConnectionMinutesPerMillion': 'API Gateway WebSocket connection minutes',
  'nat.hour': 'NAT gateway hours',
  'nat.gbProcessed': 'NAT gateway data',
  'ipv4.publicAddressHour': 'Public IPv4 address',
  'logs.ingestionPerGb': 'CloudWatch Logs ingestion',
  'dataTransfer.internetOutPerGb': 'Data transfer out to the internet',
  'rdsProxy.vcpuHour': 'RDS Proxy',
};

const KEY_UNITS: Record<RegionalPriceKey, string> = {
  'lambda.requestPerMillion': 'USD per 1M requests',
  'lambda.durationPerGbSecond.x86_64': 'USD per GB-second',
  'lambda.durationPerGbSecond.arm64': 'USD per GB-second',
  'lambda.provisionedConcurrencyPerGbSecond.x86_64': 'USD per GB-second configured',
  'lambda.provisionedConcurrencyPerGbSecond.arm64': 'USD per GB-second configured',
  'lambda.provisionedDurationPerGbSecond.x86_64': 'USD per GB-second',
  'lambda.provisionedDurationPerGbSecond.arm64': 'USD per GB-second',
  'lambda.ephemeralStoragePerGbSecond': 'USD per GB-second of /tmp beyond the included size',
  'fargate.vcpuHour.x86_64': 'USD per vCPU-hour',
  'fargate.gbHour.x86_64': 'USD per GB-hour',
  'fargate.vcpuHour.arm64': 'USD per vCPU-hour',
  'fargate.gbHour.arm64': 'USD per GB-hour',
  'fargate.spot.vcpuHour.x86_64': 'USD per vCPU-hour',
  'fargate.spot.gbHour.x86_64': 'USD per GB-hour',
  'fargate.spot.vcpuHour.arm64': 'USD per vCPU-hour',
  'fargate.spot.gbHour.arm64': 'USD per GB-hour',
  'fargate.ephemeralStorageGbHour': 'USD per GB-hour beyond the included storage',
  'alb.hour': 'USD per ALB-hour',
  'alb.lcuHour': 'USD per LCU-hour',
  'nlb.hour': 'USD per NLB-hour',
  'nlb.nlcuHour': 'USD per NLCU-hour',
  'apigw.restPerMillion': 'USD per 1M requests',
  'apigw.httpPerMillion': 'USD per 1M requests (512 KB each)',
  'apigw.websocketMessagesPerMillion': 'USD per 1M messages (32 KB each)',
  'apigw.websocketConnectionMinutesPerMillion': 'USD per 1M connection minutes',
  'nat.hour': 'USD per NAT gateway-hour',
  'nat.gbProcessed': 'USD per GB processed',
  'ipv4.publicAddressHour': 'USD per address-hour',
  'logs.ingestionPerGb': 'USD per GB ingested',
  'dataTransfer.internetOutPerGb': 'USD per GB (monthly volume tiers in GB)',
  'rdsProxy.vcpuHour': 'USD per database vCPU-hour',
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

/** "EC2 m7g.large on-demand (Linux)", "EKS cluster (standard support)", "App Runner active vCPU": a catalogue key in words. */
function catalogueLabel(key: string): string {
  const ec2 = /^ec2\.onDemandHour\.(.+)$/.exec(key);
  if (ec2) return `EC2 ${ec2[1]} on-demand (Linux)`;
  const words: Record<string, string> = {
    'eks.clusterHour.standard': 'EKS cluster (standard support)',
    'eks.clusterHour.extendedSupport': 'EKS cluster (extended support)',
    'appRunner.vcpuHourActive': 'App Runner active vCPU',
    'appRunner.gbHourActive': 'App Runner active memory',
    'appRunner.gbHourProvisioned': 'App Runner provisioned memory',
  };
  return Object.hasOwn(words, key) ? words[key]! : key;
}
