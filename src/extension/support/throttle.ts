/**
 * Fewer messages to the workbench while results arrive by the thousand (the workspace scan): every status bar change
 * and every diagnostics update is a message from the extension host to the window, which the window then lays out. Pure
 * timing logic, no `vscode`, so it is unit-tested.
 */

type Timer = ReturnType<typeof setTimeout>;

/**
 * Runs `work` at most once per `intervalMs`: a request within the interval after a run is answered by one run at the
 * interval's end (however many requests came meanwhile); a request after a quiet interval runs at once.
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: Timer | undefined;

  constructor(
    private readonly work: () => void,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Runs now (a pending run is folded into this one). */
  flush(): void {
    this.run();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.last = this.now();
    this.work();
  }
}

/**
 * Values gathered by key and handed over together: `flush` receives every value added since the last one (the latest
 * per key) `delayMs` after the first, or at once when `max` are waiting. A key deleted before the flush is not handed
 * over.
 */
export class Batch<K, V> {
  private readonly waiting = new Map<K, V>();
  private timer: Timer | undefined;

  constructor(
    private readonly flushTo: (entries: [K, V][]) => void,
    private readonly delayMs: number,
    private readonly max: number,
  ) {}

  add(key: K, value: V): void {
    this.waiting.delete(key); // the latest value goes last, in arrival order
    this.waiting.set(key, value);
    if (this.waiting.size >= this.max) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  delete(key: K): void {
    this.waiting.delete(key);
  }

  get size(): number {
    return this.waiting.size;
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.waiting.size) return;
    const entries = [...this.waiting];
    this.waiting.clear();
    this.flushTo(entries);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.clear();
  }
}
