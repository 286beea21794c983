// Helpers that drive VS Code's workbench in the browser. Every wait is on visible state, with a timeout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from './.cache/node_modules/playwright-core/index.mjs';
/* global document -- the function given to page.evaluate in withWorkbenchState runs in the page */

export async function launch(url) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // The window's load starts here (the browser's own start before it is the test's, not the editor's).
  const navigatedAt = Date.now();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return { browser, page, consoleErrors, navigatedAt };
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

/**
 * Opens the quick input with `key` (Control+P: Quick Open, F1: the palette) and returns its text box. A key
 * pressed while a webview's frame has the focus (the comparison view, just after a window reload) can be lost
 * on a loaded machine: then the focus goes back to the workbench (a click on the side bar's title) and the key
 * is pressed again.
 */
export async function openQuickInput(page, key) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : 10_000 });
      return input;
    } catch (error) {
      if (attempt >= 3) throw await withWorkbenchState(page, error, `no quick input after ${key}`);
      // A dialog asking to save an editor closed by an earlier step takes every key: answered "Don't Save" (the
      // suite saves nothing through dialogs), and said on the test's output.
      const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" }).first();
      if (await dontSave.isVisible().catch(() => false)) {
        console.log(
          `e2e: a dialog asked to save: ${((await page.locator('.monaco-dialog-box').first().textContent()) ?? '').slice(0, 200)}; answered "Don't Save"`,
        );
        await dontSave.click({ timeout: 5_000 }).catch(() => undefined);
        continue;
      }
      // Out of the frame: a click on the side bar's title (focuses the side bar and does nothing else), or,
      // when the side bar is hidden, a blur of the focused element.
      const title = page.locator('.part.sidebar .composite.title').first();
      if (await title.isVisible().catch(() => false)) await title.click({ position: { x: 5, y: 5 }, timeout: 5_000 }).catch(() => undefined);
      else await page.evaluate('document.activeElement?.blur?.()');
    }
  }
}

/**
 * For a key that opened nothing: the error with what the window showed instead (the focused element, a dialog, the
 * notifications), and a screenshot in the artifacts folder (`failed-*.png`), so a failure in CI says why.
 */
async function withWorkbenchState(page, error, what) {
  const state = await page
    .evaluate(() => {
      const active = document.activeElement;
      const describe = (el) =>
        el
          ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
          : 'none';
      const dialog = document.querySelector('.monaco-dialog-box')?.textContent?.trim();
      const toasts = [...document.querySelectorAll('.notification-toast .notification-list-item-message')].map((n) => n.textContent?.trim());
      return `focus on ${describe(active)}${dialog ? `; a dialog: "${dialog.slice(0, 300)}"` : ''}${toasts.length ? `; notifications: ${toasts.map((t) => `"${t}"`).join(', ')}` : ''}`;
    })
    .catch((reason) => `the page could not be read (${reason instanceof Error ? reason.message : String(reason)})`);
  const artifacts = process.env.E2E_ARTIFACTS;
  let shot = '';
  if (artifacts) {
    const path = join(artifacts, `failed-${Date.now()}.png`);
    if (
      await page.screenshot({ path }).then(
        () => true,
        () => false,
      )
    )
      shot = `; screenshot ${path}`;
  }
  return new Error(`${what}: ${state}${shot}`, { cause: error });
}

