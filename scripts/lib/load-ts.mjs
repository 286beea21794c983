// Bundles a few exports of the TypeScript sources into a temporary CommonJS module and loads it, so scripts
// (docs generation, the benchmark) use the same code as the product without a separate build step.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** `contents`: an ES module re-exporting what the script needs, with paths relative to the repo root. */
/** `external`: packages required from node_modules at run time instead of bundled (those that read their own files). */
export async function loadTs(contents, { minify = false, alias, external } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'crossover-script-'));
  try {
    const outfile = join(dir, 'bundle.cjs');
    await esbuild.build({
      stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      minify,
      ...(alias ? { alias } : {}),
      // The bundle is written to a temporary folder: externals are required by their absolute path.
      ...(external ? { plugins: [absoluteExternals(external)] } : {}),
      outfile,
      logLevel: 'warning',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function absoluteExternals(names) {
  const require = createRequire(join(repoRoot, 'package.json'));
  return {
    name: 'absolute-externals',
    setup(build) {
      const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, (args) => ({ path: require.resolve(args.path), external: true }));
    },
  };
}
