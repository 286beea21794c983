/**
 * (Node hosts.) The one place Crossover starts a process: git, to read a revision. No other module in src/
 * may name `child_process` (test/node/git-safety.test.ts fails if one does). What runs, and how:
 *
 * - Only git, and only the read-only plumbing in COMMANDS (rev-parse, ls-tree, ls-files, cat-file, rev-list);
 *   cat-file never with --textconv or --filters. Anything else is refused before a process starts.
 * - git by absolute path: the caller's `executable` (VS Code's git extension's path) when it is absolute and
 *   outside the untrusted folders, else the first `git` (`git.exe` on Windows) in an absolute PATH folder
 *   outside them. Untrusted: the folder git reads in, the repository around it (nearest folder with `.git`)
 *   and the workspace folders the caller names; symbolic links are resolved before the check. The process
 *   starts in git's own folder and gets the folder to read with `-C`: Windows' search of the current folder
 *   as the process starts (for the program, and for the DLLs it loads) never reaches the workspace.
 * - An environment built from nothing (gitEnvironment): ENVIRONMENT plus the parent's HOME, XDG_CONFIG_HOME
 *   and, on Windows, USERPROFILE, HOMEDRIVE, HOMEPATH, SystemRoot, windir (global configuration, and with it
 *   `safe.directory`, keeps working). Nothing else from the parent: no PATH, no GIT_* (GIT_DIR, GIT_WORK_TREE,
 *   GIT_CONFIG_*, GIT_SSH*, GIT_ASKPASS, GIT_EXTERNAL_DIFF, GIT_PAGER, GIT_EXEC_PATH...), no SSH_ASKPASS.
 *
 * Configuration a repository can hold that would make git run a command, and what closes it, one per line:
 * - remote.<name>.promisor, extensions.partialClone (lazy fetch of a missing object): GIT_NO_LAZY_FETCH=1, and GIT_ALLOW_PROTOCOL.
 * - core.sshCommand, ssh.variant (ssh transport): GIT_ALLOW_PROTOCOL, above any protocol.<name>.allow (-c protocol.allow=never is not).
 * - remote.<name>.url ext::<command>, <helper>::<url>, remote.<name>.vcs, url.<base>.insteadOf (transports): GIT_ALLOW_PROTOCOL.
 * - core.gitProxy (git:// transport), remote.<name>.uploadpack/receivepack (file:// and ssh transports): GIT_ALLOW_PROTOCOL.
 * - http.* (proxies, curl), credential.helper (transports only): GIT_ALLOW_PROTOCOL; -c credential.helper= also empties the helper list.
 * - core.askPass (credential prompts of transports): GIT_ALLOW_PROTOCOL, -c core.askPass=, GIT_TERMINAL_PROMPT=0.
 * - core.alternateRefsCommand (fetch and receive-pack only): no fetch starts (GIT_ALLOW_PROTOCOL).
 * - uploadpack.packObjectsHook (upload-pack only): never run here, and git ignores it in a repository's configuration.
 * - core.fsmonitor (a hook command or daemon, when the index is read: ls-files): -c core.fsmonitor=false.
 * - core.hooksPath, .git/hooks/*: these plumbing commands run no hook (they commit, check out and update no ref).
 * - diff.external, diff.<driver>.command, diff.<driver>.textconv: only diff/log/show/blame, or cat-file --textconv (refused).
 * - filter.<driver>.clean/smudge/process: only checkout/add/status, or cat-file --filters (refused).
 * - core.pager, pager.<command>: --no-pager (and standard output is a pipe).
 * - alias.*: git never lets an alias replace a built-in command.
 * - gc.auto, maintenance.*: run after writing porcelain (and after a lazy fetch, closed above), never after these reads.
 * - include.path, includeIf: read more configuration, run nothing; the -c options above still come last and win.
 * - a bare repository planted in the workspace: -c safe.bareRepository=explicit (git 2.38 on; older git ignores the key).
 * - refs/replace/* (runs nothing): GIT_NO_REPLACE_OBJECTS=1, so a revision reads as it was committed.
 * GIT_NO_LAZY_FETCH is honoured by git 2.44 and the May 2024 security releases of older lines (from 2.39.4); older
 * git ignores it and starts the fetch, which GIT_ALLOW_PROTOCOL stops before it connects or runs anything.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export class GitError extends Error {}

/** The git commands Crossover runs: read-only plumbing. */
export const COMMANDS: ReadonlySet<string> = new Set(['rev-parse', 'ls-tree', 'ls-files', 'cat-file', 'rev-list']);

/** Configuration given on the command line, which git reads last: it wins over the repository's (see the header). */
const CONFIG = [
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'protocol.allow=never',
  'credential.helper=',
  'core.askPass=',
  'safe.bareRepository=explicit',
];

/** Options before every command. */
export const OPTIONS: readonly string[] = ['--no-pager', ...CONFIG.flatMap((o) => ['-c', o])];

/**
 * The environment git gets, whatever the parent's: fixed values, and the parent's variables in KEPT only.
 * GIT_ALLOW_PROTOCOL names no transport git has ("none"; an empty value could read as unset on Windows).
 */
const ENVIRONMENT: Readonly<Record<string, string>> = {
  LANG: 'C',
  LC_ALL: 'C',
  GIT_ALLOW_PROTOCOL: 'none',
  GIT_NO_LAZY_FETCH: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_NO_REPLACE_OBJECTS: '1',
};

