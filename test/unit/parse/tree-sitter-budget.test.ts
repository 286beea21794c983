/**
 * tree-sitter's error recovery takes time that grows with the square of some broken stretches: the fuzz campaign found
 * a CDK Python file whose 57 KB line of stray `-` and `,` inside an open bracket took 27.6 s to parse (10 KB 0.8 s,
 * 20 KB 3 s), where well-formed code of any size parses in linear time. The readers parse within a budget
 * (tree-sitter-budget.ts) and report a parse-error where the parser gave up.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Parser } from 'web-tree-sitter';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type PythonReader, type TerraformReader } from '../../../src/core/parse/readers.js';
import { parseBudgetMs, parseWithin } from '../../../src/core/parse/tree-sitter-budget.js';
import { testPythonReader } from '../../support/python-reader.js';
import { testTerraformReader } from '../../support/terraform-reader.js';

const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });

let python: PythonReader;
let terraform: TerraformReader;
beforeAll(async () => {
  python = await testPythonReader();
  terraform = await testTerraformReader();
});

/** A CDK Python stack with one function, then `count` runs of stray operators inside a bracket never closed. */
function brokenStack(count: number): string {
  return [
    'from aws_cdk import Duration, Stack',
    'from aws_cdk import aws_lambda as _lambda',
    '',
    'class FixtureStack(Stack):',
    '    def __init__(self, scope, construct_id, **kwargs) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
    '        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_13, handler="a.h", code=_lambda.Code.from_asset("src"), timeout=Duration.seconds(30))',
    '        x = (' + '- - - - , '.repeat(count),
    '',
  ].join('\n');
}

describe('a parse that would run away is given up within its budget', () => {
  test('CDK in Python: 60 KB of stray operators inside an open bracket is a parse-error near where the parser stopped, in bounded time', () => {
    const text = brokenStack(6_000);
    const started = performance.now();
    const result = analyzeText({ uri: 'file:///app/stack.py', text, python }, config);
    const ms = performance.now() - started;
    // The budget for 60 KB is about 1.1 s; the parse alone took about 30 s before.
    expect(ms).toBeLessThan(parseBudgetMs(text.length) + 5_000);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const problem = result.findings.find((f) => f.ruleId === 'parse-error');
    expect(problem?.message).toMatch(/the parser gave up after 1\.\d s near here/);
    // Near the broken stretch (line 8), not at the top of the file.
    expect(problem?.range.start.line).toBe(7);
  });

  test('well-formed code is never cut: a 90 KB CDK Python file of 600 functions parses whole', () => {
    const fns = Array.from(
      { length: 600 },
      (_, i) =>
        `        _lambda.Function(self, "Fn${i}", runtime=_lambda.Runtime.PYTHON_3_13, handler="a.h", code=_lambda.Code.from_asset("src"), memory_size=${128 + i})`,
    );
    const text = brokenStack(0).replace('        x = (\n', fns.join('\n') + '\n');
    expect(text.length).toBeGreaterThan(85_000);
    const result = analyzeText({ uri: 'file:///app/stack.py', text, python }, config);
    expect(result.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error')).toEqual([]);
    expect(result.model?.functions).toHaveLength(601);
  });

  test('the budget: a parser that never ends is stopped after it and reset for the next file; Terraform gets through the same garbage', () => {
    let resets = 0;
    const slow = {
      parse: (_text: string, _old: unknown, options: { progressCallback: (s: { currentOffset: number; hasError: boolean }) => boolean }) => {
        // A parser that never ends by itself: it asks the callback until told to stop, as tree-sitter does.
        for (let offset = 0; ; offset = Math.min(offset + 1, 40)) if (options.progressCallback({ currentOffset: offset, hasError: true })) return null;
      },
      reset: () => resets++,
    } as unknown as Parser;
    const started = performance.now();
    const parsed = parseWithin(slow, 'x'.repeat(100));
    expect(performance.now() - started).toBeGreaterThanOrEqual(parseBudgetMs(100) - 1);
    expect(parsed).toEqual({ gaveUpAt: 40, budgetMs: parseBudgetMs(100) });
    // A cancelled tree-sitter parse resumes where it stopped at the next call: the next file must start afresh.
    expect(resets).toBe(1);
    // The real reader on a stretch HashiCorp's grammar gets through: no problem of the budget's.
    const text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  runtime = "python3.13"\n  x = [' + '- - - - , '.repeat(2_000) + '\n';
    const result = analyzeText({ uri: 'file:///infra/main.tf', text, terraform }, config);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(result.findings.some((f) => /gave up/.test(f.message))).toBe(false);
  });
});
