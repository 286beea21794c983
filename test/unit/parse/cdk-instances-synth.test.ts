// The instance fixtures (test/fixtures/cdk-synth/40-45, test/fixtures/cdk-stages) against real aws-cdk-lib synthesis:
// every Lambda function synthesized is found under its construct path, with the same values, and nothing more.
// The stage app exports `buildApp(app)` (several stacks); until the ground-truth harness reads such apps, it is
// synthesized here.
import type * as CdkLib from 'aws-cdk-lib';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { type Resource, synthesizeFixture } from '../../support/cdk-synth.js';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const requireHere = createRequire(import.meta.url);
const work = mkdtempSync(join(root, '..', '..', 'node_modules', '.cache', 'crossover-cdk-stages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Functions and task definitions by construct path (`<stack>/<path>` without the trailing `/Resource`). */
function synthesized(resources: Record<string, Resource>, stack?: string): Map<string, Resource> {
  const found = new Map<string, Resource>();
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::Lambda::Function' && resource.Type !== 'AWS::ECS::TaskDefinition') continue;
    const path = String(resource.Metadata?.['aws:cdk:path'] ?? '').replace(/\/Resource$/, '');
    found.set(stack === undefined ? path.slice(path.indexOf('/') + 1) : path, resource);
  }
  return found;
}

function read(dir: string, file: string) {
  const text = readFileSync(join(root, dir, file), 'utf8');
  const readFile = (relative: string) => {
    try {
      return readFileSync(join(root, dir, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  return analyzeText({ uri: `file:///fixtures/${file}`, text, typescript: typescriptReader, readFile }, resolveConfig({})).model!;
}

/** Our nodes and the synthesized resources, value by value. */
function compare(model: ReturnType<typeof read>, resources: Map<string, Resource>) {
  const ours = [
    ...model.functions.map((f) => [
      f.id,
      { memory: f.memoryMb.value, timeout: f.timeoutSeconds.value, architecture: f.architecture.value, runtime: f.runtime.value },
    ]),
    ...model.taskDefinitions.map((t) => [t.id, { cpu: t.cpuUnits.value, memory: t.memoryMb.value }]),
  ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const theirs = [...resources]
    .map(([path, r]) => {
      const p = r.Properties ?? {};
      return r.Type === 'AWS::Lambda::Function'
        ? [
            path,
            {
              memory: (p['MemorySize'] as number | undefined) ?? 128,
              timeout: (p['Timeout'] as number | undefined) ?? 3,
              architecture: ((p['Architectures'] as string[] | undefined) ?? ['x86_64'])[0],
              runtime: p['Runtime'],
            },
          ]
        : [path, { cpu: Number(p['Cpu']), memory: Number(p['Memory']) }];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(ours).toEqual(theirs);
}

describe.each([
  '40-construct-library.ts',
  '41-loop-configs.ts',
  '42-helper-props.ts',
  '43-nested-constructs.ts',
  '44-computed-ids.ts',
  '45-imported-construct.ts',
  '47-construct-groups.ts',
])('%s', (file) => {
  test('every function and task definition synthesized is read, under its path, with its values', async () => {
    const template = await synthesizeFixture(join(root, 'cdk-synth', file));
    compare(read('cdk-synth', file), synthesized(template.Resources));
  });
});

test('a stack class per stage (buildApp): each stack is read, its constructs under the stack id', async () => {
  const file = '46-stage-stacks.ts';
  const outfile = join(work, `${file}.cjs`);
  await esbuild.build({
    entryPoints: [join(root, 'cdk-stages', file)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['aws-cdk-lib', 'constructs'],
    logLevel: 'silent',
  });
  const cdk = requireHere('aws-cdk-lib') as typeof CdkLib;
  const { buildApp } = requireHere(outfile) as { buildApp: (app: CdkLib.App) => void };
  const app = new cdk.App({ outdir: join(work, `${file}.out`), context: { 'aws:cdk:enable-path-metadata': true }, builtinCloudFormationValidation: false });
  buildApp(app);
  const assembly = app.synth();
  const resources = new Map<string, Resource>();
  for (const stack of assembly.stacks)
    for (const [path, r] of synthesized((stack.template as { Resources: Record<string, Resource> }).Resources, stack.stackName)) resources.set(path, r);
  const model = read('cdk-stages', file);
  expect(model.functions.map((f) => f.id)).toEqual(['Orders-dev/Api', 'Orders-prod/Api', 'Orders-staging/Api']);
  expect(model.functions.map((f) => f.name)).toEqual(['orders-api-dev', 'orders-api-prod', 'orders-api-staging']);
  compare(model, resources);
});
