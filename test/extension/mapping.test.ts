import { describe, expect, test } from 'vitest';
import { type Finding } from '../../src/core/findings.js';
import { docsUrl } from '../../src/core/rules/rule.js';
import { DIAGNOSTIC_SEVERITY, diagnosticData } from '../../src/extension/support/mapping.js';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const finding: Finding = {
  ruleId: 'lambda/timeout-max',
  severity: 'error',
  message: 'Timeout 1,200 s is above the Lambda maximum of 900 s (15 minutes); CloudFormation will reject it.',
  uri: 'file:///w/template.yaml',
  range: range(5, 2, 23),
  related: [{ uri: 'file:///w/template.yaml', range: range(2, 13, 17), message: 'The value is inherited from Globals here' }],
};

describe('finding -> diagnostic data', () => {
  test("severities are vscode.DiagnosticSeverity's values (hint is Hint, not Information)", () => {
    // Error = 0, Warning = 1, Information = 2, Hint = 3 in the VS Code API.
    expect(DIAGNOSTIC_SEVERITY).toEqual({ error: 0, warning: 1, info: 2, hint: 3 });
    for (const severity of ['error', 'warning', 'info', 'hint'] as const) {
      expect(diagnosticData({ ...finding, severity }).severity).toBe(DIAGNOSTIC_SEVERITY[severity]);
    }
  });

  test('message, 0-based range, source and a code that links to the rule docs', () => {
    const data = diagnosticData(finding);
    expect(data.message).toBe(finding.message);
    expect(data.range).toEqual(range(5, 2, 23));
    expect(data.source).toBe('crossover');
    expect(data.code).toEqual({ value: 'lambda/timeout-max', target: docsUrl('lambda/timeout-max') });
    expect(data.code.target).toMatch(/^https:\/\/.+\/docs\/rules\/lambda\/timeout-max\.md$/);
  });

  test('related information (the Globals line) is carried over; a missing URI means the same file', () => {
    expect(diagnosticData(finding).related).toEqual([
      { uri: 'file:///w/template.yaml', range: range(2, 13, 17), message: 'The value is inherited from Globals here' },
    ]);
    const sameFile = diagnosticData({ ...finding, related: [{ uri: '', range: range(1, 0, 1), message: 'here' }] });
    expect(sameFile.related[0]?.uri).toBe('file:///w/template.yaml');
    expect(diagnosticData({ ...finding, related: [] }).related).toEqual([]);
  });
});
