/**
 * "Never run anything from the workspace", for the one process Crossover starts (git): a repository's
 * configuration, a git planted in the workspace and the parent's environment change nothing. Real
 * repositories, a real partial clone, the module's reads in process and the built CLI in a child process;
 * every hostile command writes a marker file if it ever runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkRevision, filesAt, readAllAt, readAt } from '../../src/node/git.js';

const repo = join(import.meta.dirname, '..', '..');
const temp: string[] = [];
const windows = process.platform === 'win32'; // the hostile programs here are shell scripts

/** The environment without the parent's git variables, for the test's own git commands. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
  return { ...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv() });
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossover-git-safety-'));
  temp.push(dir);
  return dir;
}

/** The folder of the git the test runs (found as the shell finds it). */
const realGitFolder = windows ? '' : dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());

/** The CLI as users run it, with `env` as its whole environment. */
function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'crossover.js'), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `fn` returns, or the message of what it throws. */
function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What ran: the marker file's lines ('' when nothing did). */
function ran(marker: string): string {
  return existsSync(marker) ? readFileSync(marker, 'utf8') : '';
}

/** Runs `fn` with process.env changed by `changes` (undefined: removed), then puts it back. */
function withEnv<T>(changes: Record<string, string | undefined>, fn: () => T): T {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const template = (memory: number) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs20.x
      MemorySize: ${memory}
`;

/** A repository with two commits of template.yaml (512 MB, then 1024 MB) and a usage file. */
function source(): string {
  const dir = folder();
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'template.yaml'), template(512));
  writeFileSync(join(dir, 'crossover.usage.yml'), 'resources:\n  OrdersFunction:\n    requestsPerMonth: 1000000\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'first');
  writeFileSync(join(dir, 'template.yaml'), template(1024));
  git(dir, 'commit', '-qam', 'second');
  return dir;
}

/** A program that appends its name and arguments to `marker` and fails. */
function hook(dir: string, name: string, marker: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> '${marker}'\nexit 1\n`);
  chmodSync(path, 0o755);
  return path;
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/**
 * The git on PATH, and that git made to ignore GIT_NO_LAZY_FETCH as releases before May 2024 do (a wrapper
 * outside the workspace that unsets it): then nothing but the transport guard stands between a partial
 * clone and its remote.
 */
const gits: [string, () => string][] = [
  ['the installed git', () => realGitFolder],
  [
    'a git without GIT_NO_LAZY_FETCH',
    () => {
      const dir = folder();
      writeFileSync(join(dir, 'git'), `#!/bin/sh\nunset GIT_NO_LAZY_FETCH\nexec '${join(realGitFolder, 'git')}' "$@"\n`);
      chmodSync(join(dir, 'git'), 0o755);
      return dir;
    },
  ],
];

