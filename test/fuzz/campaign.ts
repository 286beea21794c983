/**
 * The fuzz campaign: real inputs (the shared corpus when this machine has it, else the project's own
 * fixtures), mutated with a fixed seed, through `analyzeText` with the real readers (YAML/JSON, serverless,
 * TypeScript, Python). For every input: no exception, no `internal-error` finding, and every fix the engine
 * offers, applied, still parses and changes only what it says. Used by the CI test (a few thousand inputs)
 * and by `npm run fuzz` (the 100,000-input campaign).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { type PythonReader, type TypeScriptReader } from '../../src/core/parse/readers.js';
import { type Finding } from '../../src/core/findings.js';
import { decodeBytes } from '../../src/core/parse/document/load.js';
import { corpusIndex, corpusRoot } from '../support/corpus.js';
import { applyFix, checkFix } from '../support/fix-check.js';
import { mutate, Random } from './mutate.js';

export interface Seed {
  /** Where it came from (a corpus path or a fixture path), kept as the input's file name. */
  name: string;
  text: string;
}

const repo = join(import.meta.dirname, '..', '..');
/** Corpus kinds worth mutating: what the engine reads, and some neighbours it must leave alone. */
const CORPUS_KINDS = new Set(['sam', 'sam_notransform', 'cfn', 'taskdef', 'sls', 'other']);
const SEED_EXTENSIONS = /\.(ya?ml|json|template|ts|py)$/i;

/** Every readable text file under `folder` with a name the engine might take. */
function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && SEED_EXTENSIONS.test(entry.name)) out.push(full);
    }
  }
  return out.sort();
}

function seedFrom(path: string, name: string): Seed | undefined {
  if (statSync(path).size > 512 * 1024) return undefined;
  const decoded = decodeBytes(readFileSync(path));
  return decoded.kind === 'text' ? { name, text: decoded.text } : undefined;
}

/** The project's own fixtures and example: always there, so the CI test runs on any machine. */
export function fixtureSeeds(): Seed[] {
  const folders = [join(repo, 'test', 'fixtures'), join(repo, 'examples')];
  return folders.flatMap((folder) => filesUnder(folder).flatMap((path) => seedFrom(path, relative(repo, path).replace(/\\/g, '/')) ?? []));
}

/** Up to `limit` corpus files (every n-th of the index, so the sample spans the corpus), when the corpus exists. */
export function corpusSeeds(limit: number): Seed[] {
  const root = corpusRoot();
  if (!root) return [];
  const entries = corpusIndex(root).filter((e) => CORPUS_KINDS.has(e.kind) && SEED_EXTENSIONS.test(e.path));
  const step = Math.max(1, Math.floor(entries.length / limit));
  const out: Seed[] = [];
  for (let i = 0; i < entries.length && out.length < limit; i += step) {
    const seed = seedFrom(join(root, entries[i]!.path), entries[i]!.path);
    if (seed) out.push(seed);
  }
  return out;
}

export interface Readers {
  typescript: TypeScriptReader;
  python: PythonReader;
}

/** A fix applied to a text: undefined when it is right, else what is wrong with it. */
export type FixCheck = (original: string, uri: string, fix: NonNullable<Finding['fix']>) => string | undefined;

/**
 * The fix check of the campaign. YAML and JSON: test/support/fix-check.ts (still parses, the file's line
 * breaks and BOM, only its entry changed, the intended value in place). Code (CDK apps, serverless.ts), where
 * fixes replace a literal: the edited file is analysed again and has no parse or internal error it did not have.
 */
export function fixChecker(readers: Readers): FixCheck {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const broken = (uri: string, text: string) =>
    analyzeText({ uri, text, typescript: readers.typescript, python: readers.python }, config).findings.filter(
      (f) => f.ruleId === 'parse-error' || f.ruleId === 'internal-error',
    ).length;
  return (original, uri, fix) => {
    if (/\.([cm]?[jt]s|py)$/i.test(uri)) {
      let text: string;
      try {
        text = applyFix(original, fix);
      } catch (error) {
        return String(error);
      }
      const before = broken(uri, original);
      const after = broken(uri, text);
      return after > before ? `the fixed code has ${after} parse or internal errors (${before} before)` : undefined;
    }
    const failures = checkFix({ uri, text: original }, fix).failures;
    return failures.length ? failures.join('; ') : undefined;
  };
}

