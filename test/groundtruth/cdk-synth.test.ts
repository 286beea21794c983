// Ground truth for the static CDK reader: each fixture app in test/fixtures/cdk-synth is synthesized with
// the real aws-cdk-lib (a test-only dependency; our own fixtures, never workspace code), and what we read
// statically (memory, timeout, runtime, architecture, ephemeral storage; Fargate cpu/memory and desired
// count) must equal the synthesized CloudFormation, matched by construct path (`aws:cdk:path`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { type Resource, synthesizeFixture } from '../support/cdk-synth.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'cdk-synth');

/** The synthesized resource of a construct: its `aws:cdk:path` is `Fixture/<id>/Resource` (or `/Service` for services). */
function byPath(resources: Record<string, Resource>, id: string, leaf: string): Resource | undefined {
  return resources[logicalId(resources, id, leaf) ?? ''];
}

function logicalId(resources: Record<string, Resource>, id: string, leaf: string): string | undefined {
  return Object.keys(resources).find((key) => resources[key]!.Metadata?.['aws:cdk:path'] === `Fixture/${id}/${leaf}`);
}

/** Provisioned concurrency of a function: the sum over its aliases and versions. */
function provisioned(resources: Record<string, Resource>, functionLogicalId: string): number | undefined {
  const configs = Object.values(resources).filter(
    (r) =>
      (r.Type === 'AWS::Lambda::Alias' || r.Type === 'AWS::Lambda::Version') &&
      (r.Properties?.['FunctionName'] as { Ref?: string } | undefined)?.Ref === functionLogicalId &&
      r.Properties?.['ProvisionedConcurrencyConfig'],
  );
  if (configs.length === 0) return undefined;
  return configs.reduce(
    (sum, r) => sum + (r.Properties!['ProvisionedConcurrencyConfig'] as { ProvisionedConcurrentExecutions: number }).ProvisionedConcurrentExecutions,
    0,
  );
}

const files = readdirSync(fixtures)
  .filter((f) => f.endsWith('.ts'))
  .sort();
let compared = 0;

describe.each(files)('%s', (file) => {
  test('static reading equals the synthesized template', async () => {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const readFile = (relative: string) => {
      try {
        return readFileSync(join(fixtures, relative), 'utf8');
      } catch {
        return undefined;
      }
    };
    const result = analyzeText({ uri: `file:///fixtures/${file}`, text, typescript: typescriptReader, readFile }, resolveConfig({}));
    expect(result.format).toBe('cdk');
    const resources = (await synthesizeFixture(join(fixtures, file))).Resources;
    const model = result.model!;
    expect(model.functions.length + model.taskDefinitions.length).toBeGreaterThan(0);

    for (const fn of model.functions) {
      const synthesized = byPath(resources, fn.id, 'Resource');
      expect(synthesized, `${fn.id} in the synthesized template`).toBeDefined();
      const p = synthesized!.Properties ?? {};
      const expected = {
        memoryMb: (p['MemorySize'] as number | undefined) ?? 128,
        timeoutSeconds: (p['Timeout'] as number | undefined) ?? 3,
        runtime: p['Runtime'],
        architecture: ((p['Architectures'] as string[] | undefined) ?? ['x86_64'])[0],
        ephemeralStorageMb: (p['EphemeralStorage'] as { Size: number } | undefined)?.Size ?? 512,
      };
      const ours = {
        memoryMb: fn.memoryMb.value,
        timeoutSeconds: fn.timeoutSeconds.value,
        runtime: fn.runtime.value,
        architecture: fn.architecture.value,
        ephemeralStorageMb: fn.ephemeralStorageMb.value,
      };
      expect(ours, fn.id).toEqual(expected);
      expect(fn.provisionedConcurrency?.value, `${fn.id} provisioned concurrency`).toBe(provisioned(resources, logicalId(resources, fn.id, 'Resource')!));
      compared += 6;
    }
    for (const task of model.taskDefinitions) {
      const [owner, leaf] = task.id.includes('/') ? [task.id.split('/')[0]!, `${task.id.split('/')[1]}/Resource`] : [task.id, 'Resource'];
      const synthesized = byPath(resources, owner, leaf);
      expect(synthesized, `${task.id} in the synthesized template`).toBeDefined();
      expect({ cpu: task.cpuUnits.value, memory: task.memoryMb.value }, task.id).toEqual({
        cpu: Number(synthesized!.Properties!['Cpu']),
        memory: Number(synthesized!.Properties!['Memory']),
      });
      compared += 2;
    }
    for (const db of model.databases) {
      const synthesized = byPath(resources, db.id, 'Resource');
      expect(synthesized?.Type, `${db.id} in the synthesized template`).toBe(db.kind === 'rds-cluster' ? 'AWS::RDS::DBCluster' : 'AWS::RDS::DBInstance');
      expect(db.engine.value, db.id).toBe(synthesized!.Properties!['Engine']);
      compared += 2;
    }
    for (const proxy of model.dbProxies) {
      // The proxy's target group names the database it pools connections for.
      const proxyId = logicalId(resources, proxy.id, 'Resource');
      expect(proxyId, `${proxy.id} in the synthesized template`).toBeDefined();
      const group = Object.values(resources).find(
        (r) => r.Type === 'AWS::RDS::DBProxyTargetGroup' && (r.Properties?.['DBProxyName'] as { Ref?: string } | undefined)?.Ref === proxyId,
      );
      const targets = [
        ...((group?.Properties?.['DBInstanceIdentifiers'] as { Ref: string }[] | undefined) ?? []),
        ...((group?.Properties?.['DBClusterIdentifiers'] as { Ref: string }[] | undefined) ?? []),
      ].map((t) => t.Ref);
      expect(
        proxy.targetIds.map((id) => logicalId(resources, id, 'Resource')),
        proxy.id,
      ).toEqual(targets);
      compared += 1;
    }
    for (const service of model.services) {
      // A service's own construct, or the one a pattern creates inside it (`<id>/<...>/Service`).
      const synthesized = Object.values(resources).find(
        (r) => r.Type === 'AWS::ECS::Service' && String(r.Metadata?.['aws:cdk:path'] ?? '').startsWith(`Fixture/${service.id}/`),
      );
      expect(synthesized, `${service.id} in the synthesized template`).toBeDefined();
      expect(service.desiredCount.value, service.id).toBe(synthesized!.Properties!['DesiredCount'] ?? 1);
      compared += 1;
    }
  }, 60_000);
});

afterAll(() => console.log(`CDK ground truth: ${files.length} fixture apps synthesized with aws-cdk-lib, ${compared} values compared`));
