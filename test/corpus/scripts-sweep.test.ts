// Zero crashes on any TypeScript, JavaScript or Python file: this repository's own sources, tests, scripts
// and fixtures (and the shared corpus's scripts, when it has any) through the CDK / serverless.ts readers.
// Python: the repository's files, plus (when the machine has one) the Python standard library with a CDK
// import put in front, so every file goes through the whole reader rather than the text test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { type PythonReader } from '../../src/core/parse/readers.js';
import { testPythonReader } from '../support/python-reader.js';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { CDK_PYTHON, CDK_TYPESCRIPT, claimsName, SERVERLESS_TS } from '../../src/core/formats.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { corpusRoot } from '../support/corpus.js';

const repo = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', '.cache', 'artifacts', 'cdk.out']);
/** What the TypeScript reader takes: CDK apps in TypeScript or JavaScript, and serverless.ts. */
const isScriptFile = (name: string) => claimsName(CDK_TYPESCRIPT, name) || claimsName(SERVERLESS_TS, name);
const isPythonFile = (name: string) => claimsName(CDK_PYTHON, name);

function scripts(dir: string, out: string[] = [], accept: (name: string) => boolean = isScriptFile): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) scripts(path, out, accept);
    else if (accept(name) && stat.size < 2_000_000) out.push(path);
  }
  return out;
}

let python: PythonReader;
beforeAll(async () => {
  python = await testPythonReader();
});

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
      if (result.findings.some((f) => f.ruleId === 'internal-error'))
        crashes.push(`${relative(repo, file)}: ${result.findings.find((f) => f.ruleId === 'internal-error')!.message}`);
      if (result.format === 'cdk') cdk++;
    } catch (error) {
      crashes.push(`${relative(repo, file)}: ${String(error)}`);
    }
  }
  console.log(`script sweep: ${files.length} .ts/.js files in ${((performance.now() - started) / 1000).toFixed(2)} s, ${cdk} read as CDK apps`);
  expect(files.length).toBeGreaterThan(100);
  expect(crashes).toEqual([]);
  expect(cdk).toBeGreaterThanOrEqual(15);
}, 180_000);

/** The machine's Python standard library, when there is one (Debian puts it in /usr/lib/python3.N). */
function pythonLibrary(): string | undefined {
  try {
    const found = readdirSync('/usr/lib')
      .filter((name) => /^python3\.\d+$/.test(name))
      .sort();
    return found.length ? join('/usr/lib', found[found.length - 1]!) : undefined;
  } catch {
    return undefined;
  }
}

test('every .py file of the repository (and the corpus, and the Python standard library as CDK code) is analysed without an exception', () => {
  const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
  const roots = [join(repo, 'src'), join(repo, 'test'), join(repo, 'scripts'), ...(corpusRoot() ? [corpusRoot()!] : [])];
  const own = roots.flatMap((root) => scripts(root, [], isPythonFile));
  const library = pythonLibrary();
  const stdlib = library ? scripts(library, [], isPythonFile) : [];
  const crashes: string[] = [];
  let cdk = 0;
  const started = performance.now();
  const analyze = (file: string, text: string) => {
    try {
      const result = analyzeText({ uri: `file://${file}`, text, python }, config);
      if (result.findings.some((f) => f.ruleId === 'internal-error'))
        crashes.push(`${file}: ${result.findings.find((f) => f.ruleId === 'internal-error')!.message}`);
      if (result.format === 'cdk') cdk++;
    } catch (error) {
      crashes.push(`${file}: ${String(error)}`);
    }
  };
  for (const file of own) analyze(relative(repo, file), readFileSync(file, 'utf8'));
  const ownCdk = cdk;
  for (const file of stdlib) analyze(file, 'from aws_cdk import aws_lambda as _lambda, Duration\n' + readFileSync(file, 'latin1'));
  console.log(
    `python sweep: ${own.length} repository .py files (${ownCdk} CDK apps) and ${stdlib.length} standard library files as CDK code in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  expect(own.length).toBeGreaterThanOrEqual(5);
  expect(ownCdk).toBeGreaterThanOrEqual(4);
  expect(crashes).toEqual([]);
}, 180_000);
