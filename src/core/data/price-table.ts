/**
 * The shape of the sourced price table (data/pricing/prices.json) and how it becomes the bundled one:
 * every region gets every price, its own where the sources have it, else the fallback region's,
 * marked as a fallback. scripts/gen-pricing.mjs checks the source with `resolvePriceTable` and writes it to
 * src/core/data/pricing.generated.ts (a test checks that file is current); src/core/data/pricing.ts
 * resolves it when the bundle loads.
 */

export type Confidence = 'high' | 'medium' | 'low';

/** `[fromUnits, toUnits | null (open-ended), price per unit]`, units as the key says (GB-s, requests...). */
export type Tier = readonly [number, number | null, number];

export const REGIONAL_PRICE_KEYS = [
  'lambda.requestPerMillion',
  'lambda.durationPerGbSecond.x86_64',
  'lambda.durationPerGbSecond.arm64',
  'lambda.provisionedConcurrencyPerGbSecond.x86_64',
  'lambda.provisionedConcurrencyPerGbSecond.arm64',
  'lambda.provisionedDurationPerGbSecond.x86_64',
  'lambda.provisionedDurationPerGbSecond.arm64',
  'lambda.ephemeralStoragePerGbSecond',
  'fargate.vcpuHour.x86_64',
  'fargate.gbHour.x86_64',
  'fargate.vcpuHour.arm64',
  'fargate.gbHour.arm64',
  'fargate.spot.vcpuHour.x86_64',
  'fargate.spot.gbHour.x86_64',
  'fargate.spot.vcpuHour.arm64',
  'fargate.spot.gbHour.arm64',
  'ipv4.publicAddressHour',
  'logs.ingestionPerGb',
  'fargate.ephemeralStorageGbHour',
  'alb.hour',
  'alb.lcuHour',
  'apigw.restPerMillion',
  'apigw.httpPerMillion',
  'apigw.websocketMessagesPerMillion',
  'apigw.websocketConnectionMinutesPerMillion',
  'nat.hour',
  'nat.gbProcessed',
  'rdsProxy.vcpuHour',
] as const;

export type RegionalPriceKey = (typeof REGIONAL_PRICE_KEYS)[number];

/** Prices given as tiers (a volume discount); the others are one number. */
export const TIERED_KEYS: ReadonlySet<RegionalPriceKey> = new Set([
  'lambda.durationPerGbSecond.x86_64',
  'lambda.durationPerGbSecond.arm64',
  'apigw.restPerMillion',
  'apigw.httpPerMillion',
  'apigw.websocketMessagesPerMillion',
]);

const GLOBAL_KEYS = [
  'lambda.freeTier.requests',
  'lambda.freeTier.gbSeconds',
  'fargate.freeEphemeralStorageGb',
  'apigw.httpMeteringIncrementKb',
  'apigw.websocketMeteringIncrementKb',
  'alb.lcu.newConnectionsPerSecond',
  'alb.lcu.activeConnectionsPerMinute',
  'alb.lcu.processedGbPerHour',
  'alb.lcu.processedGbPerHourLambdaTargets',
  'alb.lcu.ruleEvaluationsPerSecond',
  'rdsProxy.minVcpu',
  'savingsPlan.compute.lambda.maxDiscountPct',
  'savingsPlan.compute.fargate.discountPct.1yNoUpfront',
  'savingsPlan.compute.fargate.discountPct.3yNoUpfront',
  'savingsPlan.compute.fargate.maxDiscountPct',
] as const;

export type GlobalKey = (typeof GLOBAL_KEYS)[number];

interface SourceEntry {
  value?: number;
  tiers?: Tier[];
  date: string;
  confidence: Confidence;
  sources: string[];
  note?: string;
}

export interface PriceSource {
  about: string;
  asOf: string;
  currency: 'USD';
  fallbackRegion: string;
  regions: Record<string, { name: string; prices: Partial<Record<string, SourceEntry>> }>;
  global: Record<string, SourceEntry>;
  sources: Record<string, { title: string; url: string; date: string | null }>;
}

export interface ResolvedPrice extends SourceEntry {
  /** The region whose figure this is: the priced region, or the fallback region. */
  from: string;
  /** Set when some or all of the figure comes from the fallback region, saying which part. */
  fallback?: string;
}

