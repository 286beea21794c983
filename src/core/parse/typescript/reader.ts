/**
 * Entry point of dist/typescript-reader.js: everything that needs the TypeScript compiler, bundled apart
 * so the faces load it only when a serverless.ts or a CDK app is analysed.
 */
import { readCdkTypeScript } from '../cdk/typescript-app.js';
import { objectLiteralTree } from './object-literal.js';

export const typescriptReader = { objectLiteral: objectLiteralTree, cdk: readCdkTypeScript };
