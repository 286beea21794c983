/**
 * (Node hosts.) The bundles loaded on demand (the TypeScript, Python and Terraform readers) and tree-sitter's
 * WebAssembly are shipped brotli-compressed (`<name>.br` in dist/, see scripts/build.mjs): the package is smaller
 * than with the VSIX's own deflate, and decompressing costs a few milliseconds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction, constants as vmConstants } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';

/** The path of the compressed form of `file` (dist/x.js -> dist/x.js.br). */
export function compressedPath(file: string): string {
  return `${file}.br`;
}

/** Is the compressed form of `file` there (built)? */
export function hasCompressed(file: string): boolean {
  return existsSync(compressedPath(file));
}

/** The bytes of `file`, read from its compressed form. Throws when it is missing or damaged. */
export function readCompressed(file: string): Buffer {
  return brotliDecompressSync(readFileSync(compressedPath(file)));
}

/**
 * Runs the CommonJS bundle `file` (from its compressed form) as `require(file)` would, and returns its exports.
 * Stack traces name `file`; its `require` resolves from `file`'s folder. Throws what loading or running it throws.
 */
export function requireCompressed(file: string): unknown {
  const code = readCompressed(file).toString('utf8');
  const module = { exports: {} as unknown };
  const run = compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: file,
    // `import()` inside it behaves as in a required file (web-tree-sitter has one, for paths it is never given).
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
