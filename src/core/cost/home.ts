/**
 * Where each workload runs today, as its template says (its home platform), and what that takes: the home platform is
 * always costed for the workload (added to the scenario's platforms), sized from the template. A Lambda function runs
 * on Lambda, or on Lambda Managed Instances with a capacity provider; an ECS task on Fargate, or on EC2 (EC2-only
 * compatibilities, the EC2 launch type, an EC2 capacity provider, with its instance type when the template gives it);
 * an ECS Express Mode service on Express Mode; an App Runner service on App Runner. EKS node groups are capacity, not
 * a workload: their own cost only (capacityCosts).
 */
import { EKS_EXPRESS_DEFAULTS, FARGATE_TASK_SIZES } from '../data/limits.js';
import { type RegionalPriceKey } from '../data/price-table.js';
import { defaultField, type Field } from '../model/field.js';
import {
  type AppRunnerService,
  type EcsExpressService,
  type EcsService,
  type EcsTaskDefinition,
  type EksFargateProfile,
  type EksNodegroup,
  type LambdaFunction,
} from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { toCpuUnits, toMemoryMb } from '../parse/ecs/task-definition.js';
import { functionNeeds, once, taskNeeds, type Assumption, type Needs } from './assumptions.js';
import { type Comparison } from './estimate.js';
import { type Scenario } from './model.js';
import { platformById, platforms, type CostPart, type PlatformCost } from './platforms/index.js';
import { instanceMonth, onDemandHour } from './platforms/ec2-capacity.js';
import { type NodesCost } from './platforms/ecs-ec2.js';
import { type FargateCost } from './platforms/ecs-fargate.js';
import { type AppRunnerCost } from './platforms/app-runner.js';
import { eksClusterFee } from './platforms/eks-fargate.js';
import { defaultManagedOptions } from './platforms/fargate-like.js';
import { type ManagedInstancesCost } from './platforms/lambda-managed.js';
import { priceBook } from './price-book.js';
import { type CostSettings } from './settings.js';
import { type UsageFile } from './usage-file.js';

/** Where a workload runs today and its size there. */
export interface RunsOn {
  /** The platform's id ('lambda', 'lambda-managed', 'ecs-fargate', 'ecs-ec2', 'ecs-express', 'app-runner', 'eks-ec2', 'eks-fargate'). */
  platform: string;
  /** Its size there at the typical traffic, in words: '3 x m7g.large', '2 x 1 vCPU / 2 GB tasks', '1024 MB arm64'. */
  sizing: string;
  /** What in the template says so ("RequiresCompatibilities: EC2", "LaunchType: EC2 on Service", ...). */
  evidence: string;
}

/** What is estimated: a Lambda function, an ECS task definition and the service running it, an Express Mode or App Runner service. */
export type Workload =
  | { kind: 'lambda-function'; fn: LambdaFunction; rdsProxy?: boolean; natGateways?: number }
  | { kind: 'ecs-task'; task: EcsTaskDefinition; service?: EcsService | undefined; natGateways?: number }
  | { kind: 'express-service'; service: EcsExpressService; natGateways?: number }
  | { kind: 'app-runner-service'; service: AppRunnerService; natGateways?: number };

/** A workload's needs and its home platform (the platform is in the scenario's platforms). */
export interface HomeNeeds extends Needs {
  home: { platform: string; evidence: string };
}

/** Scenario platforms with the home platform added (the user's list, else the platforms costed by default). */
function withHome(scenario: Scenario, platform: string): Scenario {
  const enabled = scenario.platforms ?? platforms(scenario).map((p) => p.id);
  // A template with an App Runner service is an existing App Runner customer's (App Runner takes no new ones).
  const own = platform === 'app-runner' ? { ...scenario, appRunnerCustomer: true } : scenario;
  return enabled.includes(platform) ? { ...own, platforms: enabled } : { ...own, platforms: [...enabled, platform] };
}

const runsOnAssumption = (platform: string, evidence: string): Assumption => ({
  name: 'Runs on today',
  value: `${platformById(platform)?.label ?? platform} (${evidence})`,
  source: 'template',
});

