// `node scripts/findings-by-rule.mjs [corpus]`: every template of the shared corpus (../shared/corpus) through
// the engine with the default settings; prints the findings per rule and severity, how many carry a quick fix,
// and the runtimes that `lambda/deprecated-runtime` reports without an upgrade fix. A script, not a test: it
// reports figures (issue 17 compares them before and after a change of defaults).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTs, repoRoot } from './lib/load-ts.mjs';

const corpus = resolve(process.argv[2] ?? process.env.CROSSOVER_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus'));
if (!existsSync(join(corpus, 'INDEX.tsv'))) {
  console.error(`No corpus at ${corpus} (INDEX.tsv missing).`);
  process.exit(1);
}
const { analyzeText, resolveConfig, decodeBytes } = await loadTs(
  "export { analyzeText } from './src/core/engine.ts'; export { resolveConfig } from './src/core/config.ts'; export { decodeBytes } from './src/core/parse/document/load.ts';",
);
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const byRule = new Map();
const unfixedRuntimes = new Map();
let files = 0;
for (const line of readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').split('\n').slice(1)) {
  const [path] = line.split('\t');
  if (!path?.trim()) continue;
  const decoded = decodeBytes(readFileSync(join(corpus, path)));
  if (decoded.kind === 'binary') continue;
  files++;
  for (const finding of analyzeText({ uri: path, text: decoded.text }, config).findings) {
    const row = byRule.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0, hint: 0, fixed: 0 };
    row[finding.severity]++;
    if (finding.fix) row.fixed++;
    byRule.set(finding.ruleId, row);
    if (finding.ruleId === 'lambda/deprecated-runtime' && !finding.fix) {
      const runtime = /`([^`]+)`/.exec(finding.message)?.[1] ?? finding.message.slice(0, 40);
      unfixedRuntimes.set(runtime, (unfixedRuntimes.get(runtime) ?? 0) + 1);
    }
  }
}
const rows = [...byRule].sort((a, b) => b[1].warning - a[1].warning || b[1].error - a[1].error || a[0].localeCompare(b[0]));
const total = { error: 0, warning: 0, info: 0, hint: 0, fixed: 0 };
console.log(`${files} files of ${corpus}\n`);
console.log('| rule | error | warning | info | hint | with a fix |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [rule, row] of rows) {
  for (const key of Object.keys(total)) total[key] += row[key];
  console.log(`| ${rule} | ${SEVERITIES.map((s) => row[s]).join(' | ')} | ${row.fixed} |`);
}
console.log(`| **total** | ${SEVERITIES.map((s) => total[s]).join(' | ')} | ${total.fixed} |`);
console.log(`\nlambda/deprecated-runtime without a fix: ${unfixedRuntimes.size ? [...unfixedRuntimes].map(([r, n]) => `${r} ${n}`).join(', ') : 'none'}`);
