/**
 * AWS App Runner (closed to new customers since 2026-04-30; existing customers only): instances of an App Runner size
 * autoscaled by concurrent requests, hour by hour over the day's traffic.
 *
 * App Runner = active instances x hours with traffic x (vCPU x active vCPU-hour + GB x active GB-hour)
 *            + provisioned instances x hours without traffic x GB x provisioned GB-hour + logs.
 * Instances at a level of the day = clamp(ceil(concurrent requests / concurrency per instance), min, max). Load
 * balancing and TLS are included; no NAT gateway or public IPv4 is counted. Prices are the region's own catalogue
 * figures (few regions have them): a part without one is left out and said.
 */
import { APP_RUNNER_FACTS, nearestAppRunnerSize } from '../../data/limits.js';
import { type RegionalPriceKey } from '../../data/price-table.js';
import { type PriceBook } from '../price-book.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, trafficLevels, type Scenario } from '../model.js';
import { cataloguePrice, labelMissing, managedOptions, missingNotes, type CataloguePrice } from './fargate-like.js';
import { perTaskConcurrency } from './ecs-fargate.js';
import { logsCost } from './shared-costs.js';
import { fleetUnits, sumParts, unitsAtLevel, type Fleet, type Platform, type PlatformCost, type PlatformCurve } from './types.js';

/** App Runner's status, shown with every App Runner figure. */
export const APP_RUNNER_STATUS = APP_RUNNER_FACTS.status.value;

/** Show App Runner only to accounts that already use it (it takes no new customers): the faces read this flag. */
export const APP_RUNNER_EXISTING_CUSTOMERS_ONLY = true;

export interface AppRunnerCost extends PlatformCost {
  instance: { vcpu: number; memoryGb: number; fits: boolean };
  /** Instances on average over the hours with traffic, and at the busiest hour. */
  averageActiveInstances: number;
  instances: number;
  /** Share of the month's hours without traffic (instances idle, memory only). */
  idleShare: number;
  prices: CataloguePrice[];
  /** 'complete': every price is the region's own; 'partial' or 'none': parts are left out (see notes). */
  priced: 'complete' | 'partial' | 'none';
  status: string;
  notes: string[];
}

interface Rates {
  vcpuActive: CataloguePrice;
  gbActive: CataloguePrice;
  gbProvisioned: CataloguePrice;
}

const ratesOf = (prices: PriceBook): Rates => ({
  vcpuActive: cataloguePrice(prices, 'appRunner.vcpuHourActive'),
  gbActive: cataloguePrice(prices, 'appRunner.gbHourActive'),
  gbProvisioned: cataloguePrice(prices, 'appRunner.gbHourProvisioned'),
});

/** The instance: the scenario's task rounded up to an App Runner size. */
export const appRunnerInstance = (s: Scenario) => nearestAppRunnerSize(s.fargate.vcpu, s.fargate.memoryGb);

/** Concurrent requests at a level for one request a month: requests/s x the level's multiple x duration. */
const concurrencyPerRequest = (s: Scenario, multiplier: number) => (multiplier * (s.durationMs / 1000)) / SECONDS_PER_MONTH;

/**
 * The fleet: levels with traffic run active instances (unitCost: one active all month); the hours without traffic
 * keep the minimum provisioned, memory only (in `fixed`, with logs' nothing: logs are in the slope).
 */
function fleetOf(s: Scenario, prices: PriceBook): { fleet: Fleet; idleShare: number; activeMonth: { vcpu: number; gb: number }; idleMonth: number } {
  const { concurrencyPerInstance, minInstances, maxInstances } = managedOptions(s).appRunner;
  const size = appRunnerInstance(s);
  const r = ratesOf(prices);
  const activeMonth = { vcpu: HOURS_PER_MONTH * size.vcpu * (r.vcpuActive.usd ?? 0), gb: HOURS_PER_MONTH * size.memoryGb * (r.gbActive.usd ?? 0) };
  const idleMonth = HOURS_PER_MONTH * size.memoryGb * (r.gbProvisioned.usd ?? 0);
  const levels = trafficLevels(s);
  const idleShare = levels.filter((l) => l.multiplier <= 0).reduce((a, l) => a + l.share, 0);
  const min = Math.max(0, minInstances);
  const perInstance = Math.max(concurrencyPerInstance, 1e-9);
  const logsPerRequest = logsCost({ ...s, requestsPerMonth: 1 }, prices).cost;
  return {
    fleet: {
      fixed: idleShare * min * idleMonth,
      slope: logsPerRequest,
      unitCost: activeMonth.vcpu + activeMonth.gb,
      levels: levels.filter((l) => l.multiplier > 0).map((l) => ({ share: l.share, perRequest: concurrencyPerRequest(s, l.multiplier) / perInstance })),
      minUnits: min,
      maxUnits: maxInstances === null ? null : Math.max(min, maxInstances),
      fixedUnits: null,
    },
    idleShare,
    activeMonth,
    idleMonth,
  };
}

