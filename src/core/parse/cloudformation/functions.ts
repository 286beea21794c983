/**
 * AWS::Serverless::Function and AWS::Lambda::Function -> LambdaFunction: every setting after SAM Globals
 * and the service defaults (128 MB, 3 s, x86_64, 512 MB of /tmp, a Zip package). Events and links are
 * added by the build afterwards, once every function and API is known.
 */
import { LAMBDA_LIMITS } from '../../data/limits.js';
import { type Field } from '../../model/field.js';
import { type Architecture, type Environment, type EnvironmentVariable, type LambdaFunction, type PackageType, type VpcConfig } from '../../model/nodes.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { resourceLayers, type SamGlobals } from './globals.js';
import { type Resolver } from './intrinsics.js';
import { ignoredRules } from './metadata.js';
import { PropertyView } from './properties.js';
import { asStringPart, toEnum, toNumber, toText } from './values.js';

export interface FunctionBuild {
  fn: LambdaFunction;
  view: PropertyView;
  resource: ResourceEntry;
}

const toArchitecture = toEnum<Architecture>(['x86_64', 'arm64']);
const toPackageType = toEnum<PackageType>(['Zip', 'Image']);

export function buildFunction(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry, globals: SamGlobals): FunctionBuild {
  const sam = resource.type === 'AWS::Serverless::Function';
  const view = new PropertyView(ctx, resolver, resourceLayers(resource, globals));
  const layers = view.list('Layers');
  const fn: LambdaFunction = {
    kind: 'lambda-function',
    id: resource.id,
    type: resource.type,
    loc: ctx.loc(resource.keyNode, ['Resources', resource.id]),
    ignoredRules: ignoredRules(resource.node),
    name: view.field('FunctionName', toText).value ?? resource.id,
    memoryMb: view.field('MemorySize', toNumber, LAMBDA_LIMITS.defaultMemoryMb.value),
    timeoutSeconds: view.field('Timeout', toNumber, LAMBDA_LIMITS.defaultTimeoutSeconds.value),
    runtime: view.field('Runtime', toText),
    architecture: architectureField(view),
    ephemeralStorageMb: view.child('EphemeralStorage').field('Size', toNumber, LAMBDA_LIMITS.minEphemeralStorageMb.value),
    packageType: packageTypeField(view, sam),
    handler: view.field('Handler', toText),
    snapStart: view.child('SnapStart').field('ApplyOn', toText, 'None'),
    // Layers that cannot be counted might exist: count one, so rules that care stay cautious.
    layers: layers.unresolved ? Math.max(1, layers.items.length) : layers.items.length,
    events: [],
    links: [],
  };
  if (layers.unresolved) fn.layersUnresolved = layers.unresolved.reason;
  const reserved = view.find('ReservedConcurrentExecutions');
  if (reserved) fn.reservedConcurrency = view.fieldOf(reserved, toNumber);
  // SAM's ProvisionedConcurrencyConfig lands on the alias it publishes; CloudFormation's is wired later.
  const provisioned = sam ? view.child('ProvisionedConcurrencyConfig').find('ProvisionedConcurrentExecutions') : undefined;
  if (provisioned) fn.provisionedConcurrency = view.fieldOf(provisioned, toNumber);
  const vpc = vpcConfig(ctx, view);
  if (vpc) fn.vpc = vpc;
  const environment = environmentOf(ctx, resolver, view);
  if (environment) fn.environment = environment;
  const capacity = view.find('CapacityProviderConfig');
  if (capacity) {
    fn.capacityProvider = ctx.loc(capacity.entry.keyNode, capacity.path);
    const ratio = view.child('CapacityProviderConfig').child('LambdaManagedInstancesCapacityProviderConfig').find('ExecutionEnvironmentMemoryGiBPerVCpu');
    if (ratio) fn.memoryGibPerVcpu = view.fieldOf(ratio, toNumber);
  }
  return { fn, view, resource };
}

