/**
 * Lambda Managed Instances: the function runs on EC2 instances Lambda manages (a capacity provider), each execution
 * environment serving many requests at once. Medium confidence: the prices are one transcription of the Lambda
 * pricing page (2026-09-20), and how many requests an instance carries is an assumption.
 *
 * Managed Instances = requests x $0.20 per million + average instances x 730 h x the EC2 on-demand price x (1 + the
 *                   15% management fee) + the function's front door, NAT gateways (a function in a VPC), public
 *                   addresses and logs, as for Lambda.
 * Instances at a level of the day = max(minimum, ceil(concurrent requests then / concurrent requests per instance)).
 * An execution environment has the function's memory and memory / (GiB per vCPU) vCPUs; an instance holds as many
 * as fit; per instance it serves, unless given, the environments' vCPUs x the concurrent requests a vCPU serves on
 * the container side (the Fargate task's capacity over its vCPUs).
 */
import { type RegionalPriceKey } from '../../data/price-table.js';
import { EC2_CAPACITY_FACTS, LAMBDA_LIMITS } from '../../data/limits.js';
import { type PriceBook } from '../price-book.js';
import { type Scenario } from '../model.js';
import {
  chooseInstanceType,
  concurrencyPerVcpu,
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
  type UnitSize,
} from './ec2-capacity.js';
import { pricesFor } from './ecs-ec2.js';
import { frontDoorBends, frontDoorCost } from './front-door.js';
import { logsCost, natGatewayCost } from './shared-costs.js';
import { fleetUnits, sumParts, unitsAtLevel, type CostPart, type Fleet, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

export interface ManagedInstancesCost extends PlatformCost {
  instanceType: string | null;
  instanceTypeWhy: string;
  /** Execution environments one instance holds. */
  environmentsPerInstance: number;
  environment: UnitSize;
  /** Concurrent requests one instance serves. */
  concurrencyPerInstance: number;
  instances: number;
  averageInstances: number;
  fewestInstances: number;
  catalogue: CataloguePrice[];
  notes: string[];
  incomplete: boolean;
}

/** One execution environment: the function's memory (at most 32 GB), and vCPUs at the memory:vCPU ratio (2-8 GiB per vCPU). */
export function managedEnvironment(s: Scenario): UnitSize {
  const { min, max } = EC2_CAPACITY_FACTS.managedInstancesMemoryGibPerVcpu.value;
  const ratio = Math.min(max, Math.max(min, ec2Options(s).managedMemoryGibPerVcpu));
  const memoryGiB = Math.min(LAMBDA_LIMITS.managedInstancesMaxMemoryMb.value, Math.max(0, s.lambda.memoryMb)) / 1024;
  return { vcpu: memoryGiB / ratio, memoryGiB };
}

interface Sizing {
  type: InstanceType | undefined;
  name: string | null;
  price: CataloguePrice | undefined;
  why: string;
  environments: number;
  capacity: number;
}

function sizing(s: Scenario, prices: PriceBook): Sizing {
  const o = ec2Options(s);
  const env = managedEnvironment(s);
  const packing = ecsPacking(o);
  let type: InstanceType | undefined;
  let name: string | null;
  let price: CataloguePrice | undefined;
  let why: string;
  if (o.managedInstanceType) {
    name = o.managedInstanceType;
    type = instanceType(prices, name);
    price = onDemandHour(prices, name);
    why = 'your setting';
  } else {
    const choice = chooseInstanceType(prices, s.lambda.architecture, env, packing, 'one execution environment');
    type = choice?.type;
    name = choice?.type.name ?? null;
    price = choice?.price;
    why = choice?.why ?? noTypeReason(prices, s.lambda.architecture, env, packing, 'one execution environment');
  }
  const environments = type ? unitsPerInstance(type, env, packing) : 0;
  const capacity = environments === 0 ? 0 : (o.managedConcurrencyPerInstance ?? environments * env.vcpu * concurrencyPerVcpu(s));
  return { type, name, price, why, environments, capacity };
}

/** One instance all month with the management fee on its on-demand price. */
function unitCostOf(sz: Sizing, prices: PriceBook): { compute: number; fee: number } {
  const compute = sz.environments > 0 ? instanceMonth(sz.price) : 0;
  return { compute, fee: compute * (prices.global('lambda.managedInstances.managementFeePctOfEc2OnDemand') / 100) };
}

function fleetOf(s: Scenario, sz: Sizing, money: { fixed: number; slope: number; unitCost: number }): Fleet {
  const min = Math.max(0, Math.round(ec2Options(s).managedMinInstances));
  return instanceFleet(s, sz.capacity, { minUnits: min, maxUnits: null, fixedUnits: null }, money);
}

/** Requests, the front door, NAT gateways, public addresses and logs at `r` requests a month (no instances). */
function requestSide(
  s: Scenario,
  prices: PriceBook,
): { requests: number; frontDoor: number; natGateway: number; ipv4: number; logs: number; keys: RegionalPriceKey[] } {
  const r = Math.max(0, s.requestsPerMonth);
  const door = frontDoorCost(s.lambda.frontDoor, s, prices, true);
  const nat = s.lambda.vpc ? natGatewayCost(s, prices) : { cost: 0, ipv4: 0, keys: [] };
  const logs = logsCost(s, prices);
  return {
    requests: (r * prices.global('lambda.managedInstances.requestPerMillion')) / 1e6,
    frontDoor: door.cost - (door.ipv4 ?? 0),
    natGateway: nat.cost - nat.ipv4,
    ipv4: (door.ipv4 ?? 0) + nat.ipv4,
    logs: logs.cost,
    keys: [...door.keys, ...nat.keys, ...logs.keys],
  };
}

const sideTotal = (x: ReturnType<typeof requestSide>) => x.requests + x.frontDoor + x.natGateway + x.ipv4 + x.logs;

export function managedInstancesCost(s: Scenario, prices: PriceBook): ManagedInstancesCost {
  const sz = sizing(s, prices);
  const unit = unitCostOf(sz, prices);
  const side = requestSide(s, prices);
  const fleet = fleetOf(s, sz, { fixed: 0, slope: 0, unitCost: 0 });
  const r = Math.max(0, s.requestsPerMonth);
  const counted = sz.environments > 0;
  const averageInstances = counted ? fleetUnits(fleet, r) : 0;
  const perLevel = counted ? fleet.levels.map((l) => unitsAtLevel(fleet, l.perRequest * r)) : [0];
  const instances = Math.max(...perLevel);
  const fewestInstances = Math.min(...perLevel);
  const notes: string[] = ['Lambda Managed Instances prices are one transcription of the Lambda pricing page (medium confidence).'];
  const catalogue: CataloguePrice[] = sz.price ? [sz.price] : [];
  let incomplete = false;
  let label = 'EC2 instances';
  if (sz.name === null || sz.environments === 0) {
    incomplete = true;
    label = 'EC2 instances (not counted: no instance type holds an execution environment)';
    notes.push(
      `${sz.name ? `${sz.name} cannot hold one execution environment` : `No instance type: ${sz.why}`}: the instances are not counted, so the estimate is incomplete.`,
    );
  } else if (!sz.price) {
    incomplete = true;
    label = `EC2 instances (no ${prices.region} price for ${sz.name}: not counted)`;
    notes.push(missingPriceNote(sz.name, prices.region));
  }
  if (s.savingsPlan !== 'none')
    notes.push('The Compute Savings Plan is not applied to the instances (its EC2 rates per instance type are not in the price data).');
  const parts: CostPart[] = [
    { key: 'requests', label: 'Requests', usd: side.requests },
    { key: 'instances', label, usd: averageInstances * unit.compute },
    { key: 'managementFee', label: 'Management fee', usd: averageInstances * unit.fee },
    { key: 'frontDoor', label: 'Front door', usd: side.frontDoor },
    { key: 'natGateway', label: 'NAT gateway', usd: side.natGateway },
    { key: 'publicIpv4', label: 'Public IPv4', usd: side.ipv4 },
    { key: 'logs', label: 'Logs', usd: side.logs },
  ];
  const typeText = sz.type ? `${sz.type.name} (${sz.type.vcpu} vCPU / ${sz.type.memoryGiB} GiB)` : (sz.name ?? `no type (${sz.why})`);
  return {
    platform: 'lambda-managed',
    monthlyUsd: sumParts(parts),
    parts,
    deployment: {
      units: averageInstances,
      unit: `${typeText} instance, ${sz.environments} execution environment${sz.environments === 1 ? '' : 's'}, ${sz.capacity.toFixed(1)} concurrent requests`,
      why:
        fewestInstances === instances
          ? 'sized from traffic'
          : `autoscaled from ${fewestInstances} to ${instances} over the day (${averageInstances.toFixed(2)} on average)`,
    },
    catalogueKeys: catalogue.map((c) => c.key),
    instanceType: sz.name,
    instanceTypeWhy: sz.why,
    environmentsPerInstance: sz.environments,
    environment: managedEnvironment(s),
    concurrencyPerInstance: sz.capacity,
    instances,
    averageInstances,
    fewestInstances,
    catalogue,
    notes,
    incomplete,
    priceKeys: [...new Set(side.keys)],
  };
}

/**
 * The total as a function of monthly requests. The request side bends where the front door's price steps down a
 * tier (API Gateway), so the curve lists those bends; the fleet's fixed part and slope are those below the first
 * bend, and the solver takes the line of each stretch between bends from the total.
 */
function managedInstancesCurve(s: Scenario, prices: PriceBook): PlatformCurve {
  const sz = sizing(s, prices);
  const unit = unitCostOf(sz, prices);
  const unitCost = unit.compute + unit.fee;
  const side = (r: number) => sideTotal(requestSide({ ...s, requestsPerMonth: r }, prices));
  const bends = frontDoorBends(s.lambda.frontDoor, s, prices);
  const fixed = side(0);
  const below = Math.min(1e6, ...bends.map((b) => b / 2));
  const slope = (side(below) - fixed) / below;
  const fleet = fleetOf(s, sz, { fixed, slope, unitCost });
  return { total: (r) => side(Math.max(0, r)) + unitCost * fleetUnits(fleet, r), bends, fleet };
}

export const lambdaManagedPlatform: Platform<ManagedInstancesCost> = {
  id: 'lambda-managed',
  label: 'Lambda Managed Instances',
  cost: managedInstancesCost,
  curve: managedInstancesCurve,
  assumptions: (s) => {
    const o = ec2Options(s);
    const prices = pricesFor(s);
    const sz = sizing(s, prices);
    const env = managedEnvironment(s);
    const given = (field: keyof NonNullable<Scenario['ec2']>) => s.ec2?.[field] !== undefined;
    return [
      { name: 'Instance type', value: sz.name ? `${sz.name} (${sz.why})` : sz.why },
      {
        name: 'Execution environment',
        value: `${env.memoryGiB} GiB (the function's memory) and ${env.vcpu.toFixed(2)} vCPU at ${o.managedMemoryGibPerVcpu} GiB per vCPU${given('managedMemoryGibPerVcpu') ? '' : " (default: the low end of AWS's 2-8 GiB range)"}; ${sz.environments} per instance, ${Math.round(o.reservedMemoryShare * 100)}% of its memory kept for the OS (an assumption, as for ECS on EC2)`,
      },
      {
        name: 'Concurrent requests per instance',
        value: `${sz.capacity.toFixed(1)}${o.managedConcurrencyPerInstance !== null ? '' : " (an assumption: the environments' vCPUs x what a vCPU serves on the container side)"}`,
      },
      { name: 'Minimum instances', value: `${o.managedMinInstances}${given('managedMinInstances') ? '' : ' (an assumption: two Availability Zones)'}` },
      {
        name: 'Prices',
        value: `$${pricesFor(s).global('lambda.managedInstances.requestPerMillion').toFixed(2)} per million requests + EC2 on-demand Linux + ${pricesFor(s).global('lambda.managedInstances.managementFeePctOfEc2OnDemand')}% management fee (prices file globals, medium confidence); no free tier, no Savings Plan`,
      },
      { name: 'Front door and network', value: "the function's (as for Lambda); no public IPv4 on the instances" },
    ];
  },
};
