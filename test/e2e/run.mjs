// `npm run test:e2e`: installs the tools once, packages the extension, starts a real VS Code
// (code-server) on a copy of test/e2e/workspace, and runs the suite in Debian's Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installTools } from './install.mjs';
import { prepareWorkspace, startCodeServer } from './server.mjs';

const here = import.meta.dirname;
const repo = join(here, '..', '..');
const artifacts = join(here, 'artifacts');
const started = Date.now();

installTools();
if (!process.argv.includes('--no-package')) {
  console.log('e2e: packaging the extension...');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
}
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const serverLog = join(artifacts, 'code-server.log');
const { root, workspace } = prepareWorkspace(join(here, 'workspace'));
const server = await startCodeServer({ root, workspace, vsix: join(repo, 'dist', 'crossover.vsix'), log: (text) => appendFileSync(serverLog, text) });
console.log(`e2e: code-server ready at ${server.url} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
let status;
try {
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', join(here, 'suite.test.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, E2E_URL: server.url, E2E_WORKSPACE: workspace, E2E_USER_DATA: server.userData, E2E_ARTIFACTS: artifacts },
  });
  status = result.status ?? 1;
} finally {
  server.stop();
  if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
}
console.log(`e2e: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test/e2e/artifacts/`);
process.exit(status);
