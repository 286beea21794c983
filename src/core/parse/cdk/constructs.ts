/**
 * CDK constructs -> model, whatever language the app is written in. The TypeScript and Python readers
 * (typescript-app.ts, python-app.ts) turn their syntax trees into the views below (a construct call with
 * its props, a method call on a variable); this builder knows the constructs: which props matter, the
 * defaults CDK applies, and how constructs refer to each other (a queue behind an event source, a function
 * behind an alias or an integration, a database behind a proxy).
 *
 * Prop keys are the TypeScript (camelCase) names; the Python view maps them to snake_case.
 */
import { CDK_DEFAULTS, FARGATE_LIMITS, LAMBDA_LIMITS, SQS_LIMITS } from '../../data/limits.js';
import { defaultField, type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import {
  type ApiGateway,
  type ConstructInstance,
  type Architecture,
  type Database,
  type DbProxy,
  type EcsContainer,
  type EcsService,
  type EcsTaskDefinition,
  type EksCluster,
  type EksFargateProfile,
  type EksNodegroup,
  type EventSource,
  type LambdaFunction,
  type ModelNode,
  type SqsQueue,
} from '../../model/nodes.js';
import { emptyModel, type TemplateModel } from '../../model/template.js';
import { type ParsedTemplate } from '../cloudformation/types.js';
import { type CdkAppContext, nodejsFunctionDefaultRuntime, nodejsLatestRuntime, readAppContext } from './app-context.js';

export type Value = number | string | boolean;
export type Evaluated = { value: Value; via?: string } | { unresolved: string };

/** The CDK module a class comes from, without the version prefix: `aws-lambda`, `aws-sqs`, `core`, ... */
export interface ClassRef {
  module: string;
  name: string;
}

/**
 * A variable holding a construct, and the members read from it: `queue` -> {key: 'queue'},
 * `this.db.instanceEndpoint.hostname` -> {key: '@db', members: ['instanceEndpoint', 'hostname']}
 * (`this.x` and `self.x` are both `@x`).
 */
export interface Reference {
  key: string;
  members: string[];
}

/** An argument of a call: what the builder needs of it. */
export interface ArgView {
  loc: SourceLocation;
  reference?: Reference;
  /** A string literal (construct ids, alias names). */
  text?: string;
  /** A constructor call (`new SqsEventSource(queue)` / `SqsEventSource(queue)`). */
  call?: CallView;
}

/** `new X(args)` in TypeScript, `X(args)` in Python, or a static member `X.y(args)` / `X.Y`. */
export interface CallView {
  cls: ClassRef | undefined;
  /** For static members: `postgres` of `DatabaseInstanceEngine.postgres(...)`, `FARGATE` of `Compatibility.FARGATE`. */
  member?: string;
  loc: SourceLocation;
  args: ArgView[];
}

/** A construct's props (a TypeScript object literal after spreads; Python keyword arguments). */
export interface PropsView {
  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T): Field<T>;
  has(key: string): boolean;
  keyLoc(key: string): SourceLocation | undefined;
  /** The prop's value when it is a variable (or a member of one). */
  reference(key: string): Reference | undefined;
  /** Every variable reference inside the prop's value (the values of `environment`), with where it is. */
  references(key: string): { reference: Reference; loc: SourceLocation }[];
  /** The prop's value as a nested props object (an object literal; in Python a dict or an options call). */
  nested(key: string): PropsView | undefined;
  /** The prop's value as a call or a static member. */
  call(key: string): CallView | undefined;
  /** The calls in the prop's array value (`events: [new SqsEventSource(queue)]`). */
  calls(key: string): CallView[];
  /** The props objects in the prop's array value (`capacityProviderStrategies: [{ capacityProvider: ..., weight: 1 }]`). */
  list(key: string): PropsView[];
  /** The prop's array value, element by element, as fields (`instanceTypes: [new InstanceType('m7g.large')]`). */
  fields<T>(key: string, convert: (value: Value) => T | undefined): Field<T>[];
}

interface ConstructCall {
  cls: ClassRef;
  loc: SourceLocation;
  args: ArgView[];
  /** The props argument (the third argument of a construct; for integrations, none). */
  props: PropsView;
  /** What the construct is assigned to: `const fn = ...` -> 'fn', `this.fn = ...` -> '@fn'. */
  variable?: string;
  /** The node's id when the reader works it out (a path below the stack, a computed id); else the id argument's text. */
  id?: string;
  /** The custom construct instance the construct belongs to. */
  instance?: ConstructInstance;
  /** What static reading cannot know about the node as a whole. */
  unresolved?: string[];
}

interface MethodCall {
  receiver: Reference;
  method: string;
  loc: SourceLocation;
  args: ArgView[];
  /** The call's props argument (the last object / the keyword arguments), if any. */
  props: PropsView | undefined;
  /** What the call's result is assigned to (`const proxy = db.addProxy(...)`). */
  variable?: string;
}

/** The size CDK's Fargate constructs give a task that does not set one. */
const CDK_FARGATE_SIZE = { fargate: true, cpu: CDK_DEFAULTS.fargateCpuUnits.value, memory: CDK_DEFAULTS.fargateMemoryMb.value };
/** An EC2 task definition: no task-level size (Ec2TaskDefinition has no cpu / memory props), bridge networking. */
const CDK_EC2_TASK = { fargate: false, compatibilities: ['EC2'] };

/** The ECS-on-EC2 patterns: their task definition is an Ec2TaskDefinition `<id>/TaskDef` with one container. */
const EC2_PATTERNS = new Set(['aws-ecs-patterns.ApplicationLoadBalancedEc2Service', 'aws-ecs-patterns.NetworkLoadBalancedEc2Service']);

const LAMBDA_CLASSES = new Set([
  'aws-lambda.Function',
  'aws-lambda.DockerImageFunction',
  'aws-lambda.SingletonFunction',
  'aws-lambda-nodejs.NodejsFunction',
  'aws-lambda-python.PythonFunction',
  'aws-lambda-python-alpha.PythonFunction',
  'aws-lambda-go-alpha.GoFunction',
]);

