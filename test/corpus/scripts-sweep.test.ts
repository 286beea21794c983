// Zero crashes on any TypeScript or JavaScript file: this repository's own sources, tests, scripts and
// fixtures (and the shared corpus's scripts, when it has any) through the CDK / serverless.ts readers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { isScriptFile } from '../../src/core/parse/cdk/detect.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { corpusRoot } from '../support/corpus.js';

const repo = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', '.cache', 'artifacts', 'cdk.out']);

function scripts(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) scripts(path, out);
    else if (isScriptFile(name) && stat.size < 2_000_000) out.push(path);
  }
  return out;
}

test('every .ts / .js file of the repository (and the corpus) is analysed without an exception', () => {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const roots = [join(repo, 'src'), join(repo, 'test'), join(repo, 'scripts'), ...(corpusRoot() ? [corpusRoot()!] : [])];
  const files = roots.flatMap((root) => scripts(root));
  const crashes: string[] = [];
  let cdk = 0;
  const started = performance.now();
  for (const file of files) {
    try {
      const result = analyzeText({ uri: `file://${file}`, text: readFileSync(file, 'utf8'), typescript: typescriptReader }, config);
      if (result.findings.some((f) => f.message.includes('internal error'))) crashes.push(`${relative(repo, file)}: ${result.findings[0]!.message}`);
      if (result.format === 'cdk') cdk++;
    } catch (error) {
      crashes.push(`${relative(repo, file)}: ${String(error)}`);
    }
  }
  console.log(`script sweep: ${files.length} .ts/.js files in ${((performance.now() - started) / 1000).toFixed(2)} s, ${cdk} read as CDK apps`);
  expect(files.length).toBeGreaterThan(100);
  expect(crashes).toEqual([]);
  expect(cdk).toBeGreaterThanOrEqual(15);
});
