// "Set Timeout to <limit> s" on a function behind API Gateway whose timeout comes from SAM Globals: in Globals when
// every function that inherits it is over its API's limit, else on the function (the title says which). Each fix is
// applied and checked with test/support/fix-check.ts, and the finding is gone afterwards.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { checkFix } from '../../support/fix-check.js';

const RULE = 'lambda/api-gateway-timeout';
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const URI = 'file:///t/template.yaml';
const findings = (text: string) => analyzeText({ uri: URI, text }, config).findings.filter((f) => f.ruleId === RULE);

const api = (name: string, type = 'Api') => `      Events:\n        Get:\n          Type: ${type}\n          Properties: {Path: /${name}, Method: get}\n`;
const fn = (name: string, properties: string) =>
  `  ${name}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.h\n${properties}`;
const template = (...functions: string[]) =>
  `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Timeout: 60\n    MemorySize: 512\nResources:\n${functions.join('')}`;

/** The fix of `resource`'s finding, applied and checked; returns the new text and the fix's title. */
function fix(text: string, resource: string): { text: string; title: string } {
  const finding = findings(text).find((f) => f.resourceId === resource);
  expect(finding?.fix, `a fix on ${resource}`).toBeDefined();
  const check = checkFix({ uri: URI, text }, finding!.fix!);
  expect(check.failures).toEqual([]);
  return { text: check.text, title: finding!.fix!.title };
}

describe('timeout inherited from Globals', () => {
  test('every inheriting function is behind an API: Globals is lowered to the strictest limit, and every finding goes', () => {
    const text = template(fn('Rest', api('a')), fn('Http', api('b', 'HttpApi')));
    const { text: out, title } = fix(text, 'Http');
    expect(title).toBe('Set Timeout to 29 s in Globals (for Rest and Http, which inherit it)');
    expect(out).toContain('Globals:\n  Function:\n    Timeout: 29\n    MemorySize: 512\n');
    expect(findings(out)).toEqual([]);
  });

  test('another inheriting function needs its 60 s (a queue worker): the fix sets Timeout on this function only', () => {
    const text = template(
      fn('Rest', api('a')),
      fn('Worker', '      Events:\n        Q:\n          Type: SQS\n          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}\n'),
    );
    const { text: out, title } = fix(text, 'Rest');
    expect(title).toBe('Set Timeout to 29 s on Rest (Globals keeps 60 s for Worker)');
    expect(out).toContain('  Rest:\n    Type: AWS::Serverless::Function\n    Properties:\n');
    expect(out).toMatch(/ {2}Rest:\n[^]*Timeout: 29\n[^]* {2}Worker:/);
    expect(out).toContain('Globals:\n  Function:\n    Timeout: 60\n');
    expect(findings(out)).toEqual([]);
  });

  test('a Globals timeout from a parameter: no fix (the value is written elsewhere)', () => {
    const text = template(fn('Rest', api('a')))
      .replace('    Timeout: 60\n', '    Timeout: !Ref T\n')
      .replace('Globals:', 'Parameters:\n  T:\n    Type: Number\n    Default: 60\nGlobals:');
    const [finding] = findings(text);
    expect(finding).toBeDefined();
    expect(finding!.fix).toBeUndefined();
  });
});
