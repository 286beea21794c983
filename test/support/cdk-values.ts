// A model's task definitions and services as the expected files of the Python CDK fixtures name their values, so the
// fixture test and the twins' check read them one way.
import { type EcsService, type EcsTaskDefinition } from '../../src/core/model/nodes.js';

/** Every value of a task definition an expected file may name (cpu, memory and storage are always compared). */
export function taskValues(t: EcsTaskDefinition): Record<string, unknown> {
  return {
    cpuUnits: t.cpuUnits.value,
    memoryMb: t.memoryMb.value,
    ephemeralStorageGb: t.ephemeralStorageGb.value,
    networkMode: t.networkMode.value,
    containers: t.containers.map((c) => [c.name, c.cpuUnits?.value ?? null, c.memoryMb?.value ?? null, c.memoryReservationMb?.value ?? null, c.essential]),
  };
}

/** Every value of a service an expected file may name (desired count and task definition are always compared). */
export function serviceValues(s: EcsService): Record<string, unknown> {
  return {
    desiredCount: s.desiredCount.value,
    taskDefinitionId: s.taskDefinitionId,
    launchType: s.launchType.value,
    instanceType: s.instanceType?.value,
    loadBalancers: s.loadBalancers,
  };
}
