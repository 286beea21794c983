/**
 * (Node hosts.) Reads a local file whole unless it is above a size cap, through one open file handle (the
 * size is the one of the file read, not of a path that may change in between). Opened non-blocking, so a
 * named pipe with a template's name is refused at once instead of holding a thread until a writer comes.
 * Never throws or rejects. The editor's scan reads asynchronously; the CLI and referenced files synchronously.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export type CappedRead<Bytes extends Uint8Array = Uint8Array> =
  | { kind: 'bytes'; bytes: Bytes }
  | { kind: 'too-big'; size: number }
  | { kind: 'missing' }
  /** `code`: the system error code when there is one (EACCES, EISDIR, ...). */
  | { kind: 'unreadable'; reason: string; code?: string };

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readLocalCapped(fsPath: string, maxBytes: number): Promise<CappedRead<Buffer>> {
  let handle;
  try {
    handle = await open(fsPath, FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    return refusal(await handle.stat(), maxBytes) ?? { kind: 'bytes', bytes: await handle.readFile() };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function readLocalCappedSync(fsPath: string, maxBytes: number): CappedRead<Buffer> {
  let fd: number;
  try {
    fd = openSync(fsPath, FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    return refusal(fstatSync(fd), maxBytes) ?? { kind: 'bytes', bytes: readFileSync(fd) };
  } catch (error) {
    return failure(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // already closed or never usable: nothing to release
    }
  }
}

/** Why a file is not read (not a regular file, above the cap), the same for both; undefined: read it. */
function refusal(stat: Stats, maxBytes: number): Exclude<CappedRead, { kind: 'bytes' }> | undefined {
  if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a file' };
  if (stat.size > maxBytes) return { kind: 'too-big', size: stat.size };
  return undefined;
}

function failure(error: unknown): Exclude<CappedRead, { kind: 'bytes' }> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { kind: 'missing' };
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) };
}
