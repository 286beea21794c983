/**
 * (Node hosts: the CLI and the extension.) Reads files a template references (`${file(./config.yml):key}`
 * in serverless.yml, the modules a CDK app imports consts from), relative to it: local files only, data files
 * (or sources, for CDK) only, size-capped, and only inside a root folder (the workspace folder, a folder given
 * to the CLI): a file outside it, as written or through a symbolic link, is refused with the reason, which
 * the template's findings show. Reading is synchronous and small; nothing is ever executed.
 */
import { dirname, resolve } from 'node:path';
import { type FileReader, MAX_REFERENCED_FILE_BYTES, referenceReader } from '../core/index.js';
import { readLocalCappedSync } from './disk.js';
import { isInside } from './inside.js';

/** The folder reads stay in, and how a refusal names it ("the workspace folder", "the folder given"). */
export interface ReadRoot {
  folder: string;
  label: string;
}

/** `fsPath`: the referencing file's path on disk; undefined for documents that are not local files. */
export function fileReaderFor(fsPath: string | undefined, root: ReadRoot): FileReader | undefined {
  if (!fsPath) return undefined;
  const read = referenceReader(fsPath, (relativePath) => {
    const written = resolve(dirname(fsPath), relativePath);
    const bytes = readLocalCappedSync(written, MAX_REFERENCED_FILE_BYTES, root.folder);
    if (bytes.kind === 'outside') return { refused: refusal(written, bytes.path, root) };
    return bytes.kind === 'bytes' ? bytes.bytes : undefined;
  });
  // A path outside the root as written is refused with the reason whatever its name (`/proc/self/status`
  // is no data file either, but the user learns why it is not read).
  return (relativePath) => {
    const written = resolve(dirname(fsPath), relativePath);
    return isInside(resolve(root.folder), written) ? read(relativePath) : { refused: refusal(written, written, root) };
  };
}

/**
 * The reason in a finding: "it is outside the workspace folder", "it is a link that leads outside ...". No
 * absolute paths: `crossover diff` matches findings by message, and both sides must say the same.
 */
function refusal(written: string, found: string, root: ReadRoot): string {
  return `${found === written ? 'it is' : 'it is a link that leads'} outside ${root.label}`;
}

/** The reason a file is skipped (a log line, the CLI's skipped list): "it leads to /etc/x.yml, outside the workspace folder (/w)". */
export function outsideReason(written: string, found: string, root: ReadRoot): string {
  return `${found === written ? 'it is' : `it leads to ${found},`} outside ${root.label} (${root.folder})`;
}
