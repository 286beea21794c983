/**
 * "Compare with Fargate" / "Compare with Lambda": a webview panel per workload (the webview-sample shape)
 * with a strict Content-Security-Policy and a nonce. The extension owns the figures: it applies the user's
 * edits to the workload's scenario, costs it with the engine (the same report as `crossover cost`), and
 * sends the whole state; the webview only renders and reports edits. Panels come back after a reload.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { workloadComparison, workloadSummary, type Overrides } from '../../core/cost/comparison.js';
import { decide } from '../../core/cost/decision.js';
import { changedSpan, withTraffic } from '../../core/cost/usage-writer.js';
import { type WorkloadEstimate } from '../../core/cost/estimate.js';
import { fargateEquivalent, lambdaEquivalent } from '../../core/cost/equivalent.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../../core/model/nodes.js';
import { acceptFromView, checkToView } from '../../shared/compare-checks.js';
import { type CompareViewState, type FromView, type SummaryRow, type ToView, type WorkloadKind } from '../../shared/compare-messages.js';
import { comparePage } from '../../shared/compare-page.js';
import { notificationText } from '../../core/markdown.js';
import { type CostService } from '../cost/estimates.js';
import { readUsageText, type UsageFiles } from '../cost/usage.js';
import { type Log } from '../log.js';

export const COMPARE_VIEW_TYPE = 'crossover.compare';
export const SUMMARY_VIEW_TYPE = 'crossover.summary';

/** What a panel shows: a workload of a file. Kept in the webview state, so a reload can find it again. */
export interface CompareTarget {
  uri: string;
  id: string;
}

