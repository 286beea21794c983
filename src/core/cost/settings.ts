/**
 * The user's cost settings (VS Code `crossover.*`, CLI flags, a config file): what is assumed when the template
 * and the usage file do not say, the region and the price overrides; their defaults, and how partial settings
 * are checked and merged over them.
 */
import { FARGATE_LIMITS } from '../data/limits.js';
import { SAVINGS_PLANS, type Architecture, type SavingsPlan } from './model.js';
import { DEFAULT_REGION, type PriceOverrides } from './price-book.js';
import {
  checkBoolean,
  checkEnum,
  checkNumber,
  checkPlatforms,
  checkPriceOverrides,
  checkRegion,
  checkSetting,
  SETTING_BOUNDS,
  SETTING_ENUMS,
  type Bounds,
} from '../settings.js';

export interface CostSettings {
  /** The platforms beyond Lambda and Fargate to cost, by id (null: those shown by default). */
  platforms: string[] | null;
  /** The account already uses App Runner (closed to new customers): App Runner may be costed. */
  appRunnerCustomer: boolean;
  region: string;
  freeTier: boolean;
  priceOverrides: PriceOverrides;
  /** Monthly requests assumed when the usage file gives none. */
  traffic: { low: number; typical: number; high: number };
  durationMs: number;
  payloadKb: number;
  peakToAverage: number;
  /** Hours a day at the peak rate (the rest of the day shares what is left). */
  busyHoursPerDay: number;
  /** KB each request sends out to the internet or AWS services (what passes a NAT gateway). */
  egressKbPerRequest: number;
  /** KB of CloudWatch Logs each request writes (0: logs not counted). */
  logsKbPerRequest: number;
  /** NAT gateways of the network when the template declares none (one per AZ). */
  natGateways: number;
  savingsPlan: SavingsPlan;
  fargate: {
    /** Task size; null = from the function (its memory and CPU share, rounded up to a Fargate size). */
    vcpu: number | null;
    memoryGb: number | null;
    /** `match`: the function's architecture. */
    architecture: Architecture | 'match';
    minTasks: number;
    /** Most tasks autoscaling may run (null: no cap). */
    maxTasks: number | null;
    /** Concurrent requests per vCPU; null = from the CPU a request uses (cpuBusyShare, targetUtilization). */
    concurrencyPerVcpu: number | null;
    /** Share of a request's duration its CPU is busy (the rest waits on I/O). */
    cpuBusyShare: number;
    /** CPU utilisation autoscaling keeps each task at. */
    targetUtilization: number;
    spot: boolean;
    ephemeralStorageGb: number;
    /** A fixed task count; null = sized from traffic. */
    tasks: number | null;
    /** Fixed average ALB LCUs; null = from traffic. */
    albLcu: number | null;
    /** The tasks run in private subnets and reach the internet through the NAT gateways (else: public IPs). */
    natGateway: boolean;
  };
  /** vCPUs of the database behind an RDS Proxy a function uses (billed for at least 2). */
  rdsProxyVcpu: number;
  /** The team runs Kubernetes already: the decision checklist weighs EKS without its cluster fee. */
  teamRunsKubernetes: boolean;
}

