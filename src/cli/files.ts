/** Which files `crossover check` looks at: the paths given, and candidate files inside folders given. */
import { accessSync, constants, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isPythonFile, isScriptFile } from '../core/parse/cdk/detect.js';
import { extname, join, resolve } from 'node:path';

/** Folders that hold build output, dependencies or tool state, never templates a person edits. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.serverless', '.venv', 'venv', 'site-packages', '__pycache__']);
export const CANDIDATE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.template']);

/** A path named on the command line that does not exist or cannot be read: bad usage, exit code 2. */
export class UnreadablePathError extends Error {}

export function isCandidate(name: string): boolean {
  // TypeScript / JavaScript / Python: serverless.ts and CDK apps (the engine drops other scripts after a text test).
  return CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase()) || isScriptFile(name) || isPythonFile(name);
}

/**
 * Absolute paths of the files to analyse, sorted so output is stable across file systems. A file named
 * explicitly is always included, whatever its extension (the user asked for it); inside folders only
 * candidate extensions are. Symbolic links to folders met while walking are not followed: that rules out
 * loops and the same template reported twice under two names.
 */
export function collectFiles(paths: readonly string[], cwd: string, synthesized?: Set<string>): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    const stats = statOrThrow(path, given);
    if (stats.isDirectory()) walk(path, files, readFolderOrThrow(path, given), synthesized);
    else {
      readableOrThrow(path, given);
      files.add(path);
    }
  }
  return [...files].sort();
}

/**
 * `synthesized`: collects the templates of cdk.out folders met on the way (and of their nested assemblies),
 * which are not analysed as files of their own but mapped to the CDK sources (see check.ts).
 */
function walk(root: string, files: Set<string>, rootEntries: Dirent[], synthesized?: Set<string>): void {
  const stack: { folder: string; entries: Dirent[] | undefined }[] = [{ folder: root, entries: rootEntries }];
  while (stack.length) {
    const { folder, entries } = stack.pop()!;
    for (const entry of entries ?? readFolder(folder)) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'cdk.out' && synthesized) synthesizedTemplates(full, synthesized);
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push({ folder: full, entries: undefined });
      } else if (isCandidate(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && linksToFile(full)))) {
        files.add(full);
      }
    }
  }
}

/** `cdk.out/*.template.json` and `cdk.out/<assembly>/*.template.json`. */
function synthesizedTemplates(folder: string, out: Set<string>): void {
  for (const entry of readFolder(folder)) {
    const full = join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith('.template.json')) out.add(full);
    else if (entry.isDirectory()) for (const inner of readFolder(full)) if (inner.isFile() && inner.name.endsWith('.template.json')) out.add(join(full, inner.name));
  }
}

/** A sub-folder that cannot be listed is passed over, as `find` does; only named paths are fatal. */
function readFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function linksToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link is not a file to read
  }
}

function statOrThrow(path: string, given: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new UnreadablePathError(`Cannot read ${given}: ${describe(error)}`);
  }
}

function readFolderOrThrow(path: string, given: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch (error) {
    throw new UnreadablePathError(`Cannot read the folder ${given}: ${describe(error)}`);
  }
}

function readableOrThrow(path: string, given: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new UnreadablePathError(`Cannot read ${given}: ${describe(error)}`);
  }
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? String(error);
}
