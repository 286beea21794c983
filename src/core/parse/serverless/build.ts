/**
 * serverless.yml / .yaml / .json (Serverless Framework v3 and v4, AWS provider) -> model. Provider settings
 * are the functions' defaults (origin `globals`, so a finding on an inherited value points at the function
 * and relates to the provider line), variables are resolved statically (variables.ts), and `resources:`
 * goes through the CloudFormation builder, so queues, databases and ECS resources declared there are
 * modelled and wired to the functions' events.
 */
import { LAMBDA_LIMITS, SERVERLESS_DEFAULTS } from '../../data/limits.js';
import { defaultField, type Field, type Origin } from '../../model/field.js';
import { type PathSegment } from '../../model/location.js';
import {
  type ApiGateway,
  type Architecture,
  type Environment,
  type EnvironmentVariable,
  type EventSource,
  type EventSourceKind,
  type InvocationMode,
  type LambdaFunction,
  type ModelNode,
  type VpcConfig,
} from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { BuildContext } from '../cloudformation/context.js';
import { buildTemplateModel } from '../cloudformation/build.js';
import { collectLinks } from '../cloudformation/links.js';
import { getAttTarget } from '../cloudformation/references.js';
import { describeValue, toEnum, toNumber, toText, type Static } from '../cloudformation/values.js';
import { type ParsedTemplate } from '../cloudformation/types.js';
import { type LoadedDocument } from '../document/load.js';
import { get, getEntry, isMap, isScalar, isSeq, singleKey, stringValue, type MapEntry, type MapNode, type TreeNode } from '../document/tree.js';
import { SlsVariables, type FileReader } from './variables.js';

const toArchitecture = toEnum<Architecture>(['x86_64', 'arm64']);

interface EventSpec {
  kind: EventSourceKind;
  invocation: InvocationMode;
  api?: 'ApiGatewayRestApi' | 'HttpApi' | 'WebsocketsApi';
}

const EVENTS: Record<string, EventSpec> = {
  http: { kind: 'api', invocation: 'sync', api: 'ApiGatewayRestApi' },
  httpApi: { kind: 'http-api', invocation: 'sync', api: 'HttpApi' },
  websocket: { kind: 'websocket', invocation: 'sync', api: 'WebsocketsApi' },
  alb: { kind: 'alb', invocation: 'sync' },
  sqs: { kind: 'sqs', invocation: 'poll' },
  stream: { kind: 'kinesis', invocation: 'poll' },
  kafka: { kind: 'kafka', invocation: 'poll' },
  msk: { kind: 'msk', invocation: 'poll' },
  activemq: { kind: 'mq', invocation: 'poll' },
  rabbitmq: { kind: 'mq', invocation: 'poll' },
  sns: { kind: 'sns', invocation: 'async' },
  s3: { kind: 's3', invocation: 'async' },
  schedule: { kind: 'schedule', invocation: 'async' },
  eventBridge: { kind: 'eventbridge', invocation: 'async' },
  cloudwatchEvent: { kind: 'eventbridge', invocation: 'async' },
  cloudwatchLog: { kind: 'cloudwatch-logs', invocation: 'async' },
  iot: { kind: 'iot', invocation: 'async' },
  cognitoUserPool: { kind: 'cognito', invocation: 'sync' },
  alexaSkill: { kind: 'alexa-skill', invocation: 'sync' },
};

type FieldReader = <T>(
  entry: MapEntry | undefined,
  path: PathSegment[],
  origin: Origin,
  convert: (v: Static | undefined) => T | undefined,
  fallback?: T,
) => Field<T>;

/** What building each function needs: the CloudFormation context, the variables, the provider section, the implicit APIs found so far. */
interface SlsBuild {
  ctx: BuildContext;
  vars: SlsVariables;
  provider: TreeNode | undefined;
  field: FieldReader;
  apis: Map<string, ApiGateway>;
}

interface FunctionEntry {
  key: string;
  keyNode: TreeNode;
  value: TreeNode;
  path: PathSegment[];
}

