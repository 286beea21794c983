import { Session } from 'node:inspector';
import { runInThisContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { type CpuProfile, longTasks, scriptMatcher } from '../../src/extension/support/long-tasks.js';

const OURS = 'file:///home/u/.vscode/extensions/crossover.crossover-0.1.0/dist/extension.js';
const READER = 'file:///home/u/.vscode/extensions/crossover.crossover-0.1.0/dist/typescript-reader.js';
const API = 'file:///opt/vscode/out/vs/workbench/api/node/extensionHostProcess.js';
const OTHER = 'file:///home/u/.vscode/extensions/someone.other-1.0.0/dist/extension.js';
const isOurs = scriptMatcher('/home/u/.vscode/extensions/crossover.crossover-0.1.0/dist');

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

/**
 * (root) 1 ─ dispatch (API) 2 ─┬ onChange (ours) 3 ─┬ setDiagnostics (API) 4
 *                              │                    └ parse (reader, ours) 5
 *                              └ other (another extension) 6
 * (idle) 7, (garbage collector) 8 and (program) 9 under the root.
 */
const nodes: CpuProfile['nodes'] = [
  { id: 1, callFrame: frame('(root)', ''), children: [2, 7] },
  { id: 2, callFrame: frame('dispatch', API, 9), children: [3, 6] },
  { id: 3, callFrame: frame('onChange', OURS, 41), children: [4, 5] },
  { id: 4, callFrame: frame('setDiagnostics', API, 99) },
  { id: 5, callFrame: frame('parse', READER, 6) },
  { id: 6, callFrame: frame('other', OTHER) },
  { id: 7, callFrame: frame('(idle)', '') },
  { id: 8, callFrame: frame('(garbage collector)', '') },
  { id: 9, callFrame: frame('(program)', '') },
];

describe('long tasks in a CPU profile', () => {
  test('a run of samples with a frame of ours anywhere on the stack is one task, timed to the first sample that is not ours', () => {
    // Sample times (us): 0 idle, 1000 ours, 1200 API under ours, 21200 reader, 21400 other, 22400 ours, 22500 idle; end 30000.
    const profile: CpuProfile = { nodes, startTime: 0, endTime: 30_000, samples: [7, 3, 4, 5, 6, 3, 7], timeDeltas: [0, 1000, 200, 20_000, 200, 1000, 100] };
    const figures = longTasks(profile, isOurs);
    expect(figures.tasks.map((t) => [t.startMs, t.durationMs, t.samples])).toEqual([
      // 1000 -> 21400 (the "other" sample): 200 + 20000 + 200 us.
      [1, 20.4, 3],
      // 22400 -> 22500: 100 us.
      [22.4, 0.1, 1],
    ]);
    expect(figures.longest?.durationMs).toBe(20.4);
    expect(figures.over).toBe(1);
    expect(figures.longest?.entry).toBe('onChange extension.js:42');
    // A sample stands for the time until the next: the API call ours made 20 ms, then the reader's and our own 0.2 ms.
    expect(figures.longest?.topFrames[0]).toBe('setDiagnostics extensionHostProcess.js:100 20.0 ms');
    expect(figures.longest?.topFrames).toHaveLength(3);
    expect(figures.profileMs).toBe(30);
  });

  test('the collector and native code between two samples of ours belong to the task; before or after it they do not', () => {
    // Times (us): 0 GC, 100 ours, 200 GC, 5200 program, 10200 reader, 10300 GC, 20300 idle; end 21000.
    const profile: CpuProfile = { nodes, startTime: 0, endTime: 21_000, samples: [8, 3, 8, 9, 5, 8, 7], timeDeltas: [0, 100, 100, 5000, 5000, 100, 10_000] };
    const figures = longTasks(profile, isOurs);
    // 100 -> 10300: the GC after the reader's last sample and the idle time are not ours.
    expect(figures.tasks.map((t) => [t.startMs, t.durationMs, t.samples])).toEqual([[0.1, 10.2, 4]]);
    expect(figures.longest?.topFrames[0]).toMatch(/^\(garbage collector\) \(native\):1 5\.0 ms$/);
    // Outside the task: the GC before it (0.1 ms, right before ours) and the one after it (10 ms).
    expect(figures.nativeLongestMs).toBe(10);
    expect(figures.nativeBeforeOursMs).toBe(0.1);
  });

  test('the last sample of ours lasts until the end of the profile; no sample, no task', () => {
    const last = longTasks({ nodes, startTime: 0, endTime: 5000, samples: [7, 3], timeDeltas: [0, 1000] }, isOurs);
    expect(last.tasks.map((t) => t.durationMs)).toEqual([4]);
    const none = longTasks({ nodes, startTime: 0, endTime: 5000, samples: [7, 6, 2], timeDeltas: [0, 10, 10] }, isOurs);
    expect(none.tasks).toEqual([]);
    expect(none.longest).toBeUndefined();
    expect(none.over).toBe(0);
  });

  test('busy time: a gap between two samples counts as at most four median intervals, so waiting for a core is long but not busy', () => {
    // 40 idle samples 500 us apart (the median interval), then a task of ours: 3 samples with a 60 ms gap (the thread not
    // running), idle, then a task of 40 samples 500 us apart (20 ms of work); end 2 ms after the last sample.
    const idle = Array.from({ length: 40 }, () => 7);
    const waiting = [3, 4, 3];
    const working = Array.from({ length: 40 }, () => 3);
    const samples = [...idle, ...waiting, 7, ...working, 7];
    const timeDeltas = [0, ...idle.slice(1).map(() => 500), 500, 500, 60_000, 500, 500, ...working.slice(1).map(() => 500), 500];
    const profile: CpuProfile = { nodes, startTime: 0, endTime: timeDeltas.reduce((a, b) => a + b, 0) + 2000, samples, timeDeltas };
    const figures = longTasks(profile, isOurs);
    expect(figures.tasks.map((t) => [t.samples, t.durationMs, t.busyMs])).toEqual([
      // 500 + 60,000 + 500 us; busy: 500 + 2,000 (the gap capped at 4 x 500) + 500.
      [3, 61, 3],
      [40, 20, 20],
    ]);
    expect(figures.longest?.durationMs).toBe(61);
    expect(figures.over).toBe(2);
    expect(figures.longestBusy?.busyMs).toBe(20);
    expect(figures.overBusy).toBe(1);
  });

  test('scripts of ours: file URLs and paths inside the dist folder only', () => {
    expect(isOurs(OURS)).toBe(true);
    expect(isOurs('/home/u/.vscode/extensions/crossover.crossover-0.1.0/dist/python-reader.js')).toBe(true);
    expect(isOurs(OTHER)).toBe(false);
    expect(isOurs('file:///home/u/.vscode/extensions/crossover.crossover-0.1.0/node_modules/x.js')).toBe(false);
    expect(isOurs('file:///home/u/.vscode/extensions/crossover.crossover-0.1.0/distant/x.js')).toBe(false);
    expect(isOurs('')).toBe(false);
    expect(scriptMatcher('C:\\Users\\u\\ext\\dist')('file:///c:/Users/u/ext/dist/extension.js')).toBe(true);
  });

  test("a worker's message: its deserialization runs before any script, so it is no task of ours but a native stretch", async () => {
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => parentPort.postMessage(Array.from({ length: 200000 }, (_, i) => ({ id: i, name: 'item' + i, tags: ['a', 'b'] }))));",
      { eval: true },
    );
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
    try {
      const received = new Promise<number>((resolve) => {
        const listener = runInThisContext('(function onResult(resolve) { return (data) => resolve(data.length); })', {
          filename: '/fake/ext/dist/extension.js',
        }) as (resolve: (n: number) => void) => (data: unknown[]) => void;
        worker.on('message', listener(resolve));
      });
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      worker.postMessage('go');
      expect(await received).toBe(200_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
      const figures = longTasks(profile, scriptMatcher('/fake/ext/dist'));
      // 200,000 objects take tens of ms to deserialize (more on a loaded machine); our listener itself next to nothing.
      expect(figures.nativeLongestMs).toBeGreaterThan(10);
      expect(figures.longest?.durationMs ?? 0).toBeLessThan(figures.nativeLongestMs);
    } finally {
      session.disconnect();
      await worker.terminate();
    }
  });

  test("in a real profile: a 40 ms busy loop of ours that calls someone else's code is one task of about 40 ms; a short one stays short", async () => {
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
    // "Someone else's" code (this test file) called from ours: it counts as ours.
    const spin = (ms: number) => {
      const until = performance.now() + ms;
      let n = 0;
      while (performance.now() < until) n++;
      return n;
    };
    const busy = runInThisContext('(function busy(spin, ms) { return spin(ms) + spin(0); })', { filename: '/fake/ext/dist/extension.js' }) as (
      spin: (ms: number) => number,
      ms: number,
    ) => number;
    try {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      busy(spin, 40);
      await new Promise((resolve) => setTimeout(resolve, 20));
      busy(spin, 2);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
      const figures = longTasks(profile, scriptMatcher('/fake/ext/dist'));
      // The 2 ms one may fall between two samples when other work shares the cores (then it is no task at all); when
      // sampled, it is no task over 16 ms (below).
      expect(figures.tasks.length).toBeGreaterThanOrEqual(1);
      // The first sample can come late (the sampler shares two busy cores): a few ms of the 40 can fall before it.
      expect(figures.longest?.durationMs).toBeGreaterThanOrEqual(30);
      expect(figures.longest?.durationMs).toBeLessThan(80);
      expect(figures.longest?.entry).toMatch(/^busy extension\.js:1$/);
      expect(figures.over).toBe(1);
    } finally {
      session.disconnect();
    }
  });
});
