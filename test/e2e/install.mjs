// Installs the real-editor suite's tools (code-server = VS Code in a browser, playwright-core) into
// test/e2e/.cache, once. Kept out of the root package.json: code-server is ~280 MB with native builds.
// Debian's chromium, ripgrep and libkrb5-dev must be installed (.ci/run does it; see README).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = import.meta.dirname;
export const cacheDir = join(here, '.cache');
export const codeServerBin = join(cacheDir, 'node_modules', '.bin', 'code-server');

export function installTools({ log = console.log } = {}) {
  const wanted = readFileSync(join(here, 'package.json'), 'utf8');
  const stamp = join(cacheDir, 'installed-package.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(codeServerBin)) return;
  for (const tool of ['/usr/bin/chromium', '/usr/bin/rg']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install -y chromium ripgrep libkrb5-dev (see .ci/run)`);
  }
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(join(here, 'package.json'), join(cacheDir, 'package.json'));
  seedRipgrepCache();
  log('e2e: installing code-server and playwright-core into test/e2e/.cache (one time, a few minutes)...');
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: cacheDir,
    stdio: 'inherit',
    // code-server's postinstall refuses to run as root without unsafe_perm; a nested npx waits for a "yes".
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  writeFileSync(stamp, wanted);
  log(`e2e: tools installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * @vscode/ripgrep (inside code-server) downloads ripgrep from GitHub in its postinstall, which this
 * machine cannot reach; it looks in a cache first, so put Debian's rg there.
 */
function seedRipgrepCache() {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-czf', archive, '-C', '/usr/bin', 'rg']);
}

if (process.argv[1] === import.meta.filename) installTools();