export interface PriceTable {
  asOf: string;
  currency: 'USD';
  fallbackRegion: string;
  regions: Record<string, { name: string; prices: Record<RegionalPriceKey, ResolvedPrice> }>;
  global: Record<GlobalKey, ResolvedPrice>;
  sources: PriceSource['sources'];
}

/** Checks the source table and fills every region's gaps from the fallback region. Throws on bad data. */
export function resolvePriceTable(source: PriceSource): PriceTable {
  const problems: string[] = [];
  const check = (where: string, entry: SourceEntry | undefined, tiered: boolean): void => {
    if (!entry) return;
    if (tiered ? !validTiers(entry.tiers) : !(typeof entry.value === 'number' && entry.value >= 0))
      problems.push(`${where}: ${tiered ? 'tiers' : 'value'} missing or invalid`);
    if (!/^\d{4}-\d{2}(-\d{2})?$|^undated/.test(entry.date ?? '')) problems.push(`${where}: no date`);
    if (!['high', 'medium', 'low'].includes(entry.confidence)) problems.push(`${where}: confidence must be high, medium or low`);
    if (!entry.sources?.length) problems.push(`${where}: no source`);
    for (const id of entry.sources ?? []) if (!source.sources[id]) problems.push(`${where}: unknown source ${id}`);
  };
  const fallback = source.regions[source.fallbackRegion];
  if (!fallback) throw new Error(`fallbackRegion ${source.fallbackRegion} is not in the table`);
  for (const [region, { prices }] of Object.entries(source.regions)) {
    for (const [key, entry] of Object.entries(prices)) {
      if (!(REGIONAL_PRICE_KEYS as readonly string[]).includes(key)) problems.push(`${region}: unknown price ${key}`);
      check(`${region} ${key}`, entry, TIERED_KEYS.has(key as RegionalPriceKey));
    }
  }
  for (const key of REGIONAL_PRICE_KEYS) if (!fallback.prices[key]) problems.push(`${source.fallbackRegion} (the fallback region) lacks ${key}`);
  for (const key of GLOBAL_KEYS) {
    if (!source.global[key]) problems.push(`global ${key} missing`);
    check(`global ${key}`, source.global[key], false);
  }
  if (problems.length) throw new Error(`data/pricing/prices.json:\n  ${problems.join('\n  ')}`);

  const regions: PriceTable['regions'] = {};
  for (const [region, { name, prices }] of Object.entries(source.regions)) {
    const resolved = {} as Record<RegionalPriceKey, ResolvedPrice>;
    for (const key of REGIONAL_PRICE_KEYS) {
      const own = prices[key];
      const base = fallback.prices[key]!;
      if (!own) {
        resolved[key] = {
          ...base,
          from: source.fallbackRegion,
          ...(region === source.fallbackRegion ? {} : { fallback: `no ${region} price in the sources; the ${source.fallbackRegion} price is used` }),
        };
        continue;
      }
      const entry: ResolvedPrice = { ...own, from: region };
      // A region sourced for its first tiers only (the last one not open-ended) takes the fallback's
      // higher tiers, which must start where the region's stop.
      const end = own.tiers?.[own.tiers.length - 1]?.[1];
      if (own.tiers && base.tiers && end !== null && end !== undefined) {
        const rest = base.tiers.filter((t) => t[0] >= end);
        if (rest[0]?.[0] !== end) throw new Error(`${region} ${key}: its tiers stop at ${end}, where no ${source.fallbackRegion} tier starts`);
        entry.tiers = [...own.tiers, ...rest];
        entry.fallback = `its volume tiers from ${end.toLocaleString('en-US')} a month on come from ${source.fallbackRegion}`;
      }
      resolved[key] = entry;
    }
    regions[region] = { name, prices: resolved };
  }
  const global = {} as Record<GlobalKey, ResolvedPrice>;
  for (const key of GLOBAL_KEYS) global[key] = { ...source.global[key]!, from: 'global' };
  return { asOf: source.asOf, currency: source.currency, fallbackRegion: source.fallbackRegion, regions, global, sources: source.sources };
}

function validTiers(tiers: readonly Tier[] | undefined): boolean {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers[0]![0] !== 0) return false;
  // The last tier is open-ended (null), or ends where the fallback region's next tier starts.
  return tiers.every((t, i) => t[2] >= 0 && (i === tiers.length - 1 ? t[1] === null || t[1] > t[0] : t[1] === tiers[i + 1]![0] && t[1]! > t[0]));
}
