// A failure inside Crossover (a reader, the model builder, a rule) is a finding on the file, never silence:
// the file keeps its format, the message names the file, the step and the first line of the reason, and
// where to report it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText, isListed } from '../../src/core/engine.js';
import { errorReason } from '../../src/core/analysis/internal-error.js';
import { type TypeScriptReader } from '../../src/core/parse/readers.js';
import { InputLimitError } from '../../src/core/parse/input-limit.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import rule from '../../src/core/rules/internal-error.js';
import { RULES_BY_ID } from '../../src/core/rules/registry.js';
import { ISSUES_URL } from '../../src/core/rules/rule.js';
import { runTemplate, TEST_NOW } from './rule-tester.js';

// Ordinary files of every syntax give no internal error (the faults below are injected).
test.each([
  [
    'template.yaml',
    'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n',
  ],
  ['serverless.yml', 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h\n'],
  ['taskdef.json', '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x"}]}'],
])('%s is analysed without one', (filename, text) => {
  const result = runTemplate(text, { filename });
  expect(result.format).toBeDefined();
  expect(result.findings.filter((f) => f.ruleId === rule.meta.id)).toEqual([]);
});

const config = resolveConfig({ now: TEST_NOW });
const cdkApp = "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'F', { memorySize: 128 });\n";
const atLineOne = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A TypeScript reader with one method that fails the way a bug would. */
function failing(method: keyof TypeScriptReader, error: unknown): TypeScriptReader {
  return {
    ...typescriptReader,
    [method]: () => {
      throw error;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a reader that throws', () => {
  test("a CDK app: listed as CDK with an internal-error on line 1: the file, the step, the reason's first line, the report link", () => {
    const error = new TypeError('Cannot read properties of undefined (reading "kind")\n    at AppReader.read (typescript-app.ts:70:12)');
    const result = analyzeText({ uri: 'file:///app/lib/orders%20stack.ts', text: cdkApp, typescript: failing('cdk', error) }, config);
    expect(result.format).toBe('cdk');
    expect(result.syntax).toBe('typescript');
    expect(isListed(result)).toBe(true);
    expect(result.findings).toEqual([
      {
        ruleId: 'internal-error',
        severity: 'error',
        message: `Crossover failed while reading orders stack.ts (TypeError: Cannot read properties of undefined (reading "kind")), so the file is not fully analysed. This is a bug in Crossover, not in the file: please report it at ${ISSUES_URL}.`,
        uri: 'file:///app/lib/orders%20stack.ts',
        range: atLineOne,
        related: [],
      },
    ]);
  });

  test('a serverless.ts: listed as serverless', () => {
    const result = analyzeText({ uri: '/p/serverless.ts', text: 'export default {};', typescript: failing('objectLiteral', new Error('boom')) }, config);
    expect(result.format).toBe('serverless');
    expect(result.findings.map((f) => [f.ruleId, f.message.slice(0, 60)])).toEqual([
      ['internal-error', 'Crossover failed while reading serverless.ts (Error: boom), '],
    ]);
  });

  test('a Python CDK app: listed as CDK', () => {
    const python = {
      cdk: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const result = analyzeText({ uri: 'file:///app/app.py', text: 'from aws_cdk import aws_lambda\n', python }, config);
    expect(result).toMatchObject({ format: 'cdk', syntax: 'python' });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining('while reading app.py (RangeError: Maximum call stack size exceeded)')]);
  });

  test('a known limit of a reader is a parse-error where it was reached, not an internal error', () => {
    const text = cdkApp + 'const x = 1;\n';
    const limit = new InputLimitError('Not analysed: too deep here.', text.indexOf('const x'));
    const result = analyzeText({ uri: 'file:///app/stack.ts', text, typescript: failing('cdk', limit) }, config);
    expect(result.format).toBe('cdk');
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'parse-error',
        severity: 'error',
        message: 'Not analysed: too deep here.',
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } },
      }),
    ]);
  });

  test('files that are not templates stay unlisted (the reader is not even asked)', () => {
    const reader = failing('cdk', new Error('must not be called'));
    const script = analyzeText({ uri: 'file:///app/util.ts', text: 'export const x = 1;\n', typescript: reader }, config);
    expect(script.findings).toEqual([]);
    expect(isListed(script)).toBe(false);
  });
});

