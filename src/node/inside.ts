/**
 * (Node hosts.) The one test of "is this path inside that folder" that every read of a workspace file goes
 * through (disk.ts, the CLI's folder walk). It compares paths as they are given: callers pass real paths
 * (symlinks resolved, `..` gone) for both, so a link or a `../` cannot lead out of the folder unnoticed.
 */
import { posix, win32 } from 'node:path';

/**
 * `path` is `root` itself or below it. Based on `path.relative`, so `/work/app2` is not inside `/work/app`
 * and trailing separators do not matter; on Windows the comparison ignores case (as `path.win32.relative`
 * does) and a path on another drive is outside.
 */
export function isInside(root: string, path: string, platform: NodeJS.Platform = process.platform): boolean {
  const paths = platform === 'win32' ? win32 : posix;
  const rel = paths.relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + paths.sep) && !paths.isAbsolute(rel));
}
