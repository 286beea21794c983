// The input format registry is the one list of what Crossover reads: every consumer (the CLI walker, the
// workspace scan's globs, the editor's candidate test, the cost providers' selector) accepts exactly the files
// the registry's records name, and the engine dispatches through it (a toy format registered here is read).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { collectFiles, SKIPPED_FOLDERS } from '../../../src/cli/files.js';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import {
  candidateGlob,
  candidateLanguages,
  formatActivationEvents,
  formatFor,
  INPUT_FORMATS,
  isCandidateFile,
  SKIPPED_FOLDER_NAMES,
  type DocumentFormat,
  type InputFormat,
} from '../../../src/core/formats.js';
import { buildTemplateModel } from '../../../src/core/parse/cloudformation/build.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { type MapEntry, type MapNode, type ScalarNode, type TreeNode } from '../../../src/core/parse/document/tree.js';
import { CANDIDATE_GLOB, candidateSelector, isCandidateDocument, SCRIPT_GLOB, TEMPLATE_GLOB } from '../../../src/extension/support/candidates.js';
import { ALWAYS_EXCLUDED, globToRegExp } from '../../../src/extension/support/globs.js';

// Sample names made from the records' own globs (`*.yaml` -> `sample.yaml`), the names they leave out, and
// names no format reads. Whether a name is read is worked out here with the editor's glob matcher, not with
// the registry's own code.
const sample = (glob: string) => glob.replace('*', 'sample');
const samples = [
  ...new Set([
    ...INPUT_FORMATS.flatMap((format) => [...format.files, ...(format.except ?? [])].map(sample)),
    ...['README.md', 'Dockerfile', 'notes.txt', 'component.tsx', 'component.jsx', 'samconfig.toml', 'main.go', 'stack.tf', 'serverless.js'],
  ]),
];
const matches = (globs: readonly string[] | undefined, name: string) => (globs ?? []).some((glob) => globToRegExp(glob).test(name));
const ownerOf = (name: string) => INPUT_FORMATS.filter((format) => matches(format.files, name) && !matches(format.except, name));
const read = samples.filter((name) => ownerOf(name).length > 0).sort();

test('the samples cover both sides: files some format reads and files none reads', () => {
  expect(read.length).toBeGreaterThanOrEqual(INPUT_FORMATS.flatMap((format) => format.files).length - 1);
  expect(read).toEqual(expect.arrayContaining(['sample.yaml', 'sample.template', 'serverless.ts', 'sample.js', 'sample.mjs', 'sample.py']));
  expect(read).not.toEqual(expect.arrayContaining(['sample.d.ts']));
  expect(samples.length - read.length).toBeGreaterThan(8);
});

describe('the registry', () => {
  test('ids are unique; one format takes what no other claims by name', () => {
    expect(new Set(INPUT_FORMATS.map((format) => format.id)).size).toBe(INPUT_FORMATS.length);
    expect(INPUT_FORMATS.filter((format) => format.fallback).length).toBe(1);
  });

  test('no file name is claimed by two formats, and the engine dispatches each to its owner', () => {
    for (const name of read) {
      expect(
        ownerOf(name).map((format) => format.id),
        name,
      ).toHaveLength(1);
      expect(formatFor(`/w/${name}`)?.id, name).toBe(ownerOf(name)[0]!.id);
    }
    const fallback = INPUT_FORMATS.find((format) => format.fallback)!;
    for (const name of samples.filter((name) => !read.includes(name))) expect(formatFor(`/w/${name}`), name).toBe(fallback);
  });

  test('every format names its languages and how the editor starts for it', () => {
    for (const format of INPUT_FORMATS) {
      expect(format.files.length, format.id).toBeGreaterThan(0);
      expect(format.languages.length, format.id).toBeGreaterThan(0);
      expect(format.activation.workspaceContains.length + (format.activation.onLanguage ? 1 : 0), format.id).toBeGreaterThan(0);
    }
    const events = formatActivationEvents();
    for (const format of INPUT_FORMATS) {
      for (const glob of format.activation.workspaceContains) expect(events).toContain(`workspaceContains:${glob}`);
      for (const language of format.languages) expect(events.includes(`onLanguage:${language}`), `${format.id} ${language}`).toBe(format.activation.onLanguage);
    }
  });
});

