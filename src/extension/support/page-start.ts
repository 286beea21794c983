/**
 * Watches that a webview page starts. The views do not retain their context, so each time a panel is shown its page
 * is made anew and must say "ready"; in the browser editor such a page can stay on its static "Loading..." text when
 * its script does not arrive (seen after the panel was maximized and restored). A page that has not said "ready"
 * within PAGE_START_MS of being shown is loaded again, at most PAGE_RELOADS times in a row. No `vscode` import (the
 * panel and the log are what it uses of them), so it is unit-tested.
 */
export const PAGE_START_MS = 5_000;
export const PAGE_RELOADS = 3;

/** What the watch uses of a `vscode.WebviewPanel`. */
export interface ShownPanel {
  readonly visible: boolean;
  onDidChangeViewState(listener: () => void): { dispose(): void };
}

/** What it uses of the extension's log. */
export interface PageLog {
  info(message: string): void;
  warnOnce(message: string): void;
  guard<A extends unknown[]>(what: string, handler: (...args: A) => unknown): (...args: A) => void;
}

export interface PageStart {
  /** The page said "ready": nothing to do until it is shown again. */
  ready(): void;
  dispose(): void;
}

/** Starts watching at once (the page was just loaded); `load` sets the page's HTML again. */
export function watchPageStart(panel: ShownPanel, load: () => void, view: string, log: PageLog, startMs = PAGE_START_MS): PageStart {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reloads = 0;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    stop();
    timer = setTimeout(
      log.guard(view, () => {
        timer = undefined;
        if (!panel.visible) return;
        if (reloads >= PAGE_RELOADS) {
          log.warnOnce(`${view}: the page did not start after ${PAGE_RELOADS} loads; close it and open it again.`);
          return;
        }
        reloads++;
        log.info(`${view}: the page did not start within ${startMs / 1000} s; loading it again.`);
        load();
        arm();
      }),
      startMs,
    );
  };
  const watch = panel.onDidChangeViewState(() => {
    if (panel.visible) arm();
    else stop();
  });
  arm();
  return {
    ready: () => {
      stop();
      reloads = 0;
    },
    dispose: () => {
      stop();
      watch.dispose();
    },
  };
}
