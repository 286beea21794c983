/**
 * Reading a YAML document again after an edit, reusing its previous version's tree (parse/document/reuse.ts): the
 * tree, the problems, the model and the findings are exactly those of a reading of the whole text, for hundreds of
 * seeded random one-line edits typed one after another into large generated templates and into templates of the
 * shared corpus (when it is on this machine); the edits it cannot vouch for are read whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { seeded } from '../../../scripts/lib/random.mjs';
import { generatedTemplate } from '../../../scripts/lib/generated.mjs';
import { analyzeText, type AnalysisResult, DocumentMemo, INPUT_FORMATS, resolveConfig } from '../../../src/core/index.js';
import { decodeBytes, loadDocument } from '../../../src/core/parse/document/load.js';
import { corpusIndex, corpusRoot } from '../../support/corpus.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

/** What a random edit types: mostly letters, digits and spaces, and at times one of YAML's indicators. */
const PLAIN = 'abcXYZ019 ';
const INDICATORS = ':-#!&*|>{}[],"\'\n\t';

/** One random edit of one line of `text` (its characters changed, or the line removed, doubled or a line added). */
function randomEdit(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * Math.max(1, lines.length - 1));
  const line = lines[at]!;
  const pick = (n: number) => Math.floor(random() * n);
  const typed = (n: number) => Array.from({ length: n }, () => (random() < 0.85 ? PLAIN[pick(PLAIN.length)] : INDICATORS[pick(INDICATORS.length)])).join('');
  const kind = pick(12);
  if (kind === 0) lines.splice(at, 1);
  else if (kind === 1) lines.splice(at, 0, line);
  else if (kind === 2) lines.splice(at, 0, ' '.repeat(pick(10)) + `Key${pick(100)}: ${pick(1000)}`);
  else if (kind === 3) {
    // A number in the line changed, as typing in a value does.
    const number = /\d+/.exec(line);
    lines[at] = number ? line.slice(0, number.index) + String(pick(2000)) + line.slice(number.index + number[0].length) : line + typed(1);
  } else if (kind === 4) {
    // A value typed after a key, or the line's end removed.
    const colon = line.indexOf(': ');
    lines[at] = colon >= 0 ? line.slice(0, colon + 2) + (random() < 0.5 ? `value-${pick(100)}` : '') : line.slice(0, pick(line.length + 1));
  } else {
    // Characters removed and others typed in their place (mostly one, as a keystroke does).
    const from = pick(line.length + 1);
    const to = Math.min(line.length, from + (random() < 0.7 ? pick(2) : pick(8)));
    lines[at] = line.slice(0, from) + typed(random() < 0.7 ? pick(2) : pick(6)) + line.slice(to);
  }
  return lines.join('\n');
}

/** Deep equality, checked natively first (the matcher is slow on large trees), with the matcher's report when it fails. */
function same(actual: unknown, expected: unknown, label: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, label).toStrictEqual(expected);
}

/** The result without its timing. */
const comparable = (result: AnalysisResult) => ({ ...result, durationMs: 0 });

/**
 * Types `edits` random edits into `text` one after another (back to the original text every `restart` edits, so
 * the document does not drift into noise), each read with the memo and whole; their trees and problems must be the
 * same, and every `analyseEvery`th edit's analysis too (the model and the findings). Returns the memos' counts.
 */
function typeInto(uri: string, text: string, seed: number, edits: number, restart: number, analyseEvery: number) {
  const random = seeded(seed);
  const readMemo = new DocumentMemo();
  const analysisMemo = new DocumentMemo();
  let current = text;
  loadDocument(uri, current, 'yaml', readMemo);
  analyzeText({ uri, text: current }, config, undefined, INPUT_FORMATS, analysisMemo);
  for (let i = 1; i <= edits; i++) {
    current = i % restart === 0 ? text : randomEdit(current, random);
    const whole = loadDocument(uri, current, 'yaml');
    const reused = loadDocument(uri, current, 'yaml', readMemo);
    same(reused.root, whole.root, `${uri}: edit ${i} (seed ${seed})`);
    same(reused.problems, whole.problems, `${uri}: edit ${i} (seed ${seed})`);
    const incremental = analyzeText({ uri, text: current }, config, undefined, INPUT_FORMATS, analysisMemo);
    if (i % analyseEvery === 0) {
      const full = analyzeText({ uri, text: current }, config);
      same(comparable(incremental), comparable(full), `${uri}: the analysis after edit ${i} (seed ${seed})`);
    }
  }
  return { read: readMemo.counts, analysis: analysisMemo.counts };
}

