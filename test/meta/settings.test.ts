// package.json's settings and what the code checks stay in step: Restricted Mode names real settings, every
// numeric setting has the same bounds in core/settings.ts as in package.json, every setting's default passes the
// checks unchanged, and the extension reads every setting through the checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  checkBoolean,
  checkEnum,
  checkPriceOverrides,
  checkRegion,
  checkPlatforms,
  checkRules,
  checkSetting,
  SETTING_BOUNDS,
  SETTING_ENUMS,
  type NumberSetting,
} from '../../src/core/settings.js';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
type Property = { type?: string | string[]; default?: unknown; enum?: unknown[]; minimum?: number; maximum?: number; exclusiveMinimum?: number };
const props = manifest.contributes.configuration.properties as Record<string, Property>;
const names = Object.keys(props).map((key) => key.replace(/^crossover\./, ''));

test('Restricted Mode: limited support, and the restricted settings are real settings', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  expect(untrusted.supported).toBe('limited');
  expect(untrusted.description.length).toBeGreaterThan(40);
  const restricted: string[] = untrusted.restrictedConfigurations;
  for (const key of restricted) expect(Object.keys(props), key).toContain(key);
  expect(new Set(restricted).size).toBe(restricted.length);
  // What a workspace must not set: how much is read and analysed, and the prices shown as the user's own.
  expect(restricted).toEqual(
    expect.arrayContaining(['crossover.maxFileSizeKb', 'crossover.workspaceScan.maxFiles', 'crossover.analysis.debounceMs', 'crossover.pricing.overrides']),
  );
});

test('every numeric setting has the bounds of package.json, and nothing else is bounded', () => {
  // A nullable number (`["number", "null"]`, default null: worked out instead) is bounded like a number.
  const types = (name: string) => [props[`crossover.${name}`]!.type].flat();
  const numeric = names.filter((name) => types(name).includes('number') || types(name).includes('integer'));
  expect(numeric.sort()).toEqual(Object.keys(SETTING_BOUNDS).sort());
  for (const name of numeric) {
    const p = props[`crossover.${name}`]!;
    const bounds = SETTING_BOUNDS[name as NumberSetting] as {
      integer?: boolean;
      minimum?: number;
      maximum?: number;
      exclusiveMinimum?: number;
      enum?: readonly number[];
    };
    const enumValues = p.enum?.filter((v) => v !== null);
    expect(
      { integer: types(name).includes('integer'), minimum: p.minimum, maximum: p.maximum, exclusiveMinimum: p.exclusiveMinimum, enum: enumValues },
      name,
    ).toEqual({
      integer: bounds.integer ?? false,
      minimum: bounds.minimum,
      maximum: bounds.maximum,
      exclusiveMinimum: bounds.exclusiveMinimum,
      enum: bounds.enum,
    });
  }
  for (const [name, values] of Object.entries(SETTING_ENUMS)) expect(props[`crossover.${name}`]!.enum, name).toEqual(values);
});

test('every default passes the checks unchanged', () => {
  const problems: string[] = [];
  for (const name of names) {
    const p = props[`crossover.${name}`]!;
    const value = p.default;
    if (value === null) expect([p.type].flat(), `${name}: a null default is declared nullable`).toContain('null');
    else if (name in SETTING_BOUNDS) expect(checkSetting(name as NumberSetting, value, Number.NaN, problems), name).toBe(value);
    else if (p.type === 'boolean') expect(checkBoolean(name, value, !value, problems), name).toBe(value);
    else if (name === 'pricing.region') expect(checkRegion(name, value, 'none', problems)).toBe(value);
    else if (name in SETTING_ENUMS)
      expect(checkEnum(name, value, SETTING_ENUMS[name as keyof typeof SETTING_ENUMS], 'none' as never, problems), name).toBe(value);
    else if (name === 'rules') expect(checkRules(value, problems)).toEqual(value);
    else if (name === 'platforms') expect(checkPlatforms(value, problems)).toEqual(value);
    else if (name === 'pricing.overrides') expect(checkPriceOverrides(value, problems)).toEqual(value);
    else throw new Error(`crossover.${name}: no check for this setting in core/settings.ts`);
  }
  expect(problems).toEqual([]);
});

test('the extension reads every setting through the checked readers', () => {
  const readers = ['src/extension/settings.ts', 'src/extension/cost/settings.ts', 'src/extension/cost/lens.ts']
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
  for (const name of names) expect(readers, name).toMatch(new RegExp(`(value|check\\w+)\\('${name.replace(/\./g, '\\.')}'`));
  // No setting read around the checks: every `.get(` of a crossover setting in the extension is one of the readers'.
  expect(readers).not.toMatch(/\.get<(?!unknown>)\w+>\('/);
});
