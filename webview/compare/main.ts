/**
 * The comparison view's entry point in the webview: receives the state, renders it, draws the chart, sends
 * the user's edits back. The state is kept with setState so the view comes back after a window reload.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { type FromView, type ToView, type CompareViewState, type SummaryRow } from '../../src/shared/compare-messages.js';
import { drawChart } from './chart.js';
import { render } from './render.js';
import { renderSummary, type SortState } from './summary.js';

interface VsCodeApi {
  postMessage(message: FromView): void;
  setState(state: CompareViewState): void;
  getState(): CompareViewState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function show(state: CompareViewState): void {
  const focused = document.activeElement?.id;
  const view = render(state, (message) => vscode.postMessage(message));
  document.body.replaceChildren(view);
  const canvas = document.getElementById('chart') as HTMLCanvasElement | null;
  if (canvas) drawChart(canvas, state);
  // Keyboard users keep their place across a redraw.
  if (focused) document.getElementById(focused)?.focus();
  vscode.setState(state);
  current = state;
}

let sort: SortState = { key: 'lambdaUsd', descending: true };
function showSummary(rows: SummaryRow[], freeTierCreditUsd = 0): void {
  const focused = document.activeElement?.id;
  document.body.replaceChildren(
    renderSummary(
      rows,
      sort,
      (next) => {
        sort = next;
        showSummary(rows, freeTierCreditUsd);
      },
      (message) => vscode.postMessage(message),
      freeTierCreditUsd,
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  if (event.data?.type === 'state') show(event.data.state);
  if (event.data?.type === 'summary') showSummary(event.data.rows, event.data.freeTierCreditUsd ?? 0);
});

// A theme change restyles everything through CSS variables, except the chart's canvas: redraw it.
let current: CompareViewState | undefined;
new MutationObserver(() => {
  const canvas = document.getElementById('chart') as HTMLCanvasElement | null;
  if (canvas && current) drawChart(canvas, current);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const saved = vscode.getState();
if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
