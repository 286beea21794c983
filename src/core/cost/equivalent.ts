/**
 * The same workload on the other side, as a starting point the user can open as a new file: for a Lambda
 * function, a CloudFormation `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` sized as the comparison
 * sizes Fargate; for a task definition or service, a SAM function with the memory the comparison uses.
 * Placeholders (image, cluster, subnets, handler) are marked for the user to fill in. `equivalents` gives the
 * workload on every costed platform (ECS on EC2, EKS, Express Mode, Fargate Spot, Managed Instances, App Runner).
 */
import { fargateCost, perTaskConcurrency, type FargateCost } from './platforms/ecs-fargate.js';
import { stringify } from 'yaml';
import { LAMBDA_LIMITS, nearestFargateSize } from '../data/limits.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type Scenario } from './model.js';
import { priceBook, type PriceBook } from './price-book.js';
import { type CostReport } from './report.js';
import { appRunnerCost, type AppRunnerCost } from './platforms/app-runner.js';
import { ec2Options, instanceType } from './platforms/ec2-capacity.js';
import { ecsEc2Cost, type NodesCost } from './platforms/ecs-ec2.js';
import { eksEc2Cost } from './platforms/eks-ec2.js';
import { eksFargateCost, podSize } from './platforms/eks-fargate.js';
import { managedOptions } from './platforms/fargate-like.js';
import { managedInstancesCost, type ManagedInstancesCost } from './platforms/lambda-managed.js';
import { ecsExpressPlatform, ecsFargateSpotPlatform, platforms } from './platforms/index.js';

export interface EquivalentConfig {
  language: 'yaml';
  title: string;
  content: string;
}

export function fargateEquivalent(fn: Pick<LambdaFunction, 'id'>, scenario: Scenario, report: CostReport): EquivalentConfig {
  const size = nearestFargateSize(Math.round(scenario.fargate.vcpu * 1024), Math.round(scenario.fargate.memoryGb * 1024));
  const id = fn.id.replace(/[^A-Za-z0-9]/g, '');
  const resources: Record<string, unknown> = {
    [`${id}TaskDefinition`]: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: id,
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: String(size.cpuUnits),
        Memory: String(size.memoryMb),
        RuntimePlatform: { CpuArchitecture: scenario.fargate.architecture === 'arm64' ? 'ARM64' : 'X86_64', OperatingSystemFamily: 'LINUX' },
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: '<ECR image URI: the function code behind an HTTP server>',
            Essential: true,
            PortMappings: [{ ContainerPort: 8080 }],
            HealthCheck: { Command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], Interval: 30, Timeout: 5, Retries: 3 },
          },
        ],
      },
    },
    [`${id}Service`]: {
      Type: 'AWS::ECS::Service',
      Properties: {
        Cluster: '<cluster>',
        LaunchType: 'FARGATE',
        TaskDefinition: { Ref: `${id}TaskDefinition` },
        DesiredCount: report.fargate.tasks,
        DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
        NetworkConfiguration: {
          AwsvpcConfiguration: { Subnets: ['<subnet-a>', '<subnet-b>'], AssignPublicIp: scenario.fargate.subnets === 'public' ? 'ENABLED' : 'DISABLED' },
        },
      },
    },
  };
  const f = scenario.fargate;
  const fleet =
    report.fargate.fewestTasks === report.fargate.tasks
      ? `${report.fargate.tasks} task(s)`
      : `${report.fargate.fewestTasks} to ${report.fargate.tasks} tasks over the day (add service auto scaling: target tracking at ${Math.round(f.targetUtilization * 100)}% CPU)`;
  const header = `# ${fn.id} on ECS Fargate: ${fleet} of ${size.cpuUnits / 1024} vCPU / ${size.memoryMb / 1024} GB, as Crossover's comparison sizes it\n# (${perTaskConcurrency(f).toFixed(1)} concurrent requests per task, at least ${f.minTasks} tasks${f.loadBalancer === 'alb' ? ', behind an Application Load Balancer to add' : ''}). Fill in the <placeholders>.\n`;
  return { language: 'yaml', title: `${fn.id} on Fargate`, content: header + yaml({ Resources: resources }) };
}

