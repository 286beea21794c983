/** APIs, queues, databases and RDS proxies. */
import { SQS_LIMITS } from '../../data/limits.js';
import { defaultField, type Field } from '../../model/field.js';
import {
  type ApiGateway,
  type ApiProtocol,
  type AppRunnerService,
  type EksCluster,
  type Database,
  type DbProxy,
  type EndpointType,
  type SqsQueue,
} from '../../model/nodes.js';
import { get, getEntry, isMap, isSeq } from '../document/tree.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { ignoredRules } from './metadata.js';
import { PropertyView } from './properties.js';
import { resourceLayers, type SamGlobals } from './globals.js';
import { type Resolver } from './intrinsics.js';
import { toBoolean, toNumber, toText } from './values.js';
import { collectLinks } from './links.js';

function base(ctx: BuildContext, resource: ResourceEntry) {
  return { id: resource.id, type: resource.type, loc: ctx.loc(resource.keyNode, ['Resources', resource.id]), ignoredRules: ignoredRules(resource.node) };
}

function viewOf(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry, globals: SamGlobals = {}): PropertyView {
  return new PropertyView(ctx, resolver, resourceLayers(resource, globals));
}

const ENDPOINT_TYPES = new Set<EndpointType>(['REGIONAL', 'EDGE', 'PRIVATE']);

function toEndpointType(value: unknown): EndpointType | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && ENDPOINT_TYPES.has(text.toUpperCase() as EndpointType) ? (text.toUpperCase() as EndpointType) : undefined;
}

/**
 * REST endpoint type: SAM writes `EndpointConfiguration: REGIONAL` or `{Type: REGIONAL}`; CloudFormation
 * `{Types: [REGIONAL]}`. Without it, API Gateway makes an edge-optimized API.
 */
export function endpointTypeField(view: PropertyView): Field<EndpointType> {
  const found = view.find('EndpointConfiguration');
  if (!found) return defaultField<EndpointType>('EDGE');
  const config = found.entry.value;
  if (isMap(config) && !getEntry(config, 'Fn::If')) {
    const inner = view.child('EndpointConfiguration');
    const typeEntry = inner.find('Type') ?? inner.find('Types');
    return typeEntry ? inner.fieldOf(typeEntry, toEndpointType) : defaultField<EndpointType>('EDGE');
  }
  return view.fieldOf(found, toEndpointType);
}

export function buildRestApi(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry, globals: SamGlobals): ApiGateway {
  const view = viewOf(ctx, resolver, resource, globals);
  return { ...base(ctx, resource), kind: 'api-gateway', protocol: 'REST', endpointType: endpointTypeField(view), implicit: false };
}

export function buildApiV2(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): ApiGateway {
  let protocol: ApiProtocol = 'HTTP';
  if (resource.type === 'AWS::ApiGatewayV2::Api') {
    const declared = resolver.resolve(get(resource.properties, 'ProtocolType'), ['Resources', resource.id, 'Properties', 'ProtocolType']);
    if (declared.kind === 'value' && String(declared.value).toUpperCase() === 'WEBSOCKET') protocol = 'WEBSOCKET';
  }
  return { ...base(ctx, resource), kind: 'api-gateway', protocol, implicit: false };
}

export function buildQueue(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): SqsQueue {
  const view = viewOf(ctx, resolver, resource);
  return {
    ...base(ctx, resource),
    kind: 'sqs-queue',
    visibilityTimeoutSeconds: view.field('VisibilityTimeout', toNumber, SQS_LIMITS.defaultVisibilityTimeoutSeconds.value),
    fifo: view.field('FifoQueue', toBoolean, false).value === true,
  };
}

export function buildDatabase(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): Database {
  const view = viewOf(ctx, resolver, resource);
  const engineMode = view.field('EngineMode', toText).value;
  return {
    ...base(ctx, resource),
    kind: resource.type === 'AWS::RDS::DBCluster' ? 'rds-cluster' : 'rds-instance',
    engine: view.field('Engine', toText),
    dataApi: view.field('EnableHttpEndpoint', toBoolean, false).value === true,
    serverless: engineMode === 'serverless' || view.has('ServerlessV2ScalingConfiguration'),
  };
}

/** An App Runner service and its instance size (`InstanceConfiguration.Cpu` / `.Memory`, defaults 1 vCPU / 2 GB). */
export function buildAppRunnerService(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): AppRunnerService {
  const view = viewOf(ctx, resolver, resource);
  return {
    ...base(ctx, resource),
    kind: 'app-runner-service',
    cpu: view.child('InstanceConfiguration').field('Cpu', toText, '1 vCPU'),
    memory: view.child('InstanceConfiguration').field('Memory', toText, '2 GB'),
  };
}

/** An EKS cluster and its pinned Kubernetes version (`Version`), located where it is written. */
export function buildEksCluster(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): EksCluster {
  const view = viewOf(ctx, resolver, resource);
  return { ...base(ctx, resource), kind: 'eks-cluster', ...(view.has('Version') ? { version: view.field('Version', toText) } : {}) };
}

export function buildProxy(ctx: BuildContext, resource: ResourceEntry): DbProxy {
  return { ...base(ctx, resource), kind: 'rds-proxy', targetIds: [], endpointIds: [] };
}

/** DBProxyTargetGroup -> the databases its proxy fronts; DBProxyEndpoint -> another door to the proxy. */
export function wireProxies(ctx: BuildContext, proxies: Map<string, DbProxy>): void {
  for (const resource of ctx.resources.values()) {
    if (resource.type !== 'AWS::RDS::DBProxyTargetGroup' && resource.type !== 'AWS::RDS::DBProxyEndpoint') continue;
    const path = ['Resources', resource.id, 'Properties'];
    const proxyLink = collectLinks(ctx, get(resource.properties, 'DBProxyName'), [...path, 'DBProxyName']).find((l) => proxies.has(l.targetId));
    const proxy = proxyLink ? proxies.get(proxyLink.targetId) : undefined;
    if (!proxy) continue;
    if (resource.type === 'AWS::RDS::DBProxyEndpoint') {
      proxy.endpointIds.push(resource.id);
      continue;
    }
    const targets = new Set(proxy.targetIds);
    for (const key of ['DBInstanceIdentifiers', 'DBClusterIdentifiers']) {
      const list = get(resource.properties, key);
      if (!isSeq(list)) continue;
      for (const link of collectLinks(ctx, list, [...path, key])) {
        if (targets.has(link.targetId)) continue;
        targets.add(link.targetId);
        proxy.targetIds.push(link.targetId);
      }
    }
  }
}

export function isApiResource(type: string): 'rest' | 'v2' | undefined {
  if (type === 'AWS::Serverless::Api' || type === 'AWS::ApiGateway::RestApi') return 'rest';
  if (type === 'AWS::Serverless::HttpApi' || type === 'AWS::ApiGatewayV2::Api') return 'v2';
  return undefined;
}
