/**
 * The workspace summary: every workload once, where it runs and its cost there, the cheapest platform, the saving and
 * the recommendation, sortable in the view; a workload's name opens its comparison (capacity: its declaration).
 */
import { capacitySummary, VIEW_LABELS, workloadSummary } from '../../core/index.js';
import * as vscode from 'vscode';
import { comparable, type SummaryRow, type ToView } from '../../shared/compare-messages.js';
import { type CostService } from '../cost/estimates.js';
import { type Log } from '../log.js';
import { type CompareTarget } from './panel.js';
import { loadPage, openAt, received } from './webview.js';
import { watchPageStart } from '../support/page-start.js';

/** Fills a summary panel and answers its messages until the returned disposable is disposed. */
export function attachSummary(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  costs: CostService,
  log: Log,
  compare: (target: CompareTarget) => void,
): vscode.Disposable {
  const load = () =>
    void loadPage(panel.webview, extensionUri, VIEW_LABELS.loadingSummary).catch((e: unknown) =>
      log.info(`Cost summary: the page was not set (${String(e)}).`),
    );
  load();
  const start = watchPageStart(panel, load, 'Cost summary', log);
  let rows: SummaryRow[] = [];
  const post = () => {
    rows = summaryRows(costs);
    const message: ToView = { type: 'summary', rows, freeTierCreditUsd: costs.total().freeTierCredit };
    void panel.webview.postMessage(message);
  };
  const subscriptions = [
    panel.webview.onDidReceiveMessage(
      log.guard('Cost summary', async (raw: unknown) => {
        const message = received(raw, 'Cost summary', log);
        if (message?.type === 'ready') {
          start.ready();
          post();
        }
        // Only the workloads the summary lists: the view names them, it does not choose others.
        else if (message?.type === 'compare' && rows.some((r) => r.uri === message.uri && r.id === message.id && comparable(r.kind)))
          compare({ uri: message.uri, id: message.id });
        else if (message?.type === 'open' && rows.some((r) => r.uri === message.uri)) await openAt(message.uri, message.line);
        else if (message) log.warnOnce(`Cost summary: ignored a "${message.type}" message for a workload it does not list.`);
      }),
    ),
    costs.onDidChange(log.guard('Cost summary', post)),
    start,
  ];
  return { dispose: () => subscriptions.forEach((d) => d.dispose()) };
}

/**
 * One row per workload of the workspace (a service and the task definition it runs are one row; a task definition no
 * service runs is its own), each with its cost as written, the cheapest platform and the saving: the rows sum to the
 * status bar's total.
 */
function summaryRows(costs: CostService): SummaryRow[] {
  const tasks = new Map(costs.allTaskCosts().map(({ uri, cost }) => [`${uri.toString()}#${cost.node.id}`, cost.task]));
  const functions = new Map(costs.allCosts().map(({ uri, cost }) => [`${uri.toString()}#${cost.fn.id}`, cost.fn]));
  return costs.allCounted().map(({ uri, workload }) => {
    const key = `${uri.toString()}#${workload.id}`;
    const fn = functions.get(key);
    const task = tasks.get(key);
    return {
      id: workload.id,
      kind: workload.kind,
      file: vscode.workspace.asRelativePath(uri, false),
      uri: uri.toString(),
      line: lineOf(costs, uri, workload.id),
      ...(workload.estimate ? workloadSummary(workload.estimate, fn ? { fn } : task ? { task } : {}) : capacitySummary(workload)),
    };
  });
}

/** The line a workload is declared on (0 when not found). */
function lineOf(costs: CostService, uri: vscode.Uri, id: string): number {
  const nodes = [
    ...costs.costsFor(uri).map((c) => c.fn),
    ...costs.taskCostsFor(uri).map((c) => c.node),
    ...costs.serviceCostsFor(uri).map((c) => c.node),
    ...costs.capacityFor(uri).map((c) => c.node),
  ];
  return nodes.find((n) => n.id === id)?.loc.range.start.line ?? 0;
}
