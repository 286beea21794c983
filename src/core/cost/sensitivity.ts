/**
 * Which assumptions decide the verdict: for each assumption with a plausible range, whether moving it within that
 * range (everything else fixed, at the estimate's traffic) makes the other side cheaper, and from which value.
 * "The verdict flips to Fargate if the CPU is busy less than 21% of a request" tells a user which number to check
 * before trusting the figure. Pure and cheap: about 40 cost evaluations per assumption.
 */
import { fargateCost } from './platforms/ecs-fargate.js';
import { lambdaCost } from './platforms/lambda.js';
import { type Scenario } from './model.js';
import { type PriceBook } from './price-book.js';

export interface Flip {
  /** The assumption, as the assumptions list names it. */
  name: string;
  /** Its value now, formatted. */
  now: string;
  /** The value past which the other side is cheaper, formatted, and on which side of it. */
  threshold: string;
  direction: 'below' | 'above';
  /** The side that becomes cheaper past the threshold. */
  to: 'lambda' | 'fargate';
  /** The plausible range searched, formatted ("5%-100%"). */
  range: string;
}

interface Lever {
  name: string;
  /** Present for this scenario? */
  applies(s: Scenario): boolean;
  value(s: Scenario): number;
  set(s: Scenario, v: number): Scenario;
  /** The plausible range, given the current value. */
  range(current: number): [number, number];
  log: boolean;
  format(v: number): string;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;
const fixed = (digits: number) => (v: number) => (Math.round(v * 10 ** digits) / 10 ** digits).toString();

/** The assumptions checked, with the ranges within which they are plausible (docs/cost-model.md gives the reasons). */
const LEVERS: Lever[] = [
  {
    name: 'CPU-busy share of the duration',
    applies: (s) => s.fargate.perTaskConcurrency === null && s.fargate.tasks === null,
    value: (s) => s.fargate.cpuBusyShare,
    set: (s, v) => ({ ...s, fargate: { ...s.fargate, cpuBusyShare: v } }),
    range: () => [0.05, 1],
    log: true,
    format: percent,
  },
  {
    name: 'Concurrent requests per task',
    applies: (s) => s.fargate.perTaskConcurrency !== null && s.fargate.tasks === null,
    value: (s) => s.fargate.perTaskConcurrency ?? 1,
    set: (s, v) => ({ ...s, fargate: { ...s.fargate, perTaskConcurrency: v } }),
    range: (v) => [Math.max(0.5, v / 10), v * 10],
    log: true,
    format: fixed(1),
  },
  {
    name: 'Average duration',
    applies: () => true,
    value: (s) => s.durationMs,
    set: (s, v) => ({ ...s, durationMs: v }),
    range: (v) => [Math.max(1, v / 2), v * 2],
    log: true,
    format: (v) => `${Math.round(v)} ms`,
  },
  {
    name: 'Peak to average',
    applies: (s) => s.fargate.tasks === null && s.day.profile === null,
    value: (s) => s.peakToAverage,
    set: (s, v) => ({ ...s, peakToAverage: v }),
    range: () => [1, 10],
    log: false,
    format: (v) => `${fixed(1)(v)}x`,
  },
  {
    name: 'Busy hours per day',
    applies: (s) => s.fargate.tasks === null && s.day.profile === null && s.peakToAverage > 1,
    value: (s) => s.day.busyHoursPerDay,
    set: (s, v) => ({ ...s, day: { ...s.day, busyHoursPerDay: v } }),
    range: () => [2, 24],
    log: false,
    format: (v) => `${fixed(1)(v)} h`,
  },
  {
    name: 'Target CPU utilisation',
    applies: (s) => s.fargate.perTaskConcurrency === null && s.fargate.tasks === null,
    value: (s) => s.fargate.targetUtilization,
    set: (s, v) => ({ ...s, fargate: { ...s.fargate, targetUtilization: v } }),
    range: () => [0.4, 0.9],
    log: false,
    format: percent,
  },
  {
    name: 'Sent out per request',
    applies: (s) => s.network.natGateways > 0 && (s.lambda.vpc || s.fargate.subnets === 'private'),
    value: (s) => s.network.egressKbPerRequest,
    set: (s, v) => ({ ...s, network: { ...s.network, egressKbPerRequest: v } }),
    range: () => [0, 100],
    log: false,
    format: (v) => `${fixed(1)(v)} KB`,
  },
];

/** Steps from the current value to each end of the range, then halvings (to 1/2^14 of a step: past any shown digit). */
const SAMPLES = 12;
const BISECTIONS = 14;

/** The assumptions that flip the verdict within their plausible range, at the scenario's traffic. */
export function verdictFlips(s: Scenario, prices: PriceBook): Flip[] {
  // The same test as compare()'s `cheaper` (Lambda cheaper by at least half a cent), on the two built-in platforms only.
  const winner = (x: Scenario): 'lambda' | 'fargate' => (fargateCost(x, prices).monthlyUsd - lambdaCost(x, prices).monthlyUsd >= 0.005 ? 'lambda' : 'fargate');
  const now = winner(s);
  const flips: Flip[] = [];
  for (const lever of LEVERS) {
    if (!lever.applies(s)) continue;
    const current = lever.value(s);
    const [lo, hi] = lever.range(current);
    // The flip nearest to the current value, on either side.
    let best: { threshold: number; direction: 'below' | 'above' } | undefined;
    for (const direction of ['below', 'above'] as const) {
      const end = direction === 'below' ? lo : hi;
      if (direction === 'below' ? current <= lo : current >= hi) continue;
      let inside = current;
      let outside: number | undefined;
      for (let i = 1; i <= SAMPLES; i++) {
        const t = i / SAMPLES;
        const v = lever.log ? current * Math.pow(end / current, t) : current + (end - current) * t;
        if (winner(lever.set(s, v)) !== now) {
          outside = v;
          break;
        }
        inside = v;
      }
      if (outside === undefined) continue;
      let beyond: number = outside;
      for (let i = 0; i < BISECTIONS; i++) {
        const mid: number = (inside + beyond) / 2;
        if (winner(lever.set(s, mid)) !== now) beyond = mid;
        else inside = mid;
      }
      if (!best || Math.abs(beyond - current) < Math.abs(best.threshold - current)) best = { threshold: beyond, direction };
    }
    if (best)
      flips.push({
        name: lever.name,
        now: lever.format(current),
        threshold: lever.format(best.threshold),
        direction: best.direction,
        to: now === 'lambda' ? 'fargate' : 'lambda',
        range: `${lever.format(lo)}-${lever.format(hi)}`,
      });
  }
  return flips;
}
