// A scan-only engine thread lowers its own priority, and only its own: the extension host's thread keeps its priority.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { lowerThisThread, SCAN_THREAD_NICE } from '../../src/node/thread-priority.js';

import { buildSync } from 'esbuild';

/** The nice value of a thread, from /proc (field 19 of its stat line, after the command in parentheses). */
const niceOf = (statPath: string) => Number(readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ')[16]);

describe('thread priority', () => {
  test.skipIf(process.platform !== 'linux')('a worker lowers its own nice value; the main thread keeps its own', async () => {
    const before = getPriority(process.pid);
    // The module bundled for a worker of its own (the engine worker runs the same one).
    const dir = mkdtempSync(join(tmpdir(), 'crossover-priority-'));
    buildSync({
      entryPoints: [join(import.meta.dirname, '../../src/node/thread-priority.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: join(dir, 'bundle.cjs'),
    });
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads'); const { readFileSync, readlinkSync } = require('node:fs');
       const { lowerThisThread } = require(${JSON.stringify(join(dir, 'bundle.cjs'))});
       const lowered = lowerThisThread();
       parentPort.postMessage({ lowered, stat: readFileSync('/proc/thread-self/stat', 'utf8'), self: readlinkSync('/proc/thread-self') });`,
      { eval: true },
    );
    const answer = await new Promise<{ lowered: boolean; stat: string; self: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
    expect(answer.lowered).toBe(true);
    expect(Number(answer.stat.split(') ')[1]!.split(' ')[16])).toBe(Math.max(before, SCAN_THREAD_NICE));
    expect(answer.self).not.toBe(`${process.pid}/task/${process.pid}`);
    // This thread (the main one) is untouched.
    expect(getPriority(process.pid)).toBe(before);
    expect(niceOf('/proc/thread-self/stat')).toBe(before);
  });

  test('the main thread and other systems: nothing is changed', () => {
    expect(lowerThisThread(SCAN_THREAD_NICE, 'darwin')).toBe(false);
    expect(lowerThisThread(SCAN_THREAD_NICE, 'win32')).toBe(false);
  });
});
