/**
 * `crossover diff` as users run it: the real bundle (dist/cli.js) in a child process, on git repositories
 * and folders built here. Its figures are checked against `crossover cost` run on each side.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist', 'cli.js');
const temp: string[] = [];

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], cwd: string) {
  const result = cli([...args, '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crossover-diff-'));
  temp.push(dir);
  return dir;
}

const template = (memory: number, timeout: number) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs20.x
      MemorySize: ${memory}
      Timeout: ${timeout}
      Events:
        Api:
          Type: Api
          Properties:
            Path: /orders
            Method: post
  ReportsFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: reports.handler
      Runtime: python3.12
      MemorySize: 256
`;

const usage = (requests: number) => `# traffic per function
resources:
  OrdersFunction:
    requestsPerMonth: ${requests}
    averageDurationMs: 120
  ReportsFunction:
    requestsPerMonth: 200000
`;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

// Each test runs the built CLI several times, each loading the CloudFormation specification: more time than the default.
describe('crossover diff against git revisions', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = folder();
    git(dir, 'init', '-q');
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'template.yaml'), template(512, 10));
    writeFileSync(join(dir, 'crossover.usage.yml'), usage(10_000_000));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    // The second commit: more memory, a longer timeout (above the REST API's 29 s), five times the traffic.
    writeFileSync(join(dir, 'app', 'template.yaml'), template(1024, 40));
    writeFileSync(join(dir, 'crossover.usage.yml'), usage(50_000_000));
    git(dir, 'commit', '-qam', 'second');
  });

  /** `crossover cost` on the template as it was at a revision (checked out), keyed by function. */
  function costAt(ref: string): Record<string, { lambda: number; fargate: number }> {
    const branch = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    git(dir, 'checkout', '-q', ref);
    try {
      const report = json(['cost', 'app/template.yaml'], dir);
      return Object.fromEntries(
        report.functions.map((f: { id: string; lambda: { monthlyUsd: number }; fargate: { monthlyUsd: number } }) => [
          f.id,
          { lambda: f.lambda.monthlyUsd, fargate: f.fargate.monthlyUsd },
        ]),
      );
    } finally {
      git(dir, 'checkout', '-q', branch);
    }
  }

  test('the figures before and after are those of `crossover cost` on each commit, and the deltas their difference', () => {
    const before = costAt('HEAD~1');
    const after = costAt('HEAD');
    expect(after['OrdersFunction']!.lambda).toBeGreaterThan(before['OrdersFunction']!.lambda * 5); // 5x traffic and 2x memory
    const report = json(['diff', '--base', 'HEAD~1', '--head', 'HEAD'], dir);
    expect(report.before).toBe('HEAD~1');
    expect(report.after).toBe('HEAD');
    const orders = report.workloads.find((w: { id: string }) => w.id === 'OrdersFunction');
    expect(orders).toMatchObject({ file: 'app/template.yaml', kind: 'lambda-function', runsOn: 'lambda', status: 'changed' });
    for (const key of ['lambda', 'fargate'] as const) {
      expect(orders.before[key]).toBeCloseTo(before['OrdersFunction']![key], 6);
      expect(orders.after[key]).toBeCloseTo(after['OrdersFunction']![key], 6);
      expect(orders.delta[key]).toBeCloseTo(after['OrdersFunction']![key] - before['OrdersFunction']![key], 5);
    }
    expect(orders.delta.deployed).toBeCloseTo(orders.delta.lambda, 6);
    expect(orders.before.requestsPerMonth).toBe(10_000_000);
    expect(orders.after.requestsPerMonth).toBe(50_000_000);
    // The Fargate task is sized from the function, so it follows the memory change.
    expect(orders.changes).toEqual([
      'requests/month 10,000,000 -> 50,000,000 (usage file)',
      'Lambda memory 512 MB -> 1024 MB (template)',
      'Fargate vCPU 0.5 -> 1',
      'Fargate memory 1 GB -> 2 GB',
    ]);
    const reports = report.workloads.find((w: { id: string }) => w.id === 'ReportsFunction');
    expect(reports.status).toBe('unchanged');
    expect(reports.delta.lambda).toBe(0);
    // Totals: the sum of both functions on each side.
    const sum = (side: Record<string, { lambda: number }>) => side['OrdersFunction']!.lambda + side['ReportsFunction']!.lambda;
    expect(report.totals.before.lambda).toBeCloseTo(sum(before), 5);
    expect(report.totals.after.lambda).toBeCloseTo(sum(after), 5);
    expect(report.totals.delta.deployed).toBeCloseTo(sum(after) - sum(before), 5);
    // The timeout now exceeds the REST API's limit: one finding added on the function's Timeout line.
    expect(report.findings.added).toEqual([
      expect.objectContaining({ file: 'app/template.yaml', ruleId: 'lambda/api-gateway-timeout', severity: 'warning', line: 10, resourceId: 'OrdersFunction' }),
    ]);
    expect(report.findings.resolved).toEqual([]);
    // Resource changes come from @aws-cdk/cloudformation-diff.
    const file = report.files.find((f: { path: string }) => f.path === 'app/template.yaml');
    expect(file.status).toBe('modified');
    expect(file.resources).toEqual([
      {
        id: 'OrdersFunction',
        type: 'AWS::Serverless::Function',
        change: 'updated',
        properties: [
          { name: 'MemorySize', before: 512, after: 1024, replacement: false },
          { name: 'Timeout', before: 10, after: 40, replacement: false },
        ],
      },
    ]);
  });

  test('--base alone compares with the working tree, uncommitted edits and the usage file included', () => {
    writeFileSync(join(dir, 'app', 'template.yaml'), template(2048, 40));
    try {
      const report = json(['diff', '--base', 'HEAD'], dir);
      expect(report.after).toBe('working tree');
      const orders = report.workloads.find((w: { id: string }) => w.id === 'OrdersFunction');
      expect(orders.changes).toEqual(['Lambda memory 1024 MB -> 2048 MB (template)', 'Fargate vCPU 1 -> 2', 'Fargate memory 2 GB -> 4 GB']);
      expect(orders.delta.lambda).toBeGreaterThan(0);
      expect(report.findings.added).toEqual([]);
    } finally {
      git(dir, 'checkout', '-q', '--', 'app/template.yaml');
    }
  });

  test('text and markdown say the same figures; markdown is a table ready for a pull-request comment', () => {
    const report = json(['diff', '--base', 'HEAD~1', '--head', 'HEAD'], dir);
    const usd = (n: number) => (Math.abs(n) >= 100 ? `$${Math.round(Math.abs(n)).toLocaleString('en-US')}` : `$${Math.abs(n).toFixed(2)}`);
    const orders = report.workloads.find((w: { id: string }) => w.id === 'OrdersFunction');
    const text = cli(['diff', '--base', 'HEAD~1', '--head', 'HEAD'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Lambda  ${usd(orders.before.lambda)} -> ${usd(orders.after.lambda)} (+${usd(orders.delta.lambda)})`);
    expect(text.stdout).toContain('+ warning lambda/api-gateway-timeout app/template.yaml:10 (OrdersFunction)');
    const md = cli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'markdown'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^### Crossover: cost and risk of this change/);
    expect(md.stdout).toContain(
      `| \`OrdersFunction\` in \`app/template.yaml\` | Lambda | ${usd(orders.before.lambda)} → ${usd(orders.after.lambda)} | ${usd(orders.before.fargate)} → ${usd(orders.after.fargate)} | **+${usd(orders.delta.deployed)}** |`,
    );
    expect(md.stdout).toContain('| **Total** (2 workloads) |');
    expect(md.stdout).toContain('MemorySize 512 → 1024');
  });

  test('--max-increase and --fail-on decide the exit code, and say why on stderr', () => {
    const base = ['diff', '--base', 'HEAD~1', '--head', 'HEAD'];
    const report = json(base, dir);
    const delta = report.totals.delta.deployed;
    const percent = (delta / report.totals.before.deployed) * 100;
    expect(cli([...base, '--max-increase', String(Math.ceil(delta) + 1)], dir).code).toBe(0);
    const over = cli([...base, '--max-increase', String(Math.floor(delta) - 1)], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/the monthly cost as deployed grows by \+\$\d+.*more than --max-increase \$\d+/);
    expect(cli([...base, '--max-increase', `${Math.ceil(percent) + 1}%`], dir).code).toBe(0);
    expect(cli([...base, '--max-increase', `${Math.floor(percent) - 1}%`], dir).code).toBe(1);
    expect(cli([...base, '--fail-on', 'error'], dir).code).toBe(0);
    const warning = cli([...base, '--fail-on', 'warning'], dir);
    expect(warning.code).toBe(1);
    expect(warning.stderr).toContain('the change adds 1 finding at or above warning');
    // The reverse change lowers the cost: no increase limit is crossed, and the finding is resolved.
    const reverse = json(['diff', '--base', 'HEAD', '--head', 'HEAD~1'], dir);
    expect(reverse.totals.delta.deployed).toBeCloseTo(-delta, 5);
    expect(reverse.findings.resolved).toHaveLength(1);
    expect(cli(['diff', '--base', 'HEAD', '--head', 'HEAD~1', '--max-increase', '0', '--fail-on', 'info'], dir).code).toBe(0);
  });

  test('deleted templates are "removed", binary files with template names are left alone, paths limit the comparison', () => {
    writeFileSync(join(dir, 'app', 'binary.yaml'), Buffer.from([0, 1, 2, 3, 0, 255, 254]));
    rmSync(join(dir, 'app', 'template.yaml'));
    try {
      const report = json(['diff', '--base', 'HEAD'], dir);
      expect(report.files.map((f: { path: string; status: string }) => `${f.path} ${f.status}`)).toEqual(['app/template.yaml removed']);
      expect(report.workloads.map((w: { status: string }) => w.status)).toEqual(['removed', 'removed']);
      expect(report.totals.after.deployed).toBe(0);
      expect(report.findings.resolved.map((f: { ruleId: string }) => f.ruleId)).toContain('lambda/api-gateway-timeout');
      expect(json(['diff', '--base', 'HEAD', 'elsewhere'], dir).files).toEqual([]);
    } finally {
      rmSync(join(dir, 'app', 'binary.yaml'));
      git(dir, 'checkout', '-q', '--', 'app/template.yaml');
    }
  });

  test('--help describes the command', () => {
    const help = cli(['diff', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('crossover diff --base <git-ref>');
    expect(help.stdout).toContain('--max-increase');
  });

  test('bad revisions and paths are usage errors (exit 2) with the reason', () => {
    const bad = cli(['diff', '--base', 'no-such-branch'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('crossover: git: "no-such-branch" is not a commit of this repository');
    const option = cli(['diff', '--base', '--upload-pack=touch x'], dir);
    expect(option.code).toBe(2);
    const outside = folder();
    const noRepo = cli(['diff', '--base', 'HEAD'], outside);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/crossover: git: .*not a git repository/i);
    expect(cli(['diff', 'only-one'], dir).code).toBe(2);
    expect(cli(['diff', 'app', 'app/template.yaml'], dir).stderr).toContain('two files or two folders');
    expect(cli(['diff', '--head', 'HEAD'], dir).stderr).toContain('--head needs --base');
    expect(cli(['diff', '--base', 'HEAD', '--max-increase', 'lots'], dir).code).toBe(2);
  });
});

describe('crossover diff of folders and files', { timeout: 60_000 }, () => {
  const fixtures = join(repo, 'test', 'fixtures', 'diff');

  test('serverless.yml, task definitions and CDK code are compared through their CloudFormation-shaped model', () => {
    const report = json(['diff', join(fixtures, 'before'), join(fixtures, 'after')], repo);
    const files = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(Object.keys(files).sort()).toEqual(['cdk/api-stack.ts', 'serverless.yml', 'taskdef.json']);
    expect(files['serverless.yml'].resources).toEqual([
      { id: 'hello', type: 'AWS::Lambda::Function', change: 'updated', properties: [{ name: 'MemorySize', before: 1024, after: 3008, replacement: false }] },
    ]);
    // A task definition's size is immutable: CloudFormation registers a new revision (a replacement).
    expect(files['taskdef.json'].resources).toEqual([
      {
        id: 'web',
        type: 'AWS::ECS::TaskDefinition',
        change: 'replaced',
        properties: [
          { name: 'Cpu', before: '512', after: '1024', replacement: true },
          { name: 'Memory', before: '1024', after: '2048', replacement: true },
        ],
      },
    ]);
    expect(files['cdk/api-stack.ts'].resources).toEqual([
      expect.objectContaining({
        id: 'Handler',
        type: 'AWS::Lambda::Function',
        change: 'updated',
        properties: [expect.objectContaining({ name: 'Timeout', before: 30, after: 120 })],
      }),
    ]);
    const byId = Object.fromEntries(report.workloads.map((w: { id: string }) => [w.id, w]));
    expect(byId['hello']).toMatchObject({ runsOn: 'lambda', status: 'changed' });
    expect(byId['hello'].delta.lambda).toBeGreaterThan(0);
    expect(byId['web']).toMatchObject({ kind: 'ecs-task-definition', runsOn: 'fargate', status: 'changed' });
    expect(byId['web'].delta.fargate).toBeGreaterThan(0);
    expect(byId['web'].delta.deployed).toBe(byId['web'].delta.fargate);
    expect(byId['web'].changes).toEqual(['Fargate vCPU 0.5 -> 1', 'Fargate memory 1 GB -> 2 GB']);
  });

  test('two files are paired whatever their names; a file added on one side is "added"', () => {
    const dir = folder();
    writeFileSync(join(dir, 'old.yaml'), template(512, 10));
    writeFileSync(join(dir, 'new.yaml'), template(512, 10).replace('ReportsFunction', 'ExportsFunction'));
    const report = json(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(report.files).toEqual([expect.objectContaining({ path: 'new.yaml', status: 'modified' })]);
    const status = Object.fromEntries(report.workloads.map((w: { id: string; status: string }) => [w.id, w.status]));
    expect(status).toEqual({ OrdersFunction: 'unchanged', ReportsFunction: 'removed', ExportsFunction: 'added' });
    expect(report.files[0].resources.map((r: { id: string; change: string }) => `${r.change} ${r.id}`)).toEqual([
      'added ExportsFunction',
      'removed ReportsFunction',
    ]);

    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    cpSync(fixtures + '/before/serverless.yml', join(b, 'serverless.yml'));
    const added = json(['diff', 'a', 'b'], dir);
    expect(added.files).toEqual([expect.objectContaining({ path: 'serverless.yml', status: 'added' })]);
    expect(added.totals.before.deployed).toBe(0);
    expect(added.totals.after.deployed).toBeGreaterThan(0);
  });
});
