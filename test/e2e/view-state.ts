// Builds the comparison view's state for a function of test/fixtures/cost, the way the extension's panel
// does (template + usage file + default settings -> estimate -> comparison data, decision, equivalent).
// Bundled by webview.test.mjs with esbuild, so the plain-Chromium test renders real figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { type Overrides } from '../../src/core/cost/comparison.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { parseUsageFile } from '../../src/core/cost/usage-file.js';
import { viewFigures } from '../../src/core/cost/view-figures.js';
import { workloadSummary } from '../../src/core/cost/comparison.js';
import { analyzeText } from '../../src/core/engine.js';
import { type CompareViewState, type SummaryRow } from '../../src/shared/compare-messages.js';
import { comparePage } from '../../src/shared/compare-page.js';

export { comparePage };

export function viewState(fixtures: string, id: string, overrides: Overrides = {}): CompareViewState {
  const template = join(fixtures, 'template.yaml');
  const model = analyzeText({ uri: `file://${template}`, text: readFileSync(template, 'utf8') }, resolveConfig({})).model!;
  const usage = parseUsageFile(join(fixtures, 'crossover.usage.yml'), readFileSync(join(fixtures, 'crossover.usage.yml'), 'utf8'));
  const fn = model.functions.find((f) => f.id === id)!;
  const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings({}));
  return {
    workload: { id, kind: 'lambda-function', file: 'template.yaml', uri: `file://${template}`, line: fn.loc.range.start.line },
    overrides,
    ...viewFigures(estimate, { fn }, overrides, {}),
  };
}

/** The workspace summary's rows for every function of a fixture folder, as the extension's summary builds them. */
export function summaryRows(fixtures: string): SummaryRow[] {
  const template = join(fixtures, 'template.yaml');
  const model = analyzeText({ uri: `file://${template}`, text: readFileSync(template, 'utf8') }, resolveConfig({})).model!;
  const usage = parseUsageFile(join(fixtures, 'crossover.usage.yml'), readFileSync(join(fixtures, 'crossover.usage.yml'), 'utf8'));
  return model.functions.map((fn) => ({
    id: fn.id,
    kind: 'lambda-function' as const,
    file: 'a/rather/long/folder/name/of/the/workspace/template.yaml',
    uri: `file://${template}`,
    line: fn.loc.range.start.line,
    ...workloadSummary(estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings({})), { fn }),
  }));
}
