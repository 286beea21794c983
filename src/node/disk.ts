/**
 * (Node hosts: the CLI and the extension.) Reads a local file whole unless it is above a size cap, through one
 * open file handle (the size is the one of the file read, not of a path that may change in between). Opened
 * non-blocking, so a named pipe with a template's name is refused at once instead of holding a thread until a
 * writer comes. Never throws or rejects. The editor's scan reads asynchronously; the CLI and referenced files
 * synchronously.
 *
 * `within`: a folder the read must stay in (the workspace folder, a folder given to the CLI). A path outside
 * it as written (absolute, `../`) is refused without touching the file system (no stat of /proc, no
 * network share reached on Windows); then the file's real path (symbolic links followed) must be inside the
 * folder's real path, else it is not opened ('outside'). Between that check and the open a link could be
 * swapped in: the real path is opened without following a final link, and the file opened is compared with
 * the path checked (device and inode; on Linux also the path the kernel reports for the open handle), so a
 * swap is caught and the bytes are not returned.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { open, readlink, realpath, stat as statAsync } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside } from './inside.js';

export type CappedRead<Bytes extends Uint8Array = Uint8Array> =
  | { kind: 'bytes'; bytes: Bytes }
  | { kind: 'too-big'; size: number }
  | { kind: 'missing' }
  /** `code`: the system error code when there is one (EACCES, EISDIR, ...). */
  | { kind: 'unreadable'; reason: string; code?: string }
  /** Not read: outside the folder the read had to stay in. `path`: as written, or the real one a link led to. */
  | { kind: 'outside'; path: string };

type Refused = Exclude<CappedRead, { kind: 'bytes' }>;

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** For a path already resolved: a link put in its place afterwards is not followed (no such flag on Windows). */
const CHECKED_FLAGS = FLAGS | (constants.O_NOFOLLOW ?? 0);
/** Where Linux shows the path of an open file descriptor. */
const FD_PATHS = process.platform === 'linux' ? '/proc/self/fd/' : undefined;

export async function readLocalCapped(fsPath: string, maxBytes: number, within?: string): Promise<CappedRead<Buffer>> {
  let checked: Checked | undefined;
  if (within !== undefined) {
    if (!isInside(resolve(within), resolve(fsPath))) return { kind: 'outside', path: resolve(fsPath) };
    let found: Checked | Refused;
    try {
      found = inside(await realpath(within), await realpath(fsPath));
    } catch (error) {
      return failure(error);
    }
    if ('kind' in found) return found;
    checked = found;
  }
  let handle;
  try {
    handle = await open(checked ? checked.target : fsPath, checked ? CHECKED_FLAGS : FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const opened = await handle.stat({ bigint: true });
    if (checked) {
      const fdPath = FD_PATHS ? await readlink(FD_PATHS + handle.fd).catch(() => undefined) : undefined;
      const swapped = replaced(checked, opened, await statAsync(checked.target, { bigint: true }), fdPath);
      if (swapped) return swapped;
    }
    return refusal(opened, maxBytes) ?? { kind: 'bytes', bytes: await handle.readFile() };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function readLocalCappedSync(fsPath: string, maxBytes: number, within?: string): CappedRead<Buffer> {
  let checked: Checked | undefined;
  if (within !== undefined) {
    if (!isInside(resolve(within), resolve(fsPath))) return { kind: 'outside', path: resolve(fsPath) };
    let found: Checked | Refused;
    try {
      found = inside(realpathSync.native(within), realpathSync.native(fsPath));
    } catch (error) {
      return failure(error);
    }
    if ('kind' in found) return found;
    checked = found;
  }
  let fd: number;
  try {
    fd = openSync(checked ? checked.target : fsPath, checked ? CHECKED_FLAGS : FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const opened = fstatSync(fd, { bigint: true });
    if (checked) {
      const swapped = replaced(checked, opened, statSync(checked.target, { bigint: true }), fdPathSync(fd));
      if (swapped) return swapped;
    }
    return refusal(opened, maxBytes) ?? { kind: 'bytes', bytes: readFileSync(fd) };
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

/** A path found inside the folder: both real. */
interface Checked {
  root: string;
  target: string;
}

function inside(root: string, target: string): Checked | Refused {
  return isInside(root, target) ? { root, target } : { kind: 'outside', path: target };
}

/**
 * The file opened is not the one checked: the path the kernel reports for the handle is outside the folder,
 * or the checked path now names another file (a folder on the way was swapped for a link, and back).
 */
function replaced(checked: Checked, opened: BigIntStats, atPath: BigIntStats, fdPath: string | undefined): Refused | undefined {
  if (fdPath?.startsWith('/') && !isInside(checked.root, fdPath.replace(/ \(deleted\)$/, ''))) return { kind: 'outside', path: fdPath };
  if (opened.dev !== atPath.dev || opened.ino !== atPath.ino) return { kind: 'unreadable', reason: 'it was replaced while it was being read' };
  return undefined;
}

function fdPathSync(fd: number): string | undefined {
  if (!FD_PATHS) return undefined;
  try {
    return readlinkSync(FD_PATHS + fd);
  } catch {
    return undefined; // no /proc (a sandbox): the device and inode test still holds
  }
}

/** Why a file is not read (not a regular file, above the cap), the same for both; undefined: read it. */
function refusal(stat: BigIntStats, maxBytes: number): Refused | undefined {
  if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a file' };
  if (Number(stat.size) > maxBytes) return { kind: 'too-big', size: Number(stat.size) };
  return undefined;
}

function failure(error: unknown): Refused {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { kind: 'missing' };
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) };
}