export interface Failure {
  seed: string;
  steps: string[];
  kind: 'exception' | 'internal-error' | 'fix' | 'slow';
  detail: string;
  /** The input that failed, for a reproduction. */
  text: string;
}

export interface CampaignResult {
  inputs: number;
  analysed: number;
  findings: number;
  fixesApplied: number;
  failures: Failure[];
  slowest: { seed: string; steps: string[]; ms: number; length: number }[];
  totalMs: number;
}

export interface CampaignOptions {
  seeds: readonly Seed[];
  count: number;
  seed: number;
  readers: Readers;
  checkFix: FixCheck;
  /** An input slower than this (ms) is a failure: no input may freeze the editor. */
  slowMs: number;
  /** Called every 1,000 inputs (progress for the long campaign). */
  progress?: (done: number, result: CampaignResult) => void;
}

/** Referenced files (`${file(...)}`, CDK imports) read from a small fixed set: the paths the mutations write. */
function readFile(path: string): string | undefined {
  if (/\.ya?ml$/i.test(path)) return 'memory: 1024\ntimeout: 30\nnested: {key: value}\n';
  if (/\.json$/i.test(path)) return '{"memory": 1024, "timeout": 30}';
  if (/\.[cm]?[jt]s$/i.test(path)) return 'export const MEMORY = 1024;\nexport const TIMEOUT = 30;\n';
  return undefined;
}

export function runCampaign(options: CampaignOptions): CampaignResult {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const random = new Random(options.seed);
  const donors = options.seeds.map((s) => s.text);
  const result: CampaignResult = { inputs: 0, analysed: 0, findings: 0, fixesApplied: 0, failures: [], slowest: [], totalMs: 0 };
  const started = performance.now();
  for (let i = 0; i < options.count; i++) {
    const seed = random.pick(options.seeds);
    const { text, steps } = mutate(seed.text, random, donors);
    const uri = `file:///fuzz/${seed.name}`;
    const fail = (kind: Failure['kind'], detail: string) => result.failures.push({ seed: seed.name, steps, kind, detail, text });
    result.inputs++;
    const t0 = performance.now();
    let findings: Finding[] = [];
    try {
      const analysis = analyzeText({ uri, text, readFile, typescript: options.readers.typescript, python: options.readers.python }, config);
      if (analysis.format) result.analysed++;
      findings = analysis.findings;
    } catch (error) {
      fail('exception', error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
    }
    const ms = performance.now() - t0;
    if (ms > options.slowMs) fail('slow', `${ms.toFixed(0)} ms for ${text.length} characters`);
    result.slowest.push({ seed: seed.name, steps, ms, length: text.length });
    if (result.slowest.length > 20) result.slowest = result.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
    result.findings += findings.length;
    for (const finding of findings) {
      if (finding.ruleId === 'internal-error' || /internal error/i.test(finding.message)) fail('internal-error', finding.message);
      for (const fix of [finding.fix, finding.ignore]) {
        if (!fix) continue;
        result.fixesApplied++;
        const problem = options.checkFix(text, uri, fix);
        if (problem) fail('fix', `${finding.ruleId} "${fix.title}": ${problem}`);
      }
    }
    if ((i + 1) % 1000 === 0) options.progress?.(i + 1, result);
  }
  result.slowest = result.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  result.totalMs = performance.now() - started;
  return result;
}

/** One line per kind of failure, with the first example of each, for a test message or the script's report. */
export function describeFailures(failures: readonly Failure[]): string {
  const byKind = new Map<string, Failure[]>();
  for (const f of failures) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  return [...byKind]
    .map(([kind, list]) => `${kind}: ${list.length} (first: ${list[0]!.seed} after ${list[0]!.steps.join(' + ')}: ${list[0]!.detail.split('\n')[0]})`)
    .join('\n');
}
