/**
 * The shape of the sourced price table (data/pricing/prices.json) and how it becomes the bundled one. Every
 * price of a region has a provenance:
 *   own       the sources give it for that region;
 *   derived   a rule of the table's `derivations` makes it from the region's own figures (each rule states its
 *             evidence, and is checked here against every region where both figures are sourced);
 *   borrowed  nothing else exists: the fallback region's figure, and the estimate says it is incomplete.
 * A tiered price sourced for its first tier only keeps that provenance for its first tier; its higher tiers
 * are derived or borrowed, and say so (`higherTiers`).
 * scripts/gen-pricing.mjs checks the source with `resolvePriceTable` and writes it to
 * src/core/data/pricing.generated.ts (a test checks that file is current); src/core/data/pricing.ts resolves it
 * a region at a time, when an estimate first reads that region (`lazyPriceTable`).
 */

export type Confidence = 'high' | 'medium' | 'low';

/** `[fromUnits, toUnits | null (open-ended), price per unit]`, units as the key says (GB-s, requests...). */
export type Tier = readonly [number, number | null, number];

/** Where a resolved price comes from (see the module comment). */
export type Provenance = 'own' | 'derived' | 'borrowed';

/** The prices the engine reads, resolved for every region (own, derived or borrowed). */
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
  'fargate.ephemeralStorageGbHour',
  'alb.hour',
  'alb.lcuHour',
  'nlb.hour',
  'nlb.nlcuHour',
  'apigw.restPerMillion',
  'apigw.httpPerMillion',
  'apigw.websocketMessagesPerMillion',
  'apigw.websocketConnectionMinutesPerMillion',
  'nat.hour',
  'nat.gbProcessed',
  'ipv4.publicAddressHour',
  'logs.ingestionPerGb',
  'dataTransfer.internetOutPerGb',
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
  'dataTransfer.internetOutPerGb',
]);

/**
 * Regional prices the table keeps for later models (ECS on EC2, EKS, App Runner, Fargate Windows, Compute Savings
 * Plan rates, log storage): checked like the others, never resolved (a region has its own figure or none).
 * Read them with `catalogue` of a region (PriceTable).
 */
export const CATALOGUE_KEY_PATTERNS: readonly RegExp[] = [
  /^ec2\.onDemandHour\.[a-z0-9-]+\.[a-z0-9]+$/,
  /^eks\.clusterHour\.(standard|extendedSupport)$/,
  /^appRunner\.(vcpuHourActive|gbHourProvisioned|gbHourActive)$/,
  /^fargate\.windows\.(vcpuHour|gbHour|osLicensePerVcpuHour)$/,
  /^computeSavingsPlan\.fargate\.(vcpuHour|gbHour)\.(x86_64|arm64)\.(1y|3y)(No|All)Upfront$/,
  /^logs\.storagePerGbMonth$/,
];

export const GLOBAL_KEYS = [
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
  'lambda.managedInstances.requestPerMillion',
  'lambda.managedInstances.managementFeePctOfEc2OnDemand',
  'lambda.provisionedConcurrencyRoundingMinutes',
  'fargate.minimumBillingSeconds.linux',
  'fargate.minimumBillingSeconds.windows',
  'fargate.spot.maxDiscountPct',
  'eks.clusterHour.standard',
  'eks.clusterHour.extendedSupport',
  'ecs.expressMode.surcharge',
  'ecs.ec2LaunchTypeCharge',
  'appRunner.minimumActiveVcpuChargeMinutes',
  'dataTransfer.freeInternetOutGbPerMonth',
  'apigw.httpApiVpcLinkHour',
] as const;

export type GlobalKey = (typeof GLOBAL_KEYS)[number];

export interface SourceEntry {
  value?: number;
  tiers?: Tier[];
  unit?: string;
  date: string;
  confidence: Confidence;
  sources: string[];
  note?: string;
  /** Other figures the sources give, not used (e.g. older Spot snapshots). */
  alternatives?: unknown[];
}

