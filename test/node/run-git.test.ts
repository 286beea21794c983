/**
 * The rules of src/node/run-git.ts that a POSIX machine cannot run for real: how git is found on Windows
 * (its file system described here: which files exist), which commands and options are refused, and the
 * environment git gets. The real processes are in git-safety.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { COMMANDS, GitError, gitEnvironment, OPTIONS, resolveGit, runGit, type Host } from '../../src/node/run-git.js';

/** A machine with these programs (paths compared as the platform does) and these links. */
function host(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, programs: string[], links: Record<string, string> = {}): Host {
  const key = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const present = new Set(programs.map(key));
  return { platform, env, isProgram: (p) => present.has(key(p)), realpath: (p) => links[p] ?? p };
}

describe('git on Windows', () => {
  const workspace = 'C:\\Users\\me\\project';
  const installed = 'C:\\Program Files\\Git\\cmd\\git.exe';
  const planted = [`${workspace}\\git.exe`, `${workspace}\\tools\\git.exe`, 'C:\\tools\\git.exe', 'D:\\git.exe'];

  test('the first git.exe on PATH outside the workspace: the workspace, relative, drive-relative and empty entries are skipped', () => {
    // Path as Windows spells it; a quoted entry; "." and "" (the current folder); "\tools" and "D:" (relative to a drive's current folder).
    const Path = [`${workspace}`, '.', '', '\\tools', 'D:', `${workspace.toUpperCase()}\\TOOLS`, '"C:\\Program Files\\Git\\cmd"', 'C:\\Windows\\system32'].join(
      ';',
    );
    expect(resolveGit([workspace], {}, host('win32', { Path }, [...planted, installed]))).toBe(installed);
  });

  test('only git.exe: a git.cmd or git.bat earlier on PATH would need a shell', () => {
    const Path = ['C:\\scripts', 'C:\\Program Files\\Git\\cmd'].join(';');
    expect(resolveGit([workspace], {}, host('win32', { PATH: Path }, ['C:\\scripts\\git.cmd', 'C:\\scripts\\git.bat', 'C:\\scripts\\git', installed]))).toBe(
      installed,
    );
  });

  test("the git extension's path is used when it is absolute and outside the workspace, else PATH decides", () => {
    const machine = host('win32', { PATH: 'C:\\Program Files\\Git\\cmd' }, [...planted, installed, 'E:\\PortableGit\\bin\\git.exe']);
    expect(resolveGit([workspace], { executable: 'E:\\PortableGit\\bin\\git.exe' }, machine)).toBe('E:\\PortableGit\\bin\\git.exe');
    expect(resolveGit([workspace], { executable: `${workspace}\\git.exe` }, machine)).toBe(installed);
    expect(resolveGit([workspace], { executable: 'git.exe' }, machine)).toBe(installed);
    expect(resolveGit([workspace], { executable: 'E:\\nowhere\\git.exe' }, machine)).toBe(installed);
  });

  test('no git outside the workspace: an error that says so, never the planted one', () => {
    const machine = host('win32', { PATH: `${workspace};${workspace}\\tools;.` }, planted);
    expect(() => resolveGit([workspace], {}, machine)).toThrow(GitError);
    expect(() => resolveGit([workspace], {}, machine)).toThrow(/no git on the PATH outside this folder/);
  });
});

describe('git on POSIX', () => {
  test('a PATH folder that is a link into the workspace is skipped, as is a git that is a link into it', () => {
    const machine = host('linux', { PATH: '/home/me/bin:/opt/git/bin:/usr/bin' }, ['/home/me/bin/git', '/opt/git/bin/git', '/usr/bin/git'], {
      '/home/me/bin/git': '/home/me/project/.tools/git',
      '/opt/git/bin/git': '/home/me/project/git',
    });
    expect(resolveGit(['/home/me/project'], {}, machine)).toBe('/usr/bin/git');
  });

  test('a folder beside the workspace whose name starts the same is not inside it', () => {
    const machine = host('linux', { PATH: '/home/me/project-tools:/usr/bin' }, ['/home/me/project-tools/git', '/usr/bin/git']);
    expect(resolveGit(['/home/me/project'], {}, machine)).toBe('/home/me/project-tools/git');
  });
});

describe('what runs', () => {
  test('only the read-only plumbing, never with textconv or filters', () => {
    expect([...COMMANDS].sort()).toEqual(['cat-file', 'ls-files', 'ls-tree', 'rev-list', 'rev-parse']);
    for (const command of ['fetch', 'log', 'diff', 'show', 'config', 'submodule', '-c', '--exec-path=/tmp']) {
      expect(() => runGit('.', [command, 'HEAD'])).toThrow(/is not a command Crossover runs/);
    }
    expect(() => runGit('.', ['cat-file', '--textconv', 'HEAD:template.yaml'])).toThrow(GitError);
    expect(() => runGit('.', ['cat-file', '--filters', 'HEAD:template.yaml'])).toThrow(GitError);
  });

  test('the options close the configuration-driven commands git could run for these commands', () => {
    expect(OPTIONS).toEqual([
      '--no-pager',
      ...[
        'core.fsmonitor=false',
        'core.untrackedCache=false',
        'protocol.allow=never',
        'credential.helper=',
        'core.askPass=',
        'safe.bareRepository=explicit',
      ].flatMap((o) => ['-c', o]),
    ]);
  });

  test("the environment is built from nothing: the parent's git, ssh, pager and PATH variables never reach git", () => {
    const parent = {
      HOME: '/home/me',
      XDG_CONFIG_HOME: '/home/me/.config',
      PATH: '/home/me/project:/usr/bin',
      GIT_DIR: '/elsewhere/.git',
      GIT_WORK_TREE: '/elsewhere',
      GIT_CONFIG_PARAMETERS: "'core.sshcommand'='touch /tmp/x'",
      GIT_CONFIG_GLOBAL: '/home/me/project/evil.gitconfig',
      GIT_SSH_COMMAND: 'touch /tmp/x',
      GIT_ASKPASS: '/tmp/x',
      SSH_ASKPASS: '/tmp/x',
      GIT_EXTERNAL_DIFF: '/tmp/x',
      GIT_PAGER: '/tmp/x',
      GIT_EXEC_PATH: '/home/me/project',
      LD_PRELOAD: '/home/me/project/x.so',
      LC_ALL: 'de_DE.UTF-8',
    };
    expect(gitEnvironment(parent)).toEqual({
      HOME: '/home/me',
      XDG_CONFIG_HOME: '/home/me/.config',
      LANG: 'C',
      LC_ALL: 'C',
      GIT_ALLOW_PROTOCOL: 'none',
      GIT_NO_LAZY_FETCH: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
      GIT_NO_REPLACE_OBJECTS: '1',
    });
    // Windows spells its variables in any case.
    expect(gitEnvironment({ UserProfile: 'C:\\Users\\me', SystemRoot: 'C:\\Windows', Path: 'C:\\x' }, 'win32')).toMatchObject({
      USERPROFILE: 'C:\\Users\\me',
      SYSTEMROOT: 'C:\\Windows',
    });
    expect(gitEnvironment({ Path: 'C:\\x' }, 'win32')).not.toHaveProperty('PATH');
    // Windows' own variables are kept on Windows only.
    const posix = gitEnvironment({ HOME: '/home/me', USERPROFILE: '/tmp/x', SystemRoot: '/tmp/x', WINDIR: '/tmp/x', HOMEDRIVE: 'x', HOMEPATH: 'x' }, 'linux');
    expect(Object.keys(posix).filter((key) => !key.startsWith('GIT_') && !key.startsWith('L'))).toEqual(['HOME']);
  });
});
