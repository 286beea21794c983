// The Python CDK reader for tests, built from the same WebAssembly modules the bundle ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type PythonReader } from '../../src/core/parse/readers.js';
import { createPythonReader } from '../../src/core/parse/python/reader.js';

const require = createRequire(import.meta.url);

export function testPythonReader(): Promise<PythonReader> {
  return createPythonReader({
    runtime: readFileSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm')),
    grammar: readFileSync(join(dirname(require.resolve('@vscode/tree-sitter-wasm')), 'tree-sitter-python.wasm')),
  });
}
