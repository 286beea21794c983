/**
 * The responsiveness probe, on only when the extension host's environment has CROSSOVER_PROBE=1 (the
 * real-editor suite sets it; extension.ts loads this module only then). It measures, per phase the suite
 * names, Crossover's own tasks on the extension-host thread from a sampling CPU profile (see long-tasks.ts),
 * and the host's event-loop delay as a whole (other extensions share the thread: context, not our figure).
 *
 * Commands (registered here, so only in probe mode; not contributed to the palette, the suite binds keys to them):
 * - `crossover.probe.mark` [phase]: ends the current phase and starts `phase` (asked in an input box without one);
 * - `crossover.probe.report`: ends the current phase, logs every phase's figures as one line
 *   `Probe report: {json}` in the Crossover log and returns them.
 */
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Log } from '../log.js';
import { type CpuProfile, longTasks, scriptMatcher } from './long-tasks.js';

/** Sampling interval in microseconds: a 16 ms task spans about 80 samples. */
const SAMPLING_US = 200;
const OVER_MS = 16;

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
  /** The host's event loop (every extension): its largest delay and 99th percentile in ms. */
  hostMaxDelayMs: number;
  hostP99DelayMs: number;
  meanIntervalUs: number;
}

export function startProbe(context: vscode.ExtensionContext, log: Log): vscode.Disposable {
  const isOurs = scriptMatcher(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const phases: PhaseFigures[] = [];
  let phase = 'activation';
  // One change at a time: a mark while the previous one still stops the profiler waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const begin = async (name: string) => {
    phase = name;
    delay.reset();
    await post('Profiler.start');
  };
  const end = async () => {
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
      hostMaxDelayMs: round(hostMaxDelayMs),
      hostP99DelayMs: round(hostP99DelayMs),
      meanIntervalUs: round(figures.meanIntervalUs),
    };
    phases.push(done);
    log.info(
      `Probe: phase "${done.phase}" (${done.ms} ms): Crossover's longest task ${done.longestMs} ms${done.longestEntry ? ` (${done.longestEntry})` : ''}, ` +
        `${done.over16} of ${done.tasks} over ${OVER_MS} ms; the host's event-loop delay max ${done.hostMaxDelayMs} ms, p99 ${done.hostP99DelayMs} ms.`,
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

  const mark = async (name?: unknown) => {
    const next = typeof name === 'string' && name ? name : await vscode.window.showInputBox({ prompt: 'Probe: the next phase', placeHolder: 'phase name' });
    if (!next) return;
    await serial(async () => {
      await end();
      await begin(next);
    });
  };
  const report = () =>
    serial(async () => {
      await end();
      log.info(`Probe report: ${JSON.stringify(phases)}`);
      // Measuring goes on (what follows is outside any named phase).
      await begin('after report');
      return phases.slice();
    });

  return vscode.Disposable.from(
    vscode.commands.registerCommand('crossover.probe.mark', mark),
    vscode.commands.registerCommand('crossover.probe.report', report),
    {
      dispose: () => {
        delay.disable();
        session.disconnect();
      },
    },
  );
}

const round = (ms: number) => Math.round(ms * 100) / 100;
