/** `crossover.pricing.*`, `crossover.usage.*` and `crossover.fargate.*` -> the engine's CostSettings. */
import { type CostSettings, resolveCostSettings } from '../../core/index.js';
import { type SettingsSource } from '../settings.js';

/** Read as given and checked by the engine (resolveCostSettings); `report` hears each problem. */
export function readCostSettings(c: SettingsSource, report: (problem: string) => void = () => undefined): CostSettings {
  const value = (key: string) => c.get<unknown>(key);
  const problems: string[] = [];
  const settings = resolveCostSettings(
    {
      platforms: value('platforms'),
      appRunnerCustomer: value('appRunnerCustomer'),
      region: value('pricing.region'),
      freeTier: value('pricing.freeTier'),
      priceOverrides: value('pricing.overrides'),
      traffic: { low: value('usage.requestsPerMonth.low'), typical: value('usage.requestsPerMonth.typical'), high: value('usage.requestsPerMonth.high') },
      durationMs: value('usage.averageDurationMs'),
      payloadKb: value('usage.averagePayloadKb'),
      peakToAverage: value('usage.peakToAverage'),
      busyHoursPerDay: value('usage.busyHoursPerDay'),
      egressKbPerRequest: value('usage.egressKbPerRequest'),
      logsKbPerRequest: value('usage.logsKbPerRequest'),
      natGateways: value('network.natGateways'),
      savingsPlan: value('pricing.savingsPlan'),
      fargate: {
        vcpu: value('fargate.vcpu'),
        memoryGb: value('fargate.memoryGb'),
        architecture: value('fargate.architecture'),
        minTasks: value('fargate.minTasks'),
        maxTasks: value('fargate.maxTasks'),
        concurrencyPerVcpu: value('fargate.concurrentRequestsPerVcpu'),
        cpuBusyShare: value('fargate.cpuBusyShare'),
        targetUtilization: value('fargate.targetUtilization'),
        spot: value('fargate.spot'),
        ephemeralStorageGb: value('fargate.ephemeralStorageGb'),
        natGateway: value('fargate.natGateway'),
      },
      rdsProxyVcpu: value('usage.rdsProxyDatabaseVcpu'),
      teamRunsKubernetes: value('teamRunsKubernetes'),
    } as Parameters<typeof resolveCostSettings>[0],
    problems,
  );
  for (const problem of problems) report(problem);
  return settings;
}
