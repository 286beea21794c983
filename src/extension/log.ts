import * as vscode from 'vscode';

/** The "Crossover" output channel, and a guard so no handler of ours throws into the extension host. */
export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Crossover', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  private readonly warned = new Set<string>();

  /** A warning said once (a bad setting is read again on every settings change). */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    this.channel.error(detail ? `${message}: ${detail}` : message);
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
    this.channel.dispose();
  }
}
