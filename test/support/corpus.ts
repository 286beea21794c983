import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus of real templates, when this machine has it (CROSSOVER_CORPUS overrides the default). */
export function corpusRoot(): string | undefined {
  const candidate = process.env['CROSSOVER_CORPUS'] ?? resolve(import.meta.dirname, '../../../shared/corpus');
  return existsSync(join(candidate, 'INDEX.tsv')) ? candidate : undefined;
}

export interface CorpusEntry {
  path: string;
  kind: string;
}

/** INDEX.tsv: one line per file (path relative to the corpus folder, then its kind), after a header. */
export function corpusIndex(root: string): CorpusEntry[] {
  return readFileSync(join(root, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const [path, kind] = line.split('\t');
      return { path: path!, kind: kind ?? '' };
    });
}

export const TEMPLATE_KINDS = new Set(['sam', 'sam_notransform', 'cfn', 'taskdef']);

/** The format the engine must report for each INDEX kind. */
export const FORMAT_OF_KIND: Record<string, readonly string[]> = {
  sam: ['sam'],
  sam_notransform: ['sam', 'cloudformation'],
  cfn: ['cloudformation', 'sam'],
  taskdef: ['ecs-task-definition'],
};

/**
 * Files INDEX.tsv calls templates that are not: each with the reason. Their neighbours in the same
 * folder are listed as `other`.
 */
export const MISLABELLED: ReadonlyMap<string, string> = new Map([
  [
    'aws+serverless-application-model/tests/schema/cfn_schema_generator/output_schema/nested_properties.json',
    'a JSON Schema describing templates ($id draft-04, "definitions", "properties"), not a template',
  ],
]);
