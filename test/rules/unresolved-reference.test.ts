import rule from '../../src/core/rules/unresolved-reference.js';
import { testRule } from './rule-tester.js';

const sam = (props: string, params = '') => `Transform: AWS::Serverless-2016-10-31
${params}Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
${props}`;

testRule(rule, {
  valid: [
    { name: 'a parameter', template: sam('      Timeout: !Ref T\n', 'Parameters:\n  T: {Type: Number, Default: 10}\n') },
    {
      name: 'a resource and a pseudo parameter',
      template: sam('      Environment:\n        Variables:\n          Q: !Ref Queue\n          R: !Ref AWS::Region\n          A: !GetAtt Queue.Arn\n'),
    },
    {
      name: 'names SAM generates (the function role, the implicit API)',
      template: sam('      Environment:\n        Variables:\n          ROLE: !GetAtt FnRole.Arn\n          API: !Ref ServerlessRestApi\n'),
    },
    {
      name: 'Fn::Sub literals and resource attributes',
      template: sam('      Description: !Sub "${!Literal} ${Queue.QueueName} ${AWS::StackName}"\n      Timeout: 5\n'),
    },
  ],
  invalid: [
    {
      name: 'a Ref to a missing parameter, in the timeout',
      template: sam('      Timeout: !Ref «Timeout»\n', 'Parameters:\n  TimeoutSeconds: {Type: Number, Default: 30}\n'),
      errors: [{ message: '!Ref Timeout: no parameter or resource of this template is called Timeout.' }],
    },
    {
      name: 'a GetAtt to a missing resource, in a queue event',
      template: sam('      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt «Jobs.Arn»\n'),
      errors: [{ message: 'Fn::GetAtt Jobs.Arn' }],
    },
    {
      name: 'the same missing name twice in one Fn::Sub, after an escape and another placeholder: each lands on its own',
      template: sam('      Environment:\n        Variables:\n          X: !Sub "${!Missing} ${«Missing»}-${AWS::Region}-${«Missing»}.${Queue.Arn}"\n'),
      errors: [{ message: '${Missing}: no parameter or resource' }, { message: '${Missing}: no parameter or resource' }],
    },
    {
      name: 'FindInMap on a missing mapping',
      template: sam('      MemorySize: !FindInMap [«Sizes», !Ref AWS::Region, memory]\n'),
      errors: [{ message: 'no mapping called Sizes' }],
    },
  ],
});
