// Starts code-server (VS Code in the browser) with the packaged extension in a throwaway profile.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A copy of the fixture workspace (tests edit files), plus hostile files generated here, never committed. */
export function prepareWorkspace(fixture) {
  const root = mkdtempSync(join(tmpdir(), 'crossover-e2e-'));
  const workspace = join(root, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  // A 20 MB template: above the size cap, so it must be skipped with a log line, not freeze the editor.
  mkdirSync(join(workspace, 'hostile/huge'), { recursive: true });
  const resource = (i) => `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n      QueueName: queue-${i}-${'x'.repeat(40)}\n`;
  const chunks = ["AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"];
  let size = chunks[0].length;
  for (let i = 0; size < 20 * 1024 * 1024; i++) {
    const chunk = resource(i);
    chunks.push(chunk);
    size += chunk.length;
  }
  writeFileSync(join(workspace, 'hostile/huge/template.yaml'), chunks.join(''));
  // A binary file with a template's name.
  mkdirSync(join(workspace, 'hostile/binary'), { recursive: true });
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
  writeFileSync(join(workspace, 'hostile/binary/template.yaml'), binary);
  return { root, workspace };
}

export async function startCodeServer({ root, workspace, vsix, log }) {
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
      },
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
  const child = spawn(codeServerBin, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => log?.(String(d)));
  child.stderr.on('data', (d) => log?.(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    userData,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
