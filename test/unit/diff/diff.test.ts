/** The pure diff: two sides given as texts, no git, no disk, and no resource differ unless a test passes one. */
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage, parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { cloudFormationView } from '../../../src/core/diff/cloudformation-view.js';
import { diffSides, type ResourceDiffer, type Side } from '../../../src/core/diff/diff.js';
import { diffMarkdown } from '../../../src/core/diff/format.js';
import { analyzeText } from '../../../src/core/engine.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { plainValue } from '../../../src/core/parse/document/tree.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { resourceDiffer } from '../../../src/node/resource-differ.js';
import { testTerraformReader } from '../../support/terraform-reader.js';

const options = { config: resolveConfig({}), settings: resolveCostSettings({}) };

const sam = (memory: number, timeout = 10) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: ${memory}
      Timeout: ${timeout}
      Events:
        Api: {Type: Api, Properties: {Path: /, Method: get}}
`;

function side(label: string, files: Record<string, string>, usage = ''): Side {
  const parsed = usage ? parseUsageFile('crossover.usage.yml', usage) : emptyUsage();
  return { label, files: Object.entries(files).map(([path, text]) => ({ path, text })), usageFor: () => parsed };
}

describe('diffSides', () => {
  test('a finding whose message changes with the value (same rule, same resource) is neither added nor resolved', () => {
    const report = diffSides(side('a', { 't.yaml': sam(512, 40) }), side('b', { 't.yaml': sam(1024, 50) }), options);
    const before = analyzeText({ uri: 't.yaml', text: sam(512, 40) }, options.config).findings.map((f) => f.ruleId);
    expect(before).toContain('lambda/api-gateway-timeout');
    expect(report.findings).toEqual({ added: [], resolved: [] });
    // The Fargate task is sized from the function, so it follows the memory.
    expect(report.workloads[0]!.changes).toEqual(['Lambda memory 512 MB -> 1024 MB (template)', 'Fargate vCPU 0.5 -> 1', 'Fargate memory 1 GB -> 2 GB']);
  });

  test('broken, binary-looking and non-template files on either side are reported or left alone, never thrown', () => {
    const broken = sam(512).replace('Timeout: 10', 'Timeout: [10');
    // A CDK app added cut off mid-construct: read as far as it goes.
    const app = "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Api', { memorySize: ";
    const report = diffSides(
      side('a', { 't.yaml': sam(512), 'notes.yaml': 'a: 1\n' }),
      side('b', { 't.yaml': broken, 'notes.yaml': 'a: 2\n', 'x.json': '\u0000\u0001{', 'lib/stack.ts': app }),
      { ...options, typescript: typescriptReader },
    );
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['lib/stack.ts', 'added'],
      ['t.yaml', 'modified'],
    ]);
    // The engine turns an exception into an internal-error finding, so "never thrown" means none of those either.
    // The cut-off memory is not static: a hint on the construct says so.
    expect(report.findings.added).toEqual([
      expect.objectContaining({ ruleId: 'cdk/value-not-static', severity: 'hint', file: 'lib/stack.ts' }),
      expect.objectContaining({ ruleId: 'parse-error', severity: 'error', line: 10 }),
    ]);
  });

  test('the usage file of each side sets its traffic; the totals add up the workloads', () => {
    const report = diffSides(
      side('a', { 't.yaml': sam(512) }, 'resources: {Fn: {requestsPerMonth: 1000000}}'),
      side('b', { 't.yaml': sam(512) }, 'resources: {Fn: {requestsPerMonth: 3000000}}'),
      options,
    );
    const w = report.workloads[0]!;
    expect(w.before!.requestsPerMonth).toBe(1_000_000);
    expect(w.after!.requestsPerMonth).toBe(3_000_000);
    expect(w.before!.traffic).toBe('given');
    expect(report.totals.delta.deployed).toBeCloseTo(w.after!.lambda - w.before!.lambda, 9);
    expect(report.files[0]!.status).toBe('unchanged');
    expect(report.notes.some((n) => n.startsWith('Traffic not in a usage file'))).toBe(false);
  });

  test('the differ gets both files as CloudFormation objects; unchanged files are not diffed', () => {
    const calls: unknown[][] = [];
    const differ: ResourceDiffer = (a, b) => {
      calls.push([a, b]);
      return [];
    };
    diffSides(side('a', { 't.yaml': sam(512), 'same.yaml': sam(128) }), side('b', { 't.yaml': sam(1024), 'same.yaml': sam(128) }), { ...options, differ });
    expect(calls).toHaveLength(1);
    const [a, b] = calls[0] as [{ Resources: { Fn: { Properties: { MemorySize: number } } } }, (typeof calls)[0][0]];
    expect(a.Resources.Fn.Properties.MemorySize).toBe(512);
    expect((b as typeof a).Resources.Fn.Properties.MemorySize).toBe(1024);
  });

  test("Terraform: the real resource differ's replacements are CloudFormation's, so a Terraform file's changes are updates", async () => {
    const terraform = await testTerraformReader();
    const tf = (name: string) => `resource "aws_lambda_function" "fn" {\n  function_name = "${name}"\n  memory_size = 512\n}\n`;
    const yaml = (name: string) => `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: ${name}\n      MemorySize: 512\n`;
    const run = (files: (name: string) => Record<string, string>) =>
      diffSides(side('a', files('a')), side('b', files('b')), { ...options, terraform, differ: resourceDiffer }).files[0]?.resources;
    // A renamed function: CloudFormation replaces it (its specification says so); for Terraform it is an update here.
    expect(run((n) => ({ 't.yaml': yaml(n) }))?.map((r) => [r.id, r.change, r.properties.map((p) => p.replacement)])).toEqual([['Fn', 'replaced', [true]]]);
    expect(run((n) => ({ 'main.tf': tf(n) }))?.map((r) => [r.id, r.change, r.properties.map((p) => p.replacement)])).toEqual([
      ['aws_lambda_function.fn', 'updated', [false]],
    ]);
  });

  test('Markdown escapes what would break a table or inject HTML', () => {
    const report = diffSides(side('a|<b>', {}), side('c`d', { 't.yaml': sam(512) }), options);
    const md = diffMarkdown(report);
    // The labels in code spans, shown as written (a backtick in one lengthens the fence); no HTML element from them.
    expect(md).toContain('Comparing `a|<b>` with ``c`d``.');
    expect(marked.parse(md, { async: false })).not.toMatch(/<b>/);
    expect(md).toContain('| `Fn` in `t.yaml` (added) | Lambda |');
    // The one-file form (the editor, whose title names the file): four columns, no file in the rows.
    const one = diffMarkdown(report, { oneFile: true });
    expect(one).toContain('| Workload (runs on) | Lambda | Fargate | Change |');
    expect(one).toMatch(/\| `Fn` \(Lambda\) \(added\) \| - → \$[\d.,]+ \| - → \$[\d.,]+ \| \*\*\+\$[\d.,]+\*\* \|/);
    expect(one).toMatch(/\| \*\*Total\*\* \(1 workload\) \| \$0\.00 → /);
    const titled = diffMarkdown(report, { oneFile: true, title: 'Cost change of my_stack.py', lead: 'New file.' });
    expect(titled).toMatch(/^# Cost change of my\\_stack\\\.py\n\nNew file\\\.\n\n/);
    expect(one).toContain('<details open><summary>Resource changes</summary>');
    expect(md).toContain('<details><summary>Resource changes</summary>');
  });
});