/** Members of a database / proxy construct and the CloudFormation attribute they stand for. */
const CONNECTION_MEMBERS: Record<string, string> = {
  dbInstanceEndpointAddress: 'Endpoint.Address',
  dbInstanceEndpointPort: 'Endpoint.Port',
  instanceEndpoint: 'Endpoint.Address',
  clusterEndpoint: 'Endpoint.Address',
  clusterReadEndpoint: 'ReadEndpoint.Address',
  // The generated secret holds the host and the credentials: reading it means connecting.
  secret: 'MasterUserSecret.Arn',
  endpoint: 'Endpoint',
};

/** `DatabaseInstanceEngine.postgres(...)` / `DatabaseClusterEngine.auroraPostgres(...)` -> the engine name. */
const ENGINES: Record<string, string> = {
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
  aurora: 'aurora',
  auroraMysql: 'aurora-mysql',
  auroraPostgres: 'aurora-postgresql',
  AURORA: 'aurora',
  AURORA_MYSQL: 'aurora-mysql',
  AURORA_POSTGRESQL: 'aurora-postgresql',
  POSTGRES: 'postgres',
  MYSQL: 'mysql',
  MARIADB: 'mariadb',
};

/** The methods of constructs the model reads (`CdkModelBuilder.method`, one case each). */
const CONSTRUCT_METHOD_NAMES = [
  'addEventSource',
  'addAlias',
  'addContainer',
  'addCapacity',
  'addAsgCapacityProvider',
  'addNodegroupCapacity',
  'addFargateProfile',
  'addProxy',
] as const;
type ConstructMethod = (typeof CONSTRUCT_METHOD_NAMES)[number];

/**
 * The same as a set: a reader need not look at the arguments of any other call (`Duration.seconds(30)`,
 * `lambda.Code.fromAsset('dist')`) as a construct's method call.
 */
export const CONSTRUCT_METHODS: ReadonlySet<string> = new Set(CONSTRUCT_METHOD_NAMES);

type Base = { id: string; type: string; loc: SourceLocation; ignoredRules: string[]; instance?: ConstructInstance; unresolved?: string[] };

interface PendingEvent {
  /** The function variable, or the function itself (`events: [...]` in its own props). */
  fn: string | LambdaFunction;
  event: EventSource;
  queue?: string;
}

export class CdkModelBuilder {
  private readonly model: TemplateModel;
  /** Variable key -> the construct id it holds. */
  private readonly variables = new Map<string, string>();
  /** Version variable -> the function variable it versions. */
  private readonly versions = new Map<string, string>();
  private readonly pendingEvents: PendingEvent[] = [];
  private readonly pendingProvisioned: { fn: string | LambdaFunction; field: Field<number> }[] = [];
  private readonly pendingLinks: { fn: LambdaFunction; reference: Reference; loc: SourceLocation }[] = [];
  private readonly pendingTargets: { proxy: DbProxy; reference: Reference }[] = [];
  /** Containers added to a task definition variable (`task.addContainer('app', {...})`). */
  private readonly pendingContainers: { task: string; container: EcsContainer }[] = [];
  /** ECS on EC2: the instance types an ECS cluster's capacity launches (`addCapacity`, `addAsgCapacityProvider`). */
  private readonly clusterCapacity = new Map<string, Field<string>[]>();
  private readonly clusterProviders: { cluster: string; provider: string }[] = [];
  /** Auto Scaling group variable -> its instance type; capacity provider variable -> its group variable. */
  private readonly groups = new Map<string, Field<string>>();
  private readonly providers = new Map<string, string>();
  /** Services on EC2 whose instance type comes from their cluster's capacity or their capacity provider strategy. */
  private readonly pendingCapacity: { service: EcsService; cluster?: string; providers: string[] }[] = [];

  /** The app's aws-cdk-lib version and cdk.json context, read when a default first needs them. */
  private app: CdkAppContext | undefined;
  /** Set by `runtime()` when the function's runtime rests on an assumed aws-cdk-lib version (said on the node). */
  private runtimeAssumed: string | undefined;

  constructor(
    uri: string,
    private readonly appContext: () => CdkAppContext = () => readAppContext(undefined, 'typescript'),
  ) {
    this.model = emptyModel(uri, 'cdk');
  }

  private appDefaults(): CdkAppContext {
    this.app ??= this.appContext();
    return this.app;
  }

  /**
   * A function's runtime as synthesis writes it: `Runtime.NODEJS_LATEST` is the runtime of the app's aws-cdk-lib version,
   * and a `NodejsFunction` without `runtime` gets the default its feature flag and version give (`via` says which).
   */
  private runtimeOnce(cls: ClassRef, props: PropsView): Field<string> {
    this.runtimeAssumed = undefined;
    return this.runtime(cls, props);
  }

  private runtime(cls: ClassRef, props: PropsView): Field<string> {
    const field = props.field('runtime', asRuntime);
    const defaulted = !props.has('runtime') && cls.module === 'aws-lambda-nodejs' && cls.name === 'NodejsFunction';
    if ((field.value === 'nodejs_latest' || defaulted) && !this.appDefaults().cdk.known)
      this.runtimeAssumed = `its runtime depends on the aws-cdk-lib version, which is not pinned near this file (${this.appDefaults().cdk.how})`;
    if (field.value === 'nodejs_latest') {
      const { runtime, via } = nodejsLatestRuntime(this.appDefaults());
      return runtime === undefined ? { ...field, value: undefined, unresolved: via } : { ...field, value: runtime, via };
    }
    if (defaulted) {
      const { runtime, via } = nodejsFunctionDefaultRuntime(this.appDefaults());
      return runtime === undefined ? { value: undefined, origin: 'default', unresolved: via } : { value: runtime, origin: 'default', via };
    }
    return field;
  }

