import { type Field } from './field.js';
import { type SourceLocation } from './location.js';

/** Common to every resource in the model. */
export interface ResourceBase {
  /** Logical id in the template. */
  id: string;
  /** CloudFormation type as written, e.g. `AWS::Serverless::Function`. */
  type: string;
  /** The logical id's key: where findings about the resource as a whole land. */
  loc: SourceLocation;
  /** Rule ids switched off for this resource in `Metadata` (`crossover: {ignore: [...]}`). */
  ignoredRules: string[];
  /**
   * CDK: the node is one instance of a construct declared inside a custom construct class (or a stack class) of the
   * app. There is one node per instance; `id` is the construct path below the stack (`Orders/Handler`, or
   * `Dev/Orders/Handler` for a stack class instantiated per stage).
   */
  instance?: ConstructInstance;
  /**
   * What static reading cannot know about this resource as a whole, in words a user understands (e.g. "the construct
   * id is computed: `${props.prefix}-fn`", "created in a loop over configs, which is not a constant"). Unknown
   * settings say why in their own `Field.unresolved`.
   */
  unresolved?: string[];
}

/** One instantiation of a custom construct class that declares a resource (see `ResourceBase.instance`). */
export interface ConstructInstance {
  /** The custom class, e.g. `OrdersService` (the innermost one when classes nest). */
  className: string;
  /** The instance's id, evaluated when static (`dev`), else as written (`${props.stage}-orders`). */
  id: string;
  /** Where the instance is created: `new OrdersService(this, 'Dev', {...})`. */
  site: SourceLocation;
  /**
   * The resource's declaration inside the class (its construct call), the same for every instance; it may be in
   * another file of the app. Findings and fixes about values written in the class live there.
   */
  declaredAt: SourceLocation;
}

export type Architecture = 'x86_64' | 'arm64';
export type PackageType = 'Zip' | 'Image';

export interface EnvironmentVariable {
  name: string;
  /** Static value, or undefined when it is an intrinsic that cannot be resolved. */
  value: string | undefined;
  /** The variable's key. */
  at: SourceLocation;
  /** The variable's value. */
  valueAt?: SourceLocation;
  /** `globals` when the variable is inherited from SAM Globals. */
  origin?: Field<unknown>['origin'];
  /** Why `value` is not static. */
  unresolved?: string;
}

export interface Environment {
  variables: EnvironmentVariable[];
  /** The `Variables` key (on the resource, or in Globals when the resource sets none). */
  at?: SourceLocation;
  origin: Field<unknown>['origin'];
  /** Set when `Environment` or `Variables` is an intrinsic, so the variables cannot be listed. */
  unresolved?: string;
}

export interface VpcConfig {
  at: SourceLocation;
  origin: Field<unknown>['origin'];
  /**
   * True when subnets are given or cannot be known statically (an empty VpcConfig does not attach the
   * function to a VPC; a conditional one may).
   */
  attached: boolean;
  /** Why the subnets are not known statically (e.g. the VpcConfig depends on a condition). */
  unresolved?: string;
}

/** How a source invokes the function: the caller waits (sync), fire-and-forget (async), or Lambda polls. */
export type InvocationMode = 'sync' | 'async' | 'poll';

export type EventSourceKind =
  | 'api' // API Gateway REST API
  | 'http-api'
  | 'websocket'
  | 'function-url'
  | 'alb'
  | 'sqs'
  | 'sns'
  | 's3'
  | 'schedule'
  | 'kinesis'
  | 'dynamodb'
  | 'eventbridge'
  | 'mq'
  | 'msk'
  | 'kafka'
  | 'documentdb'
  | 'cloudwatch-logs'
  | 'iot'
  | 'cognito'
  | 'alexa-skill'
  | 'other';

export interface EventSource {
  /** Event name (SAM) or the logical id of the resource that wires it (CloudFormation). */
  name: string;
  kind: EventSourceKind;
  /** The SAM event type or CloudFormation resource type as written. */
  sourceType: string;
  invocation: InvocationMode;
  loc: SourceLocation;
  /** Logical id of the API / queue / stream / table / topic / bucket this source is wired to, when known. */
  targetId?: string;
  /** For API sources: an explicit integration timeout (`TimeoutInMillis`) in milliseconds. */
  integrationTimeoutMs?: Field<number>;
}