/** Where git finds the user's global configuration (HOME, XDG_CONFIG_HOME). */
const KEPT = ['HOME', 'XDG_CONFIG_HOME'];
/** On Windows also these: the user's home as Windows names it, and what Windows programs need. */
const KEPT_ON_WINDOWS = ['USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'SYSTEMROOT', 'WINDIR'];

export function gitEnvironment(parent: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of platform === 'win32' ? [...KEPT, ...KEPT_ON_WINDOWS] : KEPT) {
    const value = valueOf(parent, key);
    if (value) env[key] = value;
  }
  return { ...env, ...ENVIRONMENT };
}

/** An environment variable, its name in any case (Windows' are case-insensitive; a plain object's are not). */
function valueOf(env: NodeJS.ProcessEnv, key: string): string | undefined {
  if (env[key] !== undefined) return env[key];
  const found = Object.keys(env).find((k) => k.toUpperCase() === key);
  return found === undefined ? undefined : env[found];
}

export interface GitOptions {
  /** git's path as a trusted source reports it (VS Code's git extension): used when absolute, present and outside the untrusted folders. */
  executable?: string;
  /** Folders git may not come from besides the one it reads in and its repository (the workspace folders). */
  untrusted?: readonly string[];
}

/** How to find git: the platform's rules and file system (parameters so the Windows rules can be tested anywhere). */
export interface Host {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** A file the user may run. */
  isProgram(path: string): boolean;
  /** The path with its symbolic links resolved (the path itself when it cannot be). */
  realpath(path: string): string;
}

const localHost: Host = {
  platform: process.platform,
  env: process.env,
  isProgram(path) {
    try {
      if (!statSync(path).isFile()) return false;
      if (process.platform !== 'win32') accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  realpath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return path;
    }
  },
};

/**
 * git's absolute path: `options.executable` when usable, else the first git on PATH that is not inside an
 * untrusted folder. Empty and relative PATH entries are skipped: they mean the current folder, the one git
 * reads in. Windows' search of the current folder before PATH never happens, as git is started by its path.
 */
export function resolveGit(untrusted: readonly string[], options: Pick<GitOptions, 'executable'> = {}, host: Host = localHost): string {
  const windows = host.platform === 'win32';
  const path = windows ? win32 : posix;
  const absolute = (p: string) => (windows ? /^(?:[a-zA-Z]:[\\/]|[\\/]{2}[^\\/])/.test(p) : p.startsWith('/'));
  const roots = untrusted.filter(absolute).flatMap((root) => [path.resolve(root), path.resolve(host.realpath(root))]);
  const inside = (p: string) =>
    roots.some((root) => {
      const rel = path.relative(root, p);
      return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
    });
  const usable = (candidate: string) =>
    absolute(candidate) && host.isProgram(candidate) && !inside(path.resolve(candidate)) && !inside(path.resolve(host.realpath(candidate)));
  if (options.executable && usable(options.executable)) return path.resolve(options.executable);
  const name = windows ? 'git.exe' : 'git';
  for (const entry of (valueOf(host.env, 'PATH') ?? '').split(windows ? ';' : ':')) {
    const folder = windows ? entry.trim().replace(/^"(.*)"$/, '$1') : entry;
    if (!folder || !absolute(folder)) continue;
    const candidate = path.join(folder, name);
    if (usable(candidate)) return candidate;
  }
  throw new GitError('git is not installed (no git on the PATH outside this folder and its repository)');
}

const local = process.platform === 'win32' ? win32 : posix;

/** The nearest folder from `cwd` up that holds `.git` (a folder or, for worktrees and submodules, a file). */
function repositoryRoot(cwd: string): string | undefined {
  for (let dir = local.resolve(cwd); ;) {
    if (existsSync(local.join(dir, '.git'))) return dir;
    const parent = local.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface GitResult {
  /** The exit status (0: success; -1 when a signal ended git). */
  status: number;
  /** The signal that ended git, if one did. */
  signal?: NodeJS.Signals;
  stdout: Buffer;
  /** What git wrote to standard error, trimmed. */
  stderr: string;
}

const MAX_BUFFER = 512 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

/**
 * Runs `git <OPTIONS> <args>` reading in `cwd`, with `input` on its standard input. Throws a GitError when
 * git cannot be found or started or does not finish; a failed command is a non-zero status, for the caller.
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions & { input?: string } = {}): GitResult {
  const command = args[0] ?? '';
  if (!COMMANDS.has(command)) throw new GitError(`git ${command} is not a command Crossover runs`);
  const end = args.indexOf('--');
  const switches = end < 0 ? args : args.slice(0, end);
  if (switches.some((a) => /^--(textconv|filters)\b/.test(a))) throw new GitError('git cat-file runs no textconv or filter');
  const folder = local.resolve(cwd);
  const root = repositoryRoot(folder);
  const executable = resolveGit([folder, ...(root ? [root] : []), ...(options.untrusted ?? [])], options);
  const result = spawnSync(executable, ['-C', folder, ...OPTIONS, ...args], {
    cwd: local.dirname(executable),
    env: gitEnvironment(),
    maxBuffer: MAX_BUFFER,
    timeout: TIMEOUT_MS,
    windowsHide: true,
    ...(options.input !== undefined ? { input: options.input } : { stdio: ['ignore', 'pipe', 'pipe'] }),
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') throw new GitError(`git ${command} did not finish in ${TIMEOUT_MS / 1000} s`);
    if (code === 'ENOBUFS') throw new GitError(`git ${command} wrote more than ${MAX_BUFFER / 1024 / 1024} MB`);
    throw new GitError(`git (${executable}) could not be started: ${result.error.message}`);
  }
  const stderr = (result.stderr?.toString('utf8') ?? '').trim();
  return { status: result.status ?? -1, ...(result.signal ? { signal: result.signal } : {}), stdout: result.stdout ?? Buffer.alloc(0), stderr };
}
