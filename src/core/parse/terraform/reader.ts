/**
 * Entry point of dist/terraform-reader.js: tree-sitter (web-tree-sitter with the Terraform grammar that
 * @tree-sitter-grammars/tree-sitter-hcl ships) and the Terraform reader, bundled apart so the faces load it only
 * when a Terraform file is analysed. The host passes the two WebAssembly modules as bytes: the engine never
 * touches the file system, and nothing in a Terraform file is ever run.
 */
import { Language, Parser } from 'web-tree-sitter';
import { type TerraformReader } from '../readers.js';
import { readTerraformDocument } from './read.js';

export interface TerraformWasm {
  /** web-tree-sitter's runtime (web-tree-sitter.wasm). */
  runtime: Uint8Array;
  /** The Terraform grammar (tree-sitter-terraform.wasm). */
  grammar: Uint8Array;
}

let ready: Promise<Parser> | undefined;

/** Initialises tree-sitter once per process and returns a reader over one parser. */
export async function createTerraformReader(wasm: TerraformWasm): Promise<TerraformReader> {
  ready ??= (async () => {
    await Parser.init({ wasmBinary: wasm.runtime });
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm.grammar));
    return parser;
  })();
  const parser = await ready;
  return { document: (input) => readTerraformDocument(parser, input) };
}