/** A documented rule that makes a price a region lacks from that region's own figures. */
export interface Derivation {
  id: string;
  key: RegionalPriceKey;
  /**
   * ratio: key = basis (same region) x factor (of the first tier, for tiered prices);
   * higher-tiers: a first-tier-only price gets the fallback region's higher tiers, scaled by the region's first tier;
   * uniform: key = value in every region.
   */
  kind: 'ratio' | 'higher-tiers' | 'uniform';
  basis?: RegionalPriceKey;
  factor?: number;
  value?: number;
  /** Relative deviation the sourced regions may show from the rule. */
  tolerance: number;
  confidence: Confidence;
  /** For `uniform`: the date the figure stands for. */
  date?: string;
  rule: string;
  evidence: string;
  sources: string[];
}

export interface PriceSource {
  about: string;
  asOf: string;
  currency: 'USD';
  fallbackRegion: string;
  regions: Record<string, { name: string; prices: Partial<Record<string, SourceEntry>> }>;
  derivations: Derivation[];
  global: Record<string, SourceEntry>;
  /** Rules in words (not prices), with their sources: e.g. App Runner's status, how Lambda tiers aggregate. */
  facts?: Record<string, unknown>;
  /** EC2 instance types of the catalogue: vCPU, memory, architecture. */
  instanceTypes?: Record<string, { vcpu: number; memoryGiB: number; arch: string; sources: string[]; note?: string }>;
  sources: Record<string, { title: string; url: string; date: string | null; dateShown?: string }>;
}

export interface ResolvedPrice extends SourceEntry {
  /** The region whose figure this is (its first tier, for tiered prices): the priced region, or the fallback region. */
  from: string;
  /** Of the figure (the first tier, for tiered prices). */
  provenance: Provenance;
  /** For a derived or borrowed figure: how it was made. */
  explain?: string;
  /** The derivation rules used (ids of `derivations`). */
  derivedBy?: string[];
  /** A tiered price whose higher tiers are not the region's own: from which volume, and how they were made. */
  higherTiers?: { from: number; provenance: 'derived' | 'borrowed'; region: string; explain: string };
}

export interface RegionPrices {
  name: string;
  prices: Record<RegionalPriceKey, ResolvedPrice>;
  /** The region's own catalogue prices (CATALOGUE_KEY_PATTERNS), unresolved. */
  catalogue: Record<string, SourceEntry>;
}

export interface PriceTable {
  asOf: string;
  currency: 'USD';
  fallbackRegion: string;
  /** The regions offered for estimates. */
  regions: Record<string, RegionPrices>;
  /** Regions with no Lambda or Fargate price of their own: kept for their other prices, not offered for estimates. */
  unlisted: Record<string, { name: string; reason: string; catalogue: Record<string, SourceEntry> }>;
  /** Each derivation with the regions where the sources show it holds. */
  derivations: (Derivation & { holdsIn: string[] })[];
  global: Record<GlobalKey, ResolvedPrice>;
  /** EC2 instance types of the catalogue (vCPU, memory, architecture), by name. */
  instanceTypes: NonNullable<PriceSource['instanceTypes']>;
  sources: PriceSource['sources'];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$|^undated/;
const isRegionalKey = (key: string): key is RegionalPriceKey => (REGIONAL_PRICE_KEYS as readonly string[]).includes(key);
const isCatalogueKey = (key: string) => CATALOGUE_KEY_PATTERNS.some((p) => p.test(key));
const firstPrice = (e: SourceEntry): number => e.tiers?.[0]?.[2] ?? e.value ?? NaN;
/** Derived figures to six significant digits (AWS publishes at most that many). */
const round = (x: number) => Number(x.toPrecision(6));
const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];
const weakest = (...c: Confidence[]): Confidence => c.sort((a, b) => CONFIDENCE_ORDER.indexOf(a) - CONFIDENCE_ORDER.indexOf(b))[0]!;
/** A tier table that stops before its open end (a region sourced for its first tiers only). */
const openEnd = (e: SourceEntry): number | undefined => {
  const end = e.tiers?.[e.tiers.length - 1]?.[1];
  return end === null || end === undefined ? undefined : end;
};

