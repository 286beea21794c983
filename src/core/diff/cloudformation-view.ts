/**
 * A file as a CloudFormation template object, for comparing two versions of it resource by resource.
 * SAM and CloudFormation templates are that already (their parsed tree as plain data). serverless.yml,
 * task definition files and CDK sources are not: they become the CloudFormation-shaped resources of their
 * model, with the settings Crossover reads under their CloudFormation property names (effective values,
 * after provider defaults and CDK's defaults), so a change of memory in serverless.yml reads like the
 * same change in a template.
 */
import { type Field } from '../model/field.js';
import { type ModelNode } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { loadDocument } from '../parse/document/load.js';
import { isMap, plainValue } from '../parse/document/tree.js';

export type TemplateObject = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> } & Record<string, unknown>;

/** `text` is the file's text; `model` what the engine built from it. */
export function cloudFormationView(uri: string, text: string, model: TemplateModel): TemplateObject {
  if (model.format === 'sam' || model.format === 'cloudformation') {
    const root = loadDocument(uri, text).root;
    if (isMap(root)) {
      const plain = plainValue(root) as Record<string, unknown>;
      if (plain['Resources'] && typeof plain['Resources'] === 'object' && !Array.isArray(plain['Resources'])) return plain as TemplateObject;
    }
  }
  return modelTemplate(model);
}

/** The model's nodes as CloudFormation resources (types and property names as CloudFormation has them). */
function modelTemplate(model: TemplateModel): TemplateObject {
  const resources: TemplateObject['Resources'] = {};
  for (const node of model.byId.values()) resources[node.id] = resourceOf(node);
  return { Resources: resources };
}

function resourceOf(node: ModelNode): { Type: string; Properties: Record<string, unknown> } {
  switch (node.kind) {
    case 'lambda-function':
      return {
        Type: 'AWS::Lambda::Function',
        Properties: compact({
          FunctionName: node.name,
          MemorySize: value(node.memoryMb),
          Timeout: value(node.timeoutSeconds),
          Runtime: value(node.runtime),
          Architectures: list(node.architecture),
          EphemeralStorage: node.ephemeralStorageMb.value !== undefined ? { Size: node.ephemeralStorageMb.value } : undefined,
          PackageType: value(node.packageType),
          Handler: value(node.handler),
          ReservedConcurrentExecutions: node.reservedConcurrency ? value(node.reservedConcurrency) : undefined,
          ProvisionedConcurrencyConfig:
            node.provisionedConcurrency?.value !== undefined ? { ProvisionedConcurrentExecutions: node.provisionedConcurrency.value } : undefined,
          SnapStart: node.snapStart.value !== undefined && node.snapStart.value !== 'None' ? { ApplyOn: node.snapStart.value } : undefined,
          Layers: node.layers > 0 ? node.layers : undefined,
          VpcConfig: node.vpc?.attached ? { attached: true } : undefined,
          Environment:
            node.environment && node.environment.variables.length
              ? { Variables: Object.fromEntries(node.environment.variables.map((v) => [v.name, v.value ?? v.unresolved ?? null])) }
              : undefined,
          Events: node.events.length
            ? Object.fromEntries(node.events.map((e) => [e.name, { Type: e.sourceType, ...(e.targetId ? { Target: e.targetId } : {}) }]))
            : undefined,
        }),
      };
    case 'api-gateway':
      return {
        Type: node.protocol === 'REST' ? 'AWS::ApiGateway::RestApi' : 'AWS::ApiGatewayV2::Api',
        Properties: compact({
          ProtocolType: node.protocol === 'REST' ? undefined : node.protocol,
          EndpointConfiguration: node.endpointType?.value ? { Types: [node.endpointType.value] } : undefined,
        }),
      };
    case 'sqs-queue':
      return { Type: 'AWS::SQS::Queue', Properties: compact({ VisibilityTimeout: value(node.visibilityTimeoutSeconds), FifoQueue: node.fifo || undefined }) };
    case 'rds-instance':
    case 'rds-cluster':
      return {
        Type: node.kind === 'rds-instance' ? 'AWS::RDS::DBInstance' : 'AWS::RDS::DBCluster',
        Properties: compact({ Engine: value(node.engine), EnableHttpEndpoint: node.dataApi || undefined }),
      };
    case 'rds-proxy':
      return { Type: 'AWS::RDS::DBProxy', Properties: compact({ Targets: node.targetIds.length ? node.targetIds : undefined }) };
    case 'ecs-task-definition':
      return {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: compact({
          Family: node.family,
          Cpu: value(node.cpuUnits)?.toString(),
          Memory: value(node.memoryMb)?.toString(),
          RuntimePlatform: node.architecture.value ? { CpuArchitecture: node.architecture.value === 'arm64' ? 'ARM64' : 'X86_64' } : undefined,
          RequiresCompatibilities: node.compatibilities.length ? node.compatibilities : undefined,
          NetworkMode: value(node.networkMode),
          EphemeralStorage: node.ephemeralStorageGb.value !== undefined ? { SizeInGiB: node.ephemeralStorageGb.value } : undefined,
          ContainerDefinitions: node.containers.map((c) =>
            compact({
              Name: c.name,
              Memory: c.memoryMb ? value(c.memoryMb) : undefined,
              MemoryReservation: c.memoryReservationMb ? value(c.memoryReservationMb) : undefined,
              Essential: c.essential,
            }),
          ),
        }),
      };
    case 'ecs-service':
      return {
        Type: 'AWS::ECS::Service',
        Properties: compact({
          TaskDefinition: node.taskDefinitionId,
          LaunchType: value(node.launchType),
          DesiredCount: value(node.desiredCount),
          LoadBalancers: node.loadBalancers || undefined,
        }),
      };
    case 'eks-cluster':
      return { Type: 'AWS::EKS::Cluster', Properties: compact({ Version: node.version ? value(node.version) : undefined }) };
    case 'app-runner-service':
      return {
        Type: 'AWS::AppRunner::Service',
        Properties: compact({ InstanceConfiguration: compact({ Cpu: value(node.cpu), Memory: value(node.memory) }) }),
      };
    case 'eks-nodegroup':
      return {
        Type: 'AWS::EKS::Nodegroup',
        Properties: compact({
          ClusterName: node.clusterId,
          InstanceTypes: list(node.instanceType),
          ScalingConfig: compact({ DesiredSize: value(node.desiredSize), MinSize: value(node.minSize), MaxSize: value(node.maxSize) }),
        }),
      };
    case 'eks-fargate-profile':
      return { Type: 'AWS::EKS::FargateProfile', Properties: compact({ ClusterName: node.clusterId }) };
    case 'ecs-express-service':
      return {
        Type: 'AWS::ECS::ExpressGatewayService',
        Properties: compact({
          Cpu: value(node.cpuUnits),
          Memory: value(node.memoryMb),
          ScalingTarget: compact({ MinTaskCount: value(node.minTasks), MaxTaskCount: value(node.maxTasks) }),
        }),
      };
  }
}

function value<T>(field: Field<T>): T | undefined {
  return field.value;
}

function list<T>(field: Field<T>): T[] | undefined {
  return field.value === undefined ? undefined : [field.value];
}

/** Without the properties that are not known (undefined), so "not set" and "unknown" compare equal. */
function compact(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined));
}
