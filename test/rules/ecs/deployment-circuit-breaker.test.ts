import rule from '../../../src/core/rules/ecs/deployment-circuit-breaker.js';
import { testRule } from '../rule-tester.js';
import { serviceTemplate } from './helpers.js';

const breaker = '      DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}\n';

testRule(rule, {
  valid: [{ name: 'enabled', template: serviceTemplate(`      DesiredCount: 2\n${breaker}`) }],
  invalid: [
    {
      name: 'missing',
      template: serviceTemplate('      DesiredCount: 2\n').replace('  Service:', '  «Service»:'),
      errors: [{ messageId: 'off', message: 'Service Service has no deployment circuit breaker' }],
    },
  ],
});
