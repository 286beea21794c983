import * as vscode from 'vscode';

/** The "Crossover" output channel, and a guard so no handler of ours throws into the extension host. */
export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Crossover', { log: true });
  private disposed = false;

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  /**
   * Writes a line unless the channel is gone: while the window reloads or closes, the extension host closes its
   * channel to the window before disposing our subscriptions, and a scan cancelled then must not throw.
   */
  private write(level: 'info' | 'warn' | 'error', message: string): void {
    if (this.disposed) return;
    try {
      this.channel[level](message);
    } catch {
      // Nowhere left to say it.
    }
  }

  private readonly warned = new Set<string>();

  /** A warning said once (a bad setting is read again on every settings change). */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.write('warn', message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    this.write('error', detail ? `${message}: ${detail}` : message);
  }

  /** Wraps a callback: errors are logged, never rethrown (the extension host must not see them). */
  guard<A extends unknown[]>(what: string, fn: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      try {
        const result = fn(...args);
        if (result instanceof Promise) result.catch((error: unknown) => this.error(`${what} failed`, error));
      } catch (error) {
        this.error(`${what} failed`, error);
      }
    };
  }

  dispose(): void {
    this.disposed = true;
    this.channel.dispose();
  }
}
