/**
 * ECS task definitions and services -> model. One reader serves both spellings: the ECS API form used in
 * task definition JSON files (`containerDefinitions`, camelCase) and CloudFormation's
 * `AWS::ECS::TaskDefinition` (`ContainerDefinitions`, PascalCase). Services, their scalable targets and
 * scaling policies only exist in templates.
 */
import { FARGATE_LIMITS } from '../../data/limits.js';
import { type Field } from '../../model/field.js';
import { type PathSegment } from '../../model/location.js';
import { type Architecture, type EcsContainer, type EcsService, type EcsTaskDefinition, type ResourceBase, type ScalingPolicy } from '../../model/nodes.js';
import { get, isMap, isSeq, stringValue, type TreeNode } from '../document/tree.js';
import { type BuildContext, type ResourceEntry } from '../cloudformation/context.js';
import { type Resolver } from '../cloudformation/intrinsics.js';
import { ignoredRules } from '../cloudformation/metadata.js';
import { PropertyView } from '../cloudformation/properties.js';
import { getAttTarget } from '../cloudformation/references.js';
import { toBoolean, toNumber, toText, type Static } from '../cloudformation/values.js';

type Spelling = 'api' | 'cfn';

/** `cpu` as the ECS API takes it: units ("256", 1024) or vCPU ("0.25 vCPU", "1 vcpu"). */
export function toCpuUnits(value: Static | undefined): number | undefined {
  if (typeof value === 'number') return finitePositive(value);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!match) return undefined;
  const n = Number(match[1]);
  return finitePositive(match[2] ? Math.round(n * 1024) : n);
}

/** `memory` as the ECS API takes it: MiB ("512", 2048) or GB ("2 GB", "0.5GB"). */
export function toMemoryMb(value: Static | undefined): number | undefined {
  if (typeof value === 'number') return finitePositive(value);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(value);
  if (!match) return undefined;
  const n = Number(match[1]);
  return finitePositive(match[2] && /^g/i.test(match[2]) ? Math.round(n * 1024) : n);
}

/** A number above zero; one too large for a double (`1e309`) is not a number Crossover computes with. */
const finitePositive = (n: number): number | undefined => (Number.isFinite(n) && n > 0 ? n : undefined);

const toArchitecture = (value: Static | undefined): Architecture | undefined => {
  const text = typeof value === 'string' ? value.toUpperCase() : undefined;
  return text === 'ARM64' ? 'arm64' : text === 'X86_64' ? 'x86_64' : undefined;
};

function keyOf(spelling: Spelling): (name: string) => string {
  return spelling === 'cfn' ? (name) => name[0]!.toUpperCase() + name.slice(1) : (name) => name;
}

/** A task definition from its properties (`view`), in either spelling. */
function readTaskDefinition(ctx: BuildContext, resolver: Resolver, view: PropertyView, base: ResourceBase, spelling: Spelling): EcsTaskDefinition {
  const k = keyOf(spelling);
  const compatibilities = view
    .list(k('requiresCompatibilities'))
    .items.map((item) => (item.value !== undefined ? toText(item.value) : stringValue(item.node)))
    .filter((v): v is string => v !== undefined)
    .map((v) => v.toUpperCase());
  const containers: EcsContainer[] = view.list(k('containerDefinitions')).items.flatMap((item) => {
    if (!isMap(item.node)) return [];
    const c = PropertyView.of(ctx, resolver, item.node, item.path);
    const name = c.field(k('name'), toText).value ?? `container ${String(item.path[item.path.length - 1])}`;
    const container: EcsContainer = {
      name,
      loc: ctx.loc(c.find(k('name'))?.entry.keyNode ?? item.node, item.path),
      healthCheck: c.has(k('healthCheck')),
      essential: c.field(k('essential'), toBoolean, true).value ?? true,
    };
    const cpu = c.find(k('cpu'));
    if (cpu) container.cpuUnits = c.fieldOf(cpu, toNumber);
    const memory = c.find(k('memory'));
    if (memory) container.memoryMb = c.fieldOf(memory, toNumber);
    const reservation = c.find(k('memoryReservation'));
    if (reservation) container.memoryReservationMb = c.fieldOf(reservation, toNumber);
    for (const requirement of c.list(k('resourceRequirements')).items) {
      const type = isMap(requirement.node) ? stringValue(get(requirement.node, k('type'))) : undefined;
      if (type?.toUpperCase() === 'GPU') container.gpu = ctx.loc(requirement.node, requirement.path);
    }
    return [container];
  });
  return {
    ...base,
    kind: 'ecs-task-definition',
    family: view.field(k('family'), toText).value,
    cpuUnits: view.field(k('cpu'), toCpuUnits),
    memoryMb: view.field(k('memory'), toMemoryMb),
    architecture: view.child(k('runtimePlatform')).field(k('cpuArchitecture'), toArchitecture, 'x86_64'),
    compatibilities,
    fargate: compatibilities.includes('FARGATE'),
    // ECS's default network mode on Linux is bridge (Fargate accepts only awsvpc).
    networkMode: view.field(k('networkMode'), toText, 'bridge'),
    ephemeralStorageGb: view.child(k('ephemeralStorage')).field(k('sizeInGiB'), toNumber, FARGATE_LIMITS.defaultEphemeralStorageGb.value),
    containers,
  };
}

