/** The bundles shipped brotli-compressed (src/node/compressed.ts) load as `require` would load them uncompressed. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { hasCompressed, readCompressed, requireCompressed } from '../../src/node/compressed.js';

const dir = mkdtempSync(join(tmpdir(), 'crossover-compressed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundle(name: string, code: string): string {
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(code));
  return join(dir, name);
}

test('a CommonJS bundle runs with its exports, its own file and folder names, and a require that finds built-in modules', () => {
  const file = bundle(
    'reader.js',
    "const path = require('node:path'); exports.where = [__filename, __dirname, module.exports === exports]; exports.join = path.join('a', 'b');",
  );
  expect(hasCompressed(file)).toBe(true);
  expect(requireCompressed(file)).toEqual({ where: [file, dir, true], join: join('a', 'b') });
});

test("a bundle's own module.exports replaces its exports, as with require", () => {
  expect(requireCompressed(bundle('replaced.js', 'module.exports = { replaced: 1 };'))).toEqual({ replaced: 1 });
});

test('stack traces name the bundle, uncompressed', () => {
  const file = bundle('thrower.js', "exports.fail = () => { throw new Error('bad'); };");
  const { fail } = requireCompressed(file) as { fail(): void };
  expect(() => fail()).toThrow('bad');
  try {
    fail();
  } catch (error) {
    expect((error as Error).stack).toContain(`${file}:1:`);
  }
});

test('bytes come back as they were; a missing or damaged file says so', () => {
  const bytes = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]);
  writeFileSync(join(dir, 'x.wasm.br'), brotliCompressSync(bytes));
  expect(readCompressed(join(dir, 'x.wasm'))).toEqual(bytes);
  expect(hasCompressed(join(dir, 'absent.js'))).toBe(false);
  expect(() => readCompressed(join(dir, 'absent.js'))).toThrow(/ENOENT/);
  writeFileSync(join(dir, 'damaged.js.br'), Buffer.from('not brotli at all'));
  expect(() => requireCompressed(join(dir, 'damaged.js'))).toThrow();
});
