/** `crossover cost ...` arguments -> a typed request (flags for one workload, or a template to read). */
import {
  type Architecture,
  DEFAULT_COST_SETTINGS,
  DEFAULT_REGION,
  FARGATE_LIMITS,
  fargateSizesText,
  FRONT_DOORS,
  type FrontDoor,
  isFargateEphemeralStorage,
  isFargateSize,
  isLambdaEphemeralStorage,
  LAMBDA_LIMITS,
  nearestFargateSize,
  availablePlatforms,
  DEFAULT_PLATFORM_IDS,
  regions,
  SAVINGS_PLANS,
  type SavingsPlan,
} from '../core/index.js';
import { UsageError, parseFlags } from './args.js';

export interface CostFlags {
  /** Platforms beyond Lambda and Fargate to cost, by id (null: every one). */
  platforms: string[] | null;
  requestsPerMonth: number;
  durationMs: number;
  memoryMb: number;
  architecture: Architecture;
  frontDoor: FrontDoor;
  region: string;
  freeTier: boolean;
  payloadKb: number;
  peakToAverage: number;
  provisionedConcurrency: number;
  ephemeralStorageMb: number;
  busyHoursPerDay: number;
  egressKbPerRequest: number;
  logsKbPerRequest: number;
  natGateways: number;
  savingsPlan: SavingsPlan;
  vpc: boolean;
  fargateVcpu: number | null;
  fargateMemoryGb: number | null;
  fargateEphemeralStorageGb: number;
  fargateTasks: number | null;
  fargateArch: Architecture;
  fargateMinTasks: number;
  fargateMaxTasks: number | null;
  fargateTaskConcurrency: number | null;
  cpuBusyShare: number;
  targetUtilization: number;
  fargateSpot: boolean;
  fargateNatGateway: boolean;
  albLcu: number | null;
  rdsProxyVcpu: number;
  /** Leave the front door (API Gateway, the ALB) out of every platform: compare compute alone. */
  computeOnly: boolean;
}

export interface CostRequest {
  command: 'cost';
  format: 'text' | 'json';
  /** A template to read (its functions, with the usage file); absent: the workload is given by flags. */
  template?: string;
  resource?: string;
  usageFile?: string;
  flags: CostFlags;
  /** Flags given on the command line (so template mode can refuse the ones it does not take). */
  given: string[];
}

const COST_DEFAULTS: CostFlags = {
  platforms: null,
  requestsPerMonth: DEFAULT_COST_SETTINGS.traffic.typical,
  durationMs: DEFAULT_COST_SETTINGS.durationMs,
  memoryMb: LAMBDA_LIMITS.defaultMemoryMb.value,
  architecture: 'x86_64',
  frontDoor: 'none',
  region: DEFAULT_REGION,
  freeTier: false,
  payloadKb: DEFAULT_COST_SETTINGS.payloadKb,
  peakToAverage: DEFAULT_COST_SETTINGS.peakToAverage,
  busyHoursPerDay: DEFAULT_COST_SETTINGS.busyHoursPerDay,
  egressKbPerRequest: DEFAULT_COST_SETTINGS.egressKbPerRequest,
  logsKbPerRequest: DEFAULT_COST_SETTINGS.logsKbPerRequest,
  natGateways: DEFAULT_COST_SETTINGS.natGateways,
  savingsPlan: DEFAULT_COST_SETTINGS.savingsPlan,
  vpc: false,
  provisionedConcurrency: 0,
  ephemeralStorageMb: LAMBDA_LIMITS.minEphemeralStorageMb.value,
  fargateVcpu: DEFAULT_COST_SETTINGS.fargate.vcpu,
  fargateMemoryGb: DEFAULT_COST_SETTINGS.fargate.memoryGb,
  fargateEphemeralStorageGb: FARGATE_LIMITS.defaultEphemeralStorageGb.value,
  fargateTasks: null,
  fargateArch: 'x86_64',
  fargateMinTasks: DEFAULT_COST_SETTINGS.fargate.minTasks,
  fargateMaxTasks: null,
  fargateTaskConcurrency: null,
  cpuBusyShare: DEFAULT_COST_SETTINGS.fargate.cpuBusyShare,
  targetUtilization: DEFAULT_COST_SETTINGS.fargate.targetUtilization,
  fargateSpot: false,
  fargateNatGateway: false,
  albLcu: null,
  rdsProxyVcpu: 0,
  computeOnly: false,
};

