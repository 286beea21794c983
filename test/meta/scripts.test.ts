// The scripts (bench, pricing, docs, manifest) load engine modules by path through scripts/lib/load-ts.mjs, out of
// reach of the typecheck: a module moved or an export renamed would break `npm run bench` unnoticed. Each
// `export { names } from './src/...ts'` they ask for must name real exports of existing modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const scripts = ['scripts', 'scripts/lib'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => `${dir}/${name}`),
);

/** `export { a, b as c } from './src/x.ts'` inside the scripts' strings: the module and the names asked of it. */
function requests(text: string): { module: string; names: string[] }[] {
  return [...text.matchAll(/export \{ ([^}]+) \} from '\.\/(src\/[^']+\.ts)'/g)].map((m) => ({
    module: m[2]!,
    names: m[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/)[0]!),
  }));
}

describe('the engine modules the scripts load exist and export what they ask for', () => {
  const asked = scripts.flatMap((script) => requests(readFileSync(join(root, script), 'utf8')).map((r) => ({ script, ...r })));

  test('the scripts ask for something (the pattern still matches how they load modules)', () => {
    expect(asked.length).toBeGreaterThan(5);
  });

  test.each(asked.map((a) => [`${a.script}: ${a.module}`, a] as const))('%s', async (_name, { module, names }) => {
    expect(existsSync(join(root, module)), `${module} exists`).toBe(true);
    const loaded = (await import(join(root, module))) as Record<string, unknown>;
    for (const name of names) expect(loaded[name], `${module} exports ${name}`).toBeDefined();
  });
});