/** Does the task run on EC2 capacity today, and what says so? */
export function taskHome(task: EcsTaskDefinition, service: EcsService | undefined): { platform: 'ecs-ec2' | 'ecs-fargate'; evidence: string } {
  if (service?.launchType.value === 'FARGATE')
    return {
      platform: 'ecs-fargate',
      evidence: service.launchType.keyAt ? `LaunchType: FARGATE on ${service.id}` : `a Fargate capacity provider of ${service.id}`,
    };
  if (service?.instanceType) return { platform: 'ecs-ec2', evidence: `the EC2 capacity provider of ${service.id}` };
  if (service?.launchType.value === 'EC2' && service.launchType.origin === 'explicit')
    return { platform: 'ecs-ec2', evidence: service.launchType.keyAt ? `LaunchType: EC2 on ${service.id}` : `an EC2 capacity provider of ${service.id}` };
  if (!task.fargate && task.compatibilities.includes('EC2')) return { platform: 'ecs-ec2', evidence: 'RequiresCompatibilities: EC2' };
  return { platform: 'ecs-fargate', evidence: task.fargate ? 'Fargate' : 'nothing says EC2: costed as Fargate' };
}

/**
 * An EC2 task's size: the task's cpu and memory, else the containers' reservations summed (cpu; memoryReservation, else
 * memory). Undefined when a container's value is not static or a container has no memory at all.
 */
function ec2TaskSize(task: EcsTaskDefinition): { cpuUnits: number; memoryMb: number; notes: string[]; summed: boolean } | undefined {
  const notes: string[] = [];
  let cpu = task.cpuUnits.value;
  let memory = task.memoryMb.value;
  let summed = false;
  if (cpu === undefined) {
    if (task.cpuUnits.unresolved || task.containers.some((c) => c.cpuUnits && c.cpuUnits.value === undefined)) return undefined;
    cpu = task.containers.reduce((a, c) => a + (c.cpuUnits?.value ?? 0), 0);
    summed = true;
    if (cpu <= 0) {
      cpu = FARGATE_TASK_SIZES[0]!.cpuUnits;
      notes.push(`The task reserves no CPU (ECS places it by memory): ${cpu / 1024} vCPU assumed, the smallest Fargate size.`);
    }
  }
  if (memory === undefined) {
    if (task.memoryMb.unresolved) return undefined;
    const each = task.containers.map((c) => (c.memoryReservationMb ?? c.memoryMb)?.value);
    if (each.length === 0 || each.some((m) => m === undefined)) return undefined;
    memory = each.reduce((a: number, m) => a + m!, 0);
    summed = true;
  }
  return { cpuUnits: cpu, memoryMb: memory, notes, summed };
}

const explicit = (value: number): Field<number> => ({ value, origin: 'explicit' });

function ecsTaskNeeds(
  task: EcsTaskDefinition,
  service: EcsService | undefined,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  natGateways: number,
): HomeNeeds | undefined {
  const home = taskHome(task, service);
  if (home.platform === 'ecs-fargate') {
    const needs = taskNeeds(task, service, templatePath, usage, settings, { natGateways });
    return (
      needs && {
        ...needs,
        scenario: withHome(needs.scenario, home.platform),
        assumptions: once(() => [...needs.assumptions(), runsOnAssumption(home.platform, home.evidence)]),
        home,
      }
    );
  }
  const size = ec2TaskSize(task);
  if (!size) return undefined;
  const needs = taskNeeds({ ...task, cpuUnits: explicit(size.cpuUnits), memoryMb: explicit(size.memoryMb) }, service, templatePath, usage, settings, {
    natGateways,
  });
  if (!needs) return undefined;
  const type = service?.instanceType;
  const minSize = service?.capacityMinSize?.value;
  const ec2: Scenario['ec2'] = {
    ...needs.scenario.ec2,
    ...(type?.value ? { instanceType: type.value, instanceTypeFrom: `from the template: the capacity provider of ${service!.id}` } : {}),
    ...(minSize !== undefined && Number.isFinite(minSize) && minSize >= 0 ? { minInstances: Math.round(minSize) } : {}),
  };
  const scenario: Scenario = { ...withHome(needs.scenario, 'ecs-ec2'), ...(Object.keys(ec2).length ? { ec2 } : {}) };
  const assumptions = once(() => {
    const list: Assumption[] = [...needs.assumptions(), runsOnAssumption('ecs-ec2', home.evidence)];
    if (ec2.minInstances !== undefined)
      list.push({
        name: 'Minimum EC2 instances',
        value: `${ec2.minInstances} (MinSize of the capacity provider's Auto Scaling group)`,
        source: 'template',
      });
    if (size.summed)
      list.push({
        name: 'Task size',
        value: `${size.cpuUnits} CPU units / ${size.memoryMb} MiB: the containers' reservations summed`,
        source: 'template',
      });
    list.push(
      type?.value
        ? { name: 'EC2 instance type', value: `${type.value} (from the template)`, source: 'template' }
        : {
            name: 'EC2 instance type',
            value: type?.unresolved ? `not static (${type.unresolved}): the default type` : 'not in the template: the default type',
            source: 'default',
          },
    );
    return list;
  });
  return { ...needs, scenario, assumptions, notes: [...needs.notes, ...size.notes], home };
}

