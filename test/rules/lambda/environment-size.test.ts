import rule from '../../../src/core/rules/lambda/environment-size.js';
import { testRule } from '../rule-tester.js';

const big = 'x'.repeat(4000);
const fn = (variables: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        «Variables»:
${variables}`;

testRule(rule, {
  valid: [
    { name: 'small variables', template: fn('          A: "1"\n          B: two\n').replace(/[«»]/g, '') },
    { name: 'exactly 4,096 bytes', template: fn(`          ${'K'.repeat(96)}: "${'v'.repeat(4000)}"\n`).replace(/[«»]/g, '') },
    {
      name: 'large values that are intrinsics are not counted',
      template: fn('          A: !Ref AWS::StackName\n          B: !GetAtt Fn.Arn\n').replace(/[«»]/g, ''),
    },
  ],
  invalid: [
    {
      name: 'a large value',
      template: fn(`          CERT: "${big}"\n          MORE: "${'y'.repeat(200)}"\n`),
      errors: [{ messageId: 'tooLarge', message: 'Environment variables take 4,208 bytes, above the 4,096-byte (4 KB) limit' }],
    },
    {
      name: 'with unresolved values: "at least"',
      template: fn(`          CERT: "${big}${'z'.repeat(200)}"\n          ARN: !GetAtt Fn.Arn\n`),
      errors: [{ messageId: 'tooLargeAtLeast', message: 'at least 4,207 bytes (1 values not counted)' }],
    },
    {
      name: 'Globals and the function together',
      template: fn(
        `          LOCAL: "${'a'.repeat(2100)}"\n`,
        `Globals:\n  Function:\n    Environment:\n      Variables:\n        SHARED: "${'b'.repeat(2100)}"\n`,
      ),
      errors: [{ messageId: 'tooLarge', message: '4,211 bytes' }],
    },
  ],
});
