/**
 * The workspace summary: every Lambda function, task definition and service with its typical figures and the
 * recommendation, sortable in the view; a workload's name opens its comparison.
 */
import { VIEW_LABELS, type WorkloadEstimate, workloadSummary } from '../../core/index.js';
import * as vscode from 'vscode';
import { type SummaryRow, type ToView, type WorkloadKind } from '../../shared/compare-messages.js';
import { type CostService } from '../cost/estimates.js';
import { type Log } from '../log.js';
import { type CompareTarget } from './panel.js';
import { html, openAt, received } from './webview.js';

/** Fills a summary panel and answers its messages until the returned disposable is disposed. */
export function attachSummary(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  costs: CostService,
  log: Log,
  compare: (target: CompareTarget) => void,
): vscode.Disposable {
  panel.webview.html = html(panel.webview, extensionUri, VIEW_LABELS.loadingSummary);
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
        if (message?.type === 'ready') post();
        // Only the workloads the summary lists: the view names them, it does not choose others.
        else if (message?.type === 'compare' && rows.some((r) => r.uri === message.uri && r.id === message.id)) compare({ uri: message.uri, id: message.id });
        else if (message?.type === 'open' && rows.some((r) => r.uri === message.uri)) await openAt(message.uri, message.line);
        else if (message) log.warnOnce(`Cost summary: ignored a "${message.type}" message for a workload it does not list.`);
      }),
    ),
    costs.onDidChange(log.guard('Cost summary', post)),
  ];
  return { dispose: () => subscriptions.forEach((d) => d.dispose()) };
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