/**
 * A task definition JSON file: the ECS API form, or `aws ecs describe-task-definition` output
 * (`{"taskDefinition": {...}}`). Its id is the family, else the file name.
 */
export function readTaskDefinitionFile(ctx: BuildContext, resolver: Resolver): EcsTaskDefinition | undefined {
  const root = ctx.doc.root;
  const wrapped = get(root, 'taskDefinition');
  const node: TreeNode | undefined = isMap(wrapped) && isSeq(get(wrapped, 'containerDefinitions')) ? wrapped : root;
  if (!isMap(node)) return undefined;
  const path: PathSegment[] = node === root ? [] : ['taskDefinition'];
  const view = PropertyView.of(ctx, resolver, node, path);
  const familyKey = view.find('family');
  const fileName = ctx.doc.uri.slice(ctx.doc.uri.lastIndexOf('/') + 1);
  const family = view.field('family', toText).value;
  const base: ResourceBase = {
    id: family ?? fileName,
    type: 'ECS task definition',
    loc: ctx.loc(familyKey?.entry.keyNode ?? { start: node.start, end: node.start + 1 }, path),
    ignoredRules: [],
  };
  const definition = readTaskDefinition(ctx, resolver, view, base, 'api');
  // describe-task-definition output lists what the task is compatible with in `compatibilities`.
  if (!definition.fargate) {
    const compatible = view.list('compatibilities').items.some((i) => stringValue(i.node)?.toUpperCase() === 'FARGATE');
    if (compatible && definition.compatibilities.length === 0) definition.fargate = true;
  }
  return definition;
}

function base(ctx: BuildContext, resource: ResourceEntry): ResourceBase {
  return { id: resource.id, type: resource.type, loc: ctx.loc(resource.keyNode, ['Resources', resource.id]), ignoredRules: ignoredRules(resource.node) };
}

export function buildTaskDefinitionResource(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): EcsTaskDefinition {
  return readTaskDefinition(
    ctx,
    resolver,
    PropertyView.of(ctx, resolver, resource.properties, ['Resources', resource.id, 'Properties']),
    base(ctx, resource),
    'cfn',
  );
}

/** The logical id a `Ref` / `GetAtt` / `Sub` in `node` points at, when it is a resource of the template. */
export function referencedId(ctx: BuildContext, node: TreeNode | undefined): string | undefined {
  if (!isMap(node) || node.entries.length !== 1) return undefined;
  const [entry] = node.entries;
  if (entry!.key === 'Ref') {
    const name = stringValue(entry!.value);
    return name && ctx.resources.has(name) ? name : undefined;
  }
  if (entry!.key === 'Fn::GetAtt') {
    const target = getAttTarget(entry!.value);
    return target && ctx.resources.has(target.resource) ? target.resource : undefined;
  }
  return undefined;
}

export function buildService(ctx: BuildContext, resolver: Resolver, resource: ResourceEntry): EcsService {
  const view = PropertyView.of(ctx, resolver, resource.properties, ['Resources', resource.id, 'Properties']);
  let launchType: Field<string> = view.field('LaunchType', toText, 'EC2');
  const strategy = view.list('CapacityProviderStrategy');
  if (!view.has('LaunchType') && strategy.items.length) {
    const fargate = strategy.items.some((item) => /^FARGATE/i.test(stringValue(get(item.node, 'CapacityProvider')) ?? ''));
    launchType = { value: fargate ? 'FARGATE' : 'EC2', origin: 'explicit', at: ctx.loc(strategy.items[0]!.node, strategy.items[0]!.path) };
  }
  const loadBalancers = view.list('LoadBalancers');
  const lbFound = view.find('LoadBalancers');
  const breaker = view.child('DeploymentConfiguration').child('DeploymentCircuitBreaker').field('Enable', toBoolean, false);
  return {
    ...base(ctx, resource),
    kind: 'ecs-service',
    taskDefinitionId: referencedId(ctx, get(resource.properties, 'TaskDefinition')),
    launchType,
    // Without DesiredCount, CloudFormation creates a replica service with one task.
    desiredCount: view.field('DesiredCount', toNumber, 1),
    loadBalancers: loadBalancers.unresolved ? 1 : loadBalancers.items.length,
    ...(lbFound ? { loadBalancersAt: view.keyAt(lbFound) } : {}),
    circuitBreaker: breaker.value === true,
    scalingPolicies: [],
    ...instanceTypeOf(
      ctx,
      resolver,
      strategy.items.map((item) => get(item.node, 'CapacityProvider')),
    ),
  };
}

