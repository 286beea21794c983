/**
 * The responsiveness probe, on only when the extension host's environment has CROSSOVER_PROBE=1 (the
 * real-editor suite sets it; extension.ts loads this module only then). It measures, per phase the suite
 * names, Crossover's own tasks on the extension-host thread from a sampling CPU profile (see long-tasks.ts),
 * and the host's event-loop delay as a whole (other extensions share the thread: context, not our figure).
 *
 * Commands (registered here, so only in probe mode; not contributed to the palette, the suite binds keys to them):
 * - `crossover.probe.mark` [phase]: ends the current phase and starts `phase` (asked in an input box without one);
 * - `crossover.probe.report`: ends the current phase, logs every phase's figures as one line
 *   `Probe report: {json}` in the Crossover log and returns them; the probe then waits for the next mark.
 * The first phase, "activation", starts when Crossover activates and ends at the first mark, or by itself after
 * three minutes (in a window nobody measures, the profile's samples must not grow without end).
 */
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Analyzer } from '../analyzer.js';
import type { Log } from '../log.js';
import { type CpuProfile, longTasks, scriptMatcher } from './long-tasks.js';

/** Sampling interval in microseconds: a 16 ms task spans about 80 samples. */
const SAMPLING_US = 200;
const OVER_MS = 16;
/** The first phase (from activation) ends by itself after this long without a mark. */
const FIRST_PHASE_CAP_MS = 180_000;

export interface PhaseFigures {
  phase: string;
  /** The phase's length in ms (its profile's). */
  ms: number;
  /** Crossover's longest task on the host thread, in ms, where it came in and its heaviest top frames. */
  longestMs: number;
  longestEntry: string;
  longestFrames: string[];
  /** Crossover's tasks over 16 ms, and all its tasks. */
  over16: number;
  tasks: number;
  /**
   * The same with each gap between two samples counted as at most a few sampling intervals (long-tasks.ts `busyMs`):
   * the longest task's working time, and the tasks that worked more than 16 ms (the rest of the others' time, the
   * thread waited for a core).
   */
  longestBusyMs: number;
  longestBusyEntry: string;
  over16Busy: number;
  /** The longest stretch with no script on the stack outside our tasks (e.g. a worker message's deserialization), and of those followed by ours. */
  nativeLongestMs: number;
  nativeBeforeOursMs: number;
  /** The host's event loop (every extension): its largest delay and 99th percentile in ms. */
  hostMaxDelayMs: number;
  hostP99DelayMs: number;
  meanIntervalUs: number;
  /**
   * Documents typed in during the phase: from a change to its squiggles handed to VS Code, in ms (the analyzer's
   * part of keystroke-to-squiggle: debounce, engine thread, messages), per document's workspace path.
   */
  squigglesSet: Record<string, { p50: number; p95: number; max: number; n: number }>;
}

export function startProbe(context: vscode.ExtensionContext, log: Log, analyzer: Analyzer): vscode.Disposable {
  const isOurs = scriptMatcher(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const phases: PhaseFigures[] = [];
  let phase = 'activation';
  /** The phase's change-to-squiggles times per document. */
  let squiggles = new Map<string, number[]>();
  analyzer.onSquigglesSet = (uri, ms) => {
    const path = vscode.workspace.asRelativePath(uri);
    const times = squiggles.get(path);
    if (times) times.push(ms);
    else squiggles.set(path, [ms]);
  };
  // One change at a time: a mark while the previous one still stops the profiler waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  let running = false;
  const begin = async (name: string) => {
    phase = name;
    squiggles = new Map();
    delay.reset();
    await post('Profiler.start');
    running = true;
  };
  const end = async () => {
    if (!running) return;
    running = false;
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    // Read before the profile is analysed: that work is the probe's, not the phase's.
    const hostMaxDelayMs = delay.max / 1e6;
    const hostP99DelayMs = delay.percentile(99) / 1e6;
    const figures = longTasks(profile, isOurs, OVER_MS);
    const done: PhaseFigures = {
      phase,
      ms: round(figures.profileMs),
      longestMs: round(figures.longest?.durationMs ?? 0),
      longestEntry: figures.longest?.entry ?? '',
      longestFrames: figures.longest?.topFrames ?? [],
      over16: figures.over,
      tasks: figures.tasks.length,
      longestBusyMs: round(figures.longestBusy?.busyMs ?? 0),
      longestBusyEntry: figures.longestBusy?.entry ?? '',
      over16Busy: figures.overBusy,
      nativeLongestMs: round(figures.nativeLongestMs),
      nativeBeforeOursMs: round(figures.nativeBeforeOursMs),
      hostMaxDelayMs: round(hostMaxDelayMs),
      hostP99DelayMs: round(hostP99DelayMs),
      meanIntervalUs: round(figures.meanIntervalUs),
      squigglesSet: Object.fromEntries([...squiggles].map(([path, times]) => [path, percentiles(times)])),
    };
    phases.push(done);
    // The probe's own garbage (the profile it has just read and analysed: megabytes) is collected now, between two
    // phases, not by whichever task of the next phase allocates when the heap runs full.
    await post('HeapProfiler.collectGarbage');
    log.info(
      `Probe: phase "${done.phase}" (${done.ms} ms): Crossover's longest task ${done.longestMs} ms${done.longestEntry ? ` (${done.longestEntry})` : ''}, ` +
        `${done.over16} of ${done.tasks} over ${OVER_MS} ms (busy: longest ${done.longestBusyMs} ms, ${done.over16Busy} over ${OVER_MS} ms); native code with no script on the stack up to ${done.nativeLongestMs} ms ` +
        `(${done.nativeBeforeOursMs} ms right before a task of ours); the host's event-loop delay max ${done.hostMaxDelayMs} ms, p99 ${done.hostP99DelayMs} ms.`,
    );
  };

  const started = (async () => {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    delay.enable();
    await begin(phase);
    log.info(`Probe on (CROSSOVER_PROBE=1): sampling every ${SAMPLING_US} µs, phase "${phase}".`);
  })();
  queue = started.catch((error: unknown) => log.error('Starting the probe failed', error));
  // The first phase ends by itself if no mark comes (a window nobody measures): the profile's samples stay bounded.
  const cap = setTimeout(() => {
    void serial(async () => {
      if (phase === 'activation') await end();
    }).catch((error: unknown) => log.error('The probe failed', error));
  }, FIRST_PHASE_CAP_MS);

  const mark = async (name?: unknown) => {
    // The input box is for the test harness only (no wording of its own: the suite types the phase name).
    const next = typeof name === 'string' && name ? name : await vscode.window.showInputBox();
    if (!next) return;
    await serial(async () => {
      await end();
      await begin(next);
    });
  };
  // Ends the current phase and logs every phase so far; the probe then waits for the next mark.
  const report = () =>
    serial(async () => {
      await end();
      log.info(`Probe report: ${JSON.stringify(phases)}`);
      return phases.slice();
    });

  return vscode.Disposable.from(
    vscode.commands.registerCommand('crossover.probe.mark', mark),
    vscode.commands.registerCommand('crossover.probe.report', report),
    {
      dispose: () => {
        analyzer.onSquigglesSet = undefined;
        clearTimeout(cap);
        delay.disable();
        session.disconnect();
      },
    },
  );
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** p50, p95 (nearest rank, as the suite's own figures) and max of some times. */
function percentiles(times: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: round(rank(50)), p95: round(rank(95)), max: round(sorted.at(-1)!), n: sorted.length };
}
