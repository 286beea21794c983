/**
 * (Node hosts.) The editor's side of the engine thread (dist/engine-worker.js): `analyze` posts a file and resolves
 * with its result. The thread starts at the first request; a newer request for the same document cancels the older
 * one through its token. If the thread stops (a crash, out of memory), the files it held get an internal-error
 * finding and the next request starts a new thread. Without the bundle (running from sources) the engine runs here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeTextAsync, constructPaths, type DiffReport, type EngineConfig, failedResult, viewFigures, type ViewFigures } from '../core/index.js';
import { type EngineFile, engineInput } from './engine-input.js';
import { DeltaReceiver } from './model-delta.js';
import { type EngineOptions, type EngineResult, type FileDiffRequest, type FromEngine, type ToEngine } from './engine-protocol.js';

/** A cancellation token: VS Code's, or the debouncer's. */
export interface EngineToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?(listener: () => void): { dispose(): void };
}

interface Pending {
  file: EngineFile;
  config: EngineConfig;
  options: EngineOptions;
  token: EngineToken;
  resolve(result: EngineResult): void;
}

/** Figures of the last answer: how long it waited in the thread's queue, and the round trip seen from here. */
export interface EngineTiming {
  queuedMs: number;
  roundTripMs: number;
}

export class EngineThread {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, Pending & { posted: number }>();
  /** Requests answered with something else than an analysis: a view's figures, a file's cost change. */
  private readonly asked = new Map<number, { resolve(answer: FromEngine): void; reject(error: Error): void }>();
  /** Told about the thread's failures (they become findings too). */
  onError: (message: string) => void = () => {};
  lastTiming: EngineTiming | undefined;
  private bundled: boolean | undefined;
  /** The models last received for documents being typed in, to rebuild the next ones from. */
  private readonly models = new DeltaReceiver();

  constructor(private readonly script = join(__dirname, 'engine-worker.js')) {}

  /** Whether analyses run in the thread (the bundle is there), not in this one (running from sources). */
  get inThread(): boolean {
    this.bundled ??= existsSync(this.script);
    return this.bundled;
  }

  analyze(file: EngineFile, config: EngineConfig, token: EngineToken, options: EngineOptions = {}): Promise<EngineResult> {
    if (!this.inThread) return inProcess(file, config, token, options);
    // A document being typed in: its model comes back as changes to the one held here (model-delta.ts).
    return this.post(file, config, token, options.urgent ? { ...options, base: this.models.baseFor(file.uri) } : options);
  }

  private post(file: EngineFile, config: EngineConfig, token: EngineToken, options: EngineOptions): Promise<EngineResult> {
    return new Promise<EngineResult>((resolve) => {
      const id = this.next++;
      this.pending.set(id, { file, config, options, token, resolve, posted: performance.now() });
      const subscription = token.onCancellationRequested?.(() => this.worker?.postMessage({ kind: 'cancel', id } satisfies ToEngine));
      const waiting = this.pending.get(id)!;
      waiting.resolve = (result) => {
        subscription?.dispose();
        resolve(result);
      };
      this.start().postMessage({ kind: 'analyze', id, file, config, options } satisfies ToEngine);
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
      this.start().postMessage(message(id));
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
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
        if (!model) void this.post(waiting.file, waiting.config, waiting.token, { ...waiting.options, base: undefined }).then(waiting.resolve);
        else waiting.resolve({ ...result, model });
        return;
      }
      waiting.resolve(result);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return; // an earlier thread, stopped on purpose
      this.worker = undefined;
      this.models.clear();
      this.onError(`The engine thread stopped: ${error.message}`);
      const held = [...this.pending.values()];
      this.pending.clear();
      for (const waiting of held) waiting.resolve(failedResult(waiting.file, waiting.config, 'analysing (the engine thread stopped while it read)', error));
      const asked = [...this.asked.values()];
      this.asked.clear();
      for (const request of asked) request.reject(new Error(`the engine thread stopped: ${error.message}`));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Stops the thread; what it held resolves as cancelled. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [, waiting] of this.pending)
      waiting.resolve({ uri: waiting.file.uri, format: undefined, syntax: undefined, workloads: [], findings: [], cancelled: true, durationMs: 0 });
    this.pending.clear();
    for (const request of this.asked.values()) request.reject(new Error('the engine thread was stopped'));
    this.asked.clear();
    this.models.clear();
    void worker?.terminate();
  }
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The engine on this thread (no bundle: running from sources). */
async function inProcess(file: EngineFile, config: EngineConfig, token: EngineToken, options: EngineOptions): Promise<EngineResult> {
  const result: EngineResult = await analyzeTextAsync(await engineInput(file), config, token, pause);
  return options.constructPaths && !result.cancelled ? { ...result, constructPaths: constructPaths(file.uri, file.text) } : result;
}