describe('templates as plain data', () => {
  test('short-form tags become long form; a key named __proto__ stays a key', () => {
    const doc = loadDocument('t.yaml', 'Resources:\n  A:\n    Type: X\n    Properties:\n      Name: !Ref P\n      __proto__: {polluted: true}\n');
    const plain = plainValue(doc.root!) as { Resources: { A: { Properties: Record<string, unknown> } } };
    expect(plain.Resources.A.Properties['Name']).toEqual({ Ref: 'P' });
    expect(Object.prototype.hasOwnProperty.call(plain.Resources.A.Properties, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(plain.Resources.A.Properties)).toBe(Object.prototype);
  });

  test('aliases that expand past the budget are cut, not followed', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const doc = loadDocument('bomb.yaml', lines.join('\n') + '\n');
    if (!doc.root) return; // refused by the parser: nothing to expand
    const budget = { nodes: 10_000 };
    plainValue(doc.root, budget);
    expect(budget.nodes).toBeLessThan(0);
  });

  test('serverless.yml becomes AWS::Lambda::Function resources with CloudFormation property names', () => {
    const text =
      'service: s\nprovider: {name: aws, runtime: nodejs20.x, memorySize: 2048, architecture: arm64}\nfunctions:\n  api: {handler: h.api, timeout: 20}\n';
    const result = analyzeText({ uri: 'serverless.yml', text }, options.config);
    const view = cloudFormationView('serverless.yml', text, result.model!);
    expect(view.Resources['api']).toEqual({
      Type: 'AWS::Lambda::Function',
      Properties: expect.objectContaining({ MemorySize: 2048, Timeout: 20, Runtime: 'nodejs20.x', Architectures: ['arm64'], Handler: 'h.api' }),
    });
  });
});
