/**
 * A small RuleTester: each case is a template; the expected findings are marked inline with «...» around
 * the exact text the finding must cover. Valid cases must give no finding of the rule (and must parse,
 * so a valid case cannot pass by accident).
 */
import { describe, expect, test } from 'vitest';
import { type PartialConfig, resolveConfig } from '../../src/core/config.js';
import { analyzeText, type AnalysisResult } from '../../src/core/engine.js';
import { type Finding, type Severity } from '../../src/core/findings.js';
import { type Range } from '../../src/core/model/location.js';
import { LineIndex } from '../../src/core/parse/document/lines.js';
import { type Rule } from '../../src/core/rules/rule.js';

/** A fixed "today" so deprecation-date rules give the same answer every day. */
export const TEST_NOW = new Date('2026-11-24T00:00:00Z');

export interface ValidCase {
  name: string;
  template: string;
  /** File name; its extension picks YAML or JSON. */
  filename?: string;
  config?: PartialConfig;
}

export interface ExpectedFinding {
  /** The message id from the rule's meta; the message must match its template. */
  messageId?: string;
  /** A substring or pattern the message must contain. */
  message?: string | RegExp;
  severity?: Severity;
  /** Expected related-information messages (substrings), in order. */
  related?: string[];
}

export interface InvalidCase extends ValidCase {
  /** One entry per «marker», in document order. */
  errors: ExpectedFinding[];
}

export function stripMarkers(marked: string): { text: string; ranges: Range[] } {
  const offsets: [number, number][] = [];
  let text = '';
  const open: number[] = [];
  for (const char of marked) {
    if (char === '«') open.push(text.length);
    else if (char === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error('unbalanced » in test template');
      offsets.push([start, text.length]);
    } else text += char;
  }
  if (open.length) throw new Error('unbalanced « in test template');
  offsets.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const lines = new LineIndex(text);
  return { text, ranges: offsets.map(([start, end]) => lines.range(start, end)) };
}

export function runTemplate(text: string, options: { filename?: string; config?: PartialConfig } = {}): AnalysisResult {
  const config = resolveConfig({ now: TEST_NOW, ...options.config });
  return analyzeText({ uri: `file:///test/${options.filename ?? 'template.yaml'}`, text }, config);
}

function messagePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Placeholders may be empty (an optional clause such as a block date).
  return new RegExp('^' + escaped.replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.*?') + '$', 's');
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  const ofRule = (findings: Finding[]) => findings.filter((f) => f.ruleId === id);
  const parseErrors = (result: AnalysisResult) => result.findings.filter((f) => f.ruleId === 'parse-error');

  describe(id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        test(c.name, () => {
          const { text, ranges } = stripMarkers(c.template);
          expect(ranges, 'valid cases carry no markers').toEqual([]);
          const result = runTemplate(text, c);
          expect(result.format, 'the case must be a template').toBeDefined();
          if (id !== 'parse-error') expect(parseErrors(result)).toEqual([]);
          expect(ofRule(result.findings)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(c.name, () => {
          const { text, ranges } = stripMarkers(c.template);
          expect(ranges.length, 'one «marker» per expected finding').toBe(c.errors.length);
          const result = runTemplate(text, c);
          expect(result.format, 'the case must be a template').toBeDefined();
          if (id !== 'parse-error') expect(parseErrors(result)).toEqual([]);
          const found = ofRule(result.findings);
          expect(found.map((f) => f.range)).toEqual(ranges);
          found.forEach((finding, i) => {
            const expected = c.errors[i]!;
            expect(finding.severity).toBe(expected.severity ?? rule.meta.severity);
            if (expected.messageId) {
              const template = (rule.meta.messages as Record<string, string>)[expected.messageId];
              expect(template, `message id ${expected.messageId}`).toBeDefined();
              expect(finding.message).toMatch(messagePattern(template!));
            }
            if (typeof expected.message === 'string') expect(finding.message).toContain(expected.message);
            else if (expected.message) expect(finding.message).toMatch(expected.message);
            if (expected.related) {
              expect(finding.related.map((r) => r.message)).toHaveLength(expected.related.length);
              expected.related.forEach((text, j) => expect(finding.related[j]!.message).toContain(text));
            }
          });
        });
      }
    });
  });
}
