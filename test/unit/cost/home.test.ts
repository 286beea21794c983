// Every workload is costed on the platform it runs on today (its template says so), sized from the template, whether
// or not the user enabled that platform; EKS node groups at their own cost, with no invented Lambda figure. Dollars
// worked by hand from data/pricing/prices.json (us-east-1, 2026 figures):
//   ec2.onDemandHour.m7g.large 0.0816, ec2.onDemandHour.t3.medium 0.0416, eks.clusterHour.standard 0.10,
//   ipv4.publicAddressHour 0.005, fargate.vcpuHour.x86_64 0.04048, fargate.gbHour.x86_64 0.004445,
//   appRunner.vcpuHourActive 0.064, appRunner.gbHourActive 0.007; 730 hours a month.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { type WorkloadEstimate } from '../../../src/core/cost/estimate.js';
import { type NodesCost } from '../../../src/core/cost/platforms/ecs-ec2.js';
import { type AppRunnerCost } from '../../../src/core/cost/platforms/app-runner.js';
import { type FargateCost } from '../../../src/core/cost/platforms/ecs-fargate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { capacityLensTitle, taskHoverMarkdown, taskLensTitle, workloadLensTitle } from '../../../src/core/present/cost.js';
import { formatUsd } from '../../../src/core/cost/format.js';
import { templateCosts } from '../../../src/core/cost/workloads.js';
import { analyzeText } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
// Only Lambda and Fargate named: every home platform below must come from the template, not from the settings.
const settings = resolveCostSettings({ platforms: [] });
// A trickle of traffic, so autoscaled fleets sit at their minimum all month.
const usage = parseUsageFile('crossover.usage.yml', 'defaults:\n  requestsPerMonth: 1000\n');
const part = (cost: { parts: { key: string; usd: number }[] } | undefined, key: string) => cost?.parts.find((p) => p.key === key)?.usd;

function costsOf(uri: string, text: string) {
  const model = analyzeText({ uri, text }, config).model!;
  const errors: unknown[] = [];
  const costs = templateCosts(model, uri, usage, settings, (_id, error) => errors.push(error));
  expect(errors).toEqual([]);
  return costs;
}

