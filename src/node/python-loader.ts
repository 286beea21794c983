/**
 * (Node hosts: the CLI and the extension.) Loads dist/python-reader.js (tree-sitter and the Python CDK
 * reader, bundled apart) with its two WebAssembly modules the first time a Python CDK app is analysed, all three
 * shipped brotli-compressed (`<name>.br`, see compressed.ts).
 * Initialising tree-sitter is asynchronous, so the hosts await `loadPythonReader()` before analysing such
 * a file.
 */
import { join } from 'node:path';
import { needsReader, type PythonReader } from '../core/index.js';
import { hasCompressed, readCompressed, requireCompressed } from './compressed.js';

type Entry = { createPythonReader(wasm: { runtime: Uint8Array; grammar: Uint8Array }): Promise<PythonReader> };

let loading: Promise<PythonReader | undefined> | undefined;
let loaded: PythonReader | undefined;

/**
 * Loads the reader (once); undefined when it is not built (running from sources). When it is built but fails
 * to start, the reader returned throws that failure for each file, so the engine reports an internal error
 * on every Python CDK app instead of leaving them silently unanalysed.
 */
export function loadPythonReader(): Promise<PythonReader | undefined> {
  loading ??= (async () => {
    const bundle = join(__dirname, 'python-reader.js');
    if (!hasCompressed(bundle)) return undefined;
    try {
      const entry = requireCompressed(bundle) as Entry;
      loaded = await entry.createPythonReader({
        runtime: readCompressed(join(__dirname, 'web-tree-sitter.wasm')),
        grammar: readCompressed(join(__dirname, 'tree-sitter-python.wasm')),
      });
    } catch (error) {
      loaded = {
        cdk: () => {
          throw error;
        },
      };
    }
    return loaded;
  })();
  return loading;
}

/** Does analysing this file need the Python reader? (A `.py` file that imports aws_cdk.) */
export function needsPythonReader(uri: string, text: string): boolean {
  return needsReader('python', uri, text);
}