export function lambdaEquivalent(task: Pick<EcsTaskDefinition, 'id'>, scenario: Scenario): EquivalentConfig {
  const id = task.id.replace(/[^A-Za-z0-9]/g, '');
  const memory = Math.min(LAMBDA_LIMITS.maxMemoryMb.value, Math.max(LAMBDA_LIMITS.minMemoryMb.value, scenario.lambda.memoryMb));
  const content =
    `# ${task.id} as a Lambda function (SAM): ${memory} MB ${scenario.lambda.architecture}, as Crossover's comparison assumes.\n` +
    '# The container becomes a function: fill in the <placeholders>, and keep each request under 15 minutes.\n' +
    yaml({
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        [`${id}Function`]: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            PackageType: 'Image',
            ImageUri: '<ECR image URI built on a Lambda base image>',
            MemorySize: memory,
            Timeout: Math.min(
              LAMBDA_LIMITS.maxTimeoutSeconds.value,
              Math.max(LAMBDA_LIMITS.defaultTimeoutSeconds.value, Math.ceil((scenario.durationMs * 3) / 1000)),
            ),
            Architectures: [scenario.lambda.architecture],
            Events: scenario.lambda.frontDoor === 'none' ? {} : { Api: { Type: 'HttpApi' } },
          },
        },
      },
    });
  return { language: 'yaml', title: `${task.id} on Lambda`, content };
}

/** What a workload is, for its equivalents: a function (its own platform is Lambda) or a task definition. */
export type EquivalentWorkload = { fn: Pick<LambdaFunction, 'id'>; task?: undefined } | { fn?: undefined; task: Pick<EcsTaskDefinition, 'id'> };

/**
 * The workload on every costed platform but its own (a function is on Lambda already; a task definition gets its
 * Fargate service too, as the comparison sizes it), keyed by platform id, in the order the platforms are shown.
 * Every size is read from the platform's own cost (no second sizing): the task size, the tasks, the instance type
 * and counts, the pod size, the execution environment. `prices`: the book the figures were costed with (the
 * region's, by default: instance types and their prices have no overrides).
 */
export function equivalents(
  workload: EquivalentWorkload,
  scenario: Scenario,
  report: CostReport,
  prices: PriceBook = priceBook(scenario.region),
): Record<string, EquivalentConfig> {
  const id = workload.fn?.id ?? workload.task!.id;
  const out: Record<string, EquivalentConfig> = {};
  for (const p of platforms(scenario)) {
    const config = equivalentOn(p.id, id, workload, scenario, report, prices);
    if (config) out[p.id] = config;
  }
  return out;
}

function equivalentOn(
  platform: string,
  id: string,
  workload: EquivalentWorkload,
  scenario: Scenario,
  report: CostReport,
  prices: PriceBook,
): EquivalentConfig | undefined {
  switch (platform) {
    case 'lambda':
      return workload.task ? lambdaEquivalent(workload.task, scenario) : undefined;
    case 'ecs-fargate':
      return fargateEquivalent({ id }, scenario, report);
    case 'ecs-ec2':
      return ecsEc2Equivalent(id, scenario, ecsEc2Cost(scenario, prices), report);
    case 'eks-fargate':
      return eksEquivalent(id, scenario, eksFargateCost(scenario, prices), undefined);
    case 'eks-ec2':
      return eksEquivalent(id, scenario, fargateCost(scenario, prices), eksEc2Cost(scenario, prices));
    case 'ecs-express':
      return expressEquivalent(id, scenario, ecsExpressPlatform.cost(scenario, prices));
    case 'ecs-fargate-spot':
      return spotEquivalent(id, scenario, ecsFargateSpotPlatform.cost(scenario, prices));
    case 'lambda-managed':
      return managedEquivalent(id, scenario, managedInstancesCost(scenario, prices), prices);
    case 'app-runner':
      return appRunnerEquivalent(id, scenario, appRunnerCost(scenario, prices));
    default:
      return undefined;
  }
}

/** YAML without folded lines (a long placeholder or SSM reference stays on its line). */
const yaml = (value: unknown): string => stringify(value, { lineWidth: 0 });

const logicalId = (id: string) => id.replace(/[^A-Za-z0-9]/g, '') || 'Workload';
const IMAGE = '<ECR image URI: the workload behind an HTTP server on port 8080>';
const pct = (share: number) => Math.round(share * 100);

/** A Kubernetes CPU quantity ("500m", "1") and memory quantity ("2048Mi"). */
export const kubernetesCpu = (vcpu: number): string => (Number.isInteger(vcpu) ? String(vcpu) : `${Math.round(vcpu * 1000)}m`);
export const kubernetesMemory = (gb: number): string => `${Math.round(gb * 1024)}Mi`;

