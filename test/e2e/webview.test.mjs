/* global window, document, getComputedStyle -- page.evaluate callbacks run in the browser */
// The comparison view outside VS Code: the built webview bundle (dist/webview/compare.js) in the same page
// the extension serves (same CSP), in plain Chromium, with a state computed from test/fixtures/cost by the
// engine. Checks the figures it shows against that state, the messages an edit sends, keyboard focus,
// that no CSP violation or error happens, and saves light and dark screenshots.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from './.cache/node_modules/playwright-core/index.mjs';

const here = import.meta.dirname;
const repo = join(here, '..', '..');
const artifacts = join(here, 'artifacts');
const requireRepo = createRequire(join(repo, 'package.json'));
const esbuild = requireRepo('esbuild');

/** VS Code's theme variables the view uses (values of Dark Modern and Light Modern). */
const THEMES = {
  dark: { 'vscode-foreground': '#cccccc', 'vscode-editor-background': '#1f1f1f', 'vscode-descriptionForeground': '#9d9d9d', 'vscode-textLink-foreground': '#4daafc', 'vscode-charts-orange': '#d18616', 'vscode-charts-blue': '#3794ff', 'vscode-charts-foreground': '#cccccc', 'vscode-charts-lines': 'rgba(204,204,204,0.5)', 'vscode-badge-background': '#616161', 'vscode-badge-foreground': '#f8f8f8', 'vscode-focusBorder': '#0078d4', 'vscode-font-family': 'sans-serif', 'vscode-font-size': '13px', 'vscode-editorWidget-border': '#454545', 'vscode-textCodeBlock-background': '#2b2b2b', 'vscode-settings-textInputBackground': '#313131', 'vscode-settings-textInputForeground': '#cccccc', 'vscode-input-background': '#313131', 'vscode-input-foreground': '#cccccc', 'vscode-settings-dropdownBackground': '#313131', 'vscode-settings-dropdownForeground': '#cccccc', 'vscode-settings-checkboxBackground': '#313131' },
  light: { 'vscode-foreground': '#3b3b3b', 'vscode-editor-background': '#ffffff', 'vscode-descriptionForeground': '#717171', 'vscode-textLink-foreground': '#005fb8', 'vscode-charts-orange': '#d18616', 'vscode-charts-blue': '#1a85ff', 'vscode-charts-foreground': '#616161', 'vscode-charts-lines': 'rgba(97,97,97,0.5)', 'vscode-badge-background': '#cccccc', 'vscode-badge-foreground': '#3b3b3b', 'vscode-focusBorder': '#005fb8', 'vscode-font-family': 'sans-serif', 'vscode-font-size': '13px', 'vscode-editorWidget-border': '#c8c8c8', 'vscode-textCodeBlock-background': '#f3f3f3', 'vscode-settings-textInputBackground': '#ffffff', 'vscode-settings-textInputForeground': '#3b3b3b', 'vscode-input-background': '#ffffff', 'vscode-input-foreground': '#3b3b3b', 'vscode-settings-dropdownBackground': '#ffffff', 'vscode-settings-dropdownForeground': '#3b3b3b', 'vscode-settings-checkboxBackground': '#f8f8f8' },
};

