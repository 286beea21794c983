/**
 * LF, CRLF and a lone CR (old Mac files) are all line breaks, for the reader and for positions, as in VS Code
 * (whose positions the findings use).
 */
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { repairFlowIndentation } from '../../../src/core/parse/document/lenient.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { getIn, plainValue } from '../../../src/core/parse/document/tree.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.handler',
  '      Runtime: python3.13',
  '      Architectures: [arm64]',
  '      Description: |',
  '        first line',
  '        second line',
  '      MemorySize: 20000',
  '',
].join('\n');

const withBreak = (text: string, lineBreak: string) => text.replace(/\n/g, lineBreak);

describe.each([
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
])('a YAML template with %s line breaks', (_name, lineBreak) => {
  const text = withBreak(TEMPLATE, lineBreak);

  test('reads the same values', () => {
    const doc = loadDocument('template.yaml', text);
    expect(doc.problems).toEqual([]);
    expect(plainValue(doc.root!)).toEqual(plainValue(loadDocument('template.yaml', TEMPLATE).root!));
    expect(getIn(doc.root, ['Resources', 'Fn', 'Properties', 'Description'])).toMatchObject({ value: 'first line\nsecond line\n' });
  });

  test('puts findings on the line VS Code shows', () => {
    const result = analyzeText({ uri: 'template.yaml', text }, config);
    const memory = result.findings.find((f) => f.ruleId === 'lambda/memory-range')!;
    expect(memory).toBeDefined();
    expect(memory.range.start).toEqual({ line: 11, character: 18 });
    expect(result.workloads[0]!.memoryMb).toBe(20000);
  });
});

test('a file that mixes the three breaks counts each one once', () => {
  const text = 'A: 1\r\nB: 2\rC: 3\nD: [1,\r2]\r';
  const doc = loadDocument('t.yaml', text);
  expect(plainValue(doc.root!)).toEqual({ A: 1, B: 2, C: 3, D: [1, 2] });
  const d = getIn(doc.root, ['D'])!;
  expect(doc.lines.positionAt(d.start)).toEqual({ line: 3, character: 3 });
  expect(doc.lines.positionAt(text.indexOf('2]'))).toEqual({ line: 4, character: 0 });
});

test('the lenient re-read breaks lines at a lone CR too', () => {
  const text = 'A:\r  B: [{\r  "x": 1\r  }]\r  C: 2\r';
  const repaired = repairFlowIndentation(text)!;
  expect(repaired.text).toBe('A:\r  B: [{\r   "x": 1\r   }]\r  C: 2\r');
  const doc = loadDocument('t.yaml', text);
  expect(doc.problems).toEqual([]);
  expect(plainValue(doc.root!)).toEqual({ A: { B: [{ x: 1 }], C: 2 } });
  expect(doc.lines.positionAt(getIn(doc.root, ['A', 'C'])!.start)).toEqual({ line: 4, character: 5 });
});

test('a JSON task definition with CR line breaks', () => {
  const text =
    '{\r  "family": "web",\r  "requiresCompatibilities": ["FARGATE"],\r  "networkMode": "bridge",\r  "cpu": "256",\r  "memory": "512",\r  "containerDefinitions": [{"name": "app", "image": "nginx", "essential": true}]\r}\r';
  const result = analyzeText({ uri: 'task-definition.json', text }, config);
  const mode = result.findings.find((f) => f.ruleId === 'ecs/fargate-network-mode')!;
  expect(mode.range.start.line).toBe(3);
});