export function appRunnerCost(s: Scenario, prices: PriceBook): AppRunnerCost {
  const requests = Math.max(0, s.requestsPerMonth);
  const { fleet, idleShare, activeMonth, idleMonth } = fleetOf(s, prices);
  const rates = ratesOf(prices);
  const size = appRunnerInstance(s);
  // Without any request the month is idle: the minimum provisioned, memory only.
  const active = requests > 0 ? fleetUnits(fleet, requests) : 0;
  const idle = requests > 0 ? idleShare * fleet.minUnits : fleet.minUnits;
  const perLevel = fleet.levels.map((l) => unitsAtLevel(fleet, l.perRequest * requests));
  const logs = logsCost(s, prices);
  const keys: RegionalPriceKey[] = logs.cost > 0 ? logs.keys : [];
  const parts = [
    labelMissing({ key: 'activeVcpu', label: 'Active vCPU', usd: active * activeMonth.vcpu }, rates.vcpuActive.usd === null, prices),
    labelMissing({ key: 'activeMemory', label: 'Active memory', usd: active * activeMonth.gb }, rates.gbActive.usd === null, prices),
    labelMissing({ key: 'provisionedMemory', label: 'Provisioned memory (idle)', usd: idle * idleMonth }, rates.gbProvisioned.usd === null, prices),
    { key: 'logs', label: 'Logs', usd: logs.cost },
  ];
  const used = [rates.vcpuActive, rates.gbActive, rates.gbProvisioned];
  const missing = used.filter((p) => p.usd === null).length;
  const notes = [`App Runner is ${APP_RUNNER_STATUS}.`, ...missingNotes('App Runner', used, prices)];
  if (!size.fits)
    notes.push(
      `The ${s.fargate.vcpu} vCPU / ${s.fargate.memoryGb} GB task is larger than App Runner's largest instance: priced at ${size.vcpu} vCPU / ${size.memoryGb} GB.`,
    );
  const perInstance = managedOptions(s).appRunner.concurrencyPerInstance;
  const taskCapacity = (perTaskConcurrency(s.fargate) * size.vcpu) / Math.max(s.fargate.vcpu, 1e-9);
  if (taskCapacity < perInstance)
    notes.push(
      `App Runner adds an instance at ${perInstance} concurrent requests; the Fargate side assumes a ${size.vcpu} vCPU task serves ${taskCapacity.toFixed(1)}: if an instance cannot serve ${perInstance} at once, set a lower concurrency per instance (more instances).`,
    );
  if (s.savingsPlan !== 'none') notes.push('Compute Savings Plans cover EC2, Fargate and Lambda, not App Runner: no discount.');
  const instances = perLevel.length ? Math.max(...perLevel) : fleet.minUnits;
  return {
    platform: 'app-runner',
    monthlyUsd: sumParts(parts),
    parts,
    deployment: {
      units: active + idle,
      unit: `${size.vcpu} vCPU / ${size.memoryGb} GB App Runner instance`,
      why:
        requests <= 0
          ? 'provisioned, idle'
          : `${Math.min(...perLevel, instances)} to ${instances} active over the hours with traffic (concurrency ${perInstance} per instance)`,
    },
    priceKeys: keys,
    instance: size,
    averageActiveInstances: active,
    instances,
    idleShare,
    prices: used,
    catalogueKeys: used.filter((p) => p.provenance === 'own').map((p) => p.key),
    priced: missing === 0 ? 'complete' : missing === used.length ? 'none' : 'partial',
    incomplete: missing > 0,
    status: APP_RUNNER_STATUS,
    notes,
  };
}

function appRunnerCurve(s: Scenario, prices: PriceBook): PlatformCurve {
  const { fleet, idleMonth } = fleetOf(s, prices);
  return {
    total: (r) => (r > 0 ? fleet.fixed + fleet.slope * r + fleet.unitCost * fleetUnits(fleet, r) : fleet.minUnits * idleMonth),
    bends: [],
    fleet,
  };
}

export const appRunnerPlatform: Platform<AppRunnerCost> & { existingCustomersOnly: boolean; status: string } = {
  id: 'app-runner',
  label: 'App Runner',
  existingCustomersOnly: APP_RUNNER_EXISTING_CUSTOMERS_ONLY,
  status: APP_RUNNER_STATUS,
  cost: appRunnerCost,
  curve: appRunnerCurve,
  assumptions: (s) => {
    const o = managedOptions(s).appRunner;
    const size = appRunnerInstance(s);
    return [
      { name: 'Status', value: `${APP_RUNNER_STATUS} (${APP_RUNNER_FACTS.status.url}); AWS recommends ECS Express Mode instead` },
      {
        name: 'Instance',
        value: `${size.vcpu} vCPU / ${size.memoryGb} GB: the ${s.fargate.vcpu} vCPU / ${s.fargate.memoryGb} GB task rounded up to an App Runner size (${APP_RUNNER_FACTS.instanceSizes.url})`,
      },
      {
        name: 'Concurrency per instance',
        value: `${o.concurrencyPerInstance} requests (App Runner's default MaxConcurrency is ${APP_RUNNER_FACTS.defaultConcurrencyPerInstance.value}: ${APP_RUNNER_FACTS.defaultConcurrencyPerInstance.url}); lower it when an instance cannot serve that many at once`,
      },
      {
        name: 'Instances',
        value: `at least ${o.minInstances} provisioned (memory billed while idle)${o.maxInstances === null ? ', no maximum' : `, at most ${o.maxInstances}`}`,
      },
      {
        name: 'Active time',
        value:
          'every hour with traffic bills its instances as active (vCPU and memory); App Runner bills vCPU only while requests are in flight, so light traffic costs less than this',
      },
      {
        name: 'Network',
        value: 'load balancing and TLS included; no NAT gateway or public IPv4 counted (a VPC connector would send egress through your NAT gateways)',
      },
    ];
  },
};
