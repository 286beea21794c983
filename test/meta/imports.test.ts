// The import rules of eslint.config.mjs, run through ESLint's API on small samples: each forbidden import is an
// error with the message that names the way in (the public API, the browser entry), and the allowed one is not.
// Only `no-restricted-imports` runs (the samples are not in the TypeScript project, so typed rules cannot).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
const root = join(import.meta.dirname, '..', '..');
const { default: config } = (await import(pathToFileURL(join(root, 'eslint.config.mjs')).href)) as { default: Linter.Config[] };

/** The project's config, with only the import rule running. */
function eslint(): ESLint {
  const blocks = config;
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    baseConfig: [...blocks, { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false } } }],
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
}

/** The messages of `no-restricted-imports` for one import statement in a file at `filePath`. */
async function importErrors(filePath: string, statement: string): Promise<string[]> {
  const [result] = await eslint().lintText(`${statement}\n`, { filePath: join(root, filePath) });
  expect(result?.messages.filter((m) => m.ruleId !== 'no-restricted-imports')).toEqual([]);
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the faces reach the engine through src/core/index.ts', () => {
  const faces = ['src/cli/sample.ts', 'src/node/sample.ts', 'src/shared/sample.ts', 'src/extension/sample.ts', 'src/extension/support/sample.ts'];
  test.each(faces)('%s: an internal core module is an error', async (file) => {
    const up = file.split('/').length - 2;
    const core = `${'../'.repeat(up)}core`;
    for (const internal of ['engine.js', 'findings.js', 'cost/format.js', 'cost/platforms/index.js', 'browser.js']) {
      const errors = await importErrors(file, `import { x } from '${core}/${internal}';`);
      expect(errors, internal).toHaveLength(1);
      expect(errors[0]).toContain('src/core/index.ts');
    }
    expect(await importErrors(file, `import { type x } from '${core}/engine.js';`)).toHaveLength(1);
    expect(await importErrors(file, `export { x } from '${core}/engine.js';`)).toHaveLength(1);
    expect(await importErrors(file, `import { x } from '${core}/index.js';`)).toEqual([]);
  });

  test('the cost and compare rooms of the extension are no exception', async () => {
    expect(await importErrors('src/extension/cost/sample.ts', "import { x } from '../../core/engine.js';")).toHaveLength(1);
    expect(await importErrors('src/extension/compare/sample.ts', "import { x } from '../../core/cost/comparison.js';")).toHaveLength(1);
  });
});

describe('browser code reaches the engine through src/core/browser.ts', () => {
  test.each([
    ['webview/compare/sample.ts', '../../src/core'],
    ['src/shared/compare-sample.ts', '../core'],
  ])('%s', async (file, core) => {
    for (const other of ['index.js', 'cost/format.js', 'present/labels.js']) {
      const errors = await importErrors(file, `import { x } from '${core}/${other}';`);
      expect(errors, other).toHaveLength(1);
      expect(errors[0]).toContain('src/core/browser.ts');
    }
    expect(await importErrors(file, `import { x } from '${core}/browser.js';`)).toEqual([]);
  });
});

describe('vscode only in src/extension', () => {
  test.each(['src/core/sample.ts', 'src/cli/sample.ts', 'src/node/sample.ts', 'src/shared/sample.ts', 'webview/compare/sample.ts'])('%s', async (file) => {
    const errors = await importErrors(file, "import * as vscode from 'vscode';");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Only src/extension may import vscode');
  });

  test('src/extension may', async () => {
    expect(await importErrors('src/extension/sample.ts', "import * as vscode from 'vscode';")).toEqual([]);
  });
});

describe('src/core is free of Node.js', () => {
  test.each(['node:fs', 'node:path', 'fs', 'fs/promises', 'path', 'child_process', 'os', 'worker_threads', 'node:worker_threads'])('%s', async (module) => {
    const errors = await importErrors('src/core/parse/sample.ts', `import { x } from '${module}';`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('src/core is pure');
  });

  test('src/node may', async () => {
    expect(await importErrors('src/node/sample.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });

  test('core modules may import each other', async () => {
    expect(await importErrors('src/core/cost/sample.ts', "import { x } from '../data/limits.js';")).toEqual([]);
  });
});
