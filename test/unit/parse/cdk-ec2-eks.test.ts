// CDK apps with ECS on EC2 (Ec2TaskDefinition, Ec2Service, the EC2 and NLB patterns, addCapacity, AsgCapacityProvider)
// and EKS (Cluster, FargateCluster, node groups, Fargate profiles), read statically: where each value is located,
// the instance type a service gets from its cluster's capacity, and the rule that a task must fit that instance.
// (The values themselves are checked against real synthesis in test/groundtruth/cdk-synth.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type SourceLocation } from '../../../src/core/model/location.js';
import { constructIndex, findConstruct } from '../../../src/core/parse/cdk/synthesized.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', name), 'utf8');
const analyze = (text: string) => analyzeText({ uri: 'file:///app/lib/stack.ts', text, typescript: typescriptReader }, config);
/** The source text at a location. */
const textAt = (text: string, loc: SourceLocation | undefined) => {
  if (!loc) return undefined;
  const lines = text.split('\n');
  const { start, end } = loc.range;
  return start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : `${lines[start.line]!.slice(start.character)}...`;
};

describe('ECS on EC2 with one Auto Scaling group added to the cluster (19-ecs-on-ec2.ts)', () => {
  const text = fixture('19-ecs-on-ec2.ts');
  const result = analyze(text);
  const model = result.model!;

  test('every EC2 service on the cluster runs on its m7g.large, located where the type is written; Fargate services get none', () => {
    expect(model.services.map((s) => [s.id, s.launchType.value, s.instanceType?.value, s.loadBalancers])).toEqual([
      ['ApiService', 'EC2', 'm7g.large', 0],
      ['Web', 'EC2', 'm7g.large', 1],
      ['Tcp', 'EC2', 'm7g.large', 1],
      ['Nlb', 'FARGATE', undefined, 1],
      ['BigNlb', 'FARGATE', undefined, 1],
    ]);
    const api = model.services[0]!;
    expect(textAt(text, api.instanceType!.at)).toBe("new ec2.InstanceType('m7g.large')");
    expect(api.instanceType!.via).toBe("new ec2.InstanceType('m7g.large')");
  });

  test('EC2 task definitions: no task-level size, bridge networking, containers sized where written', () => {
    const api = model.taskDefinitions.find((t) => t.id === 'Api')!;
    expect([api.cpuUnits.value, api.memoryMb.value, api.fargate, api.compatibilities, api.networkMode.value]).toEqual([
      undefined,
      undefined,
      false,
      ['EC2'],
      'bridge',
    ]);
    expect(api.containers.map((c) => [c.name, c.cpuUnits?.value, c.memoryMb?.value, c.memoryReservationMb?.value, c.essential])).toEqual([
      ['app', 512, 1024, 512, true],
      ['sidecar', 128, undefined, 256, false],
    ]);
    expect(api.containers[0]!.memoryReservationMb!.via).toBe('API_MEMORY / 2');
    // The pattern's own sizes go to its container `web` (or the name taskImageOptions gives), not to the task.
    const web = model.taskDefinitions.find((t) => t.id === 'Web/TaskDef')!;
    expect([web.cpuUnits.value, web.memoryMb.value]).toEqual([undefined, undefined]);
    expect(textAt(text, web.containers[0]!.memoryMb!.at)).toBe('2048');
    expect(model.taskDefinitions.find((t) => t.id === 'Tcp/TaskDef')!.containers.map((c) => c.name)).toEqual(['tcp']);
    expect(model.taskDefinitions.find((t) => t.id === 'Nlb/TaskDef')).toMatchObject({ cpuUnits: { value: 256 }, memoryMb: { value: 512 }, fargate: true });
  });

  test('every task fits the m7g.large (2 vCPU, 8 GiB): no task-fits-instance finding', () => {
    expect(result.findings.filter((f) => f.ruleId === 'ecs/task-fits-instance')).toEqual([]);
  });
});

