import rule from '../../../src/core/rules/lambda/timeout-max.js';
import { testRule } from '../rule-tester.js';

const sam = (body: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
${body}`;

testRule(rule, {
  valid: [
    { name: 'exactly 1 s', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 1\n') },
    { name: 'exactly 900 s', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 900\n') },
    { name: 'the 3 s default', template: sam('  Fn:\n    Type: AWS::Serverless::Function\n') },
    {
      name: 'a parameter without a default is not guessed',
      template: `Parameters:\n  T: {Type: Number}\n${sam('  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: !Ref T\n')}`,
    },
    {
      name: 'Managed Instances may run 90 minutes for queue consumers',
      template: sam(
        '  Q:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 3600\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig:\n          CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp\n      Events:\n        Jobs:\n          Type: SQS\n          Properties: {Queue: !GetAtt Q.Arn}\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'Timeout: 0 (Lambda rejects it)',
      template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: «0»\n'),
      errors: [{ messageId: 'belowMin', message: 'Timeout 0 s is below the Lambda minimum of 1 s; Lambda rejects it' }],
    },
    {
      name: 'below 1 s in Globals',
      template: sam('  «Fn»:\n    Type: AWS::Serverless::Function\n', 'Globals:\n  Function:\n    Timeout: 0\n'),
      errors: [{ messageId: 'belowMin', related: ['Globals'] }],
    },
    {
      name: 'above 900 s on the function',
      template: sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: «1200»\n'),
      errors: [{ messageId: 'aboveMax', message: 'Timeout 1,200 s is above the Lambda maximum of 900 s' }],
    },
    {
      name: 'a CloudFormation function, as a string',
      template: sam('  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Timeout: «"901"»\n'),
      errors: [{ messageId: 'aboveMax' }],
    },
    {
      name: 'inherited from Globals: on the function, related to the Globals line',
      template: sam('  «Fn»:\n    Type: AWS::Serverless::Function\n', 'Globals:\n  Function:\n    Timeout: 1000\n'),
      errors: [{ messageId: 'aboveMax', related: ['inherited from Globals'] }],
    },
    {
      name: 'through a parameter default',
      template: `Parameters:\n  T: {Type: Number, Default: 3600}\n${sam('  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: «!Ref T»\n')}`,
      errors: [{ messageId: 'aboveMax', message: '3,600' }],
    },
    {
      name: 'above 90 minutes on Managed Instances',
      template: sam(
        '  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: «6000»\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp}\n',
      ),
      errors: [{ messageId: 'aboveManagedMax' }],
    },
    {
      name: 'Managed Instances behind an API keep the 900 s ceiling (a warning)',
      template: sam(
        '  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: «1800»\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp}\n      FunctionUrlConfig: {AuthType: NONE}\n',
      ),
      errors: [{ messageId: 'syncOnManaged', severity: 'warning', related: ['FunctionUrlConfig'] }],
    },
  ],
});
