/**
 * (Node hosts.) How the engine's steps hand control back to the event loop (core's Pause): at every step on the
 * extension host, where every other extension waits its turn; in an engine thread only once a time slice is used up,
 * since there the pause serves only to read a cancellation (or a more urgent request) and each one costs an event loop
 * turn: handing control back at every step made a workspace scan's analyses about a quarter slower.
 */
import { type Pause } from '../core/index.js';

/** Hands control back at every step. */
export const everyStep: Pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Hands control back once `sliceMs` went by since the last time it did. */
export function slicedPause(sliceMs: number, now: () => number = () => performance.now()): Pause {
  let since = now();
  return () => {
    if (now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = now();
        resolve();
      }),
    );
  };
}
