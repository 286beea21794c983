// cdk.out: a template synthesized by the real aws-cdk-lib from a fixture app is analysed as CloudFormation,
// and each finding is moved to the construct in the source through its `aws:cdk:path`, or left on the
// template when no construct matches; what the static reading already reports is not repeated.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, onTestFinished, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText, type AnalysisResult } from '../../src/core/engine.js';
import { type Finding } from '../../src/core/findings.js';
import {
  appSources,
  constructIndex,
  constructPaths,
  findConstruct,
  isSynthesizedTemplate,
  mapSynthesizedFindings,
} from '../../src/core/parse/cdk/synthesized.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { synthesizeFixture } from '../support/cdk-synth.js';

const sourcePath = join(import.meta.dirname, '..', 'fixtures', 'cdk-out', 'reports-stack.ts');
const sourceUri = 'file:///app/lib/reports-stack.ts';
const templateUri = 'file:///app/cdk.out/Fixture.template.json';
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const source = readFileSync(sourcePath, 'utf8');
let staticResult: AnalysisResult;
let templateText: string;
let templateResult: AnalysisResult;
let mapped: Finding[];

beforeAll(async () => {
  staticResult = analyzeText({ uri: sourceUri, text: source, typescript: typescriptReader }, config);
  templateText = JSON.stringify(await synthesizeFixture(sourcePath), null, 1);
  templateResult = analyzeText({ uri: templateUri, text: templateText }, config);
  const sources = [{ uri: sourceUri, model: staticResult.model!, findings: staticResult.findings }];
  mapped = mapSynthesizedFindings(templateResult.findings, constructPaths(templateUri, templateText), sources, {
    uri: templateUri,
    label: 'cdk.out/Fixture.template.json',
  });
}, 60_000);

const lineOf = (needle: string) => source.split('\n').findIndex((l) => l.includes(needle));

test('the synthesized template is recognised and read as CloudFormation with its construct paths', () => {
  expect(isSynthesizedTemplate('/app/cdk.out/Fixture.template.json')).toBe(true);
  expect(isSynthesizedTemplate('C:\\app\\cdk.out\\assembly-Prod\\ProdApi.template.json')).toBe(true);
  expect(isSynthesizedTemplate('/app/templates/Fixture.template.json')).toBe(false);
  expect(templateResult.format).toBe('cloudformation');
  const paths = [...constructPaths(templateUri, templateText).values()];
  expect(paths).toEqual(expect.arrayContaining(['Fixture/Worker/Resource', 'Fixture/Jobs/Resource', 'Fixture/Raw']));
});

test('a value only the synthesis knows (computed memory) gives a finding on the construct in the source', () => {
  expect(staticResult.findings.some((f) => f.ruleId === 'lambda/memory-range')).toBe(false);
  const memory = mapped.filter((f) => f.ruleId === 'lambda/memory-range');
  expect(memory).toHaveLength(1);
  expect(memory[0]!.uri).toBe(sourceUri);
  expect(memory[0]!.range.start.line).toBe(lineOf("new lambda.Function(this, 'Worker'"));
  expect(source.split('\n')[memory[0]!.range.start.line]!.slice(memory[0]!.range.start.character, memory[0]!.range.end.character)).toBe('lambda.Function');
  expect(memory[0]!.message).toMatch(/^Memory 20,000 MB is outside the range .* \(from the synthesized template\)$/);
  // The template line is kept as related information.
  expect(memory[0]!.related[0]!.uri).toBe(templateUri);
  expect(memory[0]!.related[0]!.message).toMatch(/^cdk\.out\/Fixture\.template\.json: Worker[0-9A-F]{8} \(Fixture\/Worker\/Resource\)$/);
});

test('what the static reading already reports is not repeated; messages name constructs, not logical ids', () => {
  const visibilityStatic = staticResult.findings.filter((f) => f.ruleId === 'sqs/visibility-timeout');
  expect(visibilityStatic).toHaveLength(1);
  expect(templateResult.findings.filter((f) => f.ruleId === 'sqs/visibility-timeout')).toHaveLength(1);
  expect(mapped.filter((f) => f.ruleId === 'sqs/visibility-timeout')).toHaveLength(0);
  for (const f of mapped.filter((m) => m.uri === sourceUri)) expect(f.message).not.toMatch(/[A-Za-z]+[0-9A-F]{8}\b/);
});

