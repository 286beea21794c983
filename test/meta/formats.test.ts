// package.json's activationEvents are generated from the input format registry (`npm run manifest`):
// this fails when someone edits one without the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { USAGE_FILE_NAMES } from '../../src/core/cost/usage-file.js';
import { INPUT_FORMATS } from '../../src/core/formats.js';
import { manifestActivationEvents, OTHER_ACTIVATION_EVENTS } from '../../src/extension/support/activation.js';
import { globToRegExp } from '../../src/extension/support/globs.js';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };

test('package.json activationEvents are what the registry says (run `npm run manifest` after changing a format)', () => {
  expect(manifest.activationEvents).toEqual(manifestActivationEvents());
});

test('every format starts the editor: on its languages or in a workspace holding its marker files', () => {
  for (const format of INPUT_FORMATS) {
    const own = [
      ...(format.activation.onLanguage ? format.languages.map((id) => `onLanguage:${id}`) : []),
      ...format.activation.workspaceContains.map((glob) => `workspaceContains:${glob}`),
    ];
    expect(own.length, format.id).toBeGreaterThan(0);
    for (const event of own) expect(manifest.activationEvents, format.id).toContain(event);
  }
});

test('the other activation events name the usage file and the panels the extension restores', () => {
  const usage = OTHER_ACTIVATION_EVENTS.find((event) => event.startsWith('workspaceContains:'))!.slice('workspaceContains:'.length);
  for (const name of USAGE_FILE_NAMES) expect(globToRegExp(usage).test(name), name).toBe(true);
  const panelSource = readFileSync(join(root, 'src/extension/compare/panels.ts'), 'utf8');
  const panels = OTHER_ACTIVATION_EVENTS.filter((event) => event.startsWith('onWebviewPanel:')).map((event) => event.slice('onWebviewPanel:'.length));
  expect(panels.length).toBeGreaterThan(0);
  for (const viewType of panels) expect(panelSource, viewType).toMatch(new RegExp(`VIEW_TYPE = '${viewType.replace(/\./g, '\\.')}'`));
});
