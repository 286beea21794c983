import rule from '../../../src/core/rules/lambda/deprecated-runtime.js';
import { testRule } from '../rule-tester.js';

// The tester's "today" is 2026-11-24.
const fn = (props: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
${props}`;

testRule(rule, {
  valid: [
    { name: 'a current runtime', template: fn('      Runtime: python3.13\n') },
    { name: 'deprecation more than six months away', template: fn('      Runtime: python3.12\n') },
    {
      name: 'a container image has no managed runtime',
      template: fn('      PackageType: Image\n      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n'),
    },
    { name: 'an unknown runtime is not guessed', template: fn('      Runtime: python9.9\n') },
  ],
  invalid: [
    { name: 'past its date', template: fn('      Runtime: «python3.9»\n'), errors: [{ messageId: 'deprecated', message: 'deprecated on 2025-12-15' }] },
    {
      name: 'with known block dates',
      template: fn('      Runtime: «dotnet8»\n'),
      errors: [{ messageId: 'deprecated', message: 'creation from 2027-02-01, updates from 2027-03-03' }],
    },
    {
      name: 'within six months is information',
      template: fn('      Runtime: «ruby3.3»\n'),
      errors: [{ messageId: 'soon', severity: 'info', message: '2027-03-31 (in 127 days)' }],
    },
    {
      name: 'inherited from Globals',
      template: fn('      Handler: app.handler\n', 'Globals:\n  Function:\n    Runtime: nodejs18.x\n').replace('  Fn:', '  «Fn»:'),
      errors: [{ messageId: 'deprecated', related: ['Globals'] }],
    },
  ],
});
