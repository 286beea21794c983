// Lint rules. The ones that matter most for the shape of the code (all `no-restricted-imports`, one set per room):
// only src/extension may import `vscode`; the faces reach the engine through its public API only (src/core/index.ts,
// and src/core/browser.ts for browser code); the engine stays free of Node.js. test/meta/imports.test.ts proves each.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscode = { name: 'vscode', message: 'Only src/extension may import vscode: the engine, the CLI, src/node, src/shared and the webview stay editor-free.' };

/** Any src/core module but the allowed entry, reached by a relative path (`../core/x.js`, `../../src/core/x/y.js`). */
const coreExcept = (entry, message) => ({ regex: `^\\.{1,2}/(.*/)?core/(?!${entry}(\\.js|\\.ts)?$)`, message });
const publicApi = coreExcept(
  'index',
  'Import the engine through its public API, src/core/index.ts (add the export there, in its group): the other modules of src/core are internal.',
);
const browserApi = coreExcept(
  'browser',
  'Browser code imports the engine through src/core/browser.ts only (formatters, labels, types): the rest of src/core pulls the rules and readers.',
);

const restrict = ({ paths = [], patterns = [] }) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

const nodeOnly = 'src/core is pure: no Node.js modules (inputs come in as text; src/node reads files).';
const noNode = {
  paths: ['fs', 'path', 'child_process', 'os', 'worker_threads'].map((name) => ({ name, message: nodeOnly })),
  patterns: [
    { regex: '^node:', message: nodeOnly },
    { regex: '^(fs|path|child_process|os|worker_threads)/', message: nodeOnly },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/e2e/.cache/**',
      'test/e2e/artifacts/**',
      'test/fixtures/**',
      'test/e2e/workspace/**',
      'examples/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // The engine: no editor, no Node.js.
  { files: ['src/core/**'], rules: restrict({ paths: [vscode, ...noNode.paths], patterns: noNode.patterns }) },
  // The faces: the engine through its public API; no editor outside src/extension.
  { files: ['src/cli/**', 'src/node/**', 'src/shared/**'], rules: restrict({ paths: [vscode], patterns: [publicApi] }) },
  { files: ['src/extension/**'], rules: restrict({ patterns: [publicApi] }) },
  // Browser code (the webview bundles src/shared/compare-*.ts too): the browser entry only.
  { files: ['webview/**', 'src/shared/compare-*.ts'], rules: restrict({ paths: [vscode], patterns: [browserApi] }) },
  // Scripts and plain JavaScript (scripts/, bin/, the e2e runner): Node's globals, and require() allowed.
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
