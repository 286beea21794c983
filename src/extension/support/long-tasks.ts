/**
 * Crossover's long tasks in a V8 CPU profile of the extension host (the probe's arithmetic, no VS Code here).
 * A task is a run of consecutive samples whose stack holds a frame of our own scripts (anywhere in the stack:
 * VS Code's API called from our code counts as ours, our frame is below it). Its duration runs from its first
 * sample to the first sample that is not ours (the sum of those samples' time deltas), so two tasks of ours with
 * less than one sampling interval between them count as one: the figure errs long, never short. Samples of the
 * garbage collector or of native code with no script on the stack ("(program)") between two samples of ours
 * belong to the task (it had not returned: our allocations, a native call); at its edges they do not.
 */

/** The parts of a `Profiler.Profile` (Chrome DevTools protocol) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds from the previous sample (the first: from the profile's start). */
  timeDeltas?: number[];
}

export interface LongTask {
  /** Milliseconds from the profile's start. */
  startMs: number;
  durationMs: number;
  /**
   * The task's time with every gap between its samples counted as at most GAP_CAP typical sampling intervals: a longer
   * gap is time the thread was not running (on a loaded machine, waiting for a core) or the sampler was not, not work.
   * A task much shorter here than `durationMs` was mostly waiting; a long one here was working (or collecting garbage).
   */
  busyMs: number;
  samples: number;
  /** Where the task came in: the outermost frame of ours in its first sample ("name file:line"). */
  entry: string;
  /** The frames on top of the stack that took most of its time, heaviest first ("name file:line 3.2 ms"). */
  topFrames: string[];
}

export interface TaskFigures {
  /** Every task of ours, in order. */
  tasks: LongTask[];
  longest: LongTask | undefined;
  /** How many tasks lasted more than `overMs`. */
  over: number;
  /** The task with the longest `busyMs`, and how many had a `busyMs` over `overMs`. */
  longestBusy: LongTask | undefined;
  overBusy: number;
  overMs: number;
  /**
   * The longest stretch of native code or garbage collection with no script on the stack outside our tasks: nobody's
   * in particular (VS Code's own IPC, another extension's native call), but also where the deserialization of a worker's
   * message happens, before any script runs. `nativeBeforeOursMs`: the longest such stretch whose next sample is ours.
   */
  nativeLongestMs: number;
  nativeBeforeOursMs: number;
  /** The profile's length and its mean sampling interval, so a reader can judge the resolution. */
  profileMs: number;
  meanIntervalUs: number;
}

/** Is this script one of ours? (`file:///…/dist/extension.js` or a plain path, against the dist folder's path.) */
export function scriptMatcher(distFolder: string): (url: string) => boolean {
  const folder = distFolder.replace(/\\/g, '/').replace(/\/?$/, '/');
  return (url) => {
    if (!url) return false;
    let path = url;
    if (path.startsWith('file://')) {
      try {
        path = decodeURIComponent(new URL(path).pathname);
      } catch {
        return false;
      }
    }
    path = path.replace(/\\/g, '/');
    // Windows paths come as /c:/… from a URL and c:/… from a path.
    return path
      .toLowerCase()
      .replace(/^\/(?=[a-z]:)/, '')
      .startsWith(folder.toLowerCase().replace(/^\/(?=[a-z]:)/, ''));
  };
}

/** A gap between two samples counts for a task's `busyMs` as at most this many times the profile's median interval. */
const GAP_CAP = 4;

/** V8's pseudo-frames for time with no script on the stack: the garbage collector, and native code ("(program)"). */
const BETWEEN = new Set(['(garbage collector)', '(program)']);

