import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus of real templates, when this machine has it (CROSSOVER_CORPUS overrides the default). */
export function corpusRoot(): string | undefined {
  const candidate = process.env['CROSSOVER_CORPUS'] ?? resolve(import.meta.dirname, '../../../shared/corpus');
  return existsSync(join(candidate, 'INDEX.tsv')) ? candidate : undefined;
}
