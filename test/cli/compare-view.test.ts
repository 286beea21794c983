// The comparison view shows the figures `crossover cost --format json` prints for the same inputs: the
// view's data (computed by the extension with workloadComparison) against the real CLI bundle, for the
// workload as the template and usage file give it and after edits in the view.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { workloadComparison, type Overrides } from '../../src/core/cost/comparison.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { roundMoney } from '../../src/core/cost/report.js';
import { parseUsageFile } from '../../src/core/cost/usage-file.js';
import { analyzeText } from '../../src/core/engine.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'cost');
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'crossover-view-'));
  cpSync(fixtures, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cliReport(resource: string): Record<string, unknown> {
  const run = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'cost', 'template.yaml', '--resource', resource, '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** The view's report for a function, as the extension computes it (template + usage file + default settings). */
function viewReport(resource: string, overrides: Overrides): Record<string, unknown> {
  const path = join(dir, 'template.yaml');
  const model = analyzeText({ uri: path, text: readFileSync(path, 'utf8') }, resolveConfig({})).model!;
  const usage = parseUsageFile(join(dir, 'crossover.usage.yml'), readFileSync(join(dir, 'crossover.usage.yml'), 'utf8'));
  const fn = model.functions.find((f) => f.id === resource)!;
  const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, resolveCostSettings({}));
  return JSON.parse(JSON.stringify(workloadComparison(estimate, overrides, {}).report, roundMoney)) as Record<string, unknown>;
}

const FIGURES = ['lambda', 'fargate', 'crossover', 'cheaper', 'assumptions', 'priceDate', 'region'];
const pick = (report: Record<string, unknown>) => Object.fromEntries(FIGURES.map((k) => [k, report[k]]));

describe('the view equals crossover cost --format json', () => {
  test.each(['ApiFunction', 'ReportFunction'])('%s as the template and usage file give it', (resource) => {
    const cli = cliReport(resource);
    expect((cli['lambda'] as { monthlyUsd: number }).monthlyUsd).toBeGreaterThan(0);
    expect(pick(viewReport(resource, {}))).toEqual(pick(cli));
  });

  test('after edits in the view: the same figures as the CLI with those values in the usage file', () => {
    const edits: Overrides = { requestsPerMonth: 250_000_000, durationMs: 40, region: 'eu-west-1' };
    const view = viewReport('ApiFunction', edits);
    writeFileSync(
      join(dir, 'crossover.usage.yml'),
      'region: eu-west-1\nresources:\n  ApiFunction:\n    requestsPerMonth: 250000000\n    averageDurationMs: 40\n    averagePayloadKb: 4\n',
    );
    const cli = cliReport('ApiFunction');
    expect(pick(view)).toEqual(pick(cli));
    expect(view['region']).toBe('eu-west-1');
    expect((view['assumptions'] as { requestsPerMonth: number }).requestsPerMonth).toBe(250_000_000);
  });
});
