/**
 * The resource differ (src/node/resource-differ.ts with `@aws-cdk/cloudformation-diff`) bundled as the build bundles
 * it, twice: beside the full CloudFormation specification of the package and beside the reduced one the build writes
 * (made by the build's own code, scripts/service-spec.mjs). Each bundle loads its own database, so the same pair of
 * templates can be compared through both.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { FULL_SERVICE_SPEC, reducedServiceSpecGz, serviceSpecBeside } from '../../scripts/service-spec.mjs';
import { type ResourceChange, type ResourceDiffer, type TemplateObject } from '../../src/core/index.js';

const repo = join(import.meta.dirname, '..', '..');

interface Loaded {
  resourceDiffer: ResourceDiffer;
  // The library's own result, for what the differ does not pass on (each property's impact, IAM and security groups).
  fullDiff(before: unknown, after: unknown): FullDiff;
}

interface FullDiff {
  resources: { forEachDifference(cb: (id: string, d: ResourceDifference) => void): void };
  iamChanges: { _toJson(): unknown };
  securityGroupChanges: { toJson(): unknown };
  permissionsBroadened: boolean;
}

interface ResourceDifference {
  isAddition: boolean;
  isRemoval: boolean;
  resourceTypeChanged: boolean;
  changeImpact: string;
  propertyUpdates: Record<string, { changeImpact: string }>;
}

/**
 * Everything a comparison decides: the differ's changes (left out when not asked for: they are a function of the
 * library's result) and the library's impacts, IAM and security group changes.
 */
export interface Classification {
  changes?: ResourceChange[];
  impacts: Record<string, { addition: boolean; removal: boolean; typeChanged: boolean; impact: string; properties: Record<string, string> }>;
  iam: unknown;
  securityGroups: unknown;
  permissionsBroadened: boolean;
}

/** `differ: false` leaves the differ out (the library's diff is then computed once, not twice). */
type Classify = (before: TemplateObject, after: TemplateObject, options?: { differ?: boolean }) => Classification | { error: string };

export interface SpecDiffers {
  full: Classify;
  reduced: Classify;
  /** The full specification's property names for a resource type (undefined for a type it lacks). */
  propertiesOf(type: string): string[] | undefined;
  /** Sizes of the two db.json.gz files, in bytes. */
  sizes: { full: number; reduced: number };
  dispose(): void;
}

export async function specDiffers(): Promise<SpecDiffers> {
  const dir = mkdtempSync(join(tmpdir(), 'crossover-spec-'));
  const result = await esbuild.build({
    stdin: {
      contents: "export { fullDiff } from '@aws-cdk/cloudformation-diff';\nexport { resourceDiffer } from './src/node/resource-differ.ts';\n",
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['main'],
    plugins: [serviceSpecBeside],
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  const loaded: Record<'full' | 'reduced', Loaded> = {} as never;
  for (const side of ['full', 'reduced'] as const) {
    mkdirSync(join(dir, side));
    writeFileSync(join(dir, side, 'differ.js'), code);
    if (side === 'full') copyFileSync(FULL_SERVICE_SPEC, join(dir, side, 'db.json.gz'));
    else writeFileSync(join(dir, side, 'db.json.gz'), reducedServiceSpecGz());
    loaded[side] = createRequire(import.meta.url)(join(dir, side, 'differ.js')) as Loaded;
  }
  const fullSpec = JSON.parse(gunzipSync(readFileSync(FULL_SERVICE_SPEC)).toString('utf8')) as {
    schema: { resource: { entities: { cloudFormationType: string; properties: Record<string, unknown> }[] } };
  };
  const properties = new Map(fullSpec.schema.resource.entities.map((r) => [r.cloudFormationType, Object.keys(r.properties)]));
  const classify =
    (side: Loaded): Classify =>
    (before, after, { differ = true } = {}) => {
      try {
        const changes = differ ? side.resourceDiffer(before, after) : undefined;
        const diff = side.fullDiff(before, after);
        const impacts: Classification['impacts'] = {};
        diff.resources.forEachDifference((id, d) => {
          impacts[id] = {
            addition: d.isAddition,
            removal: d.isRemoval,
            typeChanged: d.resourceTypeChanged,
            impact: d.changeImpact,
            properties: Object.fromEntries(Object.entries(d.propertyUpdates).map(([name, p]) => [name, p.changeImpact])),
          };
        });
        return {
          ...(changes && { changes }),
          impacts,
          iam: diff.iamChanges._toJson(),
          securityGroups: diff.securityGroupChanges.toJson(),
          permissionsBroadened: diff.permissionsBroadened,
        };
      } catch (error) {
        return { error: String(error) };
      }
    };
  return {
    full: classify(loaded.full),
    reduced: classify(loaded.reduced),
    propertiesOf: (type) => properties.get(type),
    sizes: { full: readFileSync(join(dir, 'full', 'db.json.gz')).length, reduced: readFileSync(join(dir, 'reduced', 'db.json.gz')).length },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