/**
 * The effective architecture is the first item of `Architectures`. SAM concatenates the Globals list
 * and the function's list (Globals first), and the transform's output keeps that first item.
 */
function architectureField(view: PropertyView): Field<Architecture> {
  const found = view.find('Architectures');
  if (!found) return { value: 'x86_64', origin: 'default' };
  const list = view.list('Architectures');
  if (list.unresolved)
    return { value: undefined, origin: list.unresolved.origin, at: list.unresolved.at, keyAt: view.keyAt(found), unresolved: list.unresolved.reason };
  const first = list.items[0];
  if (!first) return { value: 'x86_64', origin: 'default' };
  return view.itemField(first, found.entry.keyNode, toArchitecture);
}

/** Zip unless PackageType says Image, or an image is given (SAM `ImageUri`, CloudFormation `Code.ImageUri`). */
function packageTypeField(view: PropertyView, sam: boolean): Field<PackageType> {
  const explicit = view.find('PackageType');
  if (explicit) return view.fieldOf(explicit, toPackageType, 'Zip');
  const image = sam ? view.find('ImageUri') : view.child('Code').find('ImageUri');
  if (!image) return { value: 'Zip', origin: 'default' };
  const at = view.fieldOf(image, toText);
  return { value: 'Image', origin: image.origin, ...(at.at ? { at: at.at } : {}), ...(at.keyAt ? { keyAt: at.keyAt } : {}), via: 'an image URI is given' };
}

function vpcConfig(ctx: BuildContext, view: PropertyView): VpcConfig | undefined {
  const found = view.find('VpcConfig');
  if (!found) return undefined;
  const at = ctx.loc(found.entry.keyNode, found.path);
  const vpc = view.child('VpcConfig');
  if (vpc.layers.length === 0) return undefined; // `VpcConfig: !Ref AWS::NoValue`
  const enclosing = vpc.enclosingUnresolved();
  if (enclosing) return { at, origin: found.origin, attached: true, unresolved: enclosing.reason };
  const subnets = vpc.list('SubnetIds');
  if (subnets.unresolved) return { at, origin: found.origin, attached: true, unresolved: subnets.unresolved.reason };
  // Subnet ids that resolve to empty text (a list parameter defaulting to "") attach nothing.
  const attached = subnets.items.some((item) => item.value === undefined || (asStringPart(item.value) ?? '') !== '');
  return { at, origin: found.origin, attached };
}

function environmentOf(ctx: BuildContext, resolver: Resolver, view: PropertyView): Environment | undefined {
  const envKey = view.find('Environment');
  if (!envKey) return undefined;
  const env = view.child('Environment');
  const enclosing = env.enclosingUnresolved();
  if (enclosing) return { variables: [], at: ctx.loc(envKey.entry.keyNode, envKey.path), origin: envKey.origin, unresolved: enclosing.reason };
  const variablesKey = env.find('Variables');
  if (!variablesKey) return undefined;
  const merged = env.map('Variables');
  const variables: EnvironmentVariable[] = [];
  for (const { entry, path, origin } of merged.entries) {
    const resolved = resolver.resolve(entry.value, path);
    if (resolved.kind === 'absent') continue; // `!Ref AWS::NoValue` removes the variable
    const value = resolved.kind === 'value' ? asStringPart(resolved.value) : undefined;
    const variable: EnvironmentVariable = { name: entry.key, value, at: ctx.loc(entry.keyNode, path), valueAt: ctx.loc(entry.value, path), origin };
    if (resolved.kind === 'unresolved') variable.unresolved = resolved.reason;
    variables.push(variable);
  }
  const environment: Environment = { variables, at: ctx.loc(variablesKey.entry.keyNode, variablesKey.path), origin: variablesKey.origin };
  if (merged.unresolved) environment.unresolved = merged.unresolved.reason;
  return environment;
}