/** Checks the source table, its derivations against the data, and resolves every listed region's prices. Throws on bad data. */
export function resolvePriceTable(source: PriceSource): PriceTable {
  const problems: string[] = [];
  const check = (where: string, entry: SourceEntry | undefined, tiered: boolean): void => {
    if (!entry) return;
    if (tiered ? !validTiers(entry.tiers) : !(typeof entry.value === 'number' && entry.value >= 0))
      problems.push(`${where}: ${tiered ? 'tiers' : 'value'} missing or invalid`);
    if (!DATE.test(entry.date ?? '')) problems.push(`${where}: no date`);
    if (!['high', 'medium', 'low'].includes(entry.confidence)) problems.push(`${where}: confidence must be high, medium or low`);
    if (!entry.sources?.length) problems.push(`${where}: no source`);
    for (const id of entry.sources ?? []) if (!source.sources[id]) problems.push(`${where}: unknown source ${id}`);
  };
  const fallback = source.regions[source.fallbackRegion];
  if (!fallback) throw new Error(`fallbackRegion ${source.fallbackRegion} is not in the table`);
  for (const [region, { prices }] of Object.entries(source.regions)) {
    for (const [key, entry] of Object.entries(prices)) {
      if (isRegionalKey(key)) check(`${region} ${key}`, entry, TIERED_KEYS.has(key));
      else if (isCatalogueKey(key)) check(`${region} ${key}`, entry, false);
      else problems.push(`${region}: unknown price ${key}`);
    }
  }
  for (const key of REGIONAL_PRICE_KEYS) {
    const own = fallback.prices[key];
    if (!own) problems.push(`${source.fallbackRegion} (the fallback region) lacks ${key}`);
    else if (openEnd(own) !== undefined) problems.push(`${source.fallbackRegion} (the fallback region) has only the first tiers of ${key}`);
  }
  for (const key of GLOBAL_KEYS) {
    if (!source.global[key]) problems.push(`global ${key} missing`);
    check(`global ${key}`, source.global[key], false);
  }
  const derivations = (source.derivations ?? []).map((d) => ({ ...d, holdsIn: checkDerivation(d, source, problems) }));
  if (problems.length) throw new Error(`data/pricing/prices.json:\n  ${problems.join('\n  ')}`);
  return assemble(
    source,
    () => derivations,
    (target, key, make) => {
      target[key] = make();
    },
  );
}

/**
 * The table of a source that `resolvePriceTable` has checked (the generator does, and a test on the generated module),
 * each region's prices resolved, and its catalogue listed, when first read. The bundles build the table this way when
 * they load: an estimate reads a region or two of the thirty, and resolving them all took 10-30 ms of each start-up.
 */
export function lazyPriceTable(source: PriceSource): PriceTable {
  let derivations: PriceTable['derivations'] | undefined;
  return assemble(source, () => (derivations ??= (source.derivations ?? []).map((d) => ({ ...d, holdsIn: checkDerivation(d, source, []) }))), lazily);
}

/** Sets `target[key]` to what `make` gives: at once, or when first read. */
type Setter = <T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]) => void;

/** A property that works its value out when first read, then holds it (enumerable: copied, compared and written out as a value is). */
const lazily: Setter = (target, key, make) => {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
};

/** The table of a checked source: every listed region's prices resolved (own, derived, borrowed), the others kept for their catalogue. */
function assemble(source: PriceSource, derivations: () => PriceTable['derivations'], set: Setter): PriceTable {
  const catalogueOf = (prices: PriceSource['regions'][string]['prices']) => {
    const catalogue: Record<string, SourceEntry> = {};
    for (const [key, entry] of Object.entries(prices)) if (entry && isCatalogueKey(key)) catalogue[key] = entry;
    return catalogue;
  };
  const regions: PriceTable['regions'] = {};
  const unlisted: PriceTable['unlisted'] = {};
  for (const [region, { name, prices }] of Object.entries(source.regions)) {
    if (!prices['lambda.requestPerMillion'] && !prices['fargate.vcpuHour.x86_64']) {
      const entry = { name, reason: 'no Lambda or Fargate price of its own in the sources' } as PriceTable['unlisted'][string];
      set(entry, 'catalogue', () => catalogueOf(prices));
      unlisted[region] = entry;
      continue;
    }
    const entry = { name } as RegionPrices;
    set(entry, 'prices', () => resolveRegion(region, source, derivations()));
    set(entry, 'catalogue', () => catalogueOf(prices));
    regions[region] = entry;
  }
  const global = {} as Record<GlobalKey, ResolvedPrice>;
  for (const key of GLOBAL_KEYS) global[key] = { ...source.global[key]!, from: 'global', provenance: 'own' };
  const table = { asOf: source.asOf, currency: source.currency, fallbackRegion: source.fallbackRegion, regions, unlisted } as PriceTable;
  set(table, 'derivations', derivations);
  table.global = global;
  table.instanceTypes = source.instanceTypes ?? {};
  table.sources = source.sources;
  return table;
}

