// "Save to usage file" and "Edit Usage Assumptions" write one entry and leave the rest of the file as it was,
// byte for byte; when they cannot, they say why instead of writing nothing (or a broken file).
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { changedSpan, USAGE_SKELETON, type UsageWrite, withTraffic } from '../../../src/core/cost/usage-writer.js';

const TRAFFIC = { requestsPerMonth: 25_000_000, averageDurationMs: 40 };

function saved(result: UsageWrite): string {
  expect(result, 'refused' in result ? result.refused : '').toHaveProperty('text');
  return (result as { text: string }).text;
}

function reason(result: UsageWrite): string {
  expect(result).toHaveProperty('refused');
  return (result as { refused: string }).refused;
}

const readBack = (text: string, uri = 'file:///w/crossover.usage.yml') => parseUsageFile(uri, text);

describe('YAML: only the entry changes', () => {
  test('figures that are written get their new values in place; comments, spacing, CRLF, the BOM and long lines stay', () => {
    const long = 'x'.repeat(120);
    const text = `\uFEFF# Our traffic\r\nregion: eu-west-1   # where we run\r\ndefaults:\r\n  averagePayloadKb: 6 # ${long}\r\nresources:\r\n  Other:\r\n    requestsPerMonth: 5  # keep me\r\n  Api:\r\n    requestsPerMonth: 1000   # last month\r\n    averageDurationMs: 85\r\n    averagePayloadKb: 8\r\n`;
    const out = saved(withTraffic(text, false, 'Api', TRAFFIC));
    expect(out).toBe(text.replace('requestsPerMonth: 1000 ', 'requestsPerMonth: 25000000 ').replace('averageDurationMs: 85', 'averageDurationMs: 40'));
    expect(readBack(out).resources.get('Api')).toMatchObject({ ...TRAFFIC, averagePayloadKb: 8 });
  });

  test("a new resource goes after the last one, at its indentation (here four spaces) and with the file's line breaks", () => {
    const text = 'resources:\r\n    Other:\r\n        requestsPerMonth: 5  # keep me\r\n# trailing note\r\n';
    const out = saved(withTraffic(text, false, 'Api', { ...TRAFFIC, region: 'eu-west-2' }));
    expect(out).toBe(
      'resources:\r\n    Other:\r\n        requestsPerMonth: 5  # keep me\r\n    Api:\r\n        requestsPerMonth: 25000000\r\n        averageDurationMs: 40\r\nregion: eu-west-2\r\n# trailing note\r\n',
    );
    expect(readBack(out)).toMatchObject({ region: 'eu-west-2', problems: [] });
  });

  test("a missing figure is added after the entry's last one", () => {
    const text = 'resources:\n  Api:\n    averagePayloadKb: 8\n    requestsPerMonth: 7\n';
    expect(saved(withTraffic(text, false, 'Api', TRAFFIC))).toBe(
      'resources:\n  Api:\n    averagePayloadKb: 8\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n',
    );
  });

  test('`resources:` with nothing after it (what the first skeleton wrote), with a comment, or ~', () => {
    expect(saved(withTraffic('# t\nresources:\n', false, 'Api', TRAFFIC))).toBe(
      '# t\nresources:\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n',
    );
    expect(saved(withTraffic('resources: # none yet\nregion: eu-west-1\n', false, 'Api', TRAFFIC))).toBe(
      'resources: # none yet\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\nregion: eu-west-1\n',
    );
    expect(saved(withTraffic('resources: ~\n', false, 'Api', TRAFFIC))).toBe('resources:\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n');
  });

  test('an empty file, a file of comments only (the skeleton), and one without a final line break', () => {
    const fresh = saved(withTraffic('', false, 'Api', TRAFFIC));
    expect(fresh).toMatch(/^# Traffic assumptions for Crossover[^\n]*\nresources:\n {2}Api:\n {4}requestsPerMonth: 25000000\n {4}averageDurationMs: 40\n$/);
    expect(readBack(USAGE_SKELETON).problems).toEqual([]);
    const extended = saved(withTraffic(USAGE_SKELETON, false, 'Api', TRAFFIC));
    // The skeleton's `resources: {}` becomes the block of the first entry.
    expect(extended).toBe(`${USAGE_SKELETON.replace('resources: {}\n', '')}resources:\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n`);
    expect(readBack(extended).problems).toEqual([]);
    expect(saved(withTraffic('# just this', false, 'Api', TRAFFIC))).toBe(
      '# just this\nresources:\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n',
    );
  });

  test('flow maps: `resources: {}` in a block file becomes a block; a flow map with entries, or in a flow file, stays flow', () => {
    expect(saved(withTraffic('resources: {}\n', false, 'Api', TRAFFIC))).toBe(
      'resources:\n  Api:\n    requestsPerMonth: 25000000\n    averageDurationMs: 40\n',
    );
    expect(saved(withTraffic('{resources: {}}\n', false, 'Api', TRAFFIC))).toBe('{resources: {Api: {requestsPerMonth: 25000000, averageDurationMs: 40}}}\n');
    const text = 'resources: {Other: {requestsPerMonth: 5}, Api: {requestsPerMonth: 1}}\n';
    expect(saved(withTraffic(text, false, 'Api', TRAFFIC))).toBe(
      'resources: {Other: {requestsPerMonth: 5}, Api: {averageDurationMs: 40, requestsPerMonth: 25000000}}\n',
    );
    expect(saved(withTraffic('{resources: {Other: {requestsPerMonth: 5}}}', false, 'path/t.yaml#Api', TRAFFIC))).toBe(
      '{resources: {"path/t.yaml#Api": {requestsPerMonth: 25000000, averageDurationMs: 40}, Other: {requestsPerMonth: 5}}}',
    );
  });

  test('an entry written as an alias of plain figures is written out: the anchor and its other users keep theirs', () => {
    const text = 'defaults: &common\n  averagePayloadKb: 8\nresources:\n  Api: *common\n  Other: *common\n';
    const out = saved(withTraffic(text, false, 'Api', TRAFFIC));
    expect(out).toBe(
      'defaults: &common\n  averagePayloadKb: 8\nresources:\n  Api: {averagePayloadKb: 8, requestsPerMonth: 25000000, averageDurationMs: 40}\n  Other: *common\n',
    );
    expect(readBack(out).resources.get('Other')).toEqual(expect.objectContaining({ averagePayloadKb: 8 }));
    expect(readBack(out).resources.get('Other')!.requestsPerMonth).toBeUndefined();
  });

  test('an entry other entries share through an anchor is refused with the reason', () => {
    const text = 'resources:\n  Api: &shared\n    requestsPerMonth: 5\n  Other: *shared\n';
    expect(reason(withTraffic(text, false, 'Api', TRAFFIC))).toMatch(/resources\.Api is the YAML anchor &shared, which other entries use/);
    const nested = 'x: &deep {a: {b: 1}}\nresources:\n  Api: *deep\n';
    expect(reason(withTraffic(nested, false, 'Api', TRAFFIC))).toMatch(/resources\.Api is written as the YAML alias \*deep/);
  });

  test('a file with a syntax error is refused with its line, and left alone', () => {
    expect(reason(withTraffic('resources:\n  Api: [\n', false, 'Api', TRAFFIC))).toMatch(/YAML error on line \d/);
    expect(reason(withTraffic('resources:\n  - Api\n', false, 'Api', TRAFFIC))).toMatch(/resources is not a map/);
    expect(reason(withTraffic('- 1\n', false, 'Api', TRAFFIC))).toMatch(/not a map/);
  });
});

describe('JSON', () => {
  test("modify in the file's own indentation and line breaks, the BOM kept", () => {
    const text = '\uFEFF{\r\n\t"region": "eu-west-1",\r\n\t"resources": {\r\n\t\t"Other": { "requestsPerMonth": 5 }\r\n\t}\r\n}\r\n';
    const out = saved(withTraffic(text, true, 'Api', TRAFFIC));
    expect(out.startsWith('\uFEFF{\r\n\t"region": "eu-west-1",\r\n\t"resources": {\r\n\t\t"Other": { "requestsPerMonth": 5 },\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).not.toMatch(/ {2}/);
    expect(JSON.parse(out.slice(1))).toEqual({ region: 'eu-west-1', resources: { Other: { requestsPerMonth: 5 }, Api: TRAFFIC } });
  });

  test('null resources, an empty file, an existing entry', () => {
    expect(JSON.parse(saved(withTraffic('{"resources": null}', true, 'Api', TRAFFIC)))).toEqual({ resources: { Api: TRAFFIC } });
    expect(JSON.parse(saved(withTraffic('', true, 'Api', TRAFFIC)))).toEqual({ resources: { Api: TRAFFIC } });
    const text = '{\n  "resources": {\n    "Api": { "requestsPerMonth": 1, "peakToAverage": 2 }\n  }\n}\n';
    expect(saved(withTraffic(text, true, 'Api', TRAFFIC))).toBe(
      '{\n  "resources": {\n    "Api": { "requestsPerMonth": 25000000, "peakToAverage": 2, "averageDurationMs": 40 }\n  }\n}\n',
    );
  });

  test('a syntax error is refused with its line', () => {
    expect(reason(withTraffic('{\n  "resources": {,\n}', true, 'Api', TRAFFIC))).toMatch(/JSON error on line 2/);
  });
});

test('changedSpan: the one edit an editor applies', () => {
  const before = 'resources:\n  A: 1\n';
  const after = saved(withTraffic(before, false, 'Api', TRAFFIC));
  const span = changedSpan(before, after);
  expect(before.slice(0, span.start) + span.newText + before.slice(span.end)).toBe(after);
  expect(span.start).toBe(span.end);
  expect(span.start).toBeGreaterThanOrEqual(before.length - 1);
});