/**
 * Opens a workspace file through Quick Open, clicking the row whose path matches (Enter can race the list).
 * The list can still be changing as search results arrive, so a click can land on a row that is going: when
 * no tab for the file comes, Quick Open is closed and the file asked for again.
 */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  const folder = relativePath.split('/').slice(0, -1).join('/');
  const tab = page.locator(`.tab.active[data-resource-name="${name}"], .tab.active:has-text("${name}")`).first();
  for (let attempt = 1; ; attempt++) {
    const input = await openQuickInput(page, 'Control+P');
    await input.fill(relativePath);
    const row = page
      .locator('.quick-input-list .monaco-list-row', { hasText: name })
      .filter({ hasText: folder || name })
      .first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    try {
      await tab.waitFor({ timeout: attempt < 3 ? 7_000 : 15_000 });
      // The list can change between finding the row and clicking it (search results arrive): a file of the same name
      // in another folder would pass the tab check, so the active editor's breadcrumbs must show the whole path.
      await waitFor(`the breadcrumbs of ${relativePath}`, async () => `/${await activePath(page)}/`.includes(`/${relativePath}/`), { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      if (await input.isVisible().catch(() => false)) await page.keyboard.press('Escape');
    }
  }
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

/** The active editor's breadcrumbs joined with "/" ("limits/template.yaml", then any symbols: "cost/template.yaml/Resources"). */
async function activePath(page) {
  const items = await page
    .locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')
    .allInnerTexts()
    .catch(() => []);
  return items
    .map((t) => t.trim())
    .filter(Boolean)
    .join('/');
}

export async function showProblems(page) {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  )
    await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Problems panel rows as text: file rows ("template.yaml limits 1") and marker rows ("... [Ln 13, Col 16]"). */
export async function problemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.map((row) => `${row.getAttribute('aria-label') ?? ''} || ${row.innerText.replace(/\s+/g, ' ').trim()}`),
  );
}

/** The Problems view's filter box (the visible one: the Output view keeps its own filter input in the DOM). */
const problemsFilter = (page) => page.locator('.markers-panel-action-filter input, .viewpane-filter input').filter({ visible: true }).first();

/**
 * Is the Problems panel filtered by `text`: the box holds it and every marker row shown matches it? The box can
 * lose what was typed, or hold it unapplied (the panel's first render at start-up, a view sharing the box): then
 * it is typed again and the answer is no until the panel has applied it. The panel filters after a short delay,
 * hence the row check, so a check for an absent row cannot pass just because the row is scrolled out of a
 * virtual list. `state` counts the polls that saw the text in the box but rows it does not match.
 */
async function filterApplied(page, text, state) {
  const filter = problemsFilter(page);
  if (!(await holds(filter, text))) {
    state.unapplied = 0;
    return false;
  }
  const applied = text
    ? (await problemRows(page)).filter((r) => /^(Error|Warning|Info):/.test(r)).every((r) => r.toLowerCase().includes(text.toLowerCase()))
    : !/Showing/.test(
        (await page
          .locator('.viewpane-filter-badge')
          .first()
          .textContent()
          .catch(() => '')) ?? '',
      );
  if (applied) return true;
  // About three seconds with the text in the box and the rows unfiltered: the panel did not take it.
  if (++state.unapplied >= 15) {
    state.unapplied = 0;
    await retype(filter, text);
  }
  return false;
}

/** Does the text box hold `text`? If not, it is typed again (cleared first, so the view sees a change) and the answer is no. */
export async function holds(input, text) {
  if ((await input.inputValue({ timeout: 2_000 }).catch(() => undefined)) === text) return true;
  await retype(input, text);
  return false;
}

async function retype(input, text) {
  await input.fill('', { timeout: 2_000 }).catch(() => undefined);
  await input.fill(text, { timeout: 2_000 }).catch(() => undefined);
}

/** Narrows the Problems panel to markers matching `text` (its list is virtualized: only visible rows exist). */
export async function filterProblems(page, text) {
  await showProblems(page);
  await problemsFilter(page).fill(text);
  const state = { unapplied: 0 };
  await waitFor(text ? `the Problems filter "${text}" to apply` : 'the Problems filter to clear', () => filterApplied(page, text, state));
}

const SEVERITY_LABEL = { error: 'Error:', warning: 'Warning:', info: 'Info:' };

/** Index of the marker row for `expectation` in `rows` (file row, then a marker with severity, rule id and line), or -1. */
export function findMarker(rows, expectation) {
  const fileIndex = rows.findIndex((r) => r.includes(`in file ${expectation.file} of folder `) && folderOf(r).includes(expectation.folder));
  if (fileIndex < 0) return -1;
  for (let i = fileIndex + 1; i < rows.length && !isFileRow(rows[i]); i++) {
    const r = rows[i];
    if (r.startsWith(SEVERITY_LABEL[expectation.severity]) && r.includes(` ${expectation.ruleId} `) && r.includes(`[Ln ${expectation.line},`)) return i;
  }
  return -1;
}

const isFileRow = (row) => / in file .+ of folder /.test(row);
const folderOf = (row) => / of folder (\S+)/.exec(row)?.[1] ?? '';