function fargateTaskDefinition(id: string, cost: FargateCost, architecture: string, compatibility: 'FARGATE' | 'EC2'): Record<string, unknown> {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: id,
      RequiresCompatibilities: [compatibility],
      NetworkMode: 'awsvpc',
      Cpu: String(Math.round(cost.vcpu * 1024)),
      Memory: String(Math.round(cost.memoryGb * 1024)),
      RuntimePlatform: { CpuArchitecture: architecture === 'arm64' ? 'ARM64' : 'X86_64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [{ Name: 'app', Image: IMAGE, Essential: true, PortMappings: [{ ContainerPort: 8080 }] }],
    },
  };
}

const fleetText = (c: { tasks: number; fewestTasks: number }, word: string) =>
  c.fewestTasks === c.tasks ? `${c.tasks} ${word}(s)` : `${c.fewestTasks} to ${c.tasks} ${word}s over the day`;

/** ECS on EC2: the task (EC2 compatibility, its reservations), a launch template and Auto Scaling group of the model's type and counts, the capacity provider. */
function ecsEc2Equivalent(name: string, s: Scenario, nodes: NodesCost, report: CostReport): EquivalentConfig {
  const id = logicalId(name);
  const o = ec2Options(s);
  const f = s.fargate;
  const cpu = Math.round(f.vcpu * 1024);
  const memory = Math.round(f.memoryGb * 1024);
  const arm = f.architecture === 'arm64';
  const resources: Record<string, unknown> = {
    [`${id}TaskDefinition`]: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: id,
        RequiresCompatibilities: ['EC2'],
        NetworkMode: 'awsvpc',
        Cpu: String(cpu),
        Memory: String(memory),
        ContainerDefinitions: [{ Name: 'app', Image: IMAGE, Essential: true, Cpu: cpu, MemoryReservation: memory, PortMappings: [{ ContainerPort: 8080 }] }],
      },
    },
    [`${id}LaunchTemplate`]: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          InstanceType: nodes.instanceType ?? '<instance type: none of the catalogue holds the task>',
          ImageId: `{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/${arm ? 'arm64/' : ''}recommended/image_id}}`,
          IamInstanceProfile: { Arn: '<instance profile ARN with AmazonEC2ContainerServiceforEC2Role>' },
          UserData: { 'Fn::Base64': '#!/bin/bash\necho ECS_CLUSTER=<cluster> >> /etc/ecs/ecs.config\n' },
        },
      },
    },
    [`${id}AutoScalingGroup`]: {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: {
        MinSize: String(o.minInstances),
        MaxSize: String(Math.max(o.minInstances, nodes.instances)),
        LaunchTemplate: { LaunchTemplateId: { Ref: `${id}LaunchTemplate` }, Version: { 'Fn::GetAtt': [`${id}LaunchTemplate`, 'LatestVersionNumber'] } },
        VPCZoneIdentifier: ['<subnet-a>', '<subnet-b>'],
      },
    },
    [`${id}CapacityProvider`]: {
      Type: 'AWS::ECS::CapacityProvider',
      Properties: {
        AutoScalingGroupProvider: {
          AutoScalingGroupArn: { Ref: `${id}AutoScalingGroup` },
          ManagedScaling: { Status: 'ENABLED', TargetCapacity: pct(o.targetCapacity) },
          ManagedTerminationProtection: 'DISABLED',
        },
      },
    },
    [`${id}ClusterCapacityProviders`]: {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: {
        Cluster: '<cluster>',
        CapacityProviders: [{ Ref: `${id}CapacityProvider` }],
        DefaultCapacityProviderStrategy: [{ CapacityProvider: { Ref: `${id}CapacityProvider` }, Weight: 1 }],
      },
    },
    [`${id}Service`]: {
      Type: 'AWS::ECS::Service',
      Properties: {
        Cluster: '<cluster>',
        TaskDefinition: { Ref: `${id}TaskDefinition` },
        DesiredCount: report.fargate.tasks,
        CapacityProviderStrategy: [{ CapacityProvider: { Ref: `${id}CapacityProvider` }, Weight: 1 }],
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['<subnet-a>', '<subnet-b>'] } },
      },
    },
  };
  const type = nodes.instanceType ? `${nodes.instanceType} (${nodes.instanceTypeWhy})` : `no instance type (${nodes.instanceTypeWhy})`;
  const header =
    `# ${name} on ECS on EC2: ${fleetText(report.fargate, 'task')} of ${f.vcpu} vCPU / ${f.memoryGb} GB reserved, ${nodes.tasksPerInstance} per instance,\n` +
    `# on ${nodes.fewestInstances === nodes.instances ? nodes.instances : `${nodes.fewestInstances} to ${nodes.instances}`} x ${type}, as Crossover's comparison sizes it.\n` +
    `# Managed scaling keeps the instances ${pct(o.targetCapacity)}% full; add service auto scaling (target tracking at ${pct(f.targetUtilization)}% CPU). Fill in the <placeholders>.\n`;
  return { language: 'yaml', title: `${name} on ECS on EC2`, content: header + yaml({ Resources: resources }) };
}

