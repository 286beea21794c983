// `npm run fuzz [count]`: the fuzz campaign of test/fuzz at full size (100,000 mutated inputs by default,
// 2,000 corpus files as seeds when ../shared/corpus exists). Failing inputs go to fuzz-results/failures.json.
// Set CROSSOVER_FUZZ_SEED for another campaign than the fixed one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './lib/load-ts.mjs';

const count = process.argv[2] ?? process.env.CROSSOVER_FUZZ_COUNT ?? '100000';
const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    CROSSOVER_FUZZ_COUNT: count,
    CROSSOVER_FUZZ_CORPUS_SEEDS: process.env.CROSSOVER_FUZZ_CORPUS_SEEDS ?? '2000',
    CROSSOVER_FUZZ_FAILURES: process.env.CROSSOVER_FUZZ_FAILURES ?? join(repoRoot, 'fuzz-results', 'failures.json'),
  },
});
process.exitCode = run.status ?? 1;
