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

/** What a view keeps across being hidden, moved or maximized (its webview is then made anew): its last figures. */
type SummaryState = { summary: { rows: SummaryRow[]; freeTierCreditUsd: number } };
type SavedState = CompareViewState | SummaryState;

interface VsCodeApi {
  postMessage(message: FromView): void;
  setState(state: SavedState): void;
  getState(): SavedState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** The fields a person types or clicks in: kept as they are through a redraw while they have the focus. */
const FIELDS = new Set(['VSCODE-TEXTFIELD', 'VSCODE-SINGLE-SELECT', 'VSCODE-CHECKBOX']);

/**
 * Focuses the element with this id once it has drawn itself (a custom element made a moment ago has nothing
 * focusable inside yet, so an immediate focus() would leave the focus on the page).
 */
function refocus(id: string): void {
  const target = document.getElementById(id) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  if (!target) return;
  target.focus();
  if (document.activeElement !== target && target.updateComplete) void target.updateComplete.then(() => target.isConnected && target.focus());
}

function show(state: CompareViewState): void {
  const active = document.activeElement as HTMLElement | null;
  const focused = active?.id;
  const view = render(state, (message) => vscode.postMessage(message));
  // The field being typed in stays the same element (its text, caret and focus), so new figures arriving while
  // the user types, or a click into the field, never take the keys away from it.
  const kept = active && focused && FIELDS.has(active.tagName) ? active : undefined;
  const slot = kept ? view.querySelector(`#${CSS.escape(focused!)}`) : null;
  // Its caret too: focusing the element itself would select all its text, so the next key would replace it.
  const inner = kept?.shadowRoot?.querySelector('input');
  const caret = inner ? ([inner.selectionStart, inner.selectionEnd] as const) : undefined;
  if (kept && slot) slot.replaceWith(kept);
  document.body.replaceChildren(view);
  const canvas = document.getElementById('chart') as HTMLCanvasElement | null;
  if (canvas) drawChart(canvas, state);
  // Keyboard users keep their place across a redraw.
  if (kept && slot) {
    (inner ?? kept).focus();
    if (inner && caret && caret[0] !== null && caret[1] !== null) inner.setSelectionRange(caret[0], caret[1]);
  } else if (focused) refocus(focused);
  vscode.setState(state);
  current = state;
}

let sort: SortState = { key: 'lambdaUsd', descending: true };
function showSummary(rows: SummaryRow[], freeTierCreditUsd = 0): void {
  const focused = document.activeElement?.id;
  // Kept, so the summary shows its rows at once when its webview is made anew (hidden, moved, maximized).
  vscode.setState({ summary: { rows, freeTierCreditUsd } });
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
  if (focused) refocus(focused);
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
if (saved && 'summary' in saved) showSummary(saved.summary.rows, saved.summary.freeTierCreditUsd);
else if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
