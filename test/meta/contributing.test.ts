// CONTRIBUTING.md's "Where to change what" table answers with file paths and names in them: they must exist, and
// what it says to do for a new compute platform must be what the platforms beyond Lambda and Fargate did.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const contributing = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
const section = contributing.split('\n## Where to change what\n')[1]!.split('\n## ')[0]!;
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| To...') && !line.startsWith('| ---'))
  .map((line) => {
    const [task, change, checkedBy] = line.slice(2, -2).split(' | ');
    return { task: task!, change: change!, checkedBy: checkedBy! };
  });

const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
/** A concrete file path (not a pattern such as `src/core/parse/<format>/` or `NN-name.ts`, nor a command). */
const isPath = (s: string) => /^[\w.-]+(\/[\w.-]+)+\.\w+$/.test(s) && !/\bNN-name\b/.test(s);
/** "`NAME` in `path`" or "`NAME` of `path`": a name the table says to edit in that file. */
const namesIn = (text: string) => [...text.matchAll(/((?:`\w+`(?: \/ )?)+) (?:in|of) `([^`]+)`/g)].map((m) => ({ names: ticked(m[1]!), path: m[2]! }));

describe('CONTRIBUTING: where to change what', () => {
  test('has the rows the issue asked for', () => {
    const tasks = rows.map((r) => r.task);
    for (const task of ['add a rule', "add a region's prices", 'add an input format', 'add a compute platform', 'change the CodeLens wording'])
      expect(tasks).toContain(task);
  });

  test.each(rows.map((r) => [r.task, r] as const))('%s: every file it names exists', (_task, row) => {
    const missing = [...ticked(row.change), ...ticked(row.checkedBy)].filter(isPath).filter((p) => !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });

  test('names to edit are found in the rows (the pattern below reads them)', () => {
    expect(rows.flatMap((r) => namesIn(r.change)).length).toBeGreaterThanOrEqual(4);
  });

  test.each(rows.map((r) => [r.task, r] as const))('%s: every name it says to edit is in its file', (_task, row) => {
    const missing = namesIn(row.change)
      .filter(({ path }) => isPath(path))
      .flatMap(({ names, path }) =>
        names.filter((name) => !new RegExp(`\\b${name}\\b`).test(readFileSync(join(root, path), 'utf8'))).map((n) => `${n} in ${path}`),
      );
    expect(missing).toEqual([]);
  });

  test('add a compute platform: the lists it names hold every platform beyond Lambda and ECS on Fargate', () => {
    const row = rows.find((r) => r.task === 'add a compute platform')!;
    const index = readFileSync(join(root, 'src/core/cost/platforms/index.ts'), 'utf8');
    const lists = ticked(row.change).filter((name) => /^[A-Z][A-Z_]+$/.test(name));
    expect(lists.length).toBeGreaterThan(0);
    const listed = lists.flatMap((name) => {
      const body = new RegExp(`const ${name}\\b[^=]*= \\[([^\\]]*)\\]`).exec(index);
      expect(body, name).not.toBeNull();
      return body![1]!.split(',').map((s) => s.trim());
    });
    const modules = [...index.matchAll(/import \{ (\w+Platform) \} from '\.\/[\w-]+\.js'/g)].map((m) => m[1]!);
    const beyondTheTwo = modules.filter((m) => m !== 'lambdaPlatform' && m !== 'ecsFargatePlatform');
    expect(beyondTheTwo.length).toBeGreaterThan(0);
    expect(beyondTheTwo.filter((m) => !listed.includes(m))).toEqual([]);
  });
});