  construct(call: ConstructCall): void {
    const { cls, props } = call;
    const key = `${cls.module}.${cls.name}`;
    // Integrations take the function, not a scope and id: `new LambdaIntegration(fn)`, `new HttpLambdaIntegration('Id', fn)`.
    if (key === 'aws-apigateway.LambdaIntegration' || /^aws-apigatewayv2-integrations(-alpha)?\.HttpLambdaIntegration$/.test(key)) {
      const rest = key === 'aws-apigateway.LambdaIntegration';
      const fn = call.args[rest ? 0 : 1]?.reference;
      if (fn && fn.members.length === 0)
        this.pendingEvents.push({
          fn: fn.key,
          event: { name: cls.name, kind: rest ? 'api' : 'http-api', sourceType: cls.name, invocation: 'sync', loc: call.loc },
        });
      return;
    }
    const id = call.id ?? call.args[1]?.text;
    if (id === undefined) return;
    const base: Base = {
      id,
      type: key,
      loc: call.loc,
      ignoredRules: [],
      ...(call.instance ? { instance: call.instance } : {}),
      ...(call.unresolved ? { unresolved: call.unresolved } : {}),
    };
    if (call.variable) this.variables.set(call.variable, id);

    if (LAMBDA_CLASSES.has(key)) this.lambdaFunction(base, cls, props);
    else if (key === 'aws-lambda.Alias' || key === 'aws-lambda.Version') {
      // `new Alias(this, 'Live', {version: fn.currentVersion, provisionedConcurrentExecutions: 5})`,
      // `new Version(this, 'V', {lambda: fn, provisionedConcurrentExecutions: 5})`.
      const target = props.reference(key === 'aws-lambda.Alias' ? 'version' : 'lambda');
      const fn = target ? this.functionOf(target) : undefined;
      if (key === 'aws-lambda.Version' && fn && call.variable) this.versions.set(call.variable, fn);
      if (fn) this.provisioned(fn, props);
    } else if (key === 'aws-sqs.Queue') {
      const queue: SqsQueue = {
        ...base,
        kind: 'sqs-queue',
        visibilityTimeoutSeconds: props.field('visibilityTimeout', asSeconds, SQS_LIMITS.defaultVisibilityTimeoutSeconds.value),
        fifo: props.field('fifo', asBoolean, false).value === true,
      };
      this.model.queues.push(queue);
    } else if (key === 'aws-apigateway.LambdaRestApi') {
      const api: ApiGateway = { ...base, kind: 'api-gateway', protocol: 'REST', implicit: false, endpointType: defaultField('EDGE') };
      this.model.apis.push(api);
      const handler = props.reference('handler');
      if (handler && handler.members.length === 0)
        this.pendingEvents.push({
          fn: handler.key,
          event: { name: id, kind: 'api', sourceType: 'LambdaRestApi', invocation: 'sync', loc: call.loc, targetId: id },
        });
    } else if (
      key === 'aws-rds.DatabaseInstance' ||
      key === 'aws-rds.DatabaseInstanceFromSnapshot' ||
      key === 'aws-rds.DatabaseCluster' ||
      key === 'aws-rds.ServerlessCluster' ||
      key === 'aws-rds.DatabaseClusterFromSnapshot'
    ) {
      this.database(base, cls, props);
    } else if (key === 'aws-rds.DatabaseProxy') {
      // `proxyTarget: ProxyTarget.fromInstance(db)` / `fromCluster(cluster)`.
      this.proxy(base, props.call('proxyTarget')?.args[0]?.reference);
    } else if (key === 'aws-ecs.FargateTaskDefinition') {
      this.model.taskDefinitions.push(taskDefinition(base, props, 'memoryLimitMiB', CDK_FARGATE_SIZE));
    } else if (key === 'aws-ecs.Ec2TaskDefinition') {
      this.model.taskDefinitions.push(taskDefinition(base, props, 'memoryMiB', CDK_EC2_TASK));
    } else if (key === 'aws-ecs.TaskDefinition') {
      // `compatibility: Compatibility.FARGATE | EC2_AND_FARGATE | EC2`; cpu / memoryMiB are strings, with no default.
      const compatibility = props.call('compatibility')?.member ?? '';
      this.model.taskDefinitions.push(
        taskDefinition(base, props, 'memoryMiB', {
          fargate: /FARGATE/.test(compatibility),
          compatibilities: compatibility.split('_AND_').filter((c) => c !== ''),
        }),
      );
    } else if (key === 'aws-ecs.ContainerDefinition') {
      // `new ContainerDefinition(this, 'App', { taskDefinition: task, memoryLimitMiB: 512, ... })`.
      const task = props.reference('taskDefinition');
      if (task && task.members.length === 0) this.pendingContainers.push({ task: task.key, container: container(id, call.loc, props) });
    } else if (key === 'aws-ecs.FargateService' || key === 'aws-ecs.Ec2Service') {
      const task = props.reference('taskDefinition');
      this.model.services.push(this.service(base, props, task ? this.variables.get(task.key) : undefined, 0, key === 'aws-ecs.Ec2Service'));
    } else if (
      key === 'aws-ecs-patterns.ApplicationLoadBalancedFargateService' ||
      key === 'aws-ecs-patterns.NetworkLoadBalancedFargateService' ||
      key === 'aws-ecs-patterns.QueueProcessingFargateService'
    ) {
      // The patterns take cpu / memoryLimitMiB at the top level and name their task definition so (a FargateTaskDefinition:
      // 256 / 512 when not given); given a `taskDefinition`, they use it and create none.
      const queue = key.endsWith('QueueProcessingFargateService');
      let taskId = this.givenTask(props);
      if (!props.has('taskDefinition')) {
        taskId = `${id}/${queue ? 'QueueProcessingTaskDef' : 'TaskDef'}`;
        this.model.taskDefinitions.push(taskDefinition({ ...base, id: taskId }, props, 'memoryLimitMiB', CDK_FARGATE_SIZE));
      }
      this.model.services.push(this.service(base, props, taskId, queue ? 0 : 1, false));
    } else if (key === 'aws-ecs-patterns.QueueProcessingEc2Service') {
      // An Ec2TaskDefinition `<id>/QueueProcessingTaskDef` (always: this pattern takes no task definition) with one container
      // (`containerName`, default `QueueProcessingContainer`) sized by the pattern's props, and an Ec2Service without load balancer.
      const taskId = `${id}/QueueProcessingTaskDef`;
      const task = taskDefinition({ ...base, id: taskId }, NO_PROPS, 'memoryMiB', CDK_EC2_TASK);
      task.family = props.field('family', asString).value;
      task.containers.push(container(props.field('containerName', asString).value ?? 'QueueProcessingContainer', call.loc, props));
      this.model.taskDefinitions.push(task);
      this.model.services.push(this.service(base, props, taskId, 0, true));
    } else if (key === 'aws-ecs-patterns.ScheduledEc2Task') {
      // `scheduledEc2TaskImageOptions`: an Ec2TaskDefinition `<id>/ScheduledTaskDef` with one container (`ScheduledContainer`);
      // `scheduledEc2TaskDefinitionOptions`: the task definition given. No service.
      const options = props.nested('scheduledEc2TaskImageOptions');
      if (options) {
        const task = taskDefinition({ ...base, id: `${id}/ScheduledTaskDef` }, NO_PROPS, 'memoryMiB', CDK_EC2_TASK);
        task.containers.push(container(options.field('containerName', asString).value ?? 'ScheduledContainer', call.loc, options));
        this.model.taskDefinitions.push(task);
      }
    } else if (EC2_PATTERNS.has(key)) {
      // An Ec2TaskDefinition `<id>/TaskDef` with one container (`taskImageOptions.containerName`, default `web`) sized by the
      // pattern's cpu / memoryLimitMiB / memoryReservationMiB; or the task definition it is given.
      let taskId = this.givenTask(props);
      if (!props.has('taskDefinition')) {
        taskId = `${id}/TaskDef`;
        // The pattern's cpu / memory props size its container, not the task (which has no task-level size).
        const task = taskDefinition({ ...base, id: taskId }, NO_PROPS, 'memoryMiB', CDK_EC2_TASK);
        task.family = props.nested('taskImageOptions')?.field('family', asString).value;
        const name = props.nested('taskImageOptions')?.field('containerName', asString).value ?? 'web';
        task.containers.push(container(name, call.loc, props));
        this.model.taskDefinitions.push(task);
      }
      this.model.services.push(this.service(base, props, taskId, 1, true));
    } else if (key === 'aws-ecs.Cluster') {
      // `new Cluster(this, 'C', { capacity: {...} })` is `addCapacity('DefaultAutoScalingGroup', {...})`.
      const capacity = props.nested('capacity');
      if (capacity && call.variable) this.addCapacity(call.variable, capacity);
    } else if (key === 'aws-autoscaling.AutoScalingGroup') {
      if (call.variable && props.has('instanceType')) this.groups.set(call.variable, props.field('instanceType', asString));
    } else if (key === 'aws-ecs.AsgCapacityProvider') {
      const group = props.reference('autoScalingGroup');
      if (call.variable && group && group.members.length === 0) this.providers.set(call.variable, group.key);
    } else if (key === 'aws-eks.Cluster' || key === 'aws-eks.FargateCluster') {
      this.eksCluster(base, props, key === 'aws-eks.FargateCluster');
    } else if (key === 'aws-eks.Nodegroup') {
      const cluster = props.reference('cluster');
      this.nodegroup({ ...base }, props, cluster && cluster.members.length === 0 ? this.variables.get(cluster.key) : undefined);
    } else if (key === 'aws-eks.FargateProfile') {
      const cluster = props.reference('cluster');
      this.fargateProfile(base, cluster && cluster.members.length === 0 ? this.variables.get(cluster.key) : undefined);
    } else if (key === 'aws-ecs-patterns.ScheduledFargateTask') {
      // A scheduled task has no service. With `scheduledFargateTaskImageOptions` it creates a FargateTaskDefinition
      // `<id>/ScheduledTaskDef` sized by those options (cpu / memoryLimitMiB at the top level are ignored, with a warning);
      // with `scheduledFargateTaskDefinitionOptions` it runs the task definition given and creates none.
      if (!props.has('scheduledFargateTaskImageOptions')) return;
      const taskBase = { ...base, id: `${id}/ScheduledTaskDef` };
      const options = props.nested('scheduledFargateTaskImageOptions');
      const task = taskDefinition(taskBase, options ?? NO_PROPS, 'memoryLimitMiB', CDK_FARGATE_SIZE);
      if (!options) {
        // Options that are not written here (a variable, a helper's result): the size they give is not known.
        const at = props.keyLoc('scheduledFargateTaskImageOptions') ?? call.loc;
        const unresolved = 'scheduledFargateTaskImageOptions is not an object literal here, so its cpu and memoryLimitMiB are not known statically';
        task.cpuUnits = { value: undefined, origin: 'explicit', at, unresolved };
        task.memoryMb = { value: undefined, origin: 'explicit', at, unresolved };
      }
      this.model.taskDefinitions.push(task);
    }
  }