interface Workload {
  kind: WorkloadKind;
  estimate: WorkloadEstimate;
  line: number;
  fn?: LambdaFunction;
  task?: EcsTaskDefinition;
}

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
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `Compare: ${target.id}`, vscode.ViewColumn.Beside, this.options());
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
    const panel =
      existing ?? vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'Crossover: Workspace Cost Summary', vscode.ViewColumn.Active, this.options());
    panel.webview.options = this.options();
    panel.webview.html = html(panel.webview, this.extensionUri);
    this.summary = panel;
    let rows: SummaryRow[] = [];
    const post = () => {
      rows = summaryRows(this.costs);
      const message: ToView = { type: 'summary', rows };
      void panel.webview.postMessage(message);
    };
    const subscriptions = [
      panel.webview.onDidReceiveMessage(
        this.log.guard('Cost summary', async (raw: unknown) => {
          const message = received(raw, 'Cost summary', this.log);
          if (message?.type === 'ready') post();
          // Only the workloads the summary lists: the view names them, it does not choose others.
          else if (message?.type === 'compare' && rows.some((r) => r.uri === message.uri && r.id === message.id))
            this.show({ uri: message.uri, id: message.id });
          else if (message?.type === 'open' && rows.some((r) => r.uri === message.uri)) await openAt(message.uri, message.line);
          else if (message) this.log.warnOnce(`Cost summary: ignored a "${message.type}" message for a workload it does not list.`);
        }),
      ),
      this.costs.onDidChange(this.log.guard('Cost summary', post)),
    ];
    panel.onDidDispose(() => {
      for (const d of subscriptions) d.dispose();
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

class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private current: CompareViewState | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly target: CompareTarget,
    private overrides: Overrides,
    extensionUri: vscode.Uri,
    private readonly costs: CostService,
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage(
        log.guard('Comparison view', (raw: unknown) => {
          const message = received(raw, 'Comparison view', log);
          return message ? this.receive(message) : undefined;
        }),
      ),
      // The template, the usage file or the settings changed: new figures.
      costs.onDidChange(log.guard('Comparison view', () => this.post())),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  state(): CompareViewState | undefined {
    return this.current;
  }

  private async receive(message: FromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post();
        break;
      case 'override':
        this.overrides = message.overrides;
        this.post();
        break;
      case 'reset':
        this.overrides = {};
        this.post();
        break;
      case 'open': {
        // Only the places the view shows: the workload's declaration and the evidence of its checklist.
        const places = [this.current?.workload.uri, ...(this.current?.decision.items.map((item) => item.at?.uri) ?? [])];
        if (places.includes(message.uri)) await openAt(message.uri, message.line);
        else this.log.warnOnce('Comparison view: ignored an "open" message for a file the view does not show.');
        break;
      }
      case 'saveUsage':
        await this.saveUsage();
        break;
      case 'openEquivalent': {
        const equivalent = this.current?.equivalent;
        if (!equivalent) break;
        const document = await vscode.workspace.openTextDocument({ language: equivalent.language, content: equivalent.content });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
        break;
      }
    }
  }

  private workload(): Workload | undefined {
    const uri = vscode.Uri.parse(this.target.uri);
    const fn = this.costs.costsFor(uri).find((c) => c.fn.id === this.target.id);
    if (fn) return { kind: 'lambda-function', estimate: fn.estimate, line: fn.fn.loc.range.start.line, fn: fn.fn };
    const task = this.costs.taskCostsFor(uri).find((c) => c.node.id === this.target.id);
    if (task) return { kind: task.node.kind, estimate: task.estimate, line: task.node.loc.range.start.line, task: task.task };
    return undefined;
  }

  private post(): void {
    const workload = this.workload();
    if (!workload) return; // the workload is gone (or not analysed yet): the view keeps its last state
    const { estimate } = workload;
    const data = workloadComparison(estimate, this.overrides, this.costs.defaults().priceOverrides);
    const state: CompareViewState = {
      workload: {
        id: this.target.id,
        kind: workload.kind,
        file: vscode.workspace.asRelativePath(vscode.Uri.parse(this.target.uri), false),
        uri: this.target.uri,
        line: workload.line,
      },
      traffic: this.overrides.requestsPerMonth !== undefined ? 'given' : estimate.traffic,
      ...(estimate.low && estimate.high ? { bands: { low: estimate.low.requestsPerMonth, high: estimate.high.requestsPerMonth } } : {}),
      overrides: this.overrides,
      data,
      sources: estimate.assumptions.map((a) => ({ name: a.name, value: a.value, source: a.source })),
      decision: decide({ ...(workload.fn ? { fn: workload.fn } : {}), ...(workload.task ? { task: workload.task } : {}) }, data.scenario, data.report),
      equivalent: workload.fn ? fargateEquivalent(workload.fn, data.scenario, data.report) : lambdaEquivalent(workload.task!, data.scenario),
    };
    this.current = state;
    const message: ToView = { type: 'state', state };
    void this.panel.webview.postMessage(message);
  }

  /**
   * Writes the traffic and region edits for this workload into the folder's usage file: only that entry changes
   * (withTraffic); when the file cannot take it safely, the user is told why and nothing is written.
   */
  private async saveUsage(): Promise<void> {
    const uri = vscode.Uri.parse(this.target.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      void vscode.window.showWarningMessage('Crossover keeps usage files in workspace folders; this file is not in one.');
      return;
    }
    const file = this.usage.fileFor(folder);
    const scenario = this.current?.data.scenario;
    if (!scenario) return;
    const where = vscode.workspace.asRelativePath(file.uri, false);
    // Unsaved edits in an editor are kept (the entry goes into the editor); else the file on disk, BOM and all.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString() && d.isDirty);
    let text = open?.getText() ?? '';
    if (!open && file.exists) {
      const read = await readUsageText(file.uri);
      if ('refused' in read) {
        void vscode.window.showWarningMessage(notificationText(`Crossover did not save the traffic of ${this.target.id} to ${where}: ${read.refused}.`));
        return;
      }
      text = 'text' in read ? read.text : '';
    }
    const saved = withTraffic(text, file.uri.path.endsWith('.json'), this.target.id, {
      requestsPerMonth: scenario.requestsPerMonth,
      averageDurationMs: scenario.durationMs,
      ...(this.overrides.region !== undefined ? { region: this.overrides.region } : {}),
    });
    if ('refused' in saved) {
      this.log.warn(`Did not save the traffic of ${this.target.id} to ${where}: ${saved.refused}`);
      void vscode.window.showWarningMessage(notificationText(`Crossover did not save the traffic of ${this.target.id} to ${where}: ${saved.refused}`));
      return;
    }
    if (open) {
      const span = changedSpan(text, saved.text);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(span.start), open.positionAt(span.end)), span.newText);
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage(notificationText(`Crossover could not edit ${where}; it changed while the traffic was being saved. Try again.`));
        return;
      }
    } else {
      await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(saved.text));
    }
    this.log.info(`Saved the traffic of ${this.target.id} to ${where}.`);
    // The usage file now holds the traffic: the edits that went into it are no longer overrides.
    const { requestsPerMonth: _r, durationMs: _d, region: _g, ...rest } = this.overrides;
    this.overrides = rest;
    void vscode.window.showInformationMessage(
      notificationText(`Saved the traffic of ${this.target.id} to ${where}${open ? ' (unsaved, in its editor)' : ''}.`),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A webview's message, checked (src/shared/compare-checks.ts); undefined, and a line in the log, when refused. */
function received(raw: unknown, view: string, log: Log): FromView | undefined {
  return acceptFromView(raw, (line) => log.warnOnce(`${view}: ${line}`));
}

/** Opens a file at a line in the first editor group (the views sit beside it). */
async function openAt(uri: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
}

/** Every Lambda function, task definition and service of the workspace with its typical figures. */
function summaryRows(costs: CostService): SummaryRow[] {
  const priceOverrides = costs.defaults().priceOverrides;
  const row = (uri: vscode.Uri, id: string, kind: WorkloadKind, line: number, estimate: WorkloadEstimate, workload: Parameters<typeof workloadSummary>[1]) => ({
    id,
    kind,
    file: vscode.workspace.asRelativePath(uri, false),
    uri: uri.toString(),
    line,
    ...workloadSummary(estimate, workload, priceOverrides),
  });
  return [
    ...costs.allCosts().map(({ uri, cost }) => row(uri, cost.fn.id, 'lambda-function', cost.fn.loc.range.start.line, cost.estimate, { fn: cost.fn })),
    ...costs.allTaskCosts().map(({ uri, cost }) => row(uri, cost.node.id, cost.node.kind, cost.node.loc.range.start.line, cost.estimate, { task: cost.task })),
  ];
}

/** The page, with a fresh nonce and the webview's resource origin. */
function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'compare.js'));
  return comparePage({ nonce: randomBytes(16).toString('base64'), cspSource: webview.cspSource, scriptUri: script.toString() });
}
