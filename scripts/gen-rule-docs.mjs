// Writes docs/rules/<id>.md and docs/rules/README.md from the rules' metadata (see src/core/rules/docs.ts).
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'crossover-docs-'));
try {
  const outfile = join(dir, 'docs.mjs');
  await esbuild.build({
    stdin: {
      contents: "export { RULES } from './src/core/rules/registry.ts'; export { renderRuleDoc, renderRuleIndex, docsPath, ruleSettingProperties } from './src/core/rules/docs.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const { RULES, renderRuleDoc, renderRuleIndex, docsPath, ruleSettingProperties } = await import(pathToFileURL(outfile).href);
  for (const rule of RULES) {
    const file = join(root, docsPath(rule.meta.id));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderRuleDoc(rule.meta));
  }
  writeFileSync(join(root, 'docs/rules/README.md'), renderRuleIndex(RULES));
  // The crossover.rules setting lists every rule id, so VS Code completes and validates them.
  const manifestPath = join(root, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.contributes.configuration.properties['crossover.rules'].properties = ruleSettingProperties(RULES);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${RULES.length} rule pages, docs/rules/README.md and the crossover.rules setting schema`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
