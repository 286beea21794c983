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

/** The page, with a fresh nonce and the webview's resource origin; `loading`: what it says until the figures come. */
export function html(webview: vscode.Webview, extensionUri: vscode.Uri, loading?: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'compare.js'));
  return comparePage({
    nonce: randomBytes(16).toString('base64'),
    cspSource: webview.cspSource,
    scriptUri: script.toString(),
    ...(loading !== undefined ? { loading } : {}),
  });
}
