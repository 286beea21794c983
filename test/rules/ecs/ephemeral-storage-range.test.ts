import rule from '../../../src/core/rules/ecs/ephemeral-storage-range.js';
import { testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

const size = '  "cpu": "512",\n  "memory": "1024",';

testRule(rule, {
  valid: [{ name: '21 GiB', filename: 'taskdef.json', template: taskJson(`${size}\n  "ephemeralStorage": {"sizeInGiB": 21},`) }],
  invalid: [
    {
      name: '300 GiB',
      filename: 'taskdef.json',
      template: taskJson(`${size}\n  "ephemeralStorage": {"sizeInGiB": «300»},`),
      errors: [{ messageId: 'outOfRange', message: '300 GiB is outside the 21-200 GiB' }],
    },
  ],
});
