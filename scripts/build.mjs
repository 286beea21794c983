// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { reducedServiceSpecGz, serviceSpecBeside } from './service-spec.mjs';

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

/** Brotli quality of the compressed bundles and WebAssembly: the best for the package, a fast one while developing. */
const brotliQuality = production ? 11 : 5;

/** Compressed on libuv's threads, so the bundles compress side by side. */
function brotli(bytes) {
  return promisify(brotliCompress)(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

/**
 * Writes by renaming a finished file into place: the tests build in parallel while others run the CLI from dist/,
 * which must never read half a file.
 */
function writeWhole(path, bytes) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

/**
 * The readers loaded on demand are written brotli-compressed (`<outfile>.br`, src/node/compressed.ts loads them):
 * the VSIX's deflate makes the TypeScript compiler 1 MB, brotli 0.8 MB.
 */
const brotliOutput = {
  name: 'brotli-output',
  setup(build) {
    build.onEnd(async (result) => {
      for (const file of result.outputFiles ?? []) {
        writeWhole(`${file.path}.br`, await brotli(file.contents));
        rmSync(file.path, { force: true }); // an uncompressed one from an older build
      }
    });
  },
};

/** A reader bundle, loaded on demand, written compressed. */
const reader = { ...common, sourcemap: false, minify: true, write: false, plugins: [brotliOutput] };

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['vscode'] },
  // The engine in a worker thread for the editor: parsing, readers and rules off the extension host.
  { ...common, entryPoints: ['src/node/engine-worker.ts'], outfile: 'dist/engine-worker.js' },
  // `crossover check`'s worker threads (CLI only, not in the extension's package): the engine without the CLI's faces.
  { ...common, entryPoints: ['src/cli/check-worker.ts'], outfile: 'dist/check-worker.js', sourcemap: false },
  // The TypeScript compiler with the serverless.ts and CDK readers, loaded by both faces only when needed.
  { ...reader, entryPoints: ['src/core/parse/typescript/reader.ts'], outfile: 'dist/typescript-reader.js' },
  // tree-sitter with the Python CDK reader, loaded when a Python CDK app is analysed; its WebAssembly beside it.
  {
    ...reader,
    entryPoints: ['src/core/parse/python/reader.ts'],
    outfile: 'dist/python-reader.js',
    // Its CommonJS build: the ESM one finds its files through import.meta.url, which a CommonJS bundle lacks.
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  },
  // tree-sitter with the Terraform reader, loaded when a Terraform file is analysed; its grammar beside it.
  {
    ...reader,
    entryPoints: ['src/core/parse/terraform/reader.ts'],
    outfile: 'dist/terraform-reader.js',
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  },
  // @aws-cdk/cloudformation-diff for `crossover diff` and the change against HEAD; its database beside it.
  {
    ...common,
    entryPoints: ['src/node/resource-differ.ts'],
    outfile: 'dist/resource-differ.js',
    sourcemap: false,
    minify: true,
    mainFields: ['main'],
    plugins: [serviceSpecBeside],
  },
  // The same in a worker thread, for the editor (the specification's load stays out of the extension host).
  {
    ...common,
    entryPoints: ['src/node/resource-differ-worker.ts'],
    outfile: 'dist/resource-differ-worker.js',
    sourcemap: false,
    minify: true,
    mainFields: ['main'],
    plugins: [serviceSpecBeside],
  },
  // The comparison view: browser code (the webview), with its UI components and chart library.
  {
    entryPoints: ['webview/compare/main.ts'],
    outfile: 'dist/webview/compare.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  },
];

mkdirSync('dist', { recursive: true });
// tree-sitter's runtime and grammars, compressed like the readers that load them.
const wasm = [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ['node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm'],
].map(async ([from, name]) => {
  writeWhole(`dist/${name}.br`, await brotli(readFileSync(from)));
  rmSync(`dist/${name}`, { force: true });
});
// The CloudFormation specification reduced to what the resource comparison reads (2.6 MB -> about 80 KB).
writeWhole('dist/db.json.gz', reducedServiceSpecGz());
await Promise.all(wasm);

if (watch) {
  for (const options of targets) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching src/ ...');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