/** EKS: a Deployment (requests = limits = the task the model sizes), a Service and a HorizontalPodAutoscaler; on EC2 nodes, the node group. */
function eksEquivalent(name: string, s: Scenario, pods: FargateCost, nodes: NodesCost | undefined): EquivalentConfig {
  const f = s.fargate;
  const app =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '') || 'workload';
  const resources = { cpu: kubernetesCpu(f.vcpu), memory: kubernetesMemory(f.memoryGb) };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, labels: { app } },
    spec: {
      replicas: pods.tasks,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: {
          ...(nodes ? {} : { nodeSelector: { 'kubernetes.io/arch': 'amd64' } }),
          containers: [{ name: 'app', image: IMAGE, ports: [{ containerPort: 8080 }], resources: { requests: { ...resources }, limits: { ...resources } } }],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app },
    spec: { selector: { app }, ports: [{ port: 80, targetPort: 8080 }], type: 'ClusterIP' },
  };
  const autoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: app },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app },
      minReplicas: pods.fewestTasks,
      maxReplicas: Math.max(pods.fewestTasks, pods.tasks),
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct(f.targetUtilization) } } }],
    },
  };
  const docs = [deployment, service, autoscaler].map((d) => yaml(d));
  let header: string;
  if (nodes) {
    const o = ec2Options(s);
    header =
      `# ${name} on EKS on EC2 nodes: ${fleetText(pods, 'pod')} requesting ${f.vcpu} vCPU / ${f.memoryGb} GB, ${nodes.tasksPerInstance} per node,\n` +
      `# on ${nodes.fewestInstances === nodes.instances ? nodes.instances : `${nodes.fewestInstances} to ${nodes.instances}`} x ${nodes.instanceType ?? 'no instance type'} nodes (${nodes.instanceTypeWhy}), as Crossover's comparison sizes it.\n` +
      '# Kubernetes manifests; the last document is the CloudFormation node group (deploy it with the cluster). Fill in the <placeholders>.\n';
    docs.push(
      '# CloudFormation: the managed node group of the cluster\n' +
        yaml({
          Resources: {
            [`${logicalId(name)}Nodegroup`]: {
              Type: 'AWS::EKS::Nodegroup',
              Properties: {
                ClusterName: '<cluster>',
                NodeRole: '<node role ARN>',
                Subnets: ['<subnet-a>', '<subnet-b>'],
                InstanceTypes: [nodes.instanceType ?? '<instance type: none of the catalogue holds the pod>'],
                AmiType: f.architecture === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
                ScalingConfig: {
                  MinSize: o.minInstances,
                  DesiredSize: Math.max(o.minInstances, nodes.fewestInstances),
                  MaxSize: Math.max(o.minInstances, nodes.instances),
                },
              },
            },
          },
        }),
    );
  } else {
    const pod = podSize(s);
    header =
      `# ${name} on EKS on Fargate: ${fleetText(pods, 'pod')} requesting ${f.vcpu} vCPU / ${f.memoryGb} GB, as Crossover's comparison sizes it.\n` +
      `# Fargate bills each pod at ${pod.vcpu} vCPU / ${pod.memoryGb} GB: the requests + 256 MB for the Kubernetes components, rounded up to a Fargate size.\n` +
      '# x86_64 pods only (Fargate arm64 is ECS-only); a Fargate profile must select the namespace. Fill in the <placeholders>.\n';
  }
  return { language: 'yaml', title: `${name} on ${nodes ? 'EKS on EC2' : 'EKS on Fargate'}`, content: header + docs.join('---\n') };
}