  /** `fn.addEventSource(new SqsEventSource(queue))`, `fn.addAlias('live', {...})`, `db.addProxy('Proxy', {...})`. */
  method(call: MethodCall): void {
    if (call.receiver.members.length > 0 || !CONSTRUCT_METHODS.has(call.method)) return;
    const receiver = call.receiver.key;
    const method = call.method as ConstructMethod;
    switch (method) {
      case 'addEventSource': {
        const source = call.args[0]?.call;
        if (source?.cls?.name === 'SqsEventSource') this.sqsEvent(receiver, source);
        return;
      }
      case 'addAlias':
        if (call.props) this.provisioned(receiver, call.props);
        return;
      case 'addContainer': {
        const name = call.args[0]?.text;
        if (name !== undefined) this.pendingContainers.push({ task: receiver, container: container(name, call.loc, call.props ?? NO_PROPS) });
        return;
      }
      case 'addCapacity':
        if (call.props) this.addCapacity(receiver, call.props);
        return;
      case 'addAsgCapacityProvider': {
        const provider = call.args[0]?.reference;
        if (provider && provider.members.length === 0) this.clusterProviders.push({ cluster: receiver, provider: provider.key });
        return;
      }
      case 'addNodegroupCapacity':
      case 'addFargateProfile': {
        // Created inside the cluster: `<cluster>/Nodegroup<id>`, `<cluster>/fargate-profile-<id>`.
        const cluster = this.variables.get(receiver);
        const id = call.args[0]?.text;
        if (cluster === undefined || id === undefined || !this.model.eksClusters.some((c) => c.id === cluster)) return;
        const base: Base = { id: '', type: '', loc: call.loc, ignoredRules: [] };
        if (method === 'addNodegroupCapacity')
          this.nodegroup({ ...base, id: `${cluster}/Nodegroup${id}`, type: 'aws-eks.Nodegroup' }, call.props ?? NO_PROPS, cluster);
        else this.fargateProfile({ ...base, id: `${cluster}/fargate-profile-${id}`, type: 'aws-eks.FargateProfile' }, cluster);
        return;
      }
      case 'addProxy': {
        const owner = this.variables.get(receiver);
        const id = call.args[0]?.text;
        if (owner === undefined || id === undefined) return;
        // The proxy is created inside the database construct: its path is `<db>/<id>`.
        if (call.variable) this.variables.set(call.variable, `${owner}/${id}`);
        this.proxy({ id: `${owner}/${id}`, type: 'aws-rds.DatabaseProxy', loc: call.loc, ignoredRules: [] }, { key: receiver, members: [] });
        return;
      }
      default: {
        // Every method of CONSTRUCT_METHODS has its case (the compiler checks it).
        const unhandled: never = method;
        return unhandled;
      }
    }
  }

