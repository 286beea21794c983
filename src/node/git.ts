/**
 * (Node hosts.) Reads a git revision of the working copy: the files it holds and their bytes. Plumbing
 * commands only (ls-tree, ls-files, cat-file), which run no hooks and no filters; fsmonitor is switched off
 * for the one command that reads the index, so a repository's configuration never makes us run its code.
 */
import { execFileSync } from 'node:child_process';

export class GitError extends Error {}

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false'];
const MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): Buffer {
  try {
    return execFileSync('git', [...SAFE, ...args], { cwd, maxBuffer: MAX_BUFFER, ...(input !== undefined ? { input } : { stdio: ['ignore', 'pipe', 'pipe'] }) });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new GitError('git is not installed (or not on the PATH)');
    const message = e.stderr?.toString('utf8').trim().split('\n')[0] || e.message;
    throw new GitError(message);
  }
}

/** A revision name git accepts as such (never an option: it cannot start with "-"). */
export function checkRevision(cwd: string, ref: string): string {
  if (ref.startsWith('-') || ref.includes('\u0000')) throw new GitError(`"${ref}" is not a revision`);
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch (error) {
    // --quiet: a revision that does not exist fails without a word; anything else (not a repository) says why.
    if (error instanceof GitError && error.message.startsWith('Command failed')) throw new GitError(`"${ref}" is not a commit of this repository`);
    throw error;
  }
}

function nulList(buffer: Buffer): string[] {
  return buffer.toString('utf8').split('\u0000').filter((s) => s.length > 0);
}

export interface GitFile {
  path: string;
  /** The blob's object id. */
  object: string;
  size: number;
}

/** Files of a commit under `paths` with their sizes, relative to `cwd` (which must be inside the repository). */
export function filesAt(cwd: string, commit: string, paths: readonly string[]): GitFile[] {
  const out: GitFile[] = [];
  for (const line of nulList(git(cwd, ['ls-tree', '-r', '-z', '-l', commit, '--', ...paths]))) {
    const match = /^\d+ blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(line);
    if (match) out.push({ path: match[3]!, object: match[1]!, size: Number(match[2]) });
  }
  return out;
}

/** Files of the working tree under `paths` that git would see: tracked ones and untracked ones not ignored. */
export function workingFiles(cwd: string, paths: readonly string[]): string[] {
  return [...new Set(nulList(git(cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...paths])))];
}

/** A file's bytes at a commit (`path` relative to `cwd`), or undefined when the commit has no such file. */
export function readAt(cwd: string, commit: string, path: string): Buffer | undefined {
  try {
    return git(cwd, ['cat-file', 'blob', `${commit}:./${path}`]);
  } catch {
    return undefined;
  }
}

/**
 * The bytes of many files (as `filesAt` lists them) in one git process, `cat-file --batch` by object id:
 * a repository's templates at a revision without a process per file.
 */
export function readAllAt(cwd: string, files: readonly GitFile[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!files.length) return out;
  const batch = git(cwd, ['cat-file', '--batch'], files.map((f) => `${f.object}\n`).join(''));
  let offset = 0;
  for (const file of files) {
    const newline = batch.indexOf(10, offset);
    if (newline < 0) break;
    const match = / blob (\d+)$/.exec(batch.subarray(offset, newline).toString('utf8'));
    offset = newline + 1;
    if (!match) continue; // "<object> missing"
    const size = Number(match[1]);
    out.set(file.path, batch.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}