let dir;
let browser;
let states;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crossover-view-'));
  const outfile = join(dir, 'view-state.cjs');
  await esbuild.build({ entryPoints: [join(here, 'view-state.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent', mainFields: ['module', 'main'] });
  states = createRequire(import.meta.url)(outfile);
  copyFileSync(join(repo, 'dist', 'webview', 'compare.js'), join(dir, 'compare.js'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The extension's page, with a stand-in for the webview API that records what the view posts. */
async function open(theme, state, { width = 900, height = 1400 } = {}) {
  const nonce = 'dGVzdC1ub25jZQ==';
  const variables = Object.entries(THEMES[theme]).map(([k, v]) => `--${k}: ${v};`).join(' ');
  const head = `<style nonce="${nonce}">body { ${variables} }</style>
<script nonce="${nonce}">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), setState: (s) => { window.saved = s; }, getState: () => undefined });</script>`;
  // As the extension writes it: the bundle inside the page (the strict CSP lets it run by its nonce).
  const script = readFileSync(join(dir, 'compare.js'), 'utf8');
  const html = states.comparePage({ nonce, cspSource: 'file:', scriptUri: './compare.js', script, head });
  assert.ok(!html.includes('src="./compare.js"'), 'the bundle is written into the page, not fetched');
  const file = join(dir, `${theme}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => window.posted.some((m) => m.type === 'ready'));
  await page.evaluate((s) => window.postMessage({ type: 'state', state: s }, '*'), state);
  await page.waitForSelector('#lambda-total');
  return { page, problems };
}

// Money as src/core/cost/format.ts writes it everywhere (whole dollars from $100).
const usd = (value) => `${value < 0 ? '-' : ''}$${Math.abs(value) >= 100 ? Math.round(Math.abs(value)).toLocaleString('en-US') : Math.abs(value).toFixed(2)}`;

for (const theme of ['dark', 'light']) {
  test(`the view renders the state's figures (${theme} theme), an edit posts an override, no CSP violation`, async () => {
    const state = states.viewState(join(repo, 'test', 'fixtures', 'cost'), 'ApiFunction');
    const { page, problems } = await open(theme, state);
    assert.equal(await page.locator('#lambda-total').innerText(), `${usd(state.data.report.lambda.monthlyUsd)}/mo`);
    assert.equal(await page.locator('#fargate-total').innerText(), `${usd(state.data.report.fargate.monthlyUsd)}/mo`);
    assert.equal(await page.locator('#checklist li').count(), state.decision.items.length);
    // The platform picked among those shown (Lambda, Fargate, ECS on EC2, ...), then its reasons.
    assert.ok((await page.locator('#recommendation').innerText()).startsWith(`${state.decision.recommendation.platform.label}: `));
    // The chart is drawn (a canvas with pixels), and it follows the theme's colours.
    const drawn = await page.evaluate(() => {
      const canvas = document.getElementById('chart');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
    assert.ok(drawn > 1000, `the chart has pixels (${drawn})`);
    // Keyboard: Tab reaches the source link first.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-source');
    // An edit: the view posts the override for the extension to recompute.
    await page.locator('#requests input').fill('5000000');
    await page.locator('#requests input').press('Enter');
    await page.waitForFunction(() => window.posted.some((m) => m.type === 'override'));
    const override = await page.evaluate(() => window.posted.find((m) => m.type === 'override'));
    assert.deepEqual(override, { type: 'override', overrides: { requestsPerMonth: 5000000 } });
    await page.screenshot({ path: join(artifacts, `20-view-plain-${theme}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/** How far the page scrolls sideways (0: it fits). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// Half of a 1440-wide window beside the editor (about 560 px once the side bar is open) and 400 px.
for (const width of [560, 400]) {
  test(`at ${width} px the comparison and the summary fit: no sideways scroll, fields and labels wrap, every summary column shown`, async () => {
    const state = states.viewState(join(repo, 'test', 'fixtures', 'cost'), 'ApiFunction', { platforms: ['ecs-ec2', 'eks-fargate'] });
    const { page, problems } = await open('light', state, { width, height: 900 });
    assert.equal(await sideways(page), 0, 'the comparison scrolls sideways');
    // Focusing a field keeps its label in view (nothing scrolls sideways, the label is inside the page).
    await page.locator('#fargate-memory input').focus();
    const label = await page.locator('vscode-label[for="fargate-memory"]').boundingBox();
    assert.ok(label && label.x >= 0 && label.x + label.width <= width, `the label is inside the view: ${JSON.stringify(label)}`);
    assert.equal(await page.evaluate(() => window.scrollX), 0);
    await page.screenshot({ path: join(artifacts, `21-view-${width}px-light.png`), fullPage: true });
    await page.locator('section.summary').screenshot({ path: join(artifacts, `21-view-${width}px-cards.png`) });
    await page.locator('section.chart').screenshot({ path: join(artifacts, `21-view-${width}px-chart.png`) });
    await page.locator('section.assumptions').screenshot({ path: join(artifacts, `21-view-${width}px-fields.png`) });

    // The summary: each row a card, every column named and inside the view.
    const rows = states.summaryRows(join(repo, 'test', 'fixtures', 'cost'));
    await page.evaluate((r) => window.postMessage({ type: 'summary', rows: r, freeTierCreditUsd: 0 }, '*'), rows);
    await page.waitForSelector('#summary-table');
    assert.equal(await sideways(page), 0, 'the summary scrolls sideways');
    const cells = await page
      .locator('#summary-table tbody tr:first-child td')
      .evaluateAll((tds) =>
        tds.map((td) => ({ label: td.dataset.label, before: getComputedStyle(td, '::before').content, box: td.getBoundingClientRect().toJSON() })),
      );
    assert.ok(cells.length >= 6, `every column of the row: ${cells.length}`);
    for (const cell of cells) {
      assert.ok(cell.box.width > 0 && cell.box.right <= width, `${cell.label} visible: ${JSON.stringify(cell.box)}`);
      assert.equal(cell.before, JSON.stringify(cell.label), `the cell names its column ${cell.label}`);
    }
    await page.screenshot({ path: join(artifacts, `21-summary-${width}px-light.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('typing on while new figures arrive: every key stays in the field, the edit applies without Enter', async () => {
  const fixtures = join(repo, 'test', 'fixtures', 'cost');
  const { page, problems } = await open('dark', states.viewState(fixtures, 'ApiFunction'));
  await page.locator('#requests input').click();
  await page.locator('#requests input').fill('');
  await page.keyboard.type('2000');
  // No Enter: the edit is sent once typing rests.
  await page.waitForFunction(() => window.posted.some((m) => m.type === 'override'));
  assert.deepEqual(await page.evaluate(() => window.posted.filter((m) => m.type === 'override')), [
    { type: 'override', overrides: { requestsPerMonth: 2000 } },
  ]);
  // The extension answers with new figures while the user goes on typing: the field keeps focus and text.
  await page.evaluate((s) => window.postMessage({ type: 'state', state: s }, '*'), states.viewState(fixtures, 'ApiFunction', { requestsPerMonth: 2000 }));
  await page.waitForSelector('#requests-reset');
  await page.keyboard.type('000');
  assert.equal(await page.locator('#requests input').inputValue(), '2000000');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'requests');
  // The field says it differs from the template, and its own Reset asks for the template's value.
  assert.match(await page.locator('#requests-edited').innerText(), /differs from the template/);
  await page.evaluate(() => (window.posted.length = 0));
  await page.locator('#requests-reset').click();
  await page.waitForFunction(() => window.posted.some((m) => m.type === 'override'));
  assert.deepEqual(await page.evaluate(() => window.posted.filter((m) => m.type === 'override').at(-1)), { type: 'override', overrides: {} });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the summary comes back with its rows when its webview is made anew (hidden, moved, maximized)', async () => {
  const rows = states.summaryRows(join(repo, 'test', 'fixtures', 'cost'));
  const nonce = 'dGVzdC1ub25jZQ==';
  const head = `<script nonce="${nonce}">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), setState: (s) => { sessionStorage.setItem('state', JSON.stringify(s)); }, getState: () => JSON.parse(sessionStorage.getItem('state') ?? 'null') ?? undefined });</script>`;
  const file = join(dir, 'summary.html');
  writeFileSync(file, states.comparePage({ nonce, cspSource: 'file:', scriptUri: './compare.js', head, loading: 'Loading the workspace summary…' }));
  const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
  await page.goto(pathToFileURL(file).href);
  assert.match(await page.locator('body').innerText(), /Loading the workspace summary/);
  await page.evaluate((r) => window.postMessage({ type: 'summary', rows: r, freeTierCreditUsd: 0 }, '*'), rows);
  await page.waitForSelector('#summary-table');
  // The webview is made anew (the page loads again); its rows show before any message comes.
  await page.reload();
  await page.waitForSelector('#summary-table', { timeout: 5_000 });
  assert.equal(await page.locator('#summary-table tbody tr').count(), rows.length);
  await page.close();
});
