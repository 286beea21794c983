// Deeply nested serverless.ts and CDK apps through the engine with the real TypeScript reader: never a stack
// overflow, never an internal error; either the file is read (values too deep become unresolved, with the
// reason) or it is refused with a parse-error on the line where the nesting goes too deep.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText, type AnalysisResult } from '../../../src/core/engine.js';
import { excessiveNesting, MAX_ASYNC_NESTING, MAX_NESTING, nestingProblem } from '../../../src/core/parse/typescript/source.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (uri: string, text: string) => analyzeText({ uri, text, typescript: typescriptReader }, config);
const ids = (result: AnalysisResult, ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId);
const head = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";
const fn = (memorySize: string) =>
  `${head}new lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'h', code: lambda.Code.fromAsset('src'), memorySize: ${memorySize} });\n`;

/** The result is the file read as it is, or refused where it nests too deep; never an internal error. */
function expectNoInternalError(result: AnalysisResult): void {
  expect(ids(result, 'internal-error'), 'no internal error').toEqual([]);
}

describe('code nested deeper than TypeScript parses is refused on its line, before parsing', () => {
  test('a serverless.ts of 800 [', () => {
    const result = analyze('file:///p/serverless.ts', 'export default ' + '['.repeat(800));
    expectNoInternalError(result);
    expect(result.format).toBe('serverless');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'parse-error',
        severity: 'error',
        message: expect.stringContaining(`deeper than ${MAX_NESTING} levels`),
        range: { start: { line: 0, character: 15 + MAX_NESTING }, end: { line: 0, character: 16 + MAX_NESTING } },
      }),
    ]);
  });

  test('a CDK app with 1,000 nested parentheses', () => {
    const result = analyze('file:///app/lib/stack.ts', fn('1') + 'const x = ' + '('.repeat(1000) + '1' + ')'.repeat(1000) + ';\n');
    expectNoInternalError(result);
    expect(result.format).toBe('cdk');
    const errors = ids(result, 'parse-error');
    expect(errors.map((f) => [f.range.start.line, f.range.start.character])).toEqual([[2, 10 + MAX_NESTING]]);
    expect(errors[0]!.message).toMatch(/^Not analysed: brackets nest deeper than 128 levels here\. TypeScript's parser runs out of stack/);
  });

  test('2,000 arrow functions in a row (no brackets to count) overflow the parser: caught and reported the same way', () => {
    const result = analyze('file:///app/lib/stack.ts', fn('1') + 'const f = ' + '() => '.repeat(2000) + '1;\n');
    expectNoInternalError(result);
    expect(result.format).toBe('cdk');
    expect(ids(result, 'parse-error').map((f) => f.message)).toEqual([
      "Not analysed: the code is nested too deeply for TypeScript's parser (it ran out of stack).",
    ]);
    // The parser is sound after running out of stack: the next file reads as it does in a fresh process.
    const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk', 'orders-stack.ts'), 'utf8');
    expect(analyze('file:///app/lib/orders-stack.ts', fixture).model!.functions.map((f) => [f.id, f.memoryMb.value])).toEqual([
      ['Worker', 1024],
      ['Api', 2048],
      ['Computed', undefined],
    ]);
  });

  test('a file a CDK app imports that nests too deeply is not read: its constants stay unknown', () => {
    const deep = 'export const SIZE = ' + '('.repeat(1000) + '512' + ')'.repeat(1000) + ';\n';
    const app = `import { SIZE } from './config';\n` + fn('SIZE');
    const result = analyzeText(
      { uri: 'file:///app/lib/stack.ts', text: app, typescript: typescriptReader, readFile: (path) => (path === './config.ts' ? deep : undefined) },
      config,
    );
    expectNoInternalError(result);
    expect(result.model!.functions[0]!.memoryMb).toMatchObject({ value: undefined, unresolved: 'SIZE is not a constant of this file' });
  });
});

describe("Crossover's own walks of what TypeScript parsed have no recursion the input can exhaust", () => {
  test('a.b.b... 5,000 deep', () => {
    const result = analyze('file:///app/lib/stack.ts', fn('a' + '.b'.repeat(5000)));
    expectNoInternalError(result);
    expect(result.format).toBe('cdk');
    expect(result.model!.functions[0]!.memoryMb.unresolved).toMatch(/is not known statically$/);
  });

  test('5,100 + terms', () => {
    const result = analyze('file:///app/lib/stack.ts', fn('1' + '+1'.repeat(5100)));
    expectNoInternalError(result);
    expect(result.model!.functions[0]!.memoryMb).toMatchObject({ value: undefined, unresolved: 'too deeply nested' });
  });

  test('5,000 + terms and a reference 5,000 members long in the props and calls that wire constructs', () => {
    const chain = 'q' + '.b'.repeat(5000);
    const app =
      `${head}import * as rds from 'aws-cdk-lib/aws-rds';\nimport * as sources from 'aws-cdk-lib/aws-lambda-event-sources';\n` +
      `const db = new rds.DatabaseInstance(this, 'Db', {});\n` +
      `const f = new lambda.Function(this, 'F', { environment: { A: 'x' ${"+ 'x'".repeat(5000)}, B: ${chain}, C: db.instanceEndpoint.hostname } });\n` +
      `f.addEventSource(new sources.SqsEventSource(${chain}));\n`;
    const result = analyze('file:///app/lib/stack.ts', app);
    expectNoInternalError(result);
    expect(result.model!.functions.map((f) => [f.id, f.links.map((l) => l.targetId)])).toEqual([['F', ['Db']]]);
  });

  test('serverless.ts: an object nested 100 levels (within what the parser takes) is read to 64 levels, the rest unresolved with the reason', () => {
    const inner = '{ a: '.repeat(100) + '1' + ' }'.repeat(100);
    const text = `export default { service: 's', provider: { name: 'aws' }, custom: { deep: ${inner} }, functions: { f: { handler: 'h', memorySize: '\${self:custom.deep${'.a'.repeat(70)}}' } } };`;
    const result = analyze('file:///p/serverless.ts', text);
    expectNoInternalError(result);
    expect(result.model!.functions[0]!.memoryMb.unresolved).toBe('not read: nested deeper than 64 levels');
  });

  test('serverless.ts: consts that name each other twice per level (a billion values) are cut off quickly', () => {
    const lines = Array.from(
      { length: 30 },
      (_, k) => `const c${k} = { a: ${k === 29 ? "'x'" : `c${k + 1}`}, b: ${k === 29 ? "'x'" : `c${k + 1}`} };`,
    ).reverse();
    const text = `${lines.join('\n')}\nexport default { service: 's', provider: { name: 'aws' }, custom: { big: c0 }, functions: { f: { handler: 'h', memorySize: 512 } } };\n`;
    const started = performance.now();
    const result = analyze('file:///p/serverless.ts', text);
    expect(performance.now() - started).toBeLessThan(5000);
    expectNoInternalError(result);
    expect(result.model!.functions[0]!.memoryMb.value).toBe(512);
  });
});

