// What the static CDK reader does not yet read as aws-cdk-lib synthesizes it, fixture by fixture: each difference
// the ground-truth test (cdk-synth.test.ts) finds, written as it prints it, with its cause. A fixture not listed
// must equal synthesis exactly. Fixing a cause removes its entries here; a new difference is a regression.

/** Why static reading differs from synthesis (the causes of issue 18). */
export type Cause =
  | 'fargate-default-size' // CDK writes 256 CPU / 512 MiB for a Fargate task definition or pattern without them
  | 'pattern-given-task-definition' // a pattern given an existing taskDefinition gets an invented <Pattern>/TaskDef
  | 'nodejs-runtime-default' // NODEJS_LATEST, or a NodejsFunction without runtime (cdk.json feature flags decide)
  | 'computed-id' // a construct id that is not a string literal is dropped
  | 'construct-instances' // a custom construct class instantiated several times (or per stage) is read once
  | 'props-through-construct' // a value passed through a custom construct's props is not followed
  | 'loop-over-configs' // constructs created in a loop over an array of configs
  | 'helper-function-props' // props returned by a helper function of the app
  | 'context-value' // a value read from the cdk.json context with this.node.tryGetContext
  | 'not-read'; // a construct or pattern the reader does not read at all

export const KNOWN_SHORTFALLS: Record<string, [difference: string, cause: Cause][]> = {
  // DefaultTask: FargateTaskDefinition without props
  '05-fargate.ts': [['contradicted error: ecs/fargate-task-size on DefaultTask (synthesized 256 CPU / 512 MiB)', 'fargate-default-size']],
  // Nlb: NetworkLoadBalancedFargateService without cpu/memory
  '19-ecs-on-ec2.ts': [['contradicted error: ecs/fargate-task-size on Nlb/TaskDef (synthesized 256 CPU / 512 MiB)', 'fargate-default-size']],
  // QueueWorker used three times: its Handler is read once, without the props
  '25-construct-library.ts': [
    ['invented: function Handler', 'construct-instances'],
    ['missed: Fixture/Orders/Handler/Resource', 'construct-instances'],
    ['missed: Fixture/Payments/Handler/Resource', 'construct-instances'],
    ['missed: Fixture/Invoices/Handler/Resource', 'construct-instances'],
  ],
  // ApiStack instantiated per stage in a loop over a config map
  '26-stage-stacks.ts': [
    ['invented: function Handler', 'construct-instances'],
    ['missed: Dev/Handler/Resource', 'construct-instances'],
    ['missed: Prod/Handler/Resource', 'construct-instances'],
    ['missed: Staging/Handler/Resource', 'construct-instances'],
  ],
  // for...of over a const array, and forEach over an array literal: nothing is read
  '27-config-loop.ts': [
    ['missed: Fixture/Thumbnails/Resource', 'loop-over-configs'],
    ['missed: Fixture/Watermark/Resource', 'loop-over-configs'],
    ['missed: Fixture/Exif/Resource', 'loop-over-configs'],
    ['missed: Fixture/Resize/Resource', 'loop-over-configs'],
    ['missed: Fixture/Crop/Resource', 'loop-over-configs'],
  ],
  // ...pythonDefaults(1024): the helper's returned props are not read
  '28-helper-props.ts': [
    ['Ingest memoryMb: read 128, synthesized 1024', 'helper-function-props'],
    ['Ingest timeoutSeconds: read 3, synthesized 30', 'helper-function-props'],
    ['Ingest runtime: read undefined, synthesized "python3.13"', 'helper-function-props'],
    ['Ingest architecture: read "x86_64", synthesized "arm64"', 'helper-function-props'],
    ['Transform memoryMb: read 128, synthesized 3008', 'helper-function-props'],
    ['Transform runtime: read undefined, synthesized "python3.13"', 'helper-function-props'],
    ['Transform architecture: read "x86_64", synthesized "arm64"', 'helper-function-props'],
  ],
  // `${SERVICE}Api`, SERVICE + 'Export', and props.functionId inside a construct class: dropped
  '29-computed-ids.ts': [
    ['missed: Fixture/BillingApi/Resource', 'computed-id'],
    ['missed: Fixture/BillingExport/Resource', 'computed-id'],
    ['missed: Fixture/Reminders/Sender/Resource', 'computed-id'],
  ],
  // NODEJS_LATEST is reported as nodejs_latest; NodejsFunction without runtime and without the cdk.json flag is nodejs16.x
  '50-nodejs-function.ts': [
    ['ListOrders runtime: read "nodejs_latest", synthesized "nodejs24.x"', 'nodejs-runtime-default'],
    ['Legacy runtime: read undefined, synthesized "nodejs16.x"', 'nodejs-runtime-default'],
  ],
  // cdk.json sets @aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion: NodejsFunction without runtime is NODEJS_LATEST (nodejs24.x in aws-cdk-lib 2.276)
  '51-nodejs-cdk-json': [['Checkout runtime: read undefined, synthesized "nodejs24.x"', 'nodejs-runtime-default']],
  // FargateTaskDefinition with props but no size; patterns without cpu/memory, with cpu only, with memory only
  '52-fargate-defaults.ts': [
    ['contradicted error: ecs/fargate-task-size on ReportsTask (synthesized 256 CPU / 512 MiB)', 'fargate-default-size'],
    ['contradicted error: ecs/fargate-task-size on Storefront/TaskDef (synthesized 256 CPU / 512 MiB)', 'fargate-default-size'],
    ['contradicted error: ecs/fargate-task-size on Search/TaskDef (synthesized 256 CPU / 2048 MiB)', 'fargate-default-size'],
    ['contradicted error: ecs/fargate-task-size on Mailer/QueueProcessingTaskDef (synthesized 256 CPU / 512 MiB)', 'fargate-default-size'],
    ['contradicted error: ecs/fargate-task-size on Cleanup/ScheduledTaskDef (synthesized 256 CPU / 512 MiB)', 'fargate-default-size'],
  ],
  // ALB and NLB Fargate patterns given taskDefinition
  '53-pattern-given-task-definition.ts': [
    ['invented: task definition Web/TaskDef', 'pattern-given-task-definition'],
    ['invented: task definition Grpc/TaskDef', 'pattern-given-task-definition'],
    ['Web taskDefinition: read undefined, synthesized "WebTask51ED7374"', 'pattern-given-task-definition'],
    ['Grpc taskDefinition: read undefined, synthesized "GrpcTask7B039742"', 'pattern-given-task-definition'],
  ],
  // Ledger: NetworkLoadBalancedFargateService without cpu/memory
  '55-nlb-patterns.ts': [['contradicted error: ecs/fargate-task-size on Ledger/TaskDef (synthesized 256 CPU / 512 MiB)', 'fargate-default-size']],
  // ScheduledEc2Task is not read
  '57-scheduled-tasks.ts': [['missed: Fixture/Reindex/ScheduledTaskDef/Resource', 'not-read']],
  // CrudResource (x2) creating ApiHandler (x2): four functions read as one
  '59-nested-constructs.ts': [
    ['invented: function Function', 'construct-instances'],
    ['missed: Fixture/Customers/Read/Function/Resource', 'construct-instances'],
    ['missed: Fixture/Customers/Write/Function/Resource', 'construct-instances'],
    ['missed: Fixture/Products/Read/Function/Resource', 'construct-instances'],
    ['missed: Fixture/Products/Write/Function/Resource', 'construct-instances'],
  ],
  // Microservice used twice: one TaskDef and one Service read, without the props
  '60-fargate-service-construct.ts': [
    ['invented: task definition TaskDef', 'construct-instances'],
    ['invented: service Service', 'construct-instances'],
    ['missed: Fixture/Inventory/TaskDef/Resource', 'construct-instances'],
    ['missed: Fixture/Inventory/Service/Service', 'construct-instances'],
    ['missed: Fixture/Pricing/TaskDef/Resource', 'construct-instances'],
    ['missed: Fixture/Pricing/Service/Service', 'construct-instances'],
  ],
  // a Stage class with two stacks, deployed as Beta and Prod
  '61-stage-class.ts': [
    ['invented: function Worker', 'construct-instances'],
    ['invented: task definition Task', 'construct-instances'],
    ['invented: service Service', 'construct-instances'],
    ['missed: Beta/Api/Task/Resource', 'construct-instances'],
    ['missed: Beta/Api/Service/Service', 'construct-instances'],
    ['missed: Beta/Workers/Worker/Resource', 'construct-instances'],
    ['missed: Prod/Api/Task/Resource', 'construct-instances'],
    ['missed: Prod/Api/Service/Service', 'construct-instances'],
    ['missed: Prod/Workers/Worker/Resource', 'construct-instances'],
  ],
  // QueueConsumer imported from ./shared/queue-worker and used twice
  '62-imported-construct.ts': [
    ['missed: Fixture/Notifications/Consumer/Resource', 'construct-instances'],
    ['missed: Fixture/Webhooks/Consumer/Resource', 'construct-instances'],
  ],
  // SERVICES.map and forEach creating tasks and services with template-literal ids
  '63-map-over-configs.ts': [
    ['missed: Fixture/CatalogTask/Resource', 'loop-over-configs'],
    ['missed: Fixture/CartTask/Resource', 'loop-over-configs'],
    ['missed: Fixture/CatalogService/Service', 'loop-over-configs'],
    ['missed: Fixture/CartService/Service', 'loop-over-configs'],
  ],
  // tryGetContext('stage') and tryGetContext('sizes')[stage] from cdk.json; tryGetContext('apiTimeoutSeconds') ?? 10
  '66-context-sizes': [
    ['Api memoryMb: read undefined, synthesized 1024', 'context-value'],
    ['Api timeoutSeconds: read undefined, synthesized 10', 'context-value'],
    ['WorkerTask cpu: read undefined, synthesized 1024', 'context-value'],
    ['WorkerTask memory: read undefined, synthesized 3072', 'context-value'],
  ],
};
