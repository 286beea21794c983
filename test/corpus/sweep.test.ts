/**
 * Every file of the shared corpus (about 5,000 real templates and neighbours) through the engine and
 * the CLI: no exception, no internal error, every SAM/CloudFormation template recognised. Skipped, with
 * a message, when the corpus is not on this machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveConfig } from '../../src/core/config.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { parseUsageFile } from '../../src/core/cost/usage-file.js';
import { templateCosts } from '../../src/core/cost/workloads.js';
import { analyzeText } from '../../src/core/engine.js';
import { decodeBytes, loadDocument } from '../../src/core/parse/document/load.js';
import { plainValue } from '../../src/core/parse/document/tree.js';
import { corpusIndex, corpusRoot, FORMAT_OF_KIND, MISLABELLED, TEMPLATE_KINDS } from '../support/corpus.js';
import { checkFix } from '../support/fix-check.js';
import { NOT_A_TEMPLATE } from '../../src/cli/check.js';

const corpus = corpusRoot();
const repo = join(import.meta.dirname, '..', '..');
if (!corpus) console.log('corpus sweep skipped: ../shared/corpus (or CROSSOVER_CORPUS) is not on this machine');

describe.skipIf(!corpus)('shared corpus sweep', () => {
  const index = corpus ? corpusIndex(corpus) : [];
  const templates = index.filter((e) => TEMPLATE_KINDS.has(e.kind));

  test('every file is analysed and its workloads costed without an exception or an internal error, and every template is recognised', () => {
    const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
    const costSettings = resolveCostSettings({});
    const usage = parseUsageFile('crossover.usage.yml', '');
    // Each home platform's workloads (and EKS capacity) the corpus yields, to report.
    const homes = new Map<string, number>();
    const times: { path: string; ms: number }[] = [];
    const crashes: string[] = [];
    const unrecognised: string[] = [];
    const kinds = new Map(index.map((e) => [e.path, e.kind]));
    const started = performance.now();
    for (const entry of index) {
      const decoded = decodeBytes(readFileSync(join(corpus!, entry.path)));
      if (decoded.kind === 'binary') continue;
      const t0 = performance.now();
      try {
        const result = analyzeText({ uri: entry.path, text: decoded.text }, config);
        if (result.findings.some((f) => f.ruleId === 'internal-error'))
          crashes.push(`${entry.path}: ${result.findings.find((f) => f.ruleId === 'internal-error')!.message}`);
        if (TEMPLATE_KINDS.has(kinds.get(entry.path) ?? '') && !result.format && !MISLABELLED.has(entry.path)) unrecognised.push(entry.path);
        if (result.model) {
          const costs = templateCosts(result.model, entry.path, usage, costSettings, (id, error) =>
            crashes.push(`${entry.path}#${id} (cost): ${String(error)}`),
          );
          for (const { estimate } of [...costs.functions, ...costs.tasks, ...costs.services])
            homes.set(estimate.runsOn.platform, (homes.get(estimate.runsOn.platform) ?? 0) + 1);
          for (const c of costs.capacity) homes.set(`${c.runsOn.platform} capacity`, (homes.get(`${c.runsOn.platform} capacity`) ?? 0) + 1);
        }
      } catch (error) {
        crashes.push(`${entry.path}: ${String(error)}`);
      }
      times.push({ path: entry.path, ms: performance.now() - t0 });
    }
    const total = performance.now() - started;
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `corpus sweep: ${times.length} files (${templates.length} templates by INDEX.tsv) in ${(total / 1000).toFixed(2)} s; ` +
        `slowest: ${slowest.map((s) => `${s.path.split('/').pop()} ${s.ms.toFixed(0)} ms`).join(', ')}; ` +
        `costed on: ${[...homes].map(([platform, n]) => `${platform} ${n}`).join(', ')}`,
    );
    expect(times.length).toBe(index.length);
    expect(crashes).toEqual([]);
    expect(unrecognised).toEqual([]);
    // About 12 s alone; a machine shared with other test runs took 30 s, past the 20 s default.
  }, 180_000);

  test('every quick fix on a YAML/JSON template (and serverless.yml) keeps it parsing and changes only its value', () => {
    const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
    const files = index.filter((e) => (TEMPLATE_KINDS.has(e.kind) || e.kind === 'sls') && /\.(ya?ml|json|template)$/i.test(e.path));
    let applied = 0;
    let broken = 0;
    let shared = 0;
    const failures: string[] = [];
    const started = performance.now();
    for (const entry of files) {
      const decoded = decodeBytes(readFileSync(join(corpus!, entry.path)));
      if (decoded.kind === 'binary') continue;
      const result = analyzeText({ uri: entry.path, text: decoded.text }, config);
      const fixes = new Map(
        result.findings
          .flatMap((f) => [f.fix, f.ignore])
          .filter((f) => f !== undefined)
          .map((f) => [JSON.stringify(f), f]),
      );
      if (fixes.size === 0) continue;
      const doc = loadDocument(entry.path, decoded.text);
      const original = { uri: entry.path, text: decoded.text, doc, plain: doc.root ? plainValue(doc.root) : undefined };
      for (const fix of fixes.values()) {
        applied++;
        const check = checkFix(original, fix);
        if (check.shared) shared++;
        if (check.failures.some((f) => f.startsWith('new parse problem'))) broken++;
        if (check.failures.length > 0) failures.push(`${entry.path}: ${fix.title}: ${check.failures.join('; ')}`);
      }
    }
    console.log(
      `fix sweep: ${applied} fixes applied over ${files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `${broken} broke the parse, ${failures.length} failed a check, ${shared} declared edits of a shared YAML anchor`,
    );
    expect(applied).toBeGreaterThan(1000);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 180_000);

  describe('the CLI over the whole corpus (npx crossover check ../shared/corpus --format json)', () => {
    let output: {
      files: {
        path: string;
        format: string;
        workloads: { type: string; memoryMb: number | null; timeoutSeconds: number | null }[];
        findings: { ruleId: string }[];
      }[];
      skipped: { path: string; reason: string }[];
    };
    let code: number | null;
    beforeAll(() => {
      execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
      const run = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'check', corpus!, '--format', 'json'], {
        cwd: corpus,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        timeout: 300_000,
      });
      code = run.status;
      output = JSON.parse(run.stdout);
    }, 300_000);

    test('does not crash or exit 2, and no file has an internal error', () => {
      expect([0, 1]).toContain(code);
      // The engine turns an exception into an internal-error finding (and exit 1), so that is checked too.
      const internal = output.files.filter((f) => f.findings.some((x) => x.ruleId === 'internal-error')).map((f) => f.path);
      expect(internal).toEqual([]);
    });

    test('covers every template file listed in INDEX.tsv, each in the format of its kind', () => {
      const analysed = new Map(output.files.map((f) => [f.path, f.format]));
      const wrongFormat = templates
        .filter((e) => analysed.has(e.path) && !FORMAT_OF_KIND[e.kind]!.includes(analysed.get(e.path)!))
        .map((e) => `${e.path}: ${e.kind} read as ${analysed.get(e.path)}`);
      expect(wrongFormat).toEqual([]);
      const skipped = new Map(output.skipped.map((s) => [s.path, s.reason]));
      const missing = templates.filter((e) => !analysed.has(e.path) && !MISLABELLED.has(e.path)).map((e) => e.path);
      expect(missing).toEqual([]);
      for (const path of MISLABELLED.keys()) expect(skipped.get(path)).toBe(NOT_A_TEMPLATE);
      console.log(
        `CLI corpus run: ${output.files.length} templates analysed, ${output.skipped.length} other files listed as skipped; ${templates.length - MISLABELLED.size} of ${templates.length} INDEX templates covered (+${MISLABELLED.size} mislabelled)`,
      );
    });

    test('covers every Serverless Framework service for AWS; other providers and non-services are left alone', () => {
      const analysed = new Map(output.files.map((f) => [f.path, f]));
      const sls = index.filter((e) => e.kind === 'sls');
      // Independent of our detection: the yaml library's reading of provider and service.
      const isAwsService = (path: string) => {
        try {
          const doc = parseYaml(readFileSync(join(corpus!, path), 'utf8'), { logLevel: 'silent', uniqueKeys: false }) as Record<string, unknown> | null;
          const provider = doc?.['provider'];
          const name = typeof provider === 'string' ? provider : (provider as Record<string, unknown> | undefined)?.['name'];
          return name === 'aws' && (doc?.['service'] !== undefined || doc?.['functions'] !== undefined);
        } catch {
          return false;
        }
      };
      const aws = sls.filter((e) => isAwsService(e.path));
      expect(aws.filter((e) => analysed.get(e.path)?.format !== 'serverless').map((e) => e.path)).toEqual([]);
      const others = sls.filter((e) => !isAwsService(e.path));
      const functions = aws.flatMap((e) => analysed.get(e.path)!.workloads.filter((w) => w.type === 'lambda-function'));
      const memory = functions.filter((w) => w.memoryMb !== null).length;
      const timeout = functions.filter((w) => w.timeoutSeconds !== null).length;
      console.log(
        `Serverless Framework: ${aws.length} AWS services analysed, ${others.length} other sls files left alone (${others.filter((e) => analysed.has(e.path)).length} of them analysed); ` +
          `${functions.length} functions, memory resolved for ${memory} (${((memory / functions.length) * 100).toFixed(1)}%), timeout for ${timeout} (${((timeout / functions.length) * 100).toFixed(1)}%)`,
      );
      expect(functions.length).toBeGreaterThan(100);
    });
  });
});
