// EKS node groups and Fargate profiles, ECS Express Mode services, and EC2 task definitions read from SAM /
// CloudFormation (YAML and JSON), serverless.yml `resources:` and task definition JSON files: values, defaults, and
// exact 0-based ranges computed here from the fixture text, independently of the parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type Range } from '../../../src/core/model/location.js';
import { type TemplateModel } from '../../../src/core/model/template.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'containers');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function modelOf(uri: string, text: string): TemplateModel {
  const result = analyzeText({ uri, text }, config);
  if (!result.model) throw new Error(`${uri} was not read as a template`);
  return result.model;
}

/** The 0-based range of the `occurrence`-th `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not in the text`);
  }
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: position(at), end: position(at + needle.length) };
}

/** The range of `value` written right after `prefix`. */
function valueAfter(text: string, prefix: string, value: string): Range {
  const at = text.indexOf(prefix + value) + prefix.length;
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: position(at), end: position(at + value.length) };
}

describe('SAM/CloudFormation YAML: node groups, Fargate profiles, Express Mode services', () => {
  const text = read('eks-express.yaml');
  const model = modelOf('file:///w/eks-express.yaml', text);
  const group = (id: string) => model.eksNodegroups.find((g) => g.id === id)!;

  test('every node group, profile and Express service is in the model and byId, located at its logical id', () => {
    expect(model.eksNodegroups.map((g) => g.id)).toEqual(['ArmNodes', 'DefaultNodes', 'GpuNodes', 'ParamNodes']);
    expect(model.eksFargateProfiles.map((p) => p.id)).toEqual(['Pods']);
    expect(model.expressServices.map((s) => s.id)).toEqual(['Web', 'Plain']);
    expect(group('ArmNodes').loc.range).toEqual(rangeOf(text, 'ArmNodes'));
    expect(model.expressServices[0]!.loc.range).toEqual(rangeOf(text, 'Web'));
    for (const id of ['ArmNodes', 'Pods', 'Web', 'Plain']) expect(model.byId.get(id)?.id).toBe(id);
  });

  test('a node group as written: cluster, first instance type, scaling, arm64 from the AMI type', () => {
    const g = group('ArmNodes');
    expect(g.clusterId).toBe('Cluster');
    expect(g.instanceType).toMatchObject({ value: 'm7g.large', origin: 'explicit' });
    expect(g.instanceType.at!.range).toEqual(rangeOf(text, 'm7g.large'));
    expect(g.desiredSize).toMatchObject({ value: 3, origin: 'explicit' });
    expect(g.desiredSize.at!.range).toEqual(valueAfter(text, 'DesiredSize: ', '3'));
    expect(g.minSize.value).toBe(2);
    expect(g.maxSize.value).toBe(6);
    expect(g.maxSize.keyAt!.range).toEqual(rangeOf(text, 'MaxSize'));
    expect(g.architecture).toMatchObject({ value: 'arm64', origin: 'explicit' });
    expect(g.architecture.at!.range).toEqual(rangeOf(text, 'AL2023_ARM_64_STANDARD'));
    expect(g.gpu).toBe(false);
  });

  test("a node group without instance types or scaling: EKS's t3.medium and the default sizes, marked as defaults", () => {
    const g = group('DefaultNodes');
    expect(g.instanceType).toEqual({ value: 't3.medium', origin: 'default' });
    expect([g.desiredSize.value, g.minSize.value, g.maxSize.value]).toEqual([2, 1, 2]);
    expect([g.desiredSize.origin, g.minSize.origin, g.maxSize.origin]).toEqual(['default', 'default', 'default']);
    expect(g.architecture).toEqual({ value: 'x86_64', origin: 'default' });
    expect(g.gpu).toBe(false);
  });

  test('a GPU family is a GPU node group; an instance type from a parameter without Default is unresolved where written', () => {
    expect(group('GpuNodes').gpu).toBe(true);
    expect(group('GpuNodes').architecture.value).toBe('x86_64');
    const p = group('ParamNodes');
    expect(p.clusterId).toBeUndefined();
    expect(p.instanceType.value).toBeUndefined();
    expect(p.instanceType.unresolved).toMatch(/NodeType/);
    expect(p.instanceType.at!.range).toEqual(rangeOf(text, '!Ref NodeType'));
    expect(p.gpu).toBe(false);
  });

  test('a Fargate profile knows its cluster', () => {
    expect(model.eksFargateProfiles[0]).toMatchObject({ kind: 'eks-fargate-profile', clusterId: 'Cluster' });
    expect(model.eksFargateProfiles[0]!.loc.range).toEqual(rangeOf(text, 'Pods'));
  });

  test('an Express service: Cpu and Memory strings, ScalingTarget bounds, each located; defaults 1024 / 2048 and unknown bounds', () => {
    const [web, plain] = model.expressServices;
    expect(web!.cpuUnits).toMatchObject({ value: 2048, origin: 'explicit' });
    expect(web!.cpuUnits.at!.range).toEqual(rangeOf(text, "'2048'"));
    expect(web!.memoryMb.value).toBe(4096);
    expect(web!.memoryMb.at!.range).toEqual(rangeOf(text, "'4096'"));
    expect(web!.minTasks.value).toBe(2);
    expect(web!.maxTasks.value).toBe(10);
    expect(web!.maxTasks.at!.range).toEqual(valueAfter(text, 'MaxTaskCount: ', '10'));
    expect(plain!.cpuUnits).toEqual({ value: 1024, origin: 'default' });
    expect(plain!.memoryMb).toEqual({ value: 2048, origin: 'default' });
    expect(plain!.minTasks).toEqual({ value: undefined, origin: 'default' });
    expect(plain!.maxTasks).toEqual({ value: undefined, origin: 'default' });
  });
});

