/**
 * Amazon ECS on AWS Fargate: a fleet of tasks autoscaled hour by hour over the day's traffic (or a fixed count).
 *
 * Fargate = average tasks x 730 h x (vCPU x vCPU-hour + GB x GB-hour) + ephemeral storage above 20 GB
 *         + a public IPv4 address per task in public subnets + a load balancer (ALB hours + LCU-hours, and its
 *         public addresses) + NAT gateways for tasks in private subnets (hours + what passes them) + logs
 *         - a Compute Savings Plan discount on the compute (when chosen).
 * Per-task capacity: concurrent requests = vCPU x target utilisation / vCPU one request in flight uses.
 */
import { type PriceBook } from '../price-book.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, trafficLevels, type FargateSide, type Scenario } from '../model.js';
import { frontDoorCost } from './front-door.js';
import { logsCost, natGatewayCost, savingsPlanDiscount } from './shared-costs.js';
import { fleetUnits, partsOf, sumParts, unitsAtLevel, type Fleet, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

interface FargateBreakdown {
  compute: number;
  loadBalancer: number;
  ephemeralStorage: number;
  natGateway: number;
  publicIpv4: number;
  logs: number;
  /** Zero or negative. */
  savingsPlan: number;
}

export interface FargateCost extends PlatformCost {
  /** Tasks at the busiest hour (or the fixed count). */
  tasks: number;
  /** Tasks on average over the month (what is billed). */
  averageTasks: number;
  /** Tasks at the quietest hour. */
  fewestTasks: number;
  vcpu: number;
  memoryGb: number;
  breakdown: FargateBreakdown;
  /** Concurrent requests at the busiest hour. */
  requiredConcurrency: number;
  /** Concurrent requests one task serves. */
  perTaskConcurrency: number;
  lcu: number;
  sizedFromTraffic: boolean;
  /** Set when a fixed or capped task count cannot carry the busiest hour: the concurrency it can carry. */
  shortOfCapacity?: { needed: number; capacity: number };
}

const FARGATE_PARTS: Record<keyof FargateBreakdown, string> = {
  compute: 'Compute',
  loadBalancer: 'Load balancer',
  ephemeralStorage: 'Ephemeral storage',
  natGateway: 'NAT gateway',
  publicIpv4: 'Public IPv4',
  logs: 'Logs',
  savingsPlan: 'Savings Plan',
};

function fargateRates(f: FargateSide, prices: PriceBook): { vcpuHour: number; gbHour: number; keys: RegionalPriceKey[] } {
  const kind = f.spot ? 'fargate.spot' : 'fargate';
  const keys: RegionalPriceKey[] = [`${kind}.vcpuHour.${f.architecture}`, `${kind}.gbHour.${f.architecture}`];
  return { vcpuHour: prices.number(keys[0]!), gbHour: prices.number(keys[1]!), keys };
}

/**
 * Concurrent requests one task serves: given, or its vCPUs at the target utilisation over the vCPU a request in
 * flight keeps busy on average (the function's CPU share x the CPU-busy share of its duration).
 */
export function perTaskConcurrency(f: FargateSide): number {
  if (f.perTaskConcurrency !== null) return Math.max(f.perTaskConcurrency, 1e-9);
  return Math.max((f.vcpu * f.targetUtilization) / Math.max(f.requestVcpu * f.cpuBusyShare, 1e-9), 1e-9);
}

/** Concurrent requests at a traffic level: requests/s x the level's multiple of the average x duration. */
const concurrencyAt = (s: Scenario, multiplier: number): number => (Math.max(0, s.requestsPerMonth) / SECONDS_PER_MONTH) * multiplier * (s.durationMs / 1000);

/** One task running all month: compute, storage above the free 20 GB, and its public address in public subnets. */
function taskMonth(s: Scenario, prices: PriceBook): { compute: number; ephemeral: number; ipv4: number; keys: RegionalPriceKey[] } {
  const f = s.fargate;
  const rates = fargateRates(f, prices);
  const keys = [...rates.keys];
  const compute = HOURS_PER_MONTH * (f.vcpu * rates.vcpuHour + f.memoryGb * rates.gbHour);
  let ephemeral = 0;
  const extraGb = f.ephemeralStorageGb - prices.global('fargate.freeEphemeralStorageGb');
  if (extraGb > 0) {
    keys.push('fargate.ephemeralStorageGbHour');
    ephemeral = HOURS_PER_MONTH * extraGb * prices.number('fargate.ephemeralStorageGbHour');
  }
  let ipv4 = 0;
  if (f.subnets === 'public') {
    keys.push('ipv4.publicAddressHour');
    ipv4 = HOURS_PER_MONTH * prices.number('ipv4.publicAddressHour');
  }
  return { compute, ephemeral, ipv4, keys };
}

/** The fleet's shape: its traffic levels, the capacity per task, and the bounds autoscaling keeps. */
function fleetOf(s: Scenario, unitCost: number, fixed: number, slope: number): Fleet {
  const f = s.fargate;
  const capacity = perTaskConcurrency(f);
  const perRequest = (multiplier: number) => concurrencyAt({ ...s, requestsPerMonth: 1 }, multiplier) / capacity;
  return {
    fixed,
    slope,
    unitCost,
    levels: trafficLevels(s).map((l) => ({ share: l.share, perRequest: perRequest(l.multiplier) })),
    minUnits: f.tasks ?? f.minTasks,
    maxUnits: f.tasks ?? f.maxTasks,
    fixedUnits: f.tasks,
  };
}

export function fargateCost(s: Scenario, prices: PriceBook): FargateCost {
  const f = s.fargate;
  const task = taskMonth(s, prices);
  const keys = [...task.keys];
  const fleet = fleetOf(s, 0, 0, 0);
  const averageTasks = fleetUnits(fleet, s.requestsPerMonth);
  const perLevel = fleet.levels.map((l) =>
    fleet.fixedUnits !== null ? fleet.fixedUnits : unitsAtLevel(fleet, l.perRequest * Math.max(0, s.requestsPerMonth)),
  );
  const tasks = Math.max(...perLevel);
  const fewestTasks = Math.min(...perLevel);
  const compute = averageTasks * task.compute;
  const ephemeralStorage = averageTasks * task.ephemeral;
  let publicIpv4 = averageTasks * task.ipv4;
  let loadBalancer = 0;
  let lcu = 0;
  if (f.loadBalancer === 'alb') {
    const door = frontDoorCost('alb', s, prices, false);
    loadBalancer = door.cost - (door.ipv4 ?? 0);
    publicIpv4 += door.ipv4 ?? 0;
    lcu = door.lcu ?? 0;
    keys.push(...door.keys);
  }
  let natGateway = 0;
  if (f.subnets === 'private') {
    const nat = natGatewayCost(s, prices);
    natGateway = nat.cost - nat.ipv4;
    publicIpv4 += nat.ipv4;
    keys.push(...nat.keys);
  }
  const logs = logsCost(s, prices);
  if (logs.cost > 0) keys.push(...logs.keys);
  const savingsPlan = -compute * savingsPlanDiscount(s.savingsPlan, 'fargate', prices);
  const breakdown: FargateBreakdown = { compute, loadBalancer, ephemeralStorage, natGateway, publicIpv4, logs: logs.cost, savingsPlan };
  const parts = partsOf(breakdown, FARGATE_PARTS);
  const capacity = perTaskConcurrency(f);
  const peakLevel = Math.max(...trafficLevels(s).map((l) => l.multiplier));
  const needed = concurrencyAt(s, peakLevel);
  const carried = tasks * capacity;
  return {
    platform: 'ecs-fargate',
    monthlyUsd: sumParts(parts),
    parts,
    deployment: {
      units: averageTasks,
      unit: `${f.vcpu} vCPU / ${f.memoryGb} GB ${f.architecture}${f.spot ? ' Spot' : ''} task`,
      why:
        f.tasks !== null
          ? 'fixed'
          : fewestTasks === tasks
            ? 'sized from traffic'
            : `autoscaled from ${fewestTasks} to ${tasks} over the day (${averageTasks.toFixed(2)} on average)`,
    },
    tasks,
    averageTasks,
    fewestTasks,
    vcpu: f.vcpu,
    memoryGb: f.memoryGb,
    breakdown,
    requiredConcurrency: needed,
    perTaskConcurrency: capacity,
    lcu,
    sizedFromTraffic: f.tasks === null,
    ...(needed > carried * (1 + 1e-9) ? { shortOfCapacity: { needed, capacity: carried } } : {}),
    priceKeys: [...new Set(keys)],
  };
}

/**
 * The Fargate total as a function of monthly requests: the load balancer, NAT gateways and logs are linear in
 * requests (their fixed part and slope worked out once), the tasks a fleet autoscaled over the day's levels.
 */
function fargateCurve(s: Scenario, prices: PriceBook): PlatformCurve {
  const at = (r: number) => fargateCost({ ...s, requestsPerMonth: r, fargate: { ...s.fargate, tasks: 0, minTasks: 0, maxTasks: 0 } }, prices).monthlyUsd;
  const task = taskMonth(s, prices);
  const discount = savingsPlanDiscount(s.savingsPlan, 'fargate', prices);
  const unitCost = task.compute * (1 - discount) + task.ephemeral + task.ipv4;
  const fixed = at(0);
  const slope = (at(1e9) - fixed) / 1e9;
  const fleet = fleetOf(s, unitCost, fixed, slope);
  return {
    total: (r) => fixed + slope * Math.max(0, r) + unitCost * fleetUnits(fleet, r),
    bends: [],
    fleet,
  };
}

/** What to tell when a fixed or capped fleet cannot carry the busiest hour (none when it can). */
export function capacityNotes(c: FargateCost): string[] {
  const short = c.shortOfCapacity;
  if (!short) return [];
  const n = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
  return [
    `${c.tasks} Fargate task${c.tasks === 1 ? '' : 's'} (${c.sizedFromTraffic ? 'the maximum' : 'fixed'}) carry ${n(short.capacity)} concurrent requests; the busiest hour needs ${n(short.needed)}: the figure is for a fleet that cannot carry the load.`,
  ];
}

export const ecsFargatePlatform: Platform<FargateCost> = {
  id: 'ecs-fargate',
  label: 'Fargate',
  cost: fargateCost,
  curve: fargateCurve,
};
