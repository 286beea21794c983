import { describe, expect, test } from 'vitest';
import { DutyCycle, restAfter, sleep } from '../../src/extension/support/duty-cycle.js';

describe('duty cycle', () => {
  test('at half a core, rest as long as the work took', () => {
    expect(restAfter(40, 0.5)).toBe(40);
    expect(restAfter(30, 0.25)).toBe(90);
  });

  test('always yields to the event loop, even after no measurable work', () => {
    expect(restAfter(0, 0.5)).toBe(1);
  });

  test('a share outside (0, 1] is clamped, never a division by zero', () => {
    expect(restAfter(10, 0)).toBeCloseTo(190);
    expect(restAfter(10, 2)).toBe(1);
  });

  test('a scan loop that rests as advised stays at or below half a core', async () => {
    const started = performance.now();
    let busy = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      while (performance.now() - t0 < 8) {
        // burn about 8 ms, like analysing a file
      }
      const spent = performance.now() - t0;
      busy += spent;
      await sleep(restAfter(spent, 0.5));
    }
    expect(busy / (performance.now() - started)).toBeLessThanOrEqual(0.51);
  });
});

describe('DutyCycle', () => {
  const burn = (ms: number) => {
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      // work
    }
    return performance.now() - t0;
  };

  test('many tiny pieces of work share a few rests, and stay at or below the share', async () => {
    const cycle = new DutyCycle(0.5, 4);
    const started = performance.now();
    let busy = 0;
    for (let i = 0; i < 200; i++) {
      const spent = burn(0.1);
      busy += spent;
      await cycle.after(spent);
    }
    const total = performance.now() - started;
    // About 20 ms of work owes about 20 ms of rest, taken 4 ms at a time: a handful of timers, not 200.
    expect(cycle.rests).toBeGreaterThan(0);
    expect(cycle.rests).toBeLessThanOrEqual(Math.ceil(busy / 4) + 1);
    expect(busy / total).toBeLessThanOrEqual(0.55);
  });

  test('a piece of work that owes more than the minimum rests at once', async () => {
    const cycle = new DutyCycle(0.25, 4);
    const spent = burn(10);
    const t0 = performance.now();
    await cycle.after(spent);
    expect(cycle.rests).toBe(1);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(spent * 3 - 2);
  });
});
