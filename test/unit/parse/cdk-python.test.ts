// CDK apps in Python, read statically with tree-sitter: each fixture in test/fixtures/cdk-python carries
// its expected values (worked out from the CDK defaults and the code, since aws-cdk-lib for Python cannot
// be installed here) in <name>.expected.json; findings must land on the text the fixture names.
import { serviceValues, taskValues } from '../../support/cdk-values.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { snakeCase } from '../../../src/core/parse/cdk/python-app.js';
import { testPythonReader } from '../../support/python-reader.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-python');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
let python: PythonReader;
beforeAll(async () => {
  python = await testPythonReader();
});

const readFile = (relative: string) => {
  try {
    return readFileSync(join(fixtures, relative), 'utf8');
  } catch {
    return undefined;
  }
};
const analyze = (text: string, uri = 'file:///app/stack.py') => analyzeText({ uri, text, python, readFile }, config);

interface Expected {
  functions: Record<string, Record<string, unknown>>;
  queues?: Record<string, { visibilityTimeoutSeconds: number }>;
  /** cpuUnits / memoryMb / ephemeralStorageGb always (absent: none); networkMode and containers when named. */
  tasks?: Record<string, { cpuUnits?: number; memoryMb?: number; ephemeralStorageGb?: number; networkMode?: string; containers?: unknown[][] }>;
  /** desiredCount and taskDefinitionId always; launchType, instanceType and loadBalancers when named. */
  services?: Record<string, { desiredCount: number; taskDefinitionId: string; launchType?: string; instanceType?: string; loadBalancers?: number }>;
  /** EKS cluster id -> its version. */
  eksClusters?: Record<string, string>;
  nodegroups?: Record<
    string,
    { clusterId: string; instanceType: string; desiredSize: number; minSize: number; maxSize: number; architecture: string; gpu: boolean }
  >;
  /** Fargate profile id -> its cluster's id. */
  fargateProfiles?: Record<string, string>;
  databases?: Record<string, { kind: string; engine: string; serverless: boolean }>;
  proxies?: Record<string, string[]>;
  /** Node id -> `<class>:<instance id>` for nodes made by an instance of a construct class of the app (absent: none is). */
  instances?: Record<string, string>;
  /** Node id -> what static reading says it cannot know about the node (absent: nothing, for every node). */
  unresolved?: Record<string, string[]>;
  /** Findings (deduplicated: instances of one class share their findings), as rule@text. */
  findings: string[];
}

const apps = readdirSync(fixtures)
  .filter((f) => f.endsWith('_stack.py'))
  .sort();

test('there are Python fixture apps', () => {
  expect(apps.length).toBeGreaterThanOrEqual(4);
});

