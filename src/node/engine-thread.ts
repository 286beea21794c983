/**
 * (Node hosts.) The editor's side of the engine thread (dist/engine-worker.js): `analyze` posts a file and resolves
 * with its result. The thread starts at the first request; a newer request for the same document cancels the older
 * one through its token. If the thread stops (a crash, out of memory), the files it held get an internal-error
 * finding and the next request starts a new thread. Without the bundle (running from sources) the engine runs here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeTextAsync, constructPaths, type DiffReport, type EngineConfig, failedResult, viewFigures, type ViewFigures } from '../core/index.js';
import { type DiskFile, type EngineFile, engineInput, isDiskFile, readDiskFileAsync } from './engine-input.js';
import { DeltaReceiver } from './model-delta.js';
import {
  type CostInputs,
  type EngineOptions,
  type EngineResult,
  type FileDiffRequest,
  type FromEngine,
  skippedResult,
  type ToEngine,
  withoutModel,
} from './engine-protocol.js';
import { HeldCostInputs } from './engine-figures.js';
import { ENGINE_THREAD_LIMITS } from './thread-heap.js';
import { everyStep } from './pause.js';

/** A cancellation token: VS Code's, or the debouncer's. */
export interface EngineToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?(listener: () => void): { dispose(): void };
}

interface Pending {
  file: EngineFile | DiskFile;
  config: EngineConfig;
  options: EngineOptions;
  token: EngineToken;
  resolve(result: EngineResult): void;
  /** Told the findings of a document being typed in ahead of its answer (see FromEngine's `early`). */
  early?: EarlyListener;
}

/** Takes a document's findings (and format) as soon as its analysis ends, before the answer with its model. */
export type EarlyListener = (early: Pick<EngineResult, 'format' | 'findings'>) => void;

/** Figures of the last answer: how long it waited in the thread's queue, and the round trip seen from here. */
export interface EngineTiming {
  queuedMs: number;
  roundTripMs: number;
}

/** The most threads a workspace scan shares its files among. */
const MAX_SCAN_THREADS = 4;

/**
 * Threads for the editor's engine. On one core, one. Otherwise the first, for documents being typed in and the views,
 * and one per core (up to MAX_SCAN_THREADS) for a workspace scan's files, at a lower priority (thread-priority.ts):
 * the start-up scan of a large workspace takes the cores the editor leaves idle, and gives them back at once to the
 * extension host, the window and the first thread. The scan's threads are idle otherwise.
 */
export function engineThreads(cores = availableParallelism()): number {
  return cores > 1 ? 1 + Math.min(cores, MAX_SCAN_THREADS) : 1;
}

export class EngineThread {
  /**
   * The threads: the first takes every request but a scan's files (documents being typed in first, then the views'
   * figures, the cost changes, files read again), and the scan's files too when it is the only one; the others, on a
   * machine with more than one core, take only the scan's files. Each is started at its first request.
   */
  private readonly workers: (Worker | undefined)[] = [];
  private next = 0;
  private readonly pending = new Map<number, Pending & { posted: number; thread: number }>();
  /** Requests answered with something else than an analysis: a view's figures, a file's cost change. */
  private readonly asked = new Map<number, { resolve(answer: FromEngine): void; reject(error: Error): void }>();
  /** Told about the thread's failures (they become findings too). */
  onError: (message: string) => void = () => {};
  lastTiming: EngineTiming | undefined;
  private bundled: boolean | undefined;
  /** The models last received for documents being typed in, to rebuild the next ones from. */
  private readonly models = new DeltaReceiver();
  /** The cost inputs last set: sent to every thread started, and used here when running from sources. */
  private costInputs: CostInputs | undefined;
  private readonly heldHere = new HeldCostInputs();

  /**
   * `threads`: how many threads there are. Documents being typed in and every request but a scan's go to the first;
   * a scan's files (`background`) are shared among the others, or go to the first when it is the only one.
   */
  constructor(
    private readonly script = join(__dirname, 'engine-worker.js'),
    readonly threads = 1,
  ) {}

