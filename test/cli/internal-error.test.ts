/**
 * The bundled CLI when analysis fails: the file is listed as the template it is, with its internal-error
 * finding, in every output format (never dropped, never "not a template"); and inputs that used to crash the
 * engine are listed as templates with ordinary findings.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOT_A_TEMPLATE } from '../../src/cli/check.js';
import { ISSUES_URL } from '../../src/core/rules/rule.js';

const repo = join(import.meta.dirname, '..', '..');
let dir: string;

function cli(bundle: string, args: string[]) {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd: join(dir, 'project'),
    encoding: 'utf8',
    env: { ...process.env, CROSSOVER_TODAY: '2026-11-24' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  files: { path: string; format: string | null; findings: { ruleId: string; severity: string; message: string; range: { start: { line: number } } }[] }[];
  skipped: { path: string; reason: string }[];
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'crossover-internal-'));
  // The CLI beside a TypeScript reader bundle (shipped compressed) that is there but fails to load (a damaged install).
  mkdirSync(join(dir, 'damaged'));
  copyFileSync(join(repo, 'dist', 'cli.js'), join(dir, 'damaged', 'cli.js'));
  writeFileSync(join(dir, 'damaged', 'typescript-reader.js.br'), brotliCompressSync("throw new Error('typescript-reader.js is damaged');\n"));
  mkdirSync(join(dir, 'project', 'lib'), { recursive: true });
  writeFileSync(join(dir, 'project', 'serverless.ts'), "export default { service: 's', provider: { name: 'aws' }, functions: { f: { handler: 'h' } } };\n");
  writeFileSync(
    join(dir, 'project', 'lib', 'stack.ts'),
    "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'F', { memorySize: 128 });\n",
  );
  writeFileSync(join(dir, 'project', 'lib', 'util.ts'), 'export const x = 1;\n');
  // Inputs that made the engine run out of stack: a mapping entry that looks itself up through its own key,
  // and aliases of aliases that repeat a list 200 deep inside itself.
  writeFileSync(
    join(dir, 'project', 'mapping.yaml'),
    'AWSTemplateFormatVersion: "2010-09-09"\nMappings:\n  M:\n    a:\n      b: {"Fn::FindInMap": [M, {"Fn::FindInMap": [M, a, b]}, b]}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: {"Fn::FindInMap": [M, a, b]}\n',
  );
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:'];
  for (let k = 0; k < 30; k++) lines.push(`  s${k}: &s${k} ${'['.repeat(200)}${k === 0 ? '1' : `*s${k - 1}`}${']'.repeat(200)}`);
  lines.push('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: *s29', '');
  writeFileSync(join(dir, 'project', 'aliases.yaml'), lines.join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a TypeScript reader that fails to load', () => {
  test('JSON: serverless.ts and the CDK app are listed with their format and an internal-error on line 1; other scripts stay out', () => {
    const { code, stdout } = cli(join(dir, 'damaged', 'cli.js'), ['check', 'serverless.ts', 'lib', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => [f.path, f.format, f.findings.map((x) => [x.ruleId, x.severity, x.range.start.line])])).toEqual([
      ['lib/stack.ts', 'cdk', [['internal-error', 'error', 0]]],
      ['serverless.ts', 'serverless', [['internal-error', 'error', 0]]],
    ]);
    expect(report.files[1]!.findings[0]!.message).toBe(
      `Crossover failed while reading serverless.ts (Error: typescript-reader.js is damaged), so the file is not fully analysed. This is a bug in Crossover, not in the file: please report it at ${ISSUES_URL}.`,
    );
    expect(report.skipped).toEqual([]);
  });

  test('text and SARIF show it too', () => {
    const text = cli(join(dir, 'damaged', 'cli.js'), ['check', 'serverless.ts']).stdout;
    expect(text).toContain('serverless.ts\n  1:1  error  Crossover failed while reading serverless.ts (Error: typescript-reader.js is damaged)');
    expect(text).toMatch(/ {2}internal-error\n/);
    expect(text.trim().split('\n').at(-1)).toBe('1 problem (1 error, 0 warnings, 0 info); 1 template checked');
    const sarif = JSON.parse(cli(join(dir, 'damaged', 'cli.js'), ['check', 'serverless.ts', '--format', 'sarif']).stdout);
    const run = sarif.runs[0];
    const result = run.results[0];
    expect(result).toMatchObject({ ruleId: 'internal-error', level: 'error' });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('internal-error');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'serverless.ts' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    });
  });

  test('crossover cost says why it has no estimate, instead of "not a template"', () => {
    const { code, stderr } = cli(join(dir, 'damaged', 'cli.js'), ['cost', 'serverless.ts']);
    expect(code).toBe(2);
    expect(stderr).toContain('crossover: serverless.ts: Crossover failed while reading serverless.ts (Error: typescript-reader.js is damaged)');
  });
});

test('inputs that made the engine run out of stack are listed as templates, not as "not a template"', () => {
  const { stdout } = cli(join(repo, 'dist', 'cli.js'), ['check', 'mapping.yaml', 'aliases.yaml', '--format', 'json']);
  const report = JSON.parse(stdout) as JsonReport;
  expect(report.skipped.filter((s) => s.reason === NOT_A_TEMPLATE)).toEqual([]);
  expect(report.files.map((f) => [f.path, f.format, f.findings.map((x) => x.ruleId)])).toEqual([
    ['aliases.yaml', 'cloudformation', ['parse-error']],
    ['mapping.yaml', 'cloudformation', []],
  ]);
});
