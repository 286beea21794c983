// Python CDK fixtures and their TypeScript twins: aws-cdk-lib for Python cannot run here, so each Python app of
// test/fixtures/cdk-python named in twins.json has a TypeScript twin (named by its path below test/fixtures: in
// cdk-synth, where the ground truth reads it too, or elsewhere) with the same constructs, ids and values, and the
// values of the Python app's <name>.expected.json must equal what the twin
// synthesizes: functions (the same ids; of memory, timeout, runtime, architecture, ephemeral storage, provisioned and
// reserved concurrency and package type, the values the file names; the writer names them all), task definitions (cpu, memory, ephemeral storage; network mode and containers when
// named), services (desired count, task definition; launch type, instance type and load balancers when named) and
// the visibility timeout of the queues named. Event sources, databases, EKS and findings are not synthesis values:
// they stay as written. `CDK_TWINS_WRITE=1 npx vitest run test/groundtruth/cdk-python-twins.test.ts` writes those
// values from synthesis (keeping the rest), so they are never written by hand.
//
// Twins named `*_stack.py` are read by test/unit/parse/cdk-python.test.ts (which also checks their findings);
// `*_app.py` twins are shapes the Python reader does not read fully yet: here, what it reads of them is compared
// with the expected values, and each difference must be listed in PYTHON_SHORTFALLS (with its cause) until the
// reader reads it; then the twin can become a `*_stack.py` with its findings.
import { serviceValues, taskValues } from '../support/cdk-values.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { type PythonReader } from '../../src/core/parse/readers.js';
import { type SynthesizedApp, isUserFunction, launchType, provisioned, ref, serviceInstanceType, synthesizeApp } from '../support/cdk-synth.js';
import { testPythonReader } from '../support/python-reader.js';
import { type Cause } from './cdk-synth-shortfalls.js';

const python = join(import.meta.dirname, '..', 'fixtures', 'cdk-python');
/** twins.json names each TypeScript twin by its path below test/fixtures (`cdk-synth/64-orders-python-twin.ts`). */
const typescript = join(import.meta.dirname, '..', 'fixtures');
const twins = JSON.parse(readFileSync(join(python, 'twins.json'), 'utf8')) as Record<string, string>;
const write = process.env['CDK_TWINS_WRITE'] === '1';
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

type Values = Record<string, Record<string, unknown>>;
interface Expected {
  functions: Values;
  queues?: Values;
  tasks?: Values;
  services?: Values;
  [other: string]: unknown;
}

/** What the Python reader does not yet read of the `*_app.py` twins: `<file>`: [difference, cause]. */
const PYTHON_SHORTFALLS: Record<string, [difference: string, cause: Cause][]> = {};

let reader: PythonReader;
beforeAll(async () => {
  reader = await testPythonReader();
});

/** The aws-ecs-patterns classes that create a service of their own (`<pattern>/Service/Service`). */
const PATTERN_CLASSES =
  /^aws-cdk-lib\.aws_ecs_patterns\.((Application|Network)(MultipleTarget)?LoadBalanced(Fargate|Ec2)Service|QueueProcessing(Fargate|Ec2)Service)$/;

