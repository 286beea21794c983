import rule from '../../../src/core/rules/ecs/container-memory.js';
import { testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

const size = '  "cpu": "512",\n  "memory": "1024",';

testRule(rule, {
  valid: [
    { name: 'within the task', filename: 'taskdef.json', template: taskJson(size, '{"name": "app", "image": "x", "memory": 1024, "memoryReservation": 512}') },
  ],
  invalid: [
    {
      name: 'a limit above the task memory',
      filename: 'taskdef.json',
      template: taskJson(size, '{"name": "app", "image": "x", "memory": «2048»}'),
      errors: [
        { messageId: 'limit', message: 'Container app has a memory limit of 2048 MiB, above the task memory of 1024 MiB', related: ['task memory 1024 MiB'] },
      ],
    },
    {
      name: 'reservations adding up to more than the task',
      filename: 'taskdef.json',
      template: taskJson(
        '  "cpu": "512",\n  "memory": «"1024"»,',
        '{"name": "a", "image": "x", "memoryReservation": 768}, {"name": "b", "image": "x", "memoryReservation": 512}',
      ),
      errors: [{ messageId: 'reservations', message: 'reserve 1280 MiB in all' }],
    },
  ],
});
