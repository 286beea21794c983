/**
 * A CDK construct class another file makes three times, through the real CLI bundle: `check --format json` lists one
 * workload per instance (with its class and instance id) and says what the class read on its own cannot know;
 * `cost --format json` locates each instance's site and the declaration it comes from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
// The real-editor suite's CDK app: the same files, seen from the command line.
const app = join(repo, 'test', 'e2e', 'workspace', 'cdk');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), ...args], { cwd: app, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

describe('a construct class made three times', () => {
  test('check: one workload per instance where it is made; the class alone says its memory is given by each instance', () => {
    const run = cli(['check', 'lib/shop-stack.ts', 'lib/orders-service.ts', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { files: { path: string; workloads: Record<string, unknown>[]; findings: Record<string, unknown>[] }[] };
    const stack = report.files.find((f) => f.path === 'lib/shop-stack.ts')!;
    expect(stack.workloads.map((w) => [w['id'], w['memoryMb'], w['instance']])).toEqual([
      ['Dev/Handler', 512, { className: 'OrdersService', id: 'Dev' }],
      ['Staging/Handler', 1024, { className: 'OrdersService', id: 'Staging' }],
      ['Prod/Handler', 12000, { className: 'OrdersService', id: 'Prod' }],
    ]);
    // The out-of-range memory is reported once, on the argument that gives it (line 10 of shop-stack.ts).
    const memory = stack.findings.filter((f) => f['ruleId'] === 'lambda/memory-range');
    expect(memory.map((f) => (f['range'] as { start: { line: number } }).start.line + 1)).toEqual([10]);
    expect(run.code).toBe(1);
    const library = report.files.find((f) => f.path === 'lib/orders-service.ts')!;
    const handler = library.workloads.find((w) => w['id'] === 'Handler')!;
    expect(handler['instance']).toBeUndefined();
    expect(handler['unresolved']).toEqual([{ setting: 'memory', reason: expect.stringMatching(/props\.memory/), assumed: expect.stringMatching(/128 MB/) }]);
  });

  test('cost: each instance with its site and the declaration in the class file', () => {
    const run = cli(['cost', 'lib/shop-stack.ts', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { functions: { id: string; instance?: unknown }[] };
    expect(report.functions.map((f) => [f.id, f.instance])).toEqual(
      ['Dev', 'Staging', 'Prod'].map((id, i) => [
        `${id}/Handler`,
        { className: 'OrdersService', id, site: { file: 'lib/shop-stack.ts', line: 8 + i }, declaration: { file: 'lib/orders-service.ts', line: 13 } },
      ]),
    );
  });
});