const label = (frame: CpuProfile['nodes'][number]['callFrame']): string =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || frame.url || '(native)'}:${frame.lineNumber + 1}`;

/** The tasks of ours in `profile`, and how many lasted more than `overMs` (16 ms: a frame at 60 Hz). */
export function longTasks(profile: CpuProfile, isOurs: (url: string) => boolean, overMs = 16): TaskFigures {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Per node: the outermost frame of ours on its stack (undefined: not ours), computed once, root first.
  const outermost = new Map<number, number | undefined>();
  const ownerOf = (id: number): number | undefined => {
    if (outermost.has(id)) return outermost.get(id);
    const chain: number[] = [];
    let at: number | undefined = id;
    let found: number | undefined;
    while (at !== undefined && !outermost.has(at)) {
      chain.push(at);
      at = parent.get(at);
    }
    if (at !== undefined) found = outermost.get(at);
    for (let i = chain.length - 1; i >= 0; i--) {
      const nodeId = chain[i]!;
      if (found === undefined && isOurs(byId.get(nodeId)?.callFrame.url ?? '')) found = nodeId;
      outermost.set(nodeId, found);
    }
    return found;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const sortedDeltas = deltas.slice(1).sort((a, b) => a - b);
  const capUs = GAP_CAP * (sortedDeltas[Math.floor(sortedDeltas.length / 2)] ?? 0);
  const capped = (us: number) => (capUs > 0 ? Math.min(us, capUs) : us);
  const tasks: LongTask[] = [];
  let elapsedUs = 0;
  let run: { startUs: number; us: number; busyUs: number; samples: number; entry: number; tops: Map<string, number> } | undefined;
  const close = () => {
    if (!run) return;
    const frame = byId.get(run.entry)?.callFrame;
    tasks.push({
      startMs: run.startUs / 1000,
      durationMs: run.us / 1000,
      busyMs: run.busyUs / 1000,
      samples: run.samples,
      entry: frame ? label(frame) : '?',
      topFrames: [...run.tops]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`),
    });
    run = undefined;
  };
  // Samples of the collector or of native code with no script on the stack, held while a task of ours is open:
  // between two samples of ours they are part of the task (it had not returned), otherwise they end it.
  let held: { us: number; busyUs: number; samples: number; names: Map<string, number> } | undefined;
  // The current stretch of such samples outside our tasks, and the longest ones.
  let nativeUs = 0;
  let nativeLongestUs = 0;
  let nativeBeforeOursUs = 0;
  for (let i = 0; i < samples.length; i++) {
    elapsedUs += deltas[i] ?? 0;
    const id = samples[i]!;
    const owner = ownerOf(id);
    // This sample stands for the time until the next one (the last: until the profile's end).
    const us = i + 1 < samples.length ? (deltas[i + 1] ?? 0) : Math.max(0, profile.endTime - profile.startTime - elapsedUs);
    const top = byId.get(id)?.callFrame;
    const name = top ? label(top) : '?';
    const between = !!top && BETWEEN.has(top.functionName);
    if (between) nativeUs += us;
    else if (nativeUs > 0) {
      // A stretch bridged into a task of ours is the task's, not native time outside it.
      if (!(run && held && owner !== undefined)) {
        nativeLongestUs = Math.max(nativeLongestUs, nativeUs);
        if (owner !== undefined) nativeBeforeOursUs = Math.max(nativeBeforeOursUs, nativeUs);
      }
      nativeUs = 0;
    }
    if (owner === undefined) {
      if (run && between) {
        held ??= { us: 0, busyUs: 0, samples: 0, names: new Map() };
        held.us += us;
        held.busyUs += capped(us);
        held.samples++;
        held.names.set(name, (held.names.get(name) ?? 0) + us);
      } else {
        held = undefined;
        close();
      }
      continue;
    }
    if (run && held) {
      run.us += held.us;
      run.busyUs += held.busyUs;
      run.samples += held.samples;
      for (const [heldName, heldUs] of held.names) run.tops.set(heldName, (run.tops.get(heldName) ?? 0) + heldUs);
    }
    held = undefined;
    run ??= { startUs: elapsedUs, us: 0, busyUs: 0, samples: 0, entry: owner, tops: new Map() };
    run.us += us;
    run.busyUs += capped(us);
    run.samples++;
    run.tops.set(name, (run.tops.get(name) ?? 0) + us);
  }
  close();
  nativeLongestUs = Math.max(nativeLongestUs, nativeUs);
  const longest = tasks.reduce<LongTask | undefined>((max, task) => (!max || task.durationMs > max.durationMs ? task : max), undefined);
  const longestBusy = tasks.reduce<LongTask | undefined>((max, task) => (!max || task.busyMs > max.busyMs ? task : max), undefined);
  const profileMs = (profile.endTime - profile.startTime) / 1000;
  return {
    tasks,
    longest,
    over: tasks.filter((task) => task.durationMs > overMs).length,
    longestBusy,
    overBusy: tasks.filter((task) => task.busyMs > overMs).length,
    overMs,
    nativeLongestMs: nativeLongestUs / 1000,
    nativeBeforeOursMs: nativeBeforeOursUs / 1000,
    profileMs,
    meanIntervalUs: samples.length ? (profile.endTime - profile.startTime) / samples.length : 0,
  };
}
