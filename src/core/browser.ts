/**
 * The part of the engine's public API that browser code may import: the comparison view (webview/) and the
 * messages it shares with the extension (src/shared/compare-*.ts). Only modules without run-time imports of
 * their own: the money/count formatter, the view's labels, Lambda's limits as data, and types. Nothing here
 * pulls the rules, the readers or Node.js. src/core/index.ts re-exports all of it.
 */

// Presentation: the one money/count formatter and the names every face shares.
export { formatCount, formatUsd } from './cost/format.js';
export { FRONT_DOOR_LABELS, flipText, priceLine } from './present/labels.js';
// The view's and the summary's wording (present/view.ts imports only types and the formatter).
export {
  chartDescription,
  chartLines,
  chartText,
  compareTab,
  crossoverSentence,
  decisionText,
  platformPanels,
  platformUsd,
  pricesLine,
  sideLabel,
  summaryCell,
  summaryColumns,
  summaryPlatforms,
  summaryTotal,
  verdict,
  VIEW_LABELS,
  workloadQuestion,
  type PlatformPanel,
  type ViewWorkloadKind,
} from './present/view.js';

// The model's lists of choices (cost/model.ts has no imports).
export { SAVINGS_PLANS, type SavingsPlan } from './cost/model.js';

// Data: Lambda's limits (the view checks its inputs against them).
export { LAMBDA_LIMITS } from './data/limits.js';

// Types of the comparison (erased at build time).
export type { ComparisonData, Overrides, SummaryFigures } from './cost/comparison.js';
export type { Decision } from './cost/decision.js';
export type { EquivalentConfig } from './cost/equivalent.js';
export type { FrontDoor } from './cost/model.js';