  finish(): ParsedTemplate | undefined {
    for (const pending of this.pendingEvents) {
      const fn = this.functionNamed(pending.fn);
      if (!fn) continue;
      if (pending.queue) {
        const queueId = this.variables.get(pending.queue);
        if (queueId) pending.event.targetId = queueId;
      }
      fn.events.push(pending.event);
    }
    for (const { fn: variable, field } of this.pendingProvisioned) {
      const fn = this.functionNamed(variable);
      if (!fn) continue;
      // Several aliases each keep their own environments warm: they add up.
      const before = fn.provisionedConcurrency;
      fn.provisionedConcurrency =
        before?.value !== undefined && field.value !== undefined ? { ...before, value: before.value + field.value } : (before ?? field);
    }
    for (const { proxy, reference } of this.pendingTargets) {
      const target = this.variables.get(reference.key);
      if (target) proxy.targetIds.push(target);
    }
    for (const { task: variable, container } of this.pendingContainers) {
      const id = this.variables.get(variable);
      this.model.taskDefinitions.find((t) => t.id === id)?.containers.push(container);
    }
    this.resolveCapacity();
    for (const list of [
      this.model.functions,
      this.model.queues,
      this.model.apis,
      this.model.databases,
      this.model.dbProxies,
      this.model.taskDefinitions,
      this.model.services,
      this.model.eksClusters,
      this.model.eksNodegroups,
      this.model.eksFargateProfiles,
    ] as ModelNode[][]) {
      for (const node of list) this.model.byId.set(node.id, node);
    }
    for (const { fn, reference, loc } of this.pendingLinks) {
      const target = this.variables.get(reference.key);
      const node = target ? this.model.byId.get(target) : undefined;
      if (!node || (node.kind !== 'rds-instance' && node.kind !== 'rds-cluster' && node.kind !== 'rds-proxy')) continue;
      const member = reference.members[0];
      fn.links.push({
        targetId: node.id,
        attribute: member === undefined ? undefined : ((Object.hasOwn(CONNECTION_MEMBERS, member) ? CONNECTION_MEMBERS[member] : undefined) ?? member),
        at: loc,
      });
    }
    if (this.model.byId.size === 0) return undefined;
    return { model: this.model, problems: [] };
  }

  /** The id of the task definition a pattern is given (`taskDefinition: task`), when it is a construct of this file. */
  private givenTask(props: PropsView): string | undefined {
    const given = props.reference('taskDefinition');
    return given && given.members.length === 0 ? this.variables.get(given.key) : undefined;
  }

  /** An ECS service; on EC2 (Ec2Service or an EC2 pattern), its capacity is looked up when the file is read. */
  private service(base: Base, props: PropsView, taskId: string | undefined, loadBalancers: number, ec2: boolean): EcsService {
    const node = service(base, props, taskId, loadBalancers);
    // Given a task definition that is not a construct of this file (a parameter, another file's, a helper's result).
    if (props.has('taskDefinition') && taskId === undefined)
      node.unresolved = ['its taskDefinition is not a task definition construct of this file, so the size of its tasks is not known'];
    // `capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }]` (or 'FARGATE_SPOT').
    const strategies = props.list('capacityProviderStrategies');
    const providers = strategies.flatMap((s) => {
      const reference = s.reference('capacityProvider');
      return reference ? [reference.key] : [];
    });
    const names = strategies.map((s) => s.field('capacityProvider', asString).value);
    if (ec2) {
      const at = props.keyLoc('capacityProviderStrategies');
      node.launchType =
        at && strategies.length > 0 ? { value: names.some((n) => n?.startsWith('FARGATE')) ? 'FARGATE' : 'EC2', origin: 'explicit', at } : defaultField('EC2');
      const cluster = props.reference('cluster');
      this.pendingCapacity.push({ service: node, ...(cluster && cluster.members.length === 0 ? { cluster: cluster.key } : {}), providers });
    }
    return node;
  }

  /** `cluster.addCapacity('Id', { instanceType: new InstanceType('m7g.large'), ... })`. */
  private addCapacity(cluster: string, props: PropsView): void {
    if (!props.has('instanceType')) return;
    const list = this.clusterCapacity.get(cluster) ?? [];
    list.push(props.field('instanceType', asString));
    this.clusterCapacity.set(cluster, list);
  }

  /**
   * The instance type of each service on EC2: its strategy's first capacity provider with a known Auto Scaling group,
   * or, without a strategy, the only capacity source of its cluster (with two or more, ECS's placement decides: not guessed).
   */
  private resolveCapacity(): void {
    for (const { cluster, provider } of this.clusterProviders) {
      const group = this.providers.get(provider);
      const type = group === undefined ? undefined : this.groups.get(group);
      const list = this.clusterCapacity.get(cluster) ?? [];
      // A provider whose group is not known still counts as a source (so a second one is not taken for the only one).
      list.push(type ?? { value: undefined, origin: 'default' });
      this.clusterCapacity.set(cluster, list);
    }
    for (const { service, cluster, providers } of this.pendingCapacity) {
      if (service.launchType.value !== 'EC2') continue;
      let type: Field<string> | undefined;
      if (providers.length > 0) {
        for (const provider of providers) {
          const group = this.providers.get(provider);
          type = group === undefined ? undefined : this.groups.get(group);
          if (type) break;
        }
      } else if (cluster !== undefined) {
        const sources = this.clusterCapacity.get(cluster) ?? [];
        if (sources.length === 1) type = sources[0];
      }
      if (type && (type.value !== undefined || type.unresolved !== undefined)) service.instanceType = type;
    }
  }

