/**
 * The same workload on the other side, as a starting point the user can open as a new file: for a Lambda
 * function, a CloudFormation `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` sized as the comparison
 * sizes Fargate; for a task definition or service, a SAM function with the memory the comparison uses.
 * Placeholders (image, cluster, subnets, handler) are marked for the user to fill in.
 */
import { perTaskConcurrency } from './platforms/ecs-fargate.js';
import { stringify } from 'yaml';
import { LAMBDA_LIMITS, nearestFargateSize } from '../data/limits.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type Scenario } from './model.js';
import { type CostReport } from './report.js';

export interface EquivalentConfig {
  language: 'yaml';
  title: string;
  content: string;
}

export function fargateEquivalent(fn: LambdaFunction, scenario: Scenario, report: CostReport): EquivalentConfig {
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
  return { language: 'yaml', title: `${fn.id} on Fargate`, content: header + stringify({ Resources: resources }) };
}

export function lambdaEquivalent(task: EcsTaskDefinition, scenario: Scenario): EquivalentConfig {
  const id = task.id.replace(/[^A-Za-z0-9]/g, '');
  const memory = Math.min(LAMBDA_LIMITS.maxMemoryMb.value, Math.max(LAMBDA_LIMITS.minMemoryMb.value, scenario.lambda.memoryMb));
  const content =
    `# ${task.id} as a Lambda function (SAM): ${memory} MB ${scenario.lambda.architecture}, as Crossover's comparison assumes.\n` +
    '# The container becomes a function: fill in the <placeholders>, and keep each request under 15 minutes.\n' +
    stringify({
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