describe('CloudFormation JSON', () => {
  const text = read('eks-express.json');
  const model = modelOf('file:///w/eks-express.json', text);

  test('a GPU AMI type and family; "1 vCPU" / "3 GB" strings; one bound given', () => {
    const g = model.eksNodegroups[0]!;
    expect(g).toMatchObject({ clusterId: 'Cluster', gpu: true });
    expect(g.instanceType.value).toBe('g4dn.xlarge');
    expect(g.instanceType.at!.range).toEqual(rangeOf(text, '"g4dn.xlarge"'));
    expect(g.architecture.value).toBe('x86_64');
    expect(g.desiredSize.at!.range).toEqual(valueAfter(text, '"DesiredSize": ', '1'));
    const web = model.expressServices[0]!;
    expect(web.cpuUnits.value).toBe(1024);
    expect(web.cpuUnits.at!.range).toEqual(rangeOf(text, '"1 vCPU"'));
    expect(web.memoryMb.value).toBe(3072);
    expect(web.minTasks.value).toBe(1);
    expect(web.maxTasks.value).toBeUndefined();
  });
});

describe('serverless.yml resources go through the same builder', () => {
  const text = [
    'service: web',
    'provider:',
    '  name: aws',
    '  runtime: nodejs22.x',
    'resources:',
    '  Resources:',
    '    Nodes:',
    '      Type: AWS::EKS::Nodegroup',
    '      Properties:',
    '        ClusterName: demo',
    '        InstanceTypes: [c7g.xlarge]',
    '    Api:',
    '      Type: AWS::ECS::ExpressGatewayService',
    '      Properties:',
    '        Memory: "1024"',
    '',
  ].join('\n');
  const model = modelOf('file:///w/serverless.yml', text);

  test('a node group and an Express service in resources:', () => {
    expect(model.eksNodegroups[0]!.instanceType.value).toBe('c7g.xlarge');
    expect(model.eksNodegroups[0]!.architecture.value).toBe('arm64');
    expect(model.eksNodegroups[0]!.instanceType.at!.range).toEqual(rangeOf(text, 'c7g.xlarge'));
    expect(model.expressServices[0]!.memoryMb.value).toBe(1024);
    expect(model.expressServices[0]!.loc.range).toEqual(rangeOf(text, 'Api'));
  });
});

describe('a task definition JSON file on EC2', () => {
  const text = read('nginx-ec2.json');
  const model = modelOf('file:///w/nginx-ec2.json', text);

  test('container-level cpu is read and located; no task-level cpu or memory; EC2 only', () => {
    const task = model.taskDefinitions[0]!;
    expect(task.compatibilities).toEqual(['EC2']);
    expect(task.fargate).toBe(false);
    expect(task.cpuUnits.value).toBeUndefined();
    expect(task.containers.map((c) => c.cpuUnits?.value)).toEqual([256, 128]);
    expect(task.containers[0]!.cpuUnits!.at!.range).toEqual(rangeOf(text, '256'));
    expect(task.containers[0]!.memoryReservationMb!.value).toBe(384);
  });
});

describe('parsers never throw on odd shapes', () => {
  test.each([
    ['a list for ScalingConfig', 'ScalingConfig: [1, 2]'],
    ['a string for InstanceTypes', 'InstanceTypes: m5.large'],
    ['an Fn::If InstanceTypes', 'InstanceTypes: !If [Cond, [m5.large], [m5.xlarge]]'],
    ['a null AmiType', 'AmiType: null'],
  ])('%s', (_name, line) => {
    const text = `Resources:\n  N:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      ${line}\n  E:\n    Type: AWS::ECS::ExpressGatewayService\n    Properties:\n      ScalingTarget: 3\n      Cpu: [1]\n`;
    const model = modelOf('file:///w/odd.yaml', text);
    expect(model.eksNodegroups).toHaveLength(1);
    expect(model.expressServices).toHaveLength(1);
    expect(model.expressServices[0]!.cpuUnits.value).toBeUndefined();
  });
});

describe("an ECS service's capacity provider: the Auto Scaling group's MinSize beside the instance type", () => {
  const text = `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      CapacityProviderStrategy:
        - CapacityProvider: !Ref Provider
  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Group
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '3'
      MaxSize: '9'
      LaunchConfigurationName: !Ref Configuration
  Configuration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-123
      InstanceType: c7g.large
`;
  test('read and located where written', () => {
    const service = modelOf('file:///w/asg.yaml', text).services[0]!;
    expect(service.instanceType?.value).toBe('c7g.large');
    expect(service.capacityMinSize?.value).toBe(3);
    expect(service.capacityMinSize?.at?.range).toEqual(rangeOf(text, "'3'"));
  });
});
