// Writes package.json's `activationEvents` from the input format registry (src/core/formats.ts, through
// src/extension/support/activation.ts). test/meta/formats.test.ts fails when package.json is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, repoRoot as root } from './lib/load-ts.mjs';

const { manifestActivationEvents } = await loadTs("export { manifestActivationEvents } from './src/extension/support/activation.ts';");
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.activationEvents = manifestActivationEvents();
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${manifest.activationEvents.length} activation events to package.json`);
