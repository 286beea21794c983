// Helpers that drive VS Code's workbench in the browser. Every wait is on visible state, with a timeout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from './.cache/node_modules/playwright-core/index.mjs';

export async function launch(url) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return { browser, page, consoleErrors };
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function waitFor(what, probe, { timeout = 30_000, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Opens a workspace file through Quick Open, clicking the row whose path matches (Enter can race the list). */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  const folder = relativePath.split('/').slice(0, -1).join('/');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(relativePath);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).filter({ hasText: folder || name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await page.locator(`.tab.active[data-resource-name="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

export async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Problems panel rows as text: file rows ("template.yaml limits 1") and marker rows ("... [Ln 13, Col 16]"). */
export async function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.map((row) => `${row.getAttribute('aria-label') ?? ''} || ${row.innerText.replace(/\s+/g, ' ').trim()}`),
  );
}

/** Narrows the Problems panel to markers matching `text` (its list is virtualized: only visible rows exist). */
export async function filterProblems(page, text) {
  await showProblems(page);
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill(text);
  if (!text) return;
  // The panel applies the filter after a short delay: wait until every marker row shown matches it,
  // so a check for an absent row cannot pass just because the row is scrolled out of a virtual list.
  const needle = text.toLowerCase();
  await waitFor(`the Problems filter "${text}" to apply`, async () => {
    const markers = (await problemRows(page)).filter((r) => /^(Error|Warning|Info):/.test(r));
    return markers.every((r) => r.toLowerCase().includes(needle));
  });
}

/**
 * Waits until a marker row for `expectation` shows (file and folder, line, rule id, message text),
 * or, with `absent: true`, until none does.
 */
export async function waitForProblem(page, expectation, { absent = false, timeout = 30_000 } = {}) {
  await filterProblems(page, expectation.message);
  const describe = `${expectation.folder}/${expectation.file}:${expectation.line} ${expectation.ruleId}${absent ? ' to disappear' : ''}`;
  return waitFor(
    `the Problems entry ${describe}`,
    async () => {
      const rows = await problemRows(page);
      const fileIndex = rows.findIndex((r) => r.includes(`in file ${expectation.file} of folder ${expectation.folder}`));
      const severity = { error: 'Error:', warning: 'Warning:', info: 'Info:' }[expectation.severity];
      const marker =
        fileIndex >= 0 &&
        rows
          .slice(fileIndex + 1)
          .find((r) => r.startsWith(severity) && r.includes(` ${expectation.ruleId} `) && r.includes(`[Ln ${expectation.line},`));
      return absent ? !marker : marker;
    },
    { timeout },
  );
}

/** Squiggles of a severity in the active editor ('error' | 'warning' | 'info'). */
export async function squiggles(page, severity) {
  return page.locator(`.editor-instance .monaco-editor .view-overlays .squiggly-${severity}`).count();
}

/** Moves the cursor to a line and column (1-based) with Quick Open's ":line:column" (Go to Line). */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `line ${line}` }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Shows the hover at line:column (1-based) with the keyboard, as "Show or Focus Hover" does. */
export async function hoverAt(page, line, column) {
  await goTo(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Replaces `length` characters at line:column with `text`, by typing as a user would. */
export async function replaceAt(page, line, column, length, text) {
  await goTo(page, line, column);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(text, { delay: 20 });
}

/** The extension's log channel file, and the extension host's log, from the profile on disk. */
export function logs(userData) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(join(userData, 'logs'));
  const read = (predicate) => files.filter(predicate).map((f) => readFileSync(f, 'utf8')).join('\n');
  return {
    crossover: read((f) => f.endsWith('/crossover.crossover/Crossover.log')),
    extensionHost: read((f) => /exthost\.log$/.test(f)),
  };
}
