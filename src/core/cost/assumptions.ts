/**
 * A workload's needs and the assumptions behind them: from the template, the usage file and the user's cost
 * settings to a Scenario (traffic, duration, payload, peak, each platform's side), with every assumption
 * labelled with where it came from. A Lambda function's needs come from its properties and events; an ECS
 * task's from its task definition and service.
 */
import { FARGATE_LIMITS, LAMBDA_LIMITS, nearestFargateSize } from '../data/limits.js';
import { formatCount } from './format.js';
import { FRONT_DOOR_LABELS } from '../present/labels.js';
import { type EcsService, type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { SECONDS_PER_MONTH, trafficLevels, type Architecture, type FargateSide, type FrontDoor, type Scenario } from './model.js';
import { perTaskConcurrency } from './platforms/ecs-fargate.js';
import { DEFAULT_REGION, priceBook } from './price-book.js';
import { DEFAULT_COST_SETTINGS, type CostSettings } from './settings.js';
import { type UsageFile, usageFor } from './usage-file.js';

type AssumptionSource = 'template' | 'usage file' | 'settings' | 'default';

export interface Assumption {
  name: string;
  value: string;
  source: AssumptionSource;
}

/**
 * A workload's needs, its labelled assumptions and notes, and the traffic the usage file gives (if it does). The
 * assumptions are worded when first asked for, then kept (`once`): an estimate asks when its own are read (a hover, a
 * report), and the workspace figures of a scan's thousands of workloads never do.
 */
export interface Needs {
  id: string;
  scenario: Scenario;
  assumptions: () => Assumption[];
  notes: string[];
  givenRequests: number | undefined;
}

/** `make`'s value, made at the first call and the same at every call after. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const DOOR_BY_EVENT: Partial<Record<string, FrontDoor>> = {
  api: 'rest-api',
  'http-api': 'http-api',
  websocket: 'websocket-api',
  alb: 'alb',
  'function-url': 'function-url',
};

/** The front door of a function: its first synchronous HTTP event source, else none. */
function frontDoorOf(fn: LambdaFunction): FrontDoor {
  for (const event of fn.events) {
    const door = Object.hasOwn(DOOR_BY_EVENT, event.kind) ? DOOR_BY_EVENT[event.kind] : undefined;
    if (door) return door;
  }
  return 'none';
}

/** Does the function reach a database through an RDS Proxy of its template (a link to the proxy or one of its endpoints)? */
export function usesRdsProxy(fn: LambdaFunction, model: TemplateModel): boolean {
  return fn.links.some((link) => model.dbProxies.some((proxy) => proxy.id === link.targetId || proxy.endpointIds.includes(link.targetId)));
}

/** A usage file's entry for one workload (or its defaults). */
type UsageEntry = UsageFile['defaults'];

/** What the template says beyond the workload itself: an RDS Proxy the function uses, the NAT gateways it declares. */
export interface TemplateContext {
  rdsProxy?: boolean;
  natGateways?: number;
}

export function functionNeeds(fn: LambdaFunction, templatePath: string, usage: UsageFile, settings: CostSettings, options: TemplateContext = {}): Needs {
  const notes: string[] = [];
  const { entry, listed } = usageFor(usage, templatePath, fn.id);
  const region = usage.region ?? settings.region;
  const prices = priceBook(region, settings.priceOverrides);
  if (!prices.known) notes.push(`${region} is not in Crossover's price data: ${prices.regionName} prices are those of us-east-1.`);
  const memoryMb = fn.memoryMb.value ?? LAMBDA_LIMITS.defaultMemoryMb.value;
  if (fn.memoryMb.value === undefined) notes.push(`Memory is not static (${fn.memoryMb.unresolved ?? 'unresolved'}): ${memoryMb} MB assumed.`);
  const givenRequests = entry.requestsPerMonth ?? (entry.requestsPerSecond !== undefined ? entry.requestsPerSecond * SECONDS_PER_MONTH : undefined);
  const scenario = functionScenario(fn, entry, settings, {
    region,
    memoryMb,
    givenRequests,
    rdsProxy: options.rdsProxy === true,
    natGateways: options.natGateways,
  });
  const fromUsage = (key: keyof UsageEntry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const assumptions = once(() => [
    ...functionTrafficAssumptions(scenario, entry, settings, givenRequests, fromUsage),
    ...functionSideAssumptions(fn, scenario, usage, settings, options.rdsProxy === true),
    ...modelAssumptions(scenario, entry, settings, options, fromUsage),
  ]);
  if (fn.timeoutSeconds.value !== undefined && scenario.durationMs > fn.timeoutSeconds.value * 1000)
    notes.push(`The average duration (${scenario.durationMs} ms) is above the function's timeout (${fn.timeoutSeconds.value} s).`);
  return { id: fn.id, scenario, assumptions, notes, givenRequests };
}

/** What a function needs: the traffic from the usage file else the settings; the Lambda side from the template, the Fargate side sized from the function. */
function functionScenario(
  fn: LambdaFunction,
  entry: UsageEntry,
  settings: CostSettings,
  known: { region: string; memoryMb: number; givenRequests: number | undefined; rdsProxy: boolean; natGateways: number | undefined },
): Scenario {
  const architecture = fn.architecture.value ?? 'x86_64';
  const frontDoor = frontDoorOf(fn);
  const vpc = fn.vpc?.attached === true;
  return {
    ...trafficOf(entry, settings, known.region, known.givenRequests, known.natGateways),
    lambda: {
      memoryMb: known.memoryMb,
      architecture,
      ephemeralStorageMb: fn.ephemeralStorageMb.value ?? LAMBDA_LIMITS.minEphemeralStorageMb.value,
      provisionedConcurrency: fn.provisionedConcurrency?.value ?? 0,
      frontDoor,
      rdsProxyVcpu: known.rdsProxy ? settings.rdsProxyVcpu : 0,
      vpc,
    },
    fargate: fargateFor(known.memoryMb, architecture, settings, { loadBalancer: frontDoor === 'none' ? 'none' : 'alb', private: vpc }),
  };
}

/** The workload-wide part of a scenario: traffic and its day, network, logs, Savings Plan, free tier. */
function trafficOf(entry: UsageEntry, settings: CostSettings, region: string, givenRequests: number | undefined, natGateways: number | undefined) {
  return {
    ...(settings.platforms ? { platforms: settings.platforms } : {}),
    ...(settings.appRunnerCustomer ? { appRunnerCustomer: true } : {}),
    region,
    requestsPerMonth: givenRequests ?? settings.traffic.typical,
    durationMs: entry.averageDurationMs ?? settings.durationMs,
    payloadKb: entry.averagePayloadKb ?? settings.payloadKb,
    peakToAverage: entry.peakToAverage ?? settings.peakToAverage,
    day: { busyHoursPerDay: entry.busyHoursPerDay ?? settings.busyHoursPerDay, profile: entry.dailyProfile ?? null },
    network: {
      natGateways: natGateways && natGateways > 0 ? natGateways : settings.natGateways,
      egressKbPerRequest: entry.egressKbPerRequest ?? settings.egressKbPerRequest,
    },
    logsKbPerRequest: entry.logsKbPerRequest ?? settings.logsKbPerRequest,
    savingsPlan: settings.savingsPlan,
    // The free tier is one per account: the workspace total subtracts it once, not each function.
    freeTier: false,
  };
}

/** vCPUs a function gets: its memory over 1,769 MB, at most 6. */
export function functionVcpu(memoryMb: number): number {
  return Math.min(LAMBDA_LIMITS.maxVcpu.value, memoryMb / LAMBDA_LIMITS.memoryMbPerVcpu.value);
}

/**
 * The Fargate task a function would run as: the settings' size, else the function's memory and CPU share rounded
 * up to a Fargate size; each request in flight keeps the function's CPU share busy for the CPU-busy share of its
 * duration, which with the target utilisation gives the per-task capacity (unless the settings fix it per vCPU).
 */
export function fargateFor(
  memoryMb: number,
  architecture: Architecture,
  settings: CostSettings,
  side: { loadBalancer: 'alb' | 'none'; private: boolean },
): FargateSide {
  const f = settings.fargate;
  const cpuShare = functionVcpu(memoryMb);
  const sized = nearestFargateSize(Math.ceil((f.vcpu ?? cpuShare) * 1024), f.memoryGb !== null ? f.memoryGb * 1024 : memoryMb);
  const vcpu = sized.cpuUnits / 1024;
  return {
    vcpu,
    memoryGb: sized.memoryMb / 1024,
    architecture: f.architecture === 'match' ? architecture : f.architecture,
    tasks: f.tasks,
    minTasks: f.minTasks,
    maxTasks: f.maxTasks,
    perTaskConcurrency: f.concurrencyPerVcpu !== null ? vcpu * f.concurrencyPerVcpu : null,
    requestVcpu: cpuShare,
    cpuBusyShare: f.cpuBusyShare,
    targetUtilization: f.targetUtilization,
    spot: f.spot,
    ephemeralStorageGb: f.ephemeralStorageGb,
    loadBalancer: side.loadBalancer,
    albLcu: f.albLcu,
    subnets: f.natGateway || side.private ? 'private' : 'public',
  };
}

/** The traffic assumptions (requests, duration, payload, peak), each labelled with the usage file, the settings or the default. */
function functionTrafficAssumptions(
  scenario: Scenario,
  entry: UsageEntry,
  settings: CostSettings,
  givenRequests: number | undefined,
  fromUsage: (key: keyof UsageEntry) => AssumptionSource,
): Assumption[] {
  return [
    requestsAssumption(entry, settings, givenRequests, fromUsage),
    durationAssumption(scenario.durationMs, entry, settings, fromUsage),
    {
      name: 'Average payload',
      value: `${scenario.payloadKb} KB`,
      source:
        entry.averagePayloadKb !== undefined ? fromUsage('averagePayloadKb') : settings.payloadKb === DEFAULT_COST_SETTINGS.payloadKb ? 'default' : 'settings',
    },
    {
      name: 'Peak to average',
      value: `${scenario.peakToAverage}x`,
      source:
        entry.peakToAverage !== undefined
          ? fromUsage('peakToAverage')
          : settings.peakToAverage === DEFAULT_COST_SETTINGS.peakToAverage
            ? 'default'
            : 'settings',
    },
  ];
}

/** The function's own assumptions (memory, architecture, front door), the region and free tier, and the Fargate task it is compared with. */
function functionSideAssumptions(fn: LambdaFunction, scenario: Scenario, usage: UsageFile, settings: CostSettings, rdsProxy: boolean): Assumption[] {
  const { memoryMb, architecture, frontDoor } = scenario.lambda;
  const region = scenario.region;
  const assumptions: Assumption[] = [
    { name: 'Memory', value: `${memoryMb} MB`, source: fn.memoryMb.value === undefined ? 'default' : templateSource(fn.memoryMb.origin) },
    { name: 'Architecture', value: architecture, source: templateSource(fn.architecture.origin) },
    { name: 'Front door', value: FRONT_DOOR_LABELS[frontDoor], source: 'template' },
    { name: 'Region', value: region, source: usage.region ? 'usage file' : settings.region === DEFAULT_REGION ? 'default' : 'settings' },
    {
      name: 'Free tier',
      value: settings.freeTier ? 'subtracted once, from the workspace total (one per account)' : 'not subtracted',
      source: settings.freeTier ? 'settings' : 'default',
    },
    fargateTaskAssumption(scenario, settings),
  ];
  if (rdsProxy)
    assumptions.push({
      name: 'RDS Proxy',
      value: `for a ${settings.rdsProxyVcpu}-vCPU database (the template's proxy)`,
      source: settings.rdsProxyVcpu === DEFAULT_COST_SETTINGS.rdsProxyVcpu ? 'default' : 'settings',
    });
  return assumptions;
}

/** The Fargate task a function is compared with: its size and where it comes from, the per-task capacity and the fleet's bounds. */
function fargateTaskAssumption(scenario: Scenario, settings: CostSettings): Assumption {
  const f = scenario.fargate;
  const given = settings.fargate;
  const size = `${f.vcpu} vCPU / ${f.memoryGb} GB ${f.architecture}${f.spot ? ' Spot' : ''}`;
  const sizeFrom =
    given.vcpu === null && given.memoryGb === null ? ` (the function's ${scenario.lambda.memoryMb} MB and CPU share, rounded up to a Fargate size)` : '';
  const capacity = perTaskConcurrency(f);
  const fleet =
    f.tasks !== null
      ? `${f.tasks} tasks (fixed)`
      : `${formatCapacity(capacity)} concurrent requests each${f.perTaskConcurrency === null ? ` (${Math.round(f.targetUtilization * 100)}% of its CPU over ${(f.requestVcpu * f.cpuBusyShare).toFixed(3)} vCPU per request in flight)` : ''}, autoscaled between ${f.minTasks} and ${f.maxTasks ?? 'any number of'} tasks`;
  return {
    name: 'Fargate task',
    value: `${size}${sizeFrom}, ${fleet}${f.loadBalancer === 'alb' ? `, behind an ALB${f.albLcu !== null ? ` (${f.albLcu} LCU)` : ''}` : ', no load balancer'}, ${f.subnets === 'public' ? 'public subnets (a public IPv4 address each)' : 'private subnets (out through the NAT gateways)'}`,
    source: isDefault(given, DEFAULT_COST_SETTINGS.fargate) ? 'default' : 'settings',
  };
}

const formatCapacity = (n: number): string => (n >= 10 ? String(Math.round(n)) : n.toFixed(1));

/**
 * The assumptions of the model beyond traffic and the function: the day's shape, the CPU a request uses, what
 * leaves the network, the NAT gateways, logs and the Savings Plan, each with its source.
 */
function modelAssumptions(
  scenario: Scenario,
  entry: UsageEntry,
  settings: CostSettings,
  context: TemplateContext,
  fromUsage: (key: keyof UsageEntry) => AssumptionSource,
): Assumption[] {
  const d = DEFAULT_COST_SETTINGS;
  const pick = (key: keyof UsageEntry, setting: unknown, fallback: unknown): AssumptionSource =>
    entry[key] !== undefined ? fromUsage(key) : setting === fallback ? 'default' : 'settings';
  const levels = trafficLevels(scenario);
  const out: Assumption[] = [
    {
      name: 'Traffic over a day',
      value: scenario.day.profile
        ? `the usage file's 24-hour profile (busiest hour ${levels[0]!.multiplier.toFixed(2)}x the average)`
        : levels.length === 1
          ? 'flat'
          : `${scenario.day.busyHoursPerDay} busy hours at ${levels[0]!.multiplier.toFixed(2)}x the average, the rest at ${levels[1]!.multiplier.toFixed(2)}x`,
      source: entry.dailyProfile ? fromUsage('dailyProfile') : pick('busyHoursPerDay', settings.busyHoursPerDay, d.busyHoursPerDay),
    },
  ];
  if (scenario.fargate.perTaskConcurrency === null)
    out.push({
      name: 'CPU-busy share of the duration',
      value: `${Math.round(settings.fargate.cpuBusyShare * 100)}% (the rest waits on I/O)`,
      source: settings.fargate.cpuBusyShare === d.fargate.cpuBusyShare ? 'default' : 'settings',
    });
  out.push({
    name: 'Sent out per request',
    value: `${scenario.network.egressKbPerRequest} KB (to the internet or AWS services; what passes a NAT gateway)`,
    source: pick('egressKbPerRequest', settings.egressKbPerRequest, d.egressKbPerRequest),
  });
  if (scenario.lambda.vpc || scenario.fargate.subnets === 'private')
    out.push({
      name: 'NAT gateways',
      value: `${scenario.network.natGateways}${context.natGateways ? ' (declared in the template)' : ''}`,
      source: context.natGateways ? 'template' : settings.natGateways === d.natGateways ? 'default' : 'settings',
    });
  out.push({
    name: 'Logs per request',
    value: scenario.logsKbPerRequest > 0 ? `${scenario.logsKbPerRequest} KB (CloudWatch Logs, both sides)` : 'not counted',
    source: pick('logsKbPerRequest', settings.logsKbPerRequest, d.logsKbPerRequest),
  });
  out.push({
    name: 'Savings Plan',
    value: SAVINGS_PLAN_LABELS[scenario.savingsPlan],
    source: settings.savingsPlan === d.savingsPlan ? 'default' : 'settings',
  });
  return out;
}

const SAVINGS_PLAN_LABELS: Record<Scenario['savingsPlan'], string> = {
  none: 'none (on-demand prices)',
  '1y-no-upfront': 'Compute Savings Plan, 1 year, no upfront',
  '3y-no-upfront': 'Compute Savings Plan, 3 years, no upfront',
  '3y-all-upfront': 'Compute Savings Plan, 3 years, all upfront',
};

function templateSource(origin: string): AssumptionSource {
  return origin === 'default' ? 'default' : 'template';
}

const DEFAULT_TRAFFIC = DEFAULT_COST_SETTINGS.traffic;

function isDefault(value: object, reference: object): boolean {
  return JSON.stringify(value) === JSON.stringify(reference);
}

/** Memory of the Lambda function a task is compared with (a labelled default; the traffic decides the rest). */
const LAMBDA_EQUIVALENT_MEMORY_MB = 1024;

/**
 * A task definition (and the service that runs it, when the template has one) -> its needs: the Fargate
 * side at the current task count, and the Lambda function the same traffic would be. The count is the service's desired
 * count, or one always-on task for a task definition without a service.
 */
export function taskNeeds(
  task: EcsTaskDefinition,
  service: EcsService | undefined,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  context: TemplateContext = {},
): Needs | undefined {
  const cpu = task.cpuUnits.value;
  const memory = task.memoryMb.value;
  if (cpu === undefined || memory === undefined) return undefined;
  const notes: string[] = [];
  const id = service?.id ?? task.id;
  const { entry, listed } = usageFor(usage, templatePath, id);
  const region = usage.region ?? settings.region;
  const count = service?.desiredCount.value ?? 1;
  const behindLb = (service?.loadBalancers ?? 0) > 0;
  const givenRequests = entry.requestsPerMonth ?? (entry.requestsPerSecond !== undefined ? entry.requestsPerSecond * SECONDS_PER_MONTH : undefined);
  const architecture = task.architecture.value ?? 'x86_64';
  const base = trafficOf(entry, settings, region, givenRequests, context.natGateways);
  const scenario: Scenario = {
    ...base,
    lambda: {
      memoryMb: LAMBDA_EQUIVALENT_MEMORY_MB,
      architecture,
      ephemeralStorageMb: LAMBDA_LIMITS.minEphemeralStorageMb.value,
      provisionedConcurrency: 0,
      frontDoor: behindLb ? 'alb' : 'none',
      rdsProxyVcpu: 0,
      vpc: false,
    },
    fargate: {
      ...fargateFor(LAMBDA_EQUIVALENT_MEMORY_MB, architecture, settings, { loadBalancer: behindLb ? 'alb' : 'none', private: settings.fargate.natGateway }),
      vcpu: cpu / 1024,
      memoryGb: memory / 1024,
      tasks: count,
      minTasks: count,
      maxTasks: count,
      spot: false,
      ephemeralStorageGb: Math.max(
        FARGATE_LIMITS.defaultEphemeralStorageGb.value,
        task.ephemeralStorageGb.value ?? FARGATE_LIMITS.defaultEphemeralStorageGb.value,
      ),
      albLcu: null,
    },
  };
  if (!task.fargate) notes.push('This task definition does not run on Fargate here (EC2 or external): the Fargate figure is what it would cost there.');
  const fromUsage = (key: keyof UsageEntry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const assumptions = once(() => [
    ...taskAssumptions(scenario, service, entry, usage, settings, givenRequests, fromUsage),
    ...modelAssumptions(scenario, entry, settings, context, fromUsage),
  ]);
  return { id, scenario, assumptions, notes, givenRequests };
}

/** A task's assumptions: the traffic, then the task, its count and load balancer from the template, the Lambda equivalent, the region. */
function taskAssumptions(
  scenario: Scenario,
  service: EcsService | undefined,
  entry: UsageEntry,
  usage: UsageFile,
  settings: CostSettings,
  givenRequests: number | undefined,
  fromUsage: (key: keyof UsageEntry) => AssumptionSource,
): Assumption[] {
  const { durationMs, region } = scenario;
  const { vcpu, memoryGb, architecture, tasks: count } = scenario.fargate;
  const behindLb = scenario.fargate.loadBalancer === 'alb';
  return [
    requestsAssumption(entry, settings, givenRequests, fromUsage),
    durationAssumption(durationMs, entry, settings, fromUsage),
    { name: 'Fargate task', value: `${vcpu} vCPU / ${memoryGb} GB ${architecture}`, source: 'template' },
    {
      name: 'Tasks',
      value: service ? `${count} (desired count of ${service.id})` : '1, always on (no service in this file)',
      source: service?.desiredCount.origin === 'explicit' ? 'template' : 'default',
    },
    { name: 'Load balancer', value: behindLb ? 'an ALB' : 'none', source: 'template' },
    { name: 'Lambda equivalent', value: `${LAMBDA_EQUIVALENT_MEMORY_MB} MB ${architecture}${behindLb ? ' behind the ALB' : ''}`, source: 'default' },
    { name: 'Region', value: region, source: usage.region ? 'usage file' : settings.region === DEFAULT_REGION ? 'default' : 'settings' },
  ];
}

/**
 * Requests per month: the usage file's figure (per month, or per second turned into a month), else the low /
 * typical / high bands of the settings or the defaults.
 */
function requestsAssumption(
  entry: UsageEntry,
  settings: CostSettings,
  givenRequests: number | undefined,
  fromUsage: (key: keyof UsageEntry) => AssumptionSource,
): Assumption {
  const { low, typical, high } = settings.traffic;
  if (givenRequests !== undefined) {
    return {
      name: 'Requests per month',
      value: formatCount(givenRequests),
      source: fromUsage(entry.requestsPerMonth !== undefined ? 'requestsPerMonth' : 'requestsPerSecond'),
    };
  }
  return {
    name: 'Requests per month',
    value: `${formatCount(low)} / ${formatCount(typical)} / ${formatCount(high)} (low / typical / high)`,
    source: isDefault(settings.traffic, DEFAULT_TRAFFIC) ? 'default' : 'settings',
  };
}

/** The average duration of one request: the usage file's, else the settings' or the default. */
function durationAssumption(durationMs: number, entry: UsageEntry, settings: CostSettings, fromUsage: (key: keyof UsageEntry) => AssumptionSource): Assumption {
  const source: AssumptionSource =
    entry.averageDurationMs !== undefined ? fromUsage('averageDurationMs') : settings.durationMs === DEFAULT_COST_SETTINGS.durationMs ? 'default' : 'settings';
  return { name: 'Average duration', value: `${durationMs} ms`, source };
}