const ec2Stack = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      Cpu: '1024'
      Memory: '2048'
      RuntimePlatform:
        CpuArchitecture: ARM64
      ContainerDefinitions:
        - Name: app
          Image: nginx
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      DesiredCount: 5
      CapacityProviderStrategy:
        - CapacityProvider: !Ref Provider
          Weight: 1
  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Group
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '4'
      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: '1'
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: m7g.large
`;

describe('an ECS service on an EC2 capacity provider of m7g.large', () => {
  const costs = costsOf('file:///w/ec2.yaml', ec2Stack);
  const service = costs.tasks.find((t) => t.node.id === 'Service')!;
  const e: WorkloadEstimate = service.estimate;
  const ec2 = e.typical.platforms.find((p) => p.platform === 'ecs-ec2') as NodesCost | undefined;

  test('runs on ECS on EC2 with the template instance type, costed though the settings name only Lambda and Fargate', () => {
    expect(e.runsOn).toEqual({ platform: 'ecs-ec2', sizing: '3 x m7g.large', evidence: 'the EC2 capacity provider of Service' });
    expect(e.scenario.ec2?.instanceType).toBe('m7g.large');
    expect(ec2?.instanceType).toBe('m7g.large');
    expect(ec2?.instanceTypeWhy).toMatch(/from the template/);
    expect(e.assumptions).toContainEqual({ name: 'EC2 instance type', value: 'm7g.large (from the template)', source: 'template' });
    expect(e.scenario.ec2?.minInstances).toBe(1);
  });

  test('its CodeLens leads with ECS on EC2 and its instances, then Lambda, then the cheapest; its hover says where it runs', () => {
    const home = e.typical.platforms.find((p) => p.platform === 'ecs-ec2')!;
    const title = taskLensTitle(e);
    expect(title.startsWith(`about ${formatUsd(home.monthlyUsd)}/mo on ECS on EC2 (${ec2!.instances} x m7g.large) · about `)).toBe(true);
    expect(title).toMatch(/ · about (<)?\$[\d.,]+\/mo as Lambda · cheapest: /);
    expect(workloadLensTitle(e)).toBe(title);
    expect(taskHoverMarkdown(1024, 2048, e)).toContain(`Runs on **ECS on EC2** today (${ec2!.instances} x m7g\\.large; `);
  });

  test("one task: one instance, the Auto Scaling group's MinSize 1 (not the two-zone default)", () => {
    const one = costsOf('file:///w/ec2-one.yaml', ec2Stack.replace('DesiredCount: 5', 'DesiredCount: 1')).tasks.find((t) => t.node.id === 'Service')!.estimate;
    expect(one.runsOn.sizing).toBe('1 x m7g.large');
    // 1 instance x 730 h x $0.0816 = $59.568
    expect(
      part(
        one.typical.platforms.find((p) => p.platform === 'ecs-ec2'),
        'instances',
      ),
    ).toBeCloseTo(59.568, 6);
    expect(one.assumptions).toContainEqual({
      name: 'Minimum EC2 instances',
      value: "1 (MinSize of the capacity provider's Auto Scaling group)",
      source: 'template',
    });
  });

  test('dollars: 5 tasks of 1 vCPU / 2 GB, 2 per m7g.large (2 vCPU; 8 GiB less 5% = 7.6 GiB holds 3), 3 instances', () => {
    expect(ec2!.tasksPerInstance).toBe(2);
    expect(ec2!.instances).toBe(3);
    // 3 instances x 730 h x $0.0816 = $178.704
    expect(part(ec2, 'instances')).toBeCloseTo(178.704, 6);
    // public subnets (the default): one address per instance, 3 x 730 h x $0.005 = $10.95
    expect(part(ec2, 'publicIpv4')).toBeCloseTo(10.95, 6);
    // the Lambda and Fargate figures the faces read are still there
    expect(e.typical.lambda.platform).toBe('lambda');
    expect(e.typical.fargate.platform).toBe('ecs-fargate');
  });
});

describe('a task definition JSON file with only container reservations (requiresCompatibilities EC2)', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'containers', 'nginx-ec2.json'), 'utf8');
  const costs = costsOf('file:///w/nginx-ec2.json', text);

  test('is costed (it was dropped for want of task-level cpu/memory) on ECS on EC2, sized by the summed reservations', () => {
    expect(costs.tasks).toHaveLength(1);
    const e = costs.tasks[0]!.estimate;
    expect(e.runsOn.platform).toBe('ecs-ec2');
    expect(e.runsOn.evidence).toBe('RequiresCompatibilities: EC2');
    // cpu 256 + 128 = 384 units; memoryReservation 384 + memory 128 = 512 MiB
    expect(e.scenario.fargate.vcpu).toBeCloseTo(384 / 1024, 9);
    expect(e.scenario.fargate.memoryGb).toBeCloseTo(0.5, 9);
    expect(e.assumptions).toContainEqual({ name: 'Task size', value: "384 CPU units / 512 MiB: the containers' reservations summed", source: 'template' });
    expect(e.assumptions.find((a) => a.name === 'EC2 instance type')!.source).toBe('default');
    expect(e.typical.platforms.map((p) => p.platform)).toContain('ecs-ec2');
  });
});

describe('an Express Mode service and an App Runner service, each on its own platform', () => {
  const text = `Resources:
  Web:
    Type: AWS::ECS::ExpressGatewayService
    Properties:
      Cpu: '2048'
      Memory: '4096'
      ScalingTarget:
        MinTaskCount: 2
        MaxTaskCount: 10
  Runner:
    Type: AWS::AppRunner::Service
    Properties:
      InstanceConfiguration:
        Cpu: 1 vCPU
        Memory: 2 GB
`;
  const costs = costsOf('file:///w/services.yaml', text);
  const web = costs.services.find((s) => s.node.id === 'Web')!.estimate;
  const runner = costs.services.find((s) => s.node.id === 'Runner')!.estimate;

  test('Express Mode: 2 vCPU / 4 GB tasks between 2 and 10; 2 tasks all month at a trickle', () => {
    expect(web.runsOn).toEqual({ platform: 'ecs-express', sizing: '2 x 2 vCPU / 4 GB tasks', evidence: 'AWS::ECS::ExpressGatewayService' });
    expect(web.scenario.fargate).toMatchObject({ vcpu: 2, memoryGb: 4, tasks: null, minTasks: 2, maxTasks: 10 });
    const express = web.typical.platforms.find((p) => p.platform === 'ecs-express') as FargateCost;
    // 2 tasks x 730 h x (2 x $0.04048 + 4 x $0.004445) = 2 x 730 x $0.09874 = $144.1604
    expect(part(express, 'compute')).toBeCloseTo(144.1604, 6);
    expect(express.tasks).toBe(2);
  });

  test('App Runner: a 1 vCPU / 2 GB instance, costed for this existing customer; 1 instance active all month at a trickle', () => {
    expect(runner.runsOn.platform).toBe('app-runner');
    expect(runner.runsOn.sizing).toBe('1 x 1 vCPU / 2 GB instance');
    const appRunner = runner.typical.platforms.find((p) => p.platform === 'app-runner') as AppRunnerCost;
    // 1 instance x 730 h x $0.064 x 1 vCPU = $46.72; x 2 GB x $0.007 = $10.22
    expect(part(appRunner, 'activeVcpu')).toBeCloseTo(46.72, 6);
    expect(part(appRunner, 'activeMemory')).toBeCloseTo(10.22, 6);
  });
});

describe('EKS node groups: their own cost, no Lambda figure', () => {
  const text = `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks
  Arm:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      InstanceTypes: [m7g.large]
      ScalingConfig:
        DesiredSize: 3
        MinSize: 1
        MaxSize: 5
  Small:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
  Pods:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: !Ref Cluster
`;
  const costs = costsOf('file:///w/eks.yaml', text);
  const arm = costs.capacity.find((c) => c.node.id === 'Arm')!;
  const small = costs.capacity.find((c) => c.node.id === 'Small')!;
  const pods = costs.capacity.find((c) => c.node.id === 'Pods')!;

  test('3 x m7g.large nodes and half the cluster fee (two node groups of the cluster here)', () => {
    expect(arm.runsOn).toEqual({ platform: 'eks-ec2', sizing: '3 x m7g.large nodes', evidence: 'AWS::EKS::Nodegroup' });
    // 3 x 730 h x $0.0816 = $178.704; cluster 730 h x $0.10 / 2 = $36.50
    expect(part(arm.own, 'nodes')).toBeCloseTo(178.704, 6);
    expect(part(arm.own, 'cluster')).toBeCloseTo(36.5, 6);
    expect(arm.own!.monthlyUsd).toBeCloseTo(215.204, 6);
    expect(arm.comparison.available).toBe(false);
  });

  test('its CodeLens: its own cost and why there is no Lambda figure; a Fargate profile says why it has none', () => {
    expect(capacityLensTitle(arm)).toBe(
      `about ${formatUsd(arm.own!.monthlyUsd)}/mo on EKS on EC2 (3 x m7g.large nodes) · no Lambda comparison: the template does not say what runs on it`,
    );
    expect(capacityLensTitle(pods)).toBe('EKS on Fargate: no figure (its pods are not in the template)');
  });

  test("EKS's defaults: 2 x t3.medium", () => {
    // 2 x 730 h x $0.0416 = $60.736
    expect(small.runsOn.sizing).toBe('2 x t3.medium nodes');
    expect(part(small.own, 'nodes')).toBeCloseTo(60.736, 6);
    expect(small.assumptions.find((a) => a.name === 'Instance type')!.source).toBe('default');
  });

  test('a Fargate profile is a note, no figure', () => {
    expect(pods.own).toBeUndefined();
    expect(pods.runsOn.platform).toBe('eks-fargate');
    expect(pods.notes.join(' ')).toMatch(/pods .* are not in the template/);
  });

  test('the node groups are not workloads: no function, task or service estimate for them', () => {
    expect([...costs.functions, ...costs.tasks, ...costs.services]).toEqual([]);
  });
});

describe('Lambda functions', () => {
  const text = `Resources:
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: a.b
      MemorySize: 1024
  Managed:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: a.b
      MemorySize: 4096
      Architectures: [arm64]
      CapacityProviderConfig:
        LambdaManagedInstancesCapacityProviderConfig:
          CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp
          ExecutionEnvironmentMemoryGiBPerVCpu: 4
`;
  const costs = costsOf('file:///w/fns.yaml', text);
  const plain = costs.functions.find((f) => f.fn.id === 'Plain')!.estimate;
  const managed = costs.functions.find((f) => f.fn.id === 'Managed')!.estimate;

  test('on Lambda: its memory and architecture', () => {
    expect(plain.runsOn).toEqual({ platform: 'lambda', sizing: '1024 MB x86_64', evidence: 'a Lambda function' });
  });

  test('with a capacity provider: on Lambda Managed Instances, its memory:vCPU ratio from the template', () => {
    expect(managed.runsOn.platform).toBe('lambda-managed');
    expect(managed.runsOn.sizing).toMatch(/^\d+ x [a-z0-9]+\.[a-z0-9]+$/);
    expect(managed.scenario.ec2?.managedMemoryGibPerVcpu).toBe(4);
    expect(managed.typical.platforms.map((p) => p.platform)).toContain('lambda-managed');
  });
});

describe('what says EC2, and what does not', () => {
  const stack = (launch: string, compatibilities: string) => `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: ${compatibilities}
      NetworkMode: awsvpc
      Cpu: '512'
      Memory: '1024'
      ContainerDefinitions:
        - Name: app
          Image: nginx
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      DesiredCount: 2
${launch}`;
  const runsOn = (text: string) => costsOf('file:///w/t.yaml', text).tasks.find((t) => t.node.id === 'Service')!.estimate.runsOn;

  test.each([
    ['LaunchType EC2 (a task compatible with both)', '      LaunchType: EC2\n', '[EC2, FARGATE]', 'ecs-ec2', 'LaunchType: EC2 on Service'],
    ['LaunchType FARGATE', '      LaunchType: FARGATE\n', '[EC2, FARGATE]', 'ecs-fargate', 'LaunchType: FARGATE on Service'],
    [
      'a FARGATE_SPOT capacity provider',
      '      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE_SPOT\n',
      '[FARGATE]',
      'ecs-fargate',
      'a Fargate capacity provider of Service',
    ],
    ['no launch type, an EC2-only task', '', '[EC2]', 'ecs-ec2', 'RequiresCompatibilities: EC2'],
    ['no launch type, a Fargate task', '', '[FARGATE]', 'ecs-fargate', 'Fargate'],
  ])('%s', (_name, launch, compatibilities, platform, evidence) => {
    const r = runsOn(stack(launch, compatibilities));
    expect(r.platform).toBe(platform);
    expect(r.evidence).toBe(evidence);
    if (platform === 'ecs-fargate') expect(r.sizing).toBe('2 x 0.5 vCPU / 1 GB tasks');
    // EC2 without a type in the template: the default type, chosen per region and architecture
    else expect(r.sizing).toMatch(/^\d+ x [a-z0-9]+\.[a-z0-9]+$/);
  });
});