/**
 * The EC2 instance type behind the first EC2 capacity provider of a strategy: CapacityProvider (a Ref) ->
 * AutoScalingGroupProvider.AutoScalingGroupArn (a Ref to the group) -> LaunchTemplate.LaunchTemplateId (a Ref) ->
 * LaunchTemplateData.InstanceType, or the group's LaunchConfigurationName -> InstanceType. A link that is not a
 * Ref to a resource of the template ends the search: nothing is guessed.
 */
function instanceTypeOf(
  ctx: BuildContext,
  resolver: Resolver,
  providers: (TreeNode | undefined)[],
): { instanceType?: Field<string>; capacityMinSize?: Field<number> } {
  for (const provider of providers) {
    const providerId = referencedId(ctx, provider);
    const capacity = providerId ? ctx.resources.get(providerId) : undefined;
    if (capacity?.type !== 'AWS::ECS::CapacityProvider') continue;
    const groupId = referencedId(ctx, get(get(capacity.properties, 'AutoScalingGroupProvider'), 'AutoScalingGroupArn'));
    const group = groupId ? ctx.resources.get(groupId) : undefined;
    if (group?.type !== 'AWS::AutoScaling::AutoScalingGroup') continue;
    const groupView = PropertyView.of(ctx, resolver, group.properties, ['Resources', group.id, 'Properties']);
    const minSize = groupView.has('MinSize') ? { capacityMinSize: groupView.field('MinSize', toNumber) } : {};
    const templateId = referencedId(ctx, get(get(group.properties, 'LaunchTemplate'), 'LaunchTemplateId'));
    const template = templateId ? ctx.resources.get(templateId) : undefined;
    if (template?.type === 'AWS::EC2::LaunchTemplate') {
      const data = PropertyView.of(ctx, resolver, get(template.properties, 'LaunchTemplateData'), [
        'Resources',
        template.id,
        'Properties',
        'LaunchTemplateData',
      ]);
      if (data.has('InstanceType')) return { instanceType: data.field('InstanceType', toText), ...minSize };
    }
    const configurationId = referencedId(ctx, get(group.properties, 'LaunchConfigurationName'));
    const configuration = configurationId ? ctx.resources.get(configurationId) : undefined;
    if (configuration?.type === 'AWS::AutoScaling::LaunchConfiguration') {
      const view = PropertyView.of(ctx, resolver, configuration.properties, ['Resources', configuration.id, 'Properties']);
      if (view.has('InstanceType')) return { instanceType: view.field('InstanceType', toText), ...minSize };
    }
  }
  return {};
}

/**
 * Application Auto Scaling: scalable targets for `ecs:service:DesiredCount` whose ResourceId names a
 * service of the template, and the target-tracking policies on them, with their cooldowns.
 */
export function wireScaling(ctx: BuildContext, resolver: Resolver, services: Map<string, EcsService>): void {
  const targetService = new Map<string, EcsService>();
  const serviceIn = (node: TreeNode | undefined): EcsService | undefined => {
    // ResourceId is "service/<cluster>/<service name>", built with Sub or Join: any reference to a service counts.
    const stack: (TreeNode | undefined)[] = [node];
    let steps = 0;
    while (stack.length && steps++ < 1000) {
      const current = stack.pop();
      const id = referencedId(ctx, current);
      if (id && services.has(id)) return services.get(id);
      if (isMap(current)) {
        for (const entry of current.entries) {
          if (entry.key === 'Fn::Sub') {
            const template = stringValue(isSeq(entry.value) ? entry.value.items[0] : entry.value) ?? '';
            for (const match of template.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) if (services.has(match[1]!)) return services.get(match[1]!);
          }
          stack.push(entry.value);
        }
      } else if (isSeq(current)) stack.push(...current.items);
    }
    return undefined;
  };
  for (const resource of ctx.resources.values()) {
    if (resource.type !== 'AWS::ApplicationAutoScaling::ScalableTarget') continue;
    const service = serviceIn(get(resource.properties, 'ResourceId'));
    if (service) targetService.set(resource.id, service);
  }
  for (const resource of ctx.resources.values()) {
    if (resource.type !== 'AWS::ApplicationAutoScaling::ScalingPolicy') continue;
    const targetId = referencedId(ctx, get(resource.properties, 'ScalingTargetId'));
    const service = (targetId ? targetService.get(targetId) : undefined) ?? serviceIn(get(resource.properties, 'ResourceId'));
    if (!service) continue;
    const view = PropertyView.of(ctx, resolver, resource.properties, ['Resources', resource.id, 'Properties']).child(
      'TargetTrackingScalingPolicyConfiguration',
    );
    const policy: ScalingPolicy = { id: resource.id, loc: ctx.loc(resource.keyNode, ['Resources', resource.id]) };
    const out = view.find('ScaleOutCooldown');
    const inn = view.find('ScaleInCooldown');
    if (out) policy.scaleOutCooldownSeconds = view.fieldOf(out, toNumber);
    if (inn) policy.scaleInCooldownSeconds = view.fieldOf(inn, toNumber);
    service.scalingPolicies.push(policy);
  }
}
