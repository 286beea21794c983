/**
 * The workspace summary: every workload once, where it runs and its cost there, the cheapest platform, the saving and
 * the recommendation, sortable in the view; a workload's name opens its comparison (capacity: its declaration).
 */
import { VIEW_LABELS } from '../../core/index.js';
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
  // Each change posts again; a post overtaken by a newer one while its figures were computed is dropped.
  let posts = 0;
  const post = async () => {
    const n = ++posts;
    const counted = await costs.summaryCounted();
    const total = await costs.totalInSlices();
    if (n !== posts) return;
    rows = counted.map(({ uri, workload }) => ({
      id: workload.id,
      kind: workload.kind,
      file: vscode.workspace.asRelativePath(uri, false),
      uri: uri.toString(),
      line: workload.line,
      ...workload.summary,
    }));
    const message: ToView = { type: 'summary', rows, freeTierCreditUsd: total.freeTierCredit };
    void panel.webview.postMessage(message);
  };
  const subscriptions = [
    panel.webview.onDidReceiveMessage(
      log.guard('Cost summary', async (raw: unknown) => {
        const message = received(raw, 'Cost summary', log);
        if (message?.type === 'ready') {
          start.ready();
          await post();
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
