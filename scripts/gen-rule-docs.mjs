// Writes docs/rules/<id>.md, docs/rules/README.md and the crossover.rules setting schema in package.json
// from the rules' metadata (see src/core/rules/docs.ts). A meta test fails when they are out of date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadTs, repoRoot as root } from './lib/load-ts.mjs';

const { RULES, renderRuleDoc, renderRuleIndex, docsPath, ruleSettingProperties } = await loadTs(
  "export { RULES } from './src/core/rules/registry.ts'; export { renderRuleDoc, renderRuleIndex, docsPath, ruleSettingProperties } from './src/core/rules/docs.ts';",
);
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
