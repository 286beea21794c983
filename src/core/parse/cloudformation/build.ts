/**
 * Template tree -> model: parameters, functions (with SAM Globals), APIs (including the ones SAM creates
 * implicitly), queues, databases and proxies, then who invokes each function and what it links to.
 * Never throws on odd shapes: what cannot be read is left unresolved or reported as a ModelProblem.
 */
import { type ApiGateway, type DbProxy, type EcsService, type EcsTaskDefinition, type ModelNode } from '../../model/nodes.js';
import { buildService, buildTaskDefinitionResource, readTaskDefinitionFile, wireScaling } from '../ecs/task-definition.js';
import { emptyModel, type ParameterInfo, type TemplateFormat, type TemplateModel } from '../../model/template.js';
import { type LoadedDocument } from '../document/load.js';
import { get, isMap, scalarValue, stringValue, type TreeNode } from '../document/tree.js';
import { BuildContext, LAMBDA_FUNCTION_TYPES } from './context.js';
import { EventWiring } from './events.js';
import { buildFunction, type FunctionBuild } from './functions.js';
import { buildEksFargateProfile, buildEksNodegroup, buildExpressService } from './containers.js';
import { collectLinks } from './links.js';
import { readGlobals } from './globals.js';
import { Resolver } from './intrinsics.js';
import {
  buildApiV2,
  buildAppRunnerService,
  buildDatabase,
  buildEksCluster,
  buildProxy,
  buildQueue,
  buildRestApi,
  isApiResource,
  wireProxies,
} from './resources.js';
import { type ParsedTemplate } from './types.js';

/** `root`: where the template's sections are (a Serverless Framework file passes its `resources:`). */
export function buildTemplateModel(doc: LoadedDocument, format: TemplateFormat, root: TreeNode | undefined = doc.root): ParsedTemplate {
  const ctx = new BuildContext(doc, format === 'sam', root);
  const resolver = new Resolver(ctx);
  const resourceTypes = new Map<string, string>();
  for (const resource of ctx.resources.values()) resourceTypes.set(resource.id, resource.type);
  const model: TemplateModel = emptyModel(doc.uri, format, { parameters: parametersOf(ctx), resourceTypes });
  const globals = readGlobals(ctx);

  const builds: FunctionBuild[] = [];
  const apis = new Map<string, ApiGateway>();
  const proxies = new Map<string, DbProxy>();
  const services = new Map<string, EcsService>();
  for (const resource of ctx.resources.values()) {
    if (LAMBDA_FUNCTION_TYPES.has(resource.type)) {
      builds.push(buildFunction(ctx, resolver, resource, globals));
      continue;
    }
    const api = isApiResource(resource.type);
    if (api) apis.set(resource.id, api === 'rest' ? buildRestApi(ctx, resolver, resource, globals) : buildApiV2(ctx, resolver, resource));
    else if (resource.type === 'AWS::SQS::Queue') model.queues.push(buildQueue(ctx, resolver, resource));
    else if (resource.type === 'AWS::RDS::DBInstance' || resource.type === 'AWS::RDS::DBCluster') model.databases.push(buildDatabase(ctx, resolver, resource));
    else if (resource.type === 'AWS::RDS::DBProxy') proxies.set(resource.id, buildProxy(ctx, resource));
    else if (resource.type === 'AWS::ECS::TaskDefinition') model.taskDefinitions.push(buildTaskDefinitionResource(ctx, resolver, resource));
    else if (resource.type === 'AWS::ECS::Service') services.set(resource.id, buildService(ctx, resolver, resource));
    else if (resource.type === 'AWS::AppRunner::Service') model.appRunnerServices.push(buildAppRunnerService(ctx, resolver, resource));
    else if (resource.type === 'AWS::EKS::Cluster') model.eksClusters.push(buildEksCluster(ctx, resolver, resource));
    else if (resource.type === 'AWS::EKS::Nodegroup') model.eksNodegroups.push(buildEksNodegroup(ctx, resolver, resource));
    else if (resource.type === 'AWS::EKS::FargateProfile') model.eksFargateProfiles.push(buildEksFargateProfile(ctx, resource));
    else if (resource.type === 'AWS::ECS::ExpressGatewayService') model.expressServices.push(buildExpressService(ctx, resolver, resource));
  }
  wireProxies(ctx, proxies);
  wireScaling(ctx, resolver, services);
  // A task definition a service launches on Fargate runs on Fargate, whatever its compatibilities say.
  const definitions = new Map<string, EcsTaskDefinition>();
  for (const definition of model.taskDefinitions) if (!definitions.has(definition.id)) definitions.set(definition.id, definition);
  for (const service of services.values()) {
    const definition = service.taskDefinitionId === undefined ? undefined : definitions.get(service.taskDefinitionId);
    if (definition && service.launchType.value === 'FARGATE') definition.fargate = true;
  }
  model.services.push(...services.values());

  const functions = builds.map((b) => b.fn);
  const wiring = new EventWiring(ctx, resolver, functions, apis, globals);
  for (const build of builds) {
    wiring.samEvents(build.fn, build.resource, build.view);
    build.fn.links = build.view.layers.flatMap((layer) => collectLinks(ctx, layer.node, layer.path));
  }
  wiring.wireResources();
  wiring.provisionedConcurrency();

  model.functions.push(...functions);
  model.apis.push(...apis.values(), ...wiring.implicitApis.values());
  model.dbProxies.push(...proxies.values());
  const lists = [
    model.functions,
    model.apis,
    model.queues,
    model.databases,
    model.dbProxies,
    model.taskDefinitions,
    model.services,
    model.appRunnerServices,
    model.eksClusters,
    model.eksNodegroups,
    model.eksFargateProfiles,
    model.expressServices,
  ];
  for (const list of lists as ModelNode[][]) {
    for (const node of list) model.byId.set(node.id, node);
  }
  return { model, problems: ctx.problems };
}

function parametersOf(ctx: BuildContext): Map<string, ParameterInfo> {
  const parameters = new Map<string, ParameterInfo>();
  const node = get(ctx.doc.root, 'Parameters');
  if (!isMap(node)) return parameters;
  for (const entry of node.entries) {
    const defaultValue = scalarValue(get(entry.value, 'Default'));
    parameters.set(entry.key, {
      name: entry.key,
      type: stringValue(get(entry.value, 'Type')),
      defaultValue: defaultValue ?? undefined,
      loc: ctx.loc(entry.keyNode, ['Parameters', entry.key]),
    });
  }
  return parameters;
}

/** A task definition JSON file (ECS API form): a model with that one task definition. */
export function buildTaskDefinitionFileModel(doc: LoadedDocument): ParsedTemplate {
  const ctx = new BuildContext(doc, false);
  const resolver = new Resolver(ctx);
  const definition = readTaskDefinitionFile(ctx, resolver);
  const model: TemplateModel = emptyModel(doc.uri, 'ecs-task-definition', {
    taskDefinitions: definition ? [definition] : [],
    byId: new Map(definition ? [[definition.id, definition]] : []),
  });
  return { model, problems: ctx.problems };
}