  /** `eks.Cluster` (its default capacity: a node group of 2 x m5.large unless `defaultCapacity: 0`) and `eks.FargateCluster`. */
  private eksCluster(base: Base, props: PropsView, fargate: boolean): void {
    const cluster: EksCluster = { ...base, kind: 'eks-cluster' };
    if (props.has('version')) cluster.version = props.field('version', asString);
    this.model.eksClusters.push(cluster);
    if (fargate) {
      // FargateCluster: no EC2 capacity; a default profile `fargate-profile-default` (or the name given in `defaultProfile`).
      const profile = props.nested('defaultProfile');
      const name = profile ? (profile.field('fargateProfileName', asString).value ?? 'custom') : 'default';
      this.fargateProfile({ ...base, id: `${base.id}/fargate-profile-${name}`, type: 'aws-eks.FargateProfile' }, base.id);
      return;
    }
    const count = props.field('defaultCapacity', asNumber, CDK_DEFAULTS.eksDefaultCapacityNodes.value);
    // `defaultCapacityType: DefaultCapacityType.EC2` makes a self-managed Auto Scaling group instead of a managed node group.
    if (count.value === 0 || props.call('defaultCapacityType')?.member === 'EC2') return;
    const instanceType = props.field('defaultCapacityInstance', asString, CDK_DEFAULTS.eksDefaultCapacityInstanceType.value);
    this.model.eksNodegroups.push(
      nodegroupNode({ ...base, id: `${base.id}/NodegroupDefaultCapacity`, type: 'aws-eks.Nodegroup' }, base.id, instanceType, count, count, count, undefined),
    );
  }

  /** `cluster.addNodegroupCapacity('Id', {...})` / `new eks.Nodegroup(...)`, with CDK's defaults for the sizes. */
  private nodegroup(base: Base, props: PropsView, clusterId: string | undefined): void {
    const types = props.fields('instanceTypes', asString);
    const instanceType =
      types[0] ?? (props.has('instanceType') ? props.field('instanceType', asString) : defaultField<string>(CDK_DEFAULTS.eksNodegroupInstanceType.value));
    const min = props.field('minSize', asNumber, CDK_DEFAULTS.eksNodegroupMinSize.value);
    // desiredSize ?? minSize ?? 2; maxSize ?? desiredSize.
    const desired = props.has('desiredSize')
      ? props.field('desiredSize', asNumber)
      : props.has('minSize')
        ? { ...min, origin: 'default' as const }
        : defaultField(CDK_DEFAULTS.eksNodegroupDesiredSize.value);
    const max = props.has('maxSize') ? props.field('maxSize', asNumber) : { ...desired, origin: 'default' as const };
    const amiType = props.has('amiType') ? props.field('amiType', asString) : undefined;
    this.model.eksNodegroups.push(nodegroupNode(base, clusterId, instanceType, desired, min, max, amiType));
  }

  private fargateProfile(base: Base, clusterId: string | undefined): void {
    const profile: EksFargateProfile = { ...base, kind: 'eks-fargate-profile', clusterId };
    this.model.eksFargateProfiles.push(profile);
  }

  private lambdaFunction(base: Base, cls: ClassRef, props: PropsView): void {
    const fn: LambdaFunction = {
      ...base,
      kind: 'lambda-function',
      name: props.field('functionName', asString).value ?? base.id,
      memoryMb: props.field('memorySize', asNumber, LAMBDA_LIMITS.defaultMemoryMb.value),
      timeoutSeconds: props.field('timeout', asSeconds, LAMBDA_LIMITS.defaultTimeoutSeconds.value),
      runtime: this.runtimeOnce(cls, props),
      architecture: props.field('architecture', asArchitecture, 'x86_64'),
      ephemeralStorageMb: props.field('ephemeralStorageSize', asMegabytes, LAMBDA_LIMITS.minEphemeralStorageMb.value),
      packageType: defaultField(cls.name === 'DockerImageFunction' ? 'Image' : 'Zip'),
      handler: props.field('handler', asString),
      snapStart: defaultField('None'),
      layers: 0,
      events: [],
      links: [],
    };
    if (props.has('reservedConcurrentExecutions')) fn.reservedConcurrency = props.field('reservedConcurrentExecutions', asNumber);
    if (props.has('vpc')) fn.vpc = { at: props.keyLoc('vpc')!, origin: 'explicit', attached: true };
    for (const { reference, loc } of props.references('environment')) this.pendingLinks.push({ fn, reference, loc });
    for (const event of props.calls('events')) {
      if (event.cls?.name === 'SqsEventSource') this.sqsEvent(fn, event);
    }
    // Provisioned concurrency of the version that `fn.currentVersion` creates.
    const versionOptions = props.nested('currentVersionOptions');
    if (versionOptions) this.provisioned(fn, versionOptions);
    if (this.runtimeAssumed) fn.unresolved = [...(fn.unresolved ?? []), this.runtimeAssumed];
    this.model.functions.push(fn);
  }

  private database(base: Base, cls: ClassRef, props: PropsView): void {
    const cluster = cls.name !== 'DatabaseInstance' && cls.name !== 'DatabaseInstanceFromSnapshot';
    const engine = props.call('engine');
    const name = engine?.member ? ((Object.hasOwn(ENGINES, engine.member) ? ENGINES[engine.member] : undefined) ?? engine.member.toLowerCase()) : undefined;
    const at = props.keyLoc('engine');
    const db: Database = {
      ...base,
      kind: cluster ? 'rds-cluster' : 'rds-instance',
      engine:
        name === undefined
          ? at
            ? { value: undefined, origin: 'explicit', at, unresolved: 'the engine is not known statically' }
            : defaultField<string>(undefined)
          : { value: name, origin: 'explicit', at: at! },
      dataApi: props.field('enableDataApi', asBoolean, false).value === true,
      // Aurora Serverless v1 (ServerlessCluster) or v2 (serverlessV2 capacities, ClusterInstance.serverlessV2 writer).
      serverless:
        cls.name === 'ServerlessCluster' ||
        props.has('serverlessV2MinCapacity') ||
        props.has('serverlessV2MaxCapacity') ||
        props.call('writer')?.member === 'serverlessV2',
    };
    this.model.databases.push(db);
  }

  private proxy(base: Base, target: Reference | undefined): void {
    const proxy: DbProxy = { ...base, kind: 'rds-proxy', targetIds: [], endpointIds: [] };
    this.model.dbProxies.push(proxy);
    if (target) this.pendingTargets.push({ proxy, reference: target });
  }

  private sqsEvent(fn: string | LambdaFunction, source: CallView): void {
    const queue = source.args[0]?.reference;
    this.pendingEvents.push({
      fn,
      event: { name: source.cls?.name ?? 'SqsEventSource', kind: 'sqs', sourceType: 'SqsEventSource', invocation: 'poll', loc: source.loc },
      ...(queue && queue.members.length === 0 ? { queue: queue.key } : {}),
    });
  }

