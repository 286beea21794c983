/**
 * (Node hosts.) Reads a git revision of the working copy: the files it holds and their bytes. Plumbing
 * commands only (ls-tree, ls-files, cat-file), which run no hooks and no filters; fsmonitor is switched off
 * for the one command that reads the index, so a repository's configuration never makes us run its code.
 */
import { execFileSync } from 'node:child_process';

export class GitError extends Error {}

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false'];
const MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', [...SAFE, ...args], { cwd, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Files of a commit under `paths`, relative to `cwd` (which must be inside the repository). */
export function filesAt(cwd: string, commit: string, paths: readonly string[]): string[] {
  return nulList(git(cwd, ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...paths]));
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
