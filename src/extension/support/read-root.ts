/**
 * The folder the editor's reads of a local file stay in: its workspace folder, or for a file outside every
 * workspace folder, its own folder (not the folders above it). Templates, the files a serverless.yml refers
 * to and the modules a CDK app imports consts from are read only when their real path is inside it.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { type ReadRoot } from '../../node/file-reader.js';

export function readRootOf(uri: vscode.Uri): ReadRoot {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder?.uri.scheme === 'file') return { folder: folder.uri.fsPath, label: 'the workspace folder' };
  return { folder: dirname(uri.fsPath), label: "the file's own folder (it is in no workspace folder)" };
}
