/**
 * Entry point of dist/terraform-reader.js: tree-sitter (web-tree-sitter with the Terraform grammar that
 * @tree-sitter-grammars/tree-sitter-hcl ships) and the Terraform reader, bundled apart so the faces load it only
 * when a Terraform file is analysed. Nothing in a Terraform file is ever run.
 */
import type { Parser } from 'web-tree-sitter';
import { type TerraformReader } from '../readers.js';
import { treeSitterParser, type TreeSitterWasm } from '../tree-sitter.js';
import { readTerraformDocument } from './read.js';

export type TerraformWasm = TreeSitterWasm;

let ready: Promise<Parser> | undefined;

/** Starts tree-sitter with the Terraform grammar once per process and returns a reader over one parser. */
export async function createTerraformReader(wasm: TerraformWasm): Promise<TerraformReader> {
  ready ??= treeSitterParser(wasm);
  const parser = await ready;
  return { document: (input) => readTerraformDocument(parser, input) };
}
