import { expect, test } from 'vitest';
import rule from '../../src/core/rules/duplicate-key.js';
import { runTemplate, testRule } from './rule-tester.js';

testRule(rule, {
  valid: [{ name: 'distinct keys', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SQS::Queue\n' }],
  invalid: [
    {
      name: 'a resource written twice in YAML',
      template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  «Q»:\n    Type: AWS::SQS::Queue\n',
      errors: [{ message: '"Q" appears more than once in this map: CloudFormation keeps this last one' }],
    },
    {
      name: 'a property written twice in JSON',
      filename: 'template.json',
      template: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30, «"VisibilityTimeout"»: 60}}}}',
      errors: [{ message: '"VisibilityTimeout" appears more than once' }],
    },
  ],
});

test('the last value wins, as in CloudFormation', () => {
  const text = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: 30\n      Timeout: 1200\n';
  const result = runTemplate(text);
  expect(result.workloads[0]!.timeoutSeconds).toBe(1200);
  expect(result.findings.map((f) => f.ruleId)).toContain('lambda/timeout-max');
});
