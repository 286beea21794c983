// The fix checker (test/support/fix-check.ts) that the fix tests, the corpus sweep and the fuzz test rely on:
// it passes a good fix and names what is wrong with a bad one.
import { describe, expect, test } from 'vitest';
import { type Fix } from '../../../src/core/findings.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { checkFix } from '../../support/fix-check.js';

/** A fix replacing `from` (its first occurrence) with `to`. */
function replace(text: string, from: string, to: string, intent?: Fix['intent'], title = 'Fix'): Fix {
  const lines = new LineIndex(text);
  const start = text.indexOf(from);
  return { title, edits: [{ range: lines.range(start, start + from.length), newText: to }], ...(intent ? { intent } : {}) };
}

const TEXT = 'Resources:\n  A:\n    Properties:\n      MemorySize: 20000\n  B:\n    Properties:\n      MemorySize: 512\n';
const memory = { path: ['Resources', 'A', 'Properties'], keys: ['MemorySize'], value: 10240 };

describe('checkFix', () => {
  test('a good fix passes', () => {
    expect(checkFix({ uri: 't.yaml', text: TEXT }, replace(TEXT, '20000', '10240', memory)).failures).toEqual([]);
  });

  test('a fix that breaks the parse', () => {
    expect(checkFix({ uri: 't.yaml', text: TEXT }, replace(TEXT, '20000', '[10240', memory)).failures.join()).toMatch(/new parse problem/);
  });

  test('a wrong value, and a change elsewhere', () => {
    expect(checkFix({ uri: 't.yaml', text: TEXT }, replace(TEXT, '20000', '10241', memory)).failures.join()).toMatch(/holds 10241, not 10240/);
    const elsewhere = replace(TEXT, '512', '10240', memory);
    expect(checkFix({ uri: 't.yaml', text: TEXT }, elsewhere).failures.join()).toMatch(
      /outside the edited entry.*changed outside Resources\.A\.Properties\.MemorySize/s,
    );
  });

  test('without an intent: changes below the edited entry only', () => {
    expect(checkFix({ uri: 't.yaml', text: TEXT }, replace(TEXT, '20000', '10240')).failures).toEqual([]);
    const shared = 'Resources:\n  A:\n    Properties:\n      MemorySize: &m 20000\n  B:\n    Properties:\n      MemorySize: *m\n';
    expect(checkFix({ uri: 't.yaml', text: shared }, replace(shared, '20000', '10240')).failures.join()).toMatch(
      /changed outside Resources\.A\.Properties\.MemorySize: at Resources\.B/,
    );
    // Unless the title says it edits the anchor.
    const asked = checkFix(
      { uri: 't.yaml', text: shared },
      replace(shared, '20000', '10240', undefined, 'Set (in the YAML anchor &m: changes everything that uses it)'),
    );
    expect(asked).toMatchObject({ failures: [], shared: true });
  });

  test('line breaks and the BOM', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    expect(checkFix({ uri: 't.yaml', text: crlf }, replace(crlf, '20000', '10240\n      Timeout: 3')).failures.join()).toMatch(/LF line break in a CRLF file/);
    const bom = '\uFEFF' + TEXT;
    expect(checkFix({ uri: 't.yaml', text: bom }, replace(bom, '\uFEFFResources', 'Resources')).failures.join()).toMatch(/BOM/);
  });
});
