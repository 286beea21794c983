// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ESM builds: jsonc-parser's UMD build hides its modules behind dynamic requires.
  mainFields: ['module', 'main'],
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['vscode'] },
  // The TypeScript compiler with the serverless.ts and CDK readers, loaded by both faces only when needed.
  { ...common, entryPoints: ['src/core/parse/typescript/reader.ts'], outfile: 'dist/typescript-reader.js', sourcemap: false, minify: true },
];

if (watch) {
  for (const options of targets) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching src/ ...');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
