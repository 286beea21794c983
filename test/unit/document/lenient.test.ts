import { expect, test } from 'vitest';
import { repairFlowIndentation } from '../../../src/core/parse/document/lenient.js';

test('indents under-indented continuation lines of a flow collection, and maps offsets back', () => {
  const text = 'A:\n  B: [{\n  "x": 1\n  }]\n  C: 2\n';
  const repaired = repairFlowIndentation(text)!;
  expect(repaired.text).toBe('A:\n  B: [{\n   "x": 1\n   }]\n  C: 2\n');
  const c = repaired.text.indexOf('C: 2');
  expect(repaired.toOriginal(c)).toBe(text.indexOf('C: 2'));
  const x = repaired.text.indexOf('"x"');
  expect(repaired.toOriginal(x)).toBe(text.indexOf('"x"'));
});

test('leaves block scalars, comments and quotes inside plain scalars alone', () => {
  const text = "Script: |\n  echo '[unbalanced\nName: don't [stop]\n# a comment with { brace\nOther: 1\n";
  expect(repairFlowIndentation(text)).toBeUndefined();
});

test('handles escaped quotes and doubled single quotes', () => {
  const text = "A: 'it''s\nstill quoted'\nB: \"a \\\" b\nc\"\nC: 1\n";
  const repaired = repairFlowIndentation(text)!;
  expect(repaired.text).toBe("A: 'it''s\n still quoted'\nB: \"a \\\" b\n c\"\nC: 1\n");
});
