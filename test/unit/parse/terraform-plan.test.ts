// The Terraform plan JSON reader: `terraform show -json plan.out` as Terraform's JSON output format documents it
// (planned_values with root and child modules, resource_changes with after / after_unknown / after_sensitive).
// The plans here are written by hand for these tests, in that documented shape.
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../../src/core/config.js';
import { DOCUMENT_LIMITS } from '../../../src/core/parse/document/problems.js';
import { isPlanFileName, plannedValue, readPlan, type PlanReading, type PlannedResource } from '../../../src/core/parse/terraform/plan.js';

/** A plan written the way `terraform show -json` writes one: two functions at the root, a module with a count and a nested module. */
const PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.8',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_lambda_function.fn',
          mode: 'managed',
          type: 'aws_lambda_function',
          name: 'fn',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 0,
          values: { function_name: 'orders-api', memory_size: 512, timeout: 20, architectures: ['arm64'], runtime: 'nodejs22.x' },
          sensitive_values: { architectures: [false], environment: [{ variables: true }] },
        },
        {
          address: 'aws_lambda_function.by_key["eu"]',
          mode: 'managed',
          type: 'aws_lambda_function',
          name: 'by_key',
          index: 'eu',
          values: { function_name: 'worker-eu', memory_size: 256 },
          sensitive_values: {},
        },
        {
          address: 'aws_lambda_function.by_key["us"]',
          mode: 'managed',
          type: 'aws_lambda_function',
          name: 'by_key',
          index: 'us',
          values: { function_name: 'worker-us', memory_size: 1024 },
          sensitive_values: {},
        },
        {
          address: 'data.aws_iam_policy_document.assume',
          mode: 'data',
          type: 'aws_iam_policy_document',
          name: 'assume',
          values: { json: '{}' },
          sensitive_values: {},
        },
      ],
      child_modules: [
        {
          address: 'module.orders',
          resources: [
            {
              address: 'module.orders.aws_lambda_function.this[0]',
              mode: 'managed',
              type: 'aws_lambda_function',
              name: 'this',
              index: 0,
              values: { function_name: 'orders', timeout: 60 },
              sensitive_values: {},
            },
          ],
          child_modules: [
            {
              address: 'module.orders.module.queue',
              resources: [
                {
                  address: 'module.orders.module.queue.aws_sqs_queue.this',
                  mode: 'managed',
                  type: 'aws_sqs_queue',
                  name: 'this',
                  values: { visibility_timeout_seconds: 120 },
                  sensitive_values: {},
                },
              ],
            },
          ],
        },
      ],
    },
  },
  resource_changes: [
    {
      address: 'aws_lambda_function.fn',
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'fn',
      change: {
        actions: ['create'],
        before: null,
        after: {
          function_name: 'orders-api',
          memory_size: 768,
          timeout: 20,
          architectures: ['arm64'],
          runtime: 'nodejs22.x',
          environment: [{ variables: { DB_PASSWORD: 'hunter2', STAGE: 'prod' } }],
          vpc_config: [{ subnet_ids: ['subnet-1'] }],
        },
        after_unknown: { arn: true, architectures: [false], environment: [{}], vpc_config: [{ subnet_ids: [false], vpc_id: true }] },
        before_sensitive: false,
        after_sensitive: { architectures: [false], environment: [{ variables: true }] },
      },
    },
    {
      address: 'module.orders.aws_lambda_function.this[0]',
      module_address: 'module.orders',
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'this',
      index: 0,
      change: { actions: ['update'], before: { timeout: 30 }, after: { function_name: 'orders', timeout: 60 }, after_unknown: {} },
    },
    {
      // Only in resource_changes: still read.
      address: 'module.orders.aws_lambda_alias.live',
      module_address: 'module.orders',
      mode: 'managed',
      type: 'aws_lambda_alias',
      name: 'live',
      change: { actions: ['create'], before: null, after: { name: 'live' }, after_unknown: { function_version: true } },
    },
    {
      address: 'aws_sqs_queue.old',
      mode: 'managed',
      type: 'aws_sqs_queue',
      name: 'old',
      change: { actions: ['delete'], before: { visibility_timeout_seconds: 30 }, after: null, after_unknown: {} },
    },
    {
      address: 'aws_lambda_function.by_key["eu"]',
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'by_key',
      index: 'eu',
      deposed: '00000001',
      change: { actions: ['delete'], before: { memory_size: 128 }, after: { memory_size: 4096 }, after_unknown: {} },
    },
    {
      address: 'data.aws_caller_identity.current',
      mode: 'data',
      type: 'aws_caller_identity',
      name: 'current',
      change: { actions: ['read'], before: null, after: { account_id: '123' }, after_unknown: {} },
    },
  ],
  configuration: { root_module: {} },
  variables: { stage: { value: 'prod' } },
};

