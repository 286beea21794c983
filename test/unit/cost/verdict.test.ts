// The crossover claim is checked where it matters: at random volumes of random workloads, the side the verdict says
// is cheaper must be cheaper by the full cost functions (lambdaCost / fargateCost), including where a fleet's
// staircase crosses Lambda's line several times.
import { describe, expect, test } from 'vitest';
import { findCrossover, type Crossover } from '../../../src/core/cost/crossover.js';
import { type Scenario } from '../../../src/core/cost/model.js';
import { fargateCost } from '../../../src/core/cost/platforms/ecs-fargate.js';
import { lambdaCost } from '../../../src/core/cost/platforms/lambda.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { scenario } from '../../support/scenario.js';
import { logVolume, randomScenario, rangeAt, seeded } from '../../support/random-scenario.js';

const US = priceBook('us-east-1');
const RANGE: [number, number] = [1_000, 1e11];

const difference = (s: Scenario, r: number) =>
  lambdaCost({ ...s, requestsPerMonth: r }, US).monthlyUsd - fargateCost({ ...s, requestsPerMonth: r }, US).monthlyUsd;

function checkClaim(s: Scenario, verdict: Crossover, r: number, where: string): void {
  const range = rangeAt(verdict.ranges, r);
  if (!range) return;
  const d = difference(s, r);
  // One cent of slack for floating error in totals of up to millions of dollars.
  const slack = 1e-6 * Math.max(1, Math.abs(lambdaCost({ ...s, requestsPerMonth: r }, US).monthlyUsd));
  if (range.cheaper === 'lambda') expect(d, `${where}: Lambda said cheaper at ${r}`).toBeLessThan(slack);
  else if (range.cheaper === 'other') expect(d, `${where}: Fargate said cheaper at ${r}`).toBeGreaterThan(-slack);
  else expect(Math.abs(d), `${where}: mixed at ${r}`).toBeLessThanOrEqual(range.withinUsd! + slack);
}

describe('the verdict holds at random volumes', () => {
  test('300 random workloads x 40 random volumes: the side said cheaper is cheaper', () => {
    let multiple = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = seeded(seed);
      const s = randomScenario(rnd);
      const verdict = findCrossover(s, US, RANGE);
      // The ranges tile the whole range, in order.
      expect(verdict.ranges[0]!.from, `seed ${seed}`).toBe(RANGE[0]);
      expect(verdict.ranges[verdict.ranges.length - 1]!.to, `seed ${seed}`).toBe(RANGE[1]);
      for (let i = 1; i < verdict.ranges.length; i++) expect(verdict.ranges[i]!.from).toBeCloseTo(verdict.ranges[i - 1]!.to, 6);
      if (verdict.kind === 'point' && verdict.exceptions.length) multiple++;
      for (let i = 0; i < 40; i++) checkClaim(s, verdict, logVolume(rnd, RANGE), `seed ${seed}`);
      // The stated sentence: cheaper from the first point on, except the exceptions; for good from staysCheaperFrom.
      if (verdict.kind === 'point' && verdict.staysCheaperFrom !== null) {
        for (let i = 0; i < 10; i++) {
          const r = verdict.staysCheaperFrom * Math.pow(RANGE[1] / verdict.staysCheaperFrom, rnd());
          if (r > verdict.staysCheaperFrom * (1 + 1e-7))
            expect(difference(s, r), `seed ${seed}: stays cheaper at ${r}`).toBeGreaterThan(-1e-6 * Math.max(1, r / 1e6));
        }
      }
    }
    // The generator does produce staircases that cross Lambda's line more than once.
    expect(multiple).toBeGreaterThan(0);
  });
});

describe('a staircase that crosses Lambda several times', () => {
  // A 128 MB function behind a function URL against 0.25 vCPU tasks of 2 concurrent requests, at least one, on a
  // flat day: each new task costs about what Lambda charges for the requests it adds, so the fleet's steps straddle
  // Lambda's line. Fargate gets cheaper at 31M requests, Lambda again just after the step at 52.56M (2 tasks full).
  const s = scenario({
    lambda: { frontDoor: 'function-url', memoryMb: 128, architecture: 'x86_64' },
    fargate: { vcpu: 0.25, memoryGb: 0.5, loadBalancer: 'none', minTasks: 1, perTaskConcurrency: 2 },
  });

  test('the verdict names the exceptions, and Lambda is cheaper inside each of them', () => {
    const verdict = findCrossover(s, US, RANGE);
    expect(verdict.kind).toBe('point');
    if (verdict.kind !== 'point') return;
    expect(verdict.exceptions.length).toBeGreaterThan(0);
    // One task carries 2 requests in flight of 100 ms: 20 requests/s x 2,628,000 s a month = 52.56M; past it a second task starts.
    expect(verdict.exceptions[0]!.from).toBeCloseTo(52.56e6, -1);
    for (const range of verdict.exceptions.slice(0, 20)) {
      if (range.cheaper !== 'lambda') continue;
      const mid = (range.from + range.to) / 2;
      expect(difference(s, mid)).toBeLessThan(0);
      // ...and Fargate is cheaper (or equal) just after it.
      expect(difference(s, range.to * (1 + 1e-9) + 1)).toBeGreaterThan(-1e-6);
    }
    // Fargate is cheaper just after the first point.
    expect(difference(s, verdict.requestsPerMonth * (1 + 1e-9) + 1)).toBeGreaterThanOrEqual(-1e-6);
    expect(difference(s, verdict.requestsPerMonth * 0.999)).toBeLessThan(0);
  });
});
