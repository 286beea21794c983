/**
 * The user's cost settings (VS Code `crossover.*`, CLI flags, a config file): what is assumed when the template
 * and the usage file do not say, the region and the price overrides; their defaults, and how partial settings
 * are checked and merged over them.
 */
import { FARGATE_LIMITS } from '../data/limits.js';
import { type Architecture } from './model.js';
import { DEFAULT_REGION, type PriceOverrides } from './price-book.js';
import { checkBoolean, checkEnum, checkNumber, checkPriceOverrides, checkRegion, checkSetting, SETTING_ENUMS, type Bounds } from '../settings.js';

export interface CostSettings {
  region: string;
  freeTier: boolean;
  priceOverrides: PriceOverrides;
  /** Monthly requests assumed when the usage file gives none. */
  traffic: { low: number; typical: number; high: number };
  durationMs: number;
  payloadKb: number;
  peakToAverage: number;
  fargate: {
    vcpu: number;
    memoryGb: number;
    /** `match`: the function's architecture. */
    architecture: Architecture | 'match';
    minTasks: number;
    concurrencyPerVcpu: number;
    spot: boolean;
    ephemeralStorageGb: number;
    /** A fixed task count; null = sized from traffic. */
    tasks: number | null;
    /** Fixed average ALB LCUs; null = from traffic. */
    albLcu: number | null;
    /** The tasks reach the internet through a NAT gateway. */
    natGateway: boolean;
  };
  /** vCPUs of the database behind an RDS Proxy a function uses (billed for at least 2). */
  rdsProxyVcpu: number;
}

export const DEFAULT_COST_SETTINGS: CostSettings = {
  region: DEFAULT_REGION,
  freeTier: false,
  priceOverrides: {},
  traffic: { low: 100_000, typical: 1_000_000, high: 10_000_000 },
  durationMs: 100,
  payloadKb: 4,
  peakToAverage: 3,
  fargate: {
    vcpu: 1,
    memoryGb: 2,
    architecture: 'match',
    minTasks: 2,
    concurrencyPerVcpu: 10,
    spot: false,
    ephemeralStorageGb: FARGATE_LIMITS.defaultEphemeralStorageGb.value,
    tasks: null,
    albLcu: null,
    natGateway: false,
  },
  rdsProxyVcpu: 2,
};

/**
 * Merges partial settings (from VS Code, CLI flags or a config file) over the defaults, checked one by one as
 * package.json describes them (core/settings.ts): a number out of range is clamped, a value of the wrong type or
 * not in its list is replaced by the default, a region must be one the price data has, price overrides only
 * known keys with well-formed prices. Each problem is said once in `problems`; nothing here throws.
 */
export function resolveCostSettings(partial: DeepPartial<CostSettings> = {}, problems: string[] = []): CostSettings {
  const d = DEFAULT_COST_SETTINGS;
  const p = (isRecord(partial) ? partial : {}) as Record<string, unknown>;
  const traffic = (isRecord(p['traffic']) ? p['traffic'] : {}) as Record<string, unknown>;
  const f = (isRecord(p['fargate']) ? p['fargate'] : {}) as Record<string, unknown>;
  /** A fixed figure, or null: from traffic (the CLI's --fargate-tasks and --alb-lcu). */
  const nullable = (name: string, value: unknown, bounds: Bounds): number | null => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return checkNumber(name, value, bounds, 0, problems);
    problems.push(`${name}: ${JSON.stringify(value)} is not a number; it is worked out from the traffic.`);
    return null;
  };
  return {
    region: checkRegion('pricing.region', p['region'], d.region, problems),
    freeTier: checkBoolean('pricing.freeTier', p['freeTier'], d.freeTier, problems),
    priceOverrides: checkPriceOverrides(p['priceOverrides'], problems),
    traffic: {
      low: checkSetting('usage.requestsPerMonth.low', traffic['low'], d.traffic.low, problems),
      typical: checkSetting('usage.requestsPerMonth.typical', traffic['typical'], d.traffic.typical, problems),
      high: checkSetting('usage.requestsPerMonth.high', traffic['high'], d.traffic.high, problems),
    },
    durationMs: checkSetting('usage.averageDurationMs', p['durationMs'], d.durationMs, problems),
    payloadKb: checkSetting('usage.averagePayloadKb', p['payloadKb'], d.payloadKb, problems),
    peakToAverage: checkSetting('usage.peakToAverage', p['peakToAverage'], d.peakToAverage, problems),
    fargate: {
      vcpu: checkSetting('fargate.vcpu', f['vcpu'], d.fargate.vcpu, problems),
      memoryGb: checkSetting('fargate.memoryGb', f['memoryGb'], d.fargate.memoryGb, problems),
      architecture: checkEnum('fargate.architecture', f['architecture'], SETTING_ENUMS['fargate.architecture'], d.fargate.architecture, problems),
      minTasks: checkSetting('fargate.minTasks', f['minTasks'], d.fargate.minTasks, problems),
      concurrencyPerVcpu: checkSetting('fargate.concurrentRequestsPerVcpu', f['concurrencyPerVcpu'], d.fargate.concurrencyPerVcpu, problems),
      spot: checkBoolean('fargate.spot', f['spot'], d.fargate.spot, problems),
      ephemeralStorageGb: checkSetting('fargate.ephemeralStorageGb', f['ephemeralStorageGb'], d.fargate.ephemeralStorageGb, problems),
      tasks: nullable('The Fargate task count', f['tasks'], { integer: true, minimum: 1, maximum: 100_000 }),
      albLcu: nullable('The ALB LCUs', f['albLcu'], { minimum: 0, maximum: 1_000_000 }),
      natGateway: checkBoolean('fargate.natGateway', f['natGateway'], d.fargate.natGateway, problems),
    },
    rdsProxyVcpu: checkSetting('usage.rdsProxyDatabaseVcpu', p['rdsProxyVcpu'], d.rdsProxyVcpu, problems),
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
