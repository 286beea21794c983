/**
 * What the CLI reads, as users run it (`node bin/crossover.js`, the real bundle): the folders and files given,
 * and what templates in them refer to, never a file outside them (absolute paths, `../`, symbolic links).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'crossover.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CROSSOVER_TODAY: '2026-11-24' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

interface Finding {
  ruleId: string;
  message: string;
  range: { start: { line: number } };
}
interface Report {
  files: { path: string; format: string; workloads: { id: string; memoryMb: number | null; timeoutSeconds: number | null }[]; findings: Finding[] }[];
  skipped: { path: string; reason: string }[];
}

// base/outside.yml, base/outside-template.yaml     <- outside every root given below
// base/project/app/serverless.yml                   <- refers to them in three ways
const base = realpathSync(mkdtempSync(join(tmpdir(), 'crossover-cli-reads-')));
const project = join(base, 'project');
const app = join(project, 'app');

const sam = (memory: number) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs22.x
      MemorySize: ${memory}
`;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(base, 'outside.yml'), 'mem: 2048\ntimeout: 29\nsecret: s3cr3t\n');
  writeFileSync(join(base, 'outside-template.yaml'), sam(3008));
  symlinkSync('../../outside.yml', join(app, 'config.yml'));
  writeFileSync(
    join(app, 'serverless.yml'),
    `service: reads
provider:
  name: aws
  runtime: nodejs22.x
  memorySize: \${file(../../outside.yml):mem}
  timeout: \${file(./config.yml):timeout}
functions:
  hello:
    handler: handler.hello
    environment:
      STATUS: \${file(/proc/self/status):Name}
      SECRET: \${file(${join(base, 'outside.yml')}):secret}
`,
  );
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('crossover check: ${file()} stays inside the folder given', { timeout: 60_000 }, () => {
  test('absolute paths, ../ and a link to a file outside are not read, and each says why on its line', () => {
    const { stdout, code } = cli(['check', 'project/app', '--format', 'json'], base);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const file = report.files.find((f) => f.path === 'project/app/serverless.yml')!;
    // Nothing from outside.yml: memory and timeout stay unknown (2048 and 29 if it had been read).
    expect(file.workloads[0]).toMatchObject({ id: 'hello', memoryMb: null, timeoutSeconds: null });
    const refused = file.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => [f.range.start.line, f.message]);
    expect(refused).toEqual([
      [4, '${file(../../outside.yml)} is not read: it is outside the folder given.'],
      [5, '${file(./config.yml)} is not read: it is a link that leads outside the folder given.'],
      [10, '${file(/proc/self/status)} is not read: it is outside the folder given.'],
      [11, `\${file(${join(base, 'outside.yml')})} is not read: it is outside the folder given.`],
    ]);
    expect(stdout).not.toContain('s3cr3t');
  });

  test('a file given: what it refers to stays in its folder', () => {
    const report = JSON.parse(cli(['check', 'project/app/serverless.yml', '--format', 'json'], base).stdout) as Report;
    const messages = report.files[0]!.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => f.message);
    expect(messages).toContain('${file(../../outside.yml)} is not read: it is outside the folder of the file given.');
    expect(report.files[0]!.workloads[0]!.memoryMb).toBeNull();
  });

  test('crossover cost on the same file does not price it with memory read from outside', () => {
    const result = cli(['cost', 'project/app/serverless.yml', '--format', 'json'], base);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { functions: { id: string; assumptions: { memoryMb: number } }[] };
    expect(report.functions[0]!.assumptions.memoryMb).not.toBe(2048);
  });
});

describe('crossover check: the folder walk follows links only inside the folder', { timeout: 60_000 }, () => {
  let walked: string;
  beforeAll(() => {
    walked = join(base, 'walked');
    mkdirSync(join(walked, 'real'), { recursive: true });
    mkdirSync(join(walked, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(walked, 'real', 'template.yaml'), sam(512));
    writeFileSync(join(walked, 'node_modules', 'pkg', 'vendored.yaml'), sam(640));
    symlinkSync('../outside-template.yaml', join(walked, 'outside-link.yaml'));
    symlinkSync('real/template.yaml', join(walked, 'inside-link.yaml'));
    symlinkSync('node_modules/pkg/vendored.yaml', join(walked, 'vendored-link.yaml'));
  });

  test('a link to a template outside is not analysed (listed as skipped, with the reason); one inside is analysed once', () => {
    const { stdout, stderr } = cli(['check', 'walked', '--format', 'json', '--fail-on', 'none'], base);
    const report = JSON.parse(stdout) as Report;
    // real/template.yaml once, not again as inside-link.yaml; vendored-link.yaml is the only name of a file the walk skips.
    expect(report.files.map((f) => f.path)).toEqual(['walked/real/template.yaml', 'walked/vendored-link.yaml']);
    expect(report.skipped).toEqual([
      { path: 'walked/outside-link.yaml', reason: `it links to ${join(base, 'outside-template.yaml')}, outside the folder given (${walked})` },
    ]);
    expect(stderr).toContain('crossover: skipped walked/outside-link.yaml: it links to');
  });

  test('a link named on the command line is read as given (the user asked for it)', () => {
    const report = JSON.parse(cli(['check', 'walked/outside-link.yaml', '--format', 'json', '--fail-on', 'none'], base).stdout) as Report;
    expect(report.files.map((f) => [f.path, f.workloads[0]!.memoryMb])).toEqual([['walked/outside-link.yaml', 3008]]);
  });
});

describe('crossover check: paths printed from a folder reached through a link', { timeout: 60_000 }, () => {
  // A checkout where ../shared is a link: the test (or the user's shell) names the folder through the link,
  // while the process's working folder is its real path. The paths must still be relative to that folder.
  test('a folder named through a link, run from inside its real path: paths relative to it, not ../../link/...', () => {
    const real = join(base, 'real-corpus');
    mkdirSync(join(real, 'app'), { recursive: true });
    writeFileSync(join(real, 'app', 'template.yaml'), sam(512));
    const link = join(base, 'elsewhere', 'corpus');
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(real, link);
    const report = JSON.parse(cli(['check', link, '--format', 'json', '--fail-on', 'none'], link).stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['app/template.yaml']);
    // Named through the link from a folder outside it, the path goes through the link, as given.
    const outside = JSON.parse(cli(['check', link, '--format', 'json', '--fail-on', 'none'], project).stdout) as Report;
    expect(outside.files.map((f) => f.path)).toEqual(['../elsewhere/corpus/app/template.yaml']);
  });
});

describe('crossover diff: both sides stay inside their roots', { timeout: 60_000 }, () => {
  test('two folders: a link to a template outside is on neither side', () => {
    const sides = join(base, 'sides');
    for (const side of ['a', 'b']) {
      mkdirSync(join(sides, side), { recursive: true });
      writeFileSync(join(sides, side, 'template.yaml'), sam(512));
    }
    symlinkSync('../../outside-template.yaml', join(sides, 'b', 'extra.yaml'));
    const result = cli(['diff', 'sides/a', 'sides/b', '--format', 'json'], base);
    expect(result.stderr).toContain('crossover: skipped sides/b/extra.yaml: it links to');
    const report = JSON.parse(result.stdout) as { files: { path: string; status: string }[] };
    expect(report.files.map((f) => [f.path, f.status])).toEqual([['template.yaml', 'unchanged']]);
  });

  test('--base HEAD: the working tree does not read ${file()} outside the current folder', () => {
    const repository = join(base, 'repository');
    mkdirSync(repository);
    git(repository, 'init', '-q');
    const serverless = (memory: string) =>
      `service: s\nprovider:\n  name: aws\n  runtime: nodejs22.x\n  memorySize: ${memory}\nfunctions:\n  hello:\n    handler: h.h\n`;
    writeFileSync(join(repository, 'serverless.yml'), serverless('1024'));
    git(repository, 'add', '.');
    git(repository, 'commit', '-qm', 'first');
    writeFileSync(join(repository, 'serverless.yml'), serverless('${file(../outside.yml):mem}'));
    const result = cli(['diff', '--base', 'HEAD', '--format', 'json'], repository);
    const report = JSON.parse(result.stdout) as {
      workloads: { id: string; changes?: string[] }[];
      findings: { added: { ruleId: string; message: string; line: number }[] };
    };
    expect(report.findings.added).toEqual([
      expect.objectContaining({ ruleId: 'unresolved-reference', message: '${file(../outside.yml)} is not read: it is outside the current folder.', line: 5 }),
    ]);
    expect(JSON.stringify(report.workloads)).not.toContain('2048');
  });
});
