import rule from '../../../src/core/rules/ecs/fargate-network-mode.js';
import { testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

const size = '  "cpu": "512",\n  "memory": "1024",';

testRule(rule, {
  valid: [{ name: 'awsvpc', filename: 'taskdef.json', template: taskJson(size) }],
  invalid: [
    {
      name: 'bridge on Fargate',
      filename: 'taskdef.json',
      template: taskJson(size).replace('"networkMode": "awsvpc"', '"networkMode": «"bridge"»'),
      errors: [{ messageId: 'mode', message: 'Network mode bridge is not available on Fargate' }],
    },
    {
      name: 'not set: the bridge default, on the task',
      filename: 'taskdef.json',
      template: taskJson(size).replace('  "networkMode": "awsvpc",\n', '').replace('"family"', '«"family"»'),
      errors: [{ messageId: 'mode', message: '(the default when networkMode is not set)' }],
    },
  ],
});