/** A reference from a resource's properties to another resource, with where it was written. */
export interface ResourceLink {
  targetId: string;
  /** `Ref`, or the attribute of `Fn::GetAtt` / `${X.Attr}` (e.g. `Endpoint.Address`, `Arn`). */
  attribute: string | undefined;
  at: SourceLocation;
}

export interface LambdaFunction extends ResourceBase {
  kind: 'lambda-function';
  /** FunctionName when static, else the logical id. */
  name: string;
  memoryMb: Field<number>;
  timeoutSeconds: Field<number>;
  runtime: Field<string>;
  architecture: Field<Architecture>;
  ephemeralStorageMb: Field<number>;
  packageType: Field<PackageType>;
  handler: Field<string>;
  reservedConcurrency?: Field<number>;
  provisionedConcurrency?: Field<number>;
  snapStart: Field<string>;
  /** Number of layers after Globals (1 when they cannot be counted statically, see `layersUnresolved`). */
  layers: number;
  layersUnresolved?: string;
  vpc?: VpcConfig;
  environment?: Environment;
  /** Lambda Managed Instances: `CapacityProviderConfig` is set. */
  capacityProvider?: SourceLocation;
  /** Managed Instances: `ExecutionEnvironmentMemoryGiBPerVCpu` (GiB of memory per vCPU), when written. */
  memoryGibPerVcpu?: Field<number>;
  events: EventSource[];
  /** References from the function's properties (environment, policies, VPC config, ...) to other resources. */
  links: ResourceLink[];
}

export type ApiProtocol = 'REST' | 'HTTP' | 'WEBSOCKET';
export type EndpointType = 'REGIONAL' | 'EDGE' | 'PRIVATE';

export interface ApiGateway extends ResourceBase {
  kind: 'api-gateway';
  protocol: ApiProtocol;
  /** REST APIs only (edge-optimized is the CloudFormation default). */
  endpointType?: Field<EndpointType>;
  /** True for the API that SAM creates implicitly for Api/HttpApi events without RestApiId/ApiId. */
  implicit: boolean;
}

export interface SqsQueue extends ResourceBase {
  kind: 'sqs-queue';
  visibilityTimeoutSeconds: Field<number>;
  fifo: boolean;
}

export interface Database extends ResourceBase {
  kind: 'rds-instance' | 'rds-cluster';
  engine: Field<string>;
  /** Aurora Data API (`EnableHttpEndpoint`): queries go over HTTPS, not database connections. */
  dataApi: boolean;
  /** Aurora Serverless v1 (`EngineMode: serverless`) or v2 (`ServerlessV2ScalingConfiguration`). */
  serverless: boolean;
}

export interface DbProxy extends ResourceBase {
  kind: 'rds-proxy';
  /** Logical ids of the instances and clusters its target groups point at. */
  targetIds: string[];
  /** Logical ids of extra endpoints (AWS::RDS::DBProxyEndpoint) that lead to this proxy. */
  endpointIds: string[];
}

export interface EcsContainer {
  name: string;
  loc: SourceLocation;
  /** CPU units reserved for the container (`cpu`), when set: what ECS on EC2 places the task by when the task sets none. */
  cpuUnits?: Field<number>;
  /** Hard memory limit (MiB), when set. */
  memoryMb?: Field<number>;
  /** Soft memory limit (MiB), when set. */
  memoryReservationMb?: Field<number>;
  healthCheck: boolean;
  essential: boolean;
  /** A GPU resource requirement (not supported on Fargate). */
  gpu?: SourceLocation;
}

/** An ECS task definition: a task definition JSON file (ECS API form) or `AWS::ECS::TaskDefinition`. */
export interface EcsTaskDefinition extends ResourceBase {
  kind: 'ecs-task-definition';
  family: string | undefined;
  /** Task CPU units (1024 = 1 vCPU); "1 vCPU" style strings are converted. */
  cpuUnits: Field<number>;
  /** Task memory in MiB; "2 GB" style strings are converted. */
  memoryMb: Field<number>;
  architecture: Field<Architecture>;
  /** `requiresCompatibilities` as written (FARGATE, EC2, EXTERNAL). */
  compatibilities: string[];
  /** Runs on Fargate: FARGATE in its compatibilities, or a service launching it on Fargate. */
  fargate: boolean;
  networkMode: Field<string>;
  /** `ephemeralStorage.sizeInGiB` (Fargate default 20). */
  ephemeralStorageGb: Field<number>;
  containers: EcsContainer[];
}

