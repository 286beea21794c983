// Every face iterates over the registered platforms: a platform registered only here (a flat-priced "test VM")
// shows up in the hover and report Markdown, the task lens, the workspace summary's rows, columns and total, the
// status bar, and the comparison view (its cards, breakdowns and chart lines, rendered by the real webview
// render functions on a fake DOM), without any of those files naming it. Without it, they show what they did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { workloadSummary } from '../../../src/core/cost/comparison.js';
import { estimateWorkload, type WorkloadEstimate } from '../../../src/core/cost/estimate.js';
import { registerPlatform } from '../../../src/core/cost/platforms/index.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type LambdaFunction } from '../../../src/core/model/nodes.js';
import { HOVER_GAP, hoverMarkdown, reportMarkdown, statusText, statusTooltip } from '../../../src/core/present/cost.js';
import { addToTotal, emptyTotal, type WorkspaceTotal } from '../../../src/core/cost/totals.js';
import { chartLines, summaryColumns, summaryTotal, VIEW_LABELS } from '../../../src/core/present/view.js';
import { formatUsd } from '../../../src/core/cost/format.js';
import { checkToView } from '../../../src/shared/compare-checks.js';
import { type CompareViewState, type FromView, type SummaryRow } from '../../../src/shared/compare-messages.js';
import { viewState } from '../../e2e/view-state.js';
import { TEST_VM_MONTHLY_USD, testVm } from '../../support/test-platform.js';
import { fakeDocument, type FakeElement } from '../../support/fake-dom.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cost');

// The webview's render functions, loaded by path: they are typed against the DOM (webview/tsconfig.json), which
// the engine's and the tests' type check leaves out; here they run on the fake DOM.
const webview = (file: string): Promise<unknown> => import(/* @vite-ignore */ join(import.meta.dirname, '..', '..', '..', 'webview', 'compare', file));
const { render } = (await webview('render.ts')) as { render: (state: CompareViewState, post: (message: FromView) => void) => unknown };
const { renderSummary } = (await webview('summary.ts')) as {
  renderSummary: (rows: SummaryRow[], sort: { key: string; descending: boolean }, onSort: () => void, post: () => void) => unknown;
};
const MONTHLY = TEST_VM_MONTHLY_USD;

const model = analyzeText(
  { uri: `file://${join(fixtures, 'template.yaml')}`, text: readFileSync(join(fixtures, 'template.yaml'), 'utf8') },
  resolveConfig({}),
).model!;
const usage = parseUsageFile(join(fixtures, 'crossover.usage.yml'), readFileSync(join(fixtures, 'crossover.usage.yml'), 'utf8'));
const limits = resolveConfig({}).limits;

// The platforms the faces cost here: the test VM alone beside Lambda and Fargate (the default columns are named off).
let named: string[] = [];

function estimateOf(fn: LambdaFunction, withUsage = true): WorkloadEstimate {
  return estimateWorkload(
    { kind: 'lambda-function', fn },
    'template.yaml',
    withUsage ? usage : parseUsageFile('none.yml', ''),
    resolveCostSettings({ platforms: named }),
  );
}

function summaryRows(): SummaryRow[] {
  return model.functions.map((fn, i) => ({
    id: fn.id,
    kind: 'lambda-function',
    file: 'template.yaml',
    uri: 'file:///t/template.yaml',
    line: i,
    ...workloadSummary(estimateOf(fn), { fn }),
  }));
}

function total(): WorkspaceTotal {
  const t: WorkspaceTotal = emptyTotal();
  for (const fn of model.functions) addToTotal(t, estimateOf(fn, false));
  return t;
}

beforeEach(() => vi.stubGlobal('document', fakeDocument));
afterEach(() => vi.unstubAllGlobals());

