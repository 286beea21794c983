// Quick fixes keep the file: its line breaks and BOM, values at a key's indentation, YAML anchors (a fix on an
// aliased value edits that resource only, or says it changes every user of the anchor), and fixes stay cheap on
// long lines. Every fix is applied and checked with test/support/fix-check.ts.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type Finding, type Fix } from '../../../src/core/findings.js';
import { materializeFix, type SetFix } from '../../../src/core/fixes.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { applyFix, checkFix, type FixIntent } from '../../support/fix-check.js';
import { SAM } from '../../support/templates.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (uri: string, text: string) => analyzeText({ uri, text }, config);

function finding(uri: string, text: string, ruleId: string, resourceId?: string): Finding {
  const found = analyze(uri, text).findings.find((f) => f.ruleId === ruleId && (resourceId === undefined || f.resourceId === resourceId));
  expect(found, `${ruleId}${resourceId ? ` on ${resourceId}` : ''}`).toBeDefined();
  return found!;
}

/** Applies the fix, checks it (parses, edits only its entry, holds the value), and returns the new text. */
function applyChecked(uri: string, text: string, fix: Fix | undefined, intent?: FixIntent): string {
  expect(fix, 'a fix').toBeDefined();
  const check = checkFix({ uri, text }, fix!, intent ?? fix!.intent);
  expect(check.failures).toEqual([]);
  return check.text;
}

describe('"Use arm64" on a block list', () => {
  test("a list written at the key's indentation keeps its style: the item is replaced in place", () => {
    const text = SAM('      Architectures:\n      - x86_64\n      Runtime: python3.13\n      Handler: i.h\n');
    const fixed = applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/prefer-arm64').fix);
    expect(fixed).toContain('      Architectures:\n      - arm64\n      Runtime: python3.13\n');
  });

  test('with an anchor on the key line and a comment after the item, both stay', () => {
    const text = SAM('      Architectures: &arch\n      - x86_64   # for now\n      Runtime: python3.13\n      Handler: i.h\n');
    const fixed = applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/prefer-arm64').fix);
    expect(fixed).toContain('      Architectures: &arch\n      - arm64   # for now\n      Runtime: python3.13\n');
  });

  test('in Globals, under a key at the left margin of its map', () => {
    const text = SAM('      Runtime: python3.13\n      Handler: i.h\n', 'Globals:\n  Function:\n    Architectures:\n    - x86_64\n    Timeout: 10\n');
    const fixed = applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/prefer-arm64').fix);
    expect(fixed).toContain('    Architectures:\n    - arm64\n    Timeout: 10\n');
  });

  test('an indented block list, a flow list and a JSON array on several lines keep their style', () => {
    const block = SAM('      Architectures:\n        - x86_64\n      Runtime: python3.13\n      Handler: i.h\n');
    expect(applyChecked('t.yaml', block, finding('t.yaml', block, 'lambda/prefer-arm64').fix)).toContain(
      '      Architectures:\n        - arm64\n      Runtime',
    );
    const flow = SAM('      Architectures: [ x86_64 ]  # cpu\n      Runtime: python3.13\n      Handler: i.h\n');
    expect(applyChecked('t.yaml', flow, finding('t.yaml', flow, 'lambda/prefer-arm64').fix)).toContain('      Architectures: [ arm64 ]  # cpu\n      Runtime');
    const json = JSON.stringify(
      {
        Resources: {
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Architectures: ['x86_64'], Runtime: 'python3.13', Handler: 'i.h', Role: 'r', Code: { ZipFile: 'x' } },
          },
        },
      },
      null,
      2,
    );
    expect(applyChecked('t.json', json, finding('t.json', json, 'lambda/prefer-arm64').fix)).toContain('"Architectures": [\n          "arm64"\n        ],');
  });

  test('a block map replaced by a plain value moves up to its key: `Runtime: nodejs24.x`', () => {
    const doc = loadDocument('t.yaml', "A:\n  B:\n    Fn::Join: ['', [nodejs, 12.x]]\n  C: 1\n");
    const fix = materializeFix(doc, { title: 'Set B', set: { path: ['A'], keys: ['B'], value: 'nodejs24.x' } });
    expect(applyFix(doc.text, fix!)).toBe('A:\n  B: nodejs24.x\n  C: 1\n');
    expect(checkFix({ uri: 't.yaml', text: doc.text }, fix!).failures).toEqual([]);
  });

  test('a key with an empty value gets the value after its colon', () => {
    const doc = loadDocument('t.yaml', 'A:\n  B: # none yet\n  C: 1\n');
    const fix = materializeFix(doc, { title: 'Set B', set: { path: ['A'], keys: ['B'], value: ['x'] } });
    expect(applyFix(doc.text, fix!)).toBe('A:\n  B: [x] # none yet\n  C: 1\n');
    expect(checkFix({ uri: 't.yaml', text: doc.text }, fix!).failures).toEqual([]);
  });
});

