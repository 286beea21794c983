/**
 * Amazon ECS on EC2 capacity: the workload's tasks (the Fargate side's task: its vCPU and memory, its capacity in
 * concurrent requests, autoscaled over the day) packed onto EC2 instances by their reservations; the instances are
 * what is billed (ECS itself costs nothing).
 *
 * ECS on EC2 = average instances x 730 h x the on-demand price + a public IPv4 address per instance in public subnets
 *            + the load balancer, NAT gateways and logs as on the Fargate side.
 * Instances at a level of the day = max(minimum, ceil(tasks then / (tasks per instance x target capacity))).
 * EKS on EC2 nodes (eks-ec2.ts) is the same fleet with Kubernetes' reservations and the cluster fee.
 */
import { type RegionalPriceKey } from '../../data/price-table.js';
import { priceBook, type PriceBook } from '../price-book.js';
import { HOURS_PER_MONTH, type Ec2Options, type Scenario } from '../model.js';
import {
  chooseInstanceType,
  ec2Options,
  ecsPacking,
  instanceFleet,
  instanceMonth,
  instanceType,
  missingPriceNote,
  noTypeReason,
  onDemandHour,
  unitsPerInstance,
  type CataloguePrice,
  type InstanceType,
  type Packing,
} from './ec2-capacity.js';
import { perTaskConcurrency } from './ecs-fargate.js';
import { frontDoorCost } from './front-door.js';
import { logsCost, natGatewayCost } from './shared-costs.js';
import { fleetUnits, sumParts, unitsAtLevel, type CostPart, type Fleet, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

/** A fleet of EC2 instances running the workload's containers: what ECS on EC2 and EKS on EC2 nodes share. */
export interface NodesCost extends PlatformCost {
  /** The instance type (null: none of the catalogue's types holds the task). */
  instanceType: string | null;
  /** Why that type ("your setting", or the default's reason). */
  instanceTypeWhy: string;
  /** Tasks (pods) one instance holds by its vCPU and memory. */
  tasksPerInstance: number;
  /** Instances at the busiest hour, on average, at the quietest hour. */
  instances: number;
  averageInstances: number;
  fewestInstances: number;
  /** Catalogue prices read (EC2, EKS). */
  catalogue: CataloguePrice[];
  /** What the estimate lacks or assumes that the figure depends on (a missing regional price, ...). */
  notes: string[];
  /** True when a price the figure needs is missing for the region (that part is not counted). */
  incomplete: boolean;
}

/** How a container platform on EC2 differs: its packing, its word for a task, and a fixed monthly cost (EKS's fee). */
export interface NodesVariant {
  platform: string;
  unitWord: 'task' | 'pod';
  packing(o: Ec2Options): Packing;
  /** A monthly charge independent of traffic (a cluster fee), its catalogue price and notes. */
  fixedCharge?(s: Scenario, prices: PriceBook): { part: CostPart; catalogue?: CataloguePrice; notes: string[] };
}

/** The instance type: the user's, or the default for the task's architecture in the region. */
export function nodeType(
  s: Scenario,
  prices: PriceBook,
  variant: NodesVariant,
): { type: InstanceType | undefined; name: string | null; price: CataloguePrice | undefined; k: number; why: string } {
  const o = ec2Options(s);
  const f = s.fargate;
  const unit = { vcpu: f.vcpu, memoryGiB: f.memoryGb };
  if (o.instanceType) {
    const type = instanceType(prices, o.instanceType);
    const k = type ? unitsPerInstance(type, unit, variant.packing(o)) : 0;
    return { type, name: o.instanceType, price: onDemandHour(prices, o.instanceType), k, why: o.instanceTypeFrom ?? 'your setting' };
  }
  const what = `one ${f.vcpu} vCPU / ${f.memoryGb} GB ${variant.unitWord}`;
  const choice = chooseInstanceType(prices, f.architecture, unit, variant.packing(o), what);
  if (!choice) return { type: undefined, name: null, price: undefined, k: 0, why: noTypeReason(prices, f.architecture, unit, variant.packing(o), what) };
  return { type: choice.type, name: choice.type.name, price: choice.price, k: choice.unitsPerInstance, why: choice.why };
}

/** The load balancer, NAT gateways, their public addresses and logs, as on the Fargate side (linear in requests). */
function sideCosts(s: Scenario, prices: PriceBook): { loadBalancer: number; natGateway: number; ipv4: number; logs: number; keys: RegionalPriceKey[] } {
  const keys: RegionalPriceKey[] = [];
  let loadBalancer = 0;
  let ipv4 = 0;
  if (s.fargate.loadBalancer === 'alb') {
    const door = frontDoorCost('alb', s, prices, false);
    loadBalancer = door.cost - (door.ipv4 ?? 0);
    ipv4 += door.ipv4 ?? 0;
    keys.push(...door.keys);
  }
  let natGateway = 0;
  if (s.fargate.subnets === 'private') {
    const nat = natGatewayCost(s, prices);
    natGateway = nat.cost - nat.ipv4;
    ipv4 += nat.ipv4;
    keys.push(...nat.keys);
  }
  const logs = logsCost(s, prices);
  keys.push(...logs.keys);
  return { loadBalancer, natGateway, ipv4, logs: logs.cost, keys };
}

/** One instance all month: its on-demand price and, in public subnets, its public IPv4 address. */
function instanceUnitCost(s: Scenario, prices: PriceBook, price: CataloguePrice | undefined): { compute: number; ipv4: number } {
  const ipv4 = s.fargate.subnets === 'public' ? HOURS_PER_MONTH * prices.number('ipv4.publicAddressHour') : 0;
  return { compute: instanceMonth(price), ipv4 };
}

/** The fleet's bounds in instances from the task bounds: a task minimum, maximum or fixed count becomes instances. */
function nodeFleet(s: Scenario, prices: PriceBook, variant: NodesVariant, money: { fixed: number; slope: number; unitCost: number }): Fleet {
  const o = ec2Options(s);
  const f = s.fargate;
  const { k } = nodeType(s, prices, variant);
  const perInstance = k * Math.min(1, Math.max(0.01, o.targetCapacity));
  const toInstances = (tasks: number) => (perInstance > 0 ? Math.ceil(tasks / perInstance - 1e-9) : 0);
  const minUnits = Math.max(Math.max(0, Math.round(o.minInstances)), toInstances(f.minTasks));
  const fixedUnits = f.tasks !== null ? Math.max(minUnits, toInstances(f.tasks)) : null;
  const maxUnits = fixedUnits ?? (f.maxTasks !== null ? Math.max(minUnits, toInstances(f.maxTasks)) : null);
  return instanceFleet(s, perInstance * perTaskConcurrency(f), { minUnits, maxUnits, fixedUnits }, money);
}

const PART_LABELS = {
  instances: 'EC2 instances',
  loadBalancer: 'Load balancer',
  natGateway: 'NAT gateway',
  publicIpv4: 'Public IPv4',
  logs: 'Logs',
};

export function nodesCost(s: Scenario, prices: PriceBook, variant: NodesVariant): NodesCost {
  const node = nodeType(s, prices, variant);
  const unit = instanceUnitCost(s, prices, node.price);
  const side = sideCosts(s, prices);
  const fleet = nodeFleet(s, prices, variant, { fixed: 0, slope: 0, unitCost: 0 });
  const r = Math.max(0, s.requestsPerMonth);
  const averageInstances = node.k > 0 ? fleetUnits(fleet, r) : 0;
  const perLevel = node.k > 0 ? fleet.levels.map((l) => (fleet.fixedUnits !== null ? fleet.fixedUnits : unitsAtLevel(fleet, l.perRequest * r))) : [0];
  const instances = Math.max(...perLevel);
  const fewestInstances = Math.min(...perLevel);
  const notes: string[] = [];
  const catalogue: CataloguePrice[] = node.price ? [node.price] : [];
  let incomplete = false;
  let instancesLabel = PART_LABELS.instances;
  if (node.name === null || node.k === 0) {
    incomplete = true;
    notes.push(
      node.name === null
        ? `No instance type: ${node.why}; the instances are not counted, so the estimate is incomplete.`
        : `${node.name} cannot hold one ${s.fargate.vcpu} vCPU / ${s.fargate.memoryGb} GB ${variant.unitWord}${node.type ? '' : ' (not in the catalogue)'}: the instances are not counted, so the estimate is incomplete.`,
    );
    instancesLabel = 'EC2 instances (not counted: no instance type holds the task)';
  } else if (!node.price) {
    incomplete = true;
    notes.push(missingPriceNote(node.name, prices.region));
    instancesLabel = `EC2 instances (no ${prices.region} price for ${node.name}: not counted)`;
  }
  const keys: RegionalPriceKey[] = [...side.keys];
  if (unit.ipv4 > 0) keys.push('ipv4.publicAddressHour');
  const parts: CostPart[] = [
    { key: 'instances', label: instancesLabel, usd: averageInstances * unit.compute },
    { key: 'loadBalancer', label: PART_LABELS.loadBalancer, usd: side.loadBalancer },
    { key: 'natGateway', label: PART_LABELS.natGateway, usd: side.natGateway },
    { key: 'publicIpv4', label: PART_LABELS.publicIpv4, usd: side.ipv4 + averageInstances * unit.ipv4 },
    { key: 'logs', label: PART_LABELS.logs, usd: side.logs },
  ];
  if (variant.fixedCharge) {
    const charge = variant.fixedCharge(s, prices);
    parts.push(charge.part);
    if (charge.catalogue) catalogue.push(charge.catalogue);
    notes.push(...charge.notes);
  }
  if (s.savingsPlan !== 'none')
    notes.push('The Compute Savings Plan is not applied to the EC2 instances (its EC2 rates per instance type are not in the price data).');
  const typeText = node.type ? `${node.type.name} (${node.type.vcpu} vCPU / ${node.type.memoryGiB} GiB)` : (node.name ?? 'no type');
  return {
    platform: variant.platform,
    monthlyUsd: sumParts(parts),
    parts,
    deployment: {
      units: averageInstances,
      unit: `${typeText} instance${node.name === null ? ` (${node.why})` : ''}, ${node.k} ${variant.unitWord}${node.k === 1 ? '' : 's'} of ${s.fargate.vcpu} vCPU / ${s.fargate.memoryGb} GB each`,
      why:
        fleet.fixedUnits !== null
          ? `fixed (${s.fargate.tasks} ${variant.unitWord}s)`
          : fewestInstances === instances
            ? 'sized from traffic'
            : `autoscaled from ${fewestInstances} to ${instances} over the day (${averageInstances.toFixed(2)} on average)`,
    },
    instanceType: node.name,
    instanceTypeWhy: node.why,
    tasksPerInstance: node.k,
    instances,
    averageInstances,
    fewestInstances,
    catalogue,
    catalogueKeys: catalogue.map((c) => c.key),
    notes,
    incomplete,
    priceKeys: [...new Set(keys)],
  };
}

/** The total as a function of monthly requests: the side costs are linear, the instances a fleet over the day's levels. */
export function nodesCurve(s: Scenario, prices: PriceBook, variant: NodesVariant): PlatformCurve {
  const node = nodeType(s, prices, variant);
  const unit = instanceUnitCost(s, prices, node.price);
  const at = (r: number) => {
    const side = sideCosts({ ...s, requestsPerMonth: r }, prices);
    return side.loadBalancer + side.natGateway + side.ipv4 + side.logs;
  };
  const charge = variant.fixedCharge ? variant.fixedCharge(s, prices).part.usd : 0;
  const fixed = at(0) + charge;
  const slope = (at(1e9) - at(0)) / 1e9;
  const unitCost = node.k > 0 ? unit.compute + unit.ipv4 : 0;
  const fleet = nodeFleet(s, prices, variant, { fixed, slope, unitCost });
  return { total: (r) => fixed + slope * Math.max(0, r) + unitCost * fleetUnits(fleet, r), bends: [], fleet };
}

/** Assumptions every platform on EC2 nodes lists: the type and why, the packing, the bounds. */
export function nodesAssumptions(
  s: Scenario,
  prices: PriceBook,
  variant: NodesVariant,
  reserved: string,
): { name: string; value: string; source?: 'template' }[] {
  const o = ec2Options(s);
  const node = nodeType(s, prices, variant);
  return [
    { name: 'Instance type', value: node.name ? `${node.name} (${node.why})` : node.why, ...(s.ec2?.instanceTypeFrom ? { source: 'template' as const } : {}) },
    { name: `${variant.unitWord === 'pod' ? 'Pods' : 'Tasks'} per instance`, value: `${node.k} by vCPU and memory (${reserved})` },
    {
      name: 'Minimum instances',
      value: `${o.minInstances}${s.ec2?.minInstances === undefined ? ' (default: one per Availability Zone, two zones; an assumption)' : ''}`,
      // Only a template sets it today (the capacity provider's Auto Scaling group MinSize).
      ...(s.ec2?.minInstances !== undefined ? { source: 'template' as const } : {}),
    },
    {
      name: 'Target capacity',
      value: `${Math.round(o.targetCapacity * 100)}% of the instances' ${variant.unitWord} room filled${s.ec2?.targetCapacity === undefined ? ' (default: ECS managed scaling target capacity 100%)' : ''}`,
    },
    { name: 'Prices', value: 'EC2 on-demand Linux rates of the region (prices file, ec2.onDemandHour.<type>); no Savings Plan on the instances' },
    {
      name: 'Public IPv4',
      value:
        s.fargate.subnets === 'public'
          ? `one per instance (public subnets); ${variant.unitWord}s in awsvpc mode get none`
          : 'none on the instances (private subnets)',
    },
  ];
}

const ECS_VARIANT: NodesVariant = { platform: 'ecs-ec2', unitWord: 'task', packing: ecsPacking };

export const ecsEc2Cost = (s: Scenario, prices: PriceBook): NodesCost => nodesCost(s, prices, ECS_VARIANT);

export const ecsEc2Platform: Platform<NodesCost> = {
  id: 'ecs-ec2',
  label: 'ECS on EC2',
  cost: ecsEc2Cost,
  curve: (s, prices) => nodesCurve(s, prices, ECS_VARIANT),
  assumptions: (s) => {
    const o = ec2Options(s);
    return nodesAssumptions(
      s,
      pricesFor(s),
      ECS_VARIANT,
      `${Math.round(o.reservedMemoryShare * 100)}% of the memory kept for the OS and the ECS agent${s.ec2?.reservedMemoryShare === undefined ? ': AWS recommends a 5% buffer (medium confidence)' : ''}; every vCPU registered; awsvpc ENI trunking or bridge mode assumed, so ENIs do not cap the tasks`,
    );
  },
};

/** The region's price book, for the assumptions (which take a scenario only); catalogue prices have no overrides. */
export const pricesFor = (s: Scenario): PriceBook => priceBook(s.region);