/** ECS Express Mode: one ExpressGatewayService (property names from the CloudFormation reference, AWS::ECS::ExpressGatewayService). */
function expressEquivalent(name: string, s: Scenario, cost: FargateCost): EquivalentConfig {
  const id = logicalId(name);
  const f = s.fargate;
  const resource = {
    Type: 'AWS::ECS::ExpressGatewayService',
    Properties: {
      ServiceName: id,
      Cluster: '<cluster>',
      Cpu: String(Math.round(cost.vcpu * 1024)),
      Memory: String(Math.round(cost.memoryGb * 1024)),
      ExecutionRoleArn: '<task execution role ARN>',
      InfrastructureRoleArn: '<ECS infrastructure role ARN>',
      HealthCheckPath: '/health',
      PrimaryContainer: { Image: IMAGE, ContainerPort: 8080 },
      ScalingTarget: {
        MinTaskCount: cost.fewestTasks,
        MaxTaskCount: Math.max(cost.fewestTasks, cost.tasks),
        AutoScalingMetric: 'AVERAGE_CPU',
        AutoScalingTargetValue: pct(f.targetUtilization),
      },
    },
  };
  const header =
    `# ${name} on ECS Express Mode: ${fleetText(cost, 'task')} of ${cost.vcpu} vCPU / ${cost.memoryGb} GB behind the Application Load Balancer Express Mode creates,\n` +
    `# as Crossover's comparison sizes it (Fargate prices; no charge for Express Mode itself). Fill in the <placeholders>.\n`;
  return { language: 'yaml', title: `${name} on ECS Express Mode`, content: header + yaml({ Resources: { [`${id}Service`]: resource } }) };
}

/** Fargate Spot: the Fargate task and a service whose capacity provider strategy is FARGATE_SPOT only, as the model assumes. */
function spotEquivalent(name: string, s: Scenario, cost: FargateCost): EquivalentConfig {
  const id = logicalId(name);
  const resources = {
    [`${id}TaskDefinition`]: fargateTaskDefinition(id, cost, s.fargate.architecture, 'FARGATE'),
    [`${id}ClusterCapacityProviders`]: {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: {
        Cluster: '<cluster>',
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      },
    },
    [`${id}Service`]: {
      Type: 'AWS::ECS::Service',
      Properties: {
        Cluster: '<cluster>',
        TaskDefinition: { Ref: `${id}TaskDefinition` },
        DesiredCount: cost.tasks,
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
        NetworkConfiguration: {
          AwsvpcConfiguration: { Subnets: ['<subnet-a>', '<subnet-b>'], AssignPublicIp: s.fargate.subnets === 'public' ? 'ENABLED' : 'DISABLED' },
        },
      },
    },
  };
  const header =
    `# ${name} on Fargate Spot: ${fleetText(cost, 'task')} of ${cost.vcpu} vCPU / ${cost.memoryGb} GB, every task on Spot as Crossover's comparison prices it.\n` +
    "# A task can be stopped with two minutes' notice: for a floor that never goes, add { CapacityProvider: FARGATE, Base: <n>, Weight: 0 } to the strategy\n" +
    '# (those tasks are billed on demand, which the comparison does not count). Fill in the <placeholders>.\n';
  return { language: 'yaml', title: `${name} on Fargate Spot`, content: header + yaml({ Resources: resources }) };
}

