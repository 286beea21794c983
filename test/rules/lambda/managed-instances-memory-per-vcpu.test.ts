import rule from '../../../src/core/rules/lambda/managed-instances-memory-per-vcpu.js';
import { testRule } from '../rule-tester.js';

const fn = (ratio: string) =>
  `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n      MemorySize: 8192\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig:\n          CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:p\n          ExecutionEnvironmentMemoryGiBPerVCpu: ${ratio}\n`;

testRule(rule, {
  valid: [
    { name: '2 GiB per vCPU (the lowest)', template: fn('2') },
    { name: '8 GiB per vCPU (the highest)', template: fn('8') },
    { name: 'not static', template: fn('!Ref Ratio').replace('Resources:', 'Parameters:\n  Ratio:\n    Type: Number\nResources:') },
    {
      name: 'an on-demand function (no capacity provider) is not checked',
      template: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n',
    },
  ],
  invalid: [
    {
      name: '16 GiB per vCPU',
      template: fn('«16»'),
      errors: [{ messageId: 'outOfRange', message: 'ExecutionEnvironmentMemoryGiBPerVCpu 16 is outside the 2 to 8' }],
    },
    { name: '1 GiB per vCPU', template: fn('«1»'), errors: [{ messageId: 'outOfRange' }] },
  ],
});
