/**
 * Every Terraform file of the shared corpus (kinds `tf` and `tfvars` of INDEX.tsv) through the engine, with its folder
 * (variables, locals, .tfvars and the resources of sibling files), as an editor opens it: no exception, no internal
 * error, and the figures printed (files, functions, task definitions, findings by severity and by rule, parse
 * findings). Skipped, with a message, when the corpus is not on this machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { decodeBytes } from '../../src/core/parse/document/load.js';
import { type TerraformReader } from '../../src/core/parse/readers.js';
import { fileReaderFor } from '../../src/node/file-reader.js';
import { corpusIndex, corpusRoot } from '../support/corpus.js';
import { testTerraformReader } from '../support/terraform-reader.js';

const corpus = corpusRoot();
if (!corpus) console.log('Terraform corpus sweep skipped: ../shared/corpus (or CROSSOVER_CORPUS) is not on this machine');
const TERRAFORM_KINDS = new Set(['tf', 'tfvars']);

let reader: TerraformReader;
beforeAll(async () => {
  reader = await testTerraformReader();
});

/** `{a: 2, b: 1}` as `a 2, b 1`, the largest first. */
function counts(map: Map<string, number>): string {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

function add(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

describe.skipIf(!corpus)('Terraform corpus sweep', () => {
  test('every .tf and .tfvars file is analysed with its folder without an exception or an internal error', () => {
    const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
    const entries = corpusIndex(corpus!).filter((e) => TERRAFORM_KINDS.has(e.kind));
    const crashes: string[] = [];
    const bySeverity = new Map<string, number>();
    const byRule = new Map<string, number>();
    const parseFindings: string[] = [];
    const formats = new Map<string, number>();
    let functions = 0;
    let tasks = 0;
    let binary = 0;
    const times: { path: string; ms: number }[] = [];
    const started = performance.now();
    for (const entry of entries) {
      const path = join(corpus!, entry.path);
      const decoded = decodeBytes(readFileSync(path));
      if (decoded.kind === 'binary') {
        binary++;
        continue;
      }
      const folder = dirname(path);
      const t0 = performance.now();
      try {
        const result = analyzeText(
          {
            uri: path,
            text: decoded.text,
            terraform: reader,
            readFile: fileReaderFor(path, { folder: join(corpus!, entry.path.split('/')[0]!), label: 'the folder given' }),
            folderFiles: () => readdirSync(folder),
          },
          config,
        );
        add(formats, result.format ?? 'none');
        // The model holds the folder's resources; each is counted in the file that declares it.
        functions += (result.model?.functions ?? []).filter((f) => f.loc.uri === path).length;
        tasks += (result.model?.taskDefinitions ?? []).filter((t) => t.loc.uri === path).length;
        for (const finding of result.findings) {
          if (finding.ruleId === 'internal-error') crashes.push(`${entry.path}: ${finding.message}`);
          add(bySeverity, finding.severity);
          add(byRule, finding.ruleId);
          if (finding.ruleId === 'parse-error') parseFindings.push(`${entry.path}:${finding.range.start.line + 1}: ${finding.message}`);
        }
      } catch (error) {
        crashes.push(`${entry.path}: ${String(error)}`);
      }
      times.push({ path: entry.path, ms: performance.now() - t0 });
    }
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `Terraform corpus sweep: ${entries.length} files (${entries.filter((e) => e.kind === 'tfvars').length} .tfvars; ${binary} binary) in ` +
        `${((performance.now() - started) / 1000).toFixed(2)} s; formats: ${counts(formats)}; ${functions} functions, ${tasks} task definitions; ` +
        `findings by severity: ${counts(bySeverity) || 'none'}; by rule: ${counts(byRule) || 'none'}; ${parseFindings.length} parse findings; ` +
        `slowest: ${slowest.map((s) => `${s.path.split('/').pop()} ${s.ms.toFixed(0)} ms`).join(', ')}`,
    );
    if (parseFindings.length > 0) console.log(`parse findings:\n  ${parseFindings.join('\n  ')}`);
    expect(times.length + binary).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(800);
    expect(crashes).toEqual([]);
    expect(functions).toBeGreaterThan(0);
  }, 300_000);
});
