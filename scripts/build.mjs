// Bundles the extension and the CLI with esbuild. `vscode` stays external: the editor provides it.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

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

/**
 * `@aws-cdk/aws-service-spec` reads its database from `<its lib>/../db.json.gz`; in the bundle it sits
 * beside dist/resource-differ.js instead. Fails the build if the library changes the line.
 */
const serviceSpecBeside = {
  name: 'service-spec-beside-bundle',
  setup(build) {
    build.onLoad({ filter: /@aws-cdk[\\/]aws-service-spec[\\/]lib[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = "path.join(__dirname, '..', DB_COMPRESSED)";
      if (!source.includes(line)) throw new Error(`${args.path}: the database path line changed; update scripts/build.mjs`);
      return { contents: source.replace(line, 'path.join(__dirname, DB_COMPRESSED)'), loader: 'js' };
    });
  },
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['vscode'] },
  // The engine in a worker thread for the editor: parsing, readers and rules off the extension host.
  { ...common, entryPoints: ['src/node/engine-worker.ts'], outfile: 'dist/engine-worker.js' },
  // `crossover check`'s worker threads (CLI only, not in the extension's package): the engine without the CLI's faces.
  { ...common, entryPoints: ['src/cli/check-worker.ts'], outfile: 'dist/check-worker.js', sourcemap: false },
  // The TypeScript compiler with the serverless.ts and CDK readers, loaded by both faces only when needed.
  { ...common, entryPoints: ['src/core/parse/typescript/reader.ts'], outfile: 'dist/typescript-reader.js', sourcemap: false, minify: true },
  // tree-sitter with the Python CDK reader, loaded when a Python CDK app is analysed; its WebAssembly beside it.
  {
    ...common,
    entryPoints: ['src/core/parse/python/reader.ts'],
    outfile: 'dist/python-reader.js',
    sourcemap: false,
    minify: true,
    // Its CommonJS build: the ESM one finds its files through import.meta.url, which a CommonJS bundle lacks.
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  },
  // tree-sitter with the Terraform reader, loaded when a Terraform file is analysed; its grammar beside it.
  {
    ...common,
    entryPoints: ['src/core/parse/terraform/reader.ts'],
    outfile: 'dist/terraform-reader.js',
    sourcemap: false,
    minify: true,
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
copyFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/web-tree-sitter.wasm');
copyFileSync('node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');
copyFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'dist/tree-sitter-terraform.wasm');
copyFileSync('node_modules/@aws-cdk/aws-service-spec/db.json.gz', 'dist/db.json.gz');

if (watch) {
  for (const options of targets) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching src/ ...');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
