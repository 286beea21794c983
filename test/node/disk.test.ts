import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readLocalCapped, readLocalCappedSync } from '../../src/node/disk.js';

const dir = mkdtempSync(join(tmpdir(), 'crossover-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The editor's scan reads asynchronously, the CLI and referenced files synchronously: the same answers.
describe.each([
  ['readLocalCapped', readLocalCapped],
  ['readLocalCappedSync', async (path: string, max: number) => readLocalCappedSync(path, max)],
])('%s', (_name, readLocalCapped) => {
  test('reads a file at or under the cap whole, and does not read one above it', async () => {
    const path = join(dir, `template-${_name}.yaml`);
    writeFileSync(path, 'Resources: {}\n');
    const read = await readLocalCapped(path, 14);
    expect(read.kind).toBe('bytes');
    expect(read.kind === 'bytes' && new TextDecoder().decode(read.bytes)).toBe('Resources: {}\n');
    expect(await readLocalCapped(path, 13)).toEqual({ kind: 'too-big', size: 14 });
  });

  test('a missing file, a folder and a path through a file are reported, never thrown', async () => {
    expect(await readLocalCapped(join(dir, 'gone.yaml'), 100)).toEqual({ kind: 'missing' });
    mkdirSync(join(dir, `folder-${_name}.yaml`));
    expect(await readLocalCapped(join(dir, `folder-${_name}.yaml`), 100)).toEqual({ kind: 'unreadable', reason: 'not a file' });
    writeFileSync(join(dir, 'plain'), 'x');
    const through = await readLocalCapped(join(dir, 'plain', 'template.yaml'), 100);
    expect(through.kind).toBe('unreadable');
    expect(through.kind === 'unreadable' && through.reason).toMatch(/ENOTDIR/);
  });

  test.skipIf(process.platform === 'win32')('a named pipe with a template name is refused at once, not waited on', async () => {
    const fifo = join(dir, `pipe-${_name}.yaml`);
    execFileSync('mkfifo', [fifo]);
    expect(await readLocalCapped(fifo, 100)).toEqual({ kind: 'unreadable', reason: 'not a file' });
  });
});
