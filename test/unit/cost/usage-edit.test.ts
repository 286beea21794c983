// What "Edit Usage Assumptions" writes into a folder's usage file: decided by one pure function (usageEdit), which
// goes through the one writer (withTraffic), so a JSON file gets JSON and a YAML file YAML.
import Ajv from 'ajv';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { USAGE_SKELETON, usageEdit } from '../../../src/core/cost/usage-writer.js';

const traffic = { requestsPerMonth: 1_000_000, averageDurationMs: 100 };
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schemas', 'crossover.usage.schema.json'), 'utf8'));
/** The schema the editor's YAML and JSON support checks the file against (package.json yamlValidation). */
const validate = new Ajv({ allErrors: true }).compile(schema);
const schemaValid = (text: string) => {
  const ok = validate(parseYaml(text));
  return ok ? [] : validate.errors;
};

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
  ])('%s gets the commented YAML skeleton, valid for the schema and the parser, and the entry in YAML when an id is given', (_, name, before) => {
    const skeleton = written(usageEdit(name, before, undefined, traffic));
    expect(skeleton).toBe(USAGE_SKELETON);
    // A file of comments only is an empty document, which the schema (an object) refuses: the skeleton has `resources: {}`.
    expect(schemaValid(skeleton)).toEqual([]);
    expect(parseUsageFile(name, skeleton).problems).toEqual([]);
    const text = written(usageEdit(name, before, 'Fn', traffic));
    const comments = USAGE_SKELETON.slice(0, USAGE_SKELETON.indexOf('resources: {}'));
    expect(text).toBe(`${comments}resources:\n  Fn:\n    requestsPerMonth: 1000000\n    averageDurationMs: 100\n`);
    expect(parseYaml(text)).toEqual({ resources: { Fn: { requestsPerMonth: 1_000_000, averageDurationMs: 100 } } });
    expect(schemaValid(text)).toEqual([]);
    const usage = parseUsageFile(name, text);
    expect(usage.problems).toEqual([]);
    expect(usage.resources.get('Fn')).toMatchObject(traffic);
  });

  test('a second entry after the first keeps the file valid', () => {
    const first = written(usageEdit('crossover.usage.yml', undefined, 'Fn', traffic));
    const second = written(usageEdit('crossover.usage.yml', first, 'Worker', traffic));
    expect(Object.keys((parseYaml(second) as { resources: object }).resources)).toEqual(['Fn', 'Worker']);
    expect(schemaValid(second)).toEqual([]);
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
