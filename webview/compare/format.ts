export { formatCount as count, formatUsd as usd } from '../../src/core/browser.js';
/**
 * Money and counts in the views, written by core's formatter (src/core/cost/format.ts): the same text the
 * CodeLens, hovers, reports and the CLI show for the same amount. No DOM here, so tests import it.
 */
