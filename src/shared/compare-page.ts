/**
 * The comparison view's HTML page: a strict Content-Security-Policy (only our script, by nonce; our styles;
 * nothing remote, no inline handlers) and styles that use the VS Code theme's CSS variables only. Shared by
 * the extension's panel and the plain-Chromium rendering test, so both load exactly the same page.
 */
import { VIEW_LABELS } from '../core/browser.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page. `script`: the view's bundle, written into the page so that it starts without a fetch (in the browser editor
 * a page made anew could wait for its script for ever); `scriptUri`: where to load it from instead (and when `script`
 * cannot be written inline).
 */
export function comparePage(options: { nonce: string; cspSource: string; scriptUri: string; script?: string; head?: string; loading?: string }): string {
  const { nonce, cspSource, scriptUri } = options;
  const inline = options.script !== undefined && inlineable(options.script);
  const csp = [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare</title>
<style nonce="${nonce}">${STYLES}</style>
${options.head ?? ''}
</head>
<body>
<p>${escapeHtml(options.loading ?? VIEW_LABELS.loadingComparison)}</p>
${inline ? `<script nonce="${nonce}">${options.script}</script>` : `<script nonce="${nonce}" src="${scriptUri}"></script>`}
</body>
</html>`;
}

/** A script can sit inside <script> when nothing in it would end or change the element (the minified bundle has none). */
export function inlineable(script: string): boolean {
  return !/<\/script|<!--|<script/i.test(script);
}

/** Theme colours only (the VS Code CSS variables), so light, dark and high-contrast themes all work. */
export const STYLES = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 clamp(8px, 3vw, 20px) 24px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 20px 0 8px; }
h1, h2, p, li, a, caption, th, td, label, vscode-label { overflow-wrap: anywhere; }
a { color: var(--vscode-textLink-foreground); }
a:focus-visible, :focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.where { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
.summary { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: baseline; }
.figure { display: flex; flex-direction: column; padding: 8px 16px; border-left: 4px solid; min-width: 0; }
.figure.lambda { border-color: var(--vscode-charts-orange); }
.figure.fargate { border-color: var(--vscode-charts-blue); }
.figure.more-0 { border-color: var(--vscode-charts-green); }
.figure.more-1 { border-color: var(--vscode-charts-purple); }
.figure.more-2 { border-color: var(--vscode-charts-yellow); }
.figure.more-3 { border-color: var(--vscode-charts-red); }
.figure .label { color: var(--vscode-descriptionForeground); }
.figure .amount { font-size: 1.8em; font-weight: 600; }
.verdict { flex-basis: 100%; margin: 4px 0 0; }
.chart { position: relative; height: 320px; margin: 16px 0; min-width: 0; }
.breakdowns { display: flex; flex-wrap: wrap; gap: 16px 32px; }
.breakdowns table { flex: 1 1 260px; max-width: 100%; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
th { text-align: left; font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; }
.grid { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 320px) minmax(0, max-content); gap: 8px 16px; align-items: center; }
.grid vscode-textfield, .grid vscode-single-select { width: 100%; min-width: 0; }
.edited { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; min-height: 1em; }
.differs { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); font-size: 0.9em; }
.differs::before { content: '● '; }
.edited vscode-button { font-size: 0.9em; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.sort { background: none; border: none; color: inherit; font: inherit; font-weight: 600; cursor: pointer; padding: 0; text-align: inherit; }
td.text { text-align: left; }
#summary-table { width: 100%; }
.notes ul { padding-left: 18px; color: var(--vscode-descriptionForeground); }
.checklist { padding-left: 24px; }
.checklist li { margin: 6px 0; }
.lean { display: inline-block; min-width: 80px; padding: 0 6px; border-radius: 2px; text-align: center; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.lean-lambda { background: var(--vscode-charts-orange); color: var(--vscode-editor-background); }
.lean-containers { background: var(--vscode-charts-blue); color: var(--vscode-editor-background); }
.source { color: var(--vscode-descriptionForeground); }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; max-width: 100%; box-sizing: border-box; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
/* Beside an editor (half a window) and narrower: one column of fields, labels above them. */
@media (max-width: 640px) {
  .grid { grid-template-columns: minmax(0, 1fr); gap: 2px; }
  .grid > vscode-label { margin-top: 8px; }
  .grid > .label-cell, .grid > .edited:empty { display: none; }
  .grid > vscode-checkbox { margin-top: 6px; }
  .figure { padding: 4px 10px; }
  .figure .amount { font-size: 1.4em; }
}
/* The summary: below 900px each row is a card with every column named (the sort buttons wrap above). */
@media (max-width: 900px) {
  #summary-table, #summary-table tbody, #summary-table tr, #summary-table td { display: block; width: auto; }
  #summary-table thead tr { display: flex; flex-wrap: wrap; gap: 4px 16px; padding-bottom: 6px; }
  #summary-table thead th { border: none; padding: 0; }
  #summary-table tbody tr { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 6px 8px; margin: 8px 0; }
  #summary-table td { display: flex; justify-content: space-between; gap: 12px; border: none; padding: 1px 0; text-align: right; }
  #summary-table td::before { content: attr(data-label); color: var(--vscode-descriptionForeground); text-align: left; flex: none; }
  #summary-table td > * { min-width: 0; }
}
`;
