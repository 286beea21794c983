// Names from a file are looked up in Crossover's tables (event types, resource types, CDK members) as own keys
// only: `constructor`, `__proto__`, `toString` are names like any other, never a table's inherited function.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { unitValue } from '../../../src/core/parse/cdk/constructs.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe.each(NAMES)('a file that says %s', (name) => {
  test('SAM event type and event source mapping: an ordinary unknown kind', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      `    Properties: {Runtime: python3.13, Handler: a.b, CodeUri: ., Events: {E: {Type: ${name}}}}`,
      '  Mapping:',
      '    Type: AWS::Lambda::EventSourceMapping',
      `    Properties: {FunctionName: !Ref Fn, EventSourceArn: 'arn:aws:${name}:us-east-1:1:x'}`,
      `  Other: {Type: ${name}}`,
      '',
    ].join('\n');
    const result = analyzeText({ uri: 't.yaml', text }, config);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const kinds = result.model!.functions[0]!.events.map((e) => e.kind);
    for (const kind of kinds) expect(typeof kind).toBe('string');
  });

  test('serverless.yml event: an ordinary unknown kind', () => {
    const text = `service: s\nprovider: {name: aws, runtime: nodejs22.x}\nfunctions:\n  f:\n    handler: h.h\n    events:\n      - ${name}: {}\n`;
    const result = analyzeText({ uri: 'serverless.yml', text }, config);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    for (const e of result.model!.functions[0]!.events) expect(typeof e.kind).toBe('string');
  });

  test('CDK Duration / Size members that are not units give no value', () => {
    expect(unitValue('Duration', name, 5)).toBeUndefined();
    expect(unitValue('Size', name, 5)).toBeUndefined();
    expect(unitValue('Duration', 'minutes', 5)).toBe('300 s');
  });
});
