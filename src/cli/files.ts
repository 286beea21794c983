/** Which files `crossover check` looks at: the paths given, and candidate files inside folders given. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Folders that hold build output, dependencies or tool state, never templates a person edits. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.serverless']);
export const CANDIDATE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.template']);

export class UnreadablePathError extends Error {}

/**
 * Files to analyse, sorted. A file named explicitly is always included (whatever its extension);
 * inside folders only candidate extensions are. Symbolic links to folders are not followed (no loops).
 */
export function collectFiles(paths: string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new UnreadablePathError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error)}`);
    }
    if (stats.isDirectory()) walk(path, files);
    else files.add(path);
  }
  return [...files].sort();
}

function walk(folder: string, files: Set<string>): void {
  const stack = [folder];
  while (stack.length) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // an unreadable sub-folder is skipped, like `find` does
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && CANDIDATE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        files.add(full);
      }
    }
  }
}
