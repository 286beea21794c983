import rule from '../../src/core/rules/unknown-tag.js';
import { testRule } from './rule-tester.js';

const fn = (timeout: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Timeout: ${timeout}
`;

testRule(rule, {
  valid: [
    { name: 'short-form Ref', template: fn('!Ref AWS::NoValue') },
    { name: 'standard YAML tags are not CloudFormation tags but are fine', template: fn('!!int 30') },
  ],
  invalid: [
    { name: 'misspelt Ref', template: fn('«!Reff» TimeoutParam'), errors: [{ message: 'Unknown tag !Reff' }] },
    { name: 'a tag from another tool', template: fn('«!vault» secret/timeout'), errors: [{ message: '!vault' }] },
  ],
});