  private provisioned(fn: string | LambdaFunction, props: PropsView): void {
    if (!props.has('provisionedConcurrentExecutions')) return;
    this.pendingProvisioned.push({ fn, field: props.field('provisionedConcurrentExecutions', asNumber) });
  }

  /** The function variable a version reference stands for: `fn.currentVersion`, `fn.latestVersion`, or a Version. */
  private functionOf(reference: Reference): string | undefined {
    if (reference.members.length === 0) return this.versions.get(reference.key) ?? reference.key;
    return reference.members[0] === 'currentVersion' || reference.members[0] === 'latestVersion' ? reference.key : undefined;
  }

  private functionNamed(variable: string | LambdaFunction): LambdaFunction | undefined {
    if (typeof variable !== 'string') return variable;
    const id = this.variables.get(variable);
    return id === undefined ? undefined : this.model.functions.find((f) => f.id === id);
  }
}

function taskDefinition(
  base: Base,
  props: PropsView,
  memoryKey: string,
  options: { fargate: boolean; cpu?: number; memory?: number; compatibilities?: string[] },
): EcsTaskDefinition {
  return {
    ...base,
    kind: 'ecs-task-definition',
    family: props.field('family', asString).value,
    // CDK's Fargate defaults (CDK_DEFAULTS; the generic TaskDefinition has none).
    cpuUnits: props.field('cpu', asNumber, options.cpu),
    memoryMb: props.field(memoryKey, asNumber, options.memory),
    architecture: defaultField('x86_64'),
    compatibilities: options.compatibilities ?? ['FARGATE'],
    fargate: options.fargate,
    networkMode: props.field('networkMode', asString, options.fargate ? FARGATE_LIMITS.networkMode.value : CDK_DEFAULTS.ec2NetworkMode.value),
    ephemeralStorageGb: props.field('ephemeralStorageGiB', asNumber, options.fargate ? FARGATE_LIMITS.defaultEphemeralStorageGb.value : undefined),
    containers: [],
  };
}

/** A container from `addContainer` / `ContainerDefinition` / an EC2 pattern's top-level sizes. */
function container(name: string, loc: SourceLocation, props: PropsView): EcsContainer {
  const node: EcsContainer = { name, loc, healthCheck: props.has('healthCheck'), essential: props.field('essential', asBoolean, true).value ?? true };
  if (props.has('memoryLimitMiB')) node.memoryMb = props.field('memoryLimitMiB', asNumber);
  if (props.has('memoryReservationMiB')) node.memoryReservationMb = props.field('memoryReservationMiB', asNumber);
  if (props.has('cpu')) node.cpuUnits = props.field('cpu', asNumber);
  if (props.has('gpuCount')) node.gpu = props.keyLoc('gpuCount');
  return node;
}

/** Graviton families (`m7g`, `c6gn`, `r8gd`, `im4gn`, `a1`) run arm64. */
const ARM_FAMILY = /^(a1|[a-z]+\d+g[a-z]*)\./;
/** GPU and accelerator families (`g5`, `p4d`, `inf2`, `trn1`). */
const GPU_FAMILY = /^(g\d|p\d|inf\d|trn\d|dl\d)/;

function nodegroupNode(
  base: Base,
  clusterId: string | undefined,
  instanceType: Field<string>,
  desiredSize: Field<number>,
  minSize: Field<number>,
  maxSize: Field<number>,
  amiType: Field<string> | undefined,
): EksNodegroup {
  const ami = amiType?.value?.toUpperCase();
  const type = instanceType.value;
  // The AMI type says the architecture when given (CDK otherwise picks it from the instance type).
  const arm = ami !== undefined ? /ARM/.test(ami) : type !== undefined && ARM_FAMILY.test(type);
  const value: Architecture = arm ? 'arm64' : 'x86_64';
  const from = ami !== undefined ? amiType! : instanceType;
  // Located where the AMI type or instance type that decides it is written (never rewritten there: `via`).
  const architecture: Field<Architecture> =
    from.origin === 'explicit' && from.at
      ? { value, origin: 'explicit', at: from.at, via: `${ami !== undefined ? 'AMI type' : 'instance type'} ${from.value ?? ''}`.trim() }
      : defaultField(value);
  return {
    ...base,
    kind: 'eks-nodegroup',
    clusterId,
    instanceType,
    desiredSize,
    minSize,
    maxSize,
    architecture,
    gpu: (ami !== undefined && /GPU|NVIDIA|NEURON/.test(ami)) || (type !== undefined && GPU_FAMILY.test(type)),
  };
}

/** Props of a call that has none. */
const NO_PROPS: PropsView = {
  field: <T>(_key: string, _convert: (value: Value) => T | undefined, fallback?: T): Field<T> => ({ value: fallback, origin: 'default' }),
  has: () => false,
  keyLoc: () => undefined,
  reference: () => undefined,
  references: () => [],
  nested: () => undefined,
  call: () => undefined,
  calls: () => [],
  list: () => [],
  fields: () => [],
};

function service(base: Base, props: PropsView, taskId: string | undefined, loadBalancers: number): EcsService {
  return {
    ...base,
    kind: 'ecs-service',
    taskDefinitionId: taskId,
    launchType: defaultField('FARGATE'),
    desiredCount: props.field('desiredCount', asNumber, 1),
    loadBalancers,
    circuitBreaker: props.has('circuitBreaker'),
    scalingPolicies: [],
  };
}

/** `aws-cdk-lib/aws-lambda` -> `aws-lambda`; `aws-cdk-lib` and `@aws-cdk/core` -> `core`. */
export function cdkModule(specifier: string): string | undefined {
  if (specifier === 'aws-cdk-lib' || specifier === '@aws-cdk/core') return 'core';
  const v2 = /^aws-cdk-lib\/([a-z0-9-]+)$/.exec(specifier);
  if (v2) return v2[1];
  const v1 = /^@aws-cdk\/([a-z0-9-]+)$/.exec(specifier);
  return v1?.[1];
}

