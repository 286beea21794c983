/**
 * The checks every face applies to `crossover.*` settings where it reads them (the editor's settings, the CLI's
 * --config file, the engine's own resolveConfig / resolveCostSettings): a value of the wrong type, outside its
 * range, not in its list, or keyed by anything but a known key never reaches the engine. Numbers out of range are
 * clamped to the bound; anything else falls back to the default. Each problem is one sentence for the log.
 *
 * SETTING_BOUNDS and the enums here are those of package.json (test/meta/settings.test.ts keeps them equal).
 */
import { type PriceOverrides } from './cost/price-book.js';
import { REGIONAL_PRICE_KEYS, TIERED_KEYS, type RegionalPriceKey, type Tier } from './data/price-table.js';
import { LAMBDA_LIMITS } from './data/limits.js';
import { PRICE_TABLE } from './data/pricing.js';
import { type SeveritySetting } from './findings.js';
import { RULES_BY_ID } from './rules/registry.js';
import { availablePlatforms } from './cost/platforms/index.js';

export interface Bounds {
  integer?: boolean;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  enum?: readonly number[];
}

/** Every numeric setting (the part of its name after `crossover.`) and its bounds, as package.json declares them. */
export const SETTING_BOUNDS = {
  'limits.restApiIntegrationTimeoutSeconds': { minimum: 1 },
  'limits.accountConcurrency': { minimum: 1 },
  maxFileSizeKb: { minimum: 1, maximum: 16_384 },
  'analysis.debounceMs': { minimum: 0, maximum: 10_000 },
  'workspaceScan.maxFiles': { minimum: 1, maximum: 100_000 },
  'usage.requestsPerMonth.low': { minimum: 0, maximum: 1e12 },
  'usage.requestsPerMonth.typical': { minimum: 0, maximum: 1e12 },
  'usage.requestsPerMonth.high': { minimum: 0, maximum: 1e12 },
  'usage.averageDurationMs': { exclusiveMinimum: 0, maximum: LAMBDA_LIMITS.maxTimeoutSeconds.value * 1000 },
  'usage.averagePayloadKb': { minimum: 0, maximum: 1_048_576 },
  'usage.peakToAverage': { minimum: 1, maximum: 1000 },
  'usage.rdsProxyDatabaseVcpu': { minimum: 1, maximum: 1000 },
  'usage.busyHoursPerDay': { minimum: 1, maximum: 24 },
  'usage.egressKbPerRequest': { minimum: 0, maximum: 1_048_576 },
  'usage.logsKbPerRequest': { minimum: 0, maximum: 1_048_576 },
  'network.natGateways': { integer: true, minimum: 0, maximum: 16 },
  'fargate.maxTasks': { integer: true, minimum: 1, maximum: 100_000 },
  'fargate.cpuBusyShare': { exclusiveMinimum: 0, maximum: 1 },
  'fargate.targetUtilization': { minimum: 0.1, maximum: 1 },
  'fargate.vcpu': { enum: [0.25, 0.5, 1, 2, 4, 8, 16] },
  'fargate.memoryGb': { minimum: 0.5, maximum: 120 },
  'fargate.minTasks': { integer: true, minimum: 1, maximum: 100_000 },
  'fargate.concurrentRequestsPerVcpu': { exclusiveMinimum: 0, maximum: 1_000_000 },
  'fargate.ephemeralStorageGb': { minimum: 20, maximum: 200 },
} as const satisfies Record<string, Bounds>;

export type NumberSetting = keyof typeof SETTING_BOUNDS;

/** The string settings with a fixed list of values. */
export const SETTING_ENUMS = {
  'fargate.architecture': ['match', 'x86_64', 'arm64'],
  'pricing.savingsPlan': ['none', '1y-no-upfront', '3y-no-upfront', '3y-all-upfront'],
} as const satisfies Record<string, readonly string[]>;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

const show = (value: unknown): string => {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` within `bounds` (clamped), else `fallback`; undefined or null is the fallback without a word. `what`
 * names the value in the problem (`crossover.maxFileSizeKb`).
 */
export function checkNumber(what: string, value: unknown, bounds: Bounds, fallback: number, problems: string[]): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${what}: ${show(value)} is not a number; the default ${fallback} is used.`);
    return fallback;
  }
  if (bounds.enum) {
    if (bounds.enum.includes(value)) return value;
    problems.push(`${what}: ${value} is not one of ${bounds.enum.join(', ')}; the default ${fallback} is used.`);
    return fallback;
  }
  if (bounds.exclusiveMinimum !== undefined && value <= bounds.exclusiveMinimum) {
    problems.push(`${what}: ${value} must be above ${bounds.exclusiveMinimum}; the default ${fallback} is used.`);
    return fallback;
  }
  let checked = bounds.integer ? Math.round(value) : value;
  if (bounds.minimum !== undefined && checked < bounds.minimum) checked = bounds.minimum;
  if (bounds.maximum !== undefined && checked > bounds.maximum) checked = bounds.maximum;
  if (checked !== value) problems.push(`${what}: ${value} is outside ${describeBounds(bounds)}; ${checked} is used.`);
  return checked;
}

