/**
 * The engine's public API: the only module of src/core that src/cli, src/extension, src/node and src/shared
 * import (browser code imports src/core/browser.ts, re-exported here). ESLint enforces it
 * (`no-restricted-imports` in eslint.config.mjs). What is not exported here is internal to the engine: tests
 * may reach it, the faces may not. Add an export when a face needs one, in its group.
 */

// The browser-safe part: the money/count formatter, the view's labels, Lambda's limits, the comparison's types.
export * from './browser.js';

// Analysis: text in, workloads and findings out.
export { analyzeText, analyzeTextAsync, failedResult, isListed, type AnalysisResult, type Pause } from './engine.js';
export { DocumentMemo } from './parse/document/reuse.js';
export { compareFindings } from './analysis/findings.js';
export type { AnalysisInput, PythonReader, TerraformReader, TypeScriptReader } from './parse/readers.js';
export { decodeBytes } from './parse/document/load.js';
export { MAX_REFERENCED_FILE_BYTES, referenceReader } from './parse/serverless/file-reader.js';
export type { FileReader } from './parse/reference.js';
export { constructPaths, isSynthesizedTemplate, mapSynthesizedFindings, type CdkSource } from './parse/cdk/synthesized.js';

// Formats: what Crossover reads (the CLI walker, the workspace scan and activationEvents derive from it).
export {
  INPUT_FORMATS,
  SKIPPED_FOLDER_NAMES,
  candidateGlob,
  candidateLanguages,
  formatActivationEvents,
  isCandidateFile,
  isCodeFile,
  needsReader,
  readerFor,
} from './formats.js';

// Config and settings: the engine's configuration and the checks every face applies to `crossover.*` settings.
export { DEFAULT_MAX_FILE_SIZE_BYTES, defaultConfig, resolveConfig, type EngineConfig, type PartialConfig } from './config.js';
export { SEVERITY_SETTINGS, checkBoolean, checkRules, checkSetting } from './settings.js';

// Findings and fixes: what a rule reports, the rule catalogue, the docs links.
export { atLeast, type Finding, type Fix, type Severity, type SeveritySetting } from './findings.js';
export { RULES, RULES_BY_ID } from './rules/registry.js';
export { docsUrl } from './rules/rule.js';
export { docsPath } from './rules/docs.js';

// Model types: the nodes and locations the faces show.
export type { Field } from './model/field.js';
export { NODE_LISTS, type TemplateModel } from './model/template.js';
export type { Range, SourceLocation } from './model/location.js';
export type { ConstructInstance, EcsTaskDefinition, LambdaFunction, ResourceBase } from './model/nodes.js';

// Cost and platforms: prices, settings, usage file, estimates, the comparison, the crossover solver, reports.
export { DEFAULT_REGION, priceBook, regions, type PriceBook, type PriceUsed } from './cost/price-book.js';
export { DEFAULT_COST_SETTINGS, resolveCostSettings, type CostSettings } from './cost/settings.js';
export { FRONT_DOORS, type Architecture, type Scenario } from './cost/model.js';
export { fargateFor } from './cost/assumptions.js';
export { capacityNotes } from './cost/platforms/ecs-fargate.js';
export { availablePlatforms, DEFAULT_PLATFORM_IDS, offeredPlatforms, platforms } from './cost/platforms/index.js';
export { USAGE_FILE_NAMES, NO_USAGE_FILE, emptyUsage, parseUsageFile, type UsageFile } from './cost/usage-file.js';
export { changedSpan, usageEdit, withTraffic } from './cost/usage-writer.js';
export {
  EstimateMemo,
  runToEnd,
  templateCosts,
  templateCostSteps,
  type ShownWorkload,
  type CapacityCost,
  type FunctionCost,
  type ServiceCost,
  type TaskCost,
  type TemplateCosts,
} from './cost/workloads.js';
export { homeCost, type RunsOn } from './cost/home.js';
export { compare, platformNotes, priceKeysOf, pricesRead, ranking, type Comparison, type WorkloadEstimate } from './cost/estimate.js';
export { capacitySummary, workloadComparison, workloadSummary, type SummaryFigures } from './cost/comparison.js';
export { viewFigures, type ViewedWorkload, type ViewFigures } from './cost/view-figures.js';
export { crossovers } from './cost/crossover.js';
export { verdictFlips, type Flip } from './cost/sensitivity.js';
export {
  comparisonReport,
  readingReport,
  roundMoney,
  type CostReport,
  type FunctionReport,
  type InstanceReport,
  type TaskReport,
  type TemplateReport,
} from './cost/report.js';

// Presentation: what Crossover says (lenses, hovers, reports, `crossover cost` text) and Markdown helpers.
export { declarationKey, declaredElsewhere, groupForLenses, instancesOfFile, type InstanceGroup } from './cost/instances.js';
export {
  asWritten,
  countedWorkloads,
  totalFigures,
  workspaceTotal,
  workspaceTotalSteps,
  type AsWritten,
  type CountedWorkload,
  type TotalFigures,
  type WorkspaceTotal,
} from './cost/totals.js';
export {
  countedOnce,
  fileFigures,
  fileFigureSteps,
  pickTitle,
  type FileFigures,
  type WorkloadFigures,
  type WorkloadPick,
} from './present/workspace-figures.js';
export {
  COMPARE_LENS,
  editUsageLink,
  hoverMarkdown,
  lensTitle,
  lensTooltip,
  reportMarkdown,
  statusText,
  statusTooltip,
  taskHoverMarkdown,
  taskLensTitle,
  workloadLensTitle,
  capacityLensTitle,
  capacityLensTooltip,
  instancesLensTitle,
  instancesLensTooltip,
  instanceHoverLine,
  valueFromHoverLine,
  siteLensTitle,
  type CostField,
} from './present/cost.js';
export { costText } from './present/cost-text.js';
export { EDITOR_TEXT } from './present/editor.js';
export { notificationText, plainLabel } from './markdown.js';

// Diff: two versions of a set of files -> cost, findings and resource changes, and their text.
export {
  diffSides,
  diffSidesAsync,
  worstAdded,
  type AsyncResourceDiffer,
  type DiffReport,
  type PropertyChange,
  type ResourceChange,
  type ResourceDiffer,
  type Side,
  type SideFile,
} from './diff/diff.js';
export { diffJson, diffMarkdown, diffText, percentChange, signedUsd } from './diff/format.js';
export type { TemplateObject } from './diff/cloudformation-view.js';

// Data: limits the faces check their options against (Lambda's are in the browser-safe part).
export {
  API_GATEWAY_LIMITS,
  FARGATE_LIMITS,
  fargateSizesText,
  isFargateEphemeralStorage,
  isFargateSize,
  isLambdaEphemeralStorage,
  nearestFargateSize,
} from './data/limits.js';
