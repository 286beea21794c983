/**
 * The prices the engine computes with: the sourced table (pricing.generated.ts, from data/pricing) with
 * every region's missing prices taken from the fallback region and marked (resolvePriceTable). `npm run pricing`
 * checks the data before it writes the module, and test/unit/cost/prices.test.ts checks the module; each region is
 * resolved when an estimate first reads it (lazyPriceTable), not when the bundle loads.
 */
import { lazyPriceTable } from './price-table.js';
import { PRICE_SOURCE } from './pricing.generated.js';

export const PRICE_TABLE = lazyPriceTable(PRICE_SOURCE);
