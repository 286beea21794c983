/** `crossover.problems.showSuggestions: false` ("Crossover: Show Only Pitfalls"): information findings become hints, pitfalls stay. */
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Old:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.9
      Handler: app.handler
      CodeUri: src/
  Soon:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      CodeUri: src/
      Architectures: [arm64]
`;
const now = new Date('2026-11-24T00:00:00Z');
const severities = (showSuggestions?: boolean, rules = {}) =>
  analyzeText({ uri: 'template.yaml', text: TEMPLATE }, resolveConfig({ now, rules, ...(showSuggestions === undefined ? {} : { showSuggestions }) }))
    .findings.map((f) => `${f.ruleId} ${f.range.start.line} ${f.severity}`)
    .sort();

describe('showSuggestions', () => {
  test('by default the suggestions are information and the pitfalls warnings', () => {
    expect(severities()).toEqual(['lambda/deprecated-runtime 11 info', 'lambda/deprecated-runtime 5 warning', 'lambda/prefer-arm64 2 info']);
  });

  test('off: every finding below a warning is a hint (kept out of the Problems panel), warnings and errors unchanged', () => {
    expect(severities(false)).toEqual(['lambda/deprecated-runtime 11 hint', 'lambda/deprecated-runtime 5 warning', 'lambda/prefer-arm64 2 hint']);
  });

  test('off: a suggestion the user raised to a warning is shown as one', () => {
    expect(severities(false, { 'lambda/prefer-arm64': 'warning' })).toContain('lambda/prefer-arm64 2 warning');
  });

  test('a value that is not true or false falls back to showing them, and says so', () => {
    const problems: string[] = [];
    expect(resolveConfig({ showSuggestions: 'no' as unknown as boolean }, problems).showSuggestions).toBe(true);
    expect(problems).toEqual(['crossover.problems.showSuggestions: "no" is not true or false; the default true is used.']);
  });
});