describe.each(apps)('%s', (file) => {
  test('static reading equals the expected values written next to it', () => {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(fixtures, file.replace(/\.py$/, '.expected.json')), 'utf8')) as Expected;
    const result = analyze(text, `file:///app/${file}`);
    expect(result.format).toBe('cdk');
    expect(result.syntax).toBe('python');
    const model = result.model!;

    const functions = Object.fromEntries(
      model.functions.map((fn) => {
        const keys = Object.keys(expected.functions[fn.id] ?? {});
        const all: Record<string, unknown> = {
          memoryMb: fn.memoryMb.value,
          timeoutSeconds: fn.timeoutSeconds.value,
          runtime: fn.runtime.value ?? null,
          architecture: fn.architecture.value,
          ephemeralStorageMb: fn.ephemeralStorageMb.value,
          packageType: fn.packageType.value,
          reservedConcurrency: fn.reservedConcurrency?.value,
          provisionedConcurrency: fn.provisionedConcurrency?.value,
          events: fn.events.map((e) => `${e.kind}:${e.targetId}`),
        };
        return [fn.id, Object.fromEntries(keys.map((k) => [k, all[k]]))];
      }),
    );
    expect(functions).toEqual(expected.functions);
    // Values not named in the expectation must still be what the defaults give.
    for (const fn of model.functions) {
      if (!('provisionedConcurrency' in (expected.functions[fn.id] ?? {}))) expect(fn.provisionedConcurrency, fn.id).toBeUndefined();
    }
    expect(Object.fromEntries(model.queues.map((q) => [q.id, { visibilityTimeoutSeconds: q.visibilityTimeoutSeconds.value }]))).toEqual(expected.queues ?? {});
    /** The values always compared, and the optional ones the expectation names. */
    const pick = (all: Record<string, unknown>, always: string[], named: object | undefined) =>
      Object.fromEntries(
        Object.keys(all)
          .filter((k) => always.includes(k) || (named !== undefined && k in named))
          .map((k) => [k, all[k]]),
      );
    expect(
      Object.fromEntries(model.taskDefinitions.map((t) => [t.id, pick(taskValues(t), ['cpuUnits', 'memoryMb', 'ephemeralStorageGb'], expected.tasks?.[t.id])])),
    ).toEqual(expected.tasks ?? {});
    expect(
      Object.fromEntries(model.services.map((s) => [s.id, pick(serviceValues(s), ['desiredCount', 'taskDefinitionId'], expected.services?.[s.id])])),
    ).toEqual(expected.services ?? {});
    expect(Object.fromEntries(model.eksClusters.map((c) => [c.id, c.version?.value]))).toEqual(expected.eksClusters ?? {});
    expect(
      Object.fromEntries(
        model.eksNodegroups.map((g) => [
          g.id,
          {
            clusterId: g.clusterId,
            instanceType: g.instanceType.value,
            desiredSize: g.desiredSize.value,
            minSize: g.minSize.value,
            maxSize: g.maxSize.value,
            architecture: g.architecture.value,
            gpu: g.gpu,
          },
        ]),
      ),
    ).toEqual(expected.nodegroups ?? {});
    expect(Object.fromEntries(model.eksFargateProfiles.map((p) => [p.id, p.clusterId]))).toEqual(expected.fargateProfiles ?? {});
    expect(Object.fromEntries(model.databases.map((d) => [d.id, { kind: d.kind, engine: d.engine.value, serverless: d.serverless }]))).toEqual(
      expected.databases ?? {},
    );
    expect(Object.fromEntries(model.dbProxies.map((p) => [p.id, p.targetIds]))).toEqual(expected.proxies ?? {});

    const nodes = [...model.byId.values()];
    if (expected.instances)
      for (const [id, instance] of Object.entries(expected.instances)) {
        const node = model.byId.get(id);
        expect(node?.instance && `${node.instance.className}:${node.instance.id}`, id).toBe(instance);
      }
    else expect(nodes.filter((n) => n.instance).map((n) => n.id)).toEqual([]);
    expect(Object.fromEntries(nodes.filter((n) => n.unresolved).map((n) => [n.id, n.unresolved]))).toEqual(expected.unresolved ?? {});

    // Findings (other than the runtime/arm64 advice every fixture triggers) on the expected text; instances of one
    // class share a finding when its rule, location and message are the same.
    const lines = new LineIndex(text);
    const unique = new Map(result.findings.map((f) => [JSON.stringify([f.ruleId, f.range, f.message]), f]));
    const located = [...unique.values()]
      .filter((f) => !['lambda/prefer-arm64', 'lambda/deprecated-runtime'].includes(f.ruleId))
      .map((f) => `${f.ruleId}@${text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end))}`);
    expect(located.sort()).toEqual([...expected.findings].sort());
    expect(result.findings.filter((f) => f.uri !== `file:///app/${file}`)).toEqual([]);
  });
});

test('jsii names: camelCase props become snake_case keywords', () => {
  expect(['memorySize', 'memoryLimitMiB', 'ephemeralStorageGiB', 'serverlessV2MinCapacity', 'provisionedConcurrentExecutions'].map(snakeCase)).toEqual([
    'memory_size',
    'memory_limit_mib',
    'ephemeral_storage_gib',
    'serverless_v2_min_capacity',
    'provisioned_concurrent_executions',
  ]);
});

