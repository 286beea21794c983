/**
 * The independent reading the Terraform ground truth (terraform-hcl.test.ts) compares Crossover with: HashiCorp's HCL
 * parser through test/support/terraform-independent.ts takes plain literals only, and never an expression.
 */
import { describe, expect, test } from 'vitest';
import { independentReading, literal } from '../support/terraform-independent.js';

describe('the independent reading', () => {
  test('takes the literals of functions, task definitions and Lambda modules, and leaves expressions out', async () => {
    const read = await independentReading(
      'main.tf',
      [
        'resource "aws_lambda_function" "api" {',
        '  memory_size   = 1024',
        '  timeout       = var.timeout',
        '  runtime       = "python3.12"',
        '  architectures = ["arm64"]',
        '  package_type  = "${local.kind}"',
        '  ephemeral_storage { size = 2048 }',
        '}',
        'resource "aws_lambda_function" "each" {',
        '  for_each = { a = 1, b = 2 }',
        '  timeout = 30',
        '}',
        'resource "aws_ecs_task_definition" "web" {',
        '  cpu                      = "256"',
        '  memory                   = 512',
        '  requires_compatibilities = ["FARGATE", "EC2"]',
        '  network_mode             = local.mode',
        '}',
        'module "orders" {',
        '  source      = "terraform-aws-modules/lambda/aws"',
        '  count       = 0',
        '  memory_size = 256',
        '}',
        'module "vpc" {',
        '  source = "terraform-aws-modules/vpc/aws"',
        '}',
      ].join('\n'),
    );
    expect(read).toEqual([
      {
        kind: 'function',
        address: 'aws_lambda_function.api',
        instances: 1,
        values: [
          { attribute: 'memory_size', field: 'memoryMb', value: 1024 },
          { attribute: 'runtime', field: 'runtime', value: 'python3.12' },
          { attribute: 'architectures', field: 'architecture', value: 'arm64' },
          { attribute: 'ephemeral_storage.size', field: 'ephemeralStorageMb', value: 2048 },
        ],
      },
      { kind: 'function', address: 'aws_lambda_function.each', instances: 2, values: [{ attribute: 'timeout', field: 'timeoutSeconds', value: 30 }] },
      {
        kind: 'task-definition',
        address: 'aws_ecs_task_definition.web',
        instances: 1,
        values: [
          { attribute: 'cpu', field: 'cpuUnits', value: 256 },
          { attribute: 'memory', field: 'memoryMb', value: 512 },
          { attribute: 'requires_compatibilities', field: 'compatibilities', value: ['EC2', 'FARGATE'] },
        ],
      },
      { kind: 'lambda-module', address: 'module.orders', instances: 0, values: [{ attribute: 'memory_size', field: 'memoryMb', value: 256 }] },
    ]);
  });

  test('rejects HCL that HashiCorp parser rejects', async () => {
    await expect(independentReading('main.tf', 'resource "aws_lambda_function" "x" {\n  timeout = \n}\n')).rejects.toThrow(/main\.tf:2/);
  });

  test('reads escapes of Terraform JSON as the characters they stand for, and any template as no literal', () => {
    expect(literal('costs $${literal} and %%{x}')).toBe('costs ${literal} and %{x}');
    expect(literal('${var.a}')).toBeUndefined();
    expect(literal('a-%{ if true }b%{ endif }')).toBeUndefined();
    expect(literal(['a', '${b}'])).toBeUndefined();
    expect(literal({ a: 1, b: ['x'] })).toEqual({ a: 1, b: ['x'] });
  });
});
