// What flips the verdict and where each price comes from, as each face shows them: the hover and the report
// (src/core/present/cost.ts) and the comparison view (webview/compare/render.ts on the fake DOM). The figures
// themselves are checked in test/unit/cost/sensitivity.test.ts and prices.test.ts; here, that every face says them.
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { formatCount } from '../../../src/core/cost/format.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';
import { hoverMarkdown, reportMarkdown } from '../../../src/core/present/cost.js';
import { flipText } from '../../../src/core/present/labels.js';
import { type CompareViewState, type FromView } from '../../../src/shared/compare-messages.js';
import { chartSets } from '../../../webview/compare/chart-model.js';
import { viewState } from '../../e2e/view-state.js';
import { fakeDocument, type FakeElement } from '../../support/fake-dom.js';
import { SAM } from '../../support/templates.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');
const webview = (file: string): Promise<unknown> => import(/* @vite-ignore */ join(import.meta.dirname, '..', '..', '..', 'webview', 'compare', file));
const { render } = (await webview('render.ts')) as { render: (state: CompareViewState, post: (message: FromView) => void) => unknown };

beforeEach(() => vi.stubGlobal('document', fakeDocument));

// A 1,024 MB function behind an HTTP API at 40M requests a month: near the crossover (about 37M), so assumptions
// within their plausible range flip the verdict.
const template = SAM('      MemorySize: 1024\n      Events:\n        Get:\n          Type: HttpApi\n');
const fn = analyzeText({ uri: 'template.yaml', text: template }, resolveConfig({})).model!.functions[0]!;
const usage = (region: string) =>
  parseUsageFile('crossover.usage.yml', `region: ${region}\nresources:\n  Fn:\n    requestsPerMonth: 40000000\n    averageDurationMs: 100\n`);
const near = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage('us-east-1'), resolveCostSettings({ platforms: [] }));

describe('what flips the verdict, in the hover and the report', () => {
  test('near the crossover the estimate has flips, and the hover and the report say each of them', () => {
    expect(near.flips.length).toBeGreaterThan(0);
    expect(near.flips.map((f) => f.name)).toContain('CPU-busy share of the duration');
    // Markdown escapes a few characters (the "." of "3.2x"): compared as read.
    const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
    const md = hoverMarkdown('memory', near, priceBook(near.region), { limits: resolveConfig({}).limits });
    const report = reportMarkdown(near, 'template.yaml');
    for (const flip of near.flips) {
      expect(unescape(md)).toContain(`${flipText(flip)}.`);
      expect(unescape(report)).toContain(`${flipText(flip)}.`);
    }
    expect(md).toMatch(/_Check first:_ (Lambda|Fargate) becomes cheaper if CPU-busy share of the duration is (above|below) \d+%/);
  });

  test('far from the crossover nothing is said', () => {
    const far = estimateWorkload(
      { kind: 'lambda-function', fn },
      'template.yaml',
      parseUsageFile('crossover.usage.yml', 'resources:\n  Fn:\n    requestsPerMonth: 100000\n    averageDurationMs: 100\n'),
      resolveCostSettings({ platforms: [] }),
    );
    expect(far.flips).toEqual([]);
    expect(hoverMarkdown('memory', far, priceBook(far.region), { limits: resolveConfig({}).limits })).not.toMatch(/Check first/);
  });
});

describe('the comparison view', () => {
  test('near the crossover: the flips listed one by one, as the CLI and the hover word them', () => {
    // The fixture's API function (512 MB, HTTP API) at 40M requests: its crossover is at about 37.7M.
    const state = viewState(fixtures, 'ApiFunction', { requestsPerMonth: 40e6, platforms: [] });
    expect(state.data.report.flips.length).toBeGreaterThan(0);
    const view = render(state, () => {}) as unknown as FakeElement;
    const items = view
      .byId('flips')!
      .byTag('li')
      .map((li) => li.textContent);
    expect(items).toEqual(state.data.report.flips.map((f) => `${flipText(f)}.`));
  });

  test('every price the figures read, with its provenance, region and date', () => {
    const state = viewState(fixtures, 'ApiFunction', { region: 'eu-central-2', platforms: [] });
    const view = render(state, () => {}) as unknown as FakeElement;
    const lines = view
      .byId('prices-used')!
      .byTag('li')
      .map((li) => li.textContent);
    expect(lines.length).toBe(state.data.report.prices.length);
    // Zurich has its own Lambda request price; Fargate's vCPU price is borrowed from us-east-1 (no eu-central-2 source).
    expect(lines.find((l) => l.startsWith('Lambda requests'))).toMatch(/own.*eu-central-2/);
    expect(lines.find((l) => l.startsWith('Fargate vCPU'))).toMatch(/borrowed from us-east-1/);
    for (const [i, p] of state.data.report.prices.entries()) expect(lines[i]).toContain(p.date);
  });
});

describe('the chart and the text agree when the staircase crosses Lambda several times', () => {
  // The fixture's API function at 128 MB, invoked without a front door, against 0.25 vCPU tasks carrying 2 requests
  // each, at least one, on a flat day: Fargate is cheaper from about 30M, Lambda again from 52.56M (one task full)
  // to about 59M, Fargate for good after (as test/unit/cost/verdict.test.ts finds with the cost functions).
  const overrides = {
    requestsPerMonth: 60e6,
    memoryMb: 128,
    frontDoor: 'none' as const,
    fargateVcpu: 0.25,
    fargateMemoryGb: 0.5,
    perTaskConcurrency: 2,
    minTasks: 1,
    busyHoursPerDay: 24,
    platforms: [],
  };

  test('the verdict names the exception; the chart marks the first point and where Fargate stays cheaper', () => {
    const state = viewState(fixtures, 'ApiFunction', overrides);
    const crossover = state.data.report.crossover;
    const exceptions = crossover.exceptions ?? [];
    expect(exceptions.length).toBeGreaterThan(0);
    expect(crossover.staysCheaperFrom).toBeGreaterThan(crossover.requestsPerMonth!);
    const view = render(state, () => {}) as unknown as FakeElement;
    const text = view.byId('verdict')!.textContent;
    const [first] = exceptions;
    expect(first!.from).toBeCloseTo(52.56e6, -3);
    expect(text).toContain(
      `Fargate is cheaper from about ${formatCount(crossover.requestsPerMonth!)} requests/month, except ${formatCount(first!.from)}-${formatCount(first!.to)} (Lambda cheaper there)`,
    );
    expect(text).toContain(`for good from ${formatCount(crossover.staysCheaperFrom!)}.`);
    const { sets } = chartSets(state, { lines: { lambda: 'orange', fargate: 'blue' }, more: [], mark: 'grey' });
    expect(sets.find((s) => s.kind === 'crossover')!.data[0]!.x).toBe(crossover.requestsPerMonth);
    expect(sets.find((s) => s.kind === 'stays')!.data[0]!.x).toBe(crossover.staysCheaperFrom);
  });
});
