// Deep nesting in YAML and JSON through the engine: never an exception or an internal error, a parse-error
// where the nesting is cut off, and no tree deeper than the limit for the model builder and the intrinsic
// resolver to recurse on, even when aliases of aliases repeat a deep node inside itself.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText, type AnalysisResult } from '../../../src/core/engine.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { DOCUMENT_LIMITS } from '../../../src/core/parse/document/problems.js';
import { type TreeNode } from '../../../src/core/parse/document/tree.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (name: string, text: string) => analyzeText({ uri: `file:///p/${name}`, text }, config);
const rules = (result: AnalysisResult, ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId);
const yamlHead =
  'AWSTemplateFormatVersion: "2010-09-09"\nConditions:\n  C: !Equals [a, b]\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: a.b\n';

/** How deep a tree goes (maps and lists), without recursion. */
function treeDepth(root: TreeNode | undefined): number {
  let deepest = 0;
  const stack: [TreeNode, number][] = root ? [[root, 1]] : [];
  const seen = new Set<TreeNode>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (seen.has(node)) continue; // shared (aliased) nodes: their subtree is the same wherever they are
    if (node.kind === 'map') for (const entry of node.entries) stack.push([entry.value, depth + 1]);
    if (node.kind === 'seq') for (const item of node.items) stack.push([item, depth + 1]);
    if (node.kind !== 'scalar') seen.add(node);
  }
  return deepest;
}

function expectCutOff(result: AnalysisResult, line: number): void {
  expect(rules(result, 'internal-error'), 'no internal error').toEqual([]);
  expect(rules(result, 'parse-error').length).toBeGreaterThan(0);
  expect(rules(result, 'parse-error')[0]!.range.start.line).toBe(line);
}

describe('deeply nested documents (these were already cut off before the change; they guard the limit)', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);

  test('100,000 nested [ in a YAML flow sequence', () => {
    const result = analyze('template.yaml', `${yamlHead}      Layers: ${deep}\n`);
    expect(result.format).toBe('cloudformation');
    expectCutOff(result, 9);
    expect(result.model!.functions.map((f) => f.id)).toEqual(['F']);
  });

  test('100,000 nested [ in JSON', () => {
    const result = analyze(
      'template.json',
      `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": ${deep}}}}}`,
    );
    expect(result.format).toBe('cloudformation');
    expectCutOff(result, 0);
  });

  test('Fn::If nested 20,000 deep, in YAML and JSON', () => {
    const n = 20_000;
    const yaml = analyze('template.yaml', `${yamlHead}      MemorySize: ${'{"Fn::If": [C, 1, '.repeat(n)}1${']}'.repeat(n)}\n`);
    expectCutOff(yaml, 9);
    expect(yaml.model!.functions[0]!.memoryMb.value).toBeUndefined();
    const json = analyze(
      'template.json',
      `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": ${'{"Fn::If": ["C", 1, '.repeat(n)}1${']}'.repeat(n)}}}}}`,
    );
    expectCutOff(json, 0);
  });
});

describe('aliases of aliases and self-referring mappings (these crashed the resolver with a stack overflow)', () => {
  test('30 anchors, each a list 200 deep around the alias of the one before: cut off at the limit where it is repeated', () => {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:'];
    for (let k = 0; k < 30; k++) lines.push(`  s${k}: &s${k} ${'['.repeat(200)}${k === 0 ? '1' : `*s${k - 1}`}${']'.repeat(200)}`);
    lines.push('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: *s29', '');
    const text = lines.join('\n');
    const doc = loadDocument('template.yaml', text);
    expect(treeDepth(doc.root)).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxDepth + 2);
    const result = analyze('template.yaml', text);
    expect(result.format).toBe('cloudformation');
    // Reported once, at the first alias that would take the tree past the limit (s1 holds s0 at depth 202).
    expectCutOff(result, 3);
    expect(rules(result, 'parse-error').map((f) => f.message)).toEqual([`Nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels is not analysed.`]);
    expect(result.model!.queues[0]!.visibilityTimeoutSeconds.value).toBeUndefined();
  });

  test('a mapping entry that looks itself up through its own key: unresolved, too deep to evaluate', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Mappings:',
      '  M:',
      '    a:',
      '      b: {"Fn::FindInMap": [M, {"Fn::FindInMap": [M, a, b]}, b]}',
      'Resources:',
      '  F:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.13',
      '      Handler: a.b',
      '      MemorySize: {"Fn::FindInMap": [M, a, b]}',
      '',
    ].join('\n');
    const result = analyze('template.yaml', text);
    expect(rules(result, 'internal-error')).toEqual([]);
    expect(result.format).toBe('cloudformation');
    expect(result.model!.functions[0]!.memoryMb.unresolved).toMatch(/nested more than 64 levels deep, too deep to evaluate statically/);
  });
});