/** Lambda Managed Instances: a capacity provider and the function on it (names from the CloudFormation reference). */
function managedEquivalent(name: string, s: Scenario, cost: ManagedInstancesCost, prices: PriceBook): EquivalentConfig {
  const id = logicalId(name);
  const o = ec2Options(s);
  const memory = Math.round(cost.environment.memoryGiB * 1024);
  const perEnvironment = cost.environmentsPerInstance > 0 ? Math.max(1, Math.floor(cost.concurrencyPerInstance / cost.environmentsPerInstance)) : 1;
  // The busiest hour's instances, in vCPUs (the capacity provider's cap is a vCPU count; at least 2).
  const type = cost.instanceType ? instanceType(prices, cost.instanceType) : undefined;
  const vcpus = Math.max(2, Math.ceil(cost.instances * (type?.vcpu ?? 0)));
  const resources = {
    [`${id}CapacityProvider`]: {
      Type: 'AWS::Lambda::CapacityProvider',
      Properties: {
        CapacityProviderName: id,
        PermissionsConfig: { CapacityProviderOperatorRoleArn: '<capacity provider operator role ARN>' },
        VpcConfig: { SubnetIds: ['<subnet-a>', '<subnet-b>'], SecurityGroupIds: ['<security group>'] },
        InstanceRequirements: {
          Architectures: [s.lambda.architecture],
          ...(cost.instanceType ? { AllowedInstanceTypes: [cost.instanceType] } : {}),
        },
        CapacityProviderScalingConfig: { ScalingMode: 'Auto', MaxVCpuCount: vcpus },
      },
    },
    [`${id}Function`]: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        PackageType: 'Image',
        Code: { ImageUri: '<ECR image URI built on a Lambda base image>' },
        Role: '<function execution role ARN>',
        MemorySize: memory,
        Architectures: [s.lambda.architecture],
        CapacityProviderConfig: {
          LambdaManagedInstancesCapacityProviderConfig: {
            CapacityProviderArn: '<ARN of the capacity provider above>',
            ExecutionEnvironmentMemoryGiBPerVCpu: cost.environment.vcpu > 0 ? cost.environment.memoryGiB / cost.environment.vcpu : o.managedMemoryGibPerVcpu,
            PerExecutionEnvironmentMaxConcurrency: perEnvironment,
          },
        },
      },
    },
  };
  const header =
    `# ${name} on Lambda Managed Instances: ${memory} MB execution environments (${cost.environment.vcpu.toFixed(2)} vCPU each), ${cost.environmentsPerInstance} per ${cost.instanceType ?? 'instance (no type holds one)'},\n` +
    `# ${cost.fewestInstances === cost.instances ? cost.instances : `${cost.fewestInstances} to ${cost.instances}`} instances (${cost.concurrencyPerInstance.toFixed(1)} concurrent requests each), as Crossover's comparison sizes it.\n` +
    `# The comparison keeps at least ${o.managedMinInstances} instances; no CloudFormation property for a minimum instance count could be confirmed, so none is set here.\n` +
    "# MaxVCpuCount caps the busiest hour's instances; the capacity provider's ARN attribute name is not confirmed here: paste the ARN. Fill in the <placeholders>.\n";
  return { language: 'yaml', title: `${name} on Lambda Managed Instances`, content: header + yaml({ Resources: resources }) };
}

/** App Runner (existing customers only): the service with its instance size and an auto scaling configuration. */
function appRunnerEquivalent(name: string, s: Scenario, cost: AppRunnerCost): EquivalentConfig {
  const id = logicalId(name);
  const o = managedOptions(s).appRunner;
  const resources = {
    [`${id}AutoScaling`]: {
      Type: 'AWS::AppRunner::AutoScalingConfiguration',
      Properties: {
        AutoScalingConfigurationName: id,
        MaxConcurrency: o.concurrencyPerInstance,
        MinSize: Math.max(1, o.minInstances),
        MaxSize: o.maxInstances ?? Math.max(1, o.minInstances, cost.instances),
      },
    },
    [`${id}Service`]: {
      Type: 'AWS::AppRunner::Service',
      Properties: {
        SourceConfiguration: {
          AuthenticationConfiguration: { AccessRoleArn: '<App Runner ECR access role ARN>' },
          ImageRepository: { ImageIdentifier: IMAGE, ImageRepositoryType: 'ECR', ImageConfiguration: { Port: '8080' } },
        },
        InstanceConfiguration: { Cpu: `${cost.instance.vcpu} vCPU`, Memory: `${cost.instance.memoryGb} GB` },
        AutoScalingConfigurationArn: { 'Fn::GetAtt': [`${id}AutoScaling`, 'AutoScalingConfigurationArn'] },
      },
    },
  };
  const header =
    `# ${name} on App Runner (${cost.status}): ${cost.instance.vcpu} vCPU / ${cost.instance.memoryGb} GB instances, up to ${cost.instances} at the busiest hour\n` +
    `# (${o.concurrencyPerInstance} concurrent requests each), as Crossover's comparison sizes it. AWS recommends ECS Express Mode instead. Fill in the <placeholders>.\n`;
  return { language: 'yaml', title: `${name} on App Runner`, content: header + yaml({ Resources: resources }) };
}
