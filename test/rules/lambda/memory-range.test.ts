import rule from '../../../src/core/rules/lambda/memory-range.js';
import { testRule } from '../rule-tester.js';

const fn = (props: string, type = 'AWS::Serverless::Function') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: ${type}
    Properties:
${props}`;

testRule(rule, {
  valid: [
    { name: 'the minimum', template: fn('      MemorySize: 128\n') },
    { name: 'the maximum', template: fn('      MemorySize: 10240\n', 'AWS::Lambda::Function') },
    { name: 'the default', template: fn('      Handler: app.handler\n') },
    {
      name: 'Managed Instances below the recommended 2 GB are not an error',
      template: fn('      MemorySize: 512\n      CapacityProviderConfig: {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn}}\n'),
    },
    {
      name: 'Managed Instances allow 32 GB',
      template: fn('      MemorySize: 32768\n      CapacityProviderConfig: {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn}}\n'),
    },
  ],
  invalid: [
    {
      name: 'memory written in GB',
      template: fn('      MemorySize: «2»\n'),
      errors: [{ messageId: 'outOfRange', message: 'Memory 2 MB is outside the range Lambda allows (128 to 10,240 MB)' }],
    },
    { name: 'above 10 GB', template: fn('      MemorySize: «16384»\n', 'AWS::Lambda::Function'), errors: [{ messageId: 'outOfRange' }] },
    {
      name: 'above 32 GB on Managed Instances',
      template: fn('      MemorySize: «40960»\n      CapacityProviderConfig: {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn}}\n'),
      errors: [{ messageId: 'outOfManagedRange', message: '128 to 32,768' }],
    },
  ],
});
