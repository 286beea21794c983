/**
 * (Node hosts: the CLI and the extension.) Loads dist/terraform-reader.js (tree-sitter and the Terraform reader,
 * bundled apart) with its two WebAssembly modules, all three shipped brotli-compressed (`<name>.br`, see compressed.ts),
 * the first time a Terraform file is analysed, and lists the files
 * of a Terraform file's folder (a module is a folder) inside the root reads stay in.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { needsReader, type TerraformReader } from '../core/index.js';
import { type ReadRoot } from './file-reader.js';
import { hasCompressed, readCompressed, requireCompressed } from './compressed.js';
import { isInside } from './inside.js';

type Entry = { createTerraformReader(wasm: { runtime: Uint8Array; grammar: Uint8Array }): Promise<TerraformReader> };

let loading: Promise<TerraformReader | undefined> | undefined;

/**
 * Loads the reader (once); undefined when it is not built (running from sources). When it is built but fails to
 * start, the reader returned throws that failure for each file, so the engine reports an internal error on every
 * Terraform file instead of leaving them silently unanalysed.
 */
export function loadTerraformReader(): Promise<TerraformReader | undefined> {
  loading ??= (async () => {
    const bundle = join(__dirname, 'terraform-reader.js');
    if (!hasCompressed(bundle)) return undefined;
    try {
      const entry = requireCompressed(bundle) as Entry;
      return await entry.createTerraformReader({
        runtime: readCompressed(join(__dirname, 'web-tree-sitter.wasm')),
        grammar: readCompressed(join(__dirname, 'tree-sitter-terraform.wasm')),
      });
    } catch (error) {
      return {
        document: () => {
          throw error;
        },
      };
    }
  })();
  return loading;
}

/** Does analysing this file need the Terraform reader? (A `.tf` or `.tf.json` file.) */
export function needsTerraformReader(uri: string, text: string): boolean {
  return needsReader('terraform', uri, text);
}

/** At most this many names of a folder are given to the reader (it reads the Terraform ones among them). */
const MAX_NAMES = 2000;

/**
 * The names of the files beside `fsPath`, for a Terraform file (undefined for others, or outside the root): the
 * reader reads the folder's other `.tf` and `.tfvars` files through the same guarded file reader.
 */
export function folderFilesFor(fsPath: string | undefined, root: ReadRoot): (() => readonly string[]) | undefined {
  if (!fsPath || !/\.tf(\.json)?$/i.test(fsPath)) return undefined;
  const dir = dirname(resolve(fsPath));
  if (!isInside(resolve(root.folder), dir)) return undefined;
  return () => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile())
        .slice(0, MAX_NAMES)
        .map((d) => d.name);
    } catch {
      return [];
    }
  };
}
