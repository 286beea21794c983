/**
 * Reads a workspace file unless it is above a size cap. Local files (the `file` scheme, also in a remote
 * extension host, where they are local to it) are read with Node directly: through `workspace.fs` each call
 * is a round trip to the window, about 15 ms per file in a browser-hosted editor. Other schemes (virtual
 * workspaces) go through `workspace.fs`. Never rejects. A local file whose real path is outside its workspace
 * folder (a link to a file elsewhere: `workspace.findFiles` follows links) is not read: 'outside'.
 */
import * as vscode from 'vscode';
import { type CappedRead, readLocalCapped } from '../../node/disk.js';
import { readRootOf } from './read-root.js';

export async function readCapped(uri: vscode.Uri, maxBytes: number): Promise<CappedRead> {
  if (uri.scheme === 'file') return readLocalCapped(uri.fsPath, maxBytes, readRootOf(uri).folder);
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch {
    return { kind: 'missing' };
  }
  if (size > maxBytes) return { kind: 'too-big', size };
  try {
    return { kind: 'bytes', bytes: await vscode.workspace.fs.readFile(uri) };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
