/**
 * What the platforms on EC2 capacity share (ECS on EC2, EKS on EC2 nodes, Lambda Managed Instances): the catalogue's
 * instance types and their regional on-demand prices, packing units of work (tasks, pods, execution environments)
 * onto an instance by their vCPU and memory, the default instance type, and the fleet of instances the crossover
 * solver walks. Pure: no I/O.
 */
import { EC2_CAPACITY_FACTS } from '../../data/limits.js';
import { type SourceEntry } from '../../data/price-table.js';
import { type PriceBook } from '../price-book.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, trafficLevels, type Architecture, type Ec2Options, type Scenario } from '../model.js';
import { perTaskConcurrency } from './ecs-fargate.js';
import { type Fleet } from './types.js';

export interface InstanceType {
  name: string;
  vcpu: number;
  memoryGiB: number;
  arch: Architecture;
}

/** A catalogue price an estimate read (EC2, EKS: never derived nor borrowed). */
export interface CataloguePrice {
  key: string;
  usd: number;
  region: string;
  date: string;
  confidence: SourceEntry['confidence'];
  sources: string[];
}

/** The defaults of the EC2-capacity assumptions (what `Scenario.ec2` leaves out). */
export function defaultEc2Options(): Ec2Options {
  return {
    instanceType: null,
    minInstances: 2,
    targetCapacity: 1,
    reservedMemoryShare: EC2_CAPACITY_FACTS.ecsReservedMemoryShare.value,
    eksDaemonSetVcpu: 0.125,
    managedInstanceType: null,
    managedMemoryGibPerVcpu: EC2_CAPACITY_FACTS.managedInstancesMemoryGibPerVcpu.value.min,
    managedConcurrencyPerInstance: null,
    managedMinInstances: 2,
  };
}

/** The scenario's EC2-capacity assumptions, defaults filled in. */
export function ec2Options(s: Scenario): Ec2Options {
  return { ...defaultEc2Options(), ...s.ec2 };
}

/** The catalogue's instance type of that name (undefined: not in the catalogue). */
export function instanceType(prices: PriceBook, name: string): InstanceType | undefined {
  const t = Object.hasOwn(prices.instanceTypes, name) ? prices.instanceTypes[name] : undefined;
  if (!t || (t.arch !== 'x86_64' && t.arch !== 'arm64')) return undefined;
  return { name, vcpu: t.vcpu, memoryGiB: t.memoryGiB, arch: t.arch };
}

/** A catalogue price of the region (undefined when the region has no figure of its own). */
export function cataloguePrice(prices: PriceBook, key: string): CataloguePrice | undefined {
  const e = prices.catalogue(key);
  if (!e || typeof e.value !== 'number') return undefined;
  return { key, usd: e.value, region: e.region, date: e.date, confidence: e.confidence, sources: e.sources };
}

/** The region's EC2 on-demand Linux price of an instance type, per hour (undefined: no figure for the region). */
export const onDemandHour = (prices: PriceBook, name: string): CataloguePrice | undefined => cataloguePrice(prices, `ec2.onDemandHour.${name}`);

/** A unit of work's reservation: vCPU and memory. */
export interface UnitSize {
  vcpu: number;
  memoryGiB: number;
}

/** What an instance keeps for itself, and how many units it may run at most. */
export interface Packing {
  reservedVcpu(t: InstanceType): number;
  reservedMemoryGiB(t: InstanceType): number;
  maxUnits?(t: InstanceType): number;
}

/** Units of work of that size one instance holds by vCPU and memory (whole units; 0 when none fits). */
export function unitsPerInstance(t: InstanceType, unit: UnitSize, packing: Packing): number {
  const vcpu = t.vcpu - packing.reservedVcpu(t);
  const memory = t.memoryGiB - packing.reservedMemoryGiB(t);
  if (vcpu <= 0 || memory <= 0 || unit.vcpu <= 0 || unit.memoryGiB <= 0) return 0;
  // A tiny allowance so 2 x 0.25 vCPU fits 0.5 vCPU despite floating error.
  const fits = Math.floor(Math.min(vcpu / unit.vcpu, memory / unit.memoryGiB) + 1e-9);
  return Math.max(0, packing.maxUnits ? Math.min(fits, packing.maxUnits(t)) : fits);
}