export const COST_USAGE = `Usage: crossover cost [options]            one workload, described by flags
       crossover cost <template> [--resource ID] [--usage FILE] [--region R] [--free-tier] [--compute-only] [--format F]

Monthly cost of a Lambda function and of the same work on ECS Fargate, the volumes where each is cheaper, and every
assumption behind the figures. Prices: bundled, sourced and dated (see data/pricing/prices.json).

Workload (defaults in brackets):
  --requests-per-month <n>        [${COST_DEFAULTS.requestsPerMonth.toLocaleString('en-US')}]
  --duration-ms <ms>              Average duration of one request [${COST_DEFAULTS.durationMs}]
  --memory-mb <mb>                Lambda memory [${COST_DEFAULTS.memoryMb}]
  --arch <x86_64|arm64>           Lambda architecture [${COST_DEFAULTS.architecture}]
  --front-door <${FRONT_DOORS.join('|')}>
                                  What invokes the function [${COST_DEFAULTS.frontDoor}]; Fargate gets an ALB unless none
  --payload-kb <kb>               Average request + response payload [${COST_DEFAULTS.payloadKb}]
  --peak-to-average <x>           Peak traffic over the monthly average [${COST_DEFAULTS.peakToAverage}]
  --busy-hours <h>                Hours a day at the peak rate; the rest of the day shares what is left [${COST_DEFAULTS.busyHoursPerDay}]
  --egress-kb <kb>                KB each request sends to the internet or AWS services (passes a NAT gateway) [${COST_DEFAULTS.egressKbPerRequest}]
  --logs-kb <kb>                  KB of CloudWatch Logs each request writes, both sides [${COST_DEFAULTS.logsKbPerRequest}: not counted]
  --vpc                           The function runs in a VPC (its egress passes the NAT gateways; Fargate in private subnets)
  --nat-gateways <n>              NAT gateways of the network, one per AZ [${COST_DEFAULTS.natGateways}]
  --savings-plan <${SAVINGS_PLANS.join('|')}>
                                  Compute Savings Plan [${COST_DEFAULTS.savingsPlan}]
  --provisioned-concurrency <n>   [0]
  --ephemeral-storage-mb <mb>     Lambda /tmp, ${LAMBDA_LIMITS.minEphemeralStorageMb.value} to ${LAMBDA_LIMITS.maxEphemeralStorageMb.value} [${COST_DEFAULTS.ephemeralStorageMb}]
  --region <region>               [${COST_DEFAULTS.region}]; \`crossover cost --list-regions\` lists them
  --free-tier                     Subtract Lambda's always-free tier (off: both sides on the same footing)
  --compute-only                  Leave the front door (API Gateway, the ALB) out of every platform: compare compute alone
  --rds-proxy-vcpu <n>            The function uses an RDS Proxy for a database of n vCPUs (billed for at least 2) [none]
Fargate:
  --fargate-vcpu <v> --fargate-memory-gb <g>   Task size [the function's memory and CPU share, rounded up to a Fargate size]
  --fargate-ephemeral-storage-gb <g>           Task storage, ${FARGATE_LIMITS.minEphemeralStorageGb.value} to ${FARGATE_LIMITS.maxEphemeralStorageGb.value} GiB [${COST_DEFAULTS.fargateEphemeralStorageGb}, the default]
  --fargate-tasks <n>             Fixed task count [autoscaled from traffic over the day]
  --fargate-min-tasks <n>         Fewest tasks when autoscaled [${COST_DEFAULTS.fargateMinTasks}]
  --fargate-max-tasks <n>         Most tasks when autoscaled [no cap]
  --fargate-task-concurrency <n>  Concurrent requests one task serves [from the CPU a request uses]
  --cpu-busy-share <0-1>          Share of a request's duration its CPU is busy [${COST_DEFAULTS.cpuBusyShare}]
  --target-utilization <0.1-1>    CPU utilisation autoscaling keeps tasks at [${COST_DEFAULTS.targetUtilization}]
  --fargate-arch <x86_64|arm64>   [${COST_DEFAULTS.fargateArch}]
  --fargate-spot                  Fargate Spot prices (a dated snapshot; Spot prices float)
  --alb-lcu <n>                   Fixed average ALB LCUs [computed from traffic]
  --fargate-nat-gateway           The tasks run in private subnets behind the NAT gateways [public subnets, a public IPv4 each]
Platforms:
  --platforms <id,id,...>         The platforms to cost beside Lambda and Fargate [${DEFAULT_PLATFORM_IDS.filter((id) => id !== 'lambda' && id !== 'ecs-fargate').join(', ')}];
                                  any of ${availablePlatforms()
                                    .map((p) => p.id)
                                    .filter((id) => id !== 'lambda' && id !== 'ecs-fargate')
                                    .join(', ')}; short names fargate, express, fargate-spot.
                                  app-runner: only for existing App Runner customers (closed to new ones since 2026-04-30)
Output:
  --format <text|json>            [text]`;