/** A derivation's problems (none means it may be used), and the regions where the sources show it holds. */
function checkDerivation(d: Derivation, source: PriceSource, problems: string[]): string[] {
  const where = `derivation ${d.id ?? '(no id)'}`;
  const before = problems.length;
  if (!isRegionalKey(d.key)) problems.push(`${where}: unknown price ${d.key}`);
  if (!d.rule?.trim()) problems.push(`${where}: no rule`);
  if (!d.evidence?.trim()) problems.push(`${where}: no evidence`);
  if (!d.sources?.length) problems.push(`${where}: no source`);
  for (const id of d.sources ?? []) if (!source.sources[id]) problems.push(`${where}: unknown source ${id}`);
  if (!['high', 'medium', 'low'].includes(d.confidence)) problems.push(`${where}: confidence must be high, medium or low`);
  if (!(typeof d.tolerance === 'number' && d.tolerance >= 0 && d.tolerance < 0.1)) problems.push(`${where}: tolerance must be a small share (0 to 0.1)`);
  if (d.kind === 'ratio' && (!d.basis || !isRegionalKey(d.basis) || !(typeof d.factor === 'number' && d.factor > 0)))
    problems.push(`${where}: a ratio needs a basis price and a factor`);
  if (d.kind === 'ratio' && d.basis && d.key && TIERED_KEYS.has(d.basis) !== TIERED_KEYS.has(d.key))
    problems.push(`${where}: basis and price must both be tiered or both not`);
  if (d.kind === 'uniform' && (!(typeof d.value === 'number' && d.value >= 0) || !DATE.test(d.date ?? '')))
    problems.push(`${where}: uniform needs a value and a date`);
  if (d.kind === 'higher-tiers' && !TIERED_KEYS.has(d.key)) problems.push(`${where}: higher-tiers applies to tiered prices only`);
  if (!['ratio', 'higher-tiers', 'uniform'].includes(d.kind)) problems.push(`${where}: unknown kind ${d.kind}`);
  if (problems.length > before) return [];

  // The evidence in the data: every region where the rule can be compared with sourced figures must agree.
  const holdsIn: string[] = [];
  const near = (actual: number, expected: number) => Math.abs(actual - expected) <= d.tolerance * Math.abs(expected) + 1e-12;
  const base = source.regions[source.fallbackRegion]!.prices[d.key]!;
  for (const [region, { prices }] of Object.entries(source.regions)) {
    const own = prices[d.key];
    if (!own) continue;
    if (d.kind === 'ratio') {
      const basis = prices[d.basis!];
      if (!basis) continue;
      const ratio = firstPrice(own) / firstPrice(basis);
      if (!near(ratio, d.factor!)) problems.push(`${where} does not hold in ${region}: ${d.key} / ${d.basis} = ${round(ratio)}, not ${d.factor}`);
      else holdsIn.push(region);
    } else if (d.kind === 'uniform') {
      if (!near(firstPrice(own), d.value!)) problems.push(`${where} does not hold in ${region}: ${d.key} = ${firstPrice(own)}, not ${d.value}`);
      else holdsIn.push(region);
    } else if (openEnd(own) === undefined && own.tiers && base.tiers && own.tiers.length === base.tiers.length) {
      const bad = own.tiers.find((t, i) => t[0] !== base.tiers![i]![0] || !near(t[2] / own.tiers![0]![2], base.tiers![i]![2] / base.tiers![0]![2]));
      if (bad) problems.push(`${where} does not hold in ${region}: its tier from ${bad[0]} is not scaled as in ${source.fallbackRegion}`);
      else holdsIn.push(region);
    }
  }
  if (!holdsIn.length && problems.length === before) problems.push(`${where}: no region's sourced figures show it (no evidence in the data)`);
  return holdsIn;
}

