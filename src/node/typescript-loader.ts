/**
 * (Node hosts: the CLI and the extension.) Loads dist/typescript-reader.js (the TypeScript compiler with
 * the serverless.ts and CDK readers, bundled apart, shipped brotli-compressed as typescript-reader.js.br) the
 * first time such a file is analysed, so ordinary runs never pay for the compiler.
 */
import { join } from 'node:path';
import { type TypeScriptReader } from '../core/index.js';
import { hasCompressed, requireCompressed } from './compressed.js';

let reader: TypeScriptReader | null | undefined;

function load(): TypeScriptReader | undefined {
  if (reader === undefined) {
    const bundle = join(__dirname, 'typescript-reader.js');
    if (!hasCompressed(bundle)) {
      reader = null; // not built (running from sources): TypeScript and JavaScript files are then not analysed
    } else {
      try {
        const loaded = (requireCompressed(bundle) as { typescriptReader?: TypeScriptReader }).typescriptReader;
        reader = loaded ?? failingReader(new Error(`${bundle} has no typescriptReader export`));
      } catch (error) {
        // Built but broken: every file it would read gets an internal-error finding, not silence.
        reader = failingReader(error);
      }
    }
  }
  return reader ?? undefined;
}

/** A reader that reports why the bundle could not be loaded, each time it is asked to read. */
function failingReader(error: unknown): TypeScriptReader {
  const fail = (): never => {
    throw error;
  };
  return { objectLiteral: fail, cdk: fail };
}

/** The reader the engine takes, loading the bundle at the first call of either method. */
export const typescriptReader: TypeScriptReader = {
  objectLiteral: (uri, text) => load()?.objectLiteral(uri, text),
  cdk: (uri, text, readFile) => load()?.cdk(uri, text, readFile),
};
