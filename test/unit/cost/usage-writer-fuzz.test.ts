// The usage writer on mangled files (fixed seed): it never throws; what it writes gives the figures, keeps the BOM
// and the CRLF line breaks, and it writes nothing into a file Crossover reads with an error.
import { expect, test } from 'vitest';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { withTraffic } from '../../../src/core/cost/usage-writer.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { seeded } from '../../../scripts/lib/random.mjs';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  const next = seeded(seed);
  return (n) => Math.floor(next() * n);
}

const FILES = [
  '# c\nregion: eu-west-1\ndefaults:\n  averagePayloadKb: 6\nresources:\n  Other:\n    requestsPerMonth: 5  # keep\n  Api:\n    requestsPerMonth: 1\n',
  'resources:\n',
  'resources: {}\n',
  'resources: {Api: {requestsPerMonth: 1}}\n',
  'defaults: &d\n  averagePayloadKb: 8\nresources:\n  Api: *d\n  B: *d\n',
  'resources:\n    Api:\n        requestsPerMonth: 1\n        averageDurationMs: 3\n',
  '',
  '# only\n# comments\n',
  'resources: ~\nregion: us-east-1',
  'resources:\n  Api:\n  Other:\n    peakToAverage: 2\n',
  '{"resources": {"Api": {"requestsPerMonth": 1}}}',
  '{\n\t"resources": {\n\t\t"X": {"requestsPerMonth": 2}\n\t}\n}\n',
];
const PIECES = [' ', '\n', '\r\n', '\t', ':', '-', '#', '{', '}', '[', ']', ',', '&a', '*a', '~', '"', "'", 'x', '1', '|', '>', '?', '!', '%'];
const LONE_LF = /(^|[^\r])\n/;

test('1,500 mangled usage files', () => {
  const random = generator(13);
  const pick = <T>(items: T[]): T => items[random(items.length)]!;
  const failures: string[] = [];
  let written = 0;
  for (let i = 0; i < 1500; i++) {
    const base = random(FILES.length);
    const json = base >= FILES.length - 2;
    let text = FILES[base]!;
    if (random(2)) text = text.replace(/\n/g, '\r\n');
    if (random(4) === 0) text = '\uFEFF' + text;
    for (let k = random(4); k > 0; k--) {
      const at = random(text.length + 1);
      text = text.slice(0, at) + (random(2) ? pick(PIECES) : '') + text.slice(at + random(3));
    }
    const id = pick(['Api', 'New', 'path/t.yaml#Fn', 'a b']);
    const traffic = { requestsPerMonth: 123, averageDurationMs: 45, ...(random(3) === 0 ? { region: 'eu-west-2' } : {}) };
    const uri = json ? 'crossover.usage.json' : 'crossover.usage.yml';
    let result;
    try {
      result = withTraffic(text, json, id, traffic);
    } catch (error) {
      failures.push(`threw on ${JSON.stringify(text)}: ${String(error)}`);
      continue;
    }
    if ('refused' in result) continue;
    written++;
    const problem = (what: string) => failures.push(`${what}: ${JSON.stringify(text)} -> ${JSON.stringify(result.text)}`);
    const usage = parseUsageFile(uri, result.text);
    if (usage.resources.get(id)?.requestsPerMonth !== 123 || usage.resources.get(id)?.averageDurationMs !== 45) problem('figures not read back');
    if ((text.charCodeAt(0) === 0xfeff) !== (result.text.charCodeAt(0) === 0xfeff)) problem('BOM');
    if (text.includes('\r\n') && !LONE_LF.test(text) && LONE_LF.test(result.text)) problem('LF into a CRLF file');
    if (loadDocument(uri, text).problems.some((p) => p.severity === 'error')) problem('wrote into a file with a syntax error');
  }
  expect(failures.slice(0, 10)).toEqual([]);
  expect(written).toBeGreaterThan(500);
});
