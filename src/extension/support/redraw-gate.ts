/**
 * Redraws what the editor shows (CodeLenses) only when it would change. VS Code drops the commands of a lens list it
 * replaces, so a click that lands as the lenses are redrawn runs nothing ("Actual command not found" in the extension
 * host's log); every file the workspace scan reads changes the estimates, and redrawing every shown editor's lenses for
 * each would make such clicks common. The comparison waits a little after a change (`delayMs`), so a burst of changes
 * (keystrokes, a scan's batches) costs one comparison. Pure logic, no `vscode`, so it is unit-tested.
 */
export class RedrawGate<D> {
  /** Per document, the signature of what it showed when the editor last asked for it. */
  private readonly shown = new Map<string, string>();
  /** A comparison due after the delay, not started yet: later changes are folded into it. */
  private due: Promise<void> | undefined;
  private checking: Promise<void> | undefined;
  private checkAgain = false;
  private disposed = false;

  constructor(
    /** The signature of what `document` would show now. */
    private readonly signature: (document: D) => Promise<string>,
    /** The documents in view, by key. */
    private readonly inView: () => Iterable<readonly [string, D]>,
    /** Asks the editor to redraw (it then asks for every shown document's lenses again: see `shownNow`). */
    private readonly redraw: () => void,
    private readonly failed: (error: unknown) => void,
    private readonly delayMs: number,
  ) {}

  /** What the editor was handed for `key` and shows (a cancelled request's answer is not shown: do not call this for it). */
  shownNow(key: string, signature: string): void {
    this.shown.set(key, signature);
  }

  forget(key: string): void {
    this.shown.delete(key);
  }

  /**
   * Something they depend on changed: after the delay, compares each document in view with what it shows, and redraws
   * when one differs. A change while a comparison is due is folded into it; a change during a comparison makes one
   * more after it. Resolves when the comparison that sees this change is done.
   */
  changed(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.due) return this.due;
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    const due: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, this.delayMs)).then(() => {
      this.due = undefined;
      return this.disposed ? undefined : this.runCheck();
    });
    this.due = due;
    return due;
  }

  dispose(): void {
    this.disposed = true;
  }

  private runCheck(): Promise<void> {
    const run: Promise<void> = this.check()
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.checking = undefined;
      })
      .then(() => {
        if (!this.checkAgain) return;
        this.checkAgain = false;
        return this.changed();
      });
    this.checking = run;
    return run;
  }

  private async check(): Promise<void> {
    for (const [key, document] of this.inView()) {
      const shown = this.shown.get(key);
      if (shown === undefined) continue; // the editor has not asked for it yet: it will
      if ((await this.signature(document)) !== shown) {
        this.redraw();
        return;
      }
    }
  }
}
