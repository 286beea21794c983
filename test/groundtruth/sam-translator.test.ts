/**
 * Ground truth: the SAM project's translator tests hold SAM inputs next to the CloudFormation the real
 * SAM transform produced. For every function, our effective memory, timeout, runtime and architecture
 * (after Globals and defaults) must equal what the transform wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { corpusRoot } from '../support/corpus.js';

const corpus = corpusRoot();
const translator = corpus ? join(corpus, 'aws+serverless-application-model/tests/translator') : undefined;

type Output = { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>; errorMessage?: string };

const FIELDS = ['memoryMb', 'timeoutSeconds', 'runtime', 'architecture'] as const;

function expectedOf(properties: Record<string, unknown>): Record<(typeof FIELDS)[number], unknown> {
  const architectures = properties['Architectures'];
  return {
    memoryMb: properties['MemorySize'] ?? 128,
    timeoutSeconds: properties['Timeout'] ?? 3,
    runtime: properties['Runtime'],
    architecture: Array.isArray(architectures) ? architectures[0] : (architectures ?? 'x86_64'),
  };
}

const isStatic = (value: unknown) => value === undefined || typeof value !== 'object';

describe.skipIf(!translator || !existsSync(translator))('SAM translator ground truth', () => {
  test('effective memory, timeout, runtime and architecture equal the SAM transform output', () => {
    const inputs = readdirSync(join(translator!, 'input')).filter((f) => f.endsWith('.yaml'));
    const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
    const counts = { files: 0, functions: 0, comparisons: 0, matches: 0, skippedOutputIntrinsic: 0, skippedOursUnresolved: 0 };
    const mismatches: string[] = [];
    for (const name of inputs) {
      const outputPath = join(translator!, 'output', name.replace(/\.yaml$/, '.json'));
      if (!existsSync(outputPath)) continue;
      const output = JSON.parse(readFileSync(outputPath, 'utf8')) as Output;
      if (output.errorMessage || !output.Resources) continue;
      const result = analyzeText({ uri: name, text: readFileSync(join(translator!, 'input', name), 'utf8') }, config);
      counts.files++;
      for (const workload of result.workloads) {
        const resource = output.Resources[workload.id];
        if (resource?.Type !== 'AWS::Lambda::Function') continue;
        counts.functions++;
        const expected = expectedOf(resource.Properties ?? {});
        for (const field of FIELDS) {
          const theirs = expected[field];
          const ours = workload[field];
          if (!isStatic(theirs)) {
            counts.skippedOutputIntrinsic++;
            continue;
          }
          if (ours === null) {
            counts.skippedOursUnresolved++;
            continue;
          }
          counts.comparisons++;
          // The transform keeps numbers as written ("30" stays a string); compare by value.
          if (String(ours) === String(theirs ?? null)) counts.matches++;
          else mismatches.push(`${name} ${workload.id}.${field}: ours ${JSON.stringify(ours)}, SAM ${JSON.stringify(theirs)}`);
        }
      }
    }
    const rate = counts.comparisons ? ((100 * counts.matches) / counts.comparisons).toFixed(2) : 'n/a';
    console.log(`SAM ground truth: ${JSON.stringify(counts)}; match rate ${rate}%`);
    if (mismatches.length) console.log(mismatches.slice(0, 40).join('\n'));
    expect(counts.functions).toBeGreaterThan(300);
    expect(mismatches).toEqual([]);
  });
});
