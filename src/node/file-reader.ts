/**
 * (Node hosts: the CLI and the extension.) Reads files a template references (`${file(./config.yml):key}`
 * in serverless.yml), relative to it: local files only, data files only, size-capped. Reading is
 * synchronous and small; nothing is ever executed.
 */
import { dirname, resolve } from 'node:path';
import { MAX_REFERENCED_FILE_BYTES, referenceReader } from '../core/parse/serverless/file-reader.js';
import { readLocalCappedSync } from './disk.js';

/** `fsPath`: the referencing file's path on disk; undefined for documents that are not local files. */
export function fileReaderFor(fsPath: string | undefined): ((relativePath: string) => string | undefined) | undefined {
  if (!fsPath) return undefined;
  return referenceReader(fsPath, (relativePath) => {
    const read = readLocalCappedSync(resolve(dirname(fsPath), relativePath), MAX_REFERENCED_FILE_BYTES);
    return read.kind === 'bytes' ? read.bytes : undefined;
  });
}
