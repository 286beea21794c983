/**
 * Service limits the rules check against: one dated module, every figure with its source.
 * Source ids ([Sxx]) refer to the project's fact sheet (shared/reference/aws-facts.md, compiled 2026-11-23);
 * the URL is the primary page behind it. Re-check these before each release.
 */

interface Limit<T = number> {
  value: T;
  unit: string;
  source: string;
  url: string;
  confidence: 'high' | 'medium' | 'low';
}

const LAMBDA_QUOTAS = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';

export const LAMBDA_LIMITS = {
  maxTimeoutSeconds: { value: 900, unit: 's', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  /** `Timeout: 0` is rejected by Lambda (facts-2026-11.md: Timeout must be between 1 and 900 s). */
  minTimeoutSeconds: {
    value: 1,
    unit: 's',
    source: 'Lambda API reference, CreateFunction Timeout (minimum 1)',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-Timeout',
    confidence: 'high',
  },
  defaultTimeoutSeconds: { value: 3, unit: 's', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  /**
   * Lambda Managed Instances (a function with CapacityProviderConfig): up to 90 minutes for asynchronous
   * invocations and event source mappings (except Amazon MQ and DocumentDB); synchronous invocations keep 900 s.
   */
  managedInstancesMaxTimeoutSeconds: { value: 5400, unit: 's', source: 'Lambda quotas page (2026)', url: LAMBDA_QUOTAS, confidence: 'high' },
  minMemoryMb: { value: 128, unit: 'MB', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  maxMemoryMb: { value: 10240, unit: 'MB', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  defaultMemoryMb: { value: 128, unit: 'MB', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  /** Managed Instances allow up to 32 GB (March 2026). AWS recommends at least 2 GB there, which is advice, not a limit. */
  managedInstancesMaxMemoryMb: {
    value: 32768,
    unit: 'MB',
    source: 'third-party report of the March 2026 change (32 GB / 16 vCPU)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html',
    confidence: 'medium',
  },
  /** Managed Instances execution environments: 2 to 8 GiB of memory per vCPU (facts-2026-11.md, "Lambda Managed Instances"). */
  managedInstancesMinMemoryGibPerVcpu: {
    value: 2,
    unit: 'GiB per vCPU',
    source: 'AWS Lambda pricing page, transcribed 2026-09-20 (S16)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html',
    confidence: 'medium',
  },
  managedInstancesMaxMemoryGibPerVcpu: {
    value: 8,
    unit: 'GiB per vCPU',
    source: 'AWS Lambda pricing page, transcribed 2026-09-20 (S16)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html',
    confidence: 'medium',
  },
  minEphemeralStorageMb: {
    value: 512,
    unit: 'MB',
    source: 'S51',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html',
    confidence: 'high',
  },
  /** Every function gets this much /tmp at no charge; only storage above it is billed (per GB-second). */
  includedEphemeralStorageMb: { value: 512, unit: 'MB', source: 'Lambda pricing', url: 'https://aws.amazon.com/lambda/pricing/', confidence: 'high' },
  maxEphemeralStorageMb: {
    value: 10240,
    unit: 'MB',
    source: 'S51',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html',
    confidence: 'high',
  },
  maxEnvironmentBytes: { value: 4096, unit: 'bytes', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  accountConcurrency: { value: 1000, unit: 'concurrent executions', source: 'S44', url: LAMBDA_QUOTAS, confidence: 'high' },
  /** Lambda keeps this much of the account's concurrency unreserved. */
  minUnreservedConcurrency: {
    value: 100,
    unit: 'concurrent executions',
    source: 'Lambda reserved concurrency docs',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    confidence: 'high',
  },
  /** 1,769 MB of memory buys one vCPU; 10,240 MB gives 6. */
  memoryMbPerVcpu: {
    value: 1769,
    unit: 'MB',
    source: 'S50',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
    confidence: 'high',
  },
  /** The most vCPU a function gets (at the maximum memory). */
  maxVcpu: { value: 6, unit: 'vCPU', source: 'S50', url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html', confidence: 'high' },
} as const satisfies Record<string, Limit>;

export const SQS_LIMITS = {
  defaultVisibilityTimeoutSeconds: {
    value: 30,
    unit: 's',
    source: 'S52b',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    confidence: 'high',
  },
  maxVisibilityTimeoutSeconds: {
    value: 43200,
    unit: 's',
    source: 'S52b',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    confidence: 'high',
  },
  /** AWS recommends a visibility timeout of at least six times the function timeout. */
  visibilityToFunctionTimeoutRatio: {
    value: 6,
    unit: 'x',
    source: 'S52',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
    confidence: 'high',
  },
} as const satisfies Record<string, Limit>;

export const API_GATEWAY_LIMITS = {
  /** Default for REST APIs; regional and private REST APIs can raise it with a Service Quotas request (since 2024-06-04). */
  restIntegrationTimeoutSeconds: {
    value: 29,
    unit: 's',
    source: 'S35',
    url: 'https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/',
    confidence: 'high',
  },
  httpIntegrationTimeoutSeconds: {
    value: 30,
    unit: 's',
    source: 'S38',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html',
    confidence: 'high',
  },
  websocketIntegrationTimeoutSeconds: {
    value: 29,
    unit: 's',
    source: 'API Gateway WebSocket quotas',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html',
    confidence: 'high',
  },
} as const satisfies Record<string, Limit>;

const FARGATE_SIZES_URL = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size';

/** Fargate (Linux) task sizes: for each CPU value, the memory values it accepts (MiB). [S27] */
export const FARGATE_TASK_SIZES: { cpuUnits: number; memoryMb: number[] }[] = [
  { cpuUnits: 256, memoryMb: [512, 1024, 2048] },
  { cpuUnits: 512, memoryMb: range(1024, 4096, 1024) },
  { cpuUnits: 1024, memoryMb: range(2048, 8192, 1024) },
  { cpuUnits: 2048, memoryMb: range(4096, 16384, 1024) },
  { cpuUnits: 4096, memoryMb: range(8192, 30720, 1024) },
  { cpuUnits: 8192, memoryMb: range(16384, 61440, 4096) },
  { cpuUnits: 16384, memoryMb: range(32768, 122880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const FARGATE_LIMITS = {
  taskSizes: { value: FARGATE_TASK_SIZES, unit: 'CPU units / MiB', source: 'S27', url: FARGATE_SIZES_URL, confidence: 'high' },
  minEphemeralStorageGb: {
    value: 21,
    unit: 'GiB',
    source: 'S27',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
    confidence: 'high',
  },
  maxEphemeralStorageGb: {
    value: 200,
    unit: 'GiB',
    source: 'S27',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
    confidence: 'high',
  },
  /** A task without `ephemeralStorage` gets this much; it is also what the price includes (only more is billed). */
  defaultEphemeralStorageGb: {
    value: 20,
    unit: 'GiB',
    source: 'S27',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html',
    confidence: 'high',
  },
  networkMode: {
    value: 'awsvpc',
    unit: '',
    source: 'ECS task definition parameters',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode',
    confidence: 'high',
  },
  /** New tasks take 30-60 s to start (image pull, ENI, health checks); no AWS figure exists. [S28] */
  taskStartSeconds: { value: 60, unit: 's', source: 'S28', url: 'https://www.vladionescu.me/posts/scaling-containers-on-aws-in-2022/', confidence: 'medium' },
} satisfies Record<string, Limit<unknown>>;

/** Is this CPU/memory pair a Fargate size? */
export function isFargateSize(cpuUnits: number, memoryMb: number): boolean {
  return FARGATE_TASK_SIZES.some((s) => s.cpuUnits === cpuUnits && s.memoryMb.includes(memoryMb));
}

const gbText = (mb: number) => String(mb / 1024);

/**
 * The Fargate sizes in words, from the table: "0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1 to 4 GB (1 GB steps); ...".
 * The task size rule's docs and `crossover cost` both say it this way.
 */
export function fargateSizesText(): string {
  return FARGATE_TASK_SIZES.map(({ cpuUnits, memoryMb }) => {
    const first = memoryMb[0]!;
    const last = memoryMb[memoryMb.length - 1]!;
    const memory =
      memoryMb.length <= 3
        ? `${memoryMb.slice(0, -1).map(gbText).join(', ')} or ${gbText(last)} GB`
        : `${gbText(first)} to ${gbText(last)} GB (${gbText(memoryMb[1]! - first)} GB steps)`;
    return `${cpuUnits / 1024} vCPU with ${memory}`;
  }).join('; ');
}

/** Is this a /tmp size Lambda accepts (512 to 10,240 MB)? */
export function isLambdaEphemeralStorage(mb: number): boolean {
  return mb >= LAMBDA_LIMITS.minEphemeralStorageMb.value && mb <= LAMBDA_LIMITS.maxEphemeralStorageMb.value;
}

/** Is this an ephemeral storage size a Fargate task definition accepts (21 to 200 GiB; without it a task gets 20)? */
export function isFargateEphemeralStorage(gb: number): boolean {
  return gb >= FARGATE_LIMITS.minEphemeralStorageGb.value && gb <= FARGATE_LIMITS.maxEphemeralStorageGb.value;
}

/**
 * The valid Fargate size nearest to a requested pair: the smallest one with at least the requested CPU
 * and memory (so the task does not shrink); the largest size when nothing is big enough.
 */
export function nearestFargateSize(cpuUnits: number, memoryMb: number): { cpuUnits: number; memoryMb: number } {
  for (const size of FARGATE_TASK_SIZES) {
    if (size.cpuUnits < cpuUnits) continue;
    const memory = size.memoryMb.find((m) => m >= memoryMb);
    if (memory !== undefined) return { cpuUnits: size.cpuUnits, memoryMb: memory };
  }
  const largest = FARGATE_TASK_SIZES[FARGATE_TASK_SIZES.length - 1]!;
  return { cpuUnits: largest.cpuUnits, memoryMb: largest.memoryMb[largest.memoryMb.length - 1]! };
}

/** Fargate Spot: interruptible capacity (facts-2026-11.md; prices.json facts `fargate.spot.availability`). */
export const FARGATE_SPOT_FACTS = {
  /** AWS takes Spot capacity back with a two-minute warning (a SIGTERM and an EventBridge task state change). */
  interruptionNoticeSeconds: {
    value: 120,
    unit: 's',
    source: 'Amazon ECS best practices: Amazon ECS clusters for Fargate ("interrupted with a two-minute warning")',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/ec2-and-fargate-spot.html',
    confidence: 'high',
  },
} satisfies Record<string, Limit>;

/** EKS on Fargate (facts-2026-11.md, "Platforms beyond Lambda and Fargate"). */
export const EKS_FARGATE_FACTS = {
  /** Fargate adds this much memory to each pod for the Kubernetes components (kubelet, kube-proxy, containerd) before picking its size. */
  podOverheadMb: {
    value: 256,
    unit: 'MiB',
    source: 'Amazon EKS user guide: Fargate pod configuration',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html',
    confidence: 'high',
  },
  /** A cluster's control-plane fee is shared by the services that run in it; by default the workload has its own cluster. */
  defaultClustersSharedBy: {
    value: 1,
    unit: 'services per cluster',
    source: 'Crossover default (issue 16: "clusters shared by N services", default 1)',
    url: 'https://aws.amazon.com/eks/pricing/',
    confidence: 'high',
  },
} satisfies Record<string, Limit>;

const APP_RUNNER_INSTANCE_DOCS = 'https://docs.aws.amazon.com/apprunner/latest/api/API_InstanceConfiguration.html';

/**
 * App Runner instance sizes: for each vCPU value, the memory values it accepts (GB). The API's patterns list the values
 * (0.25-4 vCPU, 0.5-12 GB); the pairs are those of the CDK's App Runner Memory class ("1 GB (for 0.25 or 0.5 vCPU)", ...).
 */
export const APP_RUNNER_INSTANCE_SIZES: { vcpu: number; memoryGb: number[] }[] = [
  { vcpu: 0.25, memoryGb: [0.5, 1] },
  { vcpu: 0.5, memoryGb: [1] },
  { vcpu: 1, memoryGb: [2, 3, 4] },
  { vcpu: 2, memoryGb: [4, 6] },
  { vcpu: 4, memoryGb: [8, 10, 12] },
];

/** AWS App Runner: sizes, auto scaling defaults and the service's status (facts-2026-11.md; prices.json facts `appRunner.status`). */
export const APP_RUNNER_FACTS = {
  instanceSizes: {
    value: APP_RUNNER_INSTANCE_SIZES,
    unit: 'vCPU / GB',
    source: 'App Runner API reference: InstanceConfiguration; aws-cdk-lib App Runner Memory (vCPU per memory value)',
    url: APP_RUNNER_INSTANCE_DOCS,
    confidence: 'high',
  },
  /** An instance takes up to this many requests at once before App Runner adds one (MaxConcurrency). */
  defaultConcurrencyPerInstance: {
    value: 100,
    unit: 'concurrent requests',
    source: 'App Runner API reference: CreateAutoScalingConfiguration MaxConcurrency ("Default: 100")',
    url: 'https://docs.aws.amazon.com/apprunner/latest/api/API_CreateAutoScalingConfiguration.html',
    confidence: 'high',
  },
  /** Provisioned instances kept (memory billed) while idle (MinSize). */
  defaultMinInstances: {
    value: 1,
    unit: 'instances',
    source: 'App Runner pricing ("the default is 1 provisioned container instance")',
    url: 'https://aws.amazon.com/apprunner/pricing/',
    confidence: 'high',
  },
  status: {
    value: 'closed to new customers since 2026-04-30; existing customers only',
    unit: 'status',
    source: 'AWS App Runner availability change (S59); aws/apprunner-roadmap PR #284 (S60)',
    url: 'https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html',
    confidence: 'high',
  },
} satisfies Record<string, Limit<unknown>>;

/**
 * The App Runner instance size nearest to a task: the smallest with at least its vCPU and memory; the largest
 * (4 vCPU / 12 GB) when nothing is big enough (`fits` false).
 */
export function nearestAppRunnerSize(vcpu: number, memoryGb: number): { vcpu: number; memoryGb: number; fits: boolean } {
  for (const size of APP_RUNNER_INSTANCE_SIZES) {
    if (size.vcpu < vcpu) continue;
    const memory = size.memoryGb.find((m) => m >= memoryGb);
    if (memory !== undefined) return { vcpu: size.vcpu, memoryGb: memory, fits: true };
  }
  const largest = APP_RUNNER_INSTANCE_SIZES[APP_RUNNER_INSTANCE_SIZES.length - 1]!;
  return { vcpu: largest.vcpu, memoryGb: largest.memoryGb[largest.memoryGb.length - 1]!, fits: false };
}

const SERVERLESS_FUNCTIONS_DOCS = 'https://www.serverless.com/framework/docs/providers/aws/guide/functions';

/** The Serverless Framework's own defaults for AWS functions (they differ from CloudFormation's 128 MB / 3 s). */
export const SERVERLESS_DEFAULTS = {
  memoryMb: { value: 1024, unit: 'MB', source: 'Serverless Framework docs: AWS functions', url: SERVERLESS_FUNCTIONS_DOCS, confidence: 'high' },
  timeoutSeconds: { value: 6, unit: 's', source: 'Serverless Framework docs: AWS functions', url: SERVERLESS_FUNCTIONS_DOCS, confidence: 'high' },
} satisfies Record<string, Limit>;

const CDK_EKS_DOCS = 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.Cluster.html';
const CDK_ECS_DOCS = 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ecs.FargateTaskDefinition.html';

/**
 * What the AWS CDK (aws-cdk-lib v2) fills in when a construct leaves a prop out, where it differs from the service's
 * own default. A Lambda `Function` without `memorySize`, `timeout` or `ephemeralStorageSize` gets Lambda's defaults
 * (LAMBDA_LIMITS: 128 MB, 3 s, 512 MB of /tmp); a queue without `visibilityTimeout` SQS's 30 s (SQS_LIMITS); a Fargate
 * task without `ephemeralStorageGiB` Fargate's 20 GiB (FARGATE_LIMITS). `FargateTaskDefinition` and the
 * ecs-patterns Fargate constructs (ApplicationLoadBalancedFargateService, QueueProcessingFargateService,
 * ScheduledFargateTask) size the task themselves; the generic `TaskDefinition` has no default.
 */
export const CDK_DEFAULTS = {
  fargateCpuUnits: {
    value: 256,
    unit: 'CPU units',
    source: 'aws-cdk-lib API reference: FargateTaskDefinitionProps.cpu',
    url: CDK_ECS_DOCS,
    confidence: 'high',
  },
  fargateMemoryMb: {
    value: 512,
    unit: 'MiB',
    source: 'aws-cdk-lib API reference: FargateTaskDefinitionProps.memoryLimitMiB',
    url: CDK_ECS_DOCS,
    confidence: 'high',
  },
  /** Ec2TaskDefinition / TaskDefinition without Fargate compatibility. */
  ec2NetworkMode: {
    value: 'bridge',
    unit: '',
    source: 'aws-cdk-lib API reference: Ec2TaskDefinitionProps.networkMode (aws-cdk-lib 2.276 ec2-task-definition.js)',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ecs.Ec2TaskDefinition.html',
    confidence: 'high',
  },
  /** eks.Cluster's default capacity: a managed node group `DefaultCapacity` of this many nodes (FargateCluster: none). */
  eksDefaultCapacityNodes: {
    value: 2,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: ClusterProps.defaultCapacity (DEFAULT_CAPACITY_COUNT in aws-eks/lib/cluster.js, 2.276)',
    url: CDK_EKS_DOCS,
    confidence: 'high',
  },
  eksDefaultCapacityInstanceType: {
    value: 'm5.large',
    unit: '',
    source: 'aws-cdk-lib API reference: ClusterProps.defaultCapacityInstance (DEFAULT_CAPACITY_TYPE in aws-eks/lib/cluster.js, 2.276)',
    url: CDK_EKS_DOCS,
    confidence: 'high',
  },
  /** Nodegroup: minSize ?? 1, desiredSize ?? minSize ?? 2, maxSize ?? desiredSize (aws-eks/lib/managed-nodegroup.js, 2.276). */
  eksNodegroupMinSize: {
    value: 1,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: NodegroupOptions.minSize',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.NodegroupOptions.html',
    confidence: 'high',
  },
  eksNodegroupDesiredSize: {
    value: 2,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: NodegroupOptions.desiredSize (minSize when given, else 2)',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.NodegroupOptions.html',
    confidence: 'high',
  },
  /** A managed node group without InstanceTypes: EKS launches t3.medium. */
  eksNodegroupInstanceType: {
    value: 't3.medium',
    unit: '',
    source: 'Amazon EKS API reference, CreateNodegroup instanceTypes: without an instance type (launch template or instanceTypes) t3.medium is used',
    url: 'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html',
    confidence: 'high',
  },
} satisfies Record<string, Limit<unknown>>;

const EKS_NODEGROUP_DOCS = 'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html';
const EXPRESS_DEFAULTS_DOCS = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html';

/**
 * What EKS and ECS Express Mode fill in when a template leaves a property out (AWS::EKS::Nodegroup,
 * AWS::ECS::ExpressGatewayService). The CloudFormation reference states no default for a node group's ScalingConfig:
 * the figures are the aws-cdk-lib Nodegroup's (desiredSize 2, minSize 1, maxSize = desiredSize), which is what a node
 * group without them gets there; hence medium confidence. Express Mode's task size is documented; its task-count
 * bounds are not (Crossover then takes the settings' Fargate bounds, and says so).
 */
export const EKS_EXPRESS_DEFAULTS = {
  nodegroupInstanceType: {
    value: 't3.medium',
    unit: 'instance type',
    source: 'Amazon EKS API reference: CreateNodegroup instanceTypes (t3.medium when not given)',
    url: EKS_NODEGROUP_DOCS,
    confidence: 'high',
  },
  nodegroupDesiredSize: {
    value: 2,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: NodegroupOptions.desiredSize (default 2); the CloudFormation reference states none',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.NodegroupOptions.html',
    confidence: 'medium',
  },
  nodegroupMinSize: {
    value: 1,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: NodegroupOptions.minSize (default 1); the CloudFormation reference states none',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.NodegroupOptions.html',
    confidence: 'medium',
  },
  nodegroupMaxSize: {
    value: 2,
    unit: 'nodes',
    source: 'aws-cdk-lib API reference: NodegroupOptions.maxSize (default: desiredSize, 2); the CloudFormation reference states none',
    url: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_eks.NodegroupOptions.html',
    confidence: 'medium',
  },
  expressCpuUnits: {
    value: 1024,
    unit: 'CPU units',
    source: 'Amazon ECS developer guide: resources created by Express Mode services, task definition defaults (cpu 1024)',
    url: EXPRESS_DEFAULTS_DOCS,
    confidence: 'high',
  },
  expressMemoryMb: {
    value: 2048,
    unit: 'MiB',
    source: 'Amazon ECS developer guide: resources created by Express Mode services, task definition defaults (memory 2048)',
    url: EXPRESS_DEFAULTS_DOCS,
    confidence: 'high',
  },
} satisfies Record<string, Limit<number | string>>;

/** Networking facts the cost model uses (facts-2026-11.md, "Public IPv4" and "NAT gateway"). */
export const NETWORK_FACTS = {
  /** An internet-facing ALB holds a public IPv4 address in each of its Availability Zones, at least two. */
  albPublicAddresses: {
    value: 2,
    unit: 'addresses',
    source: 'AWS public IPv4 pricing (2024-02-01); an ALB spans at least two AZs',
    url: 'https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/',
    confidence: 'high',
  },
  /** Each NAT gateway holds one Elastic IP (a public IPv4 address). */
  natGatewayPublicAddresses: {
    value: 1,
    unit: 'address per NAT gateway',
    source: 'Amazon VPC NAT gateways (a public NAT gateway needs an Elastic IP)',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
    confidence: 'high',
  },
} satisfies Record<string, Limit>;

const ECS_MEMORY_DOCS = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html';
const EKS_AMI_BOOTSTRAP = 'https://github.com/awslabs/amazon-eks-ami/blob/main/files/bootstrap.sh';
const VPC_CNI_MAX_PODS = 'https://github.com/aws/amazon-vpc-cni-k8s/blob/master/misc/eni-max-pods.txt';

/**
 * What an EC2 instance keeps for itself when it runs containers (ECS on EC2, EKS nodes) or Lambda Managed Instances
 * execution environments: the cost model packs tasks, pods and environments onto what is left.
 */
export const EC2_CAPACITY_FACTS = {
  /**
   * Share of an ECS container instance's memory kept from tasks for the OS, the kernel and the ECS agent. The ECS
   * docs show an m4.large (8,192 MiB installed) registering 7,985 MiB before any ECS_RESERVED_MEMORY; AWS's Batch
   * docs (the same ECS agent) recommend reserving a 5% buffer for the agent and critical system processes.
   */
  ecsReservedMemoryShare: {
    value: 0.05,
    unit: 'share of installed memory',
    source: 'Amazon ECS "Reserving Linux container instance memory"; AWS Batch "Reserve system memory" (5% buffer recommended)',
    url: ECS_MEMORY_DOCS,
    confidence: 'medium',
  },
  /** EKS-optimized AMI kube-reserved memory: 11 MiB per pod the node may run, plus this base (MiB). */
  eksKubeReservedMemoryBaseMib: {
    value: 255,
    unit: 'MiB',
    source: 'amazon-eks-ami bootstrap.sh (get_memory_mebibytes_to_reserve)',
    url: EKS_AMI_BOOTSTRAP,
    confidence: 'high',
  },
  eksKubeReservedMemoryPerPodMib: {
    value: 11,
    unit: 'MiB per pod',
    source: 'amazon-eks-ami bootstrap.sh (get_memory_mebibytes_to_reserve)',
    url: EKS_AMI_BOOTSTRAP,
    confidence: 'high',
  },
  /** kubelet's hard eviction threshold (memory.available), kept free on every node. */
  eksEvictionMemoryMib: { value: 100, unit: 'MiB', source: 'kubelet default evictionHard memory.available<100Mi', url: EKS_AMI_BOOTSTRAP, confidence: 'high' },
  /**
   * EKS-optimized AMI kube-reserved CPU, by ranges of the node's cores: 6% of the first core, 1% of the second,
   * 0.5% of cores 3-4, 0.25% of every core above 4 (GKE's ranges, as bootstrap.sh says).
   */
  eksKubeReservedCpuShares: {
    value: [
      { upToCores: 1, share: 0.06 },
      { upToCores: 2, share: 0.01 },
      { upToCores: 4, share: 0.005 },
      { upToCores: Infinity, share: 0.0025 },
    ],
    unit: 'share of each core in the range',
    source: 'amazon-eks-ami bootstrap.sh (get_cpu_millicores_to_reserve)',
    url: EKS_AMI_BOOTSTRAP,
    confidence: 'high',
  },
  /**
   * Pods an EKS node runs with the VPC CNI (no prefix delegation): ENIs x (IPv4 per ENI - 1) + 2, for the catalogue's
   * instance types.
   */
  eksMaxPods: {
    value: {
      'm7g.large': 29,
      'm7g.xlarge': 58,
      'm7i.large': 29,
      'm7i.xlarge': 58,
      'm6i.large': 29,
      'm6i.xlarge': 58,
      'm6g.large': 29,
      'm6g.xlarge': 58,
      'c7g.large': 29,
      'c7g.xlarge': 58,
      'c6i.large': 29,
      'r7g.large': 29,
      't4g.medium': 17,
      't4g.large': 35,
      't3.medium': 17,
      't3.large': 35,
    } as Record<string, number>,
    unit: 'pods per node',
    source: 'aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt',
    url: VPC_CNI_MAX_PODS,
    confidence: 'high',
  },
  /** Lambda Managed Instances: the memory per vCPU a capacity provider may give execution environments (GiB). */
  managedInstancesMemoryGibPerVcpu: {
    value: { min: 2, max: 8 },
    unit: 'GiB per vCPU',
    source: 'Lambda API reference: LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html',
    confidence: 'high',
  },
} satisfies Record<string, Limit<unknown>>;