describe('every consumer accepts exactly the files the registry names', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crossover-formats-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('the CLI walker', () => {
    mkdirSync(join(folder, 'infra'));
    for (const name of samples) writeFileSync(join(folder, 'infra', name), 'x');
    const { targets } = collectFiles([folder], '/');
    expect(targets.map((t) => basename(t.file)).sort()).toEqual(read);
  });

  test("the workspace scan's globs (with its filter of declaration files) and its file watcher", () => {
    const scanned = (glob: string) =>
      samples.filter((name) => globToRegExp(glob).test(`infra/${name}`) && isCandidateDocument({ scheme: 'file', path: `/w/infra/${name}` }, 'x'));
    expect(scanned(CANDIDATE_GLOB).sort()).toEqual(read);
    // Templates first, then program sources: together the same files, none in both.
    const templates = scanned(TEMPLATE_GLOB);
    const scripts = scanned(SCRIPT_GLOB);
    expect([...templates, ...scripts].sort()).toEqual(read);
    for (const name of templates) expect(ownerOf(name)[0]!.code, name).toBe(false);
    for (const name of scripts) expect(ownerOf(name)[0]!.code, name).toBe(true);
  });

  test("the editor's candidate test: by name in any language, and every document of a format's language", () => {
    for (const name of samples) expect(isCandidateDocument({ scheme: 'file', path: `/w/${name}` }, 'plaintext'), name).toBe(read.includes(name));
    const languages = [...new Set(INPUT_FORMATS.flatMap((format) => format.languages))];
    for (const language of languages) expect(isCandidateDocument({ scheme: 'untitled', path: 'Untitled-1' }, language), language).toBe(true);
    for (const language of ['markdown', 'typescriptreact', 'plaintext'])
      expect(isCandidateDocument({ scheme: 'untitled', path: 'Untitled-1' }, language)).toBe(false);
    // Not files the user edits; synthesized templates are mapped to their CDK sources instead.
    expect(isCandidateDocument({ scheme: 'git', path: '/w/template.yaml' }, 'yaml')).toBe(false);
    expect(isCandidateDocument({ scheme: 'file', path: '/w/cdk.out/App.template.json' }, 'json')).toBe(false);
  });

  test("the cost providers' document selector selects what the editor analyses", () => {
    const filters = candidateSelector();
    const selects = (scheme: string, path: string, language: string) =>
      filters.some(
        (f) => f.scheme === scheme && (f.language === undefined || f.language === language) && (f.pattern === undefined || globToRegExp(f.pattern).test(path)),
      );
    for (const scheme of ['file', 'untitled', 'vscode-vfs', 'git', 'output'])
      for (const language of ['plaintext', 'yaml', 'json', 'typescript', 'javascript', 'python', 'markdown'])
        for (const name of samples) {
          const path = `w/${name}`;
          // A selector cannot leave names out: a declaration file in another language than TypeScript is
          // selected though not analysed (the hovers find no result for it).
          const unanalysedDeclaration =
            selects(scheme, path, 'plaintext') &&
            matches(
              INPUT_FORMATS.flatMap((f) => f.files),
              name,
            ) &&
            !read.includes(name);
          expect(selects(scheme, path, language), `${scheme} ${language} ${name}`).toBe(
            isCandidateDocument({ scheme, path }, language) || unanalysedDeclaration,
          );
        }
  });

  test('the CLI walker and the scan pass over the same folders', () => {
    expect([...SKIPPED_FOLDERS]).toEqual(SKIPPED_FOLDER_NAMES);
    expect(ALWAYS_EXCLUDED.map((glob) => /^\*\*\/(.+)\/\*\*$/.exec(glob)?.[1])).toEqual(SKIPPED_FOLDER_NAMES);
  });
});