/** A node id as the readers give it: the construct path below the stack (`Fixture/` dropped for a FixtureStack app). */
function nodeId(app: SynthesizedApp, path: string, leaf: string): string {
  const below = path.slice(0, path.length - leaf.length - 1);
  return app.multiStack ? below : below.replace(/^Fixture\//, '');
}

/**
 * The synthesized values of a twin, in the expected-file form. Optional keys where `shape` (the expected file) names them,
 * and always for ECS on EC2 (a task's network mode and containers, a service's launch type, instance type and load balancers).
 */
function synthesizedValues(app: SynthesizedApp, shape: Expected): Required<Pick<Expected, 'functions' | 'queues' | 'tasks' | 'services'>> {
  const out = { functions: {} as Values, queues: {} as Values, tasks: {} as Values, services: {} as Values };
  const named = (group: Values | undefined, id: string, key: string) => group?.[id] !== undefined && key in group[id]!;
  for (const stack of app.stacks) {
    const resources = stack.template.Resources;
    const pathOf = (logicalId: string | undefined) => String(resources[logicalId ?? '']?.Metadata?.['aws:cdk:path'] ?? '');
    for (const [logicalId, r] of Object.entries(resources)) {
      const path = String(r.Metadata?.['aws:cdk:path'] ?? '');
      const p = r.Properties ?? {};
      if (r.Type === 'AWS::Lambda::Function' && isUserFunction(path)) {
        const id = nodeId(app, path, 'Resource');
        const fn: Record<string, unknown> = {
          memoryMb: (p['MemorySize'] as number | undefined) ?? 128,
          timeoutSeconds: (p['Timeout'] as number | undefined) ?? 3,
          runtime: p['Runtime'] ?? null,
          architecture: ((p['Architectures'] as string[] | undefined) ?? ['x86_64'])[0],
          ephemeralStorageMb: (p['EphemeralStorage'] as { Size: number } | undefined)?.Size ?? 512,
        };
        const concurrency = provisioned(resources, logicalId);
        if (concurrency !== undefined) fn['provisionedConcurrency'] = concurrency;
        if (named(shape.functions, id, 'reservedConcurrency')) fn['reservedConcurrency'] = p['ReservedConcurrentExecutions'];
        if (named(shape.functions, id, 'packageType')) fn['packageType'] = p['PackageType'] ?? 'Zip';
        out.functions[id] = fn;
      } else if (r.Type === 'AWS::SQS::Queue') {
        const id = nodeId(app, path, 'Resource');
        if (shape.queues?.[id] !== undefined) out.queues[id] = { visibilityTimeoutSeconds: (p['VisibilityTimeout'] as number | undefined) ?? 30 };
      } else if (r.Type === 'AWS::ECS::TaskDefinition') {
        const id = nodeId(app, path, 'Resource');
        const fargate = (p['RequiresCompatibilities'] as string[]).includes('FARGATE');
        const storage = (p['EphemeralStorage'] as { SizeInGiB?: number } | undefined)?.SizeInGiB ?? (fargate ? 20 : undefined);
        const task: Record<string, unknown> = {};
        if (p['Cpu'] !== undefined) task['cpuUnits'] = Number(p['Cpu']);
        if (p['Memory'] !== undefined) task['memoryMb'] = Number(p['Memory']);
        if (storage !== undefined) task['ephemeralStorageGb'] = storage;
        if (!fargate || named(shape.tasks, id, 'networkMode')) task['networkMode'] = p['NetworkMode'] ?? 'bridge';
        if (!fargate || named(shape.tasks, id, 'containers'))
          task['containers'] = (p['ContainerDefinitions'] as Record<string, unknown>[]).map((c) => [
            c['Name'],
            c['Cpu'] ?? null,
            c['Memory'] ?? null,
            c['MemoryReservation'] ?? null,
            c['Essential'] ?? true,
          ]);
        out.tasks[id] = task;
      } else if (r.Type === 'AWS::ECS::Service') {
        // The service's node is the pattern that creates it (`Web` for `Web/Service/Service`), else its own construct.
        const owner = path.split('/').slice(0, -1).join('/');
        const pattern = owner.split('/').slice(0, -1).join('/');
        const servicePath = PATTERN_CLASSES.test(app.classes.get(pattern) ?? '') ? pattern : owner;
        const id = app.multiStack ? servicePath : servicePath.replace(/^Fixture\//, '');
        const service: Record<string, unknown> = {
          desiredCount: p['DesiredCount'] ?? 1,
          taskDefinitionId: nodeId(app, pathOf(ref(p['TaskDefinition'])), 'Resource'),
        };
        const launch = launchType(r);
        if (launch === 'EC2' || named(shape.services, id, 'launchType')) service['launchType'] = launch;
        if (launch === 'EC2' || named(shape.services, id, 'instanceType'))
          service['instanceType'] = launch === 'EC2' ? serviceInstanceType(resources, r) : undefined;
        if (launch === 'EC2' || named(shape.services, id, 'loadBalancers'))
          service['loadBalancers'] = ((p['LoadBalancers'] as unknown[] | undefined) ?? []).length;
        out.services[id] = service;
      }
    }
  }
  return out;
}

/** The Python reader's values, in the expected-file form, for the keys the expectation names. */
function readValues(file: string, expected: Expected): Required<Pick<Expected, 'functions' | 'tasks' | 'services'>> {
  const text = readFileSync(join(python, file), 'utf8');
  const readFile = (relative: string) => {
    try {
      return readFileSync(join(python, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = analyzeText({ uri: `file:///app/${file}`, text, python: reader, readFile }, config);
  const model = result.format === 'cdk' ? result.model! : undefined;
  const pick = (all: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
  const functions = Object.fromEntries(
    (model?.functions ?? []).map((fn) => [
      fn.id,
      pick(
        {
          memoryMb: fn.memoryMb.value,
          timeoutSeconds: fn.timeoutSeconds.value,
          runtime: fn.runtime.value ?? null,
          architecture: fn.architecture.value,
          ephemeralStorageMb: fn.ephemeralStorageMb.value,
          provisionedConcurrency: fn.provisionedConcurrency?.value,
        },
        ['memoryMb', 'timeoutSeconds', 'runtime', 'architecture', 'ephemeralStorageMb', 'provisionedConcurrency'],
      ),
    ]),
  );
  const tasks = Object.fromEntries(
    (model?.taskDefinitions ?? []).map((t) => [
      t.id,
      pick(taskValues(t), ['cpuUnits', 'memoryMb', 'ephemeralStorageGb', ...Object.keys(expected.tasks?.[t.id] ?? {})]),
    ]),
  );
  const services = Object.fromEntries(
    (model?.services ?? []).map((s) => [s.id, pick(serviceValues(s), ['desiredCount', 'taskDefinitionId', ...Object.keys(expected.services?.[s.id] ?? {})])]),
  );
  return { functions, tasks, services };
}

/** Each difference between two value groups: `<group> <id> <key>: <a>, <b>`, `missing <group> <id>`, `extra <group> <id>`. */
function differences(group: string, ours: Values, theirs: Values, words: [string, string]): string[] {
  const out: string[] = [];
  for (const id of Object.keys(theirs)) {
    if (!(id in ours)) out.push(`missing ${group} ${id}`);
    else
      for (const key of new Set([...Object.keys(theirs[id]!), ...Object.keys(ours[id]!)]))
        if (!isDeepStrictEqual(ours[id]![key], theirs[id]![key]))
          out.push(`${group} ${id} ${key}: ${words[0]} ${JSON.stringify(ours[id]![key])}, ${words[1]} ${JSON.stringify(theirs[id]![key])}`);
  }
  for (const id of Object.keys(ours)) if (!(id in theirs)) out.push(`extra ${group} ${id}`);
  return out;
}

const pythonTotals = { compared: 0, equal: 0 };

test('twins.json names Python apps and TypeScript fixtures that exist, at least 6 of them new shapes', () => {
  for (const [py, ts] of Object.entries(twins)) {
    expect(() => readFileSync(join(python, py)), py).not.toThrow();
    expect(() => readFileSync(join(typescript, ts)), ts).not.toThrow();
  }
  expect(Object.keys(twins).filter((py) => py.endsWith('_app.py')).length).toBeGreaterThanOrEqual(6);
  expect(Object.keys(PYTHON_SHORTFALLS).filter((py) => !(py in twins))).toEqual([]);
});

describe.each(Object.entries(twins))('%s', (file, twin) => {
  test(`its expected values are what its TypeScript twin (${twin}) synthesizes`, async () => {
    const expectedPath = join(python, file.replace(/\.py$/, '.expected.json'));
    let expected: Expected;
    try {
      expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    } catch {
      expected = { functions: {} };
    }
    const synthesized = synthesizedValues(await synthesizeApp(join(typescript, twin)), expected);
    if (write) {
      // Synthesis values replace the old ones; event sources (not a synthesis value) stay as written.
      const functions = Object.fromEntries(
        Object.entries(synthesized.functions).map(([id, values]) => [
          id,
          { ...values, ...(expected.functions[id]?.['events'] ? { events: expected.functions[id]['events'] } : {}) },
        ]),
      );
      const next: Expected = { ...expected, functions };
      for (const group of ['queues', 'tasks', 'services'] as const) {
        if (Object.keys(synthesized[group]).length > 0) next[group] = synthesized[group];
        else delete next[group];
      }
      writeFileSync(expectedPath, JSON.stringify(next, null, 2) + '\n');
      expected = next;
    }
    // Functions: the same ids, and every value the file names (as the Python reader's test compares them) as synthesized.
    const named = (values: Values, keysOf: Values) =>
      Object.fromEntries(
        Object.entries(values).map(([id, v]) => [
          id,
          Object.fromEntries(
            Object.keys(keysOf[id] ?? {})
              .filter((k) => k !== 'events')
              .map((k) => [k, v[k]]),
          ),
        ]),
      );
    expect(named(expected.functions, expected.functions), 'functions').toEqual(named(synthesized.functions, expected.functions));
    expect(expected.queues ?? {}, 'queues').toEqual(synthesized.queues);
    expect(expected.tasks ?? {}, 'task definitions').toEqual(synthesized.tasks);
    expect(expected.services ?? {}, 'services').toEqual(synthesized.services);
  }, 60_000);

  test.runIf(file.endsWith('_app.py'))('the Python reader reads it as expected, but for the known shortfalls', () => {
    const expected = JSON.parse(readFileSync(join(python, file.replace(/\.py$/, '.expected.json')), 'utf8')) as Expected;
    const ours = readValues(file, expected);
    const expectedValues = {
      functions: Object.fromEntries(
        Object.entries(expected.functions).map(([id, v]) => [id, Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'events'))]),
      ),
      tasks: expected.tasks ?? {},
      services: expected.services ?? {},
    };
    const found = [
      ...differences('function', ours.functions, expectedValues.functions, ['read', 'expected']),
      ...differences('task', ours.tasks, expectedValues.tasks, ['read', 'expected']),
      ...differences('service', ours.services, expectedValues.services, ['read', 'expected']),
    ];
    const all = Object.values(expectedValues).flatMap((group) => Object.values(group).flatMap((v) => Object.keys(v)));
    pythonTotals.compared += all.length;
    // A value that differs, or any value of a node not read, is not equal.
    const group = { function: expectedValues.functions, task: expectedValues.tasks, service: expectedValues.services } as Record<string, Values>;
    const missedValues = found.filter((d) => d.startsWith('missing ')).reduce((n, d) => n + Object.keys(group[d.split(' ')[1]!]![d.split(' ')[2]!]!).length, 0);
    pythonTotals.equal += all.length - missedValues - found.filter((d) => !d.startsWith('missing ') && !d.startsWith('extra ')).length;
    if (process.env['CDK_TRUTH_LIST'] && found.length > 0)
      console.log(`  '${file}': [\n${found.map((d) => `    [${JSON.stringify(d)}, '?'],`).join('\n')}\n  ],`);
    expect(found.sort(), 'differences from the expected values (update PYTHON_SHORTFALLS when one is fixed)').toEqual(
      (PYTHON_SHORTFALLS[file] ?? []).map(([d]) => d).sort(),
    );
  });
});

afterAll(() => {
  if (pythonTotals.compared > 0)
    console.log(
      `CDK Python twins (*_app.py): ${pythonTotals.equal} of ${pythonTotals.compared} expected values read (${((100 * pythonTotals.equal) / pythonTotals.compared).toFixed(1)}%)`,
    );
});
