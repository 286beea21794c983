// The runtime CDK writes for `Runtime.NODEJS_LATEST` and for a `NodejsFunction` without `runtime`: it depends on the
// app's aws-cdk-lib version (a lock file or dependency list near the file) and on a feature flag in its cdk.json.
// The apps in test/fixtures/cdk-apps are synthesized here with the installed aws-cdk-lib and their cdk.json context.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as cdk from 'aws-cdk-lib';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { pinnedVersion, readAppContext } from '../../../src/core/parse/cdk/app-context.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { CDK_LIB_NEWEST_KNOWN, cdkNodejsLatest } from '../../../src/core/data/runtimes.js';
import { fileReaderFor } from '../../../src/node/file-reader.js';
import { testPythonReader } from '../../support/python-reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const apps = join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-apps');
const installed = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8')) as { version: string }
).version;

/** A reader over an in-memory app: paths relative to `lib/stack.ts` (or `stack.py`), as the hosts resolve them. */
function memoryReader(files: Record<string, string>, from = 'app/lib') {
  const read: string[] = [];
  const reader = (relative: string) => {
    const parts = [...from.split('/'), ...relative.split('/')];
    const out: string[] = [];
    for (const part of parts) {
      if (part === '..') out.pop();
      else if (part !== '.' && part !== '') out.push(part);
    }
    const path = out.join('/');
    read.push(path);
    return Object.hasOwn(files, path) ? files[path] : undefined;
  };
  return { reader, read };
}

const TS_APP = `import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
new NodejsFunction(this, 'Api', { entry: 'lib/handler.ts' });
new lambda.Function(this, 'Latest', { runtime: lambda.Runtime.NODEJS_LATEST, handler: 'index.handler', code });
new lambda.Function(this, 'Pinned', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code });
`;
const FLAG_ON = JSON.stringify({ app: 'x', context: { '@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion': true } });

function runtimes(files: Record<string, string>) {
  const { reader } = memoryReader(files);
  const result = analyzeText({ uri: 'file:///w/app/lib/stack.ts', text: TS_APP, typescript: typescriptReader, readFile: reader }, config);
  return Object.fromEntries(result.model!.functions.map((f) => [f.id, { runtime: f.runtime.value, via: f.runtime.via, origin: f.runtime.origin }]));
}

