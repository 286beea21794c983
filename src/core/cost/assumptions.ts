/**
 * A workload's needs and the assumptions behind them: from the template, the usage file and the user's cost
 * settings to a Scenario (traffic, duration, payload, peak, each platform's side), with every assumption
 * labelled with where it came from. A Lambda function's needs come from its properties and events; an ECS
 * task's from its task definition and service.
 */
import { FARGATE_LIMITS, LAMBDA_LIMITS } from '../data/limits.js';
import { formatCount } from './format.js';
import { FRONT_DOOR_LABELS } from '../present/labels.js';
import { type EcsService, type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { SECONDS_PER_MONTH, type FrontDoor, type Scenario } from './model.js';
import { DEFAULT_REGION, priceBook } from './price-book.js';
import { DEFAULT_COST_SETTINGS, type CostSettings } from './settings.js';
import { type UsageFile, usageFor } from './usage-file.js';

type AssumptionSource = 'template' | 'usage file' | 'settings' | 'default';

export interface Assumption {
  name: string;
  value: string;
  source: AssumptionSource;
}

/** A workload's needs, its labelled assumptions and notes, and the traffic the usage file gives (if it does). */
export interface Needs {
  id: string;
  scenario: Scenario;
  assumptions: Assumption[];
  notes: string[];
  givenRequests: number | undefined;
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

export function functionNeeds(fn: LambdaFunction, templatePath: string, usage: UsageFile, settings: CostSettings, options: { rdsProxy?: boolean } = {}): Needs {
  const notes: string[] = [];
  const { entry, listed } = usageFor(usage, templatePath, fn.id);
  const region = usage.region ?? settings.region;
  const prices = priceBook(region, settings.priceOverrides);
  if (!prices.known) notes.push(`${region} is not in Crossover's price data: ${prices.regionName} prices are those of us-east-1.`);
  const memoryMb = fn.memoryMb.value ?? LAMBDA_LIMITS.defaultMemoryMb.value;
  if (fn.memoryMb.value === undefined) notes.push(`Memory is not static (${fn.memoryMb.unresolved ?? 'unresolved'}): ${memoryMb} MB assumed.`);
  const givenRequests = entry.requestsPerMonth ?? (entry.requestsPerSecond !== undefined ? entry.requestsPerSecond * SECONDS_PER_MONTH : undefined);
  const scenario = functionScenario(fn, entry, settings, { region, memoryMb, givenRequests, rdsProxy: options.rdsProxy === true });
  const fromUsage = (key: keyof UsageEntry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const assumptions = [
    ...functionTrafficAssumptions(scenario, entry, settings, givenRequests, fromUsage),
    ...functionSideAssumptions(fn, scenario, usage, settings, options.rdsProxy === true),
  ];
  if (fn.timeoutSeconds.value !== undefined && scenario.durationMs > fn.timeoutSeconds.value * 1000)
    notes.push(`The average duration (${scenario.durationMs} ms) is above the function's timeout (${fn.timeoutSeconds.value} s).`);
  return { id: fn.id, scenario, assumptions, notes, givenRequests };
}

/** What a function needs: the traffic from the usage file else the settings; the Lambda side from the template, the Fargate side from the settings. */
function functionScenario(
  fn: LambdaFunction,
  entry: UsageEntry,
  settings: CostSettings,
  known: { region: string; memoryMb: number; givenRequests: number | undefined; rdsProxy: boolean },
): Scenario {
  const architecture = fn.architecture.value ?? 'x86_64';
  const frontDoor = frontDoorOf(fn);
  const f = settings.fargate;
  return {
    region: known.region,
    requestsPerMonth: known.givenRequests ?? settings.traffic.typical,
    durationMs: entry.averageDurationMs ?? settings.durationMs,
    payloadKb: entry.averagePayloadKb ?? settings.payloadKb,
    peakToAverage: entry.peakToAverage ?? settings.peakToAverage,
    freeTier: settings.freeTier,
    lambda: {
      memoryMb: known.memoryMb,
      architecture,
      ephemeralStorageMb: fn.ephemeralStorageMb.value ?? LAMBDA_LIMITS.minEphemeralStorageMb.value,
      provisionedConcurrency: fn.provisionedConcurrency?.value ?? 0,
      frontDoor,
      rdsProxyVcpu: known.rdsProxy ? settings.rdsProxyVcpu : 0,
    },
    fargate: {
      vcpu: f.vcpu,
      memoryGb: f.memoryGb,
      architecture: f.architecture === 'match' ? architecture : f.architecture,
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
  const f = settings.fargate;
  const { memoryMb, architecture, frontDoor } = scenario.lambda;
  const region = scenario.region;
  const assumptions: Assumption[] = [
    { name: 'Memory', value: `${memoryMb} MB`, source: fn.memoryMb.value === undefined ? 'default' : templateSource(fn.memoryMb.origin) },
    { name: 'Architecture', value: architecture, source: templateSource(fn.architecture.origin) },
    { name: 'Front door', value: FRONT_DOOR_LABELS[frontDoor], source: 'template' },
    { name: 'Region', value: region, source: usage.region ? 'usage file' : settings.region === DEFAULT_REGION ? 'default' : 'settings' },
    { name: 'Free tier', value: settings.freeTier ? 'subtracted' : 'not subtracted', source: settings.freeTier ? 'settings' : 'default' },
    {
      name: 'Fargate task',
      value:
        `${f.vcpu} vCPU / ${f.memoryGb} GB ${scenario.fargate.architecture}${f.spot ? ' Spot' : ''}, ` +
        (f.tasks !== null ? `${f.tasks} tasks (fixed)` : `${scenario.fargate.perTaskConcurrency} concurrent requests each, at least ${f.minTasks} tasks`) +
        (scenario.fargate.loadBalancer === 'alb' ? `, behind an ALB${f.albLcu !== null ? ` (${f.albLcu} LCU)` : ''}` : ', no load balancer'),
      source: isDefault(f, DEFAULT_COST_SETTINGS.fargate) ? 'default' : 'settings',
    },
  ];
  if (rdsProxy)
    assumptions.push({
      name: 'RDS Proxy',
      value: `for a ${settings.rdsProxyVcpu}-vCPU database (the template's proxy)`,
      source: settings.rdsProxyVcpu === DEFAULT_COST_SETTINGS.rdsProxyVcpu ? 'default' : 'settings',
    });
  if (f.natGateway) assumptions.push({ name: 'Fargate NAT gateway', value: 'one, with the traffic through it', source: 'settings' });
  return assumptions;
}

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
      ephemeralStorageMb: LAMBDA_LIMITS.minEphemeralStorageMb.value,
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
      ephemeralStorageGb: Math.max(
        FARGATE_LIMITS.defaultEphemeralStorageGb.value,
        task.ephemeralStorageGb.value ?? FARGATE_LIMITS.defaultEphemeralStorageGb.value,
      ),
      loadBalancer: behindLb ? 'alb' : 'none',
      albLcu: null,
      natGateway: settings.fargate.natGateway,
    },
  };
  if (!task.fargate) notes.push('This task definition does not run on Fargate here (EC2 or external): the Fargate figure is what it would cost there.');
  const fromUsage = (key: keyof UsageEntry): AssumptionSource => (listed || usage.defaults[key] !== undefined ? 'usage file' : 'settings');
  const assumptions = taskAssumptions(scenario, service, entry, usage, settings, givenRequests, fromUsage);
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
