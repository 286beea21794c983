/**
 * Redraws what the editor shows (CodeLenses) only when it would change. VS Code drops the commands of a lens list it
 * replaces, so a click that lands as the lenses are redrawn runs nothing ("Actual command not found" in the extension
 * host's log); every file the workspace scan reads changes the estimates, and redrawing every shown editor's lenses for
 * each would make such clicks common. Pure logic, no `vscode`, so it is unit-tested.
 */
export class RedrawGate<D> {
  /** Per document, the signature of what it showed when the editor last asked for it. */
  private readonly shown = new Map<string, string>();
  private checking: Promise<void> | undefined;
  private checkAgain = false;

  constructor(
    /** The signature of what `document` would show now. */
    private readonly signature: (document: D) => Promise<string>,
    /** The documents in view, by key. */
    private readonly inView: () => Iterable<readonly [string, D]>,
    /** Asks the editor to redraw (it then asks for every shown document's lenses again: see `shownNow`). */
    private readonly redraw: () => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** What the editor was handed for `key` and shows (a cancelled request's answer is not shown: do not call this for it). */
  shownNow(key: string, signature: string): void {
    this.shown.set(key, signature);
  }

  forget(key: string): void {
    this.shown.delete(key);
  }

  /**
   * Something they depend on changed: compares each document in view with what it shows, and redraws when one
   * differs. One check at a time; a change during a check makes one more check after it. Resolves when both are done.
   */
  changed(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
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