  /** Whether analyses run in the thread (the bundle is there), not in this one (running from sources). */
  get inThread(): boolean {
    this.bundled ??= existsSync(this.script);
    return this.bundled;
  }

  /**
   * The cost settings and usage files the workspace figures of the following requests are computed with (a request
   * names their `version` in `options.costs`).
   */
  setCostInputs(inputs: CostInputs): void {
    this.costInputs = inputs;
    this.heldHere.set(inputs);
    for (const worker of this.workers) worker?.postMessage({ kind: 'costInputs', inputs } satisfies ToEngine);
  }

  /**
   * `file`: its text, or (a DiskFile, for the workspace scan) where the thread reads it. `early`: for a document being
   * typed in, told its findings ahead of the answer (in the thread only: running from sources, the answer comes at once).
   */
  analyze(file: EngineFile | DiskFile, config: EngineConfig, token: EngineToken, options: EngineOptions = {}, early?: EarlyListener): Promise<EngineResult> {
    if (!this.inThread) return inProcess(file, config, token, options, this.heldHere);
    // A document being typed in: its model comes back as changes to the one held here (model-delta.ts).
    return this.post(file, config, token, options.urgent ? { ...options, base: this.models.baseFor(file.uri) } : options, early);
  }

  /** How many threads share a scan's files. */
  get scanThreads(): number {
    return Math.max(1, this.threads - 1);
  }

  /** The thread a request goes to: a scan's file to the scan thread with the fewest requests, any other to the first. */
  private threadFor(options: EngineOptions): number {
    if (!options.background || this.threads === 1) return 0;
    const load = new Array<number>(this.threads).fill(0);
    for (const waiting of this.pending.values()) load[waiting.thread]!++;
    let best = 1;
    for (let i = 2; i < this.threads; i++) if (load[i]! < load[best]!) best = i;
    return best;
  }

  private post(file: EngineFile | DiskFile, config: EngineConfig, token: EngineToken, options: EngineOptions, early?: EarlyListener): Promise<EngineResult> {
    return new Promise<EngineResult>((resolve) => {
      const id = this.next++;
      const thread = this.threadFor(options);
      this.pending.set(id, { file, config, options, token, resolve, posted: performance.now(), thread, ...(early ? { early } : {}) });
      const subscription = token.onCancellationRequested?.(() => this.workers[thread]?.postMessage({ kind: 'cancel', id } satisfies ToEngine));
      const waiting = this.pending.get(id)!;
      waiting.resolve = (result) => {
        subscription?.dispose();
        resolve(result);
      };
      this.start(thread).postMessage({ kind: 'analyze', id, file, config, options } satisfies ToEngine);
    });
  }

  /** A comparison view's figures (a sweep and a sensitivity solve), computed in the thread. */
  async viewFigures(...args: Parameters<typeof viewFigures>): Promise<ViewFigures> {
    this.bundled ??= existsSync(this.script);
    if (!this.bundled) return viewFigures(...args);
    const answer = await this.ask((id) => ({ kind: 'viewFigures', id, args }));
    if ('figures' in answer) return answer.figures;
    throw new Error('the engine thread answered without figures');
  }

  /**
   * A file's cost change between two versions, computed in the thread (both sides read with the readers they need;
   * the resource comparison in the differ's own thread). Not available without the bundle (running from sources).
   */
  async diffFile(request: FileDiffRequest): Promise<{ report: DiffReport; problems: string[] }> {
    const answer = await this.ask((id) => ({ kind: 'diffFile', id, request }));
    if ('report' in answer) return { report: answer.report, problems: answer.problems };
    throw new Error('the engine thread answered without a report');
  }

  private ask(message: (id: number) => ToEngine): Promise<FromEngine> {
    return new Promise<FromEngine>((resolve, reject) => {
      const id = this.next++;
      this.asked.set(id, { resolve, reject });
      this.start(0).postMessage(message(id));
    });
  }

