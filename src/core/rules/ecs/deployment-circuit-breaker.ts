import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/deployment-circuit-breaker',
    category: 'ecs',
    severity: 'info',
    kind: 'suggestion',
    docs: {
      description: 'An ECS service without the deployment circuit breaker.',
      rationale:
        'Without the circuit breaker, a deployment whose tasks never become healthy keeps starting new ones for hours, and a CloudFormation update waits until it times out. With it, ECS stops the deployment and (with rollback) returns to the last working version.',
      howToFix: 'Add `DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}`.',
      exceptions: 'Silent when the circuit breaker is enabled.',
      sources: [{ title: 'Deployment circuit breaker', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html' }],
    },
    messages: {
      off: 'Service {{service}} has no deployment circuit breaker: a failing deployment keeps replacing tasks instead of rolling back.',
    },
  },
  create(ctx) {
    return {
      EcsService(service) {
        if (!service.circuitBreaker) ctx.report({ node: service, messageId: 'off', data: { service: service.id } });
      },
    };
  },
});
