import { expect, test } from 'vitest';
import rule from '../../src/core/rules/parse-error.js';
import { runTemplate, testRule } from './rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'well-formed YAML', template: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' },
    { name: 'well-formed JSON', filename: 'template.json', template: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}' },
  ],
  invalid: [
    {
      name: 'a JSON syntax error at the end of the input is reported there',
      filename: 'template.json',
      template: '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}«»',
      errors: [{ message: 'JSON syntax error' }],
    },
  ],
});

test('a YAML syntax error in a template is reported on its line, and analysis goes on', () => {
  const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {VisibilityTimeout: [60\n';
  const result = runTemplate(text);
  const errors = result.findings.filter((f) => f.ruleId === 'parse-error');
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]!.severity).toBe('error');
  expect(errors[0]!.range.start.line).toBeGreaterThanOrEqual(4);
  expect(result.format).toBe('cloudformation');
});

test('an alias bomb is refused with a finding, quickly', () => {
  const names = 'abcdefghi';
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `  ${names[i]}: &${names[i]} [${Array(9)
        .fill('*' + names[i - 1])
        .join(',')}]`,
    );
  lines.push('Resources:', '  Q:', '    Type: AWS::SQS::Queue');
  const started = performance.now();
  const result = runTemplate(lines.join('\n') + '\n');
  expect(performance.now() - started).toBeLessThan(3000);
  expect(result.findings.some((f) => f.ruleId === 'parse-error' && f.message.includes('alias bomb'))).toBe(true);
});

test('a cascade of syntax errors is cut to the first five', () => {
  const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n' + '  ]: x\n  }: y\n'.repeat(20);
  const errors = runTemplate(text).findings.filter((f) => f.ruleId === 'parse-error');
  expect(errors.length).toBeLessThanOrEqual(5);
  expect(errors.at(-1)!.message).toMatch(/further syntax errors follow/);
});

test('under-indented closing lines of flow collections and quoted strings are read as CloudFormation reads them', () => {
  const text =
    [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: python3.13',
      '      Handler: app.handler',
      '      Policies:',
      '        - PolicyName: Access',
      "          PolicyDocument: !Sub '{",
      '              "Version": "2012-10-17"',
      "          }'",
      '      Layers: [',
      '      arn:aws:lambda:us-east-1:123456789012:layer:a:1',
      '      ]',
      '      Timeout: 1200',
    ].join('\n') + '\n';
  const result = runTemplate(text);
  expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  const timeout = result.findings.find((f) => f.ruleId === 'lambda/timeout-max')!;
  // Positions still point into the original text.
  expect(timeout.range).toEqual({ start: { line: 15, character: 15 }, end: { line: 15, character: 19 } });
  expect(result.model!.functions[0]!.layers).toBe(1);
});

test('YAML that is not a template is left alone, even when broken', () => {
  const result = runTemplate('name: CI\non: [push\njobs: {}\n', { filename: '.github/workflows/ci.yml' });
  expect(result.format).toBeUndefined();
  expect(result.findings).toEqual([]);
});