/** Is any row about `file` in a folder whose path contains `folder`? (For files that must not be listed.) */
export function listsFile(rows, { folder, file }) {
  return rows.some((r) => isFileRow(r) && r.includes(`in file ${file} of folder `) && folderOf(r).includes(folder));
}

/**
 * Waits until a marker row for `expectation` shows (file and folder, severity, line, rule id, message
 * text, and its related-information row if the expectation has one), or, with `absent: true`, until none does.
 */
export async function waitForProblem(page, expectation, { absent = false, timeout = 30_000 } = {}) {
  await filterProblems(page, expectation.message);
  const describe = `${expectation.folder}/${expectation.file}:${expectation.line} ${expectation.severity} ${expectation.ruleId}${absent ? ' to disappear' : ''}`;
  let rows = [];
  const state = { unapplied: 0 };
  try {
    return await waitFor(
      `the Problems entry ${describe}`,
      async () => {
        // Typed again if the box lost it; rows only count once the panel shows them filtered.
        const applied = await filterApplied(page, expectation.message, state);
        rows = await problemRows(page);
        if (!applied) return false;
        const index = findMarker(rows, expectation);
        if (absent) return index < 0;
        if (index < 0) return false;
        if (!expectation.related) return rows[index];
        const next = rows[index + 1] ?? '';
        return next.includes(expectation.related.text) && next.includes(`[Ln ${expectation.related.line},`) && rows[index];
      },
      { timeout },
    );
  } catch (error) {
    throw new Error(`${error.message}\nProblems rows:\n  ${rows.join('\n  ')}`, { cause: error });
  }
}

/** Squiggles of a severity in the active editor ('error' | 'warning' | 'info'). */
export async function squiggles(page, severity) {
  return page.locator(`.editor-instance .monaco-editor .view-overlays .squiggly-${severity}`).count();
}

/** Moves the cursor to a line and column (1-based) with Quick Open's ":line:column" (Go to Line). */
export async function goTo(page, line, column) {
  const input = await openQuickInput(page, 'Control+P');
  await input.fill(`:${line}:${column}`);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: `line ${line}` })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Shows the hover at line:column (1-based) with the keyboard, as "Show or Focus Hover" does. */
export async function hoverAt(page, line, column) {
  await goTo(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  // Wait for the fade-in to end, so a screenshot shows the hover opaque (best effort: only looks depend on it).
  const opacity = () => page.evaluate('getComputedStyle(document.querySelector(".monaco-hover:not(.hidden)")).opacity').catch(() => '0');
  await waitFor('the hover to be opaque', async () => (await opacity()) === '1', { timeout: 3_000 }).catch(() => undefined);
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
  const read = (predicate) =>
    files
      .filter(predicate)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  return {
    crossover: read((f) => f.endsWith('/crossover.crossover/Crossover.log')),
    extensionHost: read((f) => /exthost\.log$/.test(f)),
  };
}

/** Runs a command from the palette (F1) by its exact title, e.g. "Crossover: Rescan Workspace". */
export async function runCommand(page, title) {
  const input = await openQuickInput(page, 'F1');
  await input.fill(`>${title}`);
  const exactTitle = new RegExp(`^${escapeRegExp(title)}$`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactTitle }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Switches the colour theme through "Preferences: Color Theme", picking `name` (e.g. "Light Modern"). */
export async function pickColorTheme(page, name) {
  const input = await openQuickInput(page, 'F1');
  await input.fill('>Preferences: Color Theme');
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) })
    .first()
    .click();
  await waitFor('the theme picker', async () => /Color Theme/.test((await input.getAttribute('aria-label')) ?? ''));
  await input.fill(name);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
    .first()
    .click();
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Crossover's status bar item (its text, e.g. "Crossover: 9" or "Crossover: scanning 12/340"). */
export function statusItem(page) {
  return page.locator('.statusbar-item', { hasText: 'Crossover' }).first();
}

