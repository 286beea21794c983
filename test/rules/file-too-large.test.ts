import rule from '../../src/core/rules/file-too-large.js';
import { testRule } from './rule-tester.js';

const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
`;

testRule(rule, {
  valid: [{ name: 'a file under the cap', template, config: { maxFileSizeBytes: 10_000 } }],
  invalid: [
    {
      name: 'a template above the cap is reported once, on the first line',
      template: `«»${template}`,
      config: { maxFileSizeBytes: 40 },
      errors: [{ messageId: 'tooLarge', message: 'above the 0.0 MB size cap' }],
    },
  ],
});
