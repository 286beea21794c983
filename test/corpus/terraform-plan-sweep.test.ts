// Every JSON file of the shared corpus (CloudFormation and SAM templates, task definitions, package files, ...)
// through the Terraform plan reader: an answer for each, never an exception, and none of them taken for a plan.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../src/core/config.js';
import { isPlanFileName, readPlan } from '../../src/core/parse/terraform/plan.js';
import { corpusIndex, corpusRoot } from '../support/corpus.js';

const corpus = corpusRoot();

describe.skipIf(!corpus)('the Terraform plan reader over the shared corpus', () => {
  test('every JSON file is refused as not a plan, with a reason', () => {
    const files = corpusIndex(corpus!)
      .map((entry) => entry.path)
      .filter((path) => path.toLowerCase().endsWith('.json'))
      .filter((path) => (statSync(join(corpus!, path), { throwIfNoEntry: false })?.size ?? Infinity) <= DEFAULT_MAX_FILE_SIZE_BYTES);
    expect(files.length).toBeGreaterThan(0);
    const reasons = new Map<string, number>();
    const started = performance.now();
    for (const path of files) {
      const reading = readPlan(readFileSync(join(corpus!, path), 'utf8'));
      if (!('problem' in reading)) throw new Error(`${path} was read as a Terraform plan`);
      const reason = reading.problem.replace(/\(.*\)/, '(...)');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      expect(isPlanFileName(path), path).toBe(false);
    }
    const ms = performance.now() - started;
    console.log(`${files.length} corpus JSON files refused in ${ms.toFixed(0)} ms:`, Object.fromEntries(reasons));
  });
});
