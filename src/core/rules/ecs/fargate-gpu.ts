import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/fargate-gpu',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: 'A container that requests a GPU in a task definition that runs on Fargate.',
      rationale: 'Fargate has no GPUs: a GPU resource requirement makes the task definition incompatible with Fargate, and the service cannot place the task.',
      howToFix: 'Run GPU work on ECS with EC2 (GPU instances) or on another service, or remove the GPU requirement.',
      exceptions: 'Only task definitions that run on Fargate.',
      sources: [{ title: 'Working with GPUs on Amazon ECS', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html' }],
    },
    messages: {
      gpu: 'Container {{container}} requests a GPU, which Fargate does not offer: the task cannot run on Fargate.',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        if (!task.fargate) return;
        for (const container of task.containers)
          if (container.gpu) ctx.report({ node: task, loc: container.gpu, messageId: 'gpu', data: { container: container.name } });
      },
    };
  },
});
