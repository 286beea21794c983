/**
 * A function from the template + its usage + the user's cost settings -> the Lambda and Fargate figures
 * shown in hovers, CodeLenses and `crossover cost <template>`, with every assumption and where it came
 * from. When the usage file gives no traffic, one number would be false precision: the estimate has
 * low / typical / high bands, typical first.
 */
import { formatCount, formatUsd } from './format.js';
import { type EcsService, type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { crossovers, type Crossover } from './crossover.js';
import { SECONDS_PER_MONTH, type Architecture, type FrontDoor, type Scenario } from './model.js';
import { platforms, type PlatformCost } from './platforms/index.js';
import { type FargateCost } from './platforms/ecs-fargate.js';
import { type LambdaCost } from './platforms/lambda.js';
import { DEFAULT_REGION, priceBook, type PriceBook, type PriceOverrides } from './price-book.js';
import { checkBoolean, checkEnum, checkNumber, checkPriceOverrides, checkRegion, checkSetting, SETTING_ENUMS, type Bounds } from '../settings.js';
import { type UsageFile, usageFor } from './usage-file.js';
import { type RegionalPriceKey } from './price-table.js';

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
    ephemeralStorageGb: 20,
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

export type AssumptionSource = 'template' | 'usage file' | 'settings' | 'default';

export interface Assumption {
  name: string;
  value: string;
  source: AssumptionSource;
}

export interface Comparison {
  requestsPerMonth: number;
  /** Every platform's figure, in the registry's order (Lambda, Fargate, then any others). */
  platforms: PlatformCost[];
  /** Views of the two built-in platforms' entries. */
  lambda: LambdaCost;
  fargate: FargateCost;
  /** Of Lambda and Fargate. */
  cheaper: 'lambda' | 'fargate' | 'equal';
}

export interface FunctionEstimate {
  id: string;
  /** `given`: the usage file sets the traffic; `assumed`: the bands from settings or defaults. */
  traffic: 'given' | 'assumed';
  typical: Comparison;
  low?: Comparison;
  high?: Comparison;
  /** Where Fargate becomes cheaper than Lambda (`crossovers['ecs-fargate']`). */
  crossover: Crossover;
  /** Where each platform but Lambda becomes cheaper than Lambda, by platform id. */
  crossovers: Record<string, Crossover>;
  scenario: Scenario;
  assumptions: Assumption[];
  notes: string[];
  priceDate: string;
  region: string;
}

const DOOR_BY_EVENT: Partial<Record<string, FrontDoor>> = {
  api: 'rest-api',
  'http-api': 'http-api',
  websocket: 'websocket-api',
  alb: 'alb',
  'function-url': 'function-url',
};

/** The front door of a function: its first synchronous HTTP event source, else none. */
export function frontDoorOf(fn: LambdaFunction): FrontDoor {
  for (const event of fn.events) {
    const door = Object.hasOwn(DOOR_BY_EVENT, event.kind) ? DOOR_BY_EVENT[event.kind] : undefined;
    if (door) return door;
  }
  return 'none';
}

export function compare(scenario: Scenario, prices: PriceBook): Comparison {
  const all = platforms().map((p) => p.cost(scenario, prices));
  const lambda = all.find((c) => c.platform === 'lambda') as LambdaCost;
  const fargate = all.find((c) => c.platform === 'ecs-fargate') as FargateCost;
  const diff = lambda.monthlyUsd - fargate.monthlyUsd;
  return {
    requestsPerMonth: scenario.requestsPerMonth,
    platforms: all,
    lambda,
    fargate,
    cheaper: Math.abs(diff) < 0.005 ? 'equal' : diff < 0 ? 'lambda' : 'fargate',
  };
}

/** Every price a comparison read, once each. */
export function priceKeysOf(c: Comparison): RegionalPriceKey[] {
  return [...new Set(c.platforms.flatMap((p) => p.priceKeys))];
}

/** Does the function reach a database through an RDS Proxy of its template (a link to the proxy or one of its endpoints)? */
export function usesRdsProxy(fn: LambdaFunction, model: TemplateModel): boolean {
  return fn.links.some((link) => model.dbProxies.some((proxy) => proxy.id === link.targetId || proxy.endpointIds.includes(link.targetId)));
}

export function estimateFunction(
  fn: LambdaFunction,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  options: { rdsProxy?: boolean } = {},
): FunctionEstimate {
  const assumptions: Assumption[] = [];
  const notes: string[] = [];
  const { entry, listed } = usageFor(usage, templatePath, fn.id);
  const fromUsage = (key: keyof typeof entry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const region = usage.region ?? settings.region;
  const prices = priceBook(region, settings.priceOverrides);
  if (!prices.known) notes.push(`${region} is not in Crossover's price data: ${prices.regionName} prices are those of us-east-1.`);

  const memoryMb = fn.memoryMb.value ?? 128;
  if (fn.memoryMb.value === undefined) notes.push(`Memory is not static (${fn.memoryMb.unresolved ?? 'unresolved'}): 128 MB assumed.`);
  const architecture = fn.architecture.value ?? 'x86_64';
  const frontDoor = frontDoorOf(fn);
  const durationMs = entry.averageDurationMs ?? settings.durationMs;
  const payloadKb = entry.averagePayloadKb ?? settings.payloadKb;
  const peakToAverage = entry.peakToAverage ?? settings.peakToAverage;
  const givenRequests = entry.requestsPerMonth ?? (entry.requestsPerSecond !== undefined ? entry.requestsPerSecond * SECONDS_PER_MONTH : undefined);
  const f = settings.fargate;
  const fargateArch = f.architecture === 'match' ? architecture : f.architecture;

  const scenario: Scenario = {
    region,
    requestsPerMonth: givenRequests ?? settings.traffic.typical,
    durationMs,
    payloadKb,
    peakToAverage,
    freeTier: settings.freeTier,
    lambda: {
      memoryMb,
      architecture,
      ephemeralStorageMb: fn.ephemeralStorageMb.value ?? 512,
      provisionedConcurrency: fn.provisionedConcurrency?.value ?? 0,
      frontDoor,
      rdsProxyVcpu: options.rdsProxy ? settings.rdsProxyVcpu : 0,
    },
    fargate: {
      vcpu: f.vcpu,
      memoryGb: f.memoryGb,
      architecture: fargateArch,
      tasks: f.tasks,
      minTasks: f.minTasks,
      perTaskConcurrency: f.vcpu * f.concurrencyPerVcpu,
      spot: f.spot,
      ephemeralStorageGb: f.ephemeralStorageGb,
      loadBalancer: frontDoor === 'none' ? 'none' : 'alb',
      albLcu: f.albLcu,
      natGateway: f.natGateway,
    },
  };

  const templateSource = (origin: string): AssumptionSource => (origin === 'default' ? 'default' : 'template');
  const requestsSource: AssumptionSource =
    givenRequests !== undefined
      ? fromUsage(entry.requestsPerMonth !== undefined ? 'requestsPerMonth' : 'requestsPerSecond')
      : isDefault(settings.traffic, DEFAULT_TRAFFIC)
        ? 'default'
        : 'settings';
  assumptions.push(
    {
      name: 'Requests per month',
      value:
        givenRequests !== undefined
          ? formatCount(givenRequests)
          : `${formatCount(settings.traffic.low)} / ${formatCount(settings.traffic.typical)} / ${formatCount(settings.traffic.high)} (low / typical / high)`,
      source: requestsSource,
    },
    {
      name: 'Average duration',
      value: `${durationMs} ms`,
      source:
        entry.averageDurationMs !== undefined
          ? fromUsage('averageDurationMs')
          : settings.durationMs === DEFAULT_COST_SETTINGS.durationMs
            ? 'default'
            : 'settings',
    },
    {
      name: 'Average payload',
      value: `${payloadKb} KB`,
      source:
        entry.averagePayloadKb !== undefined ? fromUsage('averagePayloadKb') : settings.payloadKb === DEFAULT_COST_SETTINGS.payloadKb ? 'default' : 'settings',
    },
    {
      name: 'Peak to average',
      value: `${peakToAverage}x`,
      source:
        entry.peakToAverage !== undefined
          ? fromUsage('peakToAverage')
          : settings.peakToAverage === DEFAULT_COST_SETTINGS.peakToAverage
            ? 'default'
            : 'settings',
    },
    { name: 'Memory', value: `${memoryMb} MB`, source: fn.memoryMb.value === undefined ? 'default' : templateSource(fn.memoryMb.origin) },
    { name: 'Architecture', value: architecture, source: templateSource(fn.architecture.origin) },
    { name: 'Front door', value: FRONT_DOOR_LABELS[frontDoor], source: 'template' },
    { name: 'Region', value: region, source: usage.region ? 'usage file' : settings.region === DEFAULT_REGION ? 'default' : 'settings' },
    { name: 'Free tier', value: settings.freeTier ? 'subtracted' : 'not subtracted', source: settings.freeTier ? 'settings' : 'default' },
    {
      name: 'Fargate task',
      value:
        `${f.vcpu} vCPU / ${f.memoryGb} GB ${fargateArch}${f.spot ? ' Spot' : ''}, ` +
        (f.tasks !== null ? `${f.tasks} tasks (fixed)` : `${scenario.fargate.perTaskConcurrency} concurrent requests each, at least ${f.minTasks} tasks`) +
        (scenario.fargate.loadBalancer === 'alb' ? `, behind an ALB${f.albLcu !== null ? ` (${f.albLcu} LCU)` : ''}` : ', no load balancer'),
      source: isDefault(f, DEFAULT_COST_SETTINGS.fargate) ? 'default' : 'settings',
    },
  );
  if (options.rdsProxy)
    assumptions.push({
      name: 'RDS Proxy',
      value: `for a ${settings.rdsProxyVcpu}-vCPU database (the template's proxy)`,
      source: settings.rdsProxyVcpu === DEFAULT_COST_SETTINGS.rdsProxyVcpu ? 'default' : 'settings',
    });
  if (f.natGateway) assumptions.push({ name: 'Fargate NAT gateway', value: 'one, with the traffic through it', source: 'settings' });
  if (fn.timeoutSeconds.value !== undefined && durationMs > fn.timeoutSeconds.value * 1000)
    notes.push(`The average duration (${durationMs} ms) is above the function's timeout (${fn.timeoutSeconds.value} s).`);

  const at = (requestsPerMonth: number) => compare({ ...scenario, requestsPerMonth }, prices);
  const typical = at(scenario.requestsPerMonth);
  const solved = crossovers(scenario, prices);
  const estimate: FunctionEstimate = {
    id: fn.id,
    traffic: givenRequests !== undefined ? 'given' : 'assumed',
    typical,
    crossover: solved['ecs-fargate']!,
    crossovers: solved,
    scenario,
    assumptions,
    notes: [...notes, ...prices.notesFor(priceKeysOf(typical))],
    priceDate: prices.dateFor(priceKeysOf(typical)),
    region,
  };
  if (givenRequests === undefined) {
    estimate.low = at(settings.traffic.low);
    estimate.high = at(settings.traffic.high);
  }
  return estimate;
}

const DEFAULT_TRAFFIC = DEFAULT_COST_SETTINGS.traffic;

function isDefault(value: object, reference: object): boolean {
  return JSON.stringify(value) === JSON.stringify(reference);
}

export const FRONT_DOOR_LABELS: Record<FrontDoor, string> = {
  'rest-api': 'API Gateway REST API',
  'http-api': 'API Gateway HTTP API',
  'websocket-api': 'API Gateway WebSocket API',
  alb: 'Application Load Balancer',
  'function-url': 'function URL (no charge)',
  none: 'none (invoked by events)',
};

/** Re-exported: the formatters live in format.ts (free of dependencies, for the webview). */
export { formatCount, formatUsd };

/** Memory of the Lambda function a task is compared with (a labelled default; the traffic decides the rest). */
export const LAMBDA_EQUIVALENT_MEMORY_MB = 1024;

/**
 * A task definition (and the service that runs it, when the template has one) -> its Fargate cost at the
 * current task count and what the same traffic would cost on Lambda. The count is the service's desired
 * count, or one always-on task for a task definition without a service.
 */
export function estimateTask(
  task: EcsTaskDefinition,
  service: EcsService | undefined,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
): FunctionEstimate | undefined {
  const cpu = task.cpuUnits.value;
  const memory = task.memoryMb.value;
  if (cpu === undefined || memory === undefined) return undefined;
  const notes: string[] = [];
  const id = service?.id ?? task.id;
  const { entry, listed } = usageFor(usage, templatePath, id);
  const region = usage.region ?? settings.region;
  const prices = priceBook(region, settings.priceOverrides);
  const count = service?.desiredCount.value ?? 1;
  const behindLb = (service?.loadBalancers ?? 0) > 0;
  const givenRequests = entry.requestsPerMonth ?? (entry.requestsPerSecond !== undefined ? entry.requestsPerSecond * SECONDS_PER_MONTH : undefined);
  const durationMs = entry.averageDurationMs ?? settings.durationMs;
  const architecture = task.architecture.value ?? 'x86_64';
  const scenario: Scenario = {
    region,
    requestsPerMonth: givenRequests ?? settings.traffic.typical,
    durationMs,
    payloadKb: entry.averagePayloadKb ?? settings.payloadKb,
    peakToAverage: entry.peakToAverage ?? settings.peakToAverage,
    freeTier: settings.freeTier,
    lambda: {
      memoryMb: LAMBDA_EQUIVALENT_MEMORY_MB,
      architecture,
      ephemeralStorageMb: 512,
      provisionedConcurrency: 0,
      frontDoor: behindLb ? 'alb' : 'none',
      rdsProxyVcpu: 0,
    },
    fargate: {
      vcpu: cpu / 1024,
      memoryGb: memory / 1024,
      architecture,
      tasks: count,
      minTasks: count,
      perTaskConcurrency: (cpu / 1024) * settings.fargate.concurrencyPerVcpu,
      spot: false,
      ephemeralStorageGb: Math.max(20, task.ephemeralStorageGb.value ?? 20),
      loadBalancer: behindLb ? 'alb' : 'none',
      albLcu: null,
      natGateway: settings.fargate.natGateway,
    },
  };
  if (!task.fargate) notes.push('This task definition does not run on Fargate here (EC2 or external): the Fargate figure is what it would cost there.');
  const fromUsage = (key: keyof typeof entry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const assumptions: Assumption[] = [
    {
      name: 'Requests per month',
      value:
        givenRequests !== undefined
          ? formatCount(givenRequests)
          : `${formatCount(settings.traffic.low)} / ${formatCount(settings.traffic.typical)} / ${formatCount(settings.traffic.high)} (low / typical / high)`,
      source: givenRequests !== undefined ? fromUsage('requestsPerMonth') : isDefault(settings.traffic, DEFAULT_TRAFFIC) ? 'default' : 'settings',
    },
    {
      name: 'Average duration',
      value: `${durationMs} ms`,
      source:
        entry.averageDurationMs !== undefined
          ? fromUsage('averageDurationMs')
          : settings.durationMs === DEFAULT_COST_SETTINGS.durationMs
            ? 'default'
            : 'settings',
    },
    { name: 'Fargate task', value: `${cpu / 1024} vCPU / ${memory / 1024} GB ${architecture}`, source: 'template' },
    {
      name: 'Tasks',
      value: service ? `${count} (desired count of ${service.id})` : '1, always on (no service in this file)',
      source: service?.desiredCount.origin === 'explicit' ? 'template' : 'default',
    },
    { name: 'Load balancer', value: behindLb ? 'an ALB' : 'none', source: 'template' },
    { name: 'Lambda equivalent', value: `${LAMBDA_EQUIVALENT_MEMORY_MB} MB ${architecture}${behindLb ? ' behind the ALB' : ''}`, source: 'default' },
    { name: 'Region', value: region, source: usage.region ? 'usage file' : settings.region === DEFAULT_REGION ? 'default' : 'settings' },
  ];
  const at = (requestsPerMonth: number) => compare({ ...scenario, requestsPerMonth }, prices);
  const typical = at(scenario.requestsPerMonth);
  const keys = priceKeysOf(typical);
  const solved = crossovers(scenario, prices);
  const estimate: FunctionEstimate = {
    id,
    traffic: givenRequests !== undefined ? 'given' : 'assumed',
    typical,
    crossover: solved['ecs-fargate']!,
    crossovers: solved,
    scenario,
    assumptions,
    notes: [...notes, ...prices.notesFor(keys)],
    priceDate: prices.dateFor(keys),
    region,
  };
  if (givenRequests === undefined) {
    estimate.low = at(settings.traffic.low);
    estimate.high = at(settings.traffic.high);
  }
  return estimate;
}
