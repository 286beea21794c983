/** AWS::Serverless::Function and AWS::Lambda::Function -> LambdaFunction (events and links come later). */
import { type Field } from '../../model/field.js';
import { type Architecture, type Environment, type LambdaFunction, type PackageType, type VpcConfig } from '../../model/nodes.js';
import { LAMBDA_LIMITS } from '../../data/limits.js';
import { get, isMap, isSeq, stringValue, type TreeNode } from '../document/tree.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { PropertyView, type Layer } from './properties.js';
import { type Resolver, toNumber, toText } from './resolve.js';
import { ignoredRules } from './metadata.js';

export interface FunctionBuild {
  fn: LambdaFunction;
  view: PropertyView;
  resource: ResourceEntry;
}

export function buildFunction(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry, globals: TreeNode | undefined): FunctionBuild {
  const sam = resource.type === 'AWS::Serverless::Function';
  const layers: Layer[] = [{ node: resource.properties, path: ['Resources', resource.id, 'Properties'], origin: 'explicit' }];
  const ignore = sam ? ignoredGlobals(resource) : undefined;
  if (sam && isMap(globals) && ignore !== '*') layers.push({ node: globals, path: ['Globals', 'Function'], origin: 'globals', ...(ignore ? { ignore } : {}) });
  const view = new PropertyView(ctx, resolver, layers);

  const name = view.field('FunctionName', toText);
  const fn: LambdaFunction = {
    kind: 'lambda-function',
    id: resource.id,
    type: resource.type,
    loc: ctx.loc(resource.keyNode, ['Resources', resource.id]),
    ignoredRules: ignoredRules(resource.node),
    name: name.value ?? resource.id,
    memoryMb: view.field('MemorySize', toNumber, LAMBDA_LIMITS.defaultMemoryMb.value),
    timeoutSeconds: view.field('Timeout', toNumber, LAMBDA_LIMITS.defaultTimeoutSeconds.value),
    runtime: view.field('Runtime', toText),
    architecture: architectureField(ctx, view),
    ephemeralStorageMb: view.child('EphemeralStorage').field('Size', toNumber, LAMBDA_LIMITS.minEphemeralStorageMb.value),
    packageType: packageTypeField(view, sam),
    handler: view.field('Handler', toText),
    snapStart: view.child('SnapStart').field('ApplyOn', toText, 'None'),
    layers: layerCount(view),
    events: [],
    links: [],
  };
  const reserved = view.find('ReservedConcurrentExecutions');
  if (reserved) fn.reservedConcurrency = view.fieldOf(reserved, toNumber);
  if (sam) {
    const provisioned = view.child('ProvisionedConcurrencyConfig').find('ProvisionedConcurrentExecutions');
    if (provisioned) fn.provisionedConcurrency = view.fieldOf(provisioned, toNumber);
  }
  const vpc = vpcConfig(ctx, view);
  if (vpc) fn.vpc = vpc;
  const environment = environmentOf(ctx, resolver, view);
  if (environment) fn.environment = environment;
  const capacity = view.find('CapacityProviderConfig');
  if (capacity) fn.capacityProvider = ctx.loc(capacity.entry.keyNode, capacity.path);
  return { fn, view, resource };
}

/** SAM's `IgnoreGlobals` resource attribute: `'*'` (ignore all) or a list of property names. */
function ignoredGlobals(resource: ResourceEntry): '*' | ReadonlySet<string> | undefined {
  const node = get(resource.node, 'IgnoreGlobals');
  if (stringValue(node) === '*') return '*';
  if (!isSeq(node)) return undefined;
  return new Set(node.items.map(stringValue).filter((v): v is string => v !== undefined));
}

/** The effective architecture is the first item of the (Globals-appended) Architectures list. */
function architectureField(ctx: BuildContext, view: PropertyView): Field<Architecture> {
  const found = view.find('Architectures');
  if (!found) return { value: 'x86_64', origin: 'default' };
  const items = view.listItems('Architectures');
  if (items === 'unresolved') {
    return { value: undefined, origin: found.origin, at: ctx.loc(found.entry.value, found.path), unresolved: 'Architectures is only known at deployment' };
  }
  const first = items[0];
  if (!first) return { value: 'x86_64', origin: 'default' };
  return view.fieldOf<Architecture>(
    { entry: { key: 'Architectures', keyNode: found.entry.keyNode, value: first.node }, path: first.path, origin: first.origin },
    (value) => (value === 'x86_64' || value === 'arm64' ? value : undefined),
  );
}

function packageTypeField(view: PropertyView, sam: boolean): Field<PackageType> {
  const explicit = view.find('PackageType');
  const convert = (value: unknown): PackageType | undefined => (value === 'Image' || value === 'Zip' ? value : undefined);
  if (explicit) return view.fieldOf(explicit, convert);
  const image = sam ? view.find('ImageUri') : view.child('Code').find('ImageUri');
  if (image) return { value: 'Image', origin: image.origin, at: view.fieldOf(image, toText).at! };
  return { value: 'Zip', origin: 'default' };
}

function layerCount(view: PropertyView): number {
  const items = view.listItems('Layers');
  return items === 'unresolved' ? 1 : items.length;
}

function vpcConfig(ctx: BuildContext, view: PropertyView): VpcConfig | undefined {
  const found = view.find('VpcConfig');
  if (!found) return undefined;
  const vpc = view.child('VpcConfig');
  const at = ctx.loc(found.entry.keyNode, found.path);
  if (vpc.intrinsicLayer()) return { at, origin: found.origin, attached: true };
  const subnets = vpc.listItems('SubnetIds');
  return { at, origin: found.origin, attached: subnets === 'unresolved' || subnets.length > 0 };
}

function environmentOf(ctx: BuildContext, resolver: Resolver, view: PropertyView): Environment | undefined {
  const env = view.child('Environment');
  const variablesKey = env.find('Variables');
  if (!variablesKey) return undefined;
  const variables = env.mapEntries('Variables').map(({ entry, path }) => {
    const resolved = resolver.resolve(entry.value, path);
    const value = resolved.kind === 'value' && !Array.isArray(resolved.value) && resolved.value !== null ? String(resolved.value) : undefined;
    return { name: entry.key, value, at: ctx.loc(entry.keyNode, path) };
  });
  return { variables, at: ctx.loc(variablesKey.entry.keyNode, variablesKey.path), origin: variablesKey.origin };
}

