/**
 * Entry point of dist/python-reader.js: tree-sitter (web-tree-sitter with the Python grammar that
 * @vscode/tree-sitter-wasm ships) and the Python CDK reader, bundled apart so the faces load it only when
 * a Python CDK app is analysed.
 */
import type { Parser } from 'web-tree-sitter';
import { type PythonReader } from '../readers.js';
import { readCdkPython } from '../cdk/python-app.js';
import { treeSitterParser, type TreeSitterWasm } from '../tree-sitter.js';

export type PythonWasm = TreeSitterWasm;

let ready: Promise<Parser> | undefined;

/** Starts tree-sitter with the Python grammar once per process and returns a reader over one parser. */
export async function createPythonReader(wasm: PythonWasm): Promise<PythonReader> {
  ready ??= treeSitterParser(wasm);
  const parser = await ready;
  return { cdk: (uri, text, readFile) => readCdkPython(parser, uri, text, readFile) };
}