describe('the model builder throws', () => {
  test('serverless.yml whose referenced-file reader throws: the format and the problems found before are kept', () => {
    const text = 'service: s\nprovider:\n  name: aws\n  name: aws\nfunctions:\n  f:\n    handler: h\n    memorySize: ${file(./sizes.yml):memory}\n';
    const readFile = () => {
      throw new Error('EACCES: permission denied');
    };
    const result = analyzeText({ uri: 'file:///p/serverless.yml', text, readFile }, config);
    expect(result).toMatchObject({ format: 'serverless', syntax: 'yaml', workloads: [] });
    expect(result.findings.map((f) => [f.ruleId, f.range.start.line])).toEqual([
      ['internal-error', 0],
      ['duplicate-key', 3],
    ]);
    expect(result.findings[0]!.message).toContain('while building the model of serverless.yml (Error: EACCES: permission denied)');
  });
});

describe('a rule throws', () => {
  const template = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cli', 'sam.yaml'), 'utf8');

  test('the other rules still report, the workloads and the model are kept', () => {
    const before = analyzeText({ uri: 'file:///p/template.yaml', text: template }, config);
    vi.spyOn(RULES_BY_ID.get('lambda/timeout-max')!, 'create').mockImplementation(() => {
      throw new Error('rule bug');
    });
    const result = analyzeText({ uri: 'file:///p/template.yaml', text: template }, config);
    expect(result.format).toBe(before.format);
    expect(result.workloads).toEqual(before.workloads);
    expect(result.model).toBeDefined();
    const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
    expect(internal.map((f) => f.message)).toEqual([expect.stringContaining('while running rule lambda/timeout-max on template.yaml (Error: rule bug)')]);
    expect(result.findings.filter((f) => f.ruleId !== 'internal-error')).toEqual(before.findings.filter((f) => f.ruleId !== 'lambda/timeout-max'));
    expect(before.findings.some((f) => f.ruleId === 'lambda/timeout-max')).toBe(true);
  });

  test('its severity follows the settings; switched off, the file is still listed as the template it is', () => {
    vi.spyOn(RULES_BY_ID.get('lambda/timeout-max')!, 'create').mockImplementation(() => {
      throw new Error('rule bug');
    });
    const warning = analyzeText({ uri: 't.yaml', text: template }, resolveConfig({ now: TEST_NOW, rules: { 'internal-error': 'warning' } }));
    expect(warning.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.severity)).toEqual(['warning']);
    const off = analyzeText({ uri: 't.yaml', text: template }, resolveConfig({ now: TEST_NOW, rules: { 'internal-error': 'off' } }));
    expect(off.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(off.format).toBe('sam');
  });
});

describe('the reason', () => {
  test('one line, bounded, for anything that can be thrown', () => {
    expect(errorReason(new RangeError('Maximum call stack size exceeded'))).toBe('RangeError: Maximum call stack size exceeded');
    expect(errorReason(new Error('first\nsecond'))).toBe('Error: first');
    expect(errorReason(new Error('x'.repeat(1000)))).toHaveLength(200);
    expect(errorReason('a string')).toBe('a string');
    expect(errorReason(null)).toBe('a thrown null (null)');
    expect(errorReason(Object.create(null))).toBe('an exception that cannot be described');
    expect(errorReason(new Error(''))).toBe('Error');
  });

  test('the report link is the repository of package.json', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { repository: { url: string } };
    expect(ISSUES_URL).toBe(`${manifest.repository.url.replace(/\.git$/, '')}/issues`);
  });
});
