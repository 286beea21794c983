// serverless.ts: the static configuration object, read with the TypeScript compiler API (nothing runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const file = join(import.meta.dirname, '..', '..', 'fixtures', 'serverless-ts', 'serverless.ts');
const text = readFileSync(file, 'utf8');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (source: string, uri = 'file:///p/serverless.ts') => analyzeText({ uri, text: source, typescript: typescriptReader }, config);

test('the exported const, its spread of another const, positions in the .ts source', () => {
  const result = analyze(text);
  expect(result.format).toBe('serverless');
  const report = result.model!.functions.find((f) => f.id === 'report')!;
  expect(report.memoryMb).toMatchObject({ value: 2048, origin: 'explicit' });
  expect(report.timeoutSeconds.value).toBe(90);
  // The spread value is reported where it is written: in `const sizes`.
  expect(report.timeoutSeconds.at!.range.start.line).toBe(3);
  expect(report.architecture).toMatchObject({ value: 'arm64', origin: 'globals' });
  expect(result.findings.find((f) => f.ruleId === 'lambda/api-gateway-timeout')?.range.start.line).toBe(3);
});

test('values only code could give are unresolved, never guessed', () => {
  const computed = analyze(text).model!.functions.find((f) => f.id === 'computed')!;
  expect(computed.memoryMb.value).toBeUndefined();
  expect(computed.memoryMb.unresolved).toMatch(/Number\(process\.env\.MEMORY\) is computed by TypeScript code, which Crossover never runs/);
});

test('export default, export =, and files that are not a static configuration', () => {
  const body = "{ service: 's', provider: { name: 'aws' }, functions: { f: { handler: 'h', timeout: 1200 } } }";
  expect(analyze(`export default ${body};`).model!.functions[0]!.timeoutSeconds.value).toBe(1200);
  expect(analyze(`export = ${body};`).format).toBe('serverless');
  expect(analyze('export default buildConfig();').format).toBeUndefined();
  expect(analyze("const x = 1;\nexport default { service: 's', provider: { name: 'google' } };").format).toBeUndefined();
  expect(analyze(`export default ${body};`, 'file:///p/other.ts').format).toBeUndefined();
  // Without the host's TypeScript reader, serverless.ts is simply not analysed.
  expect(analyzeText({ uri: 'file:///p/serverless.ts', text }, config).format).toBeUndefined();
});

test('broken TypeScript is left alone, without an internal error', () => {
  const result = analyze('const x = {{{ ;; export default');
  expect(result.findings).toEqual([]);
  expect(result.format).toBeUndefined();
});
