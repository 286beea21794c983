/**
 * What static reading cannot know about a model node, setting by setting: the node's own `unresolved` reasons (a
 * computed construct id, a version assumed), then every field whose value is not static, with its reason and what
 * Crossover uses in its place (the default it costs with), or that nothing is checked. Pure: the report JSON's
 * `unresolved` list, the editor hint (rule cdk/value-not-static) and the hover all read it.
 */
import { FARGATE_LIMITS, LAMBDA_LIMITS } from '../data/limits.js';
import { type Field } from './field.js';
import { type ModelNode } from './nodes.js';
import { type TemplateModel } from './template.js';

export interface UnresolvedSetting {
  /** The setting as the summary names it (`memory`, `task cpu`, `container app memory`), or `resource` for the node as a whole. */
  setting: string;
  /** Why it is not known, in the user's words (from the reader: "props.memory is not static here", ...). */
  reason: string;
  /** What Crossover uses instead, when it uses something ("128 MB, Lambda's default"); absent: not checked, not costed. */
  assumed?: string;
}

type Entry = [setting: string, field: Field<unknown> | undefined, assumed?: string];

function entries(node: ModelNode): Entry[] {
  switch (node.kind) {
    case 'lambda-function':
      return [
        ['memory', node.memoryMb, `${LAMBDA_LIMITS.defaultMemoryMb.value} MB, Lambda's default`],
        ['timeout', node.timeoutSeconds],
        ['runtime', node.runtime],
        ['architecture', node.architecture, 'x86_64, the default'],
        ['ephemeral storage', node.ephemeralStorageMb, `${LAMBDA_LIMITS.minEphemeralStorageMb.value} MB, the default`],
        ['reserved concurrency', node.reservedConcurrency],
        ['provisioned concurrency', node.provisionedConcurrency, 'none'],
        ['memory per vCPU', node.memoryGibPerVcpu],
      ];
    case 'ecs-task-definition':
      return [
        ['task cpu', node.cpuUnits],
        ['task memory', node.memoryMb],
        ['network mode', node.networkMode],
        ['ephemeral storage', node.ephemeralStorageGb, `${FARGATE_LIMITS.defaultEphemeralStorageGb.value} GB, Fargate's default`],
        ...node.containers.flatMap((c): Entry[] => [
          [`container ${c.name} cpu`, c.cpuUnits],
          [`container ${c.name} memory`, c.memoryMb],
          [`container ${c.name} memory reservation`, c.memoryReservationMb],
        ]),
      ];
    case 'ecs-service':
      return [
        ['desired count', node.desiredCount, '1 task'],
        ['launch type', node.launchType],
        ['instance type', node.instanceType],
      ];
    case 'sqs-queue':
      return [['visibility timeout', node.visibilityTimeoutSeconds]];
    case 'rds-instance':
    case 'rds-cluster':
      return [['engine', node.engine]];
    case 'eks-cluster':
      return [['Kubernetes version', node.version]];
    case 'eks-nodegroup':
      return [
        ['instance type', node.instanceType],
        ['desired size', node.desiredSize, 'the minimum size, else the default'],
        ['minimum size', node.minSize],
        ['maximum size', node.maxSize],
      ];
    default:
      return [];
  }
}

/** The node's settings that are not static, in a stable order: the node's own reasons first, then field by field. */
export function unresolvedSettings(node: ModelNode): UnresolvedSetting[] {
  const settings: UnresolvedSetting[] = (node.unresolved ?? []).map((reason) => ({ setting: 'resource', reason }));
  for (const [setting, field, assumed] of entries(node)) {
    if (!field || field.value !== undefined || field.unresolved === undefined) continue;
    settings.push({ setting, reason: field.unresolved, ...(assumed ? { assumed } : {}) });
  }
  if (node.kind === 'lambda-function') {
    // Environment values that are references (a table name, a queue URL) are not settings: they are left out.
    if (node.vpc?.unresolved) settings.push({ setting: 'VPC', reason: node.vpc.unresolved });
  }
  return settings;
}

/** "memory (props.memory is not static here; assumed 128 MB, Lambda's default)". */
const describeSetting = ({ setting, reason, assumed }: UnresolvedSetting) =>
  setting === 'resource' ? reason : `${setting} (${reason}; ${assumed ? `assumed ${assumed}` : 'not checked'})`;

/** What static reading cannot know about a node, as one list for a message; undefined when it knows everything. */
export function describeUnresolved(node: ModelNode): string | undefined {
  const settings = unresolvedSettings(node);
  return settings.length === 0 ? undefined : settings.map(describeSetting).join('; ');
}

/** The nodes of a model whose settings the "value not static" hints (CDK, Terraform) look at. */
export function settingNodes(model: TemplateModel): ModelNode[] {
  return [model.functions, model.taskDefinitions, model.services, model.queues, model.databases, model.eksClusters, model.eksNodegroups].flat() as ModelNode[];
}