  private start(thread: number): Worker {
    const running = this.workers[thread];
    if (running) return running;
    // The threads past the first serve only the scan: they run at a lower priority where the system allows it.
    const worker = new Worker(this.script, { workerData: { scanOnly: thread > 0 }, resourceLimits: ENGINE_THREAD_LIMITS });
    worker.on('message', (reply: FromEngine) => {
      const asked = this.asked.get(reply.id);
      if (asked) {
        this.asked.delete(reply.id);
        if ('error' in reply) asked.reject(new Error(reply.error));
        else asked.resolve(reply);
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if ('early' in reply) {
        waiting.early?.(reply.early);
        return;
      }
      this.pending.delete(reply.id);
      if (!('result' in reply)) {
        const error = 'error' in reply ? reply.error : 'no result in the answer';
        this.onError(`The engine thread could not analyse ${waiting.file.uri}: ${error}`);
        waiting.resolve(failedResult(waiting.file, waiting.config, 'analysing', new Error(error.split('\n', 1)[0])));
        return;
      }
      this.lastTiming = { queuedMs: reply.queuedMs, roundTripMs: performance.now() - waiting.posted };
      const { result } = reply;
      if (waiting.options.urgent && result.model) {
        const model = this.models.receive(waiting.file.uri, reply.id, reply.base, result.model);
        // The model it was sent against is not held any more: asked for whole.
        if (!model) void this.post(waiting.file, waiting.config, waiting.token, { ...waiting.options, base: undefined }, waiting.early).then(waiting.resolve);
        else waiting.resolve({ ...result, model });
        return;
      }
      waiting.resolve(result);
    });
    const fail = (error: Error) => {
      if (this.workers[thread] !== worker) return; // an earlier thread, stopped on purpose
      this.workers[thread] = undefined;
      if (thread === 0) this.models.clear();
      this.onError(`The engine thread stopped: ${error.message}`);
      const held = [...this.pending].filter(([, waiting]) => waiting.thread === thread);
      for (const [id] of held) this.pending.delete(id);
      for (const [, waiting] of held) waiting.resolve(failedResult(waiting.file, waiting.config, 'analysing (the engine thread stopped while it read)', error));
      if (thread !== 0) return;
      const asked = [...this.asked.values()];
      this.asked.clear();
      for (const request of asked) request.reject(new Error(`the engine thread stopped: ${error.message}`));
    };
    if (this.costInputs) worker.postMessage({ kind: 'costInputs', inputs: this.costInputs } satisfies ToEngine);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.workers[thread] = worker;
    return worker;
  }

  /** Stops the threads; what they held resolves as cancelled. */
  dispose(): void {
    const workers = this.workers.splice(0);
    for (const [, waiting] of this.pending)
      waiting.resolve({ uri: waiting.file.uri, format: undefined, syntax: undefined, workloads: [], findings: [], cancelled: true, durationMs: 0 });
    this.pending.clear();
    for (const request of this.asked.values()) request.reject(new Error('the engine thread was stopped'));
    this.asked.clear();
    this.models.clear();
    for (const worker of workers) void worker?.terminate();
  }
}

/** The engine on this thread (no bundle: running from sources). */
async function inProcess(
  source: EngineFile | DiskFile,
  config: EngineConfig,
  token: EngineToken,
  options: EngineOptions,
  costs: HeldCostInputs,
): Promise<EngineResult> {
  const file = isDiskFile(source) ? await readDiskFileAsync(source) : source;
  if ('skipped' in file) return skippedResult(source.uri, file.skipped);
  const input = await engineInput(file, options);
  const result: EngineResult = await analyzeTextAsync(input, config, token, everyStep);
  const figures = await costs.figuresFor(result, options.costs, token, everyStep);
  const answer: EngineResult = {
    ...result,
    ...(options.constructPaths && !result.cancelled ? { constructPaths: constructPaths(file.uri, file.text) } : {}),
    ...(figures ? { figures } : {}),
  };
  // The same answer as the thread's, model left out included (the host's code takes the same path either way).
  return options.withoutModel ? withoutModel(answer) : answer;
}