export function buildServerlessModel(doc: LoadedDocument, readFile: FileReader | undefined): ParsedTemplate {
  const root = doc.root;
  const resources = get(root, 'resources');
  // The CloudFormation part first: its resources are what events and links point at.
  const cfn = buildTemplateModel(doc, 'cloudformation', isMap(resources) ? resources : undefined);
  const ctx = new BuildContext(doc, false, isMap(resources) ? resources : undefined);
  const vars = new SlsVariables(root, readFile);
  const model: TemplateModel = { ...cfn.model, format: 'serverless', byId: new Map(cfn.model.byId) };
  const build: SlsBuild = { ctx, vars, provider: get(root, 'provider'), field: fieldReader(doc, ctx, vars), apis: new Map() };

  for (const entry of functionEntries(get(root, 'functions'))) {
    if (isMap(entry.value)) model.functions.push(buildFunction(build, entry, entry.value));
  }
  model.apis.push(...build.apis.values());
  for (const node of [...model.functions, ...build.apis.values()] as ModelNode[]) model.byId.set(node.id, node);
  // Files the host would not read (outside the workspace): said on the value that asked for them, not left silent.
  for (const { node, path, reason } of vars.refused) ctx.problem(node, [], 'unresolved-reference', `\${file(${path})} is not read: ${reason}.`);
  return { model, problems: [...cfn.problems, ...ctx.problems] };
}

/** A field from a setting, its variables resolved; unresolved (with the reason) when a variable or the value's type is not usable. */
function fieldReader(doc: LoadedDocument, ctx: BuildContext, vars: SlsVariables): FieldReader {
  return <T>(entry: MapEntry | undefined, path: PathSegment[], origin: Origin, convert: (v: Static | undefined) => T | undefined, fallback?: T): Field<T> => {
    if (!entry) return defaultField(fallback);
    const at = ctx.loc(entry.value, path);
    const keyAt = ctx.loc(entry.keyNode, path);
    const resolved = vars.resolve(entry.value);
    if (resolved.kind === 'unresolved') return { value: undefined, origin, at, keyAt, unresolved: resolved.reason };
    const raw = resolved.value;
    const value = typeof raw === 'object' && raw !== null ? undefined : convert(raw);
    if (value === undefined) {
      const shown =
        typeof raw === 'object' && raw !== null ? JSON.stringify('a map or list') : describeValue(raw, doc.text.slice(entry.value.start, entry.value.end));
      return { value: undefined, origin, at, keyAt, unresolved: `${shown} is not a valid value here` };
    }
    return { value, origin, at, keyAt, ...(resolved.via ? { via: resolved.via } : {}) };
  };
}

/** The `functions:` section's entries: a map of functions, or (v3) a list of maps of functions. */
function functionEntries(functions: TreeNode | undefined): FunctionEntry[] {
  const entries: FunctionEntry[] = [];
  if (isMap(functions)) for (const e of functions.entries) entries.push({ key: e.key, keyNode: e.keyNode, value: e.value, path: ['functions', e.key] });
  if (isSeq(functions))
    functions.items.forEach(
      (item, i) => isMap(item) && item.entries.forEach((e) => entries.push({ key: e.key, keyNode: e.keyNode, value: e.value, path: ['functions', i, e.key] })),
    );
  return entries;
}