describe('a platform registered only in the test', () => {
  let unregister: () => void = () => {};
  beforeEach(() => {
    unregister = registerPlatform(testVm);
    named = ['test-vm'];
  });
  afterEach(() => {
    unregister();
    named = [];
  });

  test('has a column in the hover table (typical and low–high) and a crossover sentence', () => {
    const fn = model.functions.find((f) => f.id === 'ApiFunction')!;
    const assumed = estimateOf(fn, false);
    const md = hoverMarkdown('memory', assumed, priceBook(assumed.region), { limits }).replaceAll(HOVER_GAP, '');
    expect(md).toContain('| | Lambda | Fargate | Test VM |');
    expect(md).toContain('|---|---:|---:|---:|');
    expect(md).toMatch(/\| typical \([^)]*\) \| \$[\d.,]+ \| \$[\d.,]+ \(\d+ tasks\) \| \$250 \|/);
    expect(md).toMatch(/\| low–high \([^)]*\) \|[^\n]*\| \$250 \|\n/);
    const c = assumed.crossovers['test-vm'];
    expect(c?.kind).toBe('point');
    expect(md).toContain(`Test VM is cheaper from about **`);
  });

  test('has its own section in the report Markdown, with its parts and total', () => {
    const e = estimateOf(model.functions[0]!);
    const md = reportMarkdown(e, 'template.yaml');
    expect(md).toContain('## Test VM, monthly (1 × always-on VM, fixed)\n\n| Item | USD |\n|---|---:|\n| Instance | $250 |\n| **Total** | **$250** |\n');
    // After Fargate's section, before the assumptions.
    expect(md.indexOf('## Fargate, monthly')).toBeLessThan(md.indexOf('## Test VM, monthly'));
    expect(md.indexOf('## Test VM, monthly')).toBeLessThan(md.indexOf('## Assumptions'));
  });

  test('is a figure in the summary rows and a candidate for their cheapest platform', () => {
    const rows = summaryRows();
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.platforms).toEqual([{ id: 'test-vm', label: 'Test VM', monthlyUsd: MONTHLY }]);
      // The cheapest of every costed platform, the test VM among them.
      const lowest = Math.min(row.lambdaUsd, row.fargateUsd, MONTHLY);
      expect(row.cheapest?.monthlyUsd).toBeCloseTo(lowest, 6);
      expect(row.runsOn).toBe('Lambda');
      expect(row.homeUsd).toBe(row.lambdaUsd);
    }
    expect(checkToView({ type: 'summary', rows }).ok).toBe(true);
    // The summary's columns are the workload as written: per-platform figures are in the comparison view.
    expect(summaryColumns(rows).map((c) => c.label)).toEqual([
      'Workload',
      'File',
      'Runs on',
      'Requests/month',
      'As written/mo',
      'Cheapest',
      'Saves/mo',
      'Recommendation',
    ]);

    const view = renderSummary(
      rows,
      { key: 'homeUsd', descending: true },
      () => {},
      () => {},
    ) as unknown as FakeElement;
    expect(view.byId('sort-homeUsd')?.textContent).toBe('As written/mo ▼');
    const cells = view
      .byTag('tbody')[0]!
      .byTag('tr')[0]!
      .byTag('td')
      .map((td) => td.textContent);
    expect(cells[2]).toBe('Lambda');
    expect(cells[4]).toBe(formatUsd(Math.max(...rows.map((r) => r.homeUsd))));
    expect(view.byId('summary-total')?.textContent).toBe(summaryTotal(rows));
  });

  test('is a figure in the workspace total, beside the as-written headline of the status bar', () => {
    const t = total();
    expect(t.others).toEqual([{ id: 'test-vm', label: 'Test VM', usd: MONTHLY * model.functions.length }]);
    // The status bar says what the functions cost where they run (Lambda); nothing runs on the test VM.
    expect(statusText(t)).toMatch(/^\$\(graph\) \$[\d.,]+\/mo as written( · save ~\$[\d.,]+)?$/);
    expect(statusTooltip(t)).toContain(`Lambda: ${formatUsd(t.asWritten)}/mo (${model.functions.length} workloads)`);
    expect(statusTooltip(t)).not.toContain('Test VM');
  });

  test('has a card, a breakdown table and a chart line in the comparison view', () => {
    const state = viewState(fixtures, 'ApiFunction', { platforms: ['test-vm'] });
    expect(state.data.platforms.map((p) => p.id)).toEqual(['lambda', 'ecs-fargate', 'test-vm']);
    expect(checkToView({ type: 'state', state: JSON.parse(JSON.stringify(state)) }).ok).toBe(true);
    const view = render(state, () => {}) as unknown as FakeElement;
    expect(view.byId('test-vm-total')?.textContent).toBe('$250/mo');
    const figures = view.all().filter((e) => e.getAttribute('class')?.startsWith('figure '));
    expect(figures.map((f) => f.getAttribute('class'))).toEqual(['figure lambda', 'figure fargate', 'figure test-vm more-0']);
    const table = view.byId('test-vm-breakdown')!;
    expect(table.byTag('caption')[0]!.textContent).toBe('Test VM: 1 × always-on VM (fixed)');
    expect(table.byTag('tbody')[0]!.textContent).toBe('Instance$250');
    expect(view.byId('chart')?.getAttribute('aria-label')).toMatch(/^Monthly cost of Lambda, Fargate and Test VM from /);
    const lines = chartLines(state.data);
    expect(lines.map((l) => l.label)).toEqual([expect.stringMatching(/^Lambda \(/), expect.stringMatching(/^Fargate \(/), 'Test VM']);
    expect(lines[2]!.values.every((v) => v === MONTHLY)).toBe(true);
    expect(view.outerHTML).toContain('<span class="label">Test VM</span>');
  });
});

