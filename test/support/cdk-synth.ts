// Synthesizes a fixture CDK app (our own test files, never workspace code) with the real aws-cdk-lib, a
// test-only dependency: the ground truth for the static CDK readers and the source of cdk.out templates.
import type * as CdkLib from 'aws-cdk-lib';
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { afterAll } from 'vitest';

// Inside the repository, so the bundled fixtures resolve aws-cdk-lib from its node_modules.
const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'crossover-cdk-synth-'));
const requireHere = createRequire(import.meta.url);
afterAll(() => rmSync(work, { recursive: true, force: true }));

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface Template {
  Resources: Record<string, Resource>;
}

/**
 * Bundles the fixture (aws-cdk-lib and constructs stay external), synthesizes its `FixtureStack` as stack
 * `Fixture` with path metadata on (as the CDK CLI does), and returns the template.
 */
export async function synthesizeFixture(path: string): Promise<Template> {
  const name = basename(path);
  const outfile = join(work, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [path],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['aws-cdk-lib', 'constructs'],
    logLevel: 'silent',
  });
  const cdk = requireHere('aws-cdk-lib') as typeof CdkLib;
  const { FixtureStack } = requireHere(outfile) as { FixtureStack: new (scope: unknown, id: string) => unknown };
  // builtinCloudFormationValidation off: aws-cdk-lib's own template checks print "WARNING" blocks on stderr for
  // the pitfalls these fixtures hold on purpose (a 1,000 s timeout, a short visibility timeout, an old runtime),
  // which read as failures in the test output. They are not what these tests compare.
  const app = new cdk.App({
    outdir: join(work, `${name}.out`),
    context: { 'aws:cdk:enable-path-metadata': true },
    builtinCloudFormationValidation: false,
  });
  new FixtureStack(app, 'Fixture');
  return app.synth().getStackByName('Fixture').template as Template;
}