describe('an AsgCapacityProvider in the strategy (20-asg-capacity-provider.ts)', () => {
  const text = fixture('20-asg-capacity-provider.ts');
  const result = analyze(text);

  test("the services get the group's c7g.xlarge through the provider, located at InstanceType.of(...)", () => {
    expect(result.model!.services.map((s) => [s.id, s.launchType.value, s.instanceType?.value])).toEqual([
      ['WorkerService', 'EC2', 'c7g.xlarge'],
      ['SmallService', 'EC2', 'c7g.xlarge'],
    ]);
    expect(textAt(text, result.model!.services[0]!.instanceType!.at)).toBe('ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.XLARGE)');
    expect(textAt(text, result.model!.services[0]!.launchType.at)).toBe('capacityProviderStrategies');
    expect(result.model!.taskDefinitions[0]!.networkMode.value).toBe('awsvpc');
  });

  test('ecs/task-fits-instance: a 12 GiB reservation on an 8 GiB instance, reported on the reservation, with the instance type related', () => {
    const findings = result.findings.filter((f) => f.ruleId === 'ecs/task-fits-instance');
    expect(findings.map((f) => f.message)).toEqual([
      'Task Worker reserves 12,288 MiB, more than the 8,192 MiB of a c7g.xlarge instance: ECS can never place it.',
    ]);
    const lines = text.split('\n');
    const { start, end } = findings[0]!.range;
    expect(lines[start.line]!.slice(start.character, end.character)).toBe('12288');
    expect(textAt(text, { uri: '', range: findings[0]!.related[0]!.range, path: [] })).toBe(
      'ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.XLARGE)',
    );
  });
});

test('with two capacity sources in the cluster, an Ec2Service without a strategy gets no instance type (placement decides)', () => {
  const app = (second: string) => `import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
const cluster = new ecs.Cluster(this, 'Cluster', { vpc });
cluster.addCapacity('Medium', { instanceType: new ec2.InstanceType('t3.medium') });
${second}
const task = new ecs.Ec2TaskDefinition(this, 'Task');
task.addContainer('app', { image, memoryLimitMiB: 6144, cpu: 4096 });
new ecs.Ec2Service(this, 'Service', { cluster, taskDefinition: task });
`;
  const one = analyze(app(''));
  expect(one.model!.services[0]!.instanceType?.value).toBe('t3.medium');
  // t3.medium: 2 vCPU, 4 GiB; the container's 6144 MiB and 4096 units cannot fit.
  expect(one.findings.filter((f) => f.ruleId === 'ecs/task-fits-instance').map((f) => f.message)).toEqual([
    'Task Task reserves 6,144 MiB, more than the 4,096 MiB of a t3.medium instance: ECS can never place it.',
    'Task Task reserves 4,096 CPU units, more than the 2,048 of a t3.medium instance (2 vCPU): ECS can never place it.',
  ]);
  const two = analyze(app("cluster.addCapacity('Large', { instanceType: new ec2.InstanceType('m7i.2xlarge') });"));
  expect(two.model!.services[0]!.instanceType).toBeUndefined();
  expect(two.findings.filter((f) => f.ruleId === 'ecs/task-fits-instance')).toEqual([]);
});