function buildFunction(build: SlsBuild, { key, keyNode, path }: FunctionEntry, value: MapNode): LambdaFunction {
  const { ctx, vars, provider, field } = build;
  // A setting on the function, else the provider's (inherited), else the framework's default.
  const setting = <T>(name: string, convert: (v: Static | undefined) => T | undefined, fallback?: T, providerName = name): Field<T> => {
    const own = getEntry(value, name);
    if (own) return field(own, [...path, name], 'explicit', convert, fallback);
    const inherited = isMap(provider) ? getEntry(provider, providerName) : undefined;
    if (inherited) return field(inherited, ['provider', providerName], 'globals', convert, fallback);
    return defaultField(fallback);
  };
  const image = getEntry(value, 'image');
  const fn: LambdaFunction = {
    kind: 'lambda-function',
    id: key,
    type: 'Serverless function',
    loc: ctx.loc(keyNode, path),
    ignoredRules: [],
    name: field(getEntry(value, 'name'), [...path, 'name'], 'explicit', toText).value ?? key,
    memoryMb: setting('memorySize', toNumber, SERVERLESS_DEFAULTS.memoryMb.value),
    timeoutSeconds: setting('timeout', toNumber, SERVERLESS_DEFAULTS.timeoutSeconds.value),
    runtime: setting('runtime', toText),
    architecture: setting('architecture', toArchitecture, 'x86_64'),
    ephemeralStorageMb: setting('ephemeralStorageSize', toNumber, LAMBDA_LIMITS.minEphemeralStorageMb.value),
    packageType: image ? { value: 'Image', origin: 'explicit', at: ctx.loc(image.keyNode, [...path, 'image']) } : defaultField('Zip'),
    handler: setting('handler', toText),
    snapStart: field(
      getEntry(value, 'snapStart'),
      [...path, 'snapStart'],
      'explicit',
      (v) => (v === true || v === 'true' ? 'PublishedVersions' : v === false || v === 'false' ? 'None' : undefined),
      'None',
    ),
    layers: countList(getEntry(value, 'layers')?.value ?? (isMap(provider) ? getEntry(provider, 'layers')?.value : undefined)),
    events: [],
    links: [],
  };
  const reserved = getEntry(value, 'reservedConcurrency');
  if (reserved) fn.reservedConcurrency = field(reserved, [...path, 'reservedConcurrency'], 'explicit', toNumber);
  const provisioned = getEntry(value, 'provisionedConcurrency');
  if (provisioned) fn.provisionedConcurrency = field(provisioned, [...path, 'provisionedConcurrency'], 'explicit', toNumber);
  const vpc = vpcOf(
    ctx,
    vars,
    getEntry(value, 'vpc')
      ? { entry: getEntry(value, 'vpc')!, path: [...path, 'vpc'], origin: 'explicit' }
      : isMap(provider) && getEntry(provider, 'vpc')
        ? { entry: getEntry(provider, 'vpc')!, path: ['provider', 'vpc'], origin: 'globals' }
        : undefined,
  );
  if (vpc) fn.vpc = vpc;
  const environment = environmentOf(ctx, vars, value, path, provider);
  if (environment) fn.environment = environment;
  if (getEntry(value, 'url')) {
    const url = getEntry(value, 'url')!;
    fn.events.push({ name: 'url', kind: 'function-url', sourceType: 'url', invocation: 'sync', loc: ctx.loc(url.keyNode, [...path, 'url']) });
  }
  const events = get(value, 'events');
  if (isSeq(events)) {
    events.items.forEach((item, index) => {
      const source = eventSource(build, item, index, path);
      if (source) fn.events.push(source);
    });
  }
  // References to resources (environment, vpc, ...) for link rules such as RDS without a proxy.
  fn.links = collectLinks(ctx, value, path);
  const inheritedEnv = isMap(provider) ? get(provider, 'environment') : undefined;
  if (inheritedEnv) fn.links.push(...collectLinks(ctx, inheritedEnv, ['provider', 'environment']));
  return fn;
}

/** One item of a function's `events:`, wired to the implicit API or to the resource its ARN names; undefined when it names no event type. */
function eventSource({ ctx, vars, provider, apis }: SlsBuild, item: TreeNode, index: number, path: PathSegment[]): EventSource | undefined {
  const type = isMap(item) ? singleKey(item) : stringValue(item);
  if (!type) return undefined;
  const spec = Object.hasOwn(EVENTS, type) ? EVENTS[type] : undefined;
  const body = isMap(item) ? item.entries[0]!.value : undefined;
  const eventPath: PathSegment[] = [...path, 'events', index, type];
  const source: EventSource = {
    name: `${type}[${index}]`,
    kind: spec?.kind ?? 'other',
    sourceType: type,
    invocation: spec?.invocation ?? 'async',
    loc: ctx.loc(isMap(item) ? item.entries[0]!.keyNode : item, eventPath),
  };
  if (type === 'http' && isMap(body)) {
    const async = get(body, 'async');
    if (isScalar(async) && (async.value === true || async.value === 'true')) source.invocation = 'async';
  }
  if (type === 'stream') source.kind = streamKind(body);
  if (spec?.api) {
    source.targetId = spec.api;
    if (!apis.has(spec.api)) apis.set(spec.api, implicitApi(ctx, vars, spec.api, source, provider));
  } else {
    const arn = isMap(body) ? (get(body, 'arn') ?? get(body, 'queueArn')) : undefined;
    const target = isMap(arn)
      ? (getAttTarget(get(arn, 'Fn::GetAtt')) ?? (stringValue(get(arn, 'Ref')) ? { resource: stringValue(get(arn, 'Ref'))!, attribute: '' } : undefined))
      : undefined;
    if (target && ctx.resources.has(target.resource)) source.targetId = target.resource;
  }
  return source;
}

