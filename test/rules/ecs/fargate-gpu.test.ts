import rule from '../../../src/core/rules/ecs/fargate-gpu.js';
import { testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

const size = '  "cpu": "512",\n  "memory": "1024",';

testRule(rule, {
  valid: [
    {
      name: 'a GPU on EC2',
      filename: 'taskdef.json',
      template: taskJson(size, '{"name": "ml", "image": "x", "resourceRequirements": [{"type": "GPU", "value": "1"}]}').replace('"FARGATE"', '"EC2"'),
    },
  ],
  invalid: [
    {
      name: 'a GPU on Fargate',
      filename: 'taskdef.json',
      template: taskJson(size, '{"name": "ml", "image": "x", "resourceRequirements": [«{"type": "GPU", "value": "1"}»]}'),
      errors: [{ messageId: 'gpu', message: 'Container ml requests a GPU' }],
    },
  ],
});