function read(plan: unknown): Extract<PlanReading, { resources: unknown }> {
  const reading = readPlan(JSON.stringify(plan));
  if ('problem' in reading) throw new Error(`refused: ${reading.problem}`);
  return reading;
}

function problemOf(reading: PlanReading): string | undefined {
  return 'problem' in reading ? reading.problem : undefined;
}

describe('readPlan', () => {
  const plan = read(PLAN);
  const get = (address: string): PlannedResource => {
    const resource = plan.resources.get(address);
    if (!resource) throw new Error(`no ${address} in ${[...plan.resources.keys()].join(', ')}`);
    return resource;
  };

  test('the managed instances of every module, by the address Terraform writes; data sources, deletions and deposed objects left out', () => {
    expect([...plan.resources.keys()].sort()).toEqual([
      'aws_lambda_function.by_key["eu"]',
      'aws_lambda_function.by_key["us"]',
      'aws_lambda_function.fn',
      'module.orders.aws_lambda_alias.live',
      'module.orders.aws_lambda_function.this[0]',
      'module.orders.module.queue.aws_sqs_queue.this',
    ]);
    expect(plan.formatVersion).toBe('1.2');
    expect(plan.terraformVersion).toBe('1.9.8');
  });

  test('type, name, index and module of each instance', () => {
    const fn = get('aws_lambda_function.fn');
    expect([fn.type, fn.name, fn.index, fn.module]).toEqual(['aws_lambda_function', 'fn', undefined, undefined]);
    const eu = get('aws_lambda_function.by_key["eu"]');
    expect([eu.name, eu.index, eu.values.function_name]).toEqual(['by_key', 'eu', 'worker-eu']);
    const counted = get('module.orders.aws_lambda_function.this[0]');
    expect([counted.index, counted.module, counted.values.timeout]).toEqual([0, 'module.orders', 60]);
    const nested = get('module.orders.module.queue.aws_sqs_queue.this');
    expect([nested.type, nested.module, nested.values.visibility_timeout_seconds]).toEqual(['aws_sqs_queue', 'module.orders.module.queue', 120]);
  });

  test("change.after wins over planned_values; a deposed object's change does not touch the current instance", () => {
    expect(get('aws_lambda_function.fn').values.memory_size).toBe(768);
    expect(get('aws_lambda_function.by_key["eu"]').values.memory_size).toBe(256);
  });

  test('after_unknown: top-level attributes known only after apply are in `unknown` and not in the values', () => {
    const fn = get('aws_lambda_function.fn');
    expect([...fn.unknown]).toEqual(['arn']);
    expect(Object.hasOwn(fn.values, 'arn')).toBe(false);
    expect([...get('module.orders.aws_lambda_alias.live').unknown]).toEqual(['function_version']);
    expect(get('aws_lambda_function.by_key["us"]').unknown.size).toBe(0);
  });

  test('a value that planned_values gives but the change says is known only after apply is not taken', () => {
    const reading = read({
      planned_values: {
        root_module: {
          resources: [{ address: 'aws_lambda_function.f', mode: 'managed', type: 'aws_lambda_function', name: 'f', values: { version: '3', timeout: 9 } }],
        },
      },
      resource_changes: [
        {
          address: 'aws_lambda_function.f',
          mode: 'managed',
          type: 'aws_lambda_function',
          name: 'f',
          change: { actions: ['update'], after: { timeout: 9 }, after_unknown: { version: true } },
        },
      ],
    });
    const f = reading.resources.get('aws_lambda_function.f')!;
    expect(f.values).toEqual({ timeout: 9 });
    expect([...f.unknown]).toEqual(['version']);
    expect(plannedValue(reading, 'aws_lambda_function.f', ['version'])).toEqual({ unknown: true });
  });

  test('an instance without an address gets the one Terraform would write', () => {
    const reading = read({
      format_version: '1.0',
      planned_values: {
        root_module: {
          resources: [{ mode: 'managed', type: 'aws_lambda_function', name: 'f', index: 'a"b', values: {} }],
          child_modules: [{ address: 'module.m["x"]', resources: [{ mode: 'managed', type: 'aws_sqs_queue', name: 'q', index: 2, values: {} }] }],
        },
      },
    });
    expect([...reading.resources.keys()].sort()).toEqual(['aws_lambda_function.f["a\\"b"]', 'module.m["x"].aws_sqs_queue.q[2]']);
  });
});

