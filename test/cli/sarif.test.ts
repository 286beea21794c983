/**
 * `crossover check --format sarif` for every fixture of the repository (and the shared corpus when it is
 * there), validated two ways: against the official SARIF 2.1.0 JSON schema, and by Microsoft's SARIF
 * Multitool `validate` with its SARIF rules and the GitHub ingestion rules (what code scanning needs).
 * Both come from the `@microsoft/sarif-multitool` package (its platform build ships the schema).
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync, execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusRoot } from '../support/corpus.js';

const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist', 'cli.js');
const require = createRequire(import.meta.url);
const multitoolFolder = dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
const multitool = join(multitoolFolder, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
const schema = JSON.parse(readFileSync(join(multitoolFolder, 'sarif-2.1.0.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'crossover-sarif-'));

const FIXTURE_SET = ['test/fixtures', 'test/e2e/workspace', 'examples'];

function sarifOf(paths: string[]): {
  text: string;
  log: { runs: { results: unknown[]; tool: { driver: { rules: { id: string; helpUri: string; help: { text: string; markdown?: string } }[] } } }[] };
} {
  const result = spawnSync(process.execPath, [bundle, 'check', ...paths, '--format', 'sarif', '--fail-on', 'none'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  expect(result.status).toBe(0);
  return { text: result.stdout, log: JSON.parse(result.stdout) };
}

const validate = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
})();

/** The Multitool's findings (errors and warnings) about a SARIF file, as "RULE: message" lines. */
function multitoolProblems(sarifText: string, name: string): string[] {
  if (!(statSync(multitool).mode & 0o100)) chmodSync(multitool, 0o755); // its postinstall may not have run
  const input = join(work, `${name}.sarif`);
  const output = join(work, `${name}.validation.sarif`);
  writeFileSync(input, sarifText);
  execFileSync(multitool, ['validate', input, '--output', output, '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite'], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    stdio: 'pipe',
    timeout: 300_000,
  });
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const results: { ruleId: string; level?: string; message: { id?: string; arguments?: string[]; text?: string } }[] = report.runs[0].results ?? [];
  // SARIF's default level is warning; notes are style advice the validator leaves off by default anyway.
  return results
    .filter((r) => (r.level ?? 'warning') !== 'note' && r.level !== 'none')
    .map((r) => `${r.ruleId}: ${r.message.text ?? (r.message.arguments ?? []).join(' | ')}`);
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('SARIF output', () => {
  test('the whole fixture set: valid against the SARIF 2.1.0 schema, and clean for the SARIF Multitool with the GitHub rules', () => {
    const { text, log } = sarifOf(FIXTURE_SET);
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(50); // the fixtures are full of findings, broken and hostile files included
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(multitoolProblems(text, 'fixtures')).toEqual([]);
  });

  test('the validators do catch what GitHub would refuse (so a clean result means something)', () => {
    const { log } = sarifOf(['test/fixtures/cli/sam.yaml']);
    const broken = structuredClone(log) as unknown as {
      runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[]; tool: { driver: { rules: { help?: unknown }[] } } }[];
    };
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    delete broken.runs[0]!.tool.driver.rules[0]!.help;
    expect(validate(broken)).toBe(false);
    const problems = multitoolProblems(JSON.stringify(broken), 'broken');
    expect(problems.some((p) => p.startsWith('GH2012'))).toBe(true); // a rule without help
    expect(problems.some((p) => p.startsWith('JSON1008'))).toBe(true); // startLine below 1
  });

  test('every rule has a description, help in text and Markdown, and a help link to its documentation page in the repository', () => {
    const { log } = sarifOf(['test/fixtures/cli/sam.yaml']);
    for (const rule of log.runs[0]!.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(rule.help.markdown).toContain(rule.helpUri);
      const page = rule.helpUri.replace('https://github.com/crossover-dev/crossover/blob/main/', '');
      expect(existsSync(join(repo, page)), page).toBe(true);
    }
  });

  const corpus = corpusRoot();
  test.skipIf(!corpus)(
    'the shared corpus (about 5,000 real templates): valid for the schema and the Multitool',
    () => {
      const { text, log } = sarifOf([corpus!]);
      expect(log.runs[0]!.results.length).toBeGreaterThan(1000);
      validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(multitoolProblems(text, 'corpus')).toEqual([]);
    },
    600_000,
  );
});
