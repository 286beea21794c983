/**
 * Who invokes each function, and how: SAM `Events` (plus `FunctionUrlConfig`), and the CloudFormation
 * resources that wire a function to a source (event source mappings, URLs, API methods and integrations,
 * target groups, subscriptions, rules, bucket notifications, OpenAPI bodies).
 */
import { type Field } from '../../model/field.js';
import { type PathSegment } from '../../model/location.js';
import { type ApiGateway, type EventSource, type EventSourceKind, type InvocationMode, type LambdaFunction } from '../../model/nodes.js';
import { get, getEntry, isMap, isSeq, singleKey, stringValue, type TreeNode } from '../document/tree.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { PropertyView } from './properties.js';
import { endpointTypeField } from './resources.js';
import { implicitApiLayers, type SamGlobals } from './globals.js';
import { type Resolver } from './intrinsics.js';
import { getAttTarget } from './references.js';
import { toNumber } from './values.js';

interface SamEventType {
  kind: EventSourceKind;
  invocation: InvocationMode;
  /** The property that names the source resource, when there is one. */
  target?: string;
}

const SAM_EVENTS: Record<string, SamEventType> = {
  Api: { kind: 'api', invocation: 'sync', target: 'RestApiId' },
  HttpApi: { kind: 'http-api', invocation: 'sync', target: 'ApiId' },
  SQS: { kind: 'sqs', invocation: 'poll', target: 'Queue' },
  SNS: { kind: 'sns', invocation: 'async', target: 'Topic' },
  S3: { kind: 's3', invocation: 'async', target: 'Bucket' },
  Schedule: { kind: 'schedule', invocation: 'async' },
  ScheduleV2: { kind: 'schedule', invocation: 'async' },
  Kinesis: { kind: 'kinesis', invocation: 'poll', target: 'Stream' },
  DynamoDB: { kind: 'dynamodb', invocation: 'poll', target: 'Stream' },
  EventBridgeRule: { kind: 'eventbridge', invocation: 'async' },
  CloudWatchEvent: { kind: 'eventbridge', invocation: 'async' },
  CloudWatchLogs: { kind: 'other', invocation: 'async' },
  IoTRule: { kind: 'other', invocation: 'async' },
  AlexaSkill: { kind: 'other', invocation: 'sync' },
  Cognito: { kind: 'other', invocation: 'sync' },
  MQ: { kind: 'mq', invocation: 'poll', target: 'Broker' },
  MSK: { kind: 'msk', invocation: 'poll', target: 'Stream' },
  SelfManagedKafka: { kind: 'kafka', invocation: 'poll' },
  DocumentDB: { kind: 'documentdb', invocation: 'poll', target: 'Cluster' },
};

/** Adds an event to the function a value names (a Ref, GetAtt, ARN or name), if it names one of the template. */
type AddEvent = (fnNode: TreeNode | undefined, fnPath: PathSegment[], event: Omit<EventSource, 'loc' | 'name'>) => void;

export class EventWiring {
  private readonly functions = new Map<string, LambdaFunction>();
  readonly implicitApis = new Map<string, ApiGateway>();

  constructor(
    private readonly ctx: BuildContext,
    private readonly resolver: Resolver,
    functions: LambdaFunction[],
    private readonly apis: Map<string, ApiGateway>,
    private readonly globals: SamGlobals,
  ) {
    for (const fn of functions) this.functions.set(fn.id, fn);
  }

