/** What the comparison view and the summary share on the extension's side: the page, and the checked messages. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { acceptFromView } from '../../shared/compare-checks.js';
import { type FromView } from '../../shared/compare-messages.js';
import { comparePage } from '../../shared/compare-page.js';
import { type Log } from '../log.js';

/** A webview's message, checked (src/shared/compare-checks.ts); undefined, and a line in the log, when refused. */
export function received(raw: unknown, view: string, log: Log): FromView | undefined {
  return acceptFromView(raw, (line) => log.warnOnce(`${view}: ${line}`));
}

/** Opens a file at a line in the first editor group (the views sit beside it). */
export async function openAt(uri: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
}

/** The view's bundle, read once from the extension's own files (undefined when it cannot be read: then it is fetched). */
let bundle: Promise<string | undefined> | undefined;
function viewScript(file: vscode.Uri): Promise<string | undefined> {
  bundle ??= Promise.resolve(vscode.workspace.fs.readFile(file)).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => undefined,
  );
  return bundle;
}

/**
 * Sets the page, with a fresh nonce and the webview's resource origin; `loading`: what it says until the figures come.
 * The script is written into the page: a page that fetched it could stay on its Loading text in the browser editor.
 */
export async function loadPage(webview: vscode.Webview, extensionUri: vscode.Uri, loading?: string): Promise<void> {
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'compare.js');
  const script = await viewScript(file);
  webview.html = comparePage({
    nonce: randomBytes(16).toString('base64'),
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(file).toString(),
    ...(script !== undefined ? { script } : {}),
    ...(loading !== undefined ? { loading } : {}),
  });
}
