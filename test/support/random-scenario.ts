// Random workloads for the property tests of the cost model (the verdict against Lambda, curve = cost): a seeded
// generator, so a failure names the seed that reproduces it, a scenario drawn over every assumption's range, and
// the verdict range holding a volume.
import { type VerdictRange } from '../../src/core/cost/crossover.js';
import { FRONT_DOORS, SAVINGS_PLANS, type Scenario } from '../../src/core/cost/model.js';
import { scenario } from './scenario.js';

/** A small seeded generator (mulberry32): numbers in [0, 1). */
export { seeded } from '../../scripts/lib/random.mjs';

/** A volume spread evenly on a log scale over the range. */
export const logVolume = (rnd: () => number, [lo, hi]: readonly [number, number]): number => lo * Math.pow(hi / lo, rnd());

interface Choices {
  regions?: readonly string[];
  memoryMb?: readonly number[];
  vcpu?: readonly number[];
  memoryGb?: readonly number[];
  /** Draw a 24-hour profile (with idle hours) for some scenarios. */
  profiles?: boolean;
}

/** A workload with every assumption drawn over its range (Lambda and Fargate sides, day, network, logs, Savings Plan). */
export function randomScenario(rnd: () => number, choices: Choices = {}): Scenario {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const profile = choices.profiles && rnd() < 0.3 ? Array.from({ length: 24 }, () => (rnd() < 0.3 ? 0 : Math.round(rnd() * 10))) : null;
  return scenario({
    region: pick(choices.regions ?? ['us-east-1']),
    durationMs: Math.round(5 + rnd() * 2000),
    payloadKb: Math.round(rnd() * 64),
    peakToAverage: 1 + rnd() * 9,
    day: { busyHoursPerDay: 1 + Math.floor(rnd() * 24), profile },
    logsKbPerRequest: rnd() < 0.3 ? rnd() * 4 : 0,
    savingsPlan: pick(SAVINGS_PLANS),
    freeTier: rnd() < 0.2,
    network: { natGateways: rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0, egressKbPerRequest: rnd() < 0.5 ? rnd() * 20 : 0 },
    lambda: {
      memoryMb: pick(choices.memoryMb ?? [128, 256, 512, 1024, 1769, 3008, 10240]),
      architecture: pick(['x86_64', 'arm64'] as const),
      frontDoor: pick(FRONT_DOORS),
      provisionedConcurrency: rnd() < 0.15 ? Math.floor(rnd() * 10) : 0,
      vpc: rnd() < 0.3,
    },
    fargate: {
      vcpu: pick(choices.vcpu ?? [0.25, 0.5, 1, 2, 4]),
      memoryGb: pick(choices.memoryGb ?? [0.5, 1, 2, 4, 8]),
      architecture: pick(['x86_64', 'arm64'] as const),
      tasks: rnd() < 0.15 ? 1 + Math.floor(rnd() * 20) : null,
      minTasks: 1 + Math.floor(rnd() * 3),
      maxTasks: rnd() < 0.2 ? 5 + Math.floor(rnd() * 200) : null,
      perTaskConcurrency: rnd() < 0.5 ? null : 1 + rnd() * 40,
      requestVcpu: 0.07 + rnd() * 5.9,
      cpuBusyShare: 0.05 + rnd() * 0.95,
      targetUtilization: 0.4 + rnd() * 0.5,
      spot: rnd() < 0.2,
      loadBalancer: rnd() < 0.8 ? 'alb' : 'none',
      subnets: rnd() < 0.5 ? 'public' : 'private',
    },
  });
}

/** The range holding r, unless r sits on (or within floating error of) a boundary, where either answer is right. */
export function rangeAt(ranges: readonly VerdictRange[], r: number): VerdictRange | undefined {
  const range = ranges.find((x) => r >= x.from && r <= x.to);
  if (!range) return undefined;
  const near = (b: number) => Math.abs(r - b) <= Math.max(1e-7 * b, 1e-3);
  return near(range.from) || near(range.to) ? undefined : range;
}