/** One listed region's prices: own, then derived (ratio and uniform rules, then higher tiers), then borrowed. */
function resolveRegion(region: string, source: PriceSource, derivations: PriceTable['derivations']): Record<RegionalPriceKey, ResolvedPrice> {
  const { prices } = source.regions[region]!;
  const fb = source.fallbackRegion;
  const fallback = source.regions[fb]!.prices;
  const resolved: Partial<Record<RegionalPriceKey, ResolvedPrice>> = {};
  for (const key of REGIONAL_PRICE_KEYS) {
    const own = prices[key];
    if (own) resolved[key] = { ...own, ...(own.tiers ? { tiers: own.tiers.map((t) => [...t] as Tier) } : {}), from: region, provenance: 'own' };
  }
  const derivedEntry = (d: Derivation, basis: SourceEntry | undefined, figure: Pick<SourceEntry, 'value' | 'tiers'>): ResolvedPrice => ({
    ...figure,
    ...(fallback[d.key]!.unit ? { unit: fallback[d.key]!.unit } : {}),
    date: basis?.date ?? d.date!,
    confidence: basis ? weakest(basis.confidence, d.confidence) : d.confidence,
    sources: [...new Set([...(basis?.sources ?? []), ...d.sources])],
    from: region,
    provenance: 'derived',
    derivedBy: [d.id],
    explain: `derived (${d.id}): ${d.rule}`,
  });
  for (const d of derivations) {
    if (resolved[d.key] || d.kind === 'higher-tiers') continue;
    if (d.kind === 'uniform') {
      resolved[d.key] = derivedEntry(d, undefined, { value: d.value! });
      continue;
    }
    const basis = resolved[d.basis!];
    if (!basis || basis.provenance === 'borrowed') continue;
    if (TIERED_KEYS.has(d.key)) {
      const end = fallback[d.key]!.tiers!.length > 1 ? fallback[d.key]!.tiers![0]![1] : null;
      resolved[d.key] = derivedEntry(d, basis, { tiers: [[0, end, round(basis.tiers![0]![2] * d.factor!)]] });
    } else {
      resolved[d.key] = derivedEntry(d, basis, { value: round(basis.value! * d.factor!) });
    }
  }
  for (const key of TIERED_KEYS) {
    const entry = resolved[key];
    const end = entry && openEnd(entry);
    if (!entry || end === undefined) continue;
    const base = fallback[key]!.tiers!;
    const rest = base.filter((t) => t[0] >= end);
    if (rest[0]?.[0] !== end) throw new Error(`${region} ${key}: its tiers stop at ${end}, where no ${fb} tier starts`);
    const rule = derivations.find((d) => d.kind === 'higher-tiers' && d.key === key);
    const volume = end.toLocaleString('en-US');
    if (rule) {
      // The fallback's tier at the region's last tier, scaled to the region's: tier n = own tier x (fallback n / fallback there).
      const at = base.find((t) => t[1] === end)!;
      const scale = entry.tiers![entry.tiers!.length - 1]![2] / at[2];
      entry.tiers = [...entry.tiers!, ...rest.map((t): Tier => [t[0], t[1], round(t[2] * scale)])];
      entry.higherTiers = { from: end, provenance: 'derived', region, explain: `tiers from ${volume} a month on derived (${rule.id}): ${rule.rule}` };
      entry.derivedBy = [...(entry.derivedBy ?? []), rule.id];
      entry.sources = [...new Set([...entry.sources, ...rule.sources])];
    } else {
      entry.tiers = [...entry.tiers!, ...rest];
      entry.higherTiers = {
        from: end,
        provenance: 'borrowed',
        region: fb,
        explain: `no ${region} price for the tiers from ${volume} a month on; the ${fb} tiers are used`,
      };
    }
  }
  for (const key of REGIONAL_PRICE_KEYS) {
    if (resolved[key]) continue;
    resolved[key] = { ...fallback[key]!, from: fb, provenance: 'borrowed', explain: `no ${region} price in the sources; the ${fb} price is used` };
  }
  return resolved as Record<RegionalPriceKey, ResolvedPrice>;
}

function validTiers(tiers: readonly Tier[] | undefined): boolean {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers[0]![0] !== 0) return false;
  // The last tier is open-ended (null), or ends where the fallback region's next tier starts.
  return tiers.every((t, i) => t[2] >= 0 && (i === tiers.length - 1 ? t[1] === null || t[1] > t[0] : t[1] === tiers[i + 1]![0] && t[1]! > t[0]));
}
