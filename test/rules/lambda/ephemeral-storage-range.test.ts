import rule from '../../../src/core/rules/lambda/ephemeral-storage-range.js';
import { testRule } from '../rule-tester.js';

const fn = (props: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  «Fn»:
    Type: AWS::Serverless::Function
    Properties:
${props}`;
const plain = (template: string) => template.replace(/[«»]/g, '');

testRule(rule, {
  valid: [
    { name: 'the default 512 MB', template: plain(fn('      Handler: a.b\n')) },
    { name: '10 GB', template: plain(fn('      EphemeralStorage:\n        Size: 10240\n')) },
  ],
  invalid: [
    {
      name: 'written in GB',
      template: fn('      EphemeralStorage:\n        Size: «10»\n').replace('«Fn»', 'Fn'),
      errors: [{ message: 'Ephemeral storage 10 MB is outside the range Lambda allows (512 to 10,240 MB)' }],
    },
    {
      name: 'inherited from Globals lands on the function',
      template: fn('      Handler: a.b\n', 'Globals:\n  Function:\n    EphemeralStorage:\n      Size: 20480\n'),
      errors: [{ message: '20,480', related: ['Globals'] }],
    },
  ],
});
