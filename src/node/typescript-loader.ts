/**
 * (Node hosts: the CLI and the extension.) Loads dist/typescript-reader.js (the TypeScript compiler with
 * the serverless.ts and CDK readers, bundled apart) the first time such a file is analysed, so ordinary
 * runs never pay for the compiler.
 */
import { join } from 'node:path';
import { type TypeScriptReader } from '../core/engine.js';

let reader: TypeScriptReader | null | undefined;

function load(): TypeScriptReader | undefined {
  if (reader === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      reader = (require(join(__dirname, 'typescript-reader.js')) as { typescriptReader: TypeScriptReader }).typescriptReader;
    } catch {
      reader = null; // not built (running from sources): TypeScript and JavaScript files are then not analysed
    }
  }
  return reader ?? undefined;
}

/** The reader the engine takes, loading the bundle at the first call of either method. */
export const typescriptReader: TypeScriptReader = {
  objectLiteral: (uri, text) => load()?.objectLiteral(uri, text),
  cdk: (uri, text, readFile) => load()?.cdk(uri, text, readFile),
};