function describeBounds(bounds: Bounds): string {
  const parts = [
    bounds.integer ? 'whole numbers' : '',
    bounds.minimum !== undefined ? `at least ${bounds.minimum}` : '',
    bounds.maximum !== undefined ? `at most ${bounds.maximum}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** A numeric setting by name, with its package.json bounds. */
export function checkSetting(name: NumberSetting, value: unknown, fallback: number, problems: string[]): number {
  return checkNumber(`crossover.${name}`, value, SETTING_BOUNDS[name], fallback, problems);
}

export function checkBoolean(name: string, value: unknown, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  problems.push(`crossover.${name}: ${show(value)} is not true or false; the default ${fallback} is used.`);
  return fallback;
}

export function checkEnum<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T, problems: string[]): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`crossover.${name}: ${show(value)} is not one of ${allowed.join(', ')}; the default ${fallback} is used.`);
  return fallback;
}

/** A region the price data has (an own key of its table: `constructor` or `__proto__` are not regions). */
function isPricedRegion(region: string): boolean {
  return Object.hasOwn(PRICE_TABLE.regions, region);
}

export function checkRegion(name: string, value: unknown, fallback: string, problems: string[]): string {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && isPricedRegion(value)) return value;
  problems.push(`crossover.${name}: ${show(value)} is not a region in Crossover's price data; ${fallback} is used.`);
  return fallback;
}

/** Severity per known rule id; other ids and severities are left out. */
export function checkRules(value: unknown, problems: string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (value === undefined || value === null) return rules;
  if (!isObject(value)) {
    problems.push(`crossover.rules: ${show(value)} is not an object of rule ids and severities; it is ignored.`);
    return rules;
  }
  for (const [id, severity] of Object.entries(value)) {
    if (!RULES_BY_ID.has(id)) problems.push(`crossover.rules: ${JSON.stringify(id.slice(0, 60))} is not a rule of this version; it is ignored.`);
    else if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      problems.push(`crossover.rules: ${id} must be one of ${SEVERITY_SETTINGS.join(', ')}; ${show(severity)} is ignored.`);
    } else {
      rules[id] = severity as SeveritySetting;
    }
  }
  return rules;
}

/**
 * The platforms beyond Lambda and ECS on Fargate to cost, by id: a list of the registered ones (unknown ids are
 * left out, each said once); null or absent: every registered platform.
 */
export function checkPlatforms(value: unknown, problems: string[], known: readonly string[] = availablePlatforms().map((p) => p.id)): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.push(`crossover.platforms: ${show(value)} is not a list of platform ids; the default platforms are costed.`);
    return null;
  }
  const out: string[] = [];
  for (const id of value) {
    if (typeof id === 'string' && known.includes(id)) {
      if (!out.includes(id)) out.push(id);
    } else problems.push(`crossover.platforms: ${show(id)} is not a platform of this version (${known.join(', ')}); it is left out.`);
  }
  return out;
}

/** At most this many tiers in a price override (AWS's tiered prices have three or four). */
const MAX_TIERS = 32;

/** `[[0, to, price], [to, to2, price], ..., [from, null, price]]`: from 0, contiguous, open-ended, prices finite and not negative. */
function isTierList(value: unknown): value is Tier[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TIERS) return false;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return value.every((tier: unknown, i) => {
    if (!Array.isArray(tier) || tier.length !== 3) return false;
    const [from, to, price] = tier as unknown[];
    if (!finite(from) || !finite(price)) return false;
    if (i === 0 && from !== 0) return false;
    const last = i === value.length - 1;
    if (last) return to === null;
    const next = (value[i + 1] as unknown[] | undefined)?.[0];
    return finite(to) && to > from && to === next;
  });
}

/** The user's price overrides: known price keys only, each a finite price ≥ 0 or (for tiered prices) a tier list. */
export function checkPriceOverrides(value: unknown, problems: string[]): PriceOverrides {
  const overrides: PriceOverrides = {};
  if (value === undefined || value === null) return overrides;
  if (!isObject(value)) {
    problems.push(`crossover.pricing.overrides: ${show(value)} is not an object of prices; it is ignored.`);
    return overrides;
  }
  const known = new Set<string>(REGIONAL_PRICE_KEYS);
  for (const [key, price] of Object.entries(value)) {
    if (!known.has(key)) {
      problems.push(`crossover.pricing.overrides: ${JSON.stringify(key.slice(0, 60))} is not a price Crossover uses; it is ignored.`);
      continue;
    }
    const k = key as RegionalPriceKey;
    if (typeof price === 'number' && Number.isFinite(price) && price >= 0) overrides[k] = price;
    else if (TIERED_KEYS.has(k) && isTierList(price)) overrides[k] = price.map((t) => [t[0], t[1], t[2]] as const);
    else {
      const expected = TIERED_KEYS.has(k) ? 'a price of at least 0 or a list of tiers [[0, to, price], ..., [from, null, price]]' : 'a price of at least 0';
      problems.push(`crossover.pricing.overrides: ${key} must be ${expected}; ${show(price)} is ignored.`);
    }
  }
  return overrides;
}
