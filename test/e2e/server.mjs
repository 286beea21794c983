// Starts code-server (VS Code in the browser) with the packaged extension in a throwaway profile.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cdkStack, generatedTemplate } from '../../scripts/lib/generated.mjs';
import { codeServerBin } from './install.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Keys the responsiveness tests press to mark a phase and to ask for the probe's report (its commands are not in the palette). */
export const PROBE_KEYS = { mark: 'Control+Alt+Shift+F9', report: 'Control+Alt+Shift+F10' };

/** The generated files the responsiveness tests type in (never committed): their paths in the workspace copy. */
export const GENERATED = { template: 'generated/big/template.yaml', tiny: 'generated/tiny/template.yaml', cdkStack: 'cdk/lib/big-stack.ts' };

const LONG_TIMEOUT_TEMPLATE = (name) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ${name}:\n    Type: AWS::Serverless::Function\n` +
  '    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Architectures: [arm64]\n      Timeout: 1200\n';

/** How many small non-template YAML files to add, so a scan lasts long enough to watch its progress and cancel it. */
export const FILLER_FILES = Number(process.env.E2E_FILLER ?? 1500);

/**
 * A copy of the fixture workspace (tests edit files), plus files generated here and never committed:
 * hostile ones (20 MB, binary), templates in folders that must be skipped (git would ignore a committed
 * node_modules), and filler files.
 */
export function prepareWorkspace(fixture) {
  const root = mkdtempSync(join(tmpdir(), 'crossover-e2e-'));
  const workspace = join(root, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  const write = (path, content) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  // A 20 MB template: above the size cap, so it must be skipped with a log line, not freeze the editor.
  const resource = (i) => `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n      QueueName: queue-${i}-${'x'.repeat(40)}\n`;
  const chunks = ["AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"];
  let size = chunks[0].length;
  for (let i = 0; size < 20 * 1024 * 1024; i++) {
    const chunk = resource(i);
    chunks.push(chunk);
    size += chunk.length;
  }
  write('hostile/huge/template.yaml', chunks.join(''));
  // A binary file with a template's name.
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
  write('hostile/binary/template.yaml', binary);
  // Templates with problems where nobody edits templates: never listed.
  write('node_modules/some-lib/template.yaml', LONG_TIMEOUT_TEMPLATE('DependencyFunction'));
  // cdk.out's assets are copies of build input; only its *.template.json files are read (as synthesized output, see cdk/cdk.out).
  write('cdk.out/asset.0f2a9c/template.yaml', LONG_TIMEOUT_TEMPLATE('AssetFunction'));
  // A module `terraform init` downloaded: Terraform's own copy, never what a person edits (the scan skips .terraform/).
  write(
    'terraform/.terraform/modules/vendored/main.tf',
    'resource "aws_lambda_function" "vendored" {\n  function_name = "vendored"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  timeout       = 1200\n}\n',
  );
  // YAML that is not a template, in bulk (the scan reads and drops each).
  for (let i = 0; i < FILLER_FILES; i++) write(`filler/config-${String(i).padStart(4, '0')}.yaml`, `name: config-${i}\nreplicas: ${i % 5}\nlabels: [a, b]\n`);
  // A git repository with everything committed: "Show Cost Change Against HEAD" compares edits with it.
  const git = (...args) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' } });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'the fixture workspace');
  return { root, workspace };
}

/**
 * Large inputs for the responsiveness tests, written into the workspace copy by responsiveness.test.mjs before it opens
 * its window (not at start: their hundreds of workloads and warnings would crowd the suite's Problems panel and summary):
 * a 5,000-line SAM template (310 functions), a 2,000-line CDK stack, and a one-function template (the floor: what the
 * editor and the harness take when the analysis costs nothing).
 */
export function writeGeneratedFiles(workspace) {
  const write = (path, content) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  };
  write(GENERATED.template, generatedTemplate(310));
  write(GENERATED.cdkStack, cdkStack(2000));
  write(
    GENERATED.tiny,
    "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Tiny:\n    Type: AWS::Serverless::Function\n" +
      '    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Architectures: [arm64]\n      Timeout: 90\n',
  );
}

/**
 * Starts code-server on `workspace` with `vsix` installed, its profile and extensions under `root`. `settings` are added to
 * the test profile's user settings; `probe: false` starts it without CROSSOVER_PROBE (the scale test: the probe's CPU profile
 * would weigh on the figures it measures).
 */
export async function startCodeServer({ root, workspace, vsix, log, settings = {}, probe = true }) {
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        // No fade-in: a screenshot taken when a hover is visible shows it opaque.
        'workbench.reduceMotion': 'on',
        'editor.hover.delay': 300,
        // code-server saves edits after a delay by default; the suite edits without saving, as a user would.
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  // The probe's commands on keys (see PROBE_KEYS); harmless where the probe is off.
  writeFileSync(
    join(userData, 'User', 'keybindings.json'),
    JSON.stringify(
      [
        { key: 'ctrl+alt+shift+f9', command: 'crossover.probe.mark' },
        { key: 'ctrl+alt+shift+f10', command: 'crossover.probe.report' },
      ],
      null,
      2,
    ),
  );
  execFileSync(codeServerBin, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { stdio: 'pipe' });
  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    workspace,
  ];
  // CROSSOVER_PROBE=1: the extension hosts code-server starts inherit it, and Crossover turns its probe on (test/e2e/README.md).
  const env = { ...process.env };
  if (probe) env.CROSSOVER_PROBE = '1';
  else delete env.CROSSOVER_PROBE;
  const child = spawn(codeServerBin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  child.stdout.on('data', (d) => log?.(String(d)));
  child.stderr.on('data', (d) => log?.(String(d)));
  const stop = () => stopGroup(child.pid);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `${url}/?folder=${encodeURIComponent(workspace)}`, userData, pid: child.pid, stop };
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} (see test/e2e/artifacts/code-server.log)`);
    if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Stops code-server and its children (it was started as the leader of its own process group, so the
 * group id is its pid): SIGTERM, then SIGKILL if it is still there after 5 s.
 */
function stopGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(-pid, 'SIGTERM');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 50 && alive(); i++) Atomics.wait(pause, 0, 0, 100);
  if (alive()) process.kill(-pid, 'SIGKILL');
}
