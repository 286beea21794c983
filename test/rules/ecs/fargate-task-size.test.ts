import { expect, test } from 'vitest';
import rule from '../../../src/core/rules/ecs/fargate-task-size.js';
import { runTemplate, testRule } from '../rule-tester.js';
import { taskJson } from './helpers.js';

testRule(rule, {
  valid: [
    { name: '0.25 vCPU / 0.5 GB', filename: 'taskdef.json', template: taskJson('  "cpu": "256",\n  "memory": "512",') },
    { name: '"1 vCPU" / "2 GB" spellings', filename: 'taskdef.json', template: taskJson('  "cpu": "1 vCPU",\n  "memory": "2 GB",') },
    { name: '16 vCPU / 120 GB', filename: 'taskdef.json', template: taskJson('  "cpu": 16384,\n  "memory": 122880,') },
    { name: 'placeholders are not checked', filename: 'taskdef.json', template: taskJson('  "cpu": "${TASK_CPU}",\n  "memory": "${TASK_MEMORY}",') },
    {
      name: 'an EC2 task definition may use any size',
      filename: 'taskdef.json',
      template: taskJson('  "cpu": "300",\n  "memory": "700",').replace('"FARGATE"', '"EC2"'),
    },
  ],
  invalid: [
    {
      name: '1 vCPU with 1 GB: on the memory, nearest size 1 vCPU / 2 GB',
      filename: 'taskdef.json',
      template: taskJson('  "cpu": "1024",\n  "memory": «"1024"»,'),
      errors: [
        {
          messageId: 'invalid',
          message: 'CPU 1024 (1 vCPU) with 1024 MiB (1 GB) is not a Fargate task size; the nearest is 1024 CPU / 2048 MiB (1 vCPU / 2 GB)',
          related: ['CPU 1024 units'],
        },
      ],
    },
    {
      name: 'a CPU value Fargate does not have: on the CPU',
      filename: 'taskdef.json',
      template: taskJson('  "cpu": «"768"»,\n  "memory": "2048",'),
      errors: [{ messageId: 'invalid', message: 'the nearest is 1024 CPU / 2048 MiB' }],
    },
    {
      name: '8 vCPU memory moves in 4 GB steps',
      filename: 'taskdef.json',
      template: taskJson('  "cpu": "8192",\n  "memory": «"18432"»,'),
      errors: [{ messageId: 'invalid', message: 'the nearest is 8192 CPU / 20480 MiB' }],
    },
    {
      name: 'CloudFormation, on a task launched by a Fargate service',
      template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      Cpu: 2048
      Memory: «2048»
      ContainerDefinitions: [{Name: app, Image: nginx, HealthCheck: {Command: [CMD, 'true']}}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      DesiredCount: 2
      DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
`,
      errors: [{ messageId: 'invalid', message: 'the nearest is 2048 CPU / 4096 MiB' }],
    },
    {
      name: 'task-level CPU and memory missing',
      filename: 'taskdef.json',
      template: taskJson('').replace('"family"', '«"family"»'),
      errors: [{ messageId: 'missing', message: 'needs task-level cpu and memory' }],
    },
  ],
});

test('the quick fix writes the nearest size, as strings in JSON', () => {
  const result = runTemplate(taskJson('  "cpu": "1024",\n  "memory": "1024",'), { filename: 'taskdef.json' });
  const finding = result.findings.find((f) => f.ruleId === 'ecs/fargate-task-size');
  expect(finding?.fix?.title).toBe('Use 1024 CPU / 2048 MiB');
  expect(finding?.fix?.edits.map((e) => e.newText)).toEqual(['"2048"']);
});