describe('the bracket scan', () => {
  test(`${MAX_NESTING} levels pass, one more is refused at its bracket`, () => {
    expect(excessiveNesting('x = ' + '['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING))).toBeUndefined();
    expect(excessiveNesting('x = ' + '({'.repeat(MAX_NESTING / 2) + '[' + '})'.repeat(MAX_NESTING / 2))).toBe(4 + MAX_NESTING);
    expect(excessiveNesting('x = `' + '${`'.repeat(MAX_NESTING) + '`}'.repeat(MAX_NESTING) + '`')).toBeUndefined();
    expect(excessiveNesting('x = `' + '${`'.repeat(MAX_NESTING + 1) + '`}'.repeat(MAX_NESTING + 1) + '`')).toBe(5 + 3 * MAX_NESTING);
  });

  test('brackets in strings, template text, comments and regular expressions do not count', () => {
    const many = '('.repeat(MAX_NESTING + 10);
    for (const text of [
      `const a = '${many}';`,
      `const a = "${many}";`,
      `const a = \`${many} \${1} ${many}\`;`,
      `// ${many}\nconst a = 1;`,
      `/* ${many}\n */ const a = 1;`,
      `const a = /${many.replace(/\(/g, '\\(')}[(/]/g;`,
      `if (x) return /\\(${many.replace(/\(/g, '[(]')}/.test(y);`,
      `#!/usr/bin/env node ${many}\nconst a = 1;`,
    ]) {
      expect(excessiveNesting(text), text.slice(0, 40)).toBeUndefined();
    }
    // A division is not a regular expression: what follows it is code.
    expect(excessiveNesting(`const a = b / 2 + ${many}1${')'.repeat(MAX_NESTING + 10)};`)).toBe(18 + MAX_NESTING);
  });

  test('closers without openers never add depth, and real apps pass', () => {
    expect(excessiveNesting(')]}'.repeat(1000) + '('.repeat(MAX_NESTING))).toBeUndefined();
    for (const fixture of ['cdk/orders-stack.ts', 'serverless-ts/serverless.ts']) {
      expect(excessiveNesting(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', fixture), 'utf8'))).toBeUndefined();
    }
  });

  test('`async (` nested deeper than TypeScript parses in time: refused at once with a finding where it goes too deep', () => {
    // What the fuzz campaign found: a CDK file whose mutation nested `async ( ne(` 50 times hung TypeScript's parser.
    const nested = (levels: number) => `${head}new lambda.Function(this, 'F', { code: lambda.Code.fromInline(${"'x' + async ( ne(".repeat(levels)}1) });\n`;
    expect(nestingProblem(nested(MAX_ASYNC_NESTING))).toBeUndefined();
    const deep = nestingProblem(nested(MAX_ASYNC_NESTING + 1));
    expect(deep?.kind).toBe('async');
    expect(nested(MAX_ASYNC_NESTING + 1).slice(deep!.offset - 6, deep!.offset + 1)).toBe('async (');
    const started = performance.now();
    const result = analyze('file:///w/stack.ts', nested(50));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.format).toBe('cdk');
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/`async \(` nests deeper than 10 levels/);
    // Only the word `async` counts, not in strings or comments, and closed ones leave the count.
    expect(nestingProblem(`f(${"'async (' + ".repeat(40)}1)`)).toBeUndefined();
    expect(nestingProblem(`f(${'/* async */ ('.repeat(40)}1${')'.repeat(40)})`)).toBeUndefined();
    expect(nestingProblem('const x = [' + 'async (a) => a, '.repeat(200) + '];')).toBeUndefined();
    expect(nestingProblem('xasync ('.repeat(20))).toBeUndefined();
  });

  test('calls nested through assignments in their arguments: read in linear time (a fuzzed file took 42 s)', () => {
    const text = `${head}const products = ${"api.root.addResource('products' = ".repeat(48)}api.root.addResource('products')${')'.repeat(48)};\n`;
    const started = performance.now();
    const result = analyze('file:///w/stack.ts', text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  });

  test('linear: 4 MB of brackets, strings and comments in well under a second', () => {
    const chunk = "f({ a: [1, 'x(', /[(]/, `t${(1)}`], b: (2) }); // (\n";
    const text = chunk.repeat(Math.ceil((4 * 1024 * 1024) / chunk.length));
    const started = performance.now();
    expect(excessiveNesting(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