/** A `stream` event reads DynamoDB when its type or ARN says so, else Kinesis. */
function streamKind(body: TreeNode | undefined): EventSourceKind {
  const arn = isMap(body) ? get(body, 'arn') : body;
  const typeName = isMap(body) ? stringValue(get(body, 'type')) : undefined;
  const attribute = isMap(arn) ? (getAttTarget(get(arn, 'Fn::GetAtt'))?.attribute ?? '') : '';
  return typeName === 'dynamodb' || /:dynamodb:/.test(stringValue(arn) ?? '') || /StreamArn/.test(attribute) ? 'dynamodb' : 'kinesis';
}

function countList(node: TreeNode | undefined): number {
  return isSeq(node) ? node.items.length : node ? 1 : 0;
}

function implicitApi(
  ctx: BuildContext,
  vars: SlsVariables,
  id: 'ApiGatewayRestApi' | 'HttpApi' | 'WebsocketsApi',
  first: EventSource,
  provider: TreeNode | undefined,
): ApiGateway {
  const api: ApiGateway = {
    kind: 'api-gateway',
    id,
    type: 'Serverless implicit API',
    loc: first.loc,
    ignoredRules: [],
    protocol: id === 'HttpApi' ? 'HTTP' : id === 'WebsocketsApi' ? 'WEBSOCKET' : 'REST',
    implicit: true,
  };
  if (id === 'ApiGatewayRestApi') {
    // The framework's REST API is edge-optimized unless provider.endpointType says otherwise.
    const entry = isMap(provider) ? getEntry(provider, 'endpointType') : undefined;
    const resolved = entry ? vars.resolve(entry.value) : undefined;
    const value = resolved?.kind === 'value' && typeof resolved.value === 'string' ? resolved.value.toUpperCase() : undefined;
    api.endpointType =
      entry && (value === 'REGIONAL' || value === 'EDGE' || value === 'PRIVATE')
        ? { value, origin: 'globals', at: ctx.loc(entry.value, ['provider', 'endpointType']) }
        : entry
          ? {
              value: undefined,
              origin: 'globals',
              at: ctx.loc(entry.value, ['provider', 'endpointType']),
              unresolved: resolved?.kind === 'unresolved' ? resolved.reason : 'not an endpoint type',
            }
          : defaultField('EDGE');
  }
  return api;
}

function vpcOf(ctx: BuildContext, vars: SlsVariables, found: { entry: MapEntry; path: PathSegment[]; origin: Origin } | undefined): VpcConfig | undefined {
  if (!found) return undefined;
  const { entry, path, origin } = found;
  const at = ctx.loc(entry.keyNode, path);
  const node = entry.value;
  if (!isMap(node)) {
    const resolved = vars.resolve(node);
    return { at, origin, attached: true, ...(resolved.kind === 'unresolved' ? { unresolved: resolved.reason } : {}) };
  }
  const subnets = get(node, 'subnetIds');
  if (isSeq(subnets)) return { at, origin, attached: subnets.items.length > 0 };
  return { at, origin, attached: subnets !== undefined, ...(subnets ? { unresolved: 'the subnets come from a variable' } : {}) };
}

function environmentOf(ctx: BuildContext, vars: SlsVariables, fn: MapNode, path: PathSegment[], provider: TreeNode | undefined): Environment | undefined {
  const own = getEntry(fn, 'environment');
  const inherited = isMap(provider) ? getEntry(provider, 'environment') : undefined;
  if (!own && !inherited) return undefined;
  const variables = new Map<string, EnvironmentVariable>();
  const add = (entry: MapEntry | undefined, base: PathSegment[], origin: Origin) => {
    if (!entry || !isMap(entry.value)) return;
    for (const v of entry.value.entries) {
      if (variables.has(v.key)) continue;
      const resolved = vars.resolve(v.value);
      const value = resolved.kind === 'value' && (typeof resolved.value !== 'object' || resolved.value === null) ? String(resolved.value) : undefined;
      variables.set(v.key, {
        name: v.key,
        value,
        at: ctx.loc(v.keyNode, [...base, v.key]),
        valueAt: ctx.loc(v.value, [...base, v.key]),
        origin,
        ...(value === undefined ? { unresolved: resolved.kind === 'unresolved' ? resolved.reason : 'an intrinsic function' } : {}),
      });
    }
  };
  add(own, [...path, 'environment'], 'explicit');
  add(inherited, ['provider', 'environment'], 'globals');
  const anchor = own ?? inherited!;
  return {
    variables: [...variables.values()],
    at: ctx.loc(anchor.keyNode, own ? [...path, 'environment'] : ['provider', 'environment']),
    origin: own ? 'explicit' : 'globals',
  };
}
