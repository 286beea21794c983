/**
 * (Node hosts: the CLI and the extension.) Loads dist/typescript-object.js (the TypeScript compiler and the serverless.ts reader, bundled apart)
 * the first time a serverless.ts is analysed, so ordinary runs never pay for the compiler.
 */
import { join } from 'node:path';
import { type TreeNode } from '../core/parse/document/tree.js';

type Reader = (fileName: string, text: string) => TreeNode | undefined;
let reader: Reader | null | undefined;

export function parseTypeScript(uri: string, text: string): TreeNode | undefined {
  if (reader === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      reader = (require(join(__dirname, 'typescript-object.js')) as { objectLiteralTree: Reader }).objectLiteralTree;
    } catch {
      reader = null; // not built (running from sources): serverless.ts files are then not analysed
    }
  }
  return reader ? reader(uri, text) : undefined;
}
