import rule from '../../../src/core/rules/lambda/prefer-arm64.js';
import { testRule } from '../rule-tester.js';

const fn = (props: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  Thumbnail:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
${props}`;

testRule(rule, {
  valid: [
    { name: 'already arm64', template: fn('      Runtime: python3.13\n      Architectures: [arm64]\n') },
    { name: 'arm64 from Globals', template: fn('      Runtime: python3.13\n', 'Globals:\n  Function:\n    Architectures: [arm64]\n') },
    { name: 'a container image', template: fn('      PackageType: Image\n      ImageUri: repo/app:1\n') },
    {
      name: 'with layers (they may hold x86 binaries)',
      template: fn('      Runtime: python3.13\n      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:numpy:3]\n'),
    },
    { name: 'a runtime without arm64 (go1.x)', template: fn('      Runtime: go1.x\n') },
  ],
  invalid: [
    {
      name: 'the default architecture: on the function',
      template: fn('      Runtime: python3.13\n').replace('  Thumbnail:', '  «Thumbnail»:'),
      errors: [{ messageId: 'preferArm64', message: 'Thumbnail runs on x86_64 (the default)' }],
    },
    {
      name: 'an explicit x86_64',
      template: fn('      Runtime: nodejs22.x\n      Architectures: [«x86_64»]\n'),
      errors: [{ messageId: 'preferArm64', message: 'about 20% less' }],
    },
  ],
});
