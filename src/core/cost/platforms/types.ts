/**
 * One compute platform a workload could run on (Lambda, ECS on Fargate, ...): the workload's needs and the
 * assumptions in (a Scenario: traffic, duration, payload, peak, the platform's own side), a sized deployment
 * and a labelled monthly breakdown out, and what the crossover solver and the sweep need (the total as a
 * function of monthly requests, where it bends and, for a fleet, its staircase). Pure: no vscode, no I/O.
 */
import { type PriceBook } from '../price-book.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { type Scenario } from '../model.js';

/** One labelled part of a monthly total (`key` is stable: the JSON breakdown's field). */
export interface CostPart {
  key: string;
  label: string;
  usd: number;
}

/** What runs: how many units of what, and why that many. */
export interface Deployment {
  /** Units running (tasks, instances; for Lambda the average concurrent executions). */
  units: number;
  /** What one unit is ("1 vCPU / 2 GB task", "execution environment"). */
  unit: string;
  /** Why that many ("sized from traffic", "fixed", "scales with requests"). */
  why: string;
}

export interface PlatformCost {
  platform: string;
  monthlyUsd: number;
  parts: CostPart[];
  deployment: Deployment;
  /** Every regional price the figure read. */
  priceKeys: RegionalPriceKey[];
  /** What must be said with the figure (a price the region lacks, an assumption that does not hold, a status). */
  notes?: string[];
  /** A part could not be priced for the region (left out): the figure is a lower bound, never ranked as cheapest. */
  incomplete?: boolean;
  /** The region's catalogue prices the figure read (EC2 instance types, EKS, App Runner), by catalogue key. */
  catalogueKeys?: string[];
}

/**
 * A fleet's total: fixed + slope * r + unitCost * units(r), where the fleet is autoscaled hour by hour over the
 * day's traffic levels: units(r) = sum over levels of share x clamp(ceil(perRequest x r), minUnits, maxUnits), or
 * `fixedUnits` when the count is set. unitCost is one unit running all month.
 */
export interface Fleet {
  fixed: number;
  slope: number;
  unitCost: number;
  levels: readonly { share: number; perRequest: number }[];
  minUnits: number;
  maxUnits: number | null;
  fixedUnits: number | null;
}

/** Units running at one level of the day (what autoscaling keeps), for `perRequest x r` concurrent units of work. */
export function unitsAtLevel(fleet: Pick<Fleet, 'minUnits' | 'maxUnits'>, demand: number): number {
  const needed = Math.max(fleet.minUnits, Math.ceil(demand - 1e-9));
  return fleet.maxUnits === null ? needed : Math.min(fleet.maxUnits, needed);
}

/** The fleet's average units over the month at `r` requests. */
export function fleetUnits(fleet: Fleet, r: number): number {
  if (fleet.fixedUnits !== null) return fleet.fixedUnits;
  return fleet.levels.reduce((a, l) => a + l.share * unitsAtLevel(fleet, l.perRequest * Math.max(0, r)), 0);
}

/** A platform's monthly total as a function of monthly requests, everything else fixed. */
export interface PlatformCurve {
  total(requestsPerMonth: number): number;
  /** Requests per month at which the total bends (it is linear between them, apart from a staircase). */
  bends: number[];
  /** For fleets: the closed form of the total, so the solver need not walk millions of steps. */
  fleet?: Fleet;
}

export interface Platform<C extends PlatformCost = PlatformCost> {
  /** Stable id ('lambda', 'ecs-fargate'): JSON keys and settings use it. */
  id: string;
  /** Short name in sentences and columns ("Lambda", "Fargate"). */
  label: string;
  cost(s: Scenario, prices: PriceBook): C;
  curve(s: Scenario, prices: PriceBook): PlatformCurve;
  /** Assumptions the platform adds to an estimate (name and value), beyond the workload's own. */
  assumptions?(s: Scenario): { name: string; value: string; source?: 'template' }[];
}

export const sumParts = (parts: readonly CostPart[]): number => parts.reduce((a, p) => a + p.usd, 0);

/** A breakdown object (field -> USD) as labelled parts, in the breakdown's order. */
export const partsOf = <B extends object>(breakdown: B, labels: Record<keyof B, string>): CostPart[] =>
  (Object.keys(breakdown) as (keyof B & string)[]).map((key) => ({ key, label: labels[key], usd: breakdown[key] as number }));
