/**
 * One comparison view (the webview-sample shape, with a strict Content-Security-Policy and a nonce). The
 * extension owns the figures: it applies the user's edits to the workload's scenario, costs it with the engine
 * (the same report as `crossover cost`), and sends the whole state; the webview only renders and reports edits.
 */
import {
  changedSpan,
  type EcsTaskDefinition,
  EDITOR_TEXT,
  type LambdaFunction,
  notificationText,
  type Overrides,
  withTraffic,
  type WorkloadEstimate,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { type CompareViewState, type FromView, type ToView, type WorkloadKind } from '../../shared/compare-messages.js';
import { type CostService } from '../cost/estimates.js';
import { readUsageText, type UsageFiles } from '../cost/usage.js';
import { type Log } from '../log.js';
import { loadPage, openAt, received } from './webview.js';
import { type PageStart, watchPageStart } from '../support/page-start.js';

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

export class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private current: CompareViewState | undefined;
  /** Loads the page again when it does not start (see watchPageStart). */
  private readonly start: PageStart;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly target: CompareTarget,
    private overrides: Overrides,
    extensionUri: vscode.Uri,
    private readonly costs: CostService,
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    const load = () => void loadPage(panel.webview, extensionUri).catch((e: unknown) => log.info(`Comparison view: the page was not set (${String(e)}).`));
    load();
    this.start = watchPageStart(panel, load, 'Comparison view', log);
    this.disposables.push(
      this.start,
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
        this.start.ready();
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
        // The platform chosen in the view's selector (one of the state's), else the default equivalent.
        const chosen = message.platform !== undefined && this.current ? this.current.equivalents[message.platform] : undefined;
        const equivalent = chosen ?? this.current?.equivalent;
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

  /** Counts the posts: figures computed for an older one are dropped when a newer one was asked for meanwhile. */
  private posts = 0;

  private post(): void {
    const ticket = ++this.posts;
    void this.postFigures(ticket).catch((error: unknown) => this.log.error('Comparison view: the figures could not be computed', error));
  }

  private async postFigures(ticket: number): Promise<void> {
    // A file the scan read has its model in the engine thread: it is read again with it first.
    await this.costs.ready(vscode.Uri.parse(this.target.uri));
    if (ticket !== this.posts) return;
    const workload = this.workload();
    if (!workload) return; // the workload is gone (or not analysed yet): the view keeps its last state
    const { estimate } = workload;
    // The sweep and the sensitivity solve run in the engine thread, not on the extension host.
    const figures = await this.costs.viewFigures(
      estimate,
      workload.fn ? { fn: workload.fn } : { task: workload.task! },
      this.overrides,
      this.costs.defaults().priceOverrides,
      {
        teamRunsKubernetes: this.costs.defaults().teamRunsKubernetes,
      },
    );
    if (ticket !== this.posts) return;
    const state: CompareViewState = {
      workload: {
        id: this.target.id,
        kind: workload.kind,
        file: vscode.workspace.asRelativePath(vscode.Uri.parse(this.target.uri), false),
        uri: this.target.uri,
        line: workload.line,
      },
      overrides: this.overrides,
      ...figures,
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
      void vscode.window.showWarningMessage(EDITOR_TEXT.usageOutsideFolder);
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
        void vscode.window.showWarningMessage(notificationText(EDITOR_TEXT.trafficNotSaved(this.target.id, where, read.refused)));
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
      void vscode.window.showWarningMessage(notificationText(EDITOR_TEXT.trafficNotSaved(this.target.id, where, saved.refused)));
      return;
    }
    if (open) {
      const span = changedSpan(text, saved.text);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(span.start), open.positionAt(span.end)), span.newText);
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage(notificationText(EDITOR_TEXT.usageChangedMeanwhile(where)));
        return;
      }
    } else {
      await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(saved.text));
    }
    this.log.info(`Saved the traffic of ${this.target.id} to ${where}.`);
    // The usage file now holds the traffic: the edits that went into it are no longer overrides.
    const { requestsPerMonth: _r, durationMs: _d, region: _g, ...rest } = this.overrides;
    this.overrides = rest;
    void vscode.window.showInformationMessage(notificationText(EDITOR_TEXT.trafficSaved(this.target.id, where, open !== undefined)));
  }

  dispose(): void {
    this.posts++; // figures still being computed for the closed view are dropped when they come
    for (const d of this.disposables) d.dispose();
  }
}
