/**
 * Fuzzing: mutations of real inputs (a sample of ../shared/corpus when this machine has it, and the project's
 * own fixtures always), fixed seed, through the engine with every reader. No exception, no internal error,
 * no input that takes seconds, and every fix the engine offers still parses and changes only what it says.
 *
 * `npm test` runs 3,000 inputs (well under a minute); `npm run fuzz` runs the same campaign with 100,000
 * (CROSSOVER_FUZZ_COUNT, _SEED and _CORPUS_SEEDS change it) and writes the inputs that fail, if any, to
 * fuzz-results/failures.json (CROSSOVER_FUZZ_FAILURES) for a reproduction.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from 'vitest';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { testPythonReader } from '../support/python-reader.js';
import { corpusSeeds, describeFailures, fixChecker, fixtureSeeds, runCampaign } from './campaign.js';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[`CROSSOVER_FUZZ_${name}`]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const COUNT = env('COUNT', 3000);
const SEED = env('SEED', 20261130);
const CORPUS_SEEDS = env('CORPUS_SEEDS', 400);
/** An input slower than this freezes the editor for all intents: a failure. */
const SLOW_MS = 5000;

test(
  `${COUNT} mutated inputs: no exception, no internal error, no freeze, every fix safe`,
  async () => {
    const readers = { typescript: typescriptReader, python: await testPythonReader() };
    const seeds = [...fixtureSeeds(), ...corpusSeeds(CORPUS_SEEDS)];
    const progress =
      COUNT > 10_000
        ? (done: number, r: { failures: unknown[]; totalMs?: number }) =>
            done % 10_000 === 0 && console.log(`fuzz: ${done} inputs, ${r.failures.length} failures`)
        : undefined;
    const result = runCampaign({ seeds, count: COUNT, seed: SEED, readers, checkFix: fixChecker(readers), slowMs: SLOW_MS, ...(progress ? { progress } : {}) });
    console.log(
      `fuzz: ${result.inputs} inputs (seed ${SEED}) from ${seeds.length} seeds in ${(result.totalMs / 1000).toFixed(1)} s; ${result.analysed} analysed as IaC, ` +
        `${result.findings} findings, ${result.fixesApplied} fixes applied and checked, ${result.failures.length} failures; ` +
        `slowest: ${result.slowest
          .slice(0, 3)
          .map((s) => `${s.ms.toFixed(0)} ms (${s.length} characters)`)
          .join(', ')}`,
    );
    const out = process.env['CROSSOVER_FUZZ_FAILURES'];
    if (out && result.failures.length) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(result.failures, null, 1));
    }
    expect(result.inputs).toBe(COUNT);
    // The campaign must reach the engine's deep paths, not only bounce off broken syntax.
    expect(result.analysed).toBeGreaterThan(COUNT / 4);
    expect(result.fixesApplied).toBeGreaterThan(COUNT / 10);
    expect(describeFailures(result.failures)).toBe('');
  },
  240_000 + COUNT * 100,
);
