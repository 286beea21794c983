/**
 * The community modules most Terraform users create their compute with, read as the resources they create:
 * `terraform-aws-modules/lambda/aws` (a function) and `terraform-aws-modules/ecs/aws` (its `services`, or the
 * `//modules/service` submodule: a task definition and the service that runs it). Their documented inputs map to
 * CloudFormation properties as a resource's attributes do (resources.ts); where a module's default differs from
 * CloudFormation's (the ECS service module's 1 vCPU / 2 GB on Fargate), the default is written into the virtual
 * template at the module block, saying where it comes from. Other modules are not read: their outputs stay
 * unresolved, said so.
 */
import { EVALUATED } from '../cloudformation/intrinsics.js';
import { type MapEntry, type MapNode, type ScalarValue, type TreeNode } from '../document/tree.js';
import { type Instance } from './evaluate.js';
import { type AttributeMap, RESOURCE_MAPS } from './resources.js';
import { type Block, type Body, type Expr, type Span } from './syntax.js';
import { attr, headerSpan, type Translator } from './translate.js';

export interface ModuleResource {
  address: string;
  type: string;
  properties: MapEntry;
}

export const LAMBDA_MODULE =
  /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws$|github\.com[/:]terraform-aws-modules\/terraform-aws-lambda(?:\.git)?(?:\?|$)/i;
export const ECS_MODULE =
  /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/ecs\/aws(\/\/modules\/service)?$|github\.com[/:]terraform-aws-modules\/terraform-aws-ecs(?:\.git)?(\/\/modules\/service)?(?:\?|$)/i;

/** terraform-aws-modules/lambda/aws inputs (its variables.tf) in CloudFormation's names. */
const LAMBDA_INPUTS: AttributeMap = {
  function_name: 'FunctionName',
  handler: 'Handler',
  runtime: 'Runtime',
  memory_size: 'MemorySize',
  timeout: 'Timeout',
  architectures: 'Architectures',
  ephemeral_storage_size: 'EphemeralStorage.Size',
  package_type: 'PackageType',
  layers: 'Layers',
  reserved_concurrent_executions: 'ReservedConcurrentExecutions',
  environment_variables: 'Environment.Variables',
  vpc_subnet_ids: 'VpcConfig.SubnetIds',
  vpc_security_group_ids: 'VpcConfig.SecurityGroupIds',
  image_config_command: 'ImageConfig.Command',
  image_config_entry_point: 'ImageConfig.EntryPoint',
  tracing_mode: 'TracingConfig.Mode',
};

/** Module inputs a fix may set, by module source (the ECS module's are read, not fixed). */
export const MODULE_INPUTS: [RegExp, Record<string, string>][] = [[LAMBDA_MODULE, LAMBDA_INPUTS as Record<string, string>]];

/** The ECS service module's inputs for the task definition, and its defaults (modules/service/variables.tf). */
const SERVICE_TASK_INPUTS: AttributeMap = {
  family: 'Family',
  cpu: 'Cpu',
  memory: 'Memory',
  requires_compatibilities: 'RequiresCompatibilities',
  network_mode: 'NetworkMode',
};
const SERVICE_TASK_DEFAULTS: Record<string, ScalarValue | ScalarValue[]> = {
  Cpu: 1024,
  Memory: 2048,
  RequiresCompatibilities: ['FARGATE'],
  NetworkMode: 'awsvpc',
};
const SERVICE_INPUTS: AttributeMap = { desired_count: 'DesiredCount', launch_type: 'LaunchType', name: 'ServiceName' };
const SERVICE_DEFAULTS: Record<string, ScalarValue> = { DesiredCount: 1 };

/** Is this a module Crossover reads (its source one of the community modules above)? */
export function isReadModule(block: Block): boolean {
  const source = attr(block.body, 'source');
  const text = source?.value.kind === 'literal' && typeof source.value.value === 'string' ? source.value.value : '';
  return LAMBDA_MODULE.test(text) || ECS_MODULE.test(text);
}

/** The resources a module block stands for (none for modules Crossover does not read). */
export function moduleResources(block: Block, address: string, instance: Instance, translator: Translator): ModuleResource[] {
  const source = attr(block.body, 'source');
  const text = source?.value.kind === 'literal' && typeof source.value.value === 'string' ? source.value.value : undefined;
  if (!text) return [];
  const create = attr(block.body, 'create') ?? attr(block.body, 'create_function');
  if (create?.value.kind === 'literal' && create.value.value === false) return [];
  if (LAMBDA_MODULE.test(text)) {
    const entries = translator.properties(block.body, LAMBDA_INPUTS, instance).filter((e) => !(e.key === 'ReservedConcurrentExecutions' && negative(e.value)));
    return [{ address, type: RESOURCE_MAPS.aws_lambda_function!.type, properties: properties(entries, block) }];
  }
  const ecs = ECS_MODULE.exec(text);
  if (!ecs) return [];
  const submodule = ecs[1] ?? ecs[2];
  if (submodule) return service(block.body, block, address, instance, translator, `the default of ${text}`);
  // The root module: one service per entry of `services` (an object of objects).
  const services = attr(block.body, 'services');
  if (!services || services.value.kind !== 'object') return [];
  const out: ModuleResource[] = [];
  for (const e of services.value.entries) {
    if (typeof e.key !== 'string' || e.value.kind !== 'object') continue;
    const body: Body = {
      attributes: e.value.entries
        .filter((x) => typeof x.key === 'string')
        .map((x) => ({ name: x.key as string, nameSpan: x.keySpan, value: x.value, span: { start: x.keySpan.start, end: x.value.end } })),
      blocks: [],
    };
    const at: Block = { ...block, start: e.keySpan.start, end: e.value.end, typeSpan: e.keySpan, labels: [e.key], labelSpans: [e.keySpan], body };
    out.push(...service(body, at, `${address}.services[${JSON.stringify(e.key)}]`, instance, translator, `the default of ${text} services`));
  }
  return out;
}

