/**
 * (Node hosts.) Reads a local file whole unless it is above a size cap, through one open file handle (the
 * size is the one of the file read, not of a path that may change in between). Opened non-blocking, so a
 * named pipe with a template's name is refused at once instead of holding a thread until a writer comes.
 * Never rejects.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type CappedRead =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-big'; size: number }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

export async function readLocalCapped(fsPath: string, maxBytes: number): Promise<CappedRead> {
  let handle;
  try {
    handle = await open(fsPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: reasonOf(error) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a file' };
    if (stat.size > maxBytes) return { kind: 'too-big', size: stat.size };
    return { kind: 'bytes', bytes: await handle.readFile() };
  } catch (error) {
    return { kind: 'unreadable', reason: reasonOf(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