describe('line breaks and BOM', () => {
  test('a CRLF template gets CRLF in the lines a fix adds', () => {
    const text = SAM('      Runtime: python3.13\n      Handler: i.h\n').replace(/\n/g, '\r\n');
    const arm = finding('t.yaml', text, 'lambda/prefer-arm64');
    expect(applyChecked('t.yaml', text, arm.fix)).toContain('    Properties:\r\n      Architectures: [arm64]\r\n      Runtime: python3.13\r\n');
    expect(applyChecked('t.yaml', text, arm.ignore)).toContain(
      '  Fn:\r\n    Metadata: {crossover: {ignore: [lambda/prefer-arm64]}}\r\n    Type: AWS::Serverless::Function\r\n',
    );
  });

  test('a CRLF JSON template too', () => {
    const json = JSON.stringify(
      { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'i.h', Role: 'r', Code: { ZipFile: 'x' } } } } },
      null,
      2,
    );
    const text = json.replace(/\n/g, '\r\n');
    const fixed = applyChecked('t.json', text, finding('t.json', text, 'lambda/prefer-arm64').fix);
    expect(fixed).toContain('"Properties": {\r\n        "Architectures": ["arm64"],\r\n        "Runtime"');
  });

  test('a YAML template that starts with a BOM is read, and a fix keeps the BOM at its place', () => {
    const text = '\uFEFF' + SAM('      Runtime: python3.13\n      Handler: i.h\n');
    const result = analyze('t.yaml', text);
    expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
    const fixed = applyChecked('t.yaml', text, result.findings.find((f) => f.ruleId === 'lambda/prefer-arm64')?.fix);
    expect(fixed.startsWith('\uFEFFTransform:')).toBe(true);
    // An entry inserted on the first line goes after the BOM, at the map's indentation.
    const doc = loadDocument('t.yaml', '\uFEFFA: 1\nB: 2\n');
    const fix = materializeFix(doc, { title: 'Set C', set: { path: [], keys: ['C'], value: 3 } });
    expect(applyFix(doc.text, fix!)).toBe('\uFEFFC: 3\nA: 1\nB: 2\n');
  });

  test('a one-line JSON template with a BOM: the edit lands at the right offset', () => {
    const text =
      '\uFEFF' +
      JSON.stringify({
        Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'i.h', Role: 'r', Code: { ZipFile: 'x' } } } },
      });
    const fixed = applyChecked('t.json', text, finding('t.json', text, 'lambda/prefer-arm64').fix);
    expect(JSON.parse(fixed.slice(1)).Resources.Fn.Properties.Architectures).toEqual(['arm64']);
  });
});

