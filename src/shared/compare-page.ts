/**
 * The comparison view's HTML page: a strict Content-Security-Policy (only our script, by nonce; our styles;
 * nothing remote, no inline handlers) and styles that use the VS Code theme's CSS variables only. Shared by
 * the extension's panel and the plain-Chromium rendering test, so both load exactly the same page.
 */
export function comparePage(options: { nonce: string; cspSource: string; scriptUri: string; head?: string }): string {
  const { nonce, cspSource, scriptUri } = options;
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
<p>Loading the comparison…</p>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** Theme colours only (the VS Code CSS variables), so light, dark and high-contrast themes all work. */
export const STYLES = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 24px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 20px 0 8px; }
a { color: var(--vscode-textLink-foreground); }
a:focus-visible, :focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.where { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: baseline; }
.figure { display: flex; flex-direction: column; padding: 8px 16px; border-left: 4px solid; }
.figure.lambda { border-color: var(--vscode-charts-orange); }
.figure.fargate { border-color: var(--vscode-charts-blue); }
.figure .label { color: var(--vscode-descriptionForeground); }
.figure .amount { font-size: 1.8em; font-weight: 600; }
.verdict { flex-basis: 100%; margin: 4px 0 0; }
.chart { position: relative; height: 320px; margin: 16px 0; }
.breakdowns { display: flex; flex-wrap: wrap; gap: 32px; }
table { border-collapse: collapse; min-width: 260px; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
th { text-align: left; font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; }
.grid { display: grid; grid-template-columns: max-content minmax(180px, 320px); gap: 8px 16px; align-items: center; }
.actions { display: flex; gap: 8px; margin-top: 12px; }
.sort { background: none; border: none; color: inherit; font: inherit; font-weight: 600; cursor: pointer; padding: 0; }
td.text { text-align: left; }
#summary-table { width: 100%; }
.notes ul { padding-left: 18px; color: var(--vscode-descriptionForeground); }
.checklist li { margin: 6px 0; }
.lean { display: inline-block; min-width: 80px; padding: 0 6px; border-radius: 2px; text-align: center; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.lean-lambda { background: var(--vscode-charts-orange); color: var(--vscode-editor-background); }
.lean-containers { background: var(--vscode-charts-blue); color: var(--vscode-editor-background); }
.source { color: var(--vscode-descriptionForeground); }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow: auto; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
`;
