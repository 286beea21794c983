/**
 * Entry point of dist/python-reader.js: tree-sitter (web-tree-sitter with the Python grammar that
 * @vscode/tree-sitter-wasm ships) and the Python CDK reader, bundled apart so the faces load it only when
 * a Python CDK app is analysed. The host passes the two WebAssembly modules as bytes: the engine never
 * touches the file system.
 */
import { Language, Parser } from 'web-tree-sitter';
import { type PythonReader } from '../readers.js';
import { readCdkPython } from '../cdk/python-app.js';

export interface PythonWasm {
  /** web-tree-sitter's runtime (web-tree-sitter.wasm). */
  runtime: Uint8Array;
  /** The Python grammar (tree-sitter-python.wasm). */
  grammar: Uint8Array;
}

let ready: Promise<Parser> | undefined;

/** Initialises tree-sitter once per process and returns a reader over one parser. */
export async function createPythonReader(wasm: PythonWasm): Promise<PythonReader> {
  ready ??= (async () => {
    await Parser.init({ wasmBinary: wasm.runtime });
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm.grammar));
    return parser;
  })();
  const parser = await ready;
  return { cdk: (uri, text, readFile) => readCdkPython(parser, uri, text, readFile) };
}
