// `npm run test:e2e`: installs the tools once, packages the extension, starts a real VS Code
// (code-server) on a copy of test/e2e/workspace, and runs the suite in Debian's Chromium.
// Options: --no-package (reuse dist/crossover.vsix), --keep (keep the temporary workspace and profile),
// --only=<name>[,<name>] (run only these test files, e.g. --only=responsiveness while working on it; --only=scale runs the
// 20,000-file workspace test alone, on a code-server of its own).
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkVsixSize } from '../../scripts/vsix-size.mjs';
import { installTools } from './install.mjs';
import { prepareWorkspace, startCodeServer } from './server.mjs';

const here = import.meta.dirname;
const repo = join(here, '..', '..');
const artifacts = join(here, 'artifacts');
const started = Date.now();
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(0)} s`;
const timings = [];
const step = (name, from) => timings.push(`${name} ${seconds(from)}`);

let server;
let root;
/** Stops code-server (by its process id) and removes the temporary folder; safe to call twice. */
function cleanUp() {
  server?.stop();
  server = undefined;
  if (root && !process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}, stopping code-server`);
    cleanUp();
    process.exit(130);
  });
}

/**
 * The test files in the order they run (`node --test` does not keep the order it is given, so each group is a process of
 * its own): the webview and the suite on one window, then the responsiveness tests on a window of their own (a fresh
 * extension host), then the scale test on a code-server of its own; each group with its TAP file. `fixture`: the group
 * runs on the code-server started on the copy of workspace/.
 */
const GROUPS = [
  { names: ['webview', 'suite'], tap: 'results.tap', fixture: true },
  { names: ['responsiveness'], tap: 'results-responsiveness.tap', fixture: true },
  // The scale test writes its own workspace and starts its own code-server: the fixture's is stopped before it runs.
  { names: ['scale'], tap: 'results-scale.tap', fixture: false },
];

/** Runs the test files in their own process; resolves with its exit code. TAP goes to a file for the summary. */
function runFiles(files, env, tapFile) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env, ...env } },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/**
 * Runs every group (or those --only names) in order; resolves with 0 when all passed, and the TAP files. The fixture's
 * code-server is started (by `startFixture`, which returns the groups' environment) before the first group that needs
 * it, and stopped once no group left needs it.
 */
async function runSuite(startFixture, env) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const groups = GROUPS.map((group) => ({ ...group, names: group.names.filter((name) => !only || only.includes(name)) })).filter((group) => group.names.length);
  let code = 0;
  const tapFiles = [];
  for (const [index, group] of groups.entries()) {
    if (group.fixture && !server) Object.assign(env, await startFixture());
    const tapFile = join(artifacts, group.tap);
    tapFiles.push(tapFile);
    code = Math.max(code, await runFiles(group.names.map((name) => join(here, `${name}.test.mjs`)), env, tapFile));
    if (server && !groups.slice(index + 1).some((later) => later.fixture)) cleanUp();
  }
  return { code, tapFiles };
}

/** "12 passed, 0 failed" from the TAP file's closing lines. */
function summary(tapFile) {
  if (!existsSync(tapFile)) return 'no results';
  const tap = readFileSync(tapFile, 'utf8');
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  // A failing test marked TODO (a target not met yet, with its reason) does not fail the run; it is named apart.
  const failed = [...tap.matchAll(/^\s+not ok \d+ - (.+)$/gm)].map((m) => m[1]).filter((name) => !/# TODO/.test(name));
  const todo = [...tap.matchAll(/^\s+not ok \d+ - (.+?) # TODO (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  return (
    `${count('pass')} passed, ${count('fail')} failed${failed.length ? ` (${failed.join('; ')})` : ''}` +
    (todo.length ? `; ${todo.length} target(s) not met yet, marked TODO (${todo.join('; ')})` : '')
  );
}

/** The suite's exit code; stays undefined (a failure) if anything before it throws. */
let status;
try {
  let t = Date.now();
  const installed = installTools();
  step(installed ? 'install' : 'install (cached)', t);

  if (!process.argv.includes('--no-package')) {
    t = Date.now();
    console.log('e2e: packaging the extension (npm run package)...');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    step('package', t);
  }
  // The package's size (issue 20: at most 2 MB), checked here too when an earlier package is reused.
  const size = checkVsixSize(join(repo, 'dist', 'crossover.vsix'));
  console.log(`e2e: ${size.line}`);
  if (!size.ok) throw new Error(`the VSIX is over ${size.line.split('limit of ')[1]} bytes`);

  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const vsix = join(repo, 'dist', 'crossover.vsix');
  const startFixture = async () => {
    const t = Date.now();
    const prepared = prepareWorkspace(join(here, 'workspace'));
    root = prepared.root;
    const serverLog = join(artifacts, 'code-server.log');
    server = await startCodeServer({ root, workspace: prepared.workspace, vsix, log: (text) => appendFileSync(serverLog, text) });
    step('code-server start', t);
    console.log(`e2e: code-server ready at ${server.url}`);
    return { E2E_URL: server.url, E2E_WORKSPACE: prepared.workspace, E2E_USER_DATA: server.userData };
  };

  t = Date.now();
  // E2E_VSIX and E2E_KEEP: for the scale test, which starts a code-server of its own.
  const run = await runSuite(startFixture, { E2E_ARTIFACTS: artifacts, E2E_VSIX: vsix, ...(process.argv.includes('--keep') ? { E2E_KEEP: '1' } : {}) });
  status = run.code;
  step('suite', t);
  console.log(`\ne2e: ${status === 0 ? 'PASSED' : 'FAILED'}: ${run.tapFiles.map(summary).join('; ')}`);
} catch (error) {
  console.error(`e2e: FAILED before the suite could finish: ${error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  cleanUp();
}
console.log(`e2e: ${timings.join(', ')}, total ${seconds(started)}; screenshots and logs in test/e2e/artifacts/`);
process.exit(status ?? 1);