const NUMBER_FLAGS: Record<string, keyof CostFlags> = {
  'requests-per-month': 'requestsPerMonth',
  'duration-ms': 'durationMs',
  'memory-mb': 'memoryMb',
  'payload-kb': 'payloadKb',
  'peak-to-average': 'peakToAverage',
  'provisioned-concurrency': 'provisionedConcurrency',
  'ephemeral-storage-mb': 'ephemeralStorageMb',
  'fargate-vcpu': 'fargateVcpu',
  'fargate-memory-gb': 'fargateMemoryGb',
  'fargate-ephemeral-storage-gb': 'fargateEphemeralStorageGb',
  'fargate-tasks': 'fargateTasks',
  'fargate-min-tasks': 'fargateMinTasks',
  'fargate-max-tasks': 'fargateMaxTasks',
  'busy-hours': 'busyHoursPerDay',
  'egress-kb': 'egressKbPerRequest',
  'logs-kb': 'logsKbPerRequest',
  'nat-gateways': 'natGateways',
  'cpu-busy-share': 'cpuBusyShare',
  'target-utilization': 'targetUtilization',
  'fargate-task-concurrency': 'fargateTaskConcurrency',
  'alb-lcu': 'albLcu',
  'rds-proxy-vcpu': 'rdsProxyVcpu',
};

/** Flags that describe the workload itself: in template mode the template and usage file say these. */
const WORKLOAD_FLAGS = [
  'requests-per-month',
  'duration-ms',
  'memory-mb',
  'arch',
  'front-door',
  'payload-kb',
  'peak-to-average',
  'provisioned-concurrency',
  'ephemeral-storage-mb',
  'busy-hours',
  'egress-kb',
  'logs-kb',
  'vpc',
];

type CostCommand = CostRequest | { command: 'list-regions' } | { command: 'cost-help' };