/** ECS on EC2: every vCPU is registered (1,024 CPU units each); a share of the memory is kept for the OS and the agent. */
export function ecsPacking(o: Ec2Options): Packing {
  return { reservedVcpu: () => 0, reservedMemoryGiB: (t) => t.memoryGiB * Math.min(0.9, Math.max(0, o.reservedMemoryShare)) };
}

/** The pods an EKS node may run (VPC CNI limit), when the facts know the type. */
export const eksMaxPods = (name: string): number | undefined =>
  Object.hasOwn(EC2_CAPACITY_FACTS.eksMaxPods.value, name) ? EC2_CAPACITY_FACTS.eksMaxPods.value[name] : undefined;

/** kube-reserved CPU of the EKS-optimized AMI for a node of `cores` vCPUs, in vCPU. */
export function eksReservedVcpu(cores: number): number {
  let reserved = 0;
  let from = 0;
  for (const { upToCores, share } of EC2_CAPACITY_FACTS.eksKubeReservedCpuShares.value) {
    if (cores <= from) break;
    reserved += (Math.min(cores, upToCores) - from) * share;
    from = upToCores;
  }
  return reserved;
}

/**
 * EKS on EC2 nodes: allocatable = capacity - kube-reserved - the eviction threshold (memory), - kube-reserved CPU;
 * the DaemonSets every node runs take their requests; the VPC CNI caps the pods (the DaemonSets' two host-network
 * pods are counted in that cap by its formula).
 */
export function eksPacking(o: Ec2Options): Packing {
  const f = EC2_CAPACITY_FACTS;
  const maxPods = (t: InstanceType) => eksMaxPods(t.name) ?? Infinity;
  return {
    reservedVcpu: (t) => eksReservedVcpu(t.vcpu) + Math.max(0, o.eksDaemonSetVcpu),
    reservedMemoryGiB: (t) => {
      const pods = Number.isFinite(maxPods(t)) ? maxPods(t) : 0;
      return (f.eksKubeReservedMemoryBaseMib.value + f.eksKubeReservedMemoryPerPodMib.value * pods + f.eksEvictionMemoryMib.value) / 1024;
    },
    maxUnits: (t) => {
      const pods = maxPods(t);
      return Number.isFinite(pods) ? Math.max(0, pods - 2) : Infinity;
    },
  };
}

/** The default instance type and why. */
export interface TypeChoice {
  type: InstanceType;
  price: CataloguePrice;
  unitsPerInstance: number;
  why: string;
}

const GENERAL_PURPOSE = /^m\d/;
const BURSTABLE = /^t\d/;

/**
 * The cheapest (per instance-hour) type of the architecture that the region prices and that holds at least one unit:
 * among the general-purpose m families first, else any non-burstable type, else a burstable one.
 */
export function chooseInstanceType(prices: PriceBook, arch: Architecture, unit: UnitSize, packing: Packing, what: string): TypeChoice | undefined {
  const candidates = pricedTypes(prices, arch);
  const tiers: [string, (t: InstanceType) => boolean][] = [
    ['general-purpose (m family)', (t) => GENERAL_PURPOSE.test(t.name)],
    ['non-burstable', (t) => !BURSTABLE.test(t.name)],
    ['burstable', () => true],
  ];
  for (const [family, test] of tiers) {
    // The candidates are in price order: the first of the tier that holds a unit is its cheapest.
    const pick = candidates.find((c) => test(c.type) && unitsPerInstance(c.type, unit, packing) >= 1);
    if (pick)
      return {
        type: pick.type,
        price: pick.price,
        unitsPerInstance: unitsPerInstance(pick.type, unit, packing),
        why: `the cheapest ${family} ${arch} type priced in ${prices.region} that holds ${what}`,
      };
  }
  return undefined;
}

