/**
 * Amazon ECS on AWS Fargate: a fleet of always-on tasks sized for peak traffic (or a fixed count).
 *
 * Fargate = tasks x 730 h x (vCPU x vCPU-hour + GB x GB-hour) + ephemeral storage above 20 GB
 *         + a load balancer (ALB hours + LCU-hours) + a NAT gateway (when on); tasks are sized from traffic unless fixed.
 */
import { type PriceBook } from '../price-book.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type FargateSide, type Scenario } from '../model.js';
import { frontDoorCost } from './front-door.js';
import { partsOf, sumParts, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

interface FargateBreakdown {
  compute: number;
  loadBalancer: number;
  ephemeralStorage: number;
  natGateway: number;
}

export interface FargateCost extends PlatformCost {
  tasks: number;
  vcpu: number;
  memoryGb: number;
  breakdown: FargateBreakdown;
  /** Concurrent requests at peak traffic. */
  requiredConcurrency: number;
  lcu: number;
  sizedFromTraffic: boolean;
}

const FARGATE_PARTS: Record<keyof FargateBreakdown, string> = {
  compute: 'Compute',
  loadBalancer: 'Load balancer',
  ephemeralStorage: 'Ephemeral storage',
  natGateway: 'NAT gateway',
};

function fargateRates(f: FargateSide, prices: PriceBook): { vcpuHour: number; gbHour: number; keys: RegionalPriceKey[] } {
  if (f.spot) {
    // Spot is only in the data for x86_64 (its prices float; the figure is a dated snapshot).
    return {
      vcpuHour: prices.number('fargate.spot.vcpuHour.x86_64'),
      gbHour: prices.number('fargate.spot.gbHour.x86_64'),
      keys: ['fargate.spot.vcpuHour.x86_64', 'fargate.spot.gbHour.x86_64'],
    };
  }
  return {
    vcpuHour: prices.number(`fargate.vcpuHour.${f.architecture}`),
    gbHour: prices.number(`fargate.gbHour.${f.architecture}`),
    keys: [`fargate.vcpuHour.${f.architecture}`, `fargate.gbHour.${f.architecture}`],
  };
}

/** Concurrent requests at peak: requests/s x peak-to-average x duration. */
function requiredConcurrency(s: Scenario): number {
  return (Math.max(0, s.requestsPerMonth) / SECONDS_PER_MONTH) * s.peakToAverage * (s.durationMs / 1000);
}

function tasksFor(s: Scenario): number {
  const f = s.fargate;
  if (f.tasks !== null) return f.tasks;
  return Math.max(f.minTasks, Math.ceil(requiredConcurrency(s) / Math.max(f.perTaskConcurrency, 1e-9) - 1e-9));
}

export function fargateCost(s: Scenario, prices: PriceBook): FargateCost {
  const f = s.fargate;
  const rates = fargateRates(f, prices);
  const tasks = tasksFor(s);
  const compute = tasks * HOURS_PER_MONTH * (f.vcpu * rates.vcpuHour + f.memoryGb * rates.gbHour);
  const keys = [...rates.keys];
  let ephemeralStorage = 0;
  const extraGb = f.ephemeralStorageGb - prices.global('fargate.freeEphemeralStorageGb');
  if (extraGb > 0) {
    keys.push('fargate.ephemeralStorageGbHour');
    ephemeralStorage = tasks * HOURS_PER_MONTH * extraGb * prices.number('fargate.ephemeralStorageGbHour');
  }
  let loadBalancer = 0;
  let lcu = 0;
  if (f.loadBalancer === 'alb') {
    const door = frontDoorCost('alb', s, prices, false);
    loadBalancer = door.cost;
    lcu = door.lcu ?? 0;
    keys.push(...door.keys);
  }
  let natGateway = 0;
  if (f.natGateway) {
    keys.push('nat.hour', 'nat.gbProcessed');
    natGateway = natGatewayCost(s, prices);
  }
  const breakdown: FargateBreakdown = { compute, loadBalancer, ephemeralStorage, natGateway };
  const parts = partsOf(breakdown, FARGATE_PARTS);
  return {
    platform: 'ecs-fargate',
    monthlyUsd: sumParts(parts),
    parts,
    deployment: {
      units: tasks,
      unit: `${f.vcpu} vCPU / ${f.memoryGb} GB ${f.architecture}${f.spot ? ' Spot' : ''} task`,
      why: f.tasks === null ? 'sized from traffic' : 'fixed',
    },
    tasks,
    vcpu: f.vcpu,
    memoryGb: f.memoryGb,
    breakdown,
    requiredConcurrency: requiredConcurrency(s),
    lcu,
    sizedFromTraffic: f.tasks === null,
    priceKeys: keys,
  };
}

/** One NAT gateway all month, plus the traffic's payload through it. */
function natGatewayCost(s: Scenario, prices: PriceBook): number {
  const gb = (Math.max(0, s.requestsPerMonth) * s.payloadKb) / (1024 * 1024);
  return HOURS_PER_MONTH * prices.number('nat.hour') + gb * prices.number('nat.gbProcessed');
}

const withRequests = (s: Scenario, requestsPerMonth: number): Scenario => ({ ...s, requestsPerMonth });

/**
 * The Fargate total as a function of monthly requests (fargateCost's constants worked out once) and its
 * staircase: the load balancer and NAT gateway are linear in requests, the tasks a step each time peak
 * concurrency passes a multiple of the per-task capacity.
 */
function fargateCurve(s: Scenario, prices: PriceBook): PlatformCurve {
  const one = (r: number) => withRequests(s, r);
  const singleTask = fargateCost(withRequests({ ...s, fargate: { ...s.fargate, tasks: 1, loadBalancer: 'none', natGateway: false } }, 0), prices);
  const natBase = s.fargate.natGateway ? natGatewayCost(one(0), prices) : 0;
  const natSlope = s.fargate.natGateway ? (natGatewayCost(one(1e9), prices) - natBase) / 1e9 : 0;
  const taskCost = singleTask.monthlyUsd;
  const lbBase = s.fargate.loadBalancer === 'alb' ? frontDoorCost('alb', one(0), prices, false).cost : 0;
  const lbSlope = s.fargate.loadBalancer === 'alb' ? (frontDoorCost('alb', one(1e9), prices, false).cost - lbBase) / 1e9 : 0;
  const fixed = s.fargate.tasks;
  const c = requiredConcurrency(one(1)) / Math.max(s.fargate.perTaskConcurrency, 1e-9);
  const total = (r: number): number => {
    const tasks = fixed !== null ? fixed : Math.max(s.fargate.minTasks, Math.ceil(c * Math.max(0, r) - 1e-9));
    return tasks * taskCost + lbBase + lbSlope * r + natBase + natSlope * r;
  };

  // The solver's closed form: fixed + slope * r + unitCost * tasks(r).
  const single = fargateCost(withRequests({ ...s, fargate: { ...s.fargate, tasks: 1 } }, 0), prices);
  const lb = (r: number) =>
    (s.fargate.loadBalancer === 'alb' ? frontDoorCost('alb', withRequests(s, r), prices, false).cost : 0) +
    (s.fargate.natGateway ? natGatewayCost(withRequests(s, r), prices) : 0);
  const g0 = lb(0);
  return {
    total,
    bends: [],
    staircase: {
      fixed: g0,
      slope: (lb(1e9) - g0) / 1e9,
      unitCost: single.breakdown.compute + single.breakdown.ephemeralStorage,
      perRequest: fixed === null ? requiredConcurrency(withRequests(s, 1)) / Math.max(s.fargate.perTaskConcurrency, 1e-9) : 0,
      minUnits: fixed ?? s.fargate.minTasks,
      fixedUnits: fixed,
    },
  };
}

export const ecsFargatePlatform: Platform<FargateCost> = {
  id: 'ecs-fargate',
  label: 'Fargate',
  cost: fargateCost,
  curve: fargateCurve,
};