// A format registered only here: `*.toy` files list functions as `Name MemoryMB`, one a line. Its reader turns
// them into a positioned tree shaped like a CloudFormation template, so the model, the rules and the
// positions of findings are the engine's own.
function toyTree(text: string): MapNode {
  const scalar = (value: string | number, start: number, end: number): ScalarNode => ({ kind: 'scalar', value, start, end });
  const map = (entries: MapEntry[], start: number, end: number): MapNode => ({ kind: 'map', entries, start, end });
  const entry = (key: string, value: TreeNode, start: number, end: number): MapEntry => ({ key, keyNode: scalar(key, start, end), value });
  const functions: MapEntry[] = [];
  for (const m of text.matchAll(/^(\w+) +(\d+)$/gm)) {
    const nameStart = m.index;
    const nameEnd = nameStart + m[1]!.length;
    const memoryStart = m.index + m[0].length - m[2]!.length;
    const memoryEnd = m.index + m[0].length;
    const properties = map([entry('MemorySize', scalar(Number(m[2]), memoryStart, memoryEnd), memoryStart, memoryEnd)], memoryStart, memoryEnd);
    const body = map(
      [entry('Type', scalar('AWS::Lambda::Function', nameStart, nameEnd), nameStart, nameEnd), entry('Properties', properties, memoryStart, memoryEnd)],
      nameStart,
      memoryEnd,
    );
    functions.push(entry(m[1]!, body, nameStart, nameEnd));
  }
  return map([entry('Resources', map(functions, 0, text.length), 0, 0)], 0, text.length);
}

const TOY: DocumentFormat = {
  id: 'toy',
  label: 'Toy function lists',
  files: ['*.toy'],
  languages: ['toy'],
  activation: { onLanguage: true, workspaceContains: [] },
  code: false,
  reader: 'none',
  mentions: (text) => /^\w+ +\d+$/m.test(text),
  reads: 'document',
  read: (input) => ({ uri: input.uri, text: input.text, syntax: 'yaml', root: toyTree(input.text), lines: new LineIndex(input.text), problems: [] }),
  detect: () => 'cloudformation',
  build: (document, format) => buildTemplateModel(document, format),
  edits: { setFixes: false, ignores: [] },
};

describe('a new format is one record (and its reader)', () => {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const text = 'Api 512\nWorker 20000\n';
  const formats: InputFormat[] = [...INPUT_FORMATS, TOY];

  test('the engine dispatches to it: its workloads, and rule findings where its text says so', () => {
    const result = analyzeText({ uri: '/w/functions.toy', text }, config, undefined, formats);
    expect(result.format).toBe('cloudformation');
    expect(result.workloads.map((w) => [w.name, w.memoryMb])).toEqual([
      ['Api', 512],
      ['Worker', 20000],
    ]);
    const memory = result.findings.filter((f) => f.ruleId === 'lambda/memory-range');
    expect(memory.map((f) => [f.resourceId, f.range.start.line, f.range.start.character, f.range.end.character])).toEqual([['Worker', 1, 7, 12]]);
    // The record says it has no set-fixes and no ignores.
    expect(result.findings.some((f) => f.ignore !== undefined)).toBe(false);
  });

  test('the lists the faces use come from the records: the toy joins them', () => {
    expect([isCandidateFile('/w/functions.toy', formats), isCandidateFile('/w/functions.toy')]).toEqual([true, false]);
    expect([globToRegExp(candidateGlob(formats)).test('infra/functions.toy'), globToRegExp(candidateGlob()).test('infra/functions.toy')]).toEqual([
      true,
      false,
    ]);
    expect(candidateLanguages(formats)).toContain('toy');
    expect(formatActivationEvents(formats)).toContain('onLanguage:toy');
    expect(formatActivationEvents()).not.toContain('onLanguage:toy');
  });

  test('its text test and its absence leave other files alone', () => {
    expect(analyzeText({ uri: '/w/notes.toy', text: 'just words\n' }, config, undefined, formats).format).toBeUndefined();
    // Without the record, a .toy file goes to the YAML/JSON reader, which finds no template in it.
    expect(analyzeText({ uri: '/w/functions.toy', text }, config).format).toBeUndefined();
  });
});
