/**
 * (Node hosts: the CLI and the extension.) Reads files a template references (`${file(./config.yml):key}`
 * in serverless.yml), relative to it: local files only, data files only, size-capped. Reading is
 * synchronous and small; nothing is ever executed.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeBytes } from '../core/parse/document/load.js';
import { MAX_REFERENCED_FILE_BYTES, readableReference, readableSource } from '../core/parse/serverless/file-reader.js';

/** `fsPath`: the referencing file's path on disk; undefined for documents that are not local files. */
/** `sources`: also TypeScript / JavaScript sources (for a CDK app's imported consts). */
export function fileReaderFor(fsPath: string | undefined, sources = /\.([cm]?[jt]s|py)$/i.test(fsPath ?? '')): ((relativePath: string) => string | undefined) | undefined {
  if (!fsPath) return undefined;
  return (relativePath) => {
    if (!readableReference(relativePath) && !(sources && readableSource(relativePath))) return undefined;
    try {
      const target = resolve(dirname(fsPath), relativePath);
      if (statSync(target).size > MAX_REFERENCED_FILE_BYTES) return undefined;
      const decoded = decodeBytes(readFileSync(target));
      return decoded.kind === 'text' ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  };
}
