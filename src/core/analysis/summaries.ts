/** The compute workloads of a model, as the CLI and the editor list them. */
import { type Range } from '../model/location.js';
import { type TemplateModel } from '../model/template.js';
import { type ModelNode } from '../model/nodes.js';
import { unresolvedSettings, type UnresolvedSetting } from '../model/unresolved.js';

/** A compute workload as the CLI and editor list it. */
export interface WorkloadSummary {
  id: string;
  type: 'lambda-function' | 'ecs-task-definition' | 'ecs-service';
  name: string;
  memoryMb: number | null;
  timeoutSeconds: number | null;
  runtime: string | null;
  architecture: string | null;
  /** Task CPU units (ECS workloads only; for a service, its task definition's). */
  cpuUnits?: number | null;
  /** ECS services: the desired task count. */
  desiredCount?: number | null;
  range: Range;
  /** CDK: the instance of a custom construct class this workload is (`Dev`, `Orders/Write`), and the class. */
  instance?: { className: string; id: string };
  /** What static reading cannot know about it: each setting, why, and what is assumed instead (absent: all known). */
  unresolved?: UnresolvedSetting[];
}

/** The reading-side fields of a summary: the instance and what is not known statically. */
function reading(node: ModelNode): Pick<WorkloadSummary, 'instance' | 'unresolved'> {
  const unresolved = unresolvedSettings(node);
  return {
    ...(node.instance ? { instance: { className: node.instance.className, id: node.instance.id } } : {}),
    ...(unresolved.length ? { unresolved } : {}),
  };
}

/** Functions, then task definitions, then services (with their task definition's size), in model order. */
export function summarizeWorkloads(model: TemplateModel): WorkloadSummary[] {
  const functions = model.functions.map((fn): WorkloadSummary => ({
    id: fn.id,
    type: 'lambda-function',
    name: fn.name,
    memoryMb: fn.memoryMb.value ?? null,
    timeoutSeconds: fn.timeoutSeconds.value ?? null,
    runtime: fn.runtime.value ?? null,
    architecture: fn.architecture.value ?? null,
    range: fn.loc.range,
    ...reading(fn),
  }));
  const tasks = model.taskDefinitions.map((t): WorkloadSummary => ({
    id: t.id,
    type: 'ecs-task-definition',
    name: t.family ?? t.id,
    memoryMb: t.memoryMb.value ?? null,
    timeoutSeconds: null,
    runtime: null,
    architecture: t.architecture.value ?? null,
    cpuUnits: t.cpuUnits.value ?? null,
    range: t.loc.range,
    ...reading(t),
  }));
  const definitions = new Map<string, (typeof model.taskDefinitions)[number]>();
  for (const d of model.taskDefinitions) if (!definitions.has(d.id)) definitions.set(d.id, d);
  const services = model.services.map((s): WorkloadSummary => {
    const t = s.taskDefinitionId === undefined ? undefined : definitions.get(s.taskDefinitionId);
    return {
      id: s.id,
      type: 'ecs-service',
      name: s.id,
      memoryMb: t?.memoryMb.value ?? null,
      timeoutSeconds: null,
      runtime: null,
      architecture: t?.architecture.value ?? null,
      cpuUnits: t?.cpuUnits.value ?? null,
      desiredCount: s.desiredCount.value ?? null,
      range: s.loc.range,
      ...reading(s),
    };
  });
  return [...functions, ...tasks, ...services];
}
