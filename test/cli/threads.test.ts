/**
 * `crossover check` in worker threads, through the real bundle: the generated scale workspace (scripts/lib/
 * scale-workspace.mjs, at a hundredth of its size) has the files its counts say; the report in 2 and 3 threads is
 * byte for byte the one of the main thread alone, in every format; a thread that stops costs only the file it
 * was checking an internal error, and threads that cannot start cost every file one, never a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOT_A_TEMPLATE } from '../../src/cli/check.js';
import { type ScaleCounts, writeScaleWorkspace } from '../../scripts/lib/scale-workspace.mjs';

const repo = join(import.meta.dirname, '..', '..');
const SCALE = 0.01;
let dir: string;
let workspace: string;
let counts: ScaleCounts;

interface JsonReport {
  files: { path: string; format: string | null; findings: { ruleId: string; severity: string; message: string }[] }[];
  skipped: { path: string; reason: string }[];
}

function cli(bundle: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CROSSOVER_TODAY: '2026-11-24' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** stderr without the closing throughput line (its time and memory differ from run to run). */
const THROUGHPUT = /^crossover: (\d+) files in [\d.]+ s \(\d+ files\/s, (\d+) threads?, peak memory \d+ MB\)$/;
const stableStderr = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => !THROUGHPUT.test(line))
    .join('\n');
const threadsOf = (stderr: string) =>
  Number(
    stderr
      .split('\n')
      .find((line) => THROUGHPUT.test(line))
      ?.match(THROUGHPUT)?.[2],
  );

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'crossover-threads-'));
  workspace = join(dir, 'workspace');
  ({ counts } = writeScaleWorkspace(workspace, SCALE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [relative(workspace, join(folder, entry.name))],
  );
}

describe('the scale workspace', () => {
  test('has the files its counts say, outside and inside node_modules, and check reports each format as counted', () => {
    const files = walk(workspace);
    const inNodeModules = files.filter((f) => f.split('/').includes('node_modules'));
    expect(files.length - inNodeModules.length).toBe(counts.total);
    expect(inNodeModules.length).toBe(counts.nodeModules);
    expect(Object.values(counts.kinds).reduce((a, b) => a + b, 0) - counts.kinds['terraformFolders']!).toBe(counts.total);
    // Packages in node_modules ship templates, serverless.yml and CDK sources: skipped, whatever their names.
    expect(inNodeModules.filter((f) => /(template\.yaml|serverless\.yml|stack\.ts)$/.test(f)).length).toBeGreaterThan(0);

    const { code, stdout } = cli(join(repo, 'dist', 'cli.js'), ['check', '.', '--format', 'json', '--jobs', '1'], workspace);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    const formats: Record<string, number> = {};
    for (const file of report.files) formats[file.format ?? 'none'] = (formats[file.format ?? 'none'] ?? 0) + 1;
    expect(formats).toEqual(counts.formats);
    expect(report.files.filter((f) => f.path.includes('node_modules'))).toEqual([]);
    expect(report.skipped.filter((s) => s.reason !== NOT_A_TEMPLATE).length).toBe(counts.kinds['binaryNamedLikeTemplate']);
    // The cdk.out templates' findings moved to their constructs: the mapping runs on models the threads send back.
    const synthesized = report.files.filter((f) => f.path.includes('/cdk.out/'));
    expect(synthesized.length).toBe(counts.kinds['cdkOutTemplates']);
    expect(report.files.find((f) => f.path === 'cdk/00000/lib/stack.ts')!.findings.map((f) => f.message)).toContainEqual(
      expect.stringContaining('(from the synthesized template)'),
    );
  }, 120_000);
});

describe('threads give the report of the main thread alone', () => {
  test.each([
    ['json', ['2', '3']],
    ['sarif', ['2']],
    ['text', ['2']],
  ])(
    '%s: byte for byte, with %s threads, stderr included',
    (format, threads) => {
      const args = ['check', '.', '--format', format];
      const alone = cli(join(repo, 'dist', 'cli.js'), [...args, '--jobs', '1'], workspace);
      expect(threadsOf(alone.stderr)).toBe(1);
      expect(alone.stdout.length).toBeGreaterThan(1000);
      for (const jobs of threads) {
        const threaded = cli(join(repo, 'dist', 'cli.js'), [...args, '--jobs', jobs], workspace);
        expect(threadsOf(threaded.stderr)).toBe(Number(jobs));
        expect(threaded.code).toBe(alone.code);
        expect(threaded.stdout).toBe(alone.stdout);
        expect(stableStderr(threaded.stderr)).toBe(stableStderr(alone.stderr));
      }
    },
    240_000,
  );
});

describe('a thread that stops', () => {
  let project: string;
  beforeAll(() => {
    // The CLI beside a thread script that stops its thread when it is sent crash.yaml (a crash in the engine, as
    // far as the main thread can tell), and beside one that cannot start at all (a damaged install).
    for (const name of ['crashing', 'damaged']) cpSync(join(repo, 'dist'), join(dir, name), { recursive: true });
    renameSync(join(dir, 'crashing', 'check-worker.js'), join(dir, 'crashing', 'check-worker-real.js'));
    writeFileSync(
      join(dir, 'crashing', 'check-worker.js'),
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', (m) => { if (m.target.file.endsWith('crash.yaml')) process.exit(7); });\n" +
        "require('./check-worker-real.js');\n",
    );
    writeFileSync(join(dir, 'damaged', 'check-worker.js'), "throw new Error('check-worker.js is damaged');\n");
    project = join(dir, 'project');
    mkdirSync(project);
    for (let i = 0; i < 12; i++)
      writeFileSync(
        join(project, `t${String(i).padStart(2, '0')}.yaml`),
        `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      MemorySize: ${128 * (i + 1)}\n      Timeout: ${i % 2 ? 1000 : 10}\n`,
      );
    writeFileSync(join(project, 'crash.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
  });

  test('costs the file it was checking an internal error; every other file is reported as the main thread alone reports it', () => {
    const alone = JSON.parse(cli(join(repo, 'dist', 'cli.js'), ['check', '.', '--format', 'json', '--jobs', '1'], project).stdout) as JsonReport;
    const run = cli(join(dir, 'crashing', 'cli.js'), ['check', '.', '--format', 'json', '--jobs', '2'], project);
    expect(run.code).toBe(1);
    expect(threadsOf(run.stderr)).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    const crashed = report.files.find((f) => f.path === 'crash.yaml')!;
    expect(crashed.findings.map((f) => [f.ruleId, f.severity])).toEqual([['internal-error', 'error']]);
    expect(crashed.findings[0]!.message).toContain('Crossover failed while checking crash.yaml (Error: the worker thread checking it stopped: exit code 7)');
    expect(report.files.filter((f) => f.path !== 'crash.yaml')).toEqual(alone.files.filter((f) => f.path !== 'crash.yaml'));
    expect(report.files.map((f) => f.path)).toEqual(alone.files.map((f) => f.path));
  }, 60_000);

  test('threads that cannot start cost every file an internal error, and the run ends', () => {
    const run = cli(join(dir, 'damaged', 'cli.js'), ['check', '.', '--format', 'json', '--jobs', '2'], project);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files).toHaveLength(13);
    for (const file of report.files) {
      expect(file.findings.map((f) => f.ruleId)).toEqual(['internal-error']);
      expect(file.findings[0]!.message).toContain('(Error: the worker thread checking it stopped: Error: check-worker.js is damaged)');
    }
  }, 60_000);
});