/** A task definition and service standing for a service that has no task definition of its own (Express Mode, App Runner). */
function standIn(node: EcsExpressService | AppRunnerService, cpuUnits: number, memoryMb: number): { task: EcsTaskDefinition; service: EcsService } {
  const base = { id: node.id, type: node.type, loc: node.loc, ignoredRules: node.ignoredRules };
  return {
    task: {
      ...base,
      kind: 'ecs-task-definition',
      family: undefined,
      cpuUnits: explicit(cpuUnits),
      memoryMb: explicit(memoryMb),
      architecture: defaultField('x86_64'),
      compatibilities: ['FARGATE'],
      fargate: true,
      networkMode: defaultField('awsvpc'),
      ephemeralStorageGb: defaultField<number>(undefined),
      containers: [],
    },
    service: {
      ...base,
      kind: 'ecs-service',
      taskDefinitionId: node.id,
      launchType: defaultField('FARGATE'),
      desiredCount: defaultField(1),
      loadBalancers: 1,
      circuitBreaker: false,
      scalingPolicies: [],
    },
  };
}

/** An autoscaled service's needs: the stand-in task's needs with the fleet sized from traffic between its bounds. */
function autoscaledNeeds(
  node: EcsExpressService | AppRunnerService,
  size: { cpuUnits: number; memoryMb: number },
  bounds: { min: Field<number> | undefined; max: Field<number> | undefined },
  home: { platform: string; evidence: string },
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  natGateways: number,
): HomeNeeds | undefined {
  const { task, service } = standIn(node, size.cpuUnits, size.memoryMb);
  const needs = taskNeeds(task, service, templatePath, usage, settings, { natGateways });
  if (!needs) return undefined;
  const min = bounds.min?.value ?? settings.fargate.minTasks;
  const max = bounds.max?.value !== undefined ? bounds.max.value : settings.fargate.maxTasks;
  const scenario: Scenario = withHome({ ...needs.scenario, fargate: { ...needs.scenario.fargate, tasks: null, minTasks: min, maxTasks: max } }, home.platform);
  const given = (f: Field<number> | undefined) => f?.value !== undefined && f.origin === 'explicit';
  const word = home.platform === 'app-runner' ? 'instances' : 'tasks';
  const assumptions = once(() => [
    ...needs.assumptions().filter((a) => a.name !== 'Tasks' && a.name !== 'Fargate task'),
    { name: 'Task size', value: `${size.cpuUnits / 1024} vCPU / ${size.memoryMb / 1024} GB`, source: 'template' as const },
    {
      name: 'Tasks',
      value: `autoscaled from traffic between ${min} and ${max ?? 'any number of'} ${word}${given(bounds.min) && (bounds.max === undefined || given(bounds.max)) ? '' : ' (bounds not all in the template: the settings\u2019 Fargate bounds fill in)'}`,
      source: given(bounds.min) || given(bounds.max) ? ('template' as const) : ('settings' as const),
    },
    runsOnAssumption(home.platform, home.evidence),
  ]);
  return { ...needs, scenario, assumptions, home };
}

