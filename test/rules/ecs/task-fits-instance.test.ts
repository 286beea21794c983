import rule from '../../../src/core/rules/ecs/task-fits-instance.js';
import { testRule } from '../rule-tester.js';

// A service on an EC2 capacity provider whose Auto Scaling group launches `type` instances from a launch template.
const stack = (cpu: string, memory: string, type: string, launch = 'LaunchTemplate') => `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      Cpu: ${cpu}
      Memory: ${memory}
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Essential: true
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      CapacityProviderStrategy:
        - CapacityProvider: !Ref Provider
          Weight: 1
  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Group
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '4'
${
  launch === 'LaunchTemplate'
    ? `      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: !GetAtt Template.LatestVersionNumber
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: ${type}
`
    : `      LaunchConfigurationName: !Ref Configuration
  Configuration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-123
      InstanceType: ${type}
`
}`;

testRule(rule, {
  valid: [
    { name: 'a 2 vCPU / 4 GB task on m7g.large (2 vCPU, 8 GiB)', template: stack('2048', '4096', 'm7g.large') },
    { name: 'an instance type Crossover does not know is not guessed', template: stack('2048', '16384', 'x9z.small') },
    {
      name: 'sizes that are not static',
      template: stack('!Ref Cpu', '!Ref Memory', 'm7g.large').replace(
        'Resources:',
        'Parameters:\n  Cpu:\n    Type: Number\n  Memory:\n    Type: Number\nResources:',
      ),
    },
  ],
  invalid: [
    {
      name: 'a 16 GB task on m7g.large (8 GiB)',
      template: stack('2048', '«16384»', 'm7g.large'),
      errors: [{ messageId: 'memory', message: 'Task Task reserves 16,384 MiB, more than the 8,192 MiB of a m7g.large instance' }],
    },
    {
      name: 'a 4 vCPU task on m7g.large, through a launch configuration',
      template: stack('«4096»', '4096', 'm7g.large', 'LaunchConfiguration'),
      errors: [{ messageId: 'cpu', message: 'Task Task reserves 4,096 CPU units, more than the 2,048 of a m7g.large instance (2 vCPU)' }],
    },
  ],
});
