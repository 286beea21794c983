/**
 * The text test before a YAML or JSON file is parsed (`mentionsTemplate`): a necessary condition of what
 * `detectTemplate` recognises, so a file it turns away is one the whole reading would have left alone too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText, resolveConfig } from '../../../src/core/index.js';
import { detectTemplate, mentionsTemplate } from '../../../src/core/parse/detect.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { corpusIndex, corpusRoot } from '../../support/corpus.js';

const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
const TEMPLATE_NAME = /\.(ya?ml|json|template)$/i;

/** What the whole reading makes of a text: the format detectTemplate gives its document. */
const detected = (uri: string, text: string) => detectTemplate(loadDocument(uri, text).root, text);

describe('mentionsTemplate', () => {
  test('YAML and JSON that is not infrastructure is turned away, and the engine lists nothing for it', () => {
    const noise: [string, string][] = [
      ['.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n'],
      ['docker-compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n'],
      ['package.json', '{"name": "app", "version": "1.0.0", "dependencies": {"yaml": "2.9.1"}}'],
      ['broken.yaml', 'key: [unclosed\n  - : :\n'],
    ];
    for (const [uri, text] of noise) {
      expect(mentionsTemplate(text), uri).toBe(false);
      const result = analyzeText({ uri, text }, config);
      expect(result.format, uri).toBeUndefined();
      expect(result.findings, uri).toEqual([]);
    }
  });

  test('a template whose keys an escape wrote is still read (a backslash is enough to read the text)', () => {
    const json =
      '{"\\u0052esources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"Runtime": "python3.13", "Handler": "a.h", "CodeUri": "s/"}}}}';
    const yaml = '"Re\\x73ources":\n  Fn:\n    Type: "\\x41WS::Lambda::Function"\n    Properties: {Runtime: python3.13, Handler: a.h, Code: {ZipFile: x}}\n';
    for (const [uri, text, format] of [
      ['template.json', json, 'sam'],
      ['template.yaml', yaml, 'cloudformation'],
    ] as const) {
      expect(mentionsTemplate(text)).toBe(true);
      expect(detected(uri, text)).toBe(format);
      expect(analyzeText({ uri, text }, config).format).toBe(format);
    }
  });

  const root = corpusRoot();
  test.skipIf(!root)("over the corpus's YAML and JSON: every file turned away is one the whole reading does not recognise", () => {
    let turnedAway = 0;
    let recognised = 0;
    for (const entry of corpusIndex(root!)) {
      if (!TEMPLATE_NAME.test(entry.path)) continue;
      const text = readFileSync(join(root!, entry.path), 'utf8');
      const format = detected(entry.path, text);
      if (format) recognised++;
      if (mentionsTemplate(text)) continue;
      turnedAway++;
      expect(format, entry.path).toBeUndefined();
    }
    // Not vacuous: the corpus holds both kinds.
    expect(recognised).toBeGreaterThan(2_000);
    expect(turnedAway).toBeGreaterThan(100);
  });
});
