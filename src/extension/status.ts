import * as vscode from 'vscode';
import { type AnalysisSummary } from './analyzer.js';

/** The status bar item: what Crossover is doing, and the totals when it is idle. */
export class Status implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.status', vscode.StatusBarAlignment.Left, 10);
  private scan: { done: number; total: number } | undefined;
  private analysing = false;

  constructor(private readonly summary: () => AnalysisSummary) {
    this.item.name = 'Crossover';
    this.update();
  }

  scanning(done: number, total: number): void {
    this.scan = { done, total };
    this.update();
  }

  setAnalysing(analysing: boolean): void {
    this.analysing = analysing;
    this.update();
  }

  /** Called when results change. */
  update(): void {
    const s = this.summary();
    if (this.scan) {
      this.item.text = `$(sync~spin) Crossover: scanning ${this.scan.done}/${this.scan.total}`;
      this.item.tooltip = 'Crossover is listing the problems of templates not open yet. Click to cancel the scan.';
      this.item.command = 'crossover.cancelScan';
    } else if (this.analysing) {
      this.item.text = '$(sync~spin) Crossover';
      this.item.tooltip = 'Crossover is analysing.';
      this.item.command = 'crossover.showOutput';
    } else {
      const problems = s.errors + s.warnings + s.infos;
      this.item.text = problems ? `$(${s.errors ? 'error' : 'warning'}) Crossover: ${problems}` : '$(check) Crossover';
      this.item.tooltip = `Crossover: ${s.templates} template${s.templates === 1 ? '' : 's'}, ${s.errors} errors, ${s.warnings} warnings, ${s.infos} information. Click to show the log.`;
      this.item.command = 'crossover.showOutput';
    }
    if (s.templates > 0 || this.scan) this.item.show();
    else this.item.hide();
  }

  /** Called by the scanner when it ends (done or cancelled). */
  clearScan(): void {
    this.scan = undefined;
    this.update();
  }

  dispose(): void {
    this.item.dispose();
  }
}