/** A template with what a reading must get right around the edited entry: block scalars, comments, flow collections, tags, CRLF... */
function variedTemplate(resources: number, crlf: boolean): string {
  const out = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    '# A comment at the top',
    'Parameters:',
    '  Stage: {Type: String, Default: prod}',
    '  Size:',
    '    Type: Number',
    '    Default: 512',
    'Globals:',
    '  Function:',
    '    Runtime: python3.13',
    '    Timeout: 30',
    'Resources:',
  ];
  for (let i = 0; i < resources; i++) {
    const shape = i % 6;
    if (shape === 0)
      out.push(
        `  Fn${i}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        `      Handler: app.h${i}`,
        `      MemorySize: ${128 * (1 + (i % 8))}`,
        `      Timeout: ${i % 1000}`,
        '      InlineCode: |',
        '        def handler(event, context):',
        '',
        `          return ${i}`,
        '      # a comment inside',
        '      Environment:',
        '        Variables: {A: !Ref Stage, B: "x"}',
      );
    else if (shape === 1) out.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', `      VisibilityTimeout: ${i}`, '');
    else if (shape === 2)
      out.push(
        `  Fn${i}:`,
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Timeout: !Ref Size',
        `      Role: !GetAtt Role${i}.Arn`,
        '      Description: >-',
        '        folded text',
        '        over lines',
        '      Layers: [a, b]',
        '      Tags:',
        '        - Key: k',
        `          Value: !Sub "\${Stage}-${i}"`,
      );
    else if (shape === 3) out.push(`  # before Table${i}`, `  Table${i}:`, '    Type: AWS::DynamoDB::Table', '    Properties: {BillingMode: PAY_PER_REQUEST}');
    else if (shape === 4)
      out.push(`  Task${i}:`, '    Type: AWS::ECS::TaskDefinition', '    Properties:', '      Cpu: 256', '      Memory: 512', '      ContainerDefinitions: []');
    else
      out.push(
        `  Fn${i}:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: x.y',
        `      Timeout: ${900 + (i % 3)}`,
        '      Tags: !Unknown {}',
      );
  }
  out.push('Outputs:', '  Api:', '    Value: !Ref Fn0', '  Other:', '    Value: 1', '# the end');
  return out.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
}

describe('reading a YAML document again after an edit', () => {
  test('random one-line edits of generated templates: the same tree, problems, model and findings as a whole reading', () => {
    const inputs: [string, string, number][] = [
      ['file:///w/varied.yaml', variedTemplate(36, false), 1],
      ['file:///w/varied-crlf.yaml', variedTemplate(18, true), 2],
      ['file:///w/generated.yaml', generatedTemplate(30), 3],
    ];
    for (const [uri, text, seed] of inputs) {
      const counts = typeInto(uri, text, seed, 100, 4, 5);
      // Many of these edits fall inside one entry and are read alone (a reuse never taken would prove nothing); the others
      // break the syntax (the document is then read whole until the edits are undone) or change the sections.
      expect(counts.read.reused, uri).toBeGreaterThan(100 / 5);
      expect(counts.analysis.reused, uri).toBeGreaterThan(100 / 5);
    }
  }, 120_000);

  test("the editor suite's 5,000-line template: its Timeout typed and edits anywhere", () => {
    const text = generatedTemplate(310);
    const uri = 'file:///w/big.yaml';
    const memo = new DocumentMemo();
    const versions = [text.replace('      Timeout: 5\n', '      Timeout: 90\n'), text.replace('      Timeout: 5\n', '      Timeout: 901\n')];
    for (let i = 0; i < 4; i++) {
      const full = analyzeText({ uri, text: versions[i % 2]! }, config);
      expect(comparable(analyzeText({ uri, text: versions[i % 2]! }, config, undefined, INPUT_FORMATS, memo))).toStrictEqual(comparable(full));
    }
    expect(memo.counts).toEqual({ reused: 3, whole: 1 });
    const counts = typeInto(uri, text, 4, 8, 4, 4);
    expect(counts.read.reused).toBeGreaterThan(8 / 5);
  }, 120_000);

  test('edits it cannot vouch for are read whole: sections, anchors, directives, syntax errors, a key renamed', () => {
    const uri = 'file:///w/t.yaml';
    const whole = (before: string, after: string) => {
      const memo = new DocumentMemo();
      loadDocument(uri, before, 'yaml', memo);
      const reread = loadDocument(uri, after, 'yaml', memo);
      expect(reread.root).toStrictEqual(loadDocument(uri, after, 'yaml').root);
      return memo.counts.whole === 2;
    };
    const base = 'Globals:\n  Function:\n    Timeout: 3\nResources:\n  A:\n    Type: X\n    Properties: {T: 1}\n  B:\n    Type: Y\n';
    expect(whole(base, base.replace('T: 1', 'T: 2'))).toBe(false);
    expect(whole(base, base.replace('Type: Y', 'Type: Z'))).toBe(false);
    // Globals is a section too: its entry Function is read alone.
    expect(whole(base, base.replace('Timeout: 3', 'Timeout: 4'))).toBe(false);
    expect(whole(base, base.replace('Resources:', 'Resources: '))).toBe(true);
    // A resource renamed: read alone, unless the name is another resource's.
    expect(whole(base, base.replace('  B:', '  C:'))).toBe(false);
    expect(whole(base, base.replace('  B:', '  A:'))).toBe(true);
    expect(whole(base, base.replace('    Type: Y', '    Type: Y\n  C: 1'))).toBe(true);
    expect(whole(base, base.replace('{T: 1}', '{T: 1'))).toBe(true);
    expect(whole('x: &a 1\n' + base, 'x: &a 1\n' + base.replace('T: 1', 'T: 2'))).toBe(true);
    expect(whole(base, base.replace('T: 1', 'T: *a'))).toBe(true);
    expect(whole('%YAML 1.2\n---\n' + base, '%YAML 1.2\n---\n' + base.replace('T: 1', 'T: 2'))).toBe(true);
  });

  const corpus = corpusRoot();
  test.skipIf(!corpus)(
    'random one-line edits of corpus templates: the same tree, problems, model and findings',
    () => {
      const files = corpusIndex(corpus!)
        .filter((e) => ['sam', 'sam_notransform', 'cfn'].includes(e.kind) && /\.ya?ml$/i.test(e.path))
        .filter((_, i) => i % 25 === 0);
      let reused = 0;
      let whole = 0;
      for (const [n, entry] of files.entries()) {
        const decoded = decodeBytes(readFileSync(join(corpus!, entry.path)));
        if (decoded.kind !== 'text') continue;
        const counts = typeInto(`file:///corpus/${entry.path}`, decoded.text, 100 + n, 8, 4, 4);
        reused += counts.read.reused;
        whole += counts.read.whole;
      }
      expect(reused).toBeGreaterThan((reused + whole) / 5);
    },
    120_000,
  );
});
