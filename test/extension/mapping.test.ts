import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { type Finding } from '../../src/core/findings.js';
import { docsUrl } from '../../src/core/rules/rule.js';
import { diagnosticData } from '../../src/extension/support/mapping.js';

/** `enum DiagnosticSeverity { Error = 0, ... }` as @types/vscode declares it: member name -> value. */
function diagnosticSeverityEnum(): Record<string, number> {
  const path = createRequire(import.meta.url).resolve('@types/vscode/index.d.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const members: Record<string, number> = {};
  const visit = (node: ts.Node) => {
    if (ts.isEnumDeclaration(node) && node.name.text === 'DiagnosticSeverity')
      for (const member of node.members) members[member.name.getText(source)] = Number(member.initializer!.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return members;
}

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const finding: Finding = {
  ruleId: 'lambda/timeout-max',
  severity: 'error',
  message: 'Timeout 1,200 s is above the Lambda maximum of 900 s (15 minutes); Lambda refuses it, so the deployment fails.',
  uri: 'file:///w/template.yaml',
  range: range(5, 2, 23),
  related: [{ uri: 'file:///w/template.yaml', range: range(2, 13, 17), message: 'The value is inherited from Globals here' }],
};

describe('finding -> diagnostic data', () => {
  test('each severity becomes the vscode.DiagnosticSeverity of the same name (hint is Hint, not Information)', () => {
    // The expected mapping, as data; the numbers come from the VS Code API's own declaration, not from our table.
    const expected = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint' } as const;
    const api = diagnosticSeverityEnum();
    expect(Object.keys(api).sort()).toEqual(['Error', 'Hint', 'Information', 'Warning']);
    for (const [severity, name] of Object.entries(expected)) {
      expect(diagnosticData({ ...finding, severity: severity as keyof typeof expected }).severity, severity).toBe(api[name]);
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
