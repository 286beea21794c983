// One comparison of a workload (workloadComparison) serves the view and the workspace summary; the summary's
// recommendation is made at the prices its figures use, the user's price overrides included (it used to be
// made at list prices, so a row could show Fargate cheaper and recommend Lambda).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { workloadComparison, workloadSummary } from '../../../src/core/cost/comparison.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { type PriceOverrides } from '../../../src/core/cost/price-book.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const template = join(fixtures, 'template.yaml');
const model = analyzeText({ uri: template, text: readFileSync(template, 'utf8') }, resolveConfig({})).model!;
const usage = parseUsageFile('crossover.usage.yml', readFileSync(join(fixtures, 'crossover.usage.yml'), 'utf8'));
const fn = model.functions.find((f) => f.id === 'ApiFunction')!;

// Fargate at a hundredth of its list price: cheaper than Lambda at the fixture's 10M requests a month.
const CHEAP_FARGATE: PriceOverrides = {
  'fargate.vcpuHour.x86_64': 0.0004048,
  'fargate.gbHour.x86_64': 0.00004445,
  'fargate.vcpuHour.arm64': 0.0003238,
  'fargate.gbHour.arm64': 0.0000356,
  'alb.hour': 0.000225,
  'alb.lcuHour': 0.00008,
};

describe('the workspace summary', () => {
  test('at list prices: Lambda is cheaper for the API function, and the summary recommends it', () => {
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings({}));
    const row = workloadSummary(estimate, { fn });
    expect(row.lambdaUsd).toBeLessThan(row.fargateUsd);
    expect(row.recommendation).toBe('lambda');
  });

  test('with price overrides: the recommendation follows the figures the row shows', () => {
    const settings = resolveCostSettings({ priceOverrides: CHEAP_FARGATE });
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, settings);
    const row = workloadSummary(estimate, { fn });
    expect(row.fargateUsd).toBeLessThan(row.lambdaUsd);
    expect(row.recommendation).toBe('fargate');
    // The same comparison as the view's for that workload.
    expect(workloadComparison(estimate, {}, settings.priceOverrides).report.cheaper).toBe('fargate');
  });
});
