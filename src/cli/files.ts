/** Which files `crossover check` looks at: the paths given, and candidate files inside folders given. */
import { accessSync, constants, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isCandidateFile, SKIPPED_FOLDER_NAMES } from '../core/index.js';
import { dirname, join, relative, resolve } from 'node:path';
import { isInside } from '../node/inside.js';
import { type ReadRoot } from '../node/file-reader.js';

/** Folders that hold build output, dependencies or tool state, never templates a person edits. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(SKIPPED_FOLDER_NAMES);

/** A path named on the command line that does not exist or cannot be read: bad usage, exit code 2. */
export class UnreadablePathError extends Error {}

/** A file some input format reads (src/core/formats.ts); scripts that are not CDK apps are dropped by a text test. */
export function isCandidate(name: string): boolean {
  return isCandidateFile(name);
}

/**
 * A file to analyse. `root`: the folder the files it refers to must be in (`${file()}`, a CDK app's imports):
 * the folder given, or for a file given, its own folder (so the answer does not depend on where crossover
 * runs). `named`: given on the command line, and read as given (the user asked for it, links included);
 * files found in a folder are read only when their real path is inside it.
 */
export interface Target {
  file: string;
  root: ReadRoot;
  named: boolean;
}

export interface Collected {
  /** Sorted by path, so output is stable across file systems. */
  targets: Target[];
  /** Templates of cdk.out folders met on the way (and of their nested assemblies): mapped to the CDK sources (see check.ts). */
  synthesized: Target[];
  /** Symbolic links met while walking that lead outside the folder walked: not read. */
  outside: { file: string; reason: string }[];
}

export const rootOfFolder = (folder: string): ReadRoot => ({ folder, label: 'the folder given' });
export const rootOfFile = (file: string): ReadRoot => ({ folder: dirname(file), label: 'the folder of the file given' });

/**
 * The files to analyse. A file named explicitly is always included, whatever its extension (the user asked
 * for it); inside folders only candidate extensions are. Symbolic links to folders met while walking are not
 * followed: that rules out loops and the same template reported twice under two names. A link to a file is
 * followed when its real path is inside the folder given, and only once per file (a link to a template the
 * walk reads anyway adds nothing); a link that leads out of the folder is listed in `outside`, never read.
 */
export function collectFiles(paths: readonly string[], cwd: string): Collected {
  const targets = new Map<string, Target>();
  const synthesized = new Map<string, Target>();
  const outside: Collected['outside'] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const stats = statOrThrow(path, given);
    if (stats.isDirectory()) {
      const root = rootOfFolder(path);
      const found = walk(path, readFolderOrThrow(path, given));
      for (const file of found.files) if (!targets.has(file)) targets.set(file, { file, root, named: false });
      for (const file of found.synthesized) if (!synthesized.has(file)) synthesized.set(file, { file, root, named: false });
      outside.push(...found.outside);
    } else {
      readableOrThrow(path, given);
      targets.set(path, { file: path, root: rootOfFile(path), named: true });
    }
  }
  const sorted = (map: Map<string, Target>) => [...map.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { targets: sorted(targets), synthesized: sorted(synthesized), outside: outside.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

function walk(root: string, rootEntries: Dirent[]): { files: string[]; synthesized: Set<string>; outside: Collected['outside'] } {
  const files: string[] = [];
  const synthesized = new Set<string>();
  const links: string[] = [];
  const stack: { folder: string; entries: Dirent[] | undefined }[] = [{ folder: root, entries: rootEntries }];
  while (stack.length) {
    const { folder, entries } = stack.pop()!;
    for (const entry of entries ?? readFolder(folder)) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'cdk.out') synthesizedTemplates(full, synthesized);
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push({ folder: full, entries: undefined });
      } else if (isCandidate(entry.name)) {
        if (entry.isFile()) files.push(full);
        else if (entry.isSymbolicLink()) links.push(full);
      }
    }
  }
  const { inside, outside } = sortLinks(root, files, links.sort());
  return { files: [...files, ...inside], synthesized, outside };
}

/**
 * Links to files inside the folder (by real path) that are not another name for a file already found, and
 * links that lead out of the folder (not read, not even looked at: only their real path is resolved). Plain
 * files found by the walk are below the folder through real folders only (links to folders are not
 * followed), so their real path is the folder's real path joined with the rest.
 */
function sortLinks(root: string, files: readonly string[], links: readonly string[]): { inside: string[]; outside: Collected['outside'] } {
  const realRoot = links.length ? realPath(root) : undefined;
  if (realRoot === undefined) return { inside: [], outside: [] };
  const seen = new Set(files.map((file) => join(realRoot, relative(root, file))));
  const inside: string[] = [];
  const outside: Collected['outside'] = [];
  for (const link of links) {
    const real = realPath(link);
    if (real === undefined) continue; // a dangling link is not a file to read
    if (!isInside(realRoot, real)) outside.push({ file: link, reason: `it links to ${real}, outside the folder given (${root})` });
    else if (!seen.has(real) && isFile(real)) {
      seen.add(real);
      inside.push(link);
    }
  }
  return { inside, outside };
}

/** `cdk.out/*.template.json` and `cdk.out/<assembly>/*.template.json` (plain files: links are not followed). */
function synthesizedTemplates(folder: string, out: Set<string>): void {
  for (const entry of readFolder(folder)) {
    const full = join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith('.template.json')) out.add(full);
    else if (entry.isDirectory())
      for (const inner of readFolder(full)) if (inner.isFile() && inner.name.endsWith('.template.json')) out.add(join(full, inner.name));
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

/** The real path (links followed), or undefined for a dangling link or a path that cannot be resolved. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
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
