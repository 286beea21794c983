/**
 * One pending run per key (a document URI): a newer request replaces the older one, and the older run's
 * token is cancelled if it already started. Pure timing logic, no `vscode`, so it is unit-tested.
 */
export interface Token {
  readonly isCancellationRequested: boolean;
  /** `listener` is called once when the run is cancelled (the engine thread is told to drop it). */
  onCancellationRequested(listener: () => void): { dispose(): void };
}

class Source implements Token {
  isCancellationRequested = false;
  private listeners: (() => void)[] = [];
  cancel(): void {
    if (this.isCancellationRequested) return;
    this.isCancellationRequested = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
  onCancellationRequested(listener: () => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }
}

type Timer = ReturnType<typeof setTimeout>;

export class Debouncer<K> {
  private readonly timers = new Map<K, Timer>();
  private readonly running = new Map<K, Source>();
  /** When each key was last requested (`schedule`), for the leading edge. */
  private readonly requested = new Map<K, number>();
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private wasBusy = false;

  /**
   * @param onError where a task's error goes (tasks never throw into the caller's event loop)
   * @param onBusyChange told when the debouncer goes from idle to busy and back (for a status display)
   * @param now the clock the leading edge is measured with (milliseconds)
   */
  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly onBusyChange?: (busy: boolean) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Runs `task` after `delayMs` unless another request for the same key comes first. With `leading`, a request that
   * comes after a quiet `delayMs` (nothing pending for the key, its last request at least that long ago) runs at once:
   * the first keystroke after a pause is not kept waiting, the keystrokes that follow it within `delayMs` are
   * gathered into one run as before.
   */
  schedule(key: K, delayMs: number, task: (token: Token) => Promise<void>, { leading = false }: { leading?: boolean } = {}): void {
    const now = this.now();
    const last = this.requested.get(key);
    this.requested.set(key, now);
    const quiet = !this.timers.has(key) && (last === undefined || now - last >= delayMs);
    // Not cancel(): between dropping the old request and adding this one the debouncer is not idle.
    this.drop(key);
    if (leading && quiet) {
      void this.start(key, task);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.start(key, task);
    }, delayMs);
    this.timers.set(key, timer);
    this.notify();
  }

  /** Runs `task` now (cancelling anything pending for the key) and resolves when it is done. */
  async runNow(key: K, task: (token: Token) => Promise<void>): Promise<void> {
    this.drop(key);
    await this.start(key, task);
  }

  cancel(key: K): void {
    this.drop(key);
    this.requested.delete(key);
    this.maybeIdle();
  }

  cancelAll(): void {
    for (const key of [...this.timers.keys(), ...this.running.keys()]) this.cancel(key);
  }

  get busy(): boolean {
    return this.timers.size > 0 || this.active > 0;
  }

  /** Resolves when nothing is scheduled or running. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async start(key: K, task: (token: Token) => Promise<void>): Promise<void> {
    const source = new Source();
    this.running.set(key, source);
    this.active++;
    this.notify();
    try {
      await task(source);
    } catch (error) {
      this.onError(error);
    } finally {
      this.active--;
      if (this.running.get(key) === source) this.running.delete(key);
      this.maybeIdle();
    }
  }

  /** Forgets the pending request for `key` and cancels its run under way. */
  private drop(key: K): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.running.get(key)?.cancel();
  }

  private notify(): void {
    if (this.busy === this.wasBusy) return;
    this.wasBusy = this.busy;
    try {
      this.onBusyChange?.(this.wasBusy);
    } catch (error) {
      this.onError(error);
    }
  }

  private maybeIdle(): void {
    this.notify();
    if (this.busy) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