describe('the dated table', () => {
  test('NODEJS_LATEST by aws-cdk-lib version: 18 from 2.93.0, 22 from 2.211.0, 24 from 2.259.0; nothing before', () => {
    expect(['2.92.0', '2.93.0', '2.210.0', '2.211.0', '2.258.1', '2.259.0', '2.276.0'].map((v) => cdkNodejsLatest(v)?.runtime)).toEqual([
      undefined,
      'nodejs18.x',
      'nodejs18.x',
      'nodejs22.x',
      'nodejs22.x',
      'nodejs24.x',
      'nodejs24.x',
    ]);
  });

  test('the installed aws-cdk-lib is the newest the table knows, and writes what the table says', () => {
    expect(installed).toBe(CDK_LIB_NEWEST_KNOWN);
    const app = new cdk.App();
    const stack = new cdk.Stack(app, 'S');
    expect(cdk.aws_lambda.Runtime.NODEJS_LATEST.name).toBe(cdkNodejsLatest(installed)!.runtime);
    expect(stack).toBeDefined();
  });

  test('requirements as written: exact pins, pinned minors, and ranges the installer may move', () => {
    expect(['2.150.0', '==2.150.0', '~2.150.3', '~=2.150.1', '2.150.x', '^2.150.0', '>=2.150.0', '*'].map((s) => pinnedVersion(s))).toEqual([
      { version: '2.150.0', exact: true },
      { version: '2.150.0', exact: true },
      { version: '2.150.0', exact: false },
      { version: '2.150.0', exact: false },
      { version: '2.150.0', exact: false },
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('TypeScript apps', () => {
  test('package-lock.json one folder up, cdk.json with the flag: NodejsFunction and NODEJS_LATEST get nodejs22.x for 2.220.0', () => {
    const got = runtimes({
      'app/cdk.json': FLAG_ON,
      'app/package.json': JSON.stringify({ devDependencies: { 'aws-cdk-lib': '^2.200.0' } }),
      'app/package-lock.json': JSON.stringify({ packages: { 'node_modules/aws-cdk-lib': { version: '2.220.0' } } }, null, 2),
    });
    expect(got['Api']).toEqual({
      runtime: 'nodejs22.x',
      origin: 'default',
      via: 'NodejsFunction default: @aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion on in ../cdk.json, so Runtime.NODEJS_LATEST: nodejs22.x (aws-cdk-lib 2.220.0 in ../package-lock.json)',
    });
    expect(got['Latest']).toEqual({
      runtime: 'nodejs22.x',
      origin: 'explicit',
      via: 'Runtime.NODEJS_LATEST: nodejs22.x (aws-cdk-lib 2.220.0 in ../package-lock.json)',
    });
    expect(got['Pinned']).toMatchObject({ runtime: 'nodejs20.x', origin: 'explicit' });
  });

  test('without the flag NodejsFunction is nodejs16.x whatever the version; yarn and pnpm lock files and a monorepo root are read', () => {
    const yarn = runtimes({
      'app/cdk.json': JSON.stringify({ app: 'x', context: {} }),
      'yarn.lock': '# yarn lockfile v1\n\naws-cdk-lib@^2.100.0:\n  version "2.150.0"\n  resolved "https://registry/aws-cdk-lib-2.150.0.tgz"\n',
    });
    expect(yarn['Api']!.runtime).toBe('nodejs16.x');
    expect(yarn['Api']!.via).toMatch(/not on in \.\.\/cdk\.json, so Runtime\.NODEJS_16_X \(nodejs16\.x\)$/);
    expect(yarn['Latest']).toMatchObject({ runtime: 'nodejs18.x', via: 'Runtime.NODEJS_LATEST: nodejs18.x (aws-cdk-lib 2.150.0 in ../../yarn.lock)' });
    const pnpm = runtimes({
      'app/cdk.json': FLAG_ON,
      'app/lib/pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n\n  aws-cdk-lib@2.262.1:\n    resolution: {integrity: sha512-x}\n",
    });
    expect(pnpm['Api']!.runtime).toBe('nodejs24.x');
    expect(pnpm['Latest']!.via).toBe('Runtime.NODEJS_LATEST: nodejs24.x (aws-cdk-lib 2.262.1 in pnpm-lock.yaml)');
  });

  test('a version range without a lock file, or nothing at all: the newest known version is assumed, and said', () => {
    const range = runtimes({ 'app/cdk.json': FLAG_ON, 'app/package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '^2.150.0' } }) });
    expect(range['Latest']).toMatchObject({
      runtime: cdkNodejsLatest(CDK_LIB_NEWEST_KNOWN)!.runtime,
      via: `Runtime.NODEJS_LATEST: nodejs24.x (aws-cdk-lib ^2.150.0 in ../package.json and no lock file found: assumed aws-cdk-lib ${CDK_LIB_NEWEST_KNOWN})`,
    });
    const nothing = runtimes({});
    expect(nothing['Api']).toMatchObject({ runtime: 'nodejs16.x' });
    expect(nothing['Api']!.via).toMatch(/no cdk\.json found near this file, so @aws-cdk\/aws-lambda-nodejs:useLatestRuntimeVersion is off/);
    expect(nothing['Latest']!.via).toMatch(/no lock file or dependency list naming aws-cdk-lib found near this file: assumed aws-cdk-lib 2\.276\.0/);
  });

  test('an aws-cdk-lib older than NODEJS_LATEST: the runtime is not known, and the field says why', () => {
    const old = runtimes({ 'app/package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '2.80.0' } }) });
    expect(old['Latest']!.runtime).toBeUndefined();
    const { reader } = memoryReader({ 'app/package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '2.80.0' } }) });
    const fn = analyzeText({ uri: 'file:///w/app/lib/stack.ts', text: TS_APP, typescript: typescriptReader, readFile: reader }, config).model!.functions[1]!;
    expect(fn.runtime.unresolved).toBe('Runtime.NODEJS_LATEST does not exist in aws-cdk-lib 2.80.0 (aws-cdk-lib 2.80.0 in ../package.json)');
  });

  test('the walk up is bounded, and files are read only when a default needs them', () => {
    const { reader, read } = memoryReader({ 'cdk.json': FLAG_ON }, 'a/b/c/d/e/lib');
    expect(readAppContext(reader, 'typescript').cdkJson).toBeUndefined();
    expect(Math.max(...read.map((p) => 7 - p.split('/').length))).toBe(4);
    const pinnedOnly = memoryReader({ 'app/package.json': '{}' });
    analyzeText(
      {
        uri: 'file:///w/app/lib/stack.ts',
        text: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_22_X });\n",
        typescript: typescriptReader,
        readFile: pinnedOnly.reader,
      },
      config,
    );
    expect(pinnedOnly.read).toEqual([]);
  });
});

describe('Python apps', () => {
  let python: PythonReader;
  beforeAll(async () => {
    python = await testPythonReader();
  });
  const PY_APP = `from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_lambda_nodejs as nodejs
nodejs.NodejsFunction(self, "Api", entry="lambda/index.ts")
_lambda.Function(self, "Latest", runtime=_lambda.Runtime.NODEJS_LATEST, handler="index.handler", code=code)
`;
  const pyRuntimes = (files: Record<string, string>) => {
    const { reader } = memoryReader(files, 'app/stacks');
    const result = analyzeText({ uri: 'file:///w/app/stacks/stack.py', text: PY_APP, python, readFile: reader }, config);
    return Object.fromEntries(result.model!.functions.map((f) => [f.id, [f.runtime.value, f.runtime.via]]));
  };

  test('requirements.txt pins the version; cdk.json has the flag', () => {
    expect(pyRuntimes({ 'app/cdk.json': FLAG_ON, 'app/requirements.txt': 'aws-cdk-lib==2.230.0\nconstructs>=10.0.0,<11.0.0\n' })).toEqual({
      Api: [
        'nodejs22.x',
        'NodejsFunction default: @aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion on in ../cdk.json, so Runtime.NODEJS_LATEST: nodejs22.x (aws-cdk-lib 2.230.0 in ../requirements.txt)',
      ],
      Latest: ['nodejs22.x', 'Runtime.NODEJS_LATEST: nodejs22.x (aws-cdk-lib 2.230.0 in ../requirements.txt)'],
    });
  });

  test('poetry.lock wins over a pyproject range; Pipfile pins; a bare range assumes the newest', () => {
    const poetry = pyRuntimes({
      'app/pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\naws-cdk-lib = "^2.100.0"\n',
      'app/poetry.lock': '[[package]]\nname = "aws-cdk-lib"\nversion = "2.180.0"\n',
    });
    expect(poetry['Latest']).toEqual(['nodejs18.x', 'Runtime.NODEJS_LATEST: nodejs18.x (aws-cdk-lib 2.180.0 in ../poetry.lock)']);
    expect(pyRuntimes({ 'app/Pipfile': '[packages]\naws-cdk-lib = "==2.265.0"\n' })['Latest']![0]).toBe('nodejs24.x');
    const pep621 = pyRuntimes({ 'app/pyproject.toml': '[project]\ndependencies = ["aws-cdk-lib>=2.150.0", "constructs"]\n' });
    expect(pep621['Latest']![1]).toBe(
      `Runtime.NODEJS_LATEST: nodejs24.x (aws-cdk-lib >=2.150.0 in ../pyproject.toml and no lock file found: assumed aws-cdk-lib ${CDK_LIB_NEWEST_KNOWN})`,
    );
  });
});

describe('synthesis of the cdk-apps fixtures with their cdk.json context', () => {
  test.each(['nodejs-latest', 'nodejs-default'])('%s: static reading equals the synthesized runtimes', async (name) => {
    const folder = join(apps, name);
    const cdkJson = JSON.parse(readFileSync(join(folder, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    // As `cdk synth` does: the cdk.json context, path metadata on; bundling skipped (the runtime does not depend on it).
    const app = new cdk.App({
      context: { ...cdkJson.context, 'aws:cdk:enable-path-metadata': true, 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const { FixtureStack } = (await import(join(folder, 'lib', 'stack.ts'))) as { FixtureStack: new (scope: cdk.App, id: string) => cdk.Stack };
    new FixtureStack(app, 'Fixture');
    const template = app.synth().getStackByName('Fixture').template as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }>;
    };
    const synthesized = Object.fromEntries(
      Object.values(template.Resources)
        .filter((r) => r.Type === 'AWS::Lambda::Function')
        .map((r) => [String(r.Metadata?.['aws:cdk:path']).split('/')[1], r.Properties['Runtime']]),
    );
    const text = readFileSync(join(folder, 'lib', 'stack.ts'), 'utf8');
    const readFile = (relative: string) => {
      try {
        return readFileSync(join(folder, 'lib', relative), 'utf8');
      } catch {
        return undefined;
      }
    };
    const model = analyzeText({ uri: `file:///apps/${name}/lib/stack.ts`, text, typescript: typescriptReader, readFile }, config).model!;
    expect(Object.fromEntries(model.functions.map((f) => [f.id, f.runtime.value]))).toEqual(synthesized);
    expect(synthesized['Api']).toBe(name === 'nodejs-latest' ? 'nodejs24.x' : 'nodejs16.x');
  });
});

describe('the host reader lends a CDK app its dependency files, inside the workspace only', () => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'crossover-cdk-deps-')));
  const project = join(base, 'project');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  test('requirements.txt is read for a Python stack, not for a serverless.yml; above the workspace it is refused', () => {
    mkdirSync(join(project, 'app', 'stacks'), { recursive: true });
    writeFileSync(join(project, 'app', 'requirements.txt'), 'aws-cdk-lib==2.230.0\n');
    writeFileSync(join(base, 'requirements.txt'), 'aws-cdk-lib==2.100.0\n');
    const root = { folder: project, label: 'the workspace folder' };
    const stack = fileReaderFor(join(project, 'app', 'stacks', 'stack.py'), root)!;
    expect(stack('../requirements.txt')).toBe('aws-cdk-lib==2.230.0\n');
    expect(stack('../../../requirements.txt')).toEqual({ refused: 'it is outside the workspace folder' });
    expect(fileReaderFor(join(project, 'app', 'serverless.yml'), root)!('requirements.txt')).toBeUndefined();
    // The walk up stops at the workspace: the refused file above it is not taken for the app's.
    expect(readAppContext(stack, 'python').cdk).toEqual({ version: '2.230.0', how: 'aws-cdk-lib 2.230.0 in ../requirements.txt', known: true });
    rmSync(join(project, 'app', 'requirements.txt'));
    expect(readAppContext(stack, 'python').cdk.known).toBe(false);
  });
});
