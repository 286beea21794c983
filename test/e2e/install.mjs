// Installs the real-editor suite's tools (code-server = VS Code in a browser, playwright-core) into
// test/e2e/.cache, once. Kept out of the root package.json: code-server is ~300 MB with native builds
// and a postinstall that only runs as root with unsafe_perm. The versions (and, through
// test/e2e/package-lock.json, every transitive one) are pinned so CI installs the same VS Code each time.
// Debian's chromium, ripgrep and libkrb5-dev must be installed (.ci/run does it; see README).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = import.meta.dirname;
export const cacheDir = join(here, '.cache');
export const codeServerBin = join(cacheDir, 'node_modules', '.bin', 'code-server');
const playwrightCore = join(cacheDir, 'node_modules', 'playwright-core', 'index.mjs');
const manifest = join(here, 'package.json');
const lockfile = join(here, 'package-lock.json');

/** Installs when the cache is missing or was made from another package.json/lock. Returns true if it installed. */
export function installTools({ log = console.log } = {}) {
  const wanted = readFileSync(manifest, 'utf8') + (existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '');
  const stamp = join(cacheDir, 'installed-package.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(codeServerBin) && existsSync(playwrightCore)) return false;
  for (const tool of ['/usr/bin/chromium', '/usr/bin/rg']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install -y chromium ripgrep libkrb5-dev (see .ci/run)`);
  }
  rmSync(stamp, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(manifest, join(cacheDir, 'package.json'));
  if (existsSync(lockfile)) copyFileSync(lockfile, join(cacheDir, 'package-lock.json'));
  seedRipgrepCache();
  log('e2e: installing code-server and playwright-core into test/e2e/.cache (one time, a few minutes)...');
  const started = Date.now();
  execFileSync('npm', [existsSync(lockfile) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: cacheDir,
    stdio: 'inherit',
    // code-server's postinstall refuses to run as root without unsafe_perm; a nested `npx node-gyp`
    // otherwise waits for a "yes" that never comes.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  writeFileSync(stamp, wanted);
  log(`e2e: tools installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

/**
 * @vscode/ripgrep (inside code-server 4.100.0) downloads ripgrep from GitHub in its postinstall, which
 * this machine cannot reach; it looks in a cache first, so put Debian's rg there under the expected name.
 */
function seedRipgrepCache() {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-czf', archive, '-C', '/usr/bin', 'rg']);
}

if (process.argv[1] === import.meta.filename) installTools();