describe('YAML anchors and aliases', () => {
  const TWO = (first: string, second: string) => `Resources:
  One:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: i.h
      Role: r
      Code: {ZipFile: x}
${first}  Two:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: i.h
      Role: r
      Code: {ZipFile: x}
${second}`;
  const memory = (id: string): FixIntent => ({ path: ['Resources', id, 'Properties'], keys: ['MemorySize'], value: 10240 });

  test('a fix on a value written as an alias replaces the alias: the other resource keeps the anchored value', () => {
    const text = TWO('      MemorySize: &mem 20000\n', '      MemorySize: *mem\n');
    const fixed = applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/memory-range', 'Two').fix, memory('Two'));
    expect(fixed).toContain('      MemorySize: &mem 20000\n');
    expect(fixed).toContain('      MemorySize: 10240\n');
    // The finding on Two is where Two's value is written: the alias.
    const two = finding('t.yaml', text, 'lambda/memory-range', 'Two');
    expect(text.split('\n')[two.range.start.line]).toBe('      MemorySize: *mem');
  });

  test('the same for a setting fix (arm64) whose value is an alias', () => {
    const text = TWO('      Architectures: &arch [x86_64]\n', '      Architectures: *arch\n');
    const fixed = applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/prefer-arm64', 'Two').fix);
    expect(fixed).toContain('      Architectures: &arch [x86_64]\n');
    expect(fixed).toContain('      Architectures: [arm64]\n');
  });

  test('a fix on the anchored value itself says it changes every resource that uses the anchor', () => {
    const text = TWO('      MemorySize: &mem 20000\n', '      MemorySize: *mem\n');
    const fix = finding('t.yaml', text, 'lambda/memory-range', 'One').fix!;
    expect(fix.title).toMatch(/YAML anchor &mem: changes everything that uses it/);
    const check = checkFix({ uri: 't.yaml', text }, fix, memory('One'));
    expect(check.failures).toEqual([]);
    expect(check.shared).toBe(true);
  });

  test('a resource whose whole Properties map is an alias: fixes inside it say so', () => {
    const text = `Resources:
  One:
    Type: AWS::Lambda::Function
    Properties: &props
      Runtime: python3.13
      Handler: i.h
      Role: r
      Code: {ZipFile: x}
  Two:
    Type: AWS::Lambda::Function
    Properties: *props
`;
    for (const id of ['One', 'Two']) {
      const fix = finding('t.yaml', text, 'lambda/prefer-arm64', id).fix!;
      expect(fix.title).toMatch(/YAML anchor &props: changes everything that uses it/);
      expect(checkFix({ uri: 't.yaml', text }, fix).failures).toEqual([]);
    }
  });

  test('a fix that would delete an anchor other values use is not offered', () => {
    const text = TWO('      Architectures:\n        - &arch x86_64\n', '      Architectures: [*arch]\n');
    expect(finding('t.yaml', text, 'lambda/prefer-arm64', 'One').fix).toBeUndefined();
    // Two's own list is its own: replacing it is fine.
    applyChecked('t.yaml', text, finding('t.yaml', text, 'lambda/prefer-arm64', 'Two').fix);
  });

  test('serverless.yml: a function that takes its settings from <<: *defaults gets the key on itself', () => {
    const text =
      'service: s\nprovider:\n  name: aws\n  runtime: python3.13\ncustom:\n  base: &base\n    memorySize: 512\nfunctions:\n  a:\n    <<: *base\n    handler: a.h\n  b:\n    <<: *base\n    handler: b.h\n';
    const fixed = applyChecked('serverless.yml', text, finding('serverless.yml', text, 'lambda/prefer-arm64').fix);
    expect(fixed).toContain('  base: &base\n    memorySize: 512\n');
  });
});

