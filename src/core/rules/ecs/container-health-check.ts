import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/container-health-check',
    category: 'ecs',
    severity: 'info',
    kind: 'suggestion',
    docs: {
      description: 'A task definition whose essential containers have no health check.',
      rationale:
        'Without a container health check, ECS only knows whether the process runs, not whether it works: a hung container keeps receiving work, and deployments count broken tasks as healthy unless a load balancer checks them.',
      howToFix: 'Add a `healthCheck` to the essential container (a command that exits 0 when the service works).',
      exceptions: 'Silent when at least one essential container has a health check.',
      sources: [{ title: 'Container health checks', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html' }],
    },
    messages: {
      none: 'No essential container of {{task}} has a health check: ECS cannot tell a hung task from a working one.',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        const essential = task.containers.filter((c) => c.essential);
        if (!essential.length || essential.some((c) => c.healthCheck)) return;
        ctx.report({ node: task, messageId: 'none', data: { task: task.family ?? task.id } });
      },
    };
  },
});