/** Per price book and architecture, the catalogue's types the region prices, cheapest first (then by name). */
const priced = new WeakMap<PriceBook, Map<Architecture, readonly { type: InstanceType; price: CataloguePrice }[]>>();

/** The types of an architecture the region prices, cheapest first: listed once per price book (every EC2 estimate asks). */
function pricedTypes(prices: PriceBook, arch: Architecture): readonly { type: InstanceType; price: CataloguePrice }[] {
  let byArch = priced.get(prices);
  if (!byArch) priced.set(prices, (byArch = new Map()));
  let list = byArch.get(arch);
  if (!list) {
    list = Object.keys(prices.instanceTypes)
      .map((name) => instanceType(prices, name))
      .filter((t): t is InstanceType => t !== undefined && t.arch === arch)
      .map((type) => ({ type, price: onDemandHour(prices, type.name) }))
      .filter((c): c is { type: InstanceType; price: CataloguePrice } => c.price !== undefined)
      .sort((a, b) => a.price.usd - b.price.usd || a.type.name.localeCompare(b.type.name));
    byArch.set(arch, list);
  }
  return list;
}

/** Why no type was chosen: none of the architecture holds the unit, or the region prices none that does. */
export function noTypeReason(prices: PriceBook, arch: Architecture, unit: UnitSize, packing: Packing, what: string): string {
  const fitting = Object.keys(prices.instanceTypes)
    .map((name) => instanceType(prices, name))
    .filter((t): t is InstanceType => t !== undefined && t.arch === arch && unitsPerInstance(t, unit, packing) >= 1);
  return fitting.length
    ? `the sources have no ${prices.region} EC2 price for any ${arch} type that holds ${what} (${fitting.map((t) => t.name).join(', ')})`
    : `none of the catalogue's ${arch} types holds ${what}`;
}

/** Concurrent requests at a level of the day per monthly request (requests/s x the level's multiple x duration). */
export const concurrencyPerRequest = (s: Scenario, multiplier: number): number => (multiplier / SECONDS_PER_MONTH) * (Math.max(0, s.durationMs) / 1000);

/**
 * Instances autoscaled over the day's levels for `capacity` concurrent requests each. For containers, `capacity` is
 * tasks per instance x target capacity x concurrent requests per task: the instances a level needs are
 * ceil(ceil(x) / k) for x tasks and k tasks per instance, and for a whole k that equals ceil(x / k) (n = ceil(x / k)
 * gives x <= nk, so ceil(x) <= nk as nk is whole; and ceil(x) >= x > (n - 1)k), so one ceil of a linear function per
 * level, the shape the solver walks. A target capacity below 1 spreads the spare room per task (instances =
 * ceil(tasks / (k x target))), at most one instance a level off ECS's own rounding.
 */
export function instanceFleet(
  s: Scenario,
  capacity: number,
  bounds: { minUnits: number; maxUnits: number | null; fixedUnits: number | null },
  money: { fixed: number; slope: number; unitCost: number },
): Fleet {
  const per = Math.max(capacity, 1e-9);
  return {
    ...money,
    levels: trafficLevels(s).map((l) => ({ share: l.share, perRequest: capacity > 0 ? concurrencyPerRequest(s, l.multiplier) / per : 0 })),
    ...bounds,
  };
}

/** Concurrent requests one vCPU serves on the container side (the Fargate task's capacity over its vCPUs). */
export const concurrencyPerVcpu = (s: Scenario): number => perTaskConcurrency(s.fargate) / Math.max(s.fargate.vcpu, 1e-9);

/** One instance all month at its on-demand price. */
export const instanceMonth = (price: CataloguePrice | undefined): number => (price ? HOURS_PER_MONTH * price.usd : 0);

/** The sentence for a type the region has no price for. */
export const missingPriceNote = (type: string, region: string): string =>
  `No EC2 on-demand price for ${type} in ${region} in the sources: the instances are not counted, so the estimate is incomplete.`;
