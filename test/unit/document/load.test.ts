import { describe, expect, test } from 'vitest';
import { decodeBytes, loadDocument } from '../../../src/core/parse/document/load.js';
import { getIn, isSeq, type MapNode, type TreeNode } from '../../../src/core/parse/document/tree.js';

const slice = (text: string, node: TreeNode | undefined) => (node ? text.slice(node.start, node.end) : undefined);

describe('YAML documents', () => {
  test('short-form tags become long-form maps whose key covers the tag', () => {
    const text = 'Timeout: !Ref TimeoutParam\nArn: !GetAtt Queue.Arn\nName: !Sub "${AWS::StackName}-fn"\n';
    const doc = loadDocument('t.yaml', text);
    expect(doc.problems).toEqual([]);
    const ref = getIn(doc.root, ['Timeout']) as MapNode;
    expect(ref.kind).toBe('map');
    expect(ref.fromTag).toBe(true);
    expect(ref.entries[0]!.key).toBe('Ref');
    expect(slice(text, ref.entries[0]!.keyNode)).toBe('!Ref');
    expect(slice(text, ref.entries[0]!.value)).toBe('TimeoutParam');
    expect(slice(text, ref)).toBe('!Ref TimeoutParam');
    expect((getIn(doc.root, ['Arn']) as MapNode).entries[0]!.key).toBe('Fn::GetAtt');
    expect((getIn(doc.root, ['Name']) as MapNode).entries[0]!.key).toBe('Fn::Sub');
  });

  test('documents read with one schema read as each alone; a %YAML 1.1 document keeps the schema of its version', () => {
    const value = (text: string, key: string) => {
      const node = getIn(loadDocument('t.yaml', text).root, [key]);
      return node?.kind === 'scalar' ? node.value : undefined;
    };
    // YAML 1.2 (the core schema) reads `yes` as a string and `0o17` as a number; YAML 1.1 reads them the other way.
    expect(value('A: yes\nB: 0o17\n', 'A')).toBe('yes');
    expect(value('%YAML 1.1\n---\nA: yes\nB: 0o17\n', 'A')).toBe(true);
    expect(value('%YAML 1.1\n---\nA: yes\nB: 0o17\n', 'B')).toBe('0o17');
    expect(value('A: yes\nB: 0o17\n', 'B')).toBe(15);
    // A known tag a document names (the library adds it to the schema it reads with) changes nothing for the next ones.
    const tagged = 'A: !!binary aGk=\nB: !!timestamp 2026-12-02\nC: true\nD: 2026-12-02\n';
    const first = loadDocument('t.yaml', tagged);
    const plain = 'C: true\nD: 2026-12-02\nE: aGk=\n';
    const before = loadDocument('t.yaml', plain);
    for (let i = 0; i < 3; i++) expect(loadDocument('t.yaml', tagged).root).toEqual(first.root);
    expect(loadDocument('t.yaml', plain).root).toEqual(before.root);
    expect(value(plain, 'D')).toBe('2026-12-02');
    expect(value(plain, 'C')).toBe(true);
  });

  test('unknown tags are reported at the tag', () => {
    const text = 'A: 1\nB: !Reff X\n';
    const doc = loadDocument('t.yaml', text);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]!.code).toBe('unknown-tag');
    expect(text.slice(doc.problems[0]!.start, doc.problems[0]!.end)).toBe('!Reff');
    expect(doc.lines.positionAt(doc.problems[0]!.start)).toEqual({ line: 1, character: 3 });
  });

  test('syntax errors and duplicate keys are problems, not exceptions', () => {
    const doc = loadDocument('t.yaml', 'A: [1, 2\nB: 1\nB: 2\n');
    expect(doc.problems.some((p) => p.code === 'yaml-syntax')).toBe(true);
    const dup = loadDocument('t.yaml', 'A: 1\nA: 2\n');
    expect(dup.problems.map((p) => p.code)).toContain('duplicate-key');
  });

  test('aliases are shared, and an alias bomb is refused quickly', () => {
    const shared = loadDocument('t.yaml', 'a: &x [1, 2]\nb: *x\n');
    const [a, b] = [getIn(shared.root, ['a']), getIn(shared.root, ['b'])];
    // The alias's node shares the anchored node's children (never copied) and says where the alias is written.
    expect(isSeq(b) && isSeq(a) && b.items === a.items).toBe(true);
    expect(a!.anchor).toEqual({ name: 'x', start: 3, end: 5, used: true });
    expect(b!.anchor).toEqual({ name: 'x', start: 16, end: 18, alias: true });
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++)
      levels.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill('*' + names[i - 1])
          .join(',')}]`,
      );
    const started = performance.now();
    const bomb = loadDocument('bomb.yaml', levels.join('\n') + '\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(bomb.problems.map((p) => p.code)).toContain('alias-bomb');
  });

  test('extreme nesting is reported, not thrown', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(loadDocument('d.yaml', `a: ${deep}`).problems[0]!.severity).toBe('error');
    expect(loadDocument('d.json', deep).problems[0]!.severity).toBe('error');
    const moderate = '['.repeat(300) + ']'.repeat(300);
    expect(loadDocument('m.json', moderate).problems.map((p) => p.code)).toContain('too-deep');
  });
});

describe('JSON documents', () => {
  test('keys and values keep their offsets', () => {
    const text = '{\n  "Resources": {\n    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Timeout": 30 } }\n  }\n}\n';
    const doc = loadDocument('t.json', text);
    expect(doc.syntax).toBe('json');
    const timeout = getIn(doc.root, ['Resources', 'Fn', 'Properties', 'Timeout']);
    expect(slice(text, timeout)).toBe('30');
    expect(doc.lines.positionAt(timeout!.start)).toEqual({ line: 2, character: 72 });
  });

  test('syntax errors and duplicate keys are reported', () => {
    const doc = loadDocument('t.json', '{"A": 1, "A": 2, "B": }');
    const codes = doc.problems.map((p) => p.code);
    expect(codes).toContain('duplicate-key');
    expect(codes).toContain('json-syntax');
  });
});

describe('decoding bytes', () => {
  test('binary content is refused with a reason', () => {
    expect(decodeBytes(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({ kind: 'binary', reason: 'it contains NUL bytes (a binary file)' });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41])).kind).toBe('binary');
    expect(decodeBytes(new TextEncoder().encode('Resources: {}'))).toEqual({ kind: 'text', text: 'Resources: {}' });
  });
});

describe('JSON strictness', () => {
  test('trailing commas and comments are reported, and the rest is still read', () => {
    const text = '{\n  // a comment\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue"},}\n}\n';
    const doc = loadDocument('t.json', text);
    expect(doc.problems.map((p) => p.message)).toEqual([
      'JSON syntax error: JSON has no comments (CloudFormation rejects them).',
      'JSON syntax error: property name expected.',
    ]);
    expect(doc.problems.map((p) => doc.lines.positionAt(p.start))).toEqual([
      { line: 1, character: 2 },
      { line: 2, character: 49 },
    ]);
    expect(getIn(doc.root, ['Resources', 'Q', 'Type'])).toMatchObject({ value: 'AWS::SQS::Queue' });
  });
});
