import { describe, expect, test } from 'vitest';
import { restAfter, sleep } from '../../src/extension/support/duty-cycle.js';

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
