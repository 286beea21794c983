import rule from '../../../src/core/rules/lambda/java-snapstart.js';
import { testRule } from '../rule-tester.js';

const fn = (
  runtime: string,
  extra = '',
  events = '      Events:\n        Api:\n          Type: Api\n          Properties: {Path: /orders, Method: get}\n',
) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.Handler::handleRequest
      Runtime: ${runtime}
${extra}${events}`;

testRule(rule, {
  valid: [
    { name: 'SnapStart on', template: fn('java21', '      AutoPublishAlias: live\n      SnapStart: {ApplyOn: PublishedVersions}\n') },
    {
      name: 'provisioned concurrency',
      template: fn('java21', '      AutoPublishAlias: live\n      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 2}\n'),
    },
    { name: 'not Java', template: fn('python3.13') },
    {
      name: 'only a queue consumer',
      template: fn('java21', '', '      Events:\n        Q:\n          Type: SQS\n          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}\n'),
    },
  ],
  invalid: [
    { name: 'Java 21 behind an API', template: fn('«java21»'), errors: [{ messageId: 'noSnapStart', related: ['Api event Api'] }] },
    {
      name: 'behind a function URL',
      template: fn('«java17»', '      FunctionUrlConfig: {AuthType: AWS_IAM}\n', ''),
      errors: [{ messageId: 'noSnapStart', message: 'FunctionUrlConfig' }],
    },
    { name: 'java8.al2 cannot use SnapStart', template: fn('«java8.al2»'), errors: [{ messageId: 'unsupportedRuntime' }] },
  ],
});
