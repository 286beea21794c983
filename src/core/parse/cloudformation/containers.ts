/**
 * EKS managed node groups and Fargate profiles, and ECS Express Mode services -> model. Values are located where
 * they are written; what is left out takes the service's default (src/core/data/limits.ts, EKS_EXPRESS_DEFAULTS);
 * what cannot be known statically is left unresolved.
 */
import { EKS_EXPRESS_DEFAULTS } from '../../data/limits.js';
import { defaultField, type Field } from '../../model/field.js';
import { type Architecture, type EcsExpressService, type EksFargateProfile, type EksNodegroup, type ResourceBase } from '../../model/nodes.js';
import { get } from '../document/tree.js';
import { referencedId, toCpuUnits, toMemoryMb } from '../ecs/task-definition.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { type Resolver } from './intrinsics.js';
import { ignoredRules } from './metadata.js';
import { PropertyView } from './properties.js';
import { toNumber, toText } from './values.js';

function base(ctx: BuildContext, resource: ResourceEntry): ResourceBase {
  return { id: resource.id, type: resource.type, loc: ctx.loc(resource.keyNode, ['Resources', resource.id]), ignoredRules: ignoredRules(resource.node) };
}

const viewOf = (ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): PropertyView =>
  PropertyView.of(ctx, resolver, resource.properties, ['Resources', resource.id, 'Properties']);

/** Graviton families: a letter family, its generation, then `g` among the suffixes (m7g, c7gn, r6gd, t4g, x2gd, im4gn). */
const ARM_FAMILY = /^[a-z]+\d+[a-z]*g[a-z]*\./i;
/** GPU and accelerator families: g4dn, g5, p4d, p5, inf1, inf2, trn1, gr6. */
const GPU_FAMILY = /^(g\d|gr\d|p\d|inf\d|trn\d)/i;
/** Arm AMI types: AL2_ARM_64, AL2023_ARM_64_STANDARD, AL2023_ARM_64_NVIDIA, BOTTLEROCKET_ARM_64, BOTTLEROCKET_ARM_64_NVIDIA. */
const ARM_AMI = /ARM_64/i;
/** GPU AMI types: AL2_x86_64_GPU, AL2023_x86_64_NVIDIA, AL2023_x86_64_NEURON, BOTTLEROCKET_x86_64_NVIDIA, ... */
const GPU_AMI = /GPU|NVIDIA|NEURON/i;

export const isArmInstanceType = (type: string): boolean => ARM_FAMILY.test(type);
export const isGpuInstanceType = (type: string): boolean => GPU_FAMILY.test(type);

/**
 * The node group's instance type: the first of `InstanceTypes`, else its launch template's `InstanceType` (a Ref to an
 * `AWS::EC2::LaunchTemplate` of the template), else EKS's default.
 */
function nodegroupInstanceType(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry, view: PropertyView): Field<string> {
  const found = view.find('InstanceTypes');
  if (found) {
    const list = view.list('InstanceTypes');
    if (list.unresolved) return { value: undefined, origin: 'explicit', at: list.unresolved.at, keyAt: view.keyAt(found), unresolved: list.unresolved.reason };
    const first = list.items[0];
    if (first) return view.itemField(first, found.entry.keyNode, toText);
  }
  const templateId = referencedId(ctx, get(get(resource.properties, 'LaunchTemplate'), 'Id'));
  const template = templateId ? ctx.resources.get(templateId) : undefined;
  if (template?.type === 'AWS::EC2::LaunchTemplate') {
    const data = PropertyView.of(ctx, resolver, get(template.properties, 'LaunchTemplateData'), ['Resources', template.id, 'Properties', 'LaunchTemplateData']);
    if (data.has('InstanceType')) return data.field('InstanceType', toText);
  }
  return defaultField(EKS_EXPRESS_DEFAULTS.nodegroupInstanceType.value);
}

export function buildEksNodegroup(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): EksNodegroup {
  const view = viewOf(ctx, resolver, resource);
  const instanceType = nodegroupInstanceType(ctx, resolver, resource, view);
  const amiType = view.field('AmiType', toText);
  const scaling = view.child('ScalingConfig');
  const d = EKS_EXPRESS_DEFAULTS;
  const type = instanceType.value ?? '';
  let architecture: Field<Architecture>;
  if (amiType.value !== undefined) architecture = { ...amiType, value: ARM_AMI.test(amiType.value) ? 'arm64' : 'x86_64' };
  else if (instanceType.value !== undefined && instanceType.origin !== 'default')
    architecture = { ...instanceType, value: isArmInstanceType(type) ? 'arm64' : 'x86_64' };
  else architecture = defaultField<Architecture>('x86_64');
  return {
    ...base(ctx, resource),
    kind: 'eks-nodegroup',
    clusterId: referencedId(ctx, get(resource.properties, 'ClusterName')),
    instanceType,
    desiredSize: scaling.field('DesiredSize', toNumber, d.nodegroupDesiredSize.value),
    minSize: scaling.field('MinSize', toNumber, d.nodegroupMinSize.value),
    maxSize: scaling.field('MaxSize', toNumber, d.nodegroupMaxSize.value),
    architecture,
    gpu: (amiType.value !== undefined && GPU_AMI.test(amiType.value)) || isGpuInstanceType(type),
  };
}

export function buildEksFargateProfile(ctx: BuildContext, resource: ResourceEntry): EksFargateProfile {
  return { ...base(ctx, resource), kind: 'eks-fargate-profile', clusterId: referencedId(ctx, get(resource.properties, 'ClusterName')) };
}

/**
 * `AWS::ECS::ExpressGatewayService`: `Cpu` and `Memory` (strings in units / MiB, or "1 vCPU" / "2 GB"), and
 * `ScalingTarget.MinTaskCount` / `MaxTaskCount`. The task-count bounds have no documented default: absent, they stay
 * unknown (the cost takes the settings' bounds and says so).
 */
export function buildExpressService(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): EcsExpressService {
  const view = viewOf(ctx, resolver, resource);
  const scaling = view.child('ScalingTarget');
  return {
    ...base(ctx, resource),
    kind: 'ecs-express-service',
    cpuUnits: view.field('Cpu', toCpuUnits, EKS_EXPRESS_DEFAULTS.expressCpuUnits.value),
    memoryMb: view.field('Memory', toMemoryMb, EKS_EXPRESS_DEFAULTS.expressMemoryMb.value),
    minTasks: scaling.field('MinTaskCount', toNumber),
    maxTasks: scaling.field('MaxTaskCount', toNumber),
  };
}
