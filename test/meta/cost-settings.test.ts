// The cost settings in package.json stay in step with the engine: every price key can be overridden,
// every region in the price data can be chosen, and the defaults are the engine's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_COST_SETTINGS } from '../../src/core/cost/settings.js';
import { REGIONAL_PRICE_KEYS } from '../../src/core/data/price-table.js';
import { PRICE_TABLE } from '../../src/core/data/pricing.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
const props = manifest.contributes.configuration.properties as Record<string, { default?: unknown; enum?: unknown[]; properties?: Record<string, unknown> }>;

test('crossover.pricing.overrides names exactly the price keys', () => {
  expect(Object.keys(props['crossover.pricing.overrides']!.properties!).sort()).toEqual([...REGIONAL_PRICE_KEYS].sort());
});

test('crossover.pricing.region offers exactly the regions in the price data', () => {
  expect([...props['crossover.pricing.region']!.enum!].sort()).toEqual(Object.keys(PRICE_TABLE.regions).sort());
});

test('setting defaults are the engine defaults', () => {
  const d = DEFAULT_COST_SETTINGS;
  expect(props['crossover.pricing.region']!.default).toBe(d.region);
  expect(props['crossover.pricing.freeTier']!.default).toBe(d.freeTier);
  expect(props['crossover.usage.requestsPerMonth.low']!.default).toBe(d.traffic.low);
  expect(props['crossover.usage.requestsPerMonth.typical']!.default).toBe(d.traffic.typical);
  expect(props['crossover.usage.requestsPerMonth.high']!.default).toBe(d.traffic.high);
  expect(props['crossover.usage.averageDurationMs']!.default).toBe(d.durationMs);
  expect(props['crossover.usage.averagePayloadKb']!.default).toBe(d.payloadKb);
  expect(props['crossover.usage.peakToAverage']!.default).toBe(d.peakToAverage);
  expect(props['crossover.fargate.vcpu']!.default).toBe(d.fargate.vcpu);
  expect(props['crossover.fargate.memoryGb']!.default).toBe(d.fargate.memoryGb);
  expect(props['crossover.fargate.architecture']!.default).toBe(d.fargate.architecture);
  expect(props['crossover.fargate.minTasks']!.default).toBe(d.fargate.minTasks);
  expect(props['crossover.fargate.concurrentRequestsPerVcpu']!.default).toBe(d.fargate.concurrencyPerVcpu);
  expect(props['crossover.fargate.spot']!.default).toBe(d.fargate.spot);
  expect(props['crossover.fargate.ephemeralStorageGb']!.default).toBe(d.fargate.ephemeralStorageGb);
  expect(props['crossover.fargate.natGateway']!.default).toBe(d.fargate.natGateway);
  expect(props['crossover.usage.rdsProxyDatabaseVcpu']!.default).toBe(d.rdsProxyVcpu);
  expect(props['crossover.teamRunsKubernetes']!.default).toBe(d.teamRunsKubernetes);
});

test('the usage file schema is contributed for YAML and JSON', () => {
  expect(manifest.contributes.yamlValidation[0].url).toBe('./schemas/crossover.usage.schema.json');
  expect(manifest.contributes.jsonValidation[0].url).toBe('./schemas/crossover.usage.schema.json');
});
