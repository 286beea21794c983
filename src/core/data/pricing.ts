/**
 * The prices the engine computes with: the sourced table (pricing.generated.ts, from data/pricing) with
 * every region's missing prices taken from the fallback region and marked (resolvePriceTable).
 */
import { resolvePriceTable } from './price-table.js';
import { PRICE_SOURCE } from './pricing.generated.js';

export const PRICE_TABLE = resolvePriceTable(PRICE_SOURCE);
