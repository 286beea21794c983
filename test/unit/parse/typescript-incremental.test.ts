// A CDK app being typed in is parsed again from the syntax tree of its last version (TypeScript's incremental parser,
// through the document's DocumentMemo): after every edit, the result must be exactly that of reading the text whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { INPUT_FORMATS } from '../../../src/core/formats.js';
import { DocumentMemo } from '../../../src/core/parse/document/reuse.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { cdkStack } from '../../../scripts/lib/generated.mjs';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const uri = 'file:///app/lib/stack.ts';
const analyze = (text: string, memo?: DocumentMemo) => analyzeText({ uri, text, typescript: typescriptReader }, config, undefined, INPUT_FORMATS, memo);
const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk', 'orders-stack.ts'), 'utf8');

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Typing-like edits: a character typed or deleted, a line duplicated or removed, a token replaced. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const choice = next();
  if (choice < 0.3) return text.slice(0, at) + '}(\'"1 ,;x'[Math.floor(next() * 10)] + text.slice(at);
  if (choice < 0.55) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  if (choice < 0.7) return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
  if (choice < 0.85) return text.slice(0, lineStart) + text.slice(lineEnd);
  return text.replace(/\b(\d+)\b/, (n) => String(Number(n) + 7));
}

describe('a CDK app typed in: parsed again incrementally, the same result as a whole reading', () => {
  test('the edits the real-editor suite types (90 <-> 901 in a 2,000-line stack): reused after the first', () => {
    const stack = cdkStack(2000);
    const versions = ['90', '901'].map((v) => stack.replace('timeout: Duration.seconds(14', `timeout: Duration.seconds(${v}`));
    const memo = new DocumentMemo();
    for (let i = 0; i < 6; i++) {
      const text = versions[i % 2]!;
      const typed = analyze(text, memo);
      const whole = analyze(text);
      expect(typed.findings).toEqual(whole.findings);
      expect(typed.model?.functions).toEqual(whole.model?.functions);
      expect(typed.findings.some((f) => f.severity === 'error')).toBe(i % 2 === 1);
    }
    expect(memo.counts).toEqual({ reused: 5, whole: 1 });
  });

  for (const seed of [1, 2, 3, 4]) {
    test(`60 random edits of the orders stack (seed ${seed}), valid or not, each equal to a whole reading`, () => {
      const next = random(seed);
      const memo = new DocumentMemo();
      let text = fixture;
      for (let i = 0; i < 60; i++) {
        const typed = analyze(text, memo);
        const whole = analyze(text);
        expect({ format: typed.format, findings: typed.findings, model: typed.model }, `edit ${i}`).toEqual({
          format: whole.format,
          findings: whole.findings,
          model: whole.model,
        });
        text = edit(text, next);
      }
      // Every version that reached the parser after the first was parsed from the last tree.
      expect(memo.counts.reused).toBeGreaterThan(30);
    });
  }

  test('another file or kind of file under the same memo is read whole', () => {
    const memo = new DocumentMemo();
    analyze(fixture, memo);
    const other = analyzeText({ uri: 'file:///app/lib/other.js', text: fixture, typescript: typescriptReader }, config, undefined, INPUT_FORMATS, memo);
    expect(memo.counts).toEqual({ reused: 0, whole: 2 });
    expect(other.findings).toEqual(analyzeText({ uri: 'file:///app/lib/other.js', text: fixture, typescript: typescriptReader }, config).findings);
  });
});
