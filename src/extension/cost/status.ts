/** The workspace's typical monthly figures in the status bar (a click opens the summary). */
import * as vscode from 'vscode';
import { formatUsd } from '../../core/cost/format.js';
import { type Log } from '../log.js';
import { type CostService } from './estimates.js';

/** The workspace's typical monthly total on each side, in the status bar. */
export class CostStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.cost', vscode.StatusBarAlignment.Left, 9);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {
    this.item.name = 'Crossover cost';
    this.item.command = 'crossover.showCostSummary';
  }

  /** Recomputes soon (results arrive in bursts during a scan). */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(
      this.log.guard('Cost status', () => {
        this.timer = undefined;
        this.update();
      }),
      200,
    );
  }

  update(): void {
    const total = this.costs.total();
    if (!total.functions) {
      this.item.hide();
      return;
    }
    this.item.text = `$(graph) Lambda ${formatUsd(total.lambda)}/mo · Fargate ${formatUsd(total.fargate)}/mo`;
    this.item.tooltip =
      `Crossover: typical monthly cost of ${total.functions} Lambda function${total.functions === 1 ? '' : 's'} in the workspace, and of the same work on Fargate.` +
      (total.assumed ? ` Traffic is assumed for ${total.assumed} of them (set it in crossover.usage.yml).` : '') +
      ' Click for the summary.';
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}