describe('EKS (21-eks-cluster.ts, 22-eks-fargate-cluster.ts, 23-eks-cluster-sized-default.ts)', () => {
  test("a Cluster: its version, CDK's default capacity and its node groups, with CDK's size defaults", () => {
    const text = fixture('21-eks-cluster.ts');
    const model = analyze(text).model!;
    expect(model.eksClusters.map((c) => [c.id, c.version?.value])).toEqual([['Cluster', '1.33']]);
    expect(textAt(text, model.eksClusters[0]!.version!.at)).toBe('eks.KubernetesVersion.V1_33');
    expect(
      model.eksNodegroups.map((g) => [
        g.id,
        g.clusterId,
        g.instanceType.value,
        g.desiredSize.value,
        g.minSize.value,
        g.maxSize.value,
        g.architecture.value,
        g.gpu,
      ]),
    ).toEqual([
      ['Cluster/NodegroupDefaultCapacity', 'Cluster', 'm5.large', 2, 2, 2, 'x86_64', false],
      ['Cluster/Nodegrouparm', 'Cluster', 'm7g.2xlarge', 2, 2, 6, 'arm64', false],
      ['Cluster/Nodegroupbatch', 'Cluster', 'c6i.large', 3, 1, 5, 'x86_64', false],
      ['Cluster/Nodegroupplain', 'Cluster', 't3.medium', 2, 1, 2, 'x86_64', false],
    ]);
    const [defaults, arm] = model.eksNodegroups;
    expect([defaults!.instanceType.origin, defaults!.desiredSize.origin]).toEqual(['default', 'default']);
    expect(textAt(text, defaults!.loc)).toBe('eks.Cluster');
    expect(textAt(text, arm!.instanceType.at)).toBe('ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.XLARGE2)');
    expect(textAt(text, arm!.architecture.at)).toBe('eks.NodegroupAmiType.AL2023_ARM_64_STANDARD');
    expect(textAt(text, arm!.loc)).toMatch(/^cluster\.addNodegroupCapacity\('arm'/);
    expect(model.eksFargateProfiles).toEqual([]);
  });

  test('a FargateCluster: no node group, its default profile and the ones added', () => {
    const model = analyze(fixture('22-eks-fargate-cluster.ts')).model!;
    expect(model.eksClusters.map((c) => [c.id, c.version?.value])).toEqual([['Pods', '1.32']]);
    expect(model.eksNodegroups).toEqual([]);
    expect(model.eksFargateProfiles.map((p) => [p.id, p.clusterId])).toEqual([
      ['Pods/fargate-profile-default', 'Pods'],
      ['Pods/fargate-profile-jobs', 'Pods'],
    ]);
  });

  test('defaultCapacity and defaultCapacityInstance size the default node group (Graviton t4g: arm64 from the family)', () => {
    const text = fixture('23-eks-cluster-sized-default.ts');
    const group = analyze(text).model!.eksNodegroups[0]!;
    expect([group.instanceType.value, group.desiredSize.value, group.minSize.value, group.maxSize.value, group.architecture.value]).toEqual([
      't4g.medium',
      3,
      3,
      3,
      'arm64',
    ]);
    expect(textAt(text, group.desiredSize.at)).toBe('3');
    expect(group.architecture.via).toBe('instance type t4g.medium');
  });

  test('defaultCapacity: 0 and a self-managed default capacity (DefaultCapacityType.EC2) make no managed node group', () => {
    const app = (props: string) =>
      `import * as eks from 'aws-cdk-lib/aws-eks';\nnew eks.Cluster(this, 'C', { version: eks.KubernetesVersion.V1_34, ${props} });\n`;
    expect(analyze(app('defaultCapacity: 0')).model!.eksNodegroups).toEqual([]);
    expect(analyze(app('defaultCapacityType: eks.DefaultCapacityType.EC2')).model!.eksNodegroups).toEqual([]);
    expect(analyze(app('defaultCapacity: size')).model!.eksNodegroups[0]!.desiredSize).toMatchObject({
      value: undefined,
      unresolved: 'size is not a constant of this file',
    });
  });
});

test('cdk.out: a synthesized node group, Fargate profile or EKS cluster resource leads back to its construct', () => {
  const sources = ['21-eks-cluster.ts', '22-eks-fargate-cluster.ts'].map((name) => ({
    uri: `file:///app/${name}`,
    model: analyze(fixture(name)).model!,
    findings: [],
  }));
  const index = constructIndex(sources);
  expect(findConstruct('Fixture/Cluster/Nodegrouparm/Resource', index)?.node.id).toBe('Cluster/Nodegrouparm');
  expect(findConstruct('Fixture/Cluster/NodegroupDefaultCapacity/NodeGroupRole/Resource', index)?.node.id).toBe('Cluster/NodegroupDefaultCapacity');
  expect(findConstruct('Fixture/Pods/fargate-profile-jobs/Resource/Default', index)?.node.id).toBe('Pods/fargate-profile-jobs');
  expect(findConstruct('Fixture/Pods/Resource/Resource/Default', index)?.node.id).toBe('Pods');
});

test('none of the fixture apps makes an internal error', () => {
  for (const name of ['19-ecs-on-ec2.ts', '20-asg-capacity-provider.ts', '21-eks-cluster.ts', '22-eks-fargate-cluster.ts', '23-eks-cluster-sized-default.ts'])
    expect(
      analyze(fixture(name)).findings.filter((f) => f.ruleId === 'internal-error'),
      name,
    ).toEqual([]);
});

test("the cluster's capacity prop is its only capacity; a ContainerDefinition construct joins its task (24-cluster-capacity-prop.ts)", () => {
  const text = fixture('24-cluster-capacity-prop.ts');
  const model = analyze(text).model!;
  expect(model.services.map((s) => [s.id, s.instanceType?.value])).toEqual([
    ['QueueService', 't4g.large'],
    ['SizedService', 't4g.large'],
  ]);
  expect(textAt(text, model.services[0]!.instanceType!.at)).toBe("new ec2.InstanceType('t4g.large')");
  const queue = model.taskDefinitions.find((t) => t.id === 'Queue')!;
  expect([queue.networkMode.value, queue.containers.map((c) => [c.name, c.memoryMb?.value, c.cpuUnits?.value])]).toEqual(['host', [['Consumer', 3072, 1024]]]);
  expect(model.taskDefinitions.find((t) => t.id === 'Sized')).toMatchObject({
    cpuUnits: { value: 2048 },
    memoryMb: { value: 6144 },
    compatibilities: ['EC2'],
    fargate: false,
  });
});
