/**
 * `crossover check` on every core: the files to check are handed to worker threads (dist/check-worker.js), each
 * running the same per-file step as the main thread does alone (checkFile: read, analyse, sort out), and their
 * outcomes are merged in the order of the file list, so the report is the one a single thread writes. Files are
 * handed out a few at a time as threads answer, so a thread slowed by a large template does not hold the others'
 * share. A thread that stops (a crash, memory) costs the file it was checking an internal-error finding; the
 * files it had not started go to the other threads or a new one. Never a hang: when no thread can run, every file
 * left gets the internal error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type EngineConfig, failedResult, type PartialConfig } from '../core/index.js';
import { addOutcome, type CheckReport, displayPath, emptyReport, type FileOutcome } from './check.js';
import { type Target } from './files.js';
import { ENGINE_THREAD_LIMITS } from '../node/thread-heap.js';

/** What each thread starts with (structured-cloned): it resolves the same configuration (and loads the readers its files need). */
export interface CheckWorkerData {
  /** The configuration as given (settings file, flags, `now`): resolved again in each thread. */
  config: PartialConfig;
  cwd: string;
  /** Keep the model of CDK apps in the outcome: cdk.out templates are mapped to their constructs (addSynthesized). */
  keepCdkModels: boolean;
}

/** Main thread -> thread: check the file at this index of the list. */
export interface CheckRequestMessage {
  index: number;
  target: Target;
}

/** Thread -> main thread: ready (listening), a file's outcome, or the error checking it threw. */
export type CheckReplyMessage = { ready: true } | { index: number; outcome: FileOutcome } | { index: number; error: string };

/** Files each thread has been given and not yet answered: enough to keep it busy between two replies. */
const IN_FLIGHT = 4;

/** The bundled thread's script, beside the CLI bundle (absent when running from sources: then one thread). */
export const CHECK_WORKER_SCRIPT = join(__dirname, 'check-worker.js');

export function canUseThreads(script = CHECK_WORKER_SCRIPT): boolean {
  return existsSync(script);
}

export interface ThreadOptions {
  threads: number;
  data: CheckWorkerData;
  /** The resolved configuration, for the internal-error findings of files a thread could not check. */
  config: EngineConfig;
  log: (line: string) => void;
  script?: string;
}

interface Thread {
  worker: Worker;
  /** Indices given and not answered, oldest first: a thread checks them in that order. */
  given: number[];
  ready: boolean;
  /** What the thread said as it failed (an uncaught exception), for the internal-error finding. */
  failure?: string;
  done: boolean;
}

/** Checks the targets in `threads` worker threads; the report is the one checkFiles writes for the same targets. */
export function checkFilesInThreads(targets: readonly Target[], options: ThreadOptions): Promise<CheckReport> {
  const { data, config, log } = options;
  const script = options.script ?? CHECK_WORKER_SCRIPT;
  const report = emptyReport();
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(targets.length);
  const queue: number[] = targets.map((_, i) => i);
  const threads = new Set<Thread>();
  // A thread that stops is replaced, up to this many times: a broken install must not start threads forever.
  const maxStops = options.threads * 2;
  let stops = 0;
  let flushed = 0;
  let lastFailure = 'it stopped';

  return new Promise<CheckReport>((resolve) => {
    /** Adds the outcomes that are next in the file list to the report, in order (skipped lines logged as today). */
    const flush = () => {
      while (flushed < targets.length && outcomes[flushed] !== undefined) addOutcome(report, outcomes[flushed++]!, log);
      if (flushed === targets.length) {
        for (const thread of threads) stop(thread);
        resolve(report);
      }
    };

    const failed = (index: number, reason: string): FileOutcome => {
      const { file } = targets[index]!;
      const path = displayPath(file, data.cwd);
      const result = failedResult({ uri: file }, config, 'checking', new Error(reason));
      if (!result.findings.length) return { kind: 'skipped', path, reason: `it could not be checked (${reason})` };
      return { kind: 'template', path, result };
    };

    const give = (thread: Thread) => {
      // Files are sent once the thread listens (it says it is ready): none waits in a port nobody reads yet.
      while (thread.ready && thread.given.length < IN_FLIGHT && queue.length) {
        const index = queue.shift()!;
        thread.given.push(index);
        const message: CheckRequestMessage = { index, target: targets[index]! };
        thread.worker.postMessage(message);
      }
    };

    const stop = (thread: Thread) => {
      thread.done = true;
      threads.delete(thread);
      void thread.worker.terminate();
    };

    const start = () => {
      const worker = new Worker(script, { workerData: data, resourceLimits: ENGINE_THREAD_LIMITS });
      const thread: Thread = { worker, given: [], ready: false, done: false };
      threads.add(thread);
      worker.on('message', (reply: CheckReplyMessage) => {
        if ('ready' in reply) {
          thread.ready = true;
          give(thread);
          return;
        }
        thread.given = thread.given.filter((i) => i !== reply.index);
        outcomes[reply.index] = 'outcome' in reply ? reply.outcome : failed(reply.index, reply.error);
        give(thread);
        flush();
      });
      worker.on('error', (error) => {
        thread.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      });
      worker.on('exit', (code) => {
        if (thread.done) return;
        thread.done = true;
        threads.delete(thread);
        stops++;
        lastFailure = `the worker thread checking it stopped: ${thread.failure ?? `exit code ${code}`}`;
        // A thread checks what it was given in order: the oldest file not answered is the one it was checking.
        // (A thread that failed to start was given nothing: no file is to blame.)
        const [current, ...rest] = thread.given;
        if (current !== undefined) outcomes[current] = failed(current, lastFailure);
        queue.unshift(...rest);
        if (queue.length && stops <= maxStops) start();
        if (threads.size === 0) for (const index of queue.splice(0)) outcomes[index] = failed(index, lastFailure);
        // The files put back go to every thread with room (one may have been idle, its share done).
        for (const other of threads) give(other);
        flush();
      });
      return thread;
    };

    if (!targets.length) return resolve(report);
    const count = Math.max(1, Math.min(options.threads, targets.length));
    for (let i = 0; i < count; i++) start();
  });
}
