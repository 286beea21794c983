import rule from '../../../src/core/rules/lambda/reserved-concurrency.js';
import { testRule } from '../rule-tester.js';

const fns = (...reserved: string[]) =>
  `Transform: AWS::Serverless-2016-10-31\nResources:\n` +
  reserved
    .map(
      (r, i) =>
        `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n      ReservedConcurrentExecutions: ${r}\n`,
    )
    .join('');

testRule(rule, {
  valid: [
    { name: 'within what the account can reserve', template: fns('900') },
    { name: 'several, together within 900', template: fns('300', '300', '300') },
    { name: 'a raised quota in the settings', template: fns('1500'), config: { limits: { accountConcurrency: 5000 } } },
  ],
  invalid: [
    { name: 'more than a default account can reserve', template: fns('«1500»'), errors: [{ messageId: 'aboveAccount', message: 'leaves 900' }] },
    {
      name: 'together more than the account can reserve (information)',
      template: fns('«500»', '«500»'),
      errors: [
        { messageId: 'templateTotal', severity: 'info', message: 'reserve 1,000 concurrent executions together' },
        { messageId: 'templateTotal', severity: 'info' },
      ],
    },
    { name: 'zero throttles everything', template: fns('«0»'), errors: [{ messageId: 'zero', severity: 'info' }] },
  ],
});
