import { describe, expect, test } from 'vitest';
import { readAhead } from '../../src/extension/support/read-ahead.js';

/**
 * A load whose promises the test settles by hand, in any order, recording how many run at once. An item
 * settled before its load starts resolves as soon as it starts.
 */
function manualLoads() {
  const pending = new Map<number, (value: string) => void>();
  const early = new Set<number>();
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const load = (item: number) =>
    new Promise<string>((resolve) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      pending.set(item, (value) => {
        running--;
        resolve(value);
      });
      if (early.has(item)) pending.get(item)!(`text of ${item}`);
    });
  const settle = (item: number) => {
    const resolve = pending.get(item);
    if (resolve) resolve(`text of ${item}`);
    else early.add(item);
  };
  return { load, settle, started, peak: () => peak };
}

describe('readAhead', () => {
  test('yields every item in order with its own load, even when later loads settle first', async () => {
    const loads = manualLoads();
    const items = [0, 1, 2, 3, 4, 5, 6];
    const iterator = readAhead(items, 3, loads.load);
    const first = iterator.next();
    // Three loads start at once; the later ones settle before the first.
    await Promise.resolve();
    expect(loads.started).toEqual([0, 1, 2]);
    loads.settle(2);
    loads.settle(1);
    loads.settle(0);
    expect((await first).value).toEqual([0, 'text of 0']);
    const seen: [number, string][] = [];
    for (let item = 3; item < items.length; item++) loads.settle(item);
    for await (const pair of { [Symbol.asyncIterator]: () => iterator }) seen.push(pair);
    expect(seen).toEqual(items.slice(1).map((i) => [i, `text of ${i}`]));
    expect(loads.peak()).toBe(3);
  });

  test('never has more than `ahead` loads running, and starts the next only as one is taken', async () => {
    let running = 0;
    let peak = 0;
    const load = async (item: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return item * 2;
    };
    const out: number[] = [];
    for await (const [, value] of readAhead(
      Array.from({ length: 50 }, (_, i) => i),
      8,
      load,
    ))
      out.push(value);
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(peak).toBe(8);
  });

  test('stopping early starts no further loads; an ahead of 0 still loads one at a time', async () => {
    const loads = manualLoads();
    for (let i = 0; i < 10; i++) loads.settle(i);
    const iterator = readAhead([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2, loads.load);
    await iterator.next();
    await iterator.return(undefined);
    expect(loads.started).toEqual([0, 1, 2]);
    const one: number[] = [];
    for await (const [item] of readAhead([1, 2, 3], 0, async (item: number) => item)) one.push(item);
    expect(one).toEqual([1, 2, 3]);
  });

  test('an empty list yields nothing and loads nothing', async () => {
    const loads = manualLoads();
    const out = [];
    for await (const pair of readAhead([], 4, loads.load)) out.push(pair);
    expect(out).toEqual([]);
    expect(loads.started).toEqual([]);
  });
});