export const DEFAULT_COST_SETTINGS: CostSettings = {
  platforms: null,
  appRunnerCustomer: false,
  region: DEFAULT_REGION,
  freeTier: false,
  priceOverrides: {},
  traffic: { low: 100_000, typical: 1_000_000, high: 10_000_000 },
  durationMs: 100,
  payloadKb: 4,
  peakToAverage: 3,
  busyHoursPerDay: 6,
  egressKbPerRequest: 0,
  logsKbPerRequest: 0,
  natGateways: 1,
  savingsPlan: 'none',
  fargate: {
    vcpu: null,
    memoryGb: null,
    architecture: 'match',
    minTasks: 2,
    maxTasks: null,
    concurrencyPerVcpu: null,
    cpuBusyShare: 0.5,
    targetUtilization: 0.7,
    spot: false,
    ephemeralStorageGb: FARGATE_LIMITS.defaultEphemeralStorageGb.value,
    tasks: null,
    albLcu: null,
    natGateway: false,
  },
  rdsProxyVcpu: 2,
  teamRunsKubernetes: false,
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
  /** A given figure, or null: worked out (from traffic, the function; the CLI's --fargate-tasks and --alb-lcu). */
  const nullable = (name: string, value: unknown, bounds: Bounds): number | null => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) {
      const checked = checkNumber(name, value, bounds, Number.NaN, problems);
      return Number.isNaN(checked) ? null : checked;
    }
    problems.push(`${name}: ${JSON.stringify(value)} is not a number; it is worked out instead.`);
    return null;
  };
  return {
    platforms: checkPlatforms(p['platforms'], problems),
    appRunnerCustomer: checkBoolean('appRunnerCustomer', p['appRunnerCustomer'], d.appRunnerCustomer, problems),
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
    busyHoursPerDay: checkSetting('usage.busyHoursPerDay', p['busyHoursPerDay'], d.busyHoursPerDay, problems),
    egressKbPerRequest: checkSetting('usage.egressKbPerRequest', p['egressKbPerRequest'], d.egressKbPerRequest, problems),
    logsKbPerRequest: checkSetting('usage.logsKbPerRequest', p['logsKbPerRequest'], d.logsKbPerRequest, problems),
    natGateways: checkSetting('network.natGateways', p['natGateways'], d.natGateways, problems),
    savingsPlan: checkEnum('pricing.savingsPlan', p['savingsPlan'], SAVINGS_PLANS, d.savingsPlan, problems),
    fargate: {
      vcpu: nullable('crossover.fargate.vcpu', f['vcpu'], SETTING_BOUNDS['fargate.vcpu']),
      memoryGb: nullable('crossover.fargate.memoryGb', f['memoryGb'], SETTING_BOUNDS['fargate.memoryGb']),
      architecture: checkEnum('fargate.architecture', f['architecture'], SETTING_ENUMS['fargate.architecture'], d.fargate.architecture, problems),
      minTasks: checkSetting('fargate.minTasks', f['minTasks'], d.fargate.minTasks, problems),
      maxTasks: nullable('crossover.fargate.maxTasks', f['maxTasks'], SETTING_BOUNDS['fargate.maxTasks']),
      concurrencyPerVcpu: nullable('crossover.fargate.concurrentRequestsPerVcpu', f['concurrencyPerVcpu'], SETTING_BOUNDS['fargate.concurrentRequestsPerVcpu']),
      cpuBusyShare: checkSetting('fargate.cpuBusyShare', f['cpuBusyShare'], d.fargate.cpuBusyShare, problems),
      targetUtilization: checkSetting('fargate.targetUtilization', f['targetUtilization'], d.fargate.targetUtilization, problems),
      spot: checkBoolean('fargate.spot', f['spot'], d.fargate.spot, problems),
      ephemeralStorageGb: checkSetting('fargate.ephemeralStorageGb', f['ephemeralStorageGb'], d.fargate.ephemeralStorageGb, problems),
      tasks: nullable('The Fargate task count', f['tasks'], { integer: true, minimum: 1, maximum: 100_000 }),
      albLcu: nullable('The ALB LCUs', f['albLcu'], { minimum: 0, maximum: 1_000_000 }),
      natGateway: checkBoolean('fargate.natGateway', f['natGateway'], d.fargate.natGateway, problems),
    },
    rdsProxyVcpu: checkSetting('usage.rdsProxyDatabaseVcpu', p['rdsProxyVcpu'], d.rdsProxyVcpu, problems),
    teamRunsKubernetes: checkBoolean('teamRunsKubernetes', p['teamRunsKubernetes'], d.teamRunsKubernetes, problems),
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
