/**
 * The cost estimates of every workload of one template: each Lambda function, each ECS task
 * definition (run by its first service, or alone) and service, each ECS Express Mode and App Runner service, each
 * on the platform it runs on today (`estimate.runsOn`) and the others; and the template's EKS capacity (node groups
 * at their own cost, Fargate profiles as a note). The CLI's `cost` and `diff`, and the editor's CodeLenses, hovers
 * and views all read their figures from here.
 */
import { type AppRunnerService, type EcsExpressService, type EcsService, type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { estimateWorkload, type WorkloadEstimate } from './estimate.js';
import { usesRdsProxy } from './assumptions.js';
import { capacityCosts, type CapacityCost } from './home.js';
import { type CostSettings } from './settings.js';
import { type UsageFile } from './usage-file.js';

export interface FunctionCost {
  fn: LambdaFunction;
  estimate: WorkloadEstimate;
}

/** A task definition (and the service running it), or a service, with its Fargate and Lambda estimate. */
export interface TaskCost {
  node: EcsTaskDefinition | EcsService;
  task: EcsTaskDefinition;
  estimate: WorkloadEstimate;
}

/** An ECS Express Mode or App Runner service: a workload without a task definition of its own. */
export interface ServiceCost {
  node: EcsExpressService | AppRunnerService;
  estimate: WorkloadEstimate;
}

export type { CapacityCost } from './home.js';

interface TemplateCosts {
  functions: FunctionCost[];
  tasks: TaskCost[];
  /** Express Mode services (home: ecs-express) and App Runner services (home: app-runner). */
  services: ServiceCost[];
  /** EKS node groups (their own cost, no comparison) and Fargate profiles (a note). */
  capacity: CapacityCost[];
}

/**
 * `templatePath`: how the usage file names the template (`path#LogicalId`). A workload whose estimate
 * throws is left out and reported to `onError` (the hosts log it), so one bad resource never hides the rest.
 */
export function templateCosts(
  model: TemplateModel,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  onError: (id: string, error: unknown) => void = () => {},
): TemplateCosts {
  const functions: FunctionCost[] = [];
  // The template's NAT gateways (one per AZ, as it declares them): what a side in private subnets pays.
  const natGateways = [...model.resourceTypes.values()].filter((type) => type === 'AWS::EC2::NatGateway').length;
  for (const fn of model.functions) {
    try {
      functions.push({
        fn,
        estimate: estimateWorkload({ kind: 'lambda-function', fn: fn, rdsProxy: usesRdsProxy(fn, model), natGateways }, templatePath, usage, settings),
      });
    } catch (error) {
      onError(fn.id, error);
    }
  }
  const tasks: TaskCost[] = [];
  for (const task of model.taskDefinitions) {
    try {
      const services = model.services.filter((s) => s.taskDefinitionId === task.id);
      const estimate = estimateWorkload({ kind: 'ecs-task', task: task, service: services[0], natGateways }, templatePath, usage, settings);
      if (estimate) tasks.push({ node: task, task, estimate });
      for (const service of services) {
        const own =
          services.length === 1 ? estimate : estimateWorkload({ kind: 'ecs-task', task: task, service: service, natGateways }, templatePath, usage, settings);
        if (own) tasks.push({ node: service, task, estimate: own });
      }
    } catch (error) {
      onError(task.id, error);
    }
  }
  const services: ServiceCost[] = [];
  const serviceWorkloads = [
    ...model.expressServices.map((service) => ({ kind: 'express-service' as const, service, natGateways })),
    ...model.appRunnerServices.map((service) => ({ kind: 'app-runner-service' as const, service, natGateways })),
  ];
  for (const workload of serviceWorkloads) {
    try {
      const estimate = estimateWorkload(workload, templatePath, usage, settings);
      if (estimate) services.push({ node: workload.service, estimate });
    } catch (error) {
      onError(workload.service.id, error);
    }
  }
  let capacity: CapacityCost[] = [];
  try {
    capacity = capacityCosts(model, usage, settings);
  } catch (error) {
    onError(model.eksNodegroups[0]?.id ?? model.eksFargateProfiles[0]?.id ?? 'EKS capacity', error);
  }
  return { functions, tasks, services, capacity };
}
