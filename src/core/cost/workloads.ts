/**
 * The cost estimates of every workload of one template: each Lambda function, and each ECS task
 * definition (run by its first service, or alone) and service. The CLI's `cost` and `diff`, and the
 * editor's CodeLenses, hovers and views all read their figures from here.
 */
import { type EcsService, type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { estimateWorkload, type WorkloadEstimate } from './estimate.js';
import { usesRdsProxy } from './assumptions.js';
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

interface TemplateCosts {
  functions: FunctionCost[];
  tasks: TaskCost[];
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
  return { functions, tasks };
}
