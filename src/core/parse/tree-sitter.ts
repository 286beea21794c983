/**
 * web-tree-sitter started from bytes the host gives (its runtime and a grammar, both WebAssembly): the engine never
 * touches the file system. Shared by the reader bundles that parse with tree-sitter (python/reader.ts,
 * terraform/reader.ts); each bundle carries its own copy of web-tree-sitter.
 */
import { Language, Parser } from 'web-tree-sitter';

export interface TreeSitterWasm {
  /** web-tree-sitter's runtime (web-tree-sitter.wasm). */
  runtime: Uint8Array;
  /** The grammar (tree-sitter-python.wasm, tree-sitter-terraform.wasm). */
  grammar: Uint8Array;
}

let runtime: Promise<void> | undefined;

/** A parser of the grammar; the runtime starts once per process. */
export async function treeSitterParser(wasm: TreeSitterWasm): Promise<Parser> {
  runtime ??= Parser.init({ wasmBinary: wasm.runtime });
  await runtime;
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm.grammar));
  return parser;
}