/** Closes the active editor through the palette; `dontSave` answers the "save changes?" dialog. */
export async function closeActiveEditor(page, { dontSave = false } = {}) {
  await runCommand(page, 'View: Close Editor');
  if (dontSave) {
    const button = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).first();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await button.click();
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/** Waits until the Crossover log file (written by the workbench, a little after the line is logged) matches. */
export async function waitForLog(userData, pattern, { timeout = 30_000 } = {}) {
  return waitFor(`the Crossover log to match ${pattern}`, () => pattern.test(logs(userData).crossover), { timeout });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The titles of the CodeLenses shown in the active editor, one per lens (a line's lenses share one decoration). */
export async function codeLensTexts(page) {
  return page.$$eval('.editor-instance .codelens-decoration a', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
}

/** The text of the visible hover ('' when none), spaces normalised. */
export async function hoverText(page) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  if (!(await hover.isVisible().catch(() => false))) return '';
  return ((await hover.innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ');
}

/** Waits until some frame of the page (webviews, the Markdown preview) shows `text`; returns that frame's text. */
export async function waitForFrameText(page, text, { timeout = 30_000 } = {}) {
  return waitFor(
    `a webview showing "${text}"`,
    async () => {
      for (const frame of page.frames()) {
        const body = await frame.evaluate('document.body ? document.body.innerText : ""').catch(() => '');
        if (body.includes(text)) return body;
      }
      return undefined;
    },
    { timeout },
  );
}

/**
 * Clicks the first "Compare" CodeLens of the editor and waits for the comparison of `name`: its text, the frame that
 * holds its figures, and a reader of a figure (`total('lambda-total')` -> dollars).
 */
export async function compareFromLens(page, name) {
  await page
    .locator('.editor-instance .codelens-decoration a', { hasText: /^Compare$/ })
    .first()
    .click();
  await page
    .locator('.tab', { hasText: `Compare: ${name}` })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  const view = await waitForFrameText(page, `${name}: Lambda or Fargate?`);
  const frame = await waitFor('the view frame', async () => {
    for (const f of page.frames())
      if (
        (await f
          .locator('#lambda-total')
          .count()
          .catch(() => 0)) > 0
      )
        return f;
    return undefined;
  });
  const total = async (id) => Number(((await frame.locator(`#${id}`).innerText()).match(/\$([\d.,]+)/)?.[1] ?? 'NaN').replace(/,/g, ''));
  return { view, frame, total };
}

/**
 * Opens the quick fix menu at line:column (Ctrl+.) and applies the action whose title contains `title`,
 * by keyboard as a user would (the menu's pointer guard swallows synthetic clicks).
 */
export async function applyQuickFix(page, line, column, title) {
  await goTo(page, line, column);
  const rows = page.locator('.action-widget .monaco-list-row');
  // The menu opens once the editor has the code actions for the cursor: ask again until it shows.
  await waitFor(`the quick fix "${title}" in the menu`, async () => {
    if ((await rows.filter({ hasText: title }).count()) > 0) return true;
    await page.keyboard.press('Control+.');
    return rows
      .filter({ hasText: title })
      .first()
      .waitFor({ state: 'visible', timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
  });
  for (let i = 0; i < 12; i++) {
    const focused =
      (await page
        .locator('.action-widget .monaco-list-row.focused')
        .first()
        .getAttribute('aria-label')
        .catch(() => null)) ?? '';
    if (focused.includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No quick fix "${title}" could be focused`);
}

/** The titles in the open quick fix menu. */
export async function quickFixTitles(page) {
  return page.locator('.action-widget .action-list-item, .context-view .monaco-list-row').allInnerTexts();
}

/**
 * The labels of the editor's context menu (right-click in the text of the active editor), then closes it
 * (`whileOpen` runs before, e.g. a screenshot). The menu is drawn by the workbench (in a shadow root, which
 * Playwright's CSS locators pierce).
 */
export async function editorContextMenu(page, { whileOpen } = {}) {
  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ button: 'right', position: { x: 40, y: 10 } });
  const menu = page.locator('.context-view .monaco-menu').first();
  await menu.waitFor({ state: 'visible', timeout: 10_000 });
  // Wait until the menu is complete: "Command Palette..." is its last group.
  const labels = await waitFor('the editor context menu', async () => {
    const texts = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    return texts.includes('Command Palette...') && texts;
  });
  if (whileOpen) await whileOpen();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden', timeout: 10_000 });
  return labels;
}
