import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/single-task-behind-load-balancer',
    category: 'ecs',
    severity: 'info',
    kind: 'suggestion',
    docs: {
      description: 'An ECS service behind a load balancer that runs a single task.',
      rationale:
        'With one task, the service has nothing to serve from while that task is replaced (a deployment, a failed health check, a Spot interruption, an Availability Zone problem): callers get errors. Two tasks in different zones keep it available.',
      howToFix: 'Set `DesiredCount` to at least 2 (and a scaling target with a minimum of 2).',
      exceptions: 'Silent for services without load balancers (workers), and when the count is not static.',
      sources: [{ title: 'Amazon ECS best practices: availability', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-options.html' }],
    },
    messages: {
      single: 'Service {{service}} runs {{count}} task{{default}} behind a load balancer: it is unavailable whenever that task is replaced. Run at least 2.',
    },
  },
  create(ctx) {
    return {
      EcsService(service) {
        if (service.loadBalancers === 0 || service.desiredCount.value !== 1) return;
        ctx.report({
          node: service,
          field: service.desiredCount,
          messageId: 'single',
          data: { service: service.id, count: 1, default: service.desiredCount.origin === 'default' ? ' (DesiredCount is not set)' : '' },
          ...(service.loadBalancersAt ? { related: [{ loc: service.loadBalancersAt, message: 'its load balancers' }] } : {}),
        });
      },
    };
  },
});
