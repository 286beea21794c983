// Renders media/icon.svg to media/icon.png (128 x 128, the Marketplace icon) in the Chromium the real-editor
// suite already drives (playwright-core in test/e2e/.cache, Debian's /usr/bin/chromium): `npm run icon`.
// Run `node test/e2e/install.mjs` first when test/e2e/.cache is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'media', 'icon.svg'), 'utf8');
const size = Number(/<svg[^>]*\bwidth="(\d+)"/.exec(svg)?.[1]);
if (size !== 128) throw new Error(`media/icon.svg must be 128 px wide (it says ${size})`);

const { chromium } = await import(join(root, 'test', 'e2e', '.cache', 'node_modules', 'playwright-core', 'index.mjs'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(root, 'media', 'icon.png'), png);
  console.log(`media/icon.png: ${size} x ${size}, ${png.length} bytes`);
} finally {
  await browser.close();
}