describe('plannedValue', () => {
  const plan = read(PLAN);

  test('a value by attribute path, through lists and maps', () => {
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['memory_size'])).toEqual({ value: 768 });
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['architectures', 0])).toEqual({ value: 'arm64' });
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['vpc_config', 0, 'subnet_ids'])).toEqual({ value: ['subnet-1'] });
    expect(plannedValue(plan, 'module.orders.module.queue.aws_sqs_queue.this', ['visibility_timeout_seconds'])).toEqual({ value: 120 });
  });

  test('known only after apply, at the top level and nested', () => {
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['arn'])).toEqual({ unknown: true });
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['vpc_config', 0, 'vpc_id'])).toEqual({ unknown: true });
    expect(plannedValue(plan, 'module.orders.aws_lambda_alias.live', ['function_version'])).toEqual({ unknown: true });
  });

  test('sensitive values are marked, at the mark and above it', () => {
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['environment', 0, 'variables', 'DB_PASSWORD'])).toEqual({ value: 'hunter2', sensitive: true });
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['environment'])).toMatchObject({ sensitive: true });
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['architectures'])).toEqual({ value: ['arm64'] });
  });

  test('no such resource, attribute, index or key: undefined', () => {
    expect(plannedValue(plan, 'aws_lambda_function.nope', ['timeout'])).toBeUndefined();
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['reserved_concurrent_executions'])).toBeUndefined();
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['architectures', 3])).toBeUndefined();
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['architectures', 'length'])).toBeUndefined();
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['timeout', 'x'])).toBeUndefined();
    expect(plannedValue({ problem: 'x' }, 'aws_lambda_function.fn', ['timeout'])).toBeUndefined();
  });

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('%s is a name like any other', (name) => {
    expect(plannedValue(plan, 'aws_lambda_function.fn', [name])).toBeUndefined();
    expect(plannedValue(plan, 'aws_lambda_function.fn', ['environment', 0, 'variables', name])).toBeUndefined();
    const own = read({
      planned_values: {
        root_module: { resources: [{ address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', values: JSON.parse(`{"${name}": 7}`) }] },
      },
    });
    expect(plannedValue(own, 'aws_sqs_queue.q', [name])).toEqual({ value: 7 });
  });
});

describe('what is not a plan', () => {
  test.each([
    ['a CloudFormation template', '{"Resources": {}}', /^Not a Terraform plan: no planned_values\.$/],
    [
      'a state shown as JSON',
      '{"format_version": "1.0", "values": {"root_module": {}}}',
      /no planned_values \(it looks like `terraform show -json` of a state/,
    ],
    ['an object with other values', '{"values": {"a": 1}}', /^Not a Terraform plan: no planned_values\.$/],
    ['an array', '[1, 2]', /no planned_values/],
    ['a string', '"plan"', /no planned_values/],
    ['broken JSON', '{\n  "planned_values": \n', /^Not a Terraform plan: the file is not valid JSON \(line 3, column 1: value expected\)\.$/],
    ['a trailing comma', '{"planned_values": {},\n}', /not valid JSON \(line 2, column 1: property name expected\)/],
    ['empty text', '', /not valid JSON/],
    ['a binary plan', 'PK\u0003\u0004tfplan', /not valid JSON \(line 1, column 1: /],
    ['a future major format', '{"format_version": "2.0", "planned_values": {"root_module": {}}}', /format version 2\.0 is not supported/],
  ])('%s is refused with a reason', (_what, text, reason) => {
    expect(problemOf(readPlan(text))).toMatch(reason);
  });

  test('a plan with no resources is a plan with no resources', () => {
    const reading = read({ format_version: '1.2', planned_values: {} });
    expect(reading.resources.size).toBe(0);
  });

  test('a byte order mark is read past', () => {
    const reading = readPlan(`\ufeff${JSON.stringify(PLAN)}`);
    expect(problemOf(reading)).toBeUndefined();
  });
});

describe('hostile input is bounded', () => {
  test(`nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels is refused, without running out of stack`, () => {
    const depth = 200_000;
    const text = `{"planned_values": {"root_module": {"resources": [{"address": "a.b", "mode": "managed", "type": "a", "name": "b", "values": {"x": ${'['.repeat(depth)}${']'.repeat(depth)}}}]}}}`;
    expect(problemOf(readPlan(text))).toMatch(new RegExp(`nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`));
  });

  test('deep nesting after a string broken by a line break is refused too', () => {
    for (const text of [`"\n${'['.repeat(100_000)}`, `{"a": "x\r${'{"b": '.repeat(100_000)}`]) {
      expect(problemOf(readPlan(text))).toMatch(new RegExp(`nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`));
    }
  });

  test('the invalid JSON message does not quote the file', () => {
    const problem = problemOf(readPlan('{"planned_values": {"secret": "hunter2",]}}'));
    expect(problem).toMatch(/^Not a Terraform plan: the file is not valid JSON \(line 1, column \d+: [a-z ]+\)\.$/);
    expect(problem).not.toContain('hunter2');
  });

  test('brackets inside strings are not nesting', () => {
    const text = JSON.stringify({
      planned_values: { root_module: { resources: [{ address: 'a.b', mode: 'managed', type: 'a', name: 'b', values: { x: '[{\\"['.repeat(1000) } }] } },
    });
    const reading = read(JSON.parse(text));
    expect(plannedValue(reading, 'a.b', ['x'])).toEqual({ value: '[{\\"['.repeat(1000) });
  });

  test('modules nested as deep as the limit allows are all read', () => {
    let module: Record<string, unknown> = {};
    const levels = 60;
    let address = '';
    const addresses: string[] = [];
    const root = module;
    for (let i = 0; i < levels; i++) {
      address = `${address ? `${address}.` : ''}module.m${i}`;
      const child: Record<string, unknown> = {
        address,
        resources: [{ address: `${address}.aws_sqs_queue.q`, mode: 'managed', type: 'aws_sqs_queue', name: 'q', values: { i } }],
      };
      addresses.push(`${address}.aws_sqs_queue.q`);
      module.child_modules = [child];
      module = child;
    }
    const reading = read({ planned_values: { root_module: root } });
    expect([...reading.resources.keys()].sort()).toEqual(addresses.sort());
    expect(plannedValue(reading, addresses[levels - 1]!, ['i'])).toEqual({ value: levels - 1 });
  });

  test('larger than the file size limit: refused before parsing', () => {
    const filler = 'x'.repeat(DEFAULT_MAX_FILE_SIZE_BYTES);
    const text = JSON.stringify({ planned_values: { root_module: {} }, filler });
    expect(problemOf(readPlan(text))).toBe(
      `The Terraform plan is larger than ${(DEFAULT_MAX_FILE_SIZE_BYTES / 1024).toLocaleString('en-US')} KB and is not read.`,
    );
    expect(problemOf(readPlan(JSON.stringify(PLAN), { maxBytes: 100 }))).toBe('The Terraform plan is larger than 100 bytes and is not read.');
    expect(problemOf(readPlan(JSON.stringify(PLAN), { maxBytes: JSON.stringify(PLAN).length }))).toBeUndefined();
  });

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const text = JSON.stringify({ planned_values: { root_module: {} }, filler: 'é'.repeat(600) }); // about 1,240 bytes, 640 characters
    expect(problemOf(readPlan(text, { maxBytes: 1024 }))).toMatch(/larger than 1 KB/);
    expect(problemOf(readPlan(text, { maxBytes: 2048 }))).toBeUndefined();
  });

  test('a large plan just under the limit is read', () => {
    const resources = Array.from({ length: 5000 }, (_, i) => ({
      address: `aws_lambda_function.f[${i}]`,
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'f',
      index: i,
      values: { memory_size: 128 + i, environment: [{ variables: { K: 'v'.repeat(400) } }] },
    }));
    const text = JSON.stringify({ planned_values: { root_module: { resources } } });
    expect(text.length).toBeLessThan(DEFAULT_MAX_FILE_SIZE_BYTES);
    const reading = readPlan(text);
    if ('problem' in reading) throw new Error(reading.problem);
    expect(reading.resources.size).toBe(5000);
    expect(plannedValue(reading, 'aws_lambda_function.f[4999]', ['memory_size'])).toEqual({ value: 128 + 4999 });
  });

  test.each([
    ['null', 'null'],
    ['resources not a list', '{"planned_values": {"root_module": {"resources": {"a": 1}, "child_modules": "x"}}}'],
    [
      'entries of the wrong types',
      '{"planned_values": {"root_module": {"resources": [null, 1, "x", {"mode": "managed"}, {"mode": "managed", "type": 1, "name": "n"}]}}, "resource_changes": [null, {"mode": "managed", "type": "t", "name": "n", "change": 5}, {"mode": "managed", "type": "t", "name": "n", "change": {"after": [1]}}]}',
    ],
    [
      'values and after_unknown of the wrong types',
      '{"planned_values": {"root_module": {"resources": [{"mode": "managed", "type": "t", "name": "n", "values": [1], "sensitive_values": 3}]}}, "resource_changes": [{"mode": "managed", "type": "t", "name": "n", "change": {"after": {"a": 1}, "after_unknown": true, "after_sensitive": "x"}}]}',
    ],
    ['a format_version that is not a number', '{"format_version": "one", "planned_values": {}}'],
    [
      'an index that is neither a number nor a string',
      '{"planned_values": {"root_module": {"resources": [{"mode": "managed", "type": "t", "name": "n", "index": {"a": 1}, "values": {}}]}}}',
    ],
  ])('%s: an answer, never an exception', (_what, text) => {
    const reading = readPlan(text);
    expect('problem' in reading || reading.resources instanceof Map).toBe(true);
  });

  test('entries of the wrong types are skipped, the rest read', () => {
    const reading = readPlan(
      '{"planned_values": {"root_module": {"resources": [null, {"mode": "managed", "type": "t", "name": "n", "index": {"a": 1}, "values": [1]}]}}, "resource_changes": [{"mode": "managed", "type": "t", "name": "n", "change": {"after": {"a": 1}, "after_unknown": true}}]}',
    );
    if ('problem' in reading) throw new Error(reading.problem);
    expect([...reading.resources.keys()]).toEqual(['t.n']);
    expect(plannedValue(reading, 't.n', ['a'])).toEqual({ value: 1 });
  });
});

describe('isPlanFileName', () => {
  test.each([
    ['plan.json', true],
    ['PLAN.JSON', true],
    ['tfplan.json', true],
    ['prod.tfplan.json', true],
    ['Staging.TFPlan.Json', true],
    ['infra/prod/plan.json', true],
    ['C:\\infra\\prod.tfplan.json', true],
    ['plans.json', false],
    ['my-plan.json', false],
    ['plan.json.bak', false],
    ['tfplan', false],
    ['plan.out', false],
    ['prod.tfplan', false],
    ['main.tf.json', false],
    ['plan.json/main.tf', false],
    ['package.json', false],
  ])('%s: %s', (name, expected) => {
    expect(isPlanFileName(name)).toBe(expected);
  });
});
