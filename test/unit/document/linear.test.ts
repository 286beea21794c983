/**
 * Reading stays linear in the size of the input: shapes that took minutes (or ran out of memory) before
 * must finish well within a generous bound, or do a counted amount of work.
 */
import { describe, expect, test } from 'vitest';
import { repairFlowIndentation } from '../../../src/core/parse/document/lenient.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { getEntry, type MapEntry, type MapNode, plainValue } from '../../../src/core/parse/document/tree.js';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('the lenient re-read', () => {
  // Base64-like text: one long word, with no space to stop a walk back to the line start.
  const word = (length: number) => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx'.repeat(Math.ceil(length / 72)).slice(0, length);

  test('a 256 KB line and a mis-indented key after it (minutes before)', () => {
    const text = [
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      Description: ${word(256 * 1024)}`,
      '     Timeout: 20',
      '',
    ].join('\n');
    const { value: doc, ms } = timed(() => loadDocument('template.yaml', text));
    expect(ms).toBeLessThan(5000);
    // The re-read ran (the key is still mis-indented, so the syntax error stays) and positions are the document's.
    const error = doc.problems.find((p) => p.code === 'yaml-syntax')!;
    expect(error).toBeDefined();
    expect(doc.lines.positionAt(error.start).line).toBe(5);
  });

  test('a deeply indented flow collection followed by many short lines does not multiply the text', () => {
    // Indenting each of 3,000 lines by 200,000 spaces would build a text longer than a string can be.
    const text = `${' '.repeat(200_000)}a: [\n${'1,\n'.repeat(3_000)}]\n`;
    const { value: repaired, ms } = timed(() => repairFlowIndentation(text));
    expect(ms).toBeLessThan(5000);
    expect(repaired).toBeUndefined();
    expect(() => loadDocument('t.yaml', text)).not.toThrow();
  });
});

describe('the YAML tree', () => {
  test('tags found nowhere in the text before their node are not searched for in the whole document', () => {
    // `%TAG !x! !R` makes `!x!ef` the tag !Ref, a text that never appears: 20,000 searches of the whole document before.
    const text = '%TAG !x! !R\n---\n' + Array.from({ length: 20_000 }, (_, i) => `k${i}: !x!ef b${i}`).join('\n') + '\n';
    const { value: doc, ms } = timed(() => loadDocument('t.yaml', text));
    expect(ms).toBeLessThan(5000);
    const last = (doc.root as MapNode).entries[19_999]!.value as MapNode;
    expect(last.fromTag).toBe(true);
    expect(last.entries[0]!.key).toBe('Ref');
  });
});

describe('YAML aliases', () => {
  test('20,000 aliases are resolved in one walk of the document (minutes before: a walk per alias)', () => {
    const text = 'base: &x {Runtime: python3.13}\n' + Array.from({ length: 20_000 }, (_, i) => `k${i}: *x`).join('\n') + '\n';
    const { value: doc, ms } = timed(() => loadDocument('t.yaml', text));
    expect(ms).toBeLessThan(5000);
    const root = doc.root as MapNode;
    // Each alias is the anchored map marked as reached through it, its entries shared (never copied).
    expect((root.entries[20_000]!.value as MapNode).entries).toBe((root.entries[0]!.value as MapNode).entries);
    expect(root.entries[20_000]!.value.anchor).toMatchObject({ name: 'x', alias: true });
  });

  test('an alias refers to the last node before it with its anchor; one inside its own anchor is recursive', () => {
    const doc = loadDocument('t.yaml', 'a: &x 1\nb: *x\nc: &x [2]\nd: *x\ne: *missing\nf: &y [*y]\n');
    expect(plainValue(doc.root!)).toEqual({ a: 1, b: 1, c: [2], d: [2], e: null, f: [null] });
    expect(doc.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['recursive-alias']));
  });
});

describe('map lookups', () => {
  test('a map of thousands of entries is looked up through an index, not a walk over its entries', () => {
    const count = 5000;
    const plain: MapEntry[] = Array.from({ length: count }, (_, i) => ({
      key: `R${i}`,
      keyNode: { kind: 'scalar', value: `R${i}`, start: i, end: i },
      value: { kind: 'scalar', value: i, start: i, end: i },
    }));
    let reads = 0;
    const entries = new Proxy(plain, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const map: MapNode = { kind: 'map', entries, start: 0, end: count };
    for (let i = 0; i < count; i++) expect(getEntry(map, `R${i}`)!.value).toEqual(plain[i]!.value);
    expect(getEntry(map, 'missing')).toBeUndefined();
    // One pass to build the index; a walk per lookup would read 12.5 million entries.
    expect(reads).toBeLessThanOrEqual(2 * count);
  });

  test('the last of repeated keys wins, indexed or not', () => {
    const small = loadDocument('t.yaml', 'A: 1\nB: 2\nA: 3\n').root;
    expect(getEntry(small, 'A')!.value).toMatchObject({ value: 3 });
    const keys = Array.from({ length: 40 }, (_, i) => `K${i}: ${i}`).join('\n');
    const large = loadDocument('t.yaml', `${keys}\nK7: last\n`).root;
    expect(getEntry(large, 'K7')!.value).toMatchObject({ value: 'last' });
    expect(getEntry(large, 'K39')!.value).toMatchObject({ value: 39 });
  });
});
