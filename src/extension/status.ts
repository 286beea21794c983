import * as vscode from 'vscode';
import { type AnalysisSummary } from './analyzer.js';
import { Throttle } from './support/throttle.js';

/** Analyses shorter than this do not change the status bar, so it does not flicker while the user types. */
const SHOW_ANALYSING_AFTER_MS = 300;

/**
 * The shortest time between two changes of the item: during the scan, results and progress come by the thousand, and
 * each change is a message to the window, which lays out the status bar again.
 */
const REDRAW_MS = 250;

/** The status bar item: what Crossover is doing (scanning n/m, analysing), and the totals when idle. */
export class Status implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.status', vscode.StatusBarAlignment.Left, 10);
  private readonly redraw: Throttle;
  private scan: { done: number; total: number } | undefined;
  private analysing = false;
  private analysingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly summary: () => AnalysisSummary,
    private readonly onError: (error: unknown) => void,
  ) {
    this.item.name = 'Crossover';
    this.redraw = new Throttle(() => {
      try {
        this.render();
      } catch (error) {
        this.onError(error);
      }
    }, REDRAW_MS);
    this.render();
  }

  scanning(done: number, total: number): void {
    // The files are counted (the scan goes from finding them to reading them): shown at once, then its progress.
    const counted = this.scan?.total !== total;
    this.scan = { done, total };
    if (counted) this.redraw.flush();
    else this.redraw.request();
  }

  /** Called by the scanner when it ends (done or cancelled). */
  clearScan(): void {
    this.scan = undefined;
    this.redraw.flush();
  }

  setAnalysing(analysing: boolean): void {
    clearTimeout(this.analysingTimer);
    this.analysingTimer = undefined;
    if (!analysing) {
      if (this.analysing) {
        this.analysing = false;
        this.redraw.flush();
      }
      return;
    }
    this.analysingTimer = setTimeout(() => {
      try {
        this.analysing = true;
        this.redraw.flush();
      } catch (error) {
        this.onError(error);
      }
    }, SHOW_ANALYSING_AFTER_MS);
  }

  /** Called when results change: the item shows them within REDRAW_MS. */
  update(): void {
    this.redraw.request();
  }

  private render(): void {
    const s = this.summary();
    if (this.scan) {
      const count = this.scan.total ? ` ${this.scan.done}/${this.scan.total}` : '';
      this.item.text = `$(sync) Crossover: scanning${count}`;
      this.item.tooltip = 'Crossover is listing the problems of templates that are not open. Click to cancel the scan.';
      this.item.command = 'crossover.cancelScan';
    } else if (this.analysing) {
      this.item.text = '$(sync~spin) Crossover: analysing';
      this.item.tooltip = 'Crossover is analysing the open template.';
      this.item.command = 'crossover.showOutput';
    } else {
      const problems = s.errors + s.warnings + s.infos;
      this.item.text = problems ? `$(${s.errors ? 'error' : 'warning'}) Crossover: ${problems}` : '$(check) Crossover';
      this.item.tooltip =
        `Crossover: ${s.templates} template${s.templates === 1 ? '' : 's'}, ${s.errors} error${s.errors === 1 ? '' : 's'}, ` +
        `${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} information. Click to show the log.`;
      this.item.command = 'crossover.showOutput';
    }
    if (s.templates > 0 || this.scan || this.analysing) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    clearTimeout(this.analysingTimer);
    this.redraw.dispose();
    this.item.dispose();
  }
}
