// Ground truth for the static CDK reader: each fixture app in test/fixtures/cdk-synth is synthesized with
// the real aws-cdk-lib (a test-only dependency; our own fixtures, never workspace code), and what we read
// statically (memory, timeout, runtime, architecture, ephemeral storage; task cpu/memory, network mode,
// compatibilities and containers; services' desired count, launch type, load balancers and the EC2 instance
// type behind them; EKS clusters, node groups and Fargate profiles) must equal the synthesized CloudFormation,
// matched by construct path (`aws:cdk:path`). Every ECS and EKS resource of the template must be found.
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

/** A resource's logical id from `{ Ref: id }`. */
const ref = (value: unknown): string | undefined => (value as { Ref?: string } | undefined)?.Ref;

/** The instance type of an Auto Scaling group of the template (its launch configuration or launch template). */
function groupInstanceType(resources: Record<string, Resource>, groupId: string | undefined): string | undefined {
  const group = groupId ? resources[groupId] : undefined;
  if (group?.Type !== 'AWS::AutoScaling::AutoScalingGroup') return undefined;
  const configuration = resources[ref(group.Properties?.['LaunchConfigurationName']) ?? ''];
  if (configuration) return configuration.Properties?.['InstanceType'] as string | undefined;
  const template = resources[ref((group.Properties?.['LaunchTemplate'] as { LaunchTemplateId?: unknown } | undefined)?.LaunchTemplateId) ?? ''];
  return (template?.Properties?.['LaunchTemplateData'] as { InstanceType?: string } | undefined)?.InstanceType;
}

/**
 * The instance type a synthesized EC2 service runs on: its strategy's capacity provider -> Auto Scaling group, or without a
 * strategy its cluster's only capacity (groups created inside the cluster by `addCapacity`, and the providers associated with it).
 */
function serviceInstanceType(resources: Record<string, Resource>, service: Resource): string | undefined {
  const strategy = (service.Properties?.['CapacityProviderStrategy'] as { CapacityProvider: unknown }[] | undefined) ?? [];
  const viaProvider = (providerId: string | undefined) =>
    groupInstanceType(
      resources,
      ref((resources[providerId ?? '']?.Properties?.['AutoScalingGroupProvider'] as { AutoScalingGroupArn?: unknown } | undefined)?.AutoScalingGroupArn),
    );
  if (strategy.length > 0) return strategy.map((s) => viaProvider(ref(s.CapacityProvider))).find((t) => t !== undefined);
  const clusterId = ref(service.Properties?.['Cluster']);
  const clusterPath = String(resources[clusterId ?? '']?.Metadata?.['aws:cdk:path'] ?? '').replace(/\/Resource$/, '/');
  const sources = [
    ...Object.keys(resources)
      .filter((id) => resources[id]!.Type === 'AWS::AutoScaling::AutoScalingGroup' && String(resources[id]!.Metadata?.['aws:cdk:path']).startsWith(clusterPath))
      .map((id) => groupInstanceType(resources, id)),
    ...Object.values(resources)
      .filter((r) => r.Type === 'AWS::ECS::ClusterCapacityProviderAssociations' && ref(r.Properties?.['Cluster']) === clusterId)
      .flatMap((r) => (r.Properties!['CapacityProviders'] as unknown[]).map((p) => viaProvider(ref(p)))),
  ];
  return sources.length === 1 ? sources[0] : undefined;
}

/** The launch type of a synthesized service: LaunchType, else what its capacity provider strategy names. */
function launchType(resources: Record<string, Resource>, service: Resource): string {
  const written = service.Properties?.['LaunchType'] as string | undefined;
  if (written) return written;
  const strategy = (service.Properties?.['CapacityProviderStrategy'] as { CapacityProvider: unknown }[] | undefined) ?? [];
  if (strategy.some((s) => typeof s.CapacityProvider === 'string' && s.CapacityProvider.startsWith('FARGATE'))) return 'FARGATE';
  // An EC2 capacity provider, or no strategy at all: ECS's default launch type is EC2.
  return 'EC2';
}

/** The ECS and EKS resources the static reader must find, by the kind it reads them as. */
const READ_TYPES: Record<string, string> = {
  'AWS::ECS::TaskDefinition': 'ecs-task-definition',
  'AWS::ECS::Service': 'ecs-service',
  'Custom::AWSCDK-EKS-Cluster': 'eks-cluster',
  'AWS::EKS::Nodegroup': 'eks-nodegroup',
  'Custom::AWSCDK-EKS-FargateProfile': 'eks-fargate-profile',
};

const files = readdirSync(fixtures)
  .filter((f) => f.endsWith('.ts'))
  .sort();
