// The Terraform reader for tests, built from the same WebAssembly modules the bundle ships.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FileReader, type TerraformReader } from '../../src/core/parse/readers.js';
import { createTerraformReader } from '../../src/core/parse/terraform/reader.js';

const require = createRequire(import.meta.url);

/** The two WebAssembly modules the bundle ships: web-tree-sitter's runtime and the Terraform grammar. */
export function terraformWasm(): { runtime: Uint8Array; grammar: Uint8Array } {
  return {
    runtime: readFileSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm')),
    grammar: readFileSync(join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm')),
  };
}

export function testTerraformReader(): Promise<TerraformReader> {
  return createTerraformReader(terraformWasm());
}

/** A folder of files in memory, as a host gives it: `readFile` relative to the analysed file, and the folder's names. */
export function memoryFolder(files: Record<string, string>): { readFile: FileReader; folderFiles: () => readonly string[] } {
  return {
    readFile: (relative) => files[relative.replace(/^\.\//, '')],
    folderFiles: () => Object.keys(files).filter((name) => !name.includes('/')),
  };
}

/** A folder on disk (the corpus), read as the Node hosts read it (no size cap here: tests only). */
export function diskFolder(dir: string): { readFile: FileReader; folderFiles: () => readonly string[] } {
  return {
    readFile: (relative) => {
      try {
        return readFileSync(join(dir, relative), 'utf8');
      } catch {
        return undefined;
      }
    },
    folderFiles: () => readdirSync(dir),
  };
}