describe('building fixes is linear in the document, however long its lines', () => {
  // Thousands of functions on one line (a minified template): each gets "Use arm64" and its ignore fix.
  const functions = 4000;
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < functions; i++)
    resources[`Fn${i}`] = { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.13', Handler: 'i.h', Role: 'r', Code: { ZipFile: 'x' } } };
  const setFixes = (i: number): SetFix[] => [
    { title: 'Use arm64', set: { path: ['Resources', `Fn${i}`, 'Properties'], keys: ['Architectures'], value: ['arm64'] } },
    { title: 'Ignore', set: { path: ['Resources', `Fn${i}`], keys: ['Metadata', 'crossover', 'ignore'], value: ['lambda/prefer-arm64'] } },
  ];

  test.each([
    ['a one-line JSON template', 't.json', JSON.stringify({ Resources: resources })],
    ['a one-line YAML flow map', 't.yaml', `{Resources: ${JSON.stringify(resources)}}`],
  ])('%s', (_, uri, text) => {
    const parseStarted = performance.now();
    const doc = loadDocument(uri, text);
    const parse = performance.now() - parseStarted;
    const started = performance.now();
    let made = 0;
    for (let i = 0; i < functions; i++) for (const fix of setFixes(i)) if (materializeFix(doc, fix)) made++;
    const build = performance.now() - started;
    expect(made).toBe(2 * functions);
    console.log(`${uri}: ${made} fixes built in ${build.toFixed(0)} ms; parse ${parse.toFixed(0)} ms`);
    // Quadratic building took minutes here (each fix went back to the start of the line); now about the parse's time.
    // Within 3x of the parse (issue 13's bound for every path), so a loaded machine does not fail a linear build.
    expect(build, `building ${made} fixes took ${build.toFixed(0)} ms, the parse ${parse.toFixed(0)} ms`).toBeLessThan(3 * Math.max(parse, 200));
    const last = materializeFix(doc, setFixes(functions - 1)[0]!)!;
    expect(JSON.parse(JSON.stringify(last.edits[0]!.range.start))).toEqual({ line: 0, character: expect.any(Number) });
    expect(checkFix({ uri, text, doc }, last).failures).toEqual([]);
  });
});

describe('a document that does not parse', () => {
  // Found by fuzzing: on a document with a syntax error, the parser's recovered tree and the text can disagree
  // (a value's range runs into the broken part), and an edit there made the file worse.
  const text = SAM('      Runtime: python3.13\n      Handler: i.h\n      Architectures: [x86_64]\n');
  const broken = text.replace('Resources:', 'Bad: {a: [b\nResources:');

  test('gets no edits (fixes or "ignore"), and its findings stay', () => {
    const clean = analyze('t.yaml', text).findings.find((f) => f.ruleId === 'lambda/prefer-arm64');
    expect(clean?.fix).toBeDefined();
    expect(clean?.ignore).toBeDefined();
    const findings = analyze('t.yaml', broken).findings;
    expect(findings.some((f) => f.ruleId === 'parse-error')).toBe(true);
    const arm = findings.find((f) => f.ruleId === 'lambda/prefer-arm64');
    expect(arm, 'the finding is still reported').toBeDefined();
    expect(findings.filter((f) => f.fix || f.ignore)).toEqual([]);
  });

  test('a warning-level problem (a duplicate key) keeps the fixes', () => {
    const duplicated = text.replace('      Handler: i.h\n', '      Handler: i.h\n      Handler: j.h\n');
    const findings = analyze('t.yaml', duplicated).findings;
    expect(findings.some((f) => f.ruleId === 'duplicate-key')).toBe(true);
    expect(findings.find((f) => f.ruleId === 'lambda/prefer-arm64')?.fix).toBeDefined();
  });
});

describe('an analysis asked for no edits', () => {
  test('has the same findings, without a fix or an ignore made', () => {
    const text = SAM('      Architectures:\n      - x86_64\n      Runtime: python3.8\n      Handler: i.h\n      Timeout: 1000\n');
    const full = analyze('t.yaml', text).findings;
    expect(full.some((f) => f.fix) && full.some((f) => f.ignore)).toBe(true);
    const bare = analyzeText({ uri: 't.yaml', text, edits: false }, config).findings;
    expect(bare).toEqual(full.map(({ fix: _fix, ignore: _ignore, ...rest }) => rest));
  });
});
