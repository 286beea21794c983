import rule from '../../../src/core/rules/ecs/single-task-behind-load-balancer.js';
import { testRule } from '../rule-tester.js';
import { serviceTemplate } from './helpers.js';

const breaker = '      DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}\n';

const lb =
  '      LoadBalancers: [{ContainerName: app, ContainerPort: 80, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1}]\n';

testRule(rule, {
  valid: [
    { name: 'two tasks behind a load balancer', template: serviceTemplate(`      DesiredCount: 2\n${breaker}${lb}`) },
    { name: 'one worker task without a load balancer', template: serviceTemplate(`      DesiredCount: 1\n${breaker}`) },
  ],
  invalid: [
    {
      name: 'one task behind a load balancer',
      template: serviceTemplate(`      DesiredCount: «1»\n${breaker}${lb}`),
      errors: [{ messageId: 'single', message: 'Service Service runs 1 task behind a load balancer', related: ['its load balancers'] }],
    },
    {
      name: 'DesiredCount not set',
      template: serviceTemplate(`${breaker}${lb}`).replace('  Service:', '  «Service»:'),
      errors: [{ messageId: 'single', message: '(DesiredCount is not set)' }],
    },
  ],
});