/** `Duration.minutes(5)` -> "300 s"; `Size.gibibytes(2)` -> "2048 MiB" (strings the converters read); else undefined. */
export function unitValue(owner: string | undefined, method: string, argument: number): string | undefined {
  if (owner === 'Duration') {
    const factor: Record<string, number> = { millis: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };
    if (Object.hasOwn(factor, method)) return `${argument * factor[method]!} s`;
  }
  if (owner === 'Size') {
    const factor: Record<string, number> = { kibibytes: 1 / 1024, mebibytes: 1, gibibytes: 1024, tebibytes: 1024 * 1024 };
    if (Object.hasOwn(factor, method)) return `${argument * factor[method]!} MiB`;
  }
  return undefined;
}

/** `Runtime.NODEJS_20_X`, `Architecture.ARM_64` -> their CloudFormation values; else undefined. */
export function memberValue(owner: string | undefined, member: string): string | undefined {
  if (owner === 'Runtime') return runtimeName(member);
  if (owner === 'Architecture') return member === 'ARM_64' ? 'arm64' : 'x86_64';
  // `InstanceClass.M7G` -> m7g (the long aliases, `STANDARD7_GRAVITON`, map through a table of aws-cdk-lib: not known here).
  if (owner === 'InstanceClass') return /^[A-Z]+\d+[A-Z]*$/.test(member) ? member.toLowerCase() : undefined;
  if (owner === 'InstanceSize') {
    const match = /^XLARGE(\d+)(METAL)?$/.exec(member);
    if (match) return match[2] ? `metal-${match[1]}xl` : `${match[1]}xlarge`;
    return /^[A-Z]+$/.test(member) ? member.toLowerCase() : undefined;
  }
  if (owner === 'KubernetesVersion') {
    const match = /^V(\d+)_(\d+)$/.exec(member);
    return match ? `${match[1]}.${match[2]}` : undefined;
  }
  if (owner === 'NetworkMode') {
    const modes: Record<string, string> = { AWS_VPC: 'awsvpc', BRIDGE: 'bridge', HOST: 'host', NONE: 'none', NAT: 'nat' };
    return Object.hasOwn(modes, member) ? modes[member] : undefined;
  }
  // `NodegroupAmiType.AL2_ARM_64`: the value is the name, but for the x86 ones (`AL2_X86_64` -> `AL2_x86_64`).
  if (owner === 'NodegroupAmiType') return member.replace(/X86_64/, 'x86_64');
  return undefined;
}

/**
 * `new InstanceType('m7g.large')` (method undefined), `InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE)` and
 * `KubernetesVersion.of('1.33')` -> their values, from the evaluated arguments; else undefined.
 */
export function callValue(owner: string | undefined, method: string | undefined, args: Evaluated[]): Evaluated | undefined {
  const [first, second] = args.map((a) => ('value' in a ? a.value : undefined));
  const failed = args.find((a) => 'unresolved' in a);
  if (owner === 'InstanceType' && method === undefined) return failed ?? (typeof first === 'string' ? { value: first } : undefined);
  if (owner === 'InstanceType' && method === 'of')
    return failed ?? (typeof first === 'string' && typeof second === 'string' ? { value: `${first}.${second}` } : undefined);
  if (owner === 'KubernetesVersion' && method === 'of') return failed ?? (typeof first === 'string' ? { value: first } : undefined);
  return undefined;
}

/** `NODEJS_20_X` -> `nodejs20.x`, `PYTHON_3_12` -> `python3.12`, `JAVA_21` -> `java21`, `PROVIDED_AL2023` -> `provided.al2023`. */
export function runtimeName(member: string): string {
  const m = member.toLowerCase();
  let match = /^nodejs_(\d+)_x$/.exec(m);
  if (match) return `nodejs${match[1]}.x`;
  match = /^python_(\d+)_(\d+)$/.exec(m);
  if (match) return `python${match[1]}.${match[2]}`;
  match = /^(java|dotnet|go)_?(\d+)(?:_x)?$/.exec(m);
  if (match) return `${match[1]}${match[2]}${match[1] === 'go' ? '.x' : ''}`;
  match = /^ruby_(\d+)_(\d+)$/.exec(m);
  if (match) return `ruby${match[1]}.${match[2]}`;
  match = /^provided_(al\d+)$/.exec(m);
  if (match) return `provided.${match[1]}`;
  if (m === 'provided') return 'provided';
  return m;
}

/** Source text shortened for messages. */
export const short = (text: string) => (text.length > 50 ? text.slice(0, 47) + '...' : text).replace(/\s+/g, ' ');

/** A dotted name (`lambda.Runtime.PYTHON_3_9`): no call, no space, no comment. */
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

/**
 * A prop's field from its evaluated value. `text`: the value's source; `inPlace`: `at` is where that source is
 * written (not an anchor for a value from another file).
 */
export function fieldOf<T>(
  evaluated: Evaluated,
  convert: (value: Value) => T | undefined,
  at: SourceLocation,
  keyAt: SourceLocation,
  text: string,
  inPlace = false,
): Field<T> {
  if ('unresolved' in evaluated) return { value: undefined, origin: 'explicit', at, keyAt, unresolved: evaluated.unresolved };
  const value = convert(evaluated.value);
  if (value === undefined) return { value: undefined, origin: 'explicit', at, keyAt, unresolved: `${short(text)} is not a valid value here` };
  // A static member written right here (its evaluation is its own text), so its text may be rewritten at `at`.
  const written = inPlace && evaluated.via === text && DOTTED_NAME.test(text) ? { written: text } : {};
  return { value, origin: 'explicit', at, keyAt, ...(evaluated.via ? { via: evaluated.via } : {}), ...written };
}

/** Numbers (and numeric strings: ECS cpu / memory are strings in CDK's TaskDefinition). */
const asNumber = (v: Value): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
  // A literal too large for a double (1e309) is not a number to compute with; the message quotes the source.
  return n !== undefined && Number.isFinite(n) ? n : undefined;
};
const asString = (v: Value): string | undefined => (typeof v === 'string' ? v : undefined);
const asBoolean = (v: Value): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const asSeconds = (v: Value): number | undefined => (typeof v === 'string' && / s$/.test(v) ? Number(v.slice(0, -2)) : undefined);
const asMegabytes = (v: Value): number | undefined => (typeof v === 'string' && / MiB$/.test(v) ? Number(v.slice(0, -4)) : undefined);
const asRuntime = (v: Value): string | undefined => (typeof v === 'string' && /^[a-z]/.test(v) ? v : undefined);
const asArchitecture = (v: Value): 'x86_64' | 'arm64' | undefined => (v === 'arm64' || v === 'x86_64' ? v : undefined);
