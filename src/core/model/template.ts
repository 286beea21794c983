import {
  type ApiGateway,
  type AppRunnerService,
  type EksCluster,
  type EksFargateProfile,
  type EksNodegroup,
  type EcsExpressService,
  type Database,
  type DbProxy,
  type EcsService,
  type EcsTaskDefinition,
  type LambdaFunction,
  type ModelNode,
  type SqsQueue,
} from './nodes.js';
import { type SourceLocation } from './location.js';

/**
 * `ecs-task-definition`: a task definition JSON file (the ECS API form or `describe-task-definition` output);
 * `cdk`: an AWS CDK app source (TypeScript or JavaScript) read statically; `terraform`: a Terraform file, read with
 * the other files of its folder.
 */
export type TemplateFormat = 'sam' | 'cloudformation' | 'serverless' | 'ecs-task-definition' | 'cdk' | 'terraform';

export interface ParameterInfo {
  name: string;
  type: string | undefined;
  /** The Default, when it is a scalar (lists as comma-separated text, as CloudFormation does). */
  defaultValue: string | number | boolean | undefined;
  loc: SourceLocation;
}

/** Everything the engine knows about one template file. */
export interface TemplateModel {
  uri: string;
  format: TemplateFormat;
  parameters: Map<string, ParameterInfo>;
  functions: LambdaFunction[];
  apis: ApiGateway[];
  queues: SqsQueue[];
  databases: Database[];
  dbProxies: DbProxy[];
  taskDefinitions: EcsTaskDefinition[];
  services: EcsService[];
  appRunnerServices: AppRunnerService[];
  eksClusters: EksCluster[];
  eksNodegroups: EksNodegroup[];
  eksFargateProfiles: EksFargateProfile[];
  expressServices: EcsExpressService[];
  /** Every node of the model by logical id, for following links. */
  byId: Map<string, ModelNode>;
  /** Logical id -> type for every resource in the template, modelled or not. */
  resourceTypes: Map<string, string>;
}

/** The model's lists of nodes (every kind of resource it holds), by name. */
export const NODE_LISTS = [
  'functions',
  'apis',
  'queues',
  'databases',
  'dbProxies',
  'taskDefinitions',
  'services',
  'appRunnerServices',
  'eksClusters',
  'eksNodegroups',
  'eksFargateProfiles',
  'expressServices',
] as const satisfies readonly (keyof TemplateModel)[];

/** Keeps, in every list of nodes, those `keep` says yes to (`byId` is left as it is, for following links). */
export function keepNodes(model: TemplateModel, keep: (node: ModelNode) => boolean): void {
  for (const list of NODE_LISTS) (model as unknown as Record<string, ModelNode[]>)[list] = model[list].filter(keep);
}

/** A model with nothing in it yet, for a reader to fill (`with` sets what it already knows). */
export function emptyModel(uri: string, format: TemplateFormat, with_: Partial<Omit<TemplateModel, 'uri' | 'format'>> = {}): TemplateModel {
  return {
    uri,
    format,
    parameters: new Map(),
    functions: [],
    apis: [],
    queues: [],
    databases: [],
    dbProxies: [],
    taskDefinitions: [],
    services: [],
    appRunnerServices: [],
    eksClusters: [],
    eksNodegroups: [],
    eksFargateProfiles: [],
    expressServices: [],
    byId: new Map(),
    resourceTypes: new Map(),
    ...with_,
  };
}
