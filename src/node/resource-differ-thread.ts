/**
 * (Node hosts.) The resource differ in a worker thread (dist/resource-differ-worker.js), started at the first
 * comparison and stopped after a minute without one, so the specification's memory is given back.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type AsyncResourceDiffer, type ResourceChange, type TemplateObject } from '../core/index.js';

type Reply = { id: number; changes?: ResourceChange[]; error?: string };

export class ResourceDifferThread {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve(changes: ResourceChange[]): void; reject(error: Error): void }>();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly script = join(__dirname, 'resource-differ-worker.js'),
    private readonly idleMs = 60_000,
  ) {}

  readonly diff: AsyncResourceDiffer = (before: TemplateObject, after: TemplateObject) =>
    new Promise<ResourceChange[]>((resolve, reject) => {
      clearTimeout(this.idle);
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({ id, before, after });
    });

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.changes ?? []);
      if (!this.pending.size) this.idle = setTimeout(() => this.dispose(), this.idleMs);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return; // an earlier thread, stopped
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the resource differ stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Stops the thread (a later comparison starts it again). */
  dispose(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
