// The real-editor suite: VS Code (code-server) in Chromium, driven like a user would. Started by run.mjs.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { filterProblems, goTo, hoverAt, launch, logs, openFile, problemRows, replaceAt, showProblems, squiggles, waitFor, waitForProblem } from './workbench.mjs';

const { E2E_URL: url, E2E_USER_DATA: userData, E2E_ARTIFACTS: artifacts } = process.env;

/** What the fixture workspace must show: one row per expected diagnostic (add a row per new scenario). */
const EXPECTED = [
  { folder: 'limits', file: 'template.yaml', line: 13, severity: 'error', ruleId: 'lambda/timeout-max', message: 'above the Lambda maximum of 900 s' },
  { folder: 'api', file: 'template.yaml', line: 22, severity: 'warning', ruleId: 'lambda/api-gateway-timeout', message: 'integration timeout of REST API OrdersApi' },
  { folder: 'queue', file: 'template.yaml', line: 9, severity: 'warning', ruleId: 'sqs/visibility-timeout', message: 'below 6x the 30 s timeout' },
  { folder: 'database', file: 'template.yaml', line: 18, severity: 'warning', ruleId: 'rds/lambda-without-proxy', message: 'without RDS Proxy' },
  { folder: 'broken', file: 'template.yaml', line: 10, severity: 'error', ruleId: 'parse-error', message: 'Flow sequence in block collection' },
  { folder: 'broken', file: 'template.json', line: 10, severity: 'error', ruleId: 'parse-error', message: 'close brace expected' },
  { folder: 'broken', file: 'unknown-tag.yaml', line: 14, severity: 'warning', ruleId: 'unknown-tag', message: 'Unknown tag !Reff' },
  { folder: 'hostile', file: 'alias-bomb.yaml', line: 9, severity: 'error', ruleId: 'parse-error', message: 'alias bomb' },
];

let session;
const shot = async (name) => {
  mkdirSync(artifacts, { recursive: true });
  await session.page.screenshot({ path: join(artifacts, `${name}.png`) });
};

describe('Crossover in a real VS Code', { concurrency: false }, () => {
  before(async () => {
    assert.ok(url, 'run through test/e2e/run.mjs');
    session = await launch(url);
  });

  after(async () => {
    if (session) await session.browser.close();
  });

  test('the workspace scan lists templates that are not open, on the right lines', async () => {
    await showProblems(session.page);
    for (const expectation of EXPECTED) await waitForProblem(session.page, expectation, { timeout: 60_000 });
    await filterProblems(session.page, '');
    const rows = await problemRows(session.page);
    assert.ok(!rows.some((r) => /ci\.yml|package\.json/.test(r)), 'YAML and JSON that are not templates are left alone');
    await shot('01-problems-after-scan');
  });

  test('the four Lambda scenarios show squiggles in the editor', async () => {
    for (const expectation of EXPECTED.slice(0, 4)) {
      await openFile(session.page, `${expectation.folder}/${expectation.file}`);
      await waitFor(`a ${expectation.severity} squiggle in ${expectation.folder}/${expectation.file}`, async () => (await squiggles(session.page, expectation.severity)) > 0);
      await shot(`02-squiggle-${expectation.folder}`);
    }
  });

  test('editing a value makes the diagnostic go, and undo brings it back', async () => {
    const { page } = session;
    const limits = EXPECTED[0];
    await openFile(page, 'limits/template.yaml');
    await waitFor('the error squiggle on Timeout: 1200', async () => (await squiggles(page, 'error')) === 1);
    await replaceAt(page, 13, 16, 4, '300');
    await waitFor('the error squiggle to go after typing 300', async () => (await squiggles(page, 'error')) === 0);
    await waitForProblem(page, limits, { absent: true });
    await shot('03-edited-timeout-300');
    await goTo(page, 13, 16); // focus is in the Problems filter: back to the editor, then undo
    await page.keyboard.press('Control+Z');
    await waitFor('the error squiggle to come back after undo', async () => (await squiggles(page, 'error')) === 1);
    await waitForProblem(page, limits);
  });

  test('fixing a misspelt tag makes the unknown-tag warning go', async () => {
    const { page } = session;
    await openFile(page, 'broken/unknown-tag.yaml');
    await waitFor('the unknown-tag squiggle', async () => (await squiggles(page, 'warning')) === 1);
    await replaceAt(page, 14, 16, 5, '!Ref');
    await waitForProblem(page, EXPECTED[6], { absent: true });
    await waitFor('no warning squiggle after the fix', async () => (await squiggles(page, 'warning')) === 0);
    await shot('04-fixed-tag');
  });

  test('hostile files are skipped with a log line or reported, and nothing throws in the extension host', async () => {
    const { crossover, extensionHost } = logs(userData);
    assert.match(crossover, /Crossover activated in [\d.]+ ms/);
    assert.match(crossover, /Skipped hostile\/huge\/template\.yaml: 20\.0 MB is above crossover\.maxFileSizeKb/);
    assert.match(crossover, /Skipped hostile\/binary\/template\.yaml: it contains NUL bytes/);
    assert.match(crossover, /Workspace scan done in/);
    assert.doesNotMatch(crossover, /\[error\]/, 'no errors in the Crossover log');
    const ours = extensionHost.split('\n').filter((line) => /crossover/i.test(line) && /error|exception|failed/i.test(line));
    assert.deepEqual(ours, [], 'no errors from Crossover in the extension host log');
  });

  test('a screenshot for the README: diagnostics, hover and the Problems panel', async () => {
    const { page } = session;
    await openFile(page, 'api/template.yaml');
    await filterProblems(page, '');
    await waitFor('the warning squiggle', async () => (await squiggles(page, 'warning')) > 0);
    await hoverAt(page, 22, 16);
    await shot('05-readme'); // docs/images/diagnostics.png is a copy of this one
  });
});
