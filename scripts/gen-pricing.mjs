// `npm run pricing`: data/pricing/prices.json (the sourced table people edit) -> src/core/data/pricing.generated.ts
// (the checked source; src/core/data/pricing.ts fills each region's gaps from the fallback region at load).
// A unit test fails when the generated file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, repoRoot } from './lib/load-ts.mjs';

const { resolvePriceTable, renderPriceModule } = await loadTs(
  "export { resolvePriceTable } from './src/core/data/price-table.ts'; export { renderPriceModule } from './src/core/data/price-module.ts';",
);
const source = JSON.parse(readFileSync(join(repoRoot, 'data/pricing/prices.json'), 'utf8'));
const table = resolvePriceTable(source);
// resolvePriceTable throws on bad data, so an invalid table is never written.
writeFileSync(join(repoRoot, 'src/core/data/pricing.generated.ts'), renderPriceModule(source));
const fallbacks = Object.values(table.regions)
  .flatMap((r) => Object.values(r.prices))
  .filter((p) => p.fallback).length;
console.log(
  `wrote src/core/data/pricing.generated.ts: ${Object.keys(table.regions).length} regions, prices as of ${table.asOf}, ${fallbacks} region prices from the fallback region`,
);