  /** SAM `Events` and `FunctionUrlConfig` of one function. */
  samEvents(fn: LambdaFunction, resource: ResourceEntry, view: PropertyView): void {
    const events = get(resource.properties, 'Events');
    const base: PathSegment[] = ['Resources', resource.id, 'Properties', 'Events'];
    if (isMap(events)) {
      for (const entry of events.entries) {
        const type = stringValue(get(entry.value, 'Type'));
        const spec = type && Object.hasOwn(SAM_EVENTS, type) ? SAM_EVENTS[type] : undefined;
        if (!type || !spec) continue;
        const path = [...base, entry.key];
        const properties = get(entry.value, 'Properties');
        const event: EventSource = { name: entry.key, kind: spec.kind, sourceType: type, invocation: spec.invocation, loc: this.ctx.loc(entry.keyNode, path) };
        const targetNode = spec.target ? get(properties, spec.target) : undefined;
        // Resolving reports references to names the template does not declare.
        if (targetNode) this.resolver.resolve(targetNode, [...path, 'Properties', spec.target!]);
        let targetId = this.targetOf(targetNode);
        if (!targetId && spec.target && (type === 'Api' || type === 'HttpApi') && !getEntry(properties, spec.target)) {
          targetId = this.implicitApi(type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi', event).id;
        }
        if (targetId) event.targetId = targetId;
        const timeout = getEntry(properties, 'TimeoutInMillis');
        if (timeout && (type === 'Api' || type === 'HttpApi')) {
          event.integrationTimeoutMs = new PropertyView(this.ctx, this.resolver, [
            { node: properties, path: [...path, 'Properties'], origin: 'explicit' },
          ]).field('TimeoutInMillis', toNumber);
        }
        fn.events.push(event);
      }
    }
    const url = view.find('FunctionUrlConfig');
    if (url)
      fn.events.push({
        name: 'FunctionUrl',
        kind: 'function-url',
        sourceType: 'FunctionUrlConfig',
        invocation: 'sync',
        loc: this.ctx.loc(url.entry.keyNode, url.path),
      });
  }

  /** CloudFormation resources that connect sources to functions. */
  wireResources(): void {
    for (const resource of this.ctx.resources.values()) this.wireResource(resource);
  }

  /** The events one resource gives the functions it names. */
  private wireResource(resource: ResourceEntry): void {
    const props = resource.properties;
    const path: PathSegment[] = ['Resources', resource.id, 'Properties'];
    const add: AddEvent = (fnNode, fnPath, event) => {
      const fn = this.functionOf(fnNode, fnPath);
      if (fn) fn.events.push({ name: resource.id, loc: this.ctx.loc(resource.keyNode, ['Resources', resource.id]), ...event });
    };
    switch (resource.type) {
      case 'AWS::Lambda::EventSourceMapping': {
        const source = this.mappingSource(props);
        add(get(props, 'FunctionName'), [...path, 'FunctionName'], { sourceType: resource.type, invocation: 'poll', ...source });
        break;
      }
      case 'AWS::Lambda::Url':
        add(get(props, 'TargetFunctionArn'), [...path, 'TargetFunctionArn'], { kind: 'function-url', sourceType: resource.type, invocation: 'sync' });
        break;
      case 'AWS::ApiGateway::Method':
        this.wireApiMethod(resource, path, add);
        break;
      case 'AWS::ApiGatewayV2::Integration':
        this.wireApiV2Integration(resource, path, add);
        break;
      case 'AWS::ElasticLoadBalancingV2::TargetGroup': {
        if (stringValue(get(props, 'TargetType'))?.toLowerCase() !== 'lambda') break;
        const targets = get(props, 'Targets');
        if (isSeq(targets))
          targets.items.forEach((t, i) => add(get(t, 'Id'), [...path, 'Targets', i, 'Id'], { kind: 'alb', sourceType: resource.type, invocation: 'sync' }));
        break;
      }
      case 'AWS::SNS::Subscription':
      case 'AWS::SNS::Topic':
        this.wireSns(resource, path, add);
        break;
      case 'AWS::Events::Rule': {
        const targets = get(props, 'Targets');
        const kind: EventSourceKind = getEntry(props, 'ScheduleExpression') ? 'schedule' : 'eventbridge';
        if (isSeq(targets))
          targets.items.forEach((t, i) => add(get(t, 'Arn'), [...path, 'Targets', i, 'Arn'], { kind, sourceType: resource.type, invocation: 'async' }));
        break;
      }
      case 'AWS::S3::Bucket': {
        const configs = get(get(props, 'NotificationConfiguration'), 'LambdaConfigurations');
        if (isSeq(configs)) {
          configs.items.forEach((c, i) =>
            add(get(c, 'Function'), [...path, 'NotificationConfiguration', 'LambdaConfigurations', i, 'Function'], {
              kind: 's3',
              sourceType: resource.type,
              invocation: 'async',
              targetId: resource.id,
            }),
          );
        }
        break;
      }
      case 'AWS::Serverless::Api':
      case 'AWS::ApiGateway::RestApi':
      case 'AWS::Serverless::HttpApi':
      case 'AWS::ApiGatewayV2::Api':
        this.openApiIntegrations(resource);
        break;
      default:
        break;
    }
  }

  /** A REST API method whose integration invokes a function. */
  private wireApiMethod(resource: ResourceEntry, path: PathSegment[], add: AddEvent): void {
    const props = resource.properties;
    const integration = get(props, 'Integration');
    const apiId = this.targetOf(get(props, 'RestApiId'));
    add(get(integration, 'Uri'), [...path, 'Integration', 'Uri'], {
      kind: 'api',
      sourceType: resource.type,
      invocation: 'sync',
      ...(apiId ? { targetId: apiId } : {}),
      ...this.timeoutField(integration, [...path, 'Integration']),
    });
  }

  /** An HTTP or WebSocket API integration that invokes a function. */
  private wireApiV2Integration(resource: ResourceEntry, path: PathSegment[], add: AddEvent): void {
    const props = resource.properties;
    const apiId = this.targetOf(get(props, 'ApiId'));
    const api = apiId ? this.apis.get(apiId) : undefined;
    add(get(props, 'IntegrationUri'), [...path, 'IntegrationUri'], {
      kind: api?.protocol === 'WEBSOCKET' ? 'websocket' : 'http-api',
      sourceType: resource.type,
      invocation: 'sync',
      ...(apiId ? { targetId: apiId } : {}),
      ...this.timeoutField(props, path),
    });
  }

  /** Lambda subscriptions to SNS topics: a subscription resource, or a topic's own `Subscription` list. */
  private wireSns(resource: ResourceEntry, path: PathSegment[], add: AddEvent): void {
    const props = resource.properties;
    if (resource.type === 'AWS::SNS::Subscription') {
      if (stringValue(get(props, 'Protocol'))?.toLowerCase() !== 'lambda') return;
      const topic = this.targetOf(get(props, 'TopicArn'));
      add(get(props, 'Endpoint'), [...path, 'Endpoint'], {
        kind: 'sns',
        sourceType: resource.type,
        invocation: 'async',
        ...(topic ? { targetId: topic } : {}),
      });
      return;
    }
    const subscriptions = get(props, 'Subscription');
    if (!isSeq(subscriptions)) return;
    subscriptions.items.forEach((s, i) => {
      if (stringValue(get(s, 'Protocol'))?.toLowerCase() === 'lambda') {
        add(get(s, 'Endpoint'), [...path, 'Subscription', i, 'Endpoint'], {
          kind: 'sns',
          sourceType: resource.type,
          invocation: 'async',
          targetId: resource.id,
        });
      }
    });
  }

  /** Provisioned concurrency configured on AWS::Lambda::Alias / AWS::Lambda::Version resources. */
  provisionedConcurrency(): void {
    for (const resource of this.ctx.resources.values()) {
      if (resource.type !== 'AWS::Lambda::Alias' && resource.type !== 'AWS::Lambda::Version') continue;
      const path: PathSegment[] = ['Resources', resource.id, 'Properties'];
      const fn = this.functionOf(get(resource.properties, 'FunctionName'), [...path, 'FunctionName']);
      const config = new PropertyView(this.ctx, this.resolver, [
        { node: get(resource.properties, 'ProvisionedConcurrencyConfig'), path: [...path, 'ProvisionedConcurrencyConfig'], origin: 'explicit' },
      ]);
      const found = config.find('ProvisionedConcurrentExecutions');
      if (fn && found && !fn.provisionedConcurrency) fn.provisionedConcurrency = config.fieldOf(found, toNumber);
    }
  }

  private openApiIntegrations(resource: ResourceEntry): void {
    const api = this.apis.get(resource.id);
    if (!api) return;
    const bodyKey = getEntry(resource.properties, 'DefinitionBody') ? 'DefinitionBody' : 'Body';
    const paths = get(get(resource.properties, bodyKey), 'paths');
    if (!isMap(paths)) return;
    const kind: EventSourceKind = api.protocol === 'REST' ? 'api' : api.protocol === 'WEBSOCKET' ? 'websocket' : 'http-api';
    for (const route of paths.entries) {
      if (!isMap(route.value)) continue;
      for (const method of route.value.entries) {
        const integration = getEntry(method.value, 'x-amazon-apigateway-integration');
        if (!integration) continue;
        const path: PathSegment[] = ['Resources', resource.id, 'Properties', bodyKey, 'paths', route.key, method.key, 'x-amazon-apigateway-integration'];
        const fn = this.functionOf(get(integration.value, 'uri'), [...path, 'uri']);
        if (!fn) continue;
        const timeout = getEntry(integration.value, 'timeoutInMillis');
        fn.events.push({
          name: `${method.key.toUpperCase()} ${route.key}`,
          kind,
          sourceType: `${resource.type} (OpenAPI)`,
          invocation: 'sync',
          loc: this.ctx.loc(integration.keyNode, path),
          targetId: resource.id,
          ...(timeout
            ? {
                integrationTimeoutMs: new PropertyView(this.ctx, this.resolver, [{ node: integration.value, path, origin: 'explicit' }]).field(
                  'timeoutInMillis',
                  toNumber,
                ),
              }
            : {}),
        });
      }
    }
  }

  private timeoutField(node: TreeNode | undefined, path: PathSegment[]): { integrationTimeoutMs?: Field<number> } {
    if (!getEntry(node, 'TimeoutInMillis')) return {};
    return { integrationTimeoutMs: new PropertyView(this.ctx, this.resolver, [{ node, path, origin: 'explicit' }]).field('TimeoutInMillis', toNumber) };
  }

  private mappingSource(props: TreeNode | undefined): { kind: EventSourceKind; targetId?: string } {
    if (getEntry(props, 'SelfManagedEventSource')) return { kind: 'kafka' };
    const arnNode = get(props, 'EventSourceArn');
    const targetId = this.targetOf(arnNode);
    const type = targetId ? this.ctx.typeOf(targetId) : undefined;
    const byType: Record<string, EventSourceKind> = {
      'AWS::SQS::Queue': 'sqs',
      'AWS::Kinesis::Stream': 'kinesis',
      'AWS::DynamoDB::Table': 'dynamodb',
      'AWS::DynamoDB::GlobalTable': 'dynamodb',
      'AWS::MSK::Cluster': 'msk',
      'AWS::MSK::ServerlessCluster': 'msk',
      'AWS::AmazonMQ::Broker': 'mq',
      'AWS::DocDB::DBCluster': 'documentdb',
    };
    let kind: EventSourceKind = type && Object.hasOwn(byType, type) ? byType[type]! : 'other';
    if (kind === 'other') {
      const arn = stringValue(arnNode) ?? stringValue(get(arnNode, 'Fn::Sub')) ?? '';
      const service = /arn:[^:]*:([a-z0-9-]+):/.exec(arn)?.[1];
      const byService: Record<string, EventSourceKind> = { sqs: 'sqs', kinesis: 'kinesis', dynamodb: 'dynamodb', kafka: 'msk', mq: 'mq', rds: 'documentdb' };
      kind = (service && Object.hasOwn(byService, service) && byService[service]) || 'other';
    }
    return targetId ? { kind, targetId } : { kind };
  }

  /** The logical id of the resource a property points at (`!Ref X`, `!GetAtt X.Arn`, `${X.Arn}`). */
  private targetOf(node: TreeNode | undefined): string | undefined {
    return referencedNames(node).find((name) => this.ctx.resources.has(name));
  }

  /** The function a property points at, directly or through an alias or version. */
  private functionOf(node: TreeNode | undefined, path: PathSegment[]): LambdaFunction | undefined {
    for (const name of referencedNames(node)) {
      const fn = this.resolveFunctionName(name, path, 0);
      if (fn) return fn;
    }
    // A literal ARN or function name of a function in this template.
    const literal = stringValue(node);
    if (!literal) return undefined;
    const byName = (this.byName ??= this.functionsByName());
    const exact = byName.get(literal);
    const arn = literal.lastIndexOf(':function:');
    const suffix = arn >= 0 ? byName.get(literal.slice(arn + ':function:'.length)) : undefined;
    // The first function in template order that either form names.
    return exact && suffix ? (exact.order <= suffix.order ? exact.fn : suffix.fn) : (exact ?? suffix)?.fn;
  }

  private byName: Map<string, { fn: LambdaFunction; order: number }> | undefined;

  /** Functions by name, the first of a name winning (looked up once per literal, not by a walk over all functions). */
  private functionsByName(): Map<string, { fn: LambdaFunction; order: number }> {
    const byName = new Map<string, { fn: LambdaFunction; order: number }>();
    let order = 0;
    for (const fn of this.functions.values()) {
      if (!byName.has(fn.name)) byName.set(fn.name, { fn, order });
      order++;
    }
    return byName;
  }

  private resolveFunctionName(name: string, path: PathSegment[], depth: number): LambdaFunction | undefined {
    const direct = this.functions.get(name);
    if (direct) return direct;
    const resource = this.ctx.resources.get(name);
    if (resource && depth < 3 && (resource.type === 'AWS::Lambda::Alias' || resource.type === 'AWS::Lambda::Version')) {
      for (const inner of referencedNames(get(resource.properties, 'FunctionName'))) {
        const fn = this.resolveFunctionName(inner, path, depth + 1);
        if (fn) return fn;
      }
    }
    // SAM: `!Ref Fn.Alias`, `!Ref Fn.Version`, and the generated `FnAliaslive` resource.
    const dotted = /^([A-Za-z0-9]+)\.(Alias|Version)$/.exec(name);
    if (dotted) return this.functions.get(dotted[1]!);
    const alias = /^([A-Za-z0-9]+?)Alias[A-Za-z0-9]+$/.exec(name);
    if (alias && this.ctx.isSam) {
      const fn = this.functions.get(alias[1]!);
      if (fn?.type === 'AWS::Serverless::Function') return fn;
    }
    return undefined;
  }

  private implicitApi(id: 'ServerlessRestApi' | 'ServerlessHttpApi', first: EventSource): ApiGateway {
    const existing = this.apis.get(id) ?? this.implicitApis.get(id);
    if (existing) return existing;
    const rest = id === 'ServerlessRestApi';
    const view = new PropertyView(this.ctx, this.resolver, implicitApiLayers(rest ? 'api' : 'httpApi', this.globals));
    const api: ApiGateway = {
      kind: 'api-gateway',
      id,
      type: rest ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi',
      loc: first.loc,
      ignoredRules: [],
      protocol: rest ? 'REST' : 'HTTP',
      implicit: true,
      ...(rest ? { endpointType: endpointTypeField(view) } : {}),
    };
    this.implicitApis.set(id, api);
    return api;
  }
}

/** Names referenced by Ref / GetAtt / Sub inside a node, in document order (Sub variables included). */
function referencedNames(node: TreeNode | undefined, budget = { steps: 2000 }): string[] {
  if (!node || --budget.steps < 0) return [];
  const fn = singleKey(node);
  if (fn && isMap(node)) {
    const arg = node.entries[0]!.value;
    if (fn === 'Ref') return stringValue(arg) ? [stringValue(arg)!] : [];
    if (fn === 'Fn::GetAtt') {
      const target = getAttTarget(arg);
      return target ? [target.resource] : [];
    }
    if (fn === 'Fn::Sub') {
      const template = stringValue(isSeq(arg) ? arg.items[0] : arg) ?? '';
      const names = [...template.matchAll(/\$\{([^}!][^}]*)\}/g)].map((m) => m[1]!.trim().split('.')[0]!);
      return [...names, ...(isSeq(arg) ? referencedNames(arg.items[1], budget) : [])];
    }
  }
  if (isMap(node)) return node.entries.flatMap((e) => referencedNames(e.value, budget));
  if (isSeq(node)) return node.items.flatMap((item) => referencedNames(item, budget));
  return [];
}
