/**
 * "Compare with Fargate" / "Compare with Lambda" and the workspace summary: the panels the extension keeps
 * (one comparison per workload, one summary), opened from commands and brought back after a reload. What a
 * comparison shows and answers is in panel.ts, the summary in summary.ts, the page and message checks in webview.ts.
 */
import { compareTab, type Overrides, VIEW_LABELS } from '../../core/index.js';
import * as vscode from 'vscode';
import { checkToView } from '../../shared/compare-checks.js';
import { type CompareViewState } from '../../shared/compare-messages.js';
import { type CostService } from '../cost/estimates.js';
import { type UsageFiles } from '../cost/usage.js';
import { type Log } from '../log.js';
import { ComparePanel, type CompareTarget } from './panel.js';
import { attachSummary } from './summary.js';

export type { CompareTarget };

export const COMPARE_VIEW_TYPE = 'crossover.compare';
export const SUMMARY_VIEW_TYPE = 'crossover.summary';

export class ComparePanels implements vscode.Disposable {
  private readonly panels = new Map<string, ComparePanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly costs: CostService,
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {}

  /** Opens (or reveals) the comparison of a workload. */
  show(target: CompareTarget): void {
    const key = `${target.uri}#${target.id}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, compareTab(target.id), vscode.ViewColumn.Beside, this.options());
    this.adopt(panel, target, {});
  }

  /** A panel VS Code restored after a reload, with the state the webview saved (checked: it comes from the webview). */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const checked = saved === undefined || saved === null ? undefined : checkToView({ type: 'state', state: saved });
    if (checked && !checked.ok) this.log.warnOnce(`Comparison view: the saved state was not restored (${checked.reason}).`);
    if (checked?.ok !== true || checked.value.type !== 'state') {
      panel.dispose();
      return;
    }
    const { state } = checked.value;
    panel.webview.options = this.options();
    this.adopt(panel, { uri: state.workload.uri, id: state.workload.id }, state.overrides ?? {});
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] };
  }

  private adopt(panel: vscode.WebviewPanel, target: CompareTarget, overrides: Overrides): void {
    const key = `${target.uri}#${target.id}`;
    const compare = new ComparePanel(panel, target, overrides, this.extensionUri, this.costs, this.usage, this.log);
    this.panels.set(key, compare);
    panel.onDidDispose(() => {
      this.panels.delete(key);
      compare.dispose();
    });
  }

  /** The workspace summary: every workload, both figures, the recommendation; sortable in the view. */
  showSummary(existing?: vscode.WebviewPanel): void {
    if (this.summary && !existing) {
      this.summary.reveal();
      return;
    }
    const panel = existing ?? vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, VIEW_LABELS.summaryTab, vscode.ViewColumn.Active, this.options());
    panel.webview.options = this.options();
    this.summary = panel;
    const attached = attachSummary(panel, this.extensionUri, this.costs, this.log, (target) => this.show(target));
    panel.onDidDispose(() => {
      attached.dispose();
      if (this.summary === panel) this.summary = undefined;
    });
  }

  private summary: vscode.WebviewPanel | undefined;

  /** The state of an open panel (for tests and the API). */
  stateOf(target: CompareTarget): CompareViewState | undefined {
    return this.panels.get(`${target.uri}#${target.id}`)?.state();
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
