// CDK apps in TypeScript as real apps are written: custom construct classes used several times (one node per
// instance, values through their props), stack classes per stage, loops over config arrays, helper functions
// returning props, computed construct ids, classes from other files of the app; findings shared by instances
// reported once; every expansion bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { dedupeFindings, type Finding } from '../../../src/core/findings.js';
import { type LambdaFunction } from '../../../src/core/model/nodes.js';
import { CDK_TS_LIMITS } from '../../../src/core/parse/cdk/typescript-app.js';
import { type FileReader } from '../../../src/core/parse/reference.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (text: string, readFile?: FileReader, uri = 'file:///app/lib/app-stack.ts') =>
  analyzeText({ uri, text, typescript: typescriptReader, ...(readFile ? { readFile } : {}) }, config);
const fns = (text: string, readFile?: FileReader) => analyze(text, readFile).model!.functions;
const byId = (list: LambdaFunction[], id: string) => list.find((f) => f.id === id)!;
/** 0-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

const HEAD = `import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
`;

const SERVICE = `${HEAD}
interface ServiceProps { memory?: number; stage: string }

export class OrdersService extends Construct {
  constructor(scope: Construct, id: string, props: ServiceProps) {
    super(scope, id);
    new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_16_X,
      handler: 'index.handler',
      memorySize: props.memory ?? 512,
      functionName: \`orders-\${props.stage}\`,
    });
  }
}

export class AppStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new OrdersService(this, 'Dev', { stage: 'dev' });
    new OrdersService(this, 'Staging', { stage: 'staging', memory: 1024 });
    new OrdersService(this, 'Prod', { stage: 'prod', memory: 20480 });
  }
}
`;

describe('a custom construct class used three times', () => {
  const result = analyze(SERVICE);
  const list = result.model!.functions;

  test('gives one node per instance, its id the path below the stack, with its instance', () => {
    expect(list.map((f) => f.id)).toEqual(['Dev/Handler', 'Staging/Handler', 'Prod/Handler']);
    const declared = lineOf(SERVICE, "new lambda.Function(this, 'Handler'");
    expect(list.map((f) => [f.instance?.className, f.instance?.id, f.instance?.site.range.start.line, f.instance?.declaredAt.range.start.line])).toEqual([
      ['OrdersService', 'Dev', lineOf(SERVICE, "'Dev'"), declared],
      ['OrdersService', 'Staging', lineOf(SERVICE, "'Staging'"), declared],
      ['OrdersService', 'Prod', lineOf(SERVICE, "'Prod'"), declared],
    ]);
    // The node's own location is its declaration in the class, the same for every instance.
    expect(new Set(list.map((f) => f.loc.range.start.line))).toEqual(new Set([declared]));
  });

  test('values come through the props: the default when the instance gives none, else located at the argument', () => {
    expect(list.map((f) => [f.memoryMb.value, f.name])).toEqual([
      [512, 'orders-dev'],
      [1024, 'orders-staging'],
      [20480, 'orders-prod'],
    ]);
    const staging = byId(list, 'Staging/Handler').memoryMb;
    expect(staging.at!.range.start.line).toBe(lineOf(SERVICE, "'Staging'"));
    expect(SERVICE.split('\n')[staging.at!.range.start.line]!.slice(staging.at!.range.start.character, staging.at!.range.end.character)).toBe('1024');
    // `props.memory ?? 512` with no memory given: the 512 written in the class.
    expect(byId(list, 'Dev/Handler').memoryMb.at!.range.start.line).toBe(lineOf(SERVICE, 'props.memory ?? 512'));
  });

  test('a finding about a value from the props lands on the argument, with the declaration as related information', () => {
    const memory = result.findings.filter((f) => f.ruleId === 'lambda/memory-range');
    expect(memory).toHaveLength(1);
    expect(memory[0]!.range.start.line).toBe(lineOf(SERVICE, "'Prod'"));
    expect(memory[0]!.related).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: lineOf(SERVICE, 'memorySize: props.memory'), character: 6 } }),
        message: expect.stringMatching(/OrdersService.*Prod/),
      }),
    ]);
    // Its fix writes the argument of that instance, not the class.
    expect(memory[0]!.fix?.edits[0]?.range.start.line).toBe(lineOf(SERVICE, "'Prod'"));
  });

  test('a finding about what the class writes is reported once for the three instances', () => {
    const runtime = result.findings.filter((f) => f.ruleId === 'lambda/deprecated-runtime');
    expect(runtime).toHaveLength(1);
    expect(runtime[0]!.range.start.line).toBe(lineOf(SERVICE, 'NODEJS_16_X'));
    expect(runtime[0]!.related).toEqual([]);
  });
});

test('a construct class no code of the file creates is read as before: no instance, its props unresolved with the reason', () => {
  const alone = SERVICE.slice(0, SERVICE.indexOf('export class AppStack'));
  const [fn] = fns(alone);
  expect(fn).toMatchObject({ id: 'Handler', memoryMb: { value: undefined } });
  expect(fn!.instance).toBeUndefined();
  expect(fn!.memoryMb.unresolved).toMatch(/props is given where OrdersService is created, which this file does not do/);
});

test('a stack class created per stage prefixes the stack id; created once, it is the stack', () => {
  const stack = `${HEAD}
class ApiStack extends Stack {
  constructor(scope: Construct, id: string, props: { memory: number }) {
    super(scope, id);
    new lambda.Function(this, 'Handler', { memorySize: props.memory });
  }
}
const app = new App();
new ApiStack(app, 'Dev', { memory: 256 });
new ApiStack(app, 'Prod', { memory: 2048 });
`;
  expect(fns(stack).map((f) => [f.id, f.memoryMb.value, f.instance?.id])).toEqual([
    ['Dev/Handler', 256, 'Dev'],
    ['Prod/Handler', 2048, 'Prod'],
  ]);
  const once = stack.replace("new ApiStack(app, 'Prod', { memory: 2048 });\n", '');
  expect(fns(once).map((f) => [f.id, f.memoryMb.value, f.instance])).toEqual([['Handler', 256, undefined]]);
});

test('loops over constant arrays make a node per element; a loop over anything else one node that says why', () => {
  const app = `${HEAD}
const SIZES = [{ name: 'Small', memory: 256 }, { name: 'Large', memory: 4096 }];
const NAMES = ['A', 'B'];
const JOBS = { Nightly: 1024, Hourly: 512 };
export class S extends Stack {
  constructor(scope: Construct, id: string, props: { names: string[] }) {
    super(scope, id);
    for (const size of SIZES) new lambda.Function(this, size.name, { memorySize: size.memory });
    NAMES.forEach((name, i) => new lambda.Function(this, 'Each' + name, { memorySize: 128 * (i + 1) }));
    const mapped = NAMES.map((name) => new lambda.Function(this, \`Mapped\${name}\`, {}));
    Object.entries(JOBS).forEach(([job, memory]) => new lambda.Function(this, job, { memorySize: memory }));
    for (const { name, memory } of SIZES) new lambda.Function(this, \`\${name}Destructured\`, { memorySize: memory });
    for (const name of props.names) new lambda.Function(this, name, {});
  }
}
`;
  const list = fns(app);
  expect(list.map((f) => [f.id, f.memoryMb.value])).toEqual([
    ['Small', 256],
    ['Large', 4096],
    ['EachA', 128],
    ['EachB', 256],
    ['MappedA', 128],
    ['MappedB', 128],
    ['Nightly', 1024],
    ['Hourly', 512],
    ['SmallDestructured', 256],
    ['LargeDestructured', 4096],
    ['name', 128],
  ]);
  // Each element's value is located in the element (a finding for one element lands there).
  expect(byId(list, 'Large').memoryMb.at!.range.start.character).toBe(app.split('\n')[lineOf(app, 'const SIZES')]!.indexOf('4096'));
  const loose = byId(list, 'name');
  expect(loose.unresolved).toEqual([
    'created in a loop over props.names, which is not a constant list',
    expect.stringMatching(/^the construct id name is not known statically/),
  ]);
});

test('helper functions returning props, and spreads of their results', () => {
  const app = `${HEAD}
function defaults() {
  return { runtime: lambda.Runtime.NODEJS_22_X, timeout: Duration.seconds(20) };
}
const lambdaProps = (memorySize: number, arm = false) => ({ ...defaults(), memorySize, architecture: arm ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64 });
function sized(memory: number) {
  const base = defaults();
  return { ...base, memorySize: memory * 2 };
}
export class S extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new lambda.Function(this, 'A', lambdaProps(1024));
    new lambda.Function(this, 'B', { ...lambdaProps(2048, true), timeout: Duration.minutes(1) });
    new lambda.Function(this, 'C', sized(512));
  }
}
`;
  expect(fns(app).map((f) => [f.id, f.memoryMb.value, f.timeoutSeconds.value, f.runtime.value, f.architecture.value])).toEqual([
    ['A', 1024, 20, 'nodejs22.x', 'x86_64'],
    ['B', 2048, 60, 'nodejs22.x', 'arm64'],
    ['C', 1024, 20, 'nodejs22.x', 'x86_64'],
  ]);
});

test('functions that create constructs are read at each call, their parameters bound to the arguments', () => {
  const app = `${HEAD}
function worker(scope: Construct, name: string, memory = 512) {
  return new lambda.Function(scope, \`\${name}Worker\`, { memorySize: memory });
}
const api = (scope: Construct, name: string) => new lambda.Function(scope, name, { memorySize: 1024 });
export class S extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    worker(this, 'Invoice');
    worker(this, 'Report', 2048);
    api(this, 'Public');
  }
}
`;
  const list = fns(app);
  expect(list.map((f) => [f.id, f.memoryMb.value, f.unresolved])).toEqual([
    ['InvoiceWorker', 512, undefined],
    ['ReportWorker', 2048, undefined],
    ['Public', 1024, undefined],
  ]);
  expect(byId(list, 'ReportWorker').memoryMb.at!.range.start.line).toBe(lineOf(app, "'Report', 2048"));
});

test('computed construct ids: static ones are evaluated, the others kept as written and said to be unresolved', () => {
  const app = `${HEAD}
const PREFIX = 'Billing';
export class S extends Stack {
  constructor(scope: Construct, id: string, props: { prefix: string }) {
    super(scope, id);
    new lambda.Function(this, PREFIX + 'Api', {});
    new lambda.Function(this, \`\${PREFIX}-\${2}-fn\`, {});
    new lambda.Function(this, \`\${props.prefix}-fn\`, { memorySize: 1024 });
    new lambda.Function(this, props.prefix, {});
  }
}
`;
  const list = fns(app);
  expect(list.map((f) => f.id)).toEqual(['BillingApi', 'Billing-2-fn', '${props.prefix}-fn', 'props.prefix']);
  expect(list[0]!.unresolved).toBeUndefined();
  expect(list[2]!.memoryMb.value).toBe(1024);
  expect(list[2]!.unresolved).toEqual([
    expect.stringMatching(/^the construct id \$\{props\.prefix\}-fn is not known statically \(props\.prefix: props is given/),
  ]);
});

test('nested custom classes and a class extending another: paths nest, props pass through both levels', () => {
  const app = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', '43-nested-constructs.ts'), 'utf8');
  const list = fns(app);
  expect(list.map((f) => [f.id, f.memoryMb.value, f.timeoutSeconds.value, f.instance?.className, f.instance?.id])).toEqual([
    ['Orders/Read/Fn', 512, 3, 'ApiFunction', 'Orders/Read'],
    ['Orders/Write/Fn', 1024, 15, 'WarmApiFunction', 'Orders/Write'],
    ['Orders/Write/Warmer', 128, 3, 'WarmApiFunction', 'Orders/Write'],
    ['Payments/Read/Fn', 256, 3, 'ApiFunction', 'Payments/Read'],
    ['Payments/Write/Fn', 1769, 15, 'WarmApiFunction', 'Payments/Write'],
    ['Payments/Write/Warmer', 128, 3, 'WarmApiFunction', 'Payments/Write'],
    ['Health/Fn', 768, 3, 'ApiFunction', 'Health'],
  ]);
  // 1769 is set two levels up, where the stack creates Payments.
  expect(byId(list, 'Payments/Write/Fn').memoryMb.at!.range.start.line).toBe(lineOf(app, "'Payments'"));
});

test('constructs created in a plain Construct (a group) have its id in their path', () => {
  const app = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'cdk-synth', '47-construct-groups.ts'), 'utf8');
  expect(fns(app).map((f) => [f.id, f.memoryMb.value])).toEqual([
    ['Api/Users', 640],
    ['Api/Orders/Fn', 1152],
    ['Jobs/Nightly', 384],
    ['Jobs/Export/Fn', 2304],
  ]);
  // A stack made with `new Stack(app, 'Api')` is where ids start.
  const stack = `${HEAD}const app = new App();\nconst stack = new Stack(app, 'ApiStack');\nnew lambda.Function(stack, 'Handler', {});\n`;
  expect(fns(stack).map((f) => f.id)).toEqual(['Handler']);
});

describe('a construct class from another file of the app', () => {
  const library = `import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { DEFAULT_MEMORY } from '../config';
export class Worker extends Construct {
  constructor(scope: Construct, id: string, props: { memory?: number } = {}) {
    super(scope, id);
    new lambda.Function(this, 'Fn', { memorySize: props.memory ?? DEFAULT_MEMORY, runtime: lambda.Runtime.NODEJS_16_X });
  }
}
`;
  const files: Record<string, string> = {
    'constructs/worker.ts': library,
    'constructs/index.ts': "export * from './worker';\n",
    'config.ts': 'export const DEFAULT_MEMORY = 20480;\n',
  };
  const readFile: FileReader = (path) => files[path];
  const app = `import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Worker } from './constructs';
export class S extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new Worker(this, 'Plain');
    new Worker(this, 'Big', { memory: 4096 });
  }
}
`;
  const result = analyze(app, readFile);

  test('is read through an index file and its own imports, anchored where the app creates it', () => {
    const list = result.model!.functions;
    expect(list.map((f) => [f.id, f.memoryMb.value])).toEqual([
      ['Plain/Fn', 20480],
      ['Big/Fn', 4096],
    ]);
    const plain = byId(list, 'Plain/Fn');
    expect(plain.loc).toMatchObject({ uri: 'file:///app/lib/app-stack.ts', range: { start: { line: lineOf(app, "'Plain'") } } });
    expect(plain.instance?.declaredAt).toMatchObject({
      uri: 'file:///app/lib/constructs/worker.ts',
      range: { start: { line: lineOf(library, 'new lambda.Function') } },
    });
    // A value from the other file is located at the site and never rewritten from here.
    expect(plain.memoryMb).toMatchObject({ at: { uri: 'file:///app/lib/app-stack.ts' }, via: 'DEFAULT_MEMORY' });
    expect(byId(list, 'Big/Fn').memoryMb.at!.range.start.line).toBe(lineOf(app, "'Big'"));
  });

  test('its findings land at the site, without a fix into the other file, with the declaration there as related information', () => {
    const memory = result.findings.filter((f) => f.ruleId === 'lambda/memory-range');
    expect(memory).toHaveLength(1);
    expect(memory[0]).toMatchObject({ uri: 'file:///app/lib/app-stack.ts', range: { start: { line: lineOf(app, "'Plain'") } } });
    expect(memory[0]!.fix).toBeUndefined();
    expect(memory[0]!.related[0]).toMatchObject({ uri: 'file:///app/lib/constructs/worker.ts' });
    // The runtime written in the other file: reported at each site (two sites, two findings), never fixed there.
    const runtime = result.findings.filter((f) => f.ruleId === 'lambda/deprecated-runtime');
    expect(runtime.map((f) => f.range.start.line)).toEqual([lineOf(app, "'Plain'"), lineOf(app, "'Big'")]);
    expect(runtime.every((f) => f.fix === undefined)).toBe(true);
  });

  test("a stack class of another file created once (bin/app.ts) is left to that file's own reading; created per stage, it is read", () => {
    const stackFile = `import { Stack } from 'aws-cdk-lib';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nexport class ApiStack extends Stack {\n  constructor(scope: any, id: string, props: { memory: number }) {\n    super(scope, id);\n    new lambda.Function(this, 'Fn', { memorySize: props.memory });\n  }\n}\n`;
    const read: FileReader = (path) => (path === '../lib/api-stack.ts' ? stackFile : undefined);
    const bin = `import { App } from 'aws-cdk-lib';\nimport { ApiStack } from '../lib/api-stack';\nconst app = new App();\nnew ApiStack(app, 'Api', { memory: 1024 });\n`;
    expect(analyze(bin, read, 'file:///app/bin/app.ts').model).toBeUndefined();
    const stages = bin.replace(
      "new ApiStack(app, 'Api', { memory: 1024 });",
      "new ApiStack(app, 'Dev', { memory: 256 });\nnew ApiStack(app, 'Prod', { memory: 2048 });",
    );
    const model = analyze(stages, read, 'file:///app/bin/app.ts').model!;
    expect(model.functions.map((f) => [f.id, f.memoryMb.value, f.instance?.declaredAt.uri])).toEqual([
      ['Dev/Fn', 256, 'file:///app/lib/api-stack.ts'],
      ['Prod/Fn', 2048, 'file:///app/lib/api-stack.ts'],
    ]);
  });

  test('an import the host refuses is a finding on the import', () => {
    const refused = analyze(app, (path) => (path.startsWith('constructs') ? { refused: 'it is outside the workspace folder' } : undefined));
    expect(refused.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => [f.range.start.line, f.message])).toEqual([
      [lineOf(app, "from './constructs'"), './constructs is not read: it is outside the workspace folder.'],
    ]);
  });
});

describe('budgets', () => {
  test('a class that creates itself, and two classes that create each other, end with a finding', () => {
    const app = `${HEAD}
class Tree extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Leaf', {});
    new Tree(this, 'Child');
  }
}
class Ping extends Construct {
  constructor(scope: Construct, id: string) { super(scope, id); new Pong(this, 'Pong'); new lambda.Function(this, 'Fn', {}); }
}
class Pong extends Construct {
  constructor(scope: Construct, id: string) { super(scope, id); new Ping(this, 'Ping'); }
}
export class S extends Stack {
  constructor(scope: Construct, id: string) { super(scope, id); new Tree(this, 'Root'); new Ping(this, 'Start'); }
}
`;
    const result = analyze(app);
    expect(result.model!.functions.map((f) => f.id)).toEqual(['Root/Leaf', 'Start/Fn']);
    expect(result.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => f.message)).toEqual([
      'Tree is created inside itself: that instance is not read (it would never end).',
      'Ping is created inside itself: that instance is not read (it would never end).',
    ]);
    expect(result.findings.some((f) => f.ruleId === 'internal-error')).toBe(false);
  });

  test('instances per class and nodes per file are capped, quickly', () => {
    const many = Array.from({ length: 120 }, (_, i) => `{ name: 'F${i}' }`).join(', ');
    const app = `${HEAD}
const ALL = [${many}];
class Pair extends Construct {
  constructor(scope: Construct, id: string) { super(scope, id); for (const f of ALL) new lambda.Function(this, f.name, {}); }
}
export class S extends Stack {
  constructor(scope: Construct, id: string) { super(scope, id); for (const f of ALL) new Pair(this, f.name); }
}
`;
    const started = performance.now();
    const result = analyze(app);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.model!.functions).toHaveLength(CDK_TS_LIMITS.nodes);
    expect(new Set(result.model!.functions.map((f) => f.instance!.id)).size).toBeLessThanOrEqual(CDK_TS_LIMITS.instancesPerClass);
    expect(result.findings.filter((f) => f.ruleId === 'unresolved-reference').map((f) => f.message)).toEqual([
      `More than ${CDK_TS_LIMITS.nodes} constructs in this app: the others are not read.`,
      `Pair is created more than ${CDK_TS_LIMITS.instancesPerClass} times: the others are not read.`,
    ]);
  });
});

test('identical findings (rule, location, message) are kept once, the first; different ones all stay', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
  const finding = (line: number, message: string, resourceId: string): Finding => ({
    ruleId: 'lambda/memory-range',
    severity: 'error',
    message,
    uri: 'file:///a.ts',
    range: at(line),
    resourceId,
    related: [],
  });
  const findings = [finding(1, 'm', 'Dev/Fn'), finding(1, 'm', 'Prod/Fn'), finding(1, 'other', 'Prod/Fn'), finding(2, 'm', 'Prod/Fn')];
  expect(dedupeFindings(findings)).toEqual([findings[0], findings[2], findings[3]]);
  // Several messages at one place: each kept once, in order.
  const many = ['a', 'b', 'a', 'c', 'b', 'c', 'd'].map((message, i) => finding(5, message, `Fn${i}`));
  expect(dedupeFindings(many)).toEqual([many[0], many[1], many[3], many[6]]);
});

describe('helper functions that return a value', () => {
  test('a straight body gives its value; a branch, a loop or code after the return leaves it unknown, never the last return', () => {
    const text = `${HEAD}
function byStage(stage = 'prod'): number {
  if (stage === 'prod') return 2048;
  return 512;
}
function looped(): number {
  let m = 128;
  for (const x of [1, 2]) m += x;
  return m;
}
function straight(): number {
  const base = 512;
  return base * 3;
}
export class AppStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Branch', { memorySize: byStage(process.env.STAGE) });
    new lambda.Function(this, 'Loop', { memorySize: looped() });
    new lambda.Function(this, 'Straight', { memorySize: straight() });
  }
}
`;
    const list = fns(text);
    expect(byId(list, 'Branch').memoryMb.value).toBeUndefined();
    expect(byId(list, 'Branch').memoryMb.unresolved).toMatch(/computed by code/);
    expect(byId(list, 'Loop').memoryMb.value).toBeUndefined();
    expect(byId(list, 'Straight').memoryMb.value).toBe(1536);
  });
});
