// What "Edit Usage Assumptions" writes into a folder's usage file: decided by one pure function (usageEdit), which
// goes through the one writer (withTraffic), so a JSON file gets JSON and a YAML file YAML.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { USAGE_SKELETON, usageEdit } from '../../../src/core/cost/usage-writer.js';

const traffic = { requestsPerMonth: 1_000_000, averageDurationMs: 100 };

/** Strict JSON (no comments, no trailing commas): what a .json usage file must stay. */
function strictJson(text: string): unknown {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  expect(errors).toEqual([]);
  return value;
}

function written(result: ReturnType<typeof usageEdit>): string {
  if (!('text' in result)) throw new Error(`expected a text, got ${JSON.stringify(result)}`);
  return result.text;
}

describe('Edit Usage Assumptions: what goes into the usage file', () => {
  test('an existing crossover.usage.json gets JSON: still valid, its other entries and region kept', () => {
    const before = '{\n  "region": "eu-west-1",\n  "resources": {\n    "Other": { "requestsPerMonth": 5 }\n  }\n}\n';
    const text = written(usageEdit('crossover.usage.json', before, 'Fn', traffic));
    expect(strictJson(text)).toEqual({
      region: 'eu-west-1',
      resources: { Other: { requestsPerMonth: 5 }, Fn: { requestsPerMonth: 1_000_000, averageDurationMs: 100 } },
    });
    const usage = parseUsageFile('crossover.usage.json', text);
    expect(usage.problems).toEqual([]);
    expect(usage.resources.get('Fn')).toMatchObject(traffic);
  });

  test.each([
    ['a new crossover.usage.json', undefined],
    ['an empty crossover.usage.json', ''],
    ['a crossover.usage.json of blank lines', '\n\n'],
  ])('%s gets a JSON skeleton, and the entry when an id is given', (_, before) => {
    const skeleton = written(usageEdit('crossover.usage.json', before, undefined, traffic));
    expect(strictJson(skeleton)).toEqual({ resources: {} });
    expect(parseUsageFile('crossover.usage.json', skeleton).problems).toEqual([]);
    const text = written(usageEdit('crossover.usage.json', before, 'Fn', traffic));
    expect(strictJson(text)).toEqual({ resources: { Fn: { requestsPerMonth: 1_000_000, averageDurationMs: 100 } } });
  });

  test.each([
    ['a new crossover.usage.yml', 'crossover.usage.yml', undefined],
    ['an empty crossover.usage.yaml', 'crossover.usage.yaml', ''],
  ])('%s gets the commented YAML skeleton, and the entry in YAML when an id is given', (_, name, before) => {
    expect(written(usageEdit(name, before, undefined, traffic))).toBe(USAGE_SKELETON);
    const text = written(usageEdit(name, before, 'Fn', traffic));
    expect(text.startsWith(USAGE_SKELETON)).toBe(true);
    expect(text.slice(USAGE_SKELETON.length)).toBe('resources:\n  Fn:\n    requestsPerMonth: 1000000\n    averageDurationMs: 100\n');
    const usage = parseUsageFile(name, text);
    expect(usage.problems).toEqual([]);
    expect(usage.resources.get('Fn')).toMatchObject(traffic);
  });

  test('an existing YAML file gets its entry in YAML, the rest byte for byte', () => {
    const before = '# ours\nregion: eu-west-1\nresources:\n  Other:\n    requestsPerMonth: 5\n';
    expect(written(usageEdit('crossover.usage.yml', before, 'Fn', traffic))).toBe(
      before + '  Fn:\n    requestsPerMonth: 1000000\n    averageDurationMs: 100\n',
    );
  });

  test('nothing to write: an entry already there, or a file with content and no id', () => {
    expect(usageEdit('crossover.usage.json', '{ "resources": { "Fn": { "requestsPerMonth": 3 } } }', 'Fn', traffic)).toEqual({ unchanged: true });
    expect(usageEdit('crossover.usage.yml', 'resources:\n  Fn:\n    requestsPerMonth: 3\n', 'Fn', traffic)).toEqual({ unchanged: true });
    expect(usageEdit('crossover.usage.yml', 'region: eu-west-1\n', undefined, traffic)).toEqual({ unchanged: true });
  });

  test('a file it cannot extend safely is refused with the reason, not overwritten', () => {
    const result = usageEdit('crossover.usage.json', '{ "resources": [1, 2] }', 'Fn', traffic);
    expect(result).toEqual({ refused: 'resources is not an object.' });
  });
});
