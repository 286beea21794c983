// The engine thread's pause: it hands control back (a promise) only once its time slice is used up, and the slice
// starts again when control comes back; on the extension host, every step hands it back.
import { describe, expect, test } from 'vitest';
import { everyStep, slicedPause } from '../../src/node/pause.js';

describe('slicedPause', () => {
  test('goes on at once within the slice, hands control back after it, and starts a new slice then', async () => {
    let now = 100;
    const pause = slicedPause(5, () => now);
    expect(pause()).toBeUndefined();
    now = 104.9;
    expect(pause()).toBeUndefined();
    now = 105;
    // A message that came meanwhile (work queued before the pause) runs before the pause ends.
    let other = false;
    setImmediate(() => (other = true));
    const paused = pause();
    expect(paused).toBeInstanceOf(Promise);
    now = 106;
    await paused;
    expect(other).toBe(true);
    // The new slice counts from when control came back (106), not from when it was asked for.
    now = 110.9;
    expect(pause()).toBeUndefined();
    now = 111;
    expect(pause()).toBeInstanceOf(Promise);
  });

  test('everyStep hands control back at every step', async () => {
    const first = everyStep();
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(everyStep()).toBeInstanceOf(Promise);
  });
});
