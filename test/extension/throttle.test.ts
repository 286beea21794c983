import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Batch, Throttle } from '../../src/extension/support/throttle.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A throttle of 200 ms on the fake clock, and how many times it ran. */
function counted() {
  let count = 0;
  const throttle = new Throttle(
    () => count++,
    200,
    () => Date.now(),
  );
  return { throttle, runs: () => count };
}

describe('Throttle', () => {
  test('the first request runs at once; requests within the interval make one run at its end', () => {
    const { throttle, runs } = counted();
    throttle.request();
    expect(runs()).toBe(1);
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(2);
      throttle.request();
    }
    expect(runs()).toBe(1);
    vi.advanceTimersByTime(99); // 100 ms after the first run
    expect(runs()).toBe(1);
    vi.advanceTimersByTime(100); // the interval's end
    expect(runs()).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(runs()).toBe(2);
  });

  test('after a quiet interval a request runs at once', () => {
    const { throttle, runs } = counted();
    throttle.request();
    vi.advanceTimersByTime(500);
    throttle.request();
    expect(runs()).toBe(2);
  });

  test('flush runs now and takes the pending run with it', () => {
    const { throttle, runs } = counted();
    throttle.request();
    throttle.request();
    throttle.flush();
    expect(runs()).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(runs()).toBe(2);
  });

  test('dispose drops the pending run', () => {
    const { throttle, runs } = counted();
    throttle.request();
    throttle.request();
    throttle.dispose();
    vi.advanceTimersByTime(1_000);
    expect(runs()).toBe(1);
  });
});

describe('Batch', () => {
  test('hands over every key once, with its latest value, after the delay', () => {
    const flushed: [string, number][][] = [];
    const batch = new Batch<string, number>((entries) => flushed.push(entries), 100, 1_000);
    batch.add('a', 1);
    batch.add('b', 2);
    batch.add('a', 3);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([
      [
        ['b', 2],
        ['a', 3],
      ],
    ]);
    vi.advanceTimersByTime(1_000);
    expect(flushed).toHaveLength(1);
  });

  test('a deleted key is not handed over', () => {
    const flushed: [string, number][][] = [];
    const batch = new Batch<string, number>((entries) => flushed.push(entries), 100, 1_000);
    batch.add('a', 1);
    batch.add('b', 2);
    batch.delete('a');
    batch.flush();
    expect(flushed).toEqual([[['b', 2]]]);
  });

  test('flushes at once when `max` values wait', () => {
    const flushed: number[] = [];
    const batch = new Batch<number, number>((entries) => flushed.push(entries.length), 100, 3);
    for (let i = 0; i < 7; i++) batch.add(i, i);
    expect(flushed).toEqual([3, 3]);
    expect(batch.size).toBe(1);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([3, 3, 1]);
  });

  test('an empty flush hands nothing over; dispose drops what waits', () => {
    const flushed: number[] = [];
    const batch = new Batch<number, number>((entries) => flushed.push(entries.length), 100, 10);
    batch.flush();
    batch.add(1, 1);
    batch.dispose();
    vi.advanceTimersByTime(1_000);
    expect(flushed).toEqual([]);
  });
});