/** A service of the ECS module: its task definition (`<address>`) and the service (`<address>/service`). */
function service(body: Body, block: Block, address: string, instance: Instance, translator: Translator, defaultsFrom: string): ModuleResource[] {
  const header = headerSpan(block);
  const task = withDefaults(translator.properties(body, SERVICE_TASK_INPUTS, instance), SERVICE_TASK_DEFAULTS, header, defaultsFrom);
  const platform = attr(body, 'runtime_platform');
  if (platform) {
    const node = translator.node(platform.value, instance);
    if (node.kind === 'map')
      task.push(entry('RuntimePlatform', platform.nameSpan, { ...node, entries: node.entries.map((e) => ({ ...e, key: pascal(e.key) })) }));
  }
  const containers = attr(body, 'container_definitions');
  if (containers && containers.value.kind === 'object')
    task.push(entry('ContainerDefinitions', containers.nameSpan, containerList(containers.value, translator, instance)));
  const svc = withDefaults(translator.properties(body, SERVICE_INPUTS, instance), SERVICE_DEFAULTS, header, defaultsFrom);
  if (!svc.some((e) => e.key === 'LaunchType') && !attr(body, 'capacity_provider_strategy'))
    svc.push(entry('LaunchType', header, evaluated('FARGATE', header, defaultsFrom)));
  svc.push(entry('TaskDefinition', header, { kind: 'map', entries: [entry('Ref', header, scalar(address, header))], start: header.start, end: header.end }));
  return [
    { address, type: 'AWS::ECS::TaskDefinition', properties: properties(task, block) },
    { address: `${address}/service`, type: 'AWS::ECS::Service', properties: properties(svc, block) },
  ];
}

/** `container_definitions = { app = { cpu = 512, portMappings = [...] } }`: a list, each named by its key. */
function containerList(value: Extract<Expr, { kind: 'object' }>, translator: Translator, instance: Instance): TreeNode {
  const items: TreeNode[] = [];
  for (const e of value.entries) {
    if (typeof e.key !== 'string') continue;
    const node = translator.node(e.value, instance);
    if (node.kind !== 'map') continue;
    const entries = node.entries.map((x) => ({ ...x, key: pascal(x.key), value: pascalKeys(x.value, 0) }));
    if (!entries.some((x) => x.key === 'Name')) entries.unshift(entry('Name', e.keySpan, scalar(e.key, e.keySpan)));
    items.push({ ...node, entries });
  }
  return { kind: 'seq', items, start: value.start, end: value.end };
}

function withDefaults(entries: MapEntry[], defaults: Record<string, ScalarValue | ScalarValue[]>, at: Span, from: string): MapEntry[] {
  for (const [key, value] of Object.entries(defaults)) {
    if (entries.some((e) => e.key === key)) continue;
    const node: TreeNode = Array.isArray(value)
      ? { kind: 'seq', items: value.map((v) => evaluated(v, at, from)), start: at.start, end: at.end }
      : evaluated(value, at, from);
    entries.push(entry(key, at, node));
  }
  return entries;
}

function evaluated(value: ScalarValue, at: Span, via: string): MapNode {
  return {
    kind: 'map',
    entries: [entry(EVALUATED, at, { kind: 'seq', items: [scalar(value, at), scalar(via, at)], start: at.start, end: at.end })],
    start: at.start,
    end: at.end,
  };
}

function properties(entries: MapEntry[], block: Block): MapEntry {
  return entry('Properties', block.typeSpan, { kind: 'map', entries, start: block.open, end: block.close });
}

/** `port_mappings` and `portMappings` -> `PortMappings`. */
function pascal(key: string): string {
  return key.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function pascalKeys(node: TreeNode, depth: number): TreeNode {
  if (depth > 3) return node;
  if (node.kind === 'map') return { ...node, entries: node.entries.map((e) => ({ ...e, key: pascal(e.key), value: pascalKeys(e.value, depth + 1) })) };
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => pascalKeys(i, depth + 1)) };
  return node;
}

function negative(node: TreeNode): boolean {
  return node.kind === 'scalar' && typeof node.value === 'number' && node.value < 0;
}

const scalar = (value: ScalarValue, at: Span): TreeNode => ({ kind: 'scalar', value, start: at.start, end: at.end });
const entry = (key: string, keyAt: Span, value: TreeNode): MapEntry => ({
  key,
  keyNode: { kind: 'scalar', value: key, start: keyAt.start, end: keyAt.end },
  value,
});
