/**
 * (Node hosts.) Reads a git revision of the working copy: the files it holds and their bytes, with the
 * read-only plumbing run-git.ts allows, under its guards: git by absolute path from outside the workspace,
 * a fixed environment, no transport (a partial clone's missing object is an error naming the file, never a
 * fetch), so a repository's configuration never makes us run its code.
 */
import { GitError, runGit, type GitOptions } from './run-git.js';

export { GitError, type GitOptions } from './run-git.js';

/**
 * Runs git; a failure is a GitError. `files`: what the command reads, to name the file a partial clone lacks
 * when that is why it failed (a git that ignores GIT_NO_LAZY_FETCH starts a fetch, which may not connect:
 * git gives up, or dies of SIGPIPE writing to the refused fetch).
 */
function git(cwd: string, args: string[], options: GitOptions & { input?: string } = {}, files?: () => readonly GitFile[]): Buffer {
  const result = runGit(cwd, args, options);
  if (result.status === 0) return result.stdout;
  const absent = files && firstLacking(cwd, files(), options);
  if (absent) throw new GitError(missing(absent.path, absent.object));
  throw new GitError(firstLine(result.stderr) || `git ${args[0]} failed (${result.signal ?? `exit status ${result.status}`})`);
}

/** The first of `files` whose content the repository lacks, asked without fetching (rev-list --missing never fetches). */
function firstLacking(cwd: string, files: readonly GitFile[], options: GitOptions): GitFile | undefined {
  if (!files.length) return undefined;
  const args = ['rev-list', '--objects', '--no-walk', '--ignore-missing', '--missing=print', '--stdin'];
  const result = runGit(cwd, args, { ...options, input: files.map((f) => `${f.object}\n`).join('') });
  if (result.status !== 0) return undefined;
  // Objects it has are listed; the ones it lacks, given as starting points, are left out (--ignore-missing).
  const present = new Set(
    result.stdout
      .toString('utf8')
      .split('\n')
      .map((line) => line.split(' ')[0]),
  );
  return files.find((f) => !present.has(f.object));
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/^(fatal|error): /, '');
}

/** A revision name git accepts as such (never an option: it cannot start with "-"). */
export function checkRevision(cwd: string, ref: string, options: GitOptions = {}): string {
  if (ref.startsWith('-') || ref.includes('\u0000')) throw new GitError(`"${ref}" is not a revision`);
  const result = runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], options);
  // --quiet: a revision that does not exist fails without a word; anything else (not a repository) says why.
  if (result.status !== 0) throw new GitError(firstLine(result.stderr) || `"${ref}" is not a commit of this repository`);
  return result.stdout.toString('utf8').trim();
}

function nulList(buffer: Buffer): string[] {
  return buffer
    .toString('utf8')
    .split('\u0000')
    .filter((s) => s.length > 0);
}

interface GitFile {
  path: string;
  /** The blob's object id. */
  object: string;
  size: number;
}

/** Files of a commit under `paths` with their sizes, relative to `cwd` (which must be inside the repository). */
export function filesAt(cwd: string, commit: string, paths: readonly string[], options: GitOptions = {}): GitFile[] {
  return listing(cwd, commit, paths, options, true);
}

/** `ls-tree`, with the sizes (-l) or without (size 0). */
function listing(cwd: string, commit: string, paths: readonly string[], options: GitOptions, sizes: boolean): GitFile[] {
  const out: GitFile[] = [];
  // The sizes need the blobs; the listing without them does not.
  const files = () => listing(cwd, commit, paths, options, false);
  for (const line of nulList(git(cwd, ['ls-tree', '-r', '-z', ...(sizes ? ['-l'] : []), commit, '--', ...paths], options, files))) {
    const match = /^\d+ blob ([0-9a-f]+)(?: +(\d+|BAD))?\t(.*)$/s.exec(line);
    if (!match) continue;
    // "BAD": a partial clone lacks the blob, and git (GIT_NO_LAZY_FETCH) does not fetch it to tell its size.
    if (match[2] === 'BAD') throw new GitError(missing(match[3]!, match[1]!));
    out.push({ path: match[3]!, object: match[1]!, size: Number(match[2] ?? 0) });
  }
  return out;
}

/** Files of the working tree under `paths` that git would see: tracked ones and untracked ones not ignored. */
export function workingFiles(cwd: string, paths: readonly string[], options: GitOptions = {}): string[] {
  return [...new Set(nulList(git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths], options)))];
}

/**
 * A file's bytes at a commit (`path` relative to `cwd`), or undefined when the commit has no such file (nor
 * the repository such a path). Throws a GitError when the commit has the file but the repository not its
 * content (a partial clone).
 */
export function readAt(cwd: string, commit: string, path: string, options: GitOptions = {}): Buffer | undefined {
  // The entry first, from the commit's trees (which even a blob-less clone holds): a file, or nothing (a
  // folder, a submodule). ls-tree takes the path literally (no wildcards).
  const listed = runGit(cwd, ['ls-tree', '-z', commit, '--', path], options);
  if (listed.status !== 0) return undefined;
  const entry = /^\d+ blob ([0-9a-f]+)\t/.exec(nulList(listed.stdout)[0] ?? '');
  return entry ? readAllAt(cwd, [{ path, object: entry[1]!, size: 0 }], options).get(path) : undefined;
}

/**
 * The bytes of many files (as `filesAt` lists them) in one git process, `cat-file --batch` by object id:
 * a repository's templates at a revision without a process per file. Entries that are not files (a folder,
 * a submodule) are left out; a file whose content the repository lacks throws a GitError.
 */
export function readAllAt(cwd: string, files: readonly GitFile[], options: GitOptions = {}): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!files.length) return out;
  const batch = git(cwd, ['cat-file', '--batch'], { ...options, input: files.map((f) => `${f.object}\n`).join('') }, () => files);
  let offset = 0;
  for (const file of files) {
    const newline = batch.indexOf(10, offset);
    if (newline < 0) break;
    const header = batch.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (header.endsWith(' missing')) throw new GitError(missing(file.path, file.object));
    const match = / (\w+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob') out.set(file.path, batch.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}

/** A partial clone's missing file: git answers "missing" (GIT_NO_LAZY_FETCH), or fails to fetch it (older git). */
function missing(path: string, object: string): string {
  return (
    `the content of ${path} (object ${object}) is not in this repository (a partial clone?) ` +
    `and Crossover never fetches: "git cat-file -p ${object}" fetches it`
  );
}
