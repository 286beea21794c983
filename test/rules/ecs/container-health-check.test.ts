import rule from '../../../src/core/rules/ecs/container-health-check.js';
import { testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

const size = '  "cpu": "512",\n  "memory": "1024",';

testRule(rule, {
  valid: [{ name: 'the essential container has one', filename: 'taskdef.json', template: taskJson(size) }],
  invalid: [
    {
      name: 'none',
      filename: 'taskdef.json',
      template: taskJson(size, '{"name": "app", "image": "x"}').replace('"family"', '«"family"»'),
      errors: [{ messageId: 'none', message: 'No essential container of web has a health check' }],
    },
  ],
});