let compared = 0;
/** ECS and EKS resources synthesized, and how many of them the static reading found. */
let synthesizedNodes = 0;
let foundNodes = 0;

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
    expect(model.functions.length + model.taskDefinitions.length + model.eksClusters.length).toBeGreaterThan(0);
    /** Logical ids of the synthesized resources a node of ours stands for. */
    const matched = new Set<string>();

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
      matched.add(logicalId(resources, owner, leaf)!);
      const p = synthesized!.Properties!;
      // An EC2 task definition may have no task-level size: then neither do we.
      const number = (v: unknown) => (v === undefined ? undefined : Number(v));
      expect(
        {
          cpu: task.cpuUnits.value,
          memory: task.memoryMb.value,
          networkMode: task.networkMode.value,
          compatibilities: task.compatibilities,
          fargate: task.fargate,
        },
        task.id,
      ).toEqual({
        cpu: number(p['Cpu']),
        memory: number(p['Memory']),
        networkMode: p['NetworkMode'] ?? 'bridge',
        compatibilities: p['RequiresCompatibilities'],
        fargate: (p['RequiresCompatibilities'] as string[]).includes('FARGATE'),
      });
      compared += 5;
      // Containers (read from addContainer / an EC2 pattern's sizes): all of them, with their reservations.
      const containers = p['ContainerDefinitions'] as Record<string, unknown>[];
      if (task.containers.length > 0 || !task.fargate) {
        expect(
          task.containers.map((c) => [c.name, c.cpuUnits?.value, c.memoryMb?.value, c.memoryReservationMb?.value, c.essential]),
          `${task.id} containers`,
        ).toEqual(containers.map((c) => [c['Name'], c['Cpu'], c['Memory'], c['MemoryReservation'], c['Essential'] ?? true]));
        compared += containers.length * 5;
      }
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
      const id = Object.keys(resources).find(
        (key) => resources[key]!.Type === 'AWS::ECS::Service' && String(resources[key]!.Metadata?.['aws:cdk:path'] ?? '').startsWith(`Fixture/${service.id}/`),
      );
      expect(id, `${service.id} in the synthesized template`).toBeDefined();
      matched.add(id!);
      const synthesized = resources[id!]!;
      const p = synthesized.Properties!;
      expect(
        {
          desiredCount: service.desiredCount.value,
          launchType: service.launchType.value,
          loadBalancers: service.loadBalancers,
          instanceType: service.instanceType?.value,
          task: service.taskDefinitionId === undefined ? undefined : logicalId(resources, ...taskPath(service.taskDefinitionId)),
        },
        service.id,
      ).toEqual({
        desiredCount: p['DesiredCount'] ?? 1,
        launchType: launchType(resources, synthesized),
        loadBalancers: ((p['LoadBalancers'] as unknown[] | undefined) ?? []).length,
        instanceType: launchType(resources, synthesized) === 'EC2' ? serviceInstanceType(resources, synthesized) : undefined,
        task: ref(p['TaskDefinition']),
      });
      compared += 5;
    }
    for (const cluster of model.eksClusters) {
      const id = logicalId(resources, cluster.id, 'Resource/Resource/Default');
      expect(resources[id ?? '']?.Type, `${cluster.id} in the synthesized template`).toBe('Custom::AWSCDK-EKS-Cluster');
      matched.add(id!);
      expect(cluster.version?.value, cluster.id).toBe((resources[id!]!.Properties!['Config'] as { version?: string }).version);
      compared += 1;
    }
    for (const group of model.eksNodegroups) {
      const id = logicalId(resources, group.id, 'Resource');
      expect(resources[id ?? '']?.Type, `${group.id} in the synthesized template`).toBe('AWS::EKS::Nodegroup');
      matched.add(id!);
      const p = resources[id!]!.Properties!;
      const scaling = p['ScalingConfig'] as { DesiredSize: number; MinSize: number; MaxSize: number };
      // Without AmiType, EKS picks the AMI from the instance type; without InstanceTypes it launches t3.medium.
      const types = (p['InstanceTypes'] as string[] | undefined) ?? ['t3.medium'];
      const arm = p['AmiType'] === undefined ? /^[a-z]+\d+g[a-z]*\./.test(types[0]!) : /ARM/.test(p['AmiType'] as string);
      expect(
        {
          cluster: group.clusterId === undefined ? undefined : logicalId(resources, group.clusterId, 'Resource/Resource/Default'),
          instanceType: group.instanceType.value,
          desired: group.desiredSize.value,
          min: group.minSize.value,
          max: group.maxSize.value,
          architecture: group.architecture.value,
          gpu: group.gpu,
        },
        group.id,
      ).toEqual({
        cluster: ref(p['ClusterName']),
        instanceType: types[0],
        desired: scaling.DesiredSize,
        min: scaling.MinSize,
        max: scaling.MaxSize,
        architecture: arm ? 'arm64' : 'x86_64',
        gpu: /GPU|NVIDIA|NEURON/.test(String(p['AmiType'] ?? '')),
      });
      compared += 7;
    }
    for (const profile of model.eksFargateProfiles) {
      const id = logicalId(resources, profile.id, 'Resource/Default');
      expect(resources[id ?? '']?.Type, `${profile.id} in the synthesized template`).toBe('Custom::AWSCDK-EKS-FargateProfile');
      matched.add(id!);
      expect(logicalId(resources, profile.clusterId ?? '', 'Resource/Resource/Default'), profile.id).toBe(
        ref((resources[id!]!.Properties!['Config'] as { clusterName: unknown }).clusterName),
      );
      compared += 1;
    }
    // Every ECS and EKS resource of the template was found.
    const expectedIds = Object.keys(resources).filter((key) => Object.hasOwn(READ_TYPES, resources[key]!.Type));
    synthesizedNodes += expectedIds.length;
    foundNodes += expectedIds.filter((key) => matched.has(key)).length;
    expect(
      expectedIds.filter((key) => !matched.has(key)).map((key) => resources[key]!.Metadata?.['aws:cdk:path']),
      'synthesized resources the static reading missed',
    ).toEqual([]);
  }, 60_000);
});

/** `Web/TaskDef` -> [Web, TaskDef/Resource]; `Api` -> [Api, Resource]. */
function taskPath(id: string): [string, string] {
  return id.includes('/') ? [id.split('/')[0]!, `${id.split('/').slice(1).join('/')}/Resource`] : [id, 'Resource'];
}

afterAll(() =>
  console.log(
    `CDK ground truth: ${files.length} fixture apps synthesized with aws-cdk-lib, ${compared} values compared; ECS and EKS resources found: ${foundNodes} of ${synthesizedNodes}`,
  ),
);
