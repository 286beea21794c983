// terraform/value-not-static: one hint per Terraform resource whose settings the files cannot give, on the resource
// block, listing each setting with its reason and what Crossover assumed; nothing for written or defaulted settings.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { type TerraformReader } from '../../../src/core/parse/readers.js';
import rule from '../../../src/core/rules/terraform/value-not-static.js';
import { memoryFolder, testTerraformReader } from '../../support/terraform-reader.js';
import { TEST_NOW } from '../rule-tester.js';

const config = resolveConfig({ now: TEST_NOW });
let terraform: TerraformReader;
beforeAll(async () => {
  terraform = await testTerraformReader();
});

function hints(files: Record<string, string>) {
  const text = files['main.tf']!;
  const result = analyzeText({ uri: 'file:///w/main.tf', text, terraform, ...memoryFolder(files) }, config);
  const lines = new LineIndex(text);
  return result.findings
    .filter((f) => f.ruleId === rule.meta.id)
    .map((f) => ({ at: text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)), message: f.message, severity: f.severity }));
}

describe(rule.meta.id, () => {
  test('written, variable-given and defaulted settings give no hint', () => {
    const files = {
      'main.tf': 'variable "memory" {\n  default = 1024\n}\nresource "aws_lambda_function" "a" {\n  memory_size = var.memory\n  timeout = 30\n}\n',
    };
    expect(hints(files)).toEqual([]);
  });

  test('a data source and a variable without a value: one hint on the block, each setting with its reason and the assumption', () => {
    const files = {
      'main.tf':
        'variable "timeout" {}\nresource "aws_lambda_function" "a" {\n  memory_size = data.aws_ssm_parameter.memory.value\n  timeout = var.timeout\n}\n',
    };
    const found = hints(files);
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toBe('resource "aws_lambda_function" "a"');
    expect(found[0]!.severity).toBe('hint');
    expect(found[0]!.message).toBe(
      "aws_lambda_function.a: not known without running Terraform: memory (data.aws_ssm_parameter.memory.value (a data source, read when Terraform plans); assumed 128 MB, Lambda's default); timeout (var.timeout (no default and no value in a .tfvars file); not checked).",
    );
  });

  test('a value in terraform.tfvars makes the hint go', () => {
    const files = {
      'main.tf': 'variable "timeout" {}\nresource "aws_lambda_function" "a" {\n  timeout = var.timeout\n}\n',
      'terraform.tfvars': 'timeout = 20\n',
    };
    expect(hints(files)).toEqual([]);
  });
});
