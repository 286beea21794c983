import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/container-memory',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: "A container whose memory limit (or reservation) is above the task's memory.",
      rationale:
        "Containers share the task's memory. A container limit above the task memory is refused at registration; reservations that add up to more than the task has cannot be placed.",
      howToFix: "Lower the container's `memory` / `memoryReservation`, or raise the task memory (to a valid Fargate size on Fargate).",
      exceptions: 'Silent when the task memory or the container values are not static, or the task sets no memory (EC2 tasks may leave it to the containers).',
      sources: [
        {
          title: 'Container memory (ECS task definition parameters)',
          url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory',
        },
      ],
    },
    messages: {
      limit: 'Container {{container}} has a memory limit of {{container_memory}} MiB, above the task memory of {{task_memory}} MiB.',
      reservations: 'The containers reserve {{reserved}} MiB in all, above the task memory of {{task_memory}} MiB.',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        const taskMemory = task.memoryMb.value;
        if (taskMemory === undefined || task.memoryMb.origin === 'default') return;
        let reserved = 0;
        for (const container of task.containers) {
          const limit = container.memoryMb?.value;
          if (limit !== undefined && limit > taskMemory) {
            ctx.report({
              node: task,
              field: container.memoryMb!,
              messageId: 'limit',
              data: { container: container.name, container_memory: String(limit), task_memory: String(taskMemory) },
              related: [{ loc: task.memoryMb.at ?? task.loc, message: `task memory ${taskMemory} MiB` }],
            });
          }
          reserved += container.memoryReservationMb?.value ?? 0;
        }
        if (reserved > taskMemory)
          ctx.report({ node: task, field: task.memoryMb, messageId: 'reservations', data: { reserved: String(reserved), task_memory: String(taskMemory) } });
      },
    };
  },
});
