/** `crossover.pricing.*`, `crossover.usage.*` and `crossover.fargate.*` -> the engine's CostSettings. */
import * as vscode from 'vscode';
import { resolveCostSettings, type CostSettings } from '../../core/cost/estimate.js';
import { type PriceOverrides } from '../../core/cost/price-book.js';

const positive = (value: number | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

export function readCostSettings(): CostSettings {
  const c = vscode.workspace.getConfiguration('crossover');
  const architecture = c.get<string>('fargate.architecture');
  return resolveCostSettings({
    region: c.get<string>('pricing.region') || undefined,
    freeTier: c.get<boolean>('pricing.freeTier'),
    priceOverrides: c.get<PriceOverrides>('pricing.overrides') ?? {},
    traffic: {
      low: positive(c.get<number>('usage.requestsPerMonth.low')),
      typical: positive(c.get<number>('usage.requestsPerMonth.typical')),
      high: positive(c.get<number>('usage.requestsPerMonth.high')),
    },
    durationMs: positive(c.get<number>('usage.averageDurationMs')),
    payloadKb: positive(c.get<number>('usage.averagePayloadKb')),
    peakToAverage: positive(c.get<number>('usage.peakToAverage')),
    fargate: {
      vcpu: positive(c.get<number>('fargate.vcpu')),
      memoryGb: positive(c.get<number>('fargate.memoryGb')),
      architecture: architecture === 'x86_64' || architecture === 'arm64' || architecture === 'match' ? architecture : undefined,
      minTasks: positive(c.get<number>('fargate.minTasks')),
      concurrencyPerVcpu: positive(c.get<number>('fargate.concurrentRequestsPerVcpu')),
      spot: c.get<boolean>('fargate.spot'),
      ephemeralStorageGb: positive(c.get<number>('fargate.ephemeralStorageGb')),
      natGateway: c.get<boolean>('fargate.natGateway'),
    },
    rdsProxyVcpu: positive(c.get<number>('usage.rdsProxyDatabaseVcpu')),
  });
}