/** Every workload's needs with its home platform (undefined: a task whose size is not static). */
export function workloadNeeds(workload: Workload, templatePath: string, usage: UsageFile, settings: CostSettings): HomeNeeds | undefined {
  const natGateways = workload.natGateways ?? 0;
  switch (workload.kind) {
    case 'lambda-function': {
      const fn = workload.fn;
      const needs = functionNeeds(fn, templatePath, usage, settings, { rdsProxy: workload.rdsProxy ?? false, natGateways });
      if (!fn.capacityProvider) return { ...needs, home: { platform: 'lambda', evidence: 'a Lambda function' } };
      const home = { platform: 'lambda-managed', evidence: 'CapacityProviderConfig' };
      const ratio = fn.memoryGibPerVcpu?.value;
      const scenario: Scenario = {
        ...withHome(needs.scenario, home.platform),
        ...(ratio !== undefined ? { ec2: { ...needs.scenario.ec2, managedMemoryGibPerVcpu: ratio } } : {}),
      };
      return { ...needs, scenario, assumptions: once(() => [...needs.assumptions(), runsOnAssumption(home.platform, home.evidence)]), home };
    }
    case 'ecs-task':
      return ecsTaskNeeds(workload.task, workload.service, templatePath, usage, settings, natGateways);
    case 'express-service': {
      const s = workload.service;
      if (s.cpuUnits.value === undefined || s.memoryMb.value === undefined) return undefined;
      return autoscaledNeeds(
        s,
        { cpuUnits: s.cpuUnits.value, memoryMb: s.memoryMb.value },
        { min: s.minTasks, max: s.maxTasks },
        { platform: 'ecs-express', evidence: 'AWS::ECS::ExpressGatewayService' },
        templatePath,
        usage,
        settings,
        natGateways,
      );
    }
    case 'app-runner-service': {
      const s = workload.service;
      const cpu = appRunnerCpu(s.cpu.value);
      const memory = toMemoryMb(s.memory.value);
      if (cpu === undefined || memory === undefined) return undefined;
      return autoscaledNeeds(
        s,
        { cpuUnits: cpu, memoryMb: memory },
        { min: undefined, max: undefined },
        { platform: 'app-runner', evidence: 'AWS::AppRunner::Service: an existing App Runner customer' },
        templatePath,
        usage,
        settings,
        natGateways,
      );
    }
  }
}

/** App Runner's Cpu: "1 vCPU", "0.25 vCPU" or CPU units ("1024"). */
const appRunnerCpu = (value: string | undefined): number | undefined => toCpuUnits(value);

const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;
const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The home platform's size at the typical traffic, in words. */
export function sizingOf(platform: string, typical: Comparison, scenario: Scenario): string {
  const cost = typical.platforms.find((p) => p.platform === platform);
  switch (platform) {
    case 'lambda':
      return `${scenario.lambda.memoryMb} MB ${scenario.lambda.architecture}`;
    case 'lambda-managed': {
      const m = cost as ManagedInstancesCost | undefined;
      return m?.instanceType ? `${m.instances} x ${m.instanceType}` : `${scenario.lambda.memoryMb} MB (no instance type priced)`;
    }
    case 'ecs-ec2':
    case 'eks-ec2': {
      const n = cost as NodesCost | undefined;
      return n?.instanceType ? `${n.instances} x ${n.instanceType}` : 'no instance type holds the task';
    }
    case 'app-runner': {
      const a = cost as AppRunnerCost | undefined;
      return a ? `${a.instances} x ${a.instance.vcpu} vCPU / ${a.instance.memoryGb} GB ${plural(a.instances, 'instance')}` : '';
    }
    default: {
      const f = (cost ?? typical.fargate) as FargateCost;
      const tasks = f.fewestTasks === f.tasks ? `${f.tasks}` : `${f.fewestTasks}-${f.tasks}`;
      return `${tasks} x ${count(f.vcpu)} vCPU / ${count(f.memoryGb)} GB ${plural(f.tasks, 'task')}`;
    }
  }
}

/** The home platform's figure in a comparison. */
export function homeCost(c: Comparison, runsOn: RunsOn): PlatformCost | undefined {
  return c.platforms.find((p) => p.platform === runsOn.platform);
}

/** Capacity that is not one workload: an EKS node group (its own cost) or a Fargate profile (a note). */
export interface CapacityCost {
  node: EksNodegroup | EksFargateProfile;
  runsOn: RunsOn;
  /** Its own monthly cost at its desired size; undefined when the template does not say what it costs (a Fargate profile, a type that is not static). */
  own?: { monthlyUsd: number; parts: CostPart[] };
  /** Why no Lambda (or other platform) figure stands beside it: the template does not say what runs on it. */
  comparison: { available: false; why: string };
  assumptions: Assumption[];
  notes: string[];
  region: string;
  /** Regional prices read (public IPv4 is not; catalogue prices are named in `catalogue`). */
  priceKeys: RegionalPriceKey[];
  catalogue: string[];
}

