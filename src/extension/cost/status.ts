/** The workspace's typical monthly cost as written and the savings in the status bar (a click opens the summary). */
import { statusText, statusTooltip } from '../../core/index.js';
import * as vscode from 'vscode';
import { type Log } from '../log.js';
import { type CostService } from './estimates.js';

/** The shortest wait between two updates of the total. */
const MIN_WAIT_MS = 200;

/** What the workspace costs as written and what moving would save, in the status bar. */
export class CostStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.cost', vscode.StatusBarAlignment.Left, 9);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitMs = MIN_WAIT_MS;

  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {
    this.item.name = 'Crossover cost';
    this.item.command = 'crossover.showCostSummary';
  }

  /**
   * Recomputes soon (results arrive in bursts during a scan). The total walks every workload of the workspace, so
   * the wait grows with what the last one took: at most a tenth of the host's time goes to it, however large.
   */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(
      this.log.guard('Cost status', async () => {
        const started = performance.now();
        try {
          await this.update();
        } finally {
          // Cleared only now: no second computation starts while one is under way.
          this.timer = undefined;
          this.waitMs = Math.max(MIN_WAIT_MS, (performance.now() - started) * 9);
        }
      }),
      this.waitMs,
    );
  }

  /** Computes the total in slices (the host gets control back between them) and shows it. */
  async update(): Promise<void> {
    const total = await this.costs.totalInSlices();
    if (this.disposed) return;
    if (!total.workloads) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(total);
    this.item.tooltip = statusTooltip(total);
    this.item.show();
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.item.dispose();
  }
}