export interface ScalingPolicy {
  id: string;
  loc: SourceLocation;
  scaleOutCooldownSeconds?: Field<number>;
  scaleInCooldownSeconds?: Field<number>;
}

/** `AWS::ECS::Service` with what CloudFormation wires to it. */
export interface EcsService extends ResourceBase {
  kind: 'ecs-service';
  /** Logical id of its task definition in the same template, when it is a Ref. */
  taskDefinitionId: string | undefined;
  /** FARGATE, EC2, EXTERNAL, or FARGATE for a Fargate capacity provider strategy. */
  launchType: Field<string>;
  desiredCount: Field<number>;
  /** Number of load balancer target groups. */
  loadBalancers: number;
  loadBalancersAt?: SourceLocation;
  circuitBreaker: boolean;
  /** Application Auto Scaling policies whose scalable target is this service. */
  scalingPolicies: ScalingPolicy[];
  /**
   * The EC2 instance type its capacity provider launches, when the template says it: the strategy's
   * `AWS::ECS::CapacityProvider` -> its Auto Scaling group -> the launch template's (or launch configuration's)
   * `InstanceType`, the value located where it is written.
   */
  instanceType?: Field<string>;
  /** The `MinSize` of that Auto Scaling group (the fewest container instances), when the template gives it with the type. */
  capacityMinSize?: Field<number>;
}

/** An App Runner service (`AWS::AppRunner::Service`): its instance size as written (e.g. "1 vCPU", "2 GB"). */
export interface AppRunnerService extends ResourceBase {
  kind: 'app-runner-service';
  cpu: Field<string>;
  memory: Field<string>;
}

/** An EKS cluster (`AWS::EKS::Cluster`): its Kubernetes version when pinned (absent: EKS's default, the newest). */
export interface EksCluster extends ResourceBase {
  kind: 'eks-cluster';
  version?: Field<string>;
}

/**
 * A managed node group (`AWS::EKS::Nodegroup`, CDK `addNodegroupCapacity` / `defaultCapacity`): EC2 nodes of a
 * cluster. Costed as EKS on EC2 with its instance type and node counts.
 */
export interface EksNodegroup extends ResourceBase {
  kind: 'eks-nodegroup';
  /** Logical id of its cluster in the same file, when it is a Ref. */
  clusterId: string | undefined;
  /** The first of `InstanceTypes` (EKS's default t3.medium when absent). */
  instanceType: Field<string>;
  desiredSize: Field<number>;
  minSize: Field<number>;
  maxSize: Field<number>;
  /** From the AMI type or the instance family (arm64 for Graviton). */
  architecture: Field<Architecture>;
  /** GPU AMI type or a GPU instance family. */
  gpu: boolean;
}

/** A Fargate profile (`AWS::EKS::FargateProfile`, CDK `addFargateProfile` / `FargateCluster`): pods of a cluster on Fargate. */
export interface EksFargateProfile extends ResourceBase {
  kind: 'eks-fargate-profile';
  clusterId: string | undefined;
}

/**
 * An ECS Express Mode service (`AWS::ECS::ExpressGatewayService`): Fargate tasks behind a shared ALB with auto
 * scaling. Cpu and memory as written (units / MiB, or "1 vCPU" / "2 GB" strings converted).
 */
export interface EcsExpressService extends ResourceBase {
  kind: 'ecs-express-service';
  cpuUnits: Field<number>;
  memoryMb: Field<number>;
  minTasks: Field<number>;
  maxTasks: Field<number>;
}

export type ModelNode =
  | LambdaFunction
  | ApiGateway
  | SqsQueue
  | Database
  | DbProxy
  | EcsTaskDefinition
  | EcsService
  | AppRunnerService
  | EksCluster
  | EksNodegroup
  | EksFargateProfile
  | EcsExpressService;