test('a construct the readers do not know leaves its finding on the template', () => {
  const raw = mapped.filter((f) => f.uri === templateUri);
  expect(raw.length).toBeGreaterThan(0);
  expect(raw.every((f) => f.resourceId === 'Raw')).toBe(true);
  expect(raw.map((f) => f.ruleId)).toContain('lambda/timeout-max');
});

test('construct matching: the deepest id wins, ties and unknown paths stay unmatched', () => {
  const model = staticResult.model!;
  const src = [{ uri: sourceUri, model, findings: [] }];
  const index = constructIndex(src);
  expect(findConstruct('Fixture/Worker/Resource', index)?.node.id).toBe('Worker');
  expect(findConstruct('Fixture/Worker/ServiceRole/Resource', index)?.node.id).toBe('Worker');
  expect(findConstruct('Fixture/Other/Resource', index)).toBeUndefined();
  // The same construct id in two files of the app: ambiguous, so no guess.
  const copy = analyzeText({ uri: 'file:///app/lib/copy.ts', text: source, typescript: typescriptReader }, config).model!;
  const both = [...src, { uri: 'file:///app/lib/copy.ts', model: copy, findings: [] }];
  expect(findConstruct('Fixture/Worker/Resource', constructIndex(both))).toBeUndefined();
  // Another app of the workspace with the same construct is not this template's: the finding goes to its own app.
  const other = { uri: 'file:///other/lib/stack.ts', model: copy, findings: [] };
  expect(appSources('file:///app/cdk.out/Fixture.template.json', [...src, other])).toEqual(src);
  expect(appSources('file:///app/cdk.out/assembly-Prod/Prod.template.json', [other, ...src])).toEqual(src);
  const own = { uri: sourceUri, model, findings: staticResult.findings };
  const mappedBeside = mapSynthesizedFindings(templateResult.findings, constructPaths(templateUri, templateText), [other, own], {
    uri: templateUri,
    label: 'cdk.out/Fixture.template.json',
  });
  expect(mappedBeside).toEqual(mapped);
  // A cdk.out with none of the sources in its folder (written elsewhere with --output): every source is looked at.
  expect(appSources('file:///build/cdk.out/Fixture.template.json', [...src, other])).toEqual([...src, other]);
});

test('crossover check on a CDK app with cdk.out puts the synthesized findings on the source', () => {
  const repo = join(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
  const app = mkdtempSync(join(tmpdir(), 'crossover-cdk-out-'));
  onTestFinished(() => rmSync(app, { recursive: true, force: true }));
  mkdirSync(join(app, 'lib'));
  mkdirSync(join(app, 'cdk.out'));
  copyFileSync(sourcePath, join(app, 'lib', 'reports-stack.ts'));
  writeFileSync(join(app, 'cdk.out', 'Fixture.template.json'), templateText);
  const run = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, CROSSOVER_TODAY: '2026-11-24' },
  });
  expect(run.status).toBe(1);
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] }[] };
  expect(report.files.map((f) => f.path)).toEqual(['cdk.out/Fixture.template.json', 'lib/reports-stack.ts']);
  const source = report.files[1]!.findings;
  expect(source.filter((f) => f.ruleId === 'lambda/memory-range').map((f) => f.range.start.line)).toEqual([lineOf("new lambda.Function(this, 'Worker'")]);
  expect(source.filter((f) => f.ruleId === 'sqs/visibility-timeout')).toHaveLength(1);
  expect(report.files[0]!.findings.map((f) => f.ruleId)).toContain('lambda/timeout-max');
  expect(report.files[0]!.findings.every((f) => !['lambda/memory-range', 'sqs/visibility-timeout'].includes(f.ruleId))).toBe(true);
}, 60_000);