export function parseCostRequest(argv: string[]): CostCommand {
  const parsed = parseFlags(argv, {
    ...Object.fromEntries(Object.keys(NUMBER_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
    arch: { type: 'string' },
    'front-door': { type: 'string' },
    region: { type: 'string' },
    'free-tier': { type: 'boolean' },
    'compute-only': { type: 'boolean' },
    'fargate-arch': { type: 'string' },
    'fargate-spot': { type: 'boolean' },
    'fargate-nat-gateway': { type: 'boolean' },
    vpc: { type: 'boolean' },
    platforms: { type: 'string' },
    'savings-plan': { type: 'string' },
    resource: { type: 'string' },
    usage: { type: 'string' },
    format: { type: 'string' },
    'list-regions': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  const raw = values as Record<string, string | boolean | undefined>;
  if (values.help) return { command: 'cost-help' };
  if (values['list-regions']) return { command: 'list-regions' };
  if (positionals.length > 1) throw new UsageError(`crossover cost takes one template at most; got ${positionals.length}`);

  const flags: CostFlags = { ...COST_DEFAULTS };
  const given: string[] = [];
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) {
    const text = raw[flag] as string | undefined;
    if (text === undefined) continue;
    given.push(flag);
    const value = Number(text.replace(/_/g, ''));
    const integer = ['requests-per-month', 'provisioned-concurrency', 'fargate-tasks', 'fargate-min-tasks', 'fargate-max-tasks', 'nat-gateways'].includes(flag);
    const positive = !['requests-per-month', 'provisioned-concurrency', 'alb-lcu', 'rds-proxy-vcpu', 'egress-kb', 'logs-kb', 'nat-gateways'].includes(flag);
    if (!Number.isFinite(value) || value < 0 || (positive && value === 0) || (integer && !Number.isInteger(value))) {
      throw new UsageError(`--${flag} must be a ${positive ? 'positive' : 'non-negative'} ${integer ? 'whole number' : 'number'}; got "${text}"`);
    }
    (flags as unknown as Record<string, number>)[key] = value;
  }
  if (flags.peakToAverage < 1) throw new UsageError('--peak-to-average must be at least 1');
  if (flags.busyHoursPerDay < 1 || flags.busyHoursPerDay > 24) throw new UsageError(`--busy-hours must be between 1 and 24; got ${flags.busyHoursPerDay}`);
  if (flags.cpuBusyShare > 1) throw new UsageError(`--cpu-busy-share is a share of the duration: above 0 and at most 1; got ${flags.cpuBusyShare}`);
  if (flags.targetUtilization < 0.1 || flags.targetUtilization > 1)
    throw new UsageError(`--target-utilization must be between 0.1 and 1; got ${flags.targetUtilization}`);
  if (flags.fargateMaxTasks !== null && flags.fargateMaxTasks < flags.fargateMinTasks)
    throw new UsageError(`--fargate-max-tasks (${flags.fargateMaxTasks}) is below --fargate-min-tasks (${flags.fargateMinTasks})`);
  const { minMemoryMb, maxMemoryMb } = LAMBDA_LIMITS;
  if (flags.memoryMb < minMemoryMb.value || flags.memoryMb > maxMemoryMb.value)
    throw new UsageError(`--memory-mb must be between ${minMemoryMb.value} and ${maxMemoryMb.value} (Lambda's range); got ${flags.memoryMb}`);
  checkSizes(flags);
  const oneOf = <T extends string>(flag: string, allowed: readonly T[]): T | undefined => {
    const text = raw[flag] as string | undefined;
    if (text === undefined) return undefined;
    given.push(flag);
    if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${text}"`);
    return text as T;
  };
  flags.architecture = oneOf('arch', ['x86_64', 'arm64'] as const) ?? flags.architecture;
  flags.fargateArch = oneOf('fargate-arch', ['x86_64', 'arm64'] as const) ?? flags.fargateArch;
  flags.frontDoor = oneOf('front-door', FRONT_DOORS) ?? flags.frontDoor;
  const known = regions().map((r) => r.id);
  if (values.region !== undefined) {
    given.push('region');
    if (!known.includes(values.region)) throw new UsageError(`--region: "${values.region}" is not in Crossover's price data. Regions: ${known.join(', ')}`);
    flags.region = values.region;
  }
  if (values['free-tier']) {
    flags.freeTier = true;
    given.push('free-tier');
  }
  if (values['compute-only']) {
    flags.computeOnly = true;
    given.push('compute-only');
  }
  if (values['fargate-nat-gateway']) {
    flags.fargateNatGateway = true;
    given.push('fargate-nat-gateway');
  }
  if (values.vpc) {
    flags.vpc = true;
    given.push('vpc');
  }
  flags.savingsPlan = oneOf('savings-plan', SAVINGS_PLANS) ?? flags.savingsPlan;
  if (typeof raw['platforms'] === 'string') {
    given.push('platforms');
    flags.platforms = platformList(raw['platforms']);
  }
  if (values['fargate-spot']) {
    flags.fargateSpot = true;
    given.push('fargate-spot');
  }
  const format = oneOf('format', ['text', 'json'] as const) ?? 'text';

  const request: CostRequest = { command: 'cost', format, flags, given };
  const template = positionals[0];
  if (template !== undefined) {
    const workload = given.filter((flag) => WORKLOAD_FLAGS.includes(flag));
    if (workload.length)
      throw new UsageError(`With a template, the template and the usage file describe the workload: drop ${workload.map((f) => `--${f}`).join(', ')}`);
    request.template = template;
    if (values.resource !== undefined) request.resource = values.resource;
    if (values.usage !== undefined) request.usageFile = values.usage;
  } else if (values.resource !== undefined || values.usage !== undefined) {
    throw new UsageError('--resource and --usage need a template: crossover cost <template> --resource ID');
  }
  return request;
}

/** Short names on the command line for platform ids. */
const PLATFORM_ALIASES: Record<string, string> = { fargate: 'ecs-fargate', express: 'ecs-express', 'fargate-spot': 'ecs-fargate-spot' };

/** `--platforms a,b,c`: registered platform ids (or their short names), else a usage error naming the known ones. */
function platformList(text: string): string[] {
  const known = availablePlatforms().map((p) => p.id);
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (Object.hasOwn(PLATFORM_ALIASES, s) ? PLATFORM_ALIASES[s]! : s));
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length)
    throw new UsageError(
      `--platforms: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a platform' : 'are not platforms'} of this version. Platforms: ${known.join(', ')}`,
    );
  return [...new Set(ids)];
}

/**
 * Sizes AWS would refuse, refused here (with the valid values) rather than priced: the Fargate task size (the table
 * the ecs/fargate-task-size rule checks), Lambda's /tmp and the task's ephemeral storage.
 */
function checkSizes(flags: CostFlags): void {
  // Either alone is rounded up with the function's needs to a Fargate size; both together must be one.
  if (flags.fargateVcpu !== null && flags.fargateMemoryGb === null && !FARGATE_LIMITS.taskSizes.value.some((s) => s.cpuUnits === flags.fargateVcpu! * 1024))
    throw new UsageError(`--fargate-vcpu ${flags.fargateVcpu} is not a Fargate vCPU. Fargate sizes: ${fargateSizesText()}.`);
  if (flags.fargateVcpu !== null && flags.fargateMemoryGb !== null) {
    const cpuUnits = flags.fargateVcpu * 1024;
    const memoryMb = flags.fargateMemoryGb * 1024;
    if (!isFargateSize(cpuUnits, memoryMb)) {
      const nearest = nearestFargateSize(cpuUnits, memoryMb);
      throw new UsageError(
        `--fargate-vcpu ${flags.fargateVcpu} with --fargate-memory-gb ${flags.fargateMemoryGb} is not a Fargate task size. ` +
          `Fargate sizes: ${fargateSizesText()}. The nearest size with at least as much: ${nearest.cpuUnits / 1024} vCPU with ${nearest.memoryMb / 1024} GB.`,
      );
    }
  }
  const { minEphemeralStorageMb, maxEphemeralStorageMb } = LAMBDA_LIMITS;
  if (!isLambdaEphemeralStorage(flags.ephemeralStorageMb))
    throw new UsageError(
      `--ephemeral-storage-mb must be between ${minEphemeralStorageMb.value} and ${maxEphemeralStorageMb.value} (the /tmp sizes Lambda accepts, in MB); got ${flags.ephemeralStorageMb}`,
    );
  const gb = flags.fargateEphemeralStorageGb;
  const { defaultEphemeralStorageGb, minEphemeralStorageGb, maxEphemeralStorageGb } = FARGATE_LIMITS;
  if (gb !== defaultEphemeralStorageGb.value && !isFargateEphemeralStorage(gb))
    throw new UsageError(
      `--fargate-ephemeral-storage-gb must be between ${minEphemeralStorageGb.value} and ${maxEphemeralStorageGb.value} (the sizes a Fargate task accepts, in GiB), or ${defaultEphemeralStorageGb.value} (the default, without the setting); got ${gb}`,
    );
}