describe.skipIf(windows).each(gits)('a partial clone whose .git/config would run commands, read with %s', { timeout: 60_000 }, (_git, gitFolder) => {
  let origin: string;
  let PATH: string;
  beforeAll(() => {
    origin = source();
    git(origin, 'config', 'uploadpack.allowFilter', 'true');
    PATH = [gitFolder(), realGitFolder].join(delimiter);
  });

  /**
   * A blob-less clone (HEAD~1's template.yaml is not in it), then a remote and keys that run `hooks` if git
   * ever fetches the missing blob or runs anything configured.
   */
  function hostileClone(remote: (hooks: (name: string) => string) => Record<string, string>) {
    const dir = folder();
    const clone = join(dir, 'clone');
    const marker = join(dir, 'marker');
    git(dir, 'clone', '-q', '--filter=blob:none', `file://${origin}`, clone);
    // The missing blob's id, from the trees the clone has (before the hostile keys: the test's own git runs here).
    const missing = git(clone, 'rev-parse', 'HEAD~1:template.yaml').trim();
    expect(git(clone, 'rev-list', '--objects', '--missing=print', 'HEAD~1')).toContain(`?${missing}`);
    const hooks = (name: string) => hook(dir, name, marker);
    mkdirSync(join(dir, 'hooks'));
    for (const name of ['pre-commit', 'post-checkout', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman'])
      hook(join(dir, 'hooks'), name, marker);
    writeFileSync(join(clone, '.git', 'info', 'attributes'), '* filter=evil diff=evil\n');
    const keys: Record<string, string> = {
      'core.fsmonitor': hooks('fsmonitor'),
      'core.hooksPath': join(dir, 'hooks'),
      'core.askPass': hooks('askpass'),
      'core.pager': hooks('pager'),
      'pager.cat-file': hooks('pager-cat-file'),
      'core.alternateRefsCommand': hooks('alternate-refs'),
      'credential.helper': `!${hooks('credential')}`,
      'diff.external': hooks('diff-external'),
      'diff.evil.textconv': hooks('textconv'),
      'diff.evil.command': hooks('diff-command'),
      'filter.evil.smudge': hooks('smudge'),
      'filter.evil.clean': hooks('clean'),
      'filter.evil.process': hooks('filter-process'),
      'uploadpack.packObjectsHook': hooks('pack-objects'),
      ...remote(hooks),
    };
    for (const [key, value] of Object.entries(keys)) git(clone, 'config', key, value);
    return { clone, marker, missing };
  }

  const remotes: [string, (hooks: (name: string) => string) => Record<string, string>][] = [
    [
      'ssh with core.sshCommand',
      (hooks) => ({ 'remote.origin.url': 'ssh://example.invalid/x', 'core.sshCommand': hooks('ssh-command'), 'protocol.ssh.allow': 'always' }),
    ],
    ['an ext:: command as the URL', (hooks) => ({ 'remote.origin.url': `ext::${hooks('ext')}`, 'protocol.ext.allow': 'always' })],
    ['git:// through core.gitProxy', (hooks) => ({ 'remote.origin.url': 'git://example.invalid/x', 'core.gitProxy': hooks('git-proxy') })],
    ['file:// with remote.origin.uploadpack', (hooks) => ({ 'remote.origin.url': `file://${origin}`, 'remote.origin.uploadpack': hooks('upload-pack') })],
  ];

  test.each(remotes)('%s: the module reads without running anything, and says the content is missing', (_name, remote) => {
    const { clone, marker, missing } = hostileClone(remote);
    const { before, head, listed, read, batch } = withEnv({ PATH }, () => {
      const before = checkRevision(clone, 'HEAD~1');
      const head = checkRevision(clone, 'HEAD');
      const present = filesAt(clone, head, ['.']).filter((f) => f.path !== 'template.yaml');
      const listed = outcome(() => filesAt(clone, before, ['.'])); // the sizes need the blobs
      const read = outcome(() => readAt(clone, before, 'template.yaml'));
      const batch = outcome(() => readAllAt(clone, [...present, { path: 'template.yaml', object: missing, size: 0 }]));
      return { before, head, listed, read, batch };
    });
    expect(ran(marker)).toBe('');
    const lacking = {
      error: expect.stringMatching(new RegExp(`^the content of template\\.yaml \\(object ${missing}\\) is not in this repository .*never fetches`)),
    };
    expect(listed).toEqual(lacking);
    expect(read).toEqual(lacking);
    expect(batch).toEqual(lacking);
    // What the clone has is read as usual: the usage file (the same blob in both commits) and HEAD's template.
    withEnv({ PATH }, () => {
      expect(readAt(clone, before, 'crossover.usage.yml')?.toString('utf8')).toContain('requestsPerMonth: 1000000');
      expect(readAt(clone, head, 'template.yaml')?.toString('utf8')).toContain('MemorySize: 1024');
      expect(readAt(clone, before, 'no-such-file.yaml')).toBeUndefined();
    });
    expect(ran(marker)).toBe('');
  });

  test.each(remotes)('%s: `crossover diff --base HEAD~1` ends with a git error, runs nothing', (_name, remote) => {
    const { clone, marker } = hostileClone(remote);
    const result = cli(['diff', '--base', 'HEAD~1'], clone, { ...cleanEnv(), PATH });
    expect(ran(marker)).toBe('');
    expect(result.status).toBe(2); // finished (not killed by the timeout), as a usage error
    expect(result.stderr).toContain('crossover: git: the content of template.yaml (object ');
    expect(result.stderr).toContain('is not in this repository (a partial clone?) and Crossover never fetches');
  });
});

describe.skipIf(windows)('a git planted in the workspace is never run', { timeout: 60_000 }, () => {
  /** A repository with a template, and an executable `git` at its top that writes a marker. */
  function plantedWorkspace() {
    const dir = source();
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'template.yaml'), template(256));
    const marker = join(folder(), 'marker');
    hook(dir, 'git', marker);
    return { dir, marker };
  }

  const cases: [string, (dir: string) => { cwd: string; path: string[] }][] = [
    ['the folder git reads in, on PATH', (dir) => ({ cwd: dir, path: [dir] })],
    ['"." on PATH', (dir) => ({ cwd: dir, path: ['.'] })],
    ['an empty PATH entry', (dir) => ({ cwd: dir, path: [''] })],
    ['the repository root on PATH, reading in a subfolder', (dir) => ({ cwd: join(dir, 'app'), path: [dir] })],
    [
      'a folder outside that links to the workspace',
      (dir) => {
        const link = join(folder(), 'bin');
        symlinkSync(dir, link);
        return { cwd: dir, path: [link] };
      },
    ],
  ];

  test.each(cases)('%s: the module runs the real git', (_name, setup) => {
    const { dir, marker } = plantedWorkspace();
    const { cwd, path } = setup(dir);
    const read = withEnv({ PATH: [...path, realGitFolder].join(delimiter) }, () =>
      outcome(() => {
        const commit = checkRevision(cwd, 'HEAD~1');
        return { commit, text: readAt(cwd, commit, relative(cwd, join(dir, 'template.yaml')))?.toString('utf8') };
      }),
    );
    expect(ran(marker)).toBe('');
    expect(read).toEqual({ value: { commit: git(dir, 'rev-parse', 'HEAD~1').trim(), text: expect.stringContaining('MemorySize: 512') } });
  });

  test.each(cases)('%s: `crossover diff --base HEAD~1` runs the real git', (_name, setup) => {
    const { dir, marker } = plantedWorkspace();
    const { cwd, path } = setup(dir);
    const result = cli(['diff', '--base', 'HEAD~1', '--format', 'json'], cwd, { ...cleanEnv(), PATH: [...path, realGitFolder].join(delimiter) });
    expect(ran(marker)).toBe('');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).files.length).toBeGreaterThan(0);
  });
});

