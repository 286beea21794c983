// `npm run pricing`: data/pricing/prices.json (the sourced table people edit) -> src/core/data/pricing.generated.ts
// (the checked source; src/core/data/pricing.ts resolves each region's prices at load: own, derived by a rule of
// `derivations`, or borrowed from the fallback region). A unit test fails when the generated file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, repoRoot } from './lib/load-ts.mjs';

const { resolvePriceTable, renderPriceModule } = await loadTs(
  "export { resolvePriceTable } from './src/core/data/price-table.ts'; export { renderPriceModule } from './src/core/data/price-module.ts';",
);
const source = JSON.parse(readFileSync(join(repoRoot, 'data/pricing/prices.json'), 'utf8'));
// resolvePriceTable throws on bad data (a derivation without evidence, or one the sourced figures contradict), so
// an invalid table is never written.
const table = resolvePriceTable(source);
writeFileSync(join(repoRoot, 'src/core/data/pricing.generated.ts'), renderPriceModule(source));
const count = { own: 0, derived: 0, borrowed: 0 };
for (const region of Object.values(table.regions)) for (const price of Object.values(region.prices)) count[price.provenance]++;
console.log(
  `wrote src/core/data/pricing.generated.ts: ${Object.keys(table.regions).length} regions offered for estimates ` +
    `(not offered, no Lambda or Fargate price of their own: ${Object.keys(table.unlisted).join(', ') || 'none'}), prices as of ${table.asOf}; ` +
    `region prices: ${count.own} own, ${count.derived} derived, ${count.borrowed} borrowed from ${table.fallbackRegion}`,
);
for (const d of table.derivations) console.log(`  ${d.id} ${d.key}: holds in ${d.holdsIn.length} sourced region(s) (${d.holdsIn.join(', ')})`);
