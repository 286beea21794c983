import * as vscode from 'vscode';
import { type AnalysisSummary } from './analyzer.js';

/** Analyses shorter than this do not change the status bar, so it does not flicker while the user types. */
const SHOW_ANALYSING_AFTER_MS = 300;

/** The status bar item: what Crossover is doing (scanning n/m, analysing), and the totals when idle. */
export class Status implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.status', vscode.StatusBarAlignment.Left, 10);
  private scan: { done: number; total: number } | undefined;
  private analysing = false;
  private analysingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly summary: () => AnalysisSummary,
    private readonly onError: (error: unknown) => void,
  ) {
    this.item.name = 'Crossover';
    this.update();
  }

  scanning(done: number, total: number): void {
    this.scan = { done, total };
    this.update();
  }

  /** Called by the scanner when it ends (done or cancelled). */
  clearScan(): void {
    this.scan = undefined;
    this.update();
  }

  setAnalysing(analysing: boolean): void {
    clearTimeout(this.analysingTimer);
    this.analysingTimer = undefined;
    if (!analysing) {
      if (this.analysing) {
        this.analysing = false;
        this.update();
      }
      return;
    }
    this.analysingTimer = setTimeout(() => {
      try {
        this.analysing = true;
        this.update();
      } catch (error) {
        this.onError(error);
      }
    }, SHOW_ANALYSING_AFTER_MS);
  }

  /** Called when results change. */
  update(): void {
    const s = this.summary();
    if (this.scan) {
      const count = this.scan.total ? ` ${this.scan.done}/${this.scan.total}` : '';
      this.item.text = `$(sync~spin) Crossover: scanning${count}`;
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
    this.item.dispose();
  }
}
