import { expect, test } from 'vitest';
import rule from '../../../src/core/rules/sqs/visibility-timeout.js';
import { runTemplate, testRule } from '../rule-tester.js';

const template = (queue: string, timeout: string, event = '          Properties: {Queue: !GetAtt Jobs.Arn}\n') => `Transform: AWS::Serverless-2016-10-31
Resources:
${queue}  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Timeout: ${timeout}
      Events:
        Jobs:
          Type: SQS
${event}`;
const queue = (visibility?: string) => `  Jobs:\n    Type: AWS::SQS::Queue\n${visibility ? `    Properties:\n      VisibilityTimeout: ${visibility}\n` : ''}`;

testRule(rule, {
  valid: [
    { name: 'exactly 6x', template: template(queue('360'), '60') },
    { name: 'the 30 s default is fine for a 5 s function', template: template(queue(), '5') },
    {
      name: 'a queue from another stack is not checked',
      template: template('', '60', '          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:jobs}\n'),
    },
    { name: 'a queue nobody in the template consumes', template: `Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties: {VisibilityTimeout: 1}\n` },
  ],
  invalid: [
    {
      name: 'below 6x: on the visibility timeout, related to the function timeout',
      template: template(queue('«300»'), '120'),
      errors: [
        { messageId: 'tooShort', message: 'Visibility timeout 300 s is below 6x the 120 s timeout of Worker (720 s)', related: ['Worker has a 120 s timeout'] },
      ],
    },
    {
      name: 'shorter than the function timeout: an error (Lambda rejects the mapping)',
      template: template(queue('«60»'), '120'),
      errors: [
        {
          messageId: 'rejected',
          severity: 'error',
          message: 'Visibility timeout 60 s is shorter than the 120 s timeout of Worker: Lambda rejects the event source mapping, so the deployment fails.',
        },
      ],
    },
    {
      name: 'the 30 s default below a 60 s function timeout: an error on the queue',
      template: template(queue().replace('  Jobs:', '  «Jobs»:'), '60'),
      errors: [{ messageId: 'rejected', severity: 'error', message: '30 s (the default) is shorter than the 60 s timeout' }],
    },
    {
      name: 'equal to the function timeout: accepted by Lambda, a warning (6x advice)',
      template: template(queue('«120»'), '120'),
      errors: [{ messageId: 'tooShort', severity: 'warning', message: 'the minimum AWS advises' }],
    },
    {
      name: 'the 30 s default: on the queue',
      template: template(queue().replace('  Jobs:', '  «Jobs»:'), '10'),
      errors: [{ messageId: 'tooShort', message: '30 s (the default)' }],
    },
    {
      name: 'a CloudFormation event source mapping',
      template: `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: «60»
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: 30
      Code: {ZipFile: "exports.handler = async () => {}"}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Jobs.Arn
      FunctionName: !Ref Worker
`,
      errors: [{ messageId: 'tooShort', message: '(180 s)' }],
    },
    {
      name: 'when 6x is beyond the SQS maximum',
      template: template(queue('«7300»'), '7201').replace(
        'Timeout: 7201',
        'Timeout: 7201\n      CapacityProviderConfig: {LambdaManagedInstancesCapacityProviderConfig: {CapacityProviderArn: arn}}',
      ),
      errors: [{ messageId: 'cannotReach' }],
    },
  ],
});

test('the quick fix raises a literal visibility timeout to 6x', () => {
  const finding = runTemplate(template(queue('300'), '120')).findings.find((f) => f.ruleId === rule.meta.id)!;
  expect(finding.fix).toEqual({ title: 'Set VisibilityTimeout to 720 s', edits: [{ range: finding.range, newText: '720' }] });
});
