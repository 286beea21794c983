// Limits and defaults live in src/core/data (one entry each, with its source and date). This guard reads every
// module of src/ and webview/ with the TypeScript compiler and fails when a known limit is typed elsewhere: as a
// number in a context that names what it is (900 near nothing else, 128 near "memory", 29 near "timeout", ...),
// or in a sentence ("callers give up at 29 s"). Rule documentation (the `meta` of a rule) is prose for the
// generated docs and may state figures; tests are not read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** A limit as a number: its value, and the words near it that make it that limit (none: the value alone is enough). */
interface KnownNumber {
  value: number;
  context?: RegExp;
  what: string;
}

const MEMORY = /memory|\bmb\b|mib|memorymb/i;
const TIMEOUT = /timeout|gateway|integration/i;
const STORAGE = /ephemeral|storage|\/tmp/i;

export const KNOWN_NUMBERS: KnownNumber[] = [
  { value: 900, what: "Lambda's maximum timeout (s)" },
  { value: 900_000, what: "Lambda's maximum timeout (ms)" },
  { value: 5400, what: "Lambda Managed Instances' maximum timeout (s)" },
  { value: 10_240, what: "Lambda's maximum memory and /tmp (MB)" },
  { value: 1769, what: 'Lambda memory per vCPU (MB)' },
  { value: 43_200, what: "SQS's maximum visibility timeout (s)" },
  { value: 128, context: MEMORY, what: "Lambda's minimum and default memory (MB)" },
  { value: 3, context: /timeout/i, what: "Lambda's default timeout (s)" },
  { value: 29, context: TIMEOUT, what: 'the REST and WebSocket API integration timeout (s)' },
  { value: 30, context: TIMEOUT, what: "the HTTP API integration timeout or SQS's default visibility timeout (s)" },
  { value: 512, context: STORAGE, what: 'Lambda /tmp included and default (MB)' },
  { value: 20, context: STORAGE, what: 'Fargate ephemeral storage included (GiB)' },
  { value: 21, context: STORAGE, what: 'Fargate ephemeral storage minimum (GiB)' },
  { value: 200, context: STORAGE, what: 'Fargate ephemeral storage maximum (GiB)' },
  { value: 256, context: /cpu/i, what: "CDK's default Fargate CPU (units)" },
  { value: 6, context: /vcpu|visibility/i, what: 'Lambda vCPU maximum, or the SQS visibility-to-timeout ratio' },
];

/** A limit in a sentence. */
export const KNOWN_PHRASES: { pattern: RegExp; what: string }[] = [
  { pattern: /\b900(,000)? (s|ms|seconds)\b/, what: "Lambda's maximum timeout" },
  { pattern: /\b(29|30) (s|seconds)\b/, what: 'an API Gateway integration timeout' },
  { pattern: /\b10,?240 MB\b/, what: "Lambda's maximum memory or /tmp" },
  { pattern: /\b1,?769 MB\b/, what: 'Lambda memory per vCPU' },
  { pattern: /\b128 MB\b/, what: "Lambda's default memory" },
  { pattern: /\b512 MB\b/, what: 'Lambda /tmp included' },
  { pattern: /\b3 s\b/, what: "Lambda's default timeout" },
];

export interface Hit {
  file: string;
  line: number;
  text: string;
  what: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Where a number's meaning is written: the property, variable, return or condition it belongs to. */
function contextOf(node: ts.Node, source: ts.SourceFile): string {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isPropertyAssignment(at) || ts.isVariableDeclaration(at) || ts.isParameter(at) || ts.isPropertyDeclaration(at)) return at.getText(source);
    if (ts.isIfStatement(at) || ts.isWhileStatement(at)) return at.expression.getText(source);
    if (ts.isReturnStatement(at) || ts.isExpressionStatement(at) || ts.isCallExpression(at)) return at.getText(source);
  }
  return node.getText(source);
}

/** Inside a rule's `meta` (its documentation and message templates)? */
function inRuleMeta(node: ts.Node, file: string): boolean {
  if (!file.startsWith('src/core/rules/')) return false;
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if ((ts.isPropertyAssignment(at) || ts.isVariableDeclaration(at)) && at.name.getText() === 'meta') return true;
  }
  return false;
}

/** Every known limit typed as a literal in `text` (a module at `file`, relative to the repository). */
export function limitLiterals(file: string, text: string): Hit[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const hits: Hit[] = [];
  const hit = (node: ts.Node, what: string) =>
    hits.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.getText(source).slice(0, 120), what });
  const visit = (node: ts.Node) => {
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      const context = contextOf(node, source);
      const known = KNOWN_NUMBERS.find((k) => k.value === value && (!k.context || k.context.test(context)));
      if (known && !inRuleMeta(node, file)) hit(node, known.what);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      const known = KNOWN_PHRASES.find((k) => k.pattern.test(node.text));
      if (known && !inRuleMeta(node, file)) hit(node, known.what);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

describe('limits and defaults are typed only in src/core/data', () => {
  test('no known limit as a literal in src/ or webview/ outside src/core/data', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'webview'))]
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((file) => !file.startsWith('src/core/data/'));
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((file) => limitLiterals(file, readFileSync(join(root, file), 'utf8')));
    expect(hits.map((h) => `${h.file}:${h.line} ${h.text} (${h.what}: read it from src/core/data)`)).toEqual([]);
  });

  // The guard itself can fail: each kind of literal it looks for, found in a made-up module.
  test.each([
    ['const max = 900;', "Lambda's maximum timeout (s)"],
    ['const options = { memoryMb: fn.memoryMb.value ?? 128 };', "Lambda's minimum and default memory (MB)"],
    ['const limits = { restTimeoutSeconds: 29 };', 'the REST and WebSocket API integration timeout (s)'],
    ['const text = `callers give up at 29 s`;', 'an API Gateway integration timeout'],
    ["const note = 'Memory is not static: 128 MB assumed.';", "Lambda's default memory"],
    ['if (size.ephemeralStorageMb > 512) charge();', 'Lambda /tmp included and default (MB)'],
  ])('finds %s', (code, what) => {
    expect(limitLiterals('src/core/cost/example.ts', code).map((h) => h.what)).toEqual([what]);
  });

  test.each([
    'const MAX_NESTING = 128;',
    'const health = { Interval: 30, Retries: 3 };',
    'const kb = bytes / 1024;',
    "const text = 'Timeout (30 s) is above the maximum';",
  ])('leaves alone %s outside a limit context (or in rule docs)', (code) => {
    const file = code.includes('Timeout (') ? 'src/core/rules/lambda/example.ts' : 'src/core/cost/example.ts';
    const wrapped = code.includes('Timeout (') ? `export default defineRule({ meta: { docs: { description: ${code.slice(13, -1)} } } });` : code;
    expect(limitLiterals(file, wrapped)).toEqual([]);
  });
});