test('Python that is not a CDK app is dropped before parsing; without the reader a CDK app is not analysed', () => {
  const plain = 'import os\n\ndef handler(event, context):\n    return {"statusCode": 200}\n'.repeat(500);
  const started = performance.now();
  const result = analyze(plain);
  expect(performance.now() - started).toBeLessThan(5);
  expect(result.format).toBeUndefined();
  const app = readFileSync(join(fixtures, 'orders_stack.py'), 'utf8');
  expect(analyzeText({ uri: 'file:///app/orders_stack.py', text: app }, config).format).toBeUndefined();
});

test('values that are computed are unresolved with the reason, on the keyword', () => {
  const text = `from aws_cdk import aws_lambda as _lambda, Duration
import os
_lambda.Function(self, "Env", memory_size=int(os.environ["MEM"]), timeout=Duration.seconds(f"{x}"), runtime=_lambda.Runtime.PYTHON_3_12)
`;
  const fn = analyze(text).model!.functions[0]!;
  expect(fn.memoryMb).toMatchObject({ value: undefined, origin: 'explicit' });
  expect(fn.memoryMb.unresolved).toMatch(/int\(os.environ\["MEM"\]\) is computed by code, which Crossover never runs/);
  expect(fn.timeoutSeconds.value).toBeUndefined();
  expect(fn.runtime.value).toBe('python3.12');
});

test('broken, hostile and odd Python never fails (no exception, no internal error)', () => {
  // The engine turns an exception into an internal-error finding, so both are checked.
  const ok = (text: string) => expect(analyze(text).findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  const inputs = [
    'from aws_cdk import aws_lambda as _lambda\n_lambda.Function(self, "X", memory_size=',
    'from aws_cdk import aws_lambda as _lambda\n' + '('.repeat(5000) + ')'.repeat(5000),
    'from aws_cdk import aws_lambda as _lambda\nx = ' + '['.repeat(3000) + ']'.repeat(3000),
    'from aws_cdk import aws_lambda as _lambda\nA = B\nB = A\n_lambda.Function(self, "Loop", memory_size=A, **A)',
    'from aws_cdk import aws_lambda as _lambda\nD = {"memory_size": 1}\nD2 = {**D}\n_lambda.Function(self, "S", **D2, **undefined_name)',
    'from aws_cdk import aws_lambda as _lambda\n_lambda.Function(self, "\\u00e9\\x00", memory_size=1e309, timeout=-1)',
    'from aws_cdk import \u0000\u0001 aws_lambda\n\ufeff',
    'import aws_cdk\naws_cdk.aws_lambda.Function(self, "F1", memory_size=1)\n',
    'from aws_cdk import aws_lambda as _lambda\nx = a' +
      '.b'.repeat(20000) +
      '()\n_lambda.Function(self, "F", memory_size=a' +
      '.b'.repeat(20000) +
      ', environment={"X": a' +
      '.b'.repeat(20000) +
      '})\n',
    'from aws_cdk import aws_lambda as _lambda\n' + 'x = f(\n'.repeat(3000),
  ];
  for (const text of inputs) ok(text);
  const mutated = readFileSync(join(fixtures, 'orders_stack.py'), 'utf8');
  for (let i = 0; i < 200; i++) {
    const at = (i * 7919) % mutated.length;
    ok(mutated.slice(0, at) + mutated.slice(at + ((i % 13) + 1)));
  }
});

test('self-referring constants with many arguments finish quickly', () => {
  const text = `from aws_cdk import aws_lambda as _lambda\nX = f(${Array(12).fill('X').join(', ')})\n_lambda.Function(self, "F", memory_size=X, events=[X], **X)\n`;
  const started = performance.now();
  expect(analyze(text).model!.functions[0]!.memoryMb.value).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(500);
});
