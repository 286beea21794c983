/** The resource differ in a worker thread (the editor's): the same answers as in-process, and no hangs. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type ResourceDiffer } from '../../src/core/diff/diff.js';
import { ResourceDifferThread } from '../../src/node/resource-differ-thread.js';

const repo = join(import.meta.dirname, '..', '..');
const worker = join(repo, 'dist', 'resource-differ-worker.js');
let inProcess: ResourceDiffer;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  inProcess = (createRequire(import.meta.url)(join(repo, 'dist', 'resource-differ.js')) as { resourceDiffer: ResourceDiffer }).resourceDiffer;
});

const fn = (memory: number, name = 'orders') => ({
  Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: memory, FunctionName: name } }, Q: { Type: 'AWS::SQS::Queue' } },
});

describe('ResourceDifferThread', () => {
  test('concurrent comparisons get their own answers, equal to the in-process differ', async () => {
    const thread = new ResourceDifferThread(worker);
    try {
      const [memory, rename] = await Promise.all([thread.diff(fn(128), fn(512)), thread.diff(fn(128), fn(128, 'renamed'))]);
      expect(memory).toEqual(inProcess(fn(128), fn(512)));
      expect(memory).toEqual([
        { id: 'Fn', type: 'AWS::Lambda::Function', change: 'updated', properties: [{ name: 'MemorySize', before: 128, after: 512, replacement: false }] },
      ]);
      expect(rename[0]).toMatchObject({ id: 'Fn', change: 'replaced', properties: [{ name: 'FunctionName', replacement: true }] });
      // Stopped, then asked again: a new thread answers.
      thread.dispose();
      expect(await thread.diff({ Resources: {} }, fn(256))).toEqual([
        { id: 'Fn', type: 'AWS::Lambda::Function', change: 'added', properties: [] },
        { id: 'Q', type: 'AWS::SQS::Queue', change: 'added', properties: [] },
      ]);
    } finally {
      thread.dispose();
    }
  }, 30_000);

  test('a thread that cannot start rejects instead of leaving the caller waiting', async () => {
    const thread = new ResourceDifferThread(join(repo, 'dist', 'no-such-worker.js'));
    await expect(thread.diff(fn(1), fn(2))).rejects.toThrow();
    thread.dispose();
  });
});