describe.skipIf(windows)("the parent's environment does not change what git reads or runs", () => {
  test('GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE pointing at another repository are ignored', () => {
    const mine = source();
    const other = folder();
    git(other, 'init', '-q');
    writeFileSync(join(other, 'template.yaml'), template(3008));
    git(other, 'add', '.');
    git(other, 'commit', '-qm', 'other');
    const env = { GIT_DIR: join(other, '.git'), GIT_WORK_TREE: other, GIT_INDEX_FILE: join(other, '.git', 'index') };
    withEnv(env, () => {
      const head = checkRevision(mine, 'HEAD');
      expect(head).toBe(git(mine, 'rev-parse', 'HEAD').trim());
      expect(readAt(mine, head, 'template.yaml')?.toString('utf8')).toContain('MemorySize: 1024');
    });
    const result = cli(['diff', '--base', 'HEAD~1', '--format', 'json'], mine, { ...process.env, ...env });
    expect(result.status).toBe(0);
    expect(JSON.stringify(JSON.parse(result.stdout))).not.toContain('3008');
  });

  test('GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT and GIT_SSH_COMMAND from the parent run nothing in a partial clone', () => {
    const origin = source();
    git(origin, 'config', 'uploadpack.allowFilter', 'true');
    const dir = folder();
    const clone = join(dir, 'clone');
    git(dir, 'clone', '-q', '--filter=blob:none', `file://${origin}`, clone);
    git(clone, 'config', 'remote.origin.url', 'ssh://example.invalid/x');
    const marker = join(dir, 'marker');
    const env = {
      GIT_CONFIG_PARAMETERS: `'core.sshcommand'='${hook(dir, 'parameters', marker)}' 'protocol.allow'='always'`,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.gitProxy',
      GIT_CONFIG_VALUE_0: hook(dir, 'count', marker),
      GIT_SSH_COMMAND: hook(dir, 'ssh-command', marker),
    };
    const read = withEnv(env, () => outcome(() => readAt(clone, checkRevision(clone, 'HEAD~1'), 'template.yaml')));
    const result = cli(['diff', '--base', 'HEAD~1'], clone, { ...process.env, ...env });
    expect(ran(marker)).toBe('');
    expect(read).toEqual({ error: expect.stringContaining('never fetches') });
    expect(result.status).toBe(2);
  });
});

describe('one module starts processes', () => {
  /** Every source file under src/, relative to the repository, with forward slashes. */
  function sources(dir = join(repo, 'src')): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.[cm]?[jt]sx?$/.test(entry.name) ? [relative(repo, path).split('\\').join('/')] : [];
    });
  }

  test('no module under src/ but src/node/run-git.ts names child_process (import, import(), require) or process.binding', () => {
    const starters = sources().filter((path) => {
      const text = readFileSync(join(repo, path), 'utf8');
      return /['"`](?:node:)?child_process['"`]/.test(text) || /\bprocess\s*\.\s*(?:binding|_linkedBinding)\b/.test(text);
    });
    expect(starters).toEqual(['src/node/run-git.ts']);
  });

  test('the built bundles load child_process once each, in the two that hold run-git.ts: no dependency brings its own', () => {
    const loads = Object.fromEntries(
      readdirSync(join(repo, 'dist'))
        .filter((name) => name.endsWith('.js'))
        .map((name) => [
          name,
          readFileSync(join(repo, 'dist', name), 'utf8').match(
            /\brequire\(\s*["'`](?:node:)?child_process["'`]\s*\)|\bfrom\s*["'`](?:node:)?child_process["'`]/g,
          )?.length ?? 0,
        ]),
    );
    expect(Object.entries(loads).filter(([, count]) => count > 0)).toEqual([
      ['cli.js', 1],
      ['extension.js', 1],
    ]);
    expect(readFileSync(join(repo, 'dist', 'cli.js'), 'utf8')).toContain('"--no-pager"'); // the one in run-git.ts
  });
});
