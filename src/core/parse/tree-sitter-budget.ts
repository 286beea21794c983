/**
 * A parse with a time budget, for the readers that parse with tree-sitter (CDK in Python, Terraform). Types only from
 * web-tree-sitter: the engine's bundles import this module without the runtime, which only the reader bundles carry.
 */
import type { Parser, Tree } from 'web-tree-sitter';

/**
 * How long a parse may take: a second, and 4 ms per KB. A megabyte of code parses in under half a second here, a
 * megabyte of heredoc in about 1.2 s; the margin is for a machine busy with other work (at 2 ms per KB, a 5 MB heredoc
 * ran out of budget while a test suite ran beside it).
 */
export function parseBudgetMs(length: number): number {
  return 1000 + (4 * length) / 1024;
}

/**
 * Parses `text`, or gives up when the parse outlasts its budget (parseBudgetMs): tree-sitter's error recovery is
 * quadratic on some broken code (58 KB of stray operators inside an open bracket took 27 s in Python's grammar),
 * while well-formed code of any size parses in linear time. `gaveUpAt`: how far the parser had come (an offset).
 */
export function parseWithin(parser: Parser, text: string): { tree: Tree } | { gaveUpAt: number; budgetMs: number } {
  const budgetMs = parseBudgetMs(text.length);
  const started = performance.now();
  let reached = 0;
  const tree = parser.parse(text, null, {
    progressCallback: (state) => {
      reached = state.currentOffset;
      return performance.now() - started > budgetMs;
    },
  });
  if (tree) return { tree };
  // A cancelled parse resumes where it stopped at the next call, whatever the text: start the next one afresh.
  parser.reset();
  return { gaveUpAt: Math.min(reached, text.length), budgetMs };
}

/** The sentence for a parse given up (parseWithin). */
export function gaveUpMessage(budgetMs: number): string {
  return (
    `Not analysed: the parser gave up after ${(budgetMs / 1000).toFixed(1)} s near here. Its error recovery takes time that grows ` +
    'with the square of the broken stretch (a long run of stray operators or brackets); fix the syntax error here.'
  );
}
