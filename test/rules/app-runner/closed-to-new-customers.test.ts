import rule from '../../../src/core/rules/app-runner/closed-to-new-customers.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an ECS service on Fargate',
      template: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n',
    },
  ],
  invalid: [
    {
      name: 'an App Runner service: information on its logical id',
      template:
        'Resources:\n  «Web»:\n    Type: AWS::AppRunner::Service\n    Properties:\n      InstanceConfiguration:\n        Cpu: 1 vCPU\n        Memory: 2 GB\n',
      errors: [{ messageId: 'closed', message: 'App Runner has not accepted new customers since 2026-04-30' }],
    },
  ],
});