const NODEGROUP_WHY =
  'A node group is capacity shared by whatever the cluster schedules on it; the template does not say what runs there, so there is no workload to price as Lambda or elsewhere.';
const PROFILE_WHY =
  'A Fargate profile selects pods by namespace and labels; the pods (their requests and count) are not in the template, so nothing is priced.';

/**
 * The template's EKS node groups, each at its desired size: nodes x 730 h x the region's on-demand price of its
 * instance type, plus its share of the cluster fee (standard support, split between the template's node groups of the
 * same cluster, as the eks-ec2 platform splits it between services); its Fargate profiles as a note.
 */
export function capacityCosts(model: TemplateModel, usage: UsageFile, settings: CostSettings): CapacityCost[] {
  const region = usage.region ?? settings.region;
  const prices = priceBook(region, settings.priceOverrides);
  const out: CapacityCost[] = [];
  const groupsOf = (clusterId: string | undefined) => (clusterId ? model.eksNodegroups.filter((g) => g.clusterId === clusterId).length : 1);
  for (const group of model.eksNodegroups) {
    const notes: string[] = [];
    const assumptions: Assumption[] = [];
    const type = group.instanceType.value;
    const nodes = group.desiredSize.value ?? group.minSize.value ?? EKS_EXPRESS_DEFAULTS.nodegroupDesiredSize.value;
    const source = (f: Field<unknown>) => (f.origin === 'default' ? 'default' : 'template');
    assumptions.push(
      {
        name: 'Nodes',
        value: `${nodes} (desired size${group.desiredSize.value === undefined ? ' not static: the minimum or the default' : ''})`,
        source: source(group.desiredSize),
      },
      { name: 'Instance type', value: type ?? `not static (${group.instanceType.unresolved ?? 'unresolved'})`, source: source(group.instanceType) },
    );
    if (group.gpu) notes.push('GPU node group: priced only if the price data has its instance type.');
    const catalogue: string[] = [];
    let own: CapacityCost['own'];
    if (type !== undefined) {
      const price = onDemandHour(prices, type);
      if (price) catalogue.push(price.key);
      else notes.push(`No EC2 on-demand price for ${type} in ${region} in the sources: the nodes are not counted, so the figure is incomplete.`);
      const shared = groupsOf(group.clusterId);
      // The one computation of the cluster fee (standard support), split between the cluster's node groups here.
      const fee = eksClusterFee({ managed: { ...defaultManagedOptions(), eks: { support: 'standard', clustersSharedBy: shared } } }, prices);
      if (fee.price.provenance === 'own') catalogue.push(fee.price.key);
      notes.push(...fee.notes);
      assumptions.push({
        name: 'EKS cluster',
        value: `standard support, its fee shared by ${shared} node ${plural(shared, 'group')} of the cluster in this template; no NAT gateway, public IPv4 or EBS counted`,
        source: 'default',
      });
      const parts: CostPart[] = [
        {
          key: 'nodes',
          label: price ? `EC2 nodes (${nodes} x ${type})` : `EC2 nodes (no ${region} price for ${type}: not counted)`,
          usd: nodes * instanceMonth(price),
        },
        { key: 'cluster', label: shared > 1 ? `EKS cluster (1/${shared} share)` : 'EKS cluster', usd: fee.usd },
      ];
      own = { monthlyUsd: parts.reduce((a, p) => a + p.usd, 0), parts };
    }
    out.push({
      node: group,
      runsOn: {
        platform: 'eks-ec2',
        sizing: type ? `${nodes} x ${type} ${plural(nodes, 'node')}` : `${nodes} ${plural(nodes, 'node')}`,
        evidence: 'AWS::EKS::Nodegroup',
      },
      ...(own ? { own } : {}),
      comparison: { available: false, why: NODEGROUP_WHY },
      assumptions,
      notes,
      region,
      priceKeys: [],
      catalogue,
    });
  }
  for (const profile of model.eksFargateProfiles) {
    out.push({
      node: profile,
      runsOn: { platform: 'eks-fargate', sizing: 'pods not in the template', evidence: 'AWS::EKS::FargateProfile' },
      comparison: { available: false, why: PROFILE_WHY },
      assumptions: [],
      notes: [PROFILE_WHY],
      region,
      priceKeys: [],
      catalogue: [],
    });
  }
  return out;
}
