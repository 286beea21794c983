// The assumptions that flip the verdict: each reported threshold is where the cheaper side really changes
// (checked with the full cost functions just either side of it), and none is reported when nothing flips.
import { describe, expect, test } from 'vitest';
import { compare } from '../../../src/core/cost/estimate.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { verdictFlips } from '../../../src/core/cost/sensitivity.js';
import { scenario } from '../../support/scenario.js';

const US = priceBook('us-east-1');

describe('verdict flips', () => {
  // 40M requests of 100 ms on a 1 GB function behind an HTTP API, a task sized from its CPU (1 GB = 0.58 vCPU,
  // busy half the time, 70% target): near the crossover, so the CPU-busy share decides.
  const s = scenario({
    requestsPerMonth: 40e6,
    day: { busyHoursPerDay: 6 },
    lambda: { memoryMb: 1024, architecture: 'x86_64' },
    fargate: { perTaskConcurrency: null, requestVcpu: 1024 / 1769, cpuBusyShare: 0.5 },
  });

  test('the CPU-busy share: the other side is cheaper just past the threshold, not before', () => {
    const now = compare(s, US).cheaper;
    const flips = verdictFlips(s, US);
    const cpu = flips.find((f) => f.name === 'CPU-busy share of the duration');
    expect(cpu, JSON.stringify(flips)).toBeDefined();
    expect(cpu!.to).toBe(now === 'lambda' ? 'fargate' : 'lambda');
    const threshold = Number(cpu!.threshold.replace('%', '')) / 100;
    const past = cpu!.direction === 'below' ? threshold - 0.01 : threshold + 0.01;
    const before = cpu!.direction === 'below' ? threshold + 0.01 : threshold - 0.01;
    expect(compare({ ...s, fargate: { ...s.fargate, cpuBusyShare: past } }, US).cheaper).toBe(cpu!.to);
    expect(compare({ ...s, fargate: { ...s.fargate, cpuBusyShare: before } }, US).cheaper).toBe(now);
  });

  test('far from the crossover nothing within its plausible range flips the verdict', () => {
    expect(verdictFlips({ ...s, requestsPerMonth: 100_000 }, US)).toEqual([]);
  });

  test('a fixed fleet has no per-task capacity or day to flip', () => {
    const names = verdictFlips({ ...s, fargate: { ...s.fargate, tasks: 3 } }, US).map((f) => f.name);
    expect(names).not.toContain('CPU-busy share of the duration');
    expect(names).not.toContain('Busy hours per day');
  });
});