describe('with Lambda and Fargate only', () => {
  test('the faces show the two, as before', () => {
    const fn = model.functions.find((f) => f.id === 'ApiFunction')!;
    const e = estimateOf(fn);
    const md = hoverMarkdown('memory', e, priceBook(e.region), { limits }).replaceAll(HOVER_GAP, '');
    expect(md).toContain('| | Lambda | Fargate |\n|---|---:|---:|\n');
    expect(reportMarkdown(e, 'template.yaml')).not.toMatch(/Test VM|, monthly \(1 ×/);
    const rows = summaryRows();
    expect(rows.every((r) => r.platforms === undefined)).toBe(true);
    for (const row of rows) expect(row.cheapest?.monthlyUsd).toBeCloseTo(Math.min(row.lambdaUsd, row.fargateUsd), 6);
    const t = total();
    expect(t.others).toEqual([]);
    expect(statusText(t)).toMatch(/^\$\(graph\) \$[\d.,]+\/mo as written( · save ~\$[\d.,]+)?$/);
    const view = render(viewState(fixtures, 'ApiFunction', { platforms: [] }), () => {}) as unknown as FakeElement;
    expect(view.byTag('table').map((t) => t.id)).toEqual(['lambda-breakdown', 'fargate-breakdown']);
    expect(view.byId('chart')?.getAttribute('aria-label')).toMatch(/^Monthly cost of Lambda and Fargate from 1,000 to 100 billion requests a month\. /);
  });
});

describe('compare compute only (the view toggle)', () => {
  test('the switch posts the override; the view then shows every side without its front door and says so', () => {
    const posted: FromView[] = [];
    const before = viewState(fixtures, 'ApiFunction');
    const view = render(before, (m) => posted.push(m)) as unknown as FakeElement;
    const toggle = view.byId('compute-only')!;
    expect(toggle.getAttribute('label')).toBe(VIEW_LABELS.computeOnly);
    expect(toggle.getAttribute('checked')).toBeNull();
    // The front door's share is in each breakdown's caption while it is counted.
    expect(view.byId('lambda-breakdown')!.byTag('caption')[0]!.textContent).toMatch(/ · \$[\d.,]+ of it API Gateway/);
    (toggle as unknown as { checked: boolean }).checked = true;
    for (const listener of toggle.listeners.get('change') ?? []) listener();
    expect(posted.at(-1)).toMatchObject({ type: 'override', overrides: { computeOnly: true } });

    const after = viewState(fixtures, 'ApiFunction', { computeOnly: true });
    expect(checkToView({ type: 'state', state: JSON.parse(JSON.stringify(after)) }).ok).toBe(true);
    const only = render(after, () => {}) as unknown as FakeElement;
    expect(only.byId('compute-only')!.getAttribute('checked')).toBe('');
    expect(only.byId('verdict')!.textContent).toMatch(/^Compute only \(no front door on any side\): /);
    for (const p of after.data.platforms) expect(after.data.report.platforms[p.id]!.frontDoor.usd).toBe(0);
    expect(after.data.platforms[0]!.monthlyUsd).toBeLessThan(before.data.platforms[0]!.monthlyUsd);
  });
});
