// Custom construct classes of a Python CDK app read once per instance: ids, instance metadata, values through
// __init__ parameters (and where findings about them land), classes of other modules, loops, ids that are not
// literals, task definition sites in the shapes real apps write, and the budgets that keep all this bounded.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { LineIndex } from '../../../src/core/parse/document/lines.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { type SourceLocation } from '../../../src/core/model/location.js';
import { testPythonReader } from '../../support/python-reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
let python: PythonReader;
beforeAll(async () => {
  python = await testPythonReader();
});

const URI = 'file:///app/stacks/app_stack.py';
const analyze = (text: string, files: Record<string, string> = {}) =>
  analyzeText({ uri: URI, text, python, readFile: (relative) => (Object.hasOwn(files, relative) ? files[relative] : undefined) }, config);
/** The text a location covers in `text`. */
const at = (text: string, loc: Pick<SourceLocation, 'range'> | undefined) => {
  if (!loc) return undefined;
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(loc.range.start), lines.offsetAt(loc.range.end));
};

const HEADER = `from aws_cdk import App, Duration, Stack
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_ecs_patterns as ecs_patterns
from constructs import Construct
`;

const SERVICE_CLASS = `
class OrdersService(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, memory: int = 512, stage: str = "dev") -> None:
        super().__init__(scope, construct_id)
        self.handler = _lambda.Function(
            self,
            "Handler",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=_lambda.Code.from_asset("src"),
            memory_size=memory,
            timeout=Duration.seconds(30),
        )
`;

describe('a construct class instantiated several times', () => {
  const text = `${HEADER}${SERVICE_CLASS}

class AppStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        OrdersService(self, "Dev")
        OrdersService(self, "Staging", memory=1024)
        OrdersService(self, "Prod", memory=20480, stage="prod")
`;

  test('gives one node per instance, with its id below the stack and its instance', () => {
    const model = analyze(text).model!;
    expect(model.functions.map((f) => [f.id, f.memoryMb.value])).toEqual([
      ['Dev/Handler', 512],
      ['Staging/Handler', 1024],
      ['Prod/Handler', 20480],
    ]);
    for (const fn of model.functions) {
      expect(fn.instance).toMatchObject({ className: 'OrdersService', id: fn.id.split('/')[0] });
      expect(at(text, fn.instance!.declaredAt)).toBe('_lambda.Function');
      expect(fn.instance!.declaredAt.uri).toBe(URI);
      expect(at(text, fn.loc)).toBe('_lambda.Function');
    }
    expect(at(text, model.functions[2]!.instance!.site)).toBe('OrdersService(self, "Prod", memory=20480, stage="prod")');
  });

  test('a value from the instantiation is located at the argument that set it; a default at the parameter', () => {
    const [dev, staging, prod] = analyze(text).model!.functions;
    expect(at(text, dev!.memoryMb.at)).toBe('512');
    expect(at(text, staging!.memoryMb.at)).toBe('1024');
    expect(at(text, prod!.memoryMb.at)).toBe('20480');
    // Written in the class, the same for every instance.
    expect(at(text, prod!.timeoutSeconds.at)).toBe('Duration.seconds(30)');
  });

  test('a finding about a value given at the site lands on that argument, once', () => {
    const findings = analyze(text).findings.filter((f) => f.ruleId === 'lambda/memory-range');
    expect(findings.map((f) => at(text, f))).toEqual(['20480']);
  });

  test('read on its own (no site in the file) the class gives its resources once, without instance, parameters unresolved', () => {
    const model = analyze(`${HEADER}${SERVICE_CLASS}`).model!;
    expect(model.functions.map((f) => f.id)).toEqual(['Handler']);
    const fn = model.functions[0]!;
    expect(fn.instance).toBeUndefined();
    expect(fn.memoryMb.value).toBeUndefined();
    expect(fn.memoryMb.unresolved).toBe('memory is a parameter of OrdersService.__init__, set where it is called');
  });
});

test('a props object (a dataclass with defaults), self attributes, dict props and **kwargs reach the construct', () => {
  const text = `${HEADER}from dataclasses import dataclass

@dataclass
class WorkerProps:
    memory: int = 256
    timeout_seconds: int = 60

class Worker(Construct):
    def __init__(self, scope, construct_id, props: WorkerProps, settings: dict, **kwargs):
        super().__init__(scope, construct_id)
        self.memory = props.memory
        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"),
            memory_size=self.memory, timeout=Duration.seconds(props.timeout_seconds),
            ephemeral_storage_size=Size.mebibytes(settings["storage"]), **kwargs)

class AppStack(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        Worker(self, "A", WorkerProps(memory=2048), {"storage": 1024}, reserved_concurrent_executions=7)
        Worker(self, "B", props=WorkerProps(), settings=dict(storage=4096))
`.replace('from aws_cdk import App, Duration, Stack', 'from aws_cdk import App, Duration, Size, Stack');
  const model = analyze(text).model!;
  expect(model.functions.map((f) => [f.id, f.memoryMb.value, f.timeoutSeconds.value, f.ephemeralStorageMb.value, f.reservedConcurrency?.value])).toEqual([
    ['A/Fn', 2048, 60, 1024, 7],
    ['B/Fn', 256, 60, 4096, undefined],
  ]);
  expect(at(text, model.functions[0]!.memoryMb.at)).toBe('2048');
  expect(at(text, model.functions[1]!.memoryMb.at)).toBe('256');
  expect(at(text, model.functions[0]!.reservedConcurrency!.at)).toBe('7');
});

test('a class of another module of the app: nodes anchored at the site, declared in the other file, values not rewritten', () => {
  const lib = `from aws_cdk import Duration, aws_lambda as lambda_
from constructs import Construct

MEMORY = 3008

class ReportJob(Construct):
    def __init__(self, scope, id, *, timeout_minutes=1):
        super().__init__(scope, id)
        lambda_.Function(self, "Job", runtime=lambda_.Runtime.PYTHON_3_8, handler="a.b", code=lambda_.Code.from_asset("x"),
            memory_size=MEMORY, timeout=Duration.minutes(timeout_minutes))
`;
  const text = `${HEADER}from ..lib.jobs import ReportJob

class AppStack(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        ReportJob(self, "Daily", timeout_minutes=20)
`;
  const result = analyze(text, { './../lib/jobs.py': lib, '../lib/jobs.py': lib });
  const fn = result.model!.functions[0]!;
  expect(fn.id).toBe('Daily/Job');
  expect([fn.memoryMb.value, fn.timeoutSeconds.value, fn.runtime.value]).toEqual([3008, 1200, 'python3.8']);
  expect(at(text, fn.loc)).toBe('ReportJob');
  expect(fn.instance!.declaredAt.uri).toBe('file:///app/lib/jobs.py');
  expect(at(lib, fn.instance!.declaredAt)).toBe('lambda_.Function');
  // The runtime is written in the other file: located at the site, never rewritten there.
  expect(at(text, fn.runtime.at)).toBe('ReportJob');
  expect(fn.runtime.via).toBeDefined();
  expect(fn.runtime.written).toBeUndefined();
  // The timeout set at the site is located (and rewritable) there.
  expect(at(text, fn.timeoutSeconds.at)).toBe('20');
  // Every finding is in the analysed file, and none offers to rewrite the other file's text.
  for (const finding of result.findings) expect(finding.uri).toBe(URI);
  const deprecated = result.findings.find((f) => f.ruleId === 'lambda/deprecated-runtime');
  expect(deprecated && at(text, deprecated)).toBe('ReportJob');
  expect(deprecated?.fix).toBeUndefined();
});

test('a stack class made once per stage (in a loop over a dict) prefixes the stage; made once, it does not', () => {
  const stack = `
class ApiStack(Stack):
    def __init__(self, scope, construct_id, *, memory, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        _lambda.Function(self, "Handler", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=memory)
`;
  const staged = analyze(`${HEADER}${stack}
STAGES = {"Dev": 256, "Prod": 2048}
app = App()
for stage, memory in STAGES.items():
    ApiStack(app, stage, memory=memory)
`).model!;
  expect(staged.functions.map((f) => [f.id, f.memoryMb.value, f.instance?.className, f.instance?.id])).toEqual([
    ['Dev/Handler', 256, 'ApiStack', 'Dev'],
    ['Prod/Handler', 2048, 'ApiStack', 'Prod'],
  ]);
  const once = analyze(`${HEADER}${stack}
app = App()
ApiStack(app, "Api", memory=1024)
`).model!;
  expect(once.functions.map((f) => [f.id, f.memoryMb.value, f.instance])).toEqual([['Handler', 1024, undefined]]);
});

describe('construct ids', () => {
  test('keyword ids (id=, construct_id=) are read (they were dropped)', () => {
    const model = analyze(`${HEADER}
class S(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        _lambda.Function(scope=self, id="Keyword", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))
        ecs.FargateTaskDefinition(self, construct_id="Task", cpu=512, memory_limit_mib=1024)
`).model!;
    expect(model.functions.map((f) => f.id)).toEqual(['Keyword']);
    expect(model.taskDefinitions.map((t) => [t.id, t.cpuUnits.value, t.memoryMb.value])).toEqual([['Task', 512, 1024]]);
  });

  test('f-strings and + are evaluated in scope; an id that is not static is kept as written, with why', () => {
    const text = `${HEADER}import os
PREFIX = "orders"

class S(Stack):
    def __init__(self, scope, construct_id, *, suffix):
        super().__init__(scope, construct_id)
        _lambda.Function(self, f"{PREFIX}-api", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))
        _lambda.Function(self, PREFIX + "-worker", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=1024)
        _lambda.Function(self, f"{suffix}-fn", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=2048)
        _lambda.Function(self, os.environ["FN_ID"], runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))
`;
    const model = analyze(text).model!;
    expect(model.functions.map((f) => f.id)).toEqual(['orders-api', 'orders-worker', '{suffix}-fn', 'os.environ["FN_ID"]']);
    expect(model.functions.slice(0, 2).map((f) => f.unresolved)).toEqual([undefined, undefined]);
    const computed = model.functions[2]!;
    expect(computed.memoryMb.value).toBe(2048);
    expect(computed.unresolved).toEqual(['the construct id is computed: {suffix}-fn (suffix is a parameter of S.__init__, set where it is called)']);
    expect(model.functions[3]!.unresolved?.[0]).toBe('the construct id is computed: os.environ["FN_ID"] (os.environ["FN_ID"] is not known statically)');
  });
});

describe('loops', () => {
  test('over a constant list of dicts, a list comprehension over names, enumerate and range: one node per element', () => {
    const text = `${HEADER}
CONFIGS = [{"name": "Small", "memory": 256}, {"name": "Large", "memory": 4096}]

class S(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        for cfg in CONFIGS:
            fn = _lambda.Function(self, cfg["name"], runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=cfg["memory"])
            fn.add_alias("live", provisioned_concurrent_executions=1)
        [_lambda.Function(self, f"Shard{i}", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x")) for i in range(2)]
        for i, name in enumerate(["Left", "Right"]):
            _lambda.Function(self, name, runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=128 * (i + 1))
`;
    const model = analyze(text).model!;
    expect(model.functions.map((f) => [f.id, f.memoryMb.value, f.provisionedConcurrency?.value])).toEqual([
      ['Small', 256, 1],
      ['Large', 4096, 1],
      ['Shard0', 128, undefined],
      ['Shard1', 128, undefined],
      ['Left', 128, undefined],
      ['Right', 256, undefined],
    ]);
    // Each element's value is located where the element writes it.
    expect(at(text, model.functions[1]!.memoryMb.at)).toBe('4096');
  });

  test('over something not constant: one node, which says why', () => {
    const model = analyze(`${HEADER}import json
class S(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        for cfg in json.load(open("functions.json")):
            _lambda.Function(self, cfg["name"], runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=1024)
`).model!;
    expect(model.functions.map((f) => [f.id, f.memoryMb.value])).toEqual([['cfg["name"]', 1024]]);
    expect(model.functions[0]!.unresolved).toEqual([
      'created in a loop over json.load(open("functions.json")), which is not a constant list',
      'the construct id is computed: cfg["name"] (cfg is a loop variable (created in a loop over json.load(open("functions.json")), which is not a constant list))',
    ]);
  });
});

describe('task definition sites as Python apps write them', () => {
  test('every task definition class and pattern, keyword-only calls, options in variables and dicts, add_container on self', () => {
    const text = `${HEADER}from aws_cdk import aws_applicationautoscaling as appscaling

class Services(Construct):
    def __init__(self, scope, construct_id, *, cluster, cpu=256):
        super().__init__(scope, construct_id)
        self.task_definition = ecs.TaskDefinition(self, "Generic", compatibility=ecs.Compatibility.EC2_AND_FARGATE, cpu=str(cpu), memory_mib="1024")
        self.task_definition.add_container("app", image=ecs.ContainerImage.from_registry("app"), memory_limit_mib=512)
        ecs.Ec2TaskDefinition(self, "Bridge").add_container("x", image=ecs.ContainerImage.from_registry("x"), memory_limit_mib=256)
        options = ecs_patterns.ApplicationLoadBalancedTaskImageOptions(image=ecs.ContainerImage.from_registry("web"))
        ecs_patterns.ApplicationLoadBalancedFargateService(scope=self, id="Web", cluster=cluster, cpu=cpu, memory_limit_mib=2048, desired_count=2, task_image_options=options)
        ecs_patterns.NetworkLoadBalancedFargateService(self, "Tcp", cluster=cluster, cpu=cpu * 2, memory_limit_mib=4096, task_image_options={"image": ecs.ContainerImage.from_registry("tcp")})
        ecs_patterns.QueueProcessingFargateService(self, "Jobs", cluster=cluster, cpu=cpu * 4, memory_limit_mib=8192, image=ecs.ContainerImage.from_registry("jobs"))
        ecs_patterns.ScheduledFargateTask(self, "Cron", cluster=cluster, schedule=appscaling.Schedule.rate(Duration.hours(1)),
            scheduled_fargate_task_image_options=ecs_patterns.ScheduledFargateTaskImageOptions(image=ecs.ContainerImage.from_registry("cron"), cpu=cpu, memory_limit_mib=512))

class AppStack(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        cluster = ecs.Cluster(self, "Cluster")
        Services(self, "Blue", cluster=cluster, cpu=512)
`;
    const model = analyze(text).model!;
    expect(model.taskDefinitions.map((t) => [t.id, t.cpuUnits.value, t.memoryMb.value, t.containers.map((c) => c.name)])).toEqual([
      ['Blue/Generic', 512, 1024, ['app']],
      ['Blue/Bridge', undefined, undefined, ['x']],
      ['Blue/Web/TaskDef', 512, 2048, []],
      ['Blue/Tcp/TaskDef', 1024, 4096, []],
      ['Blue/Jobs/QueueProcessingTaskDef', 2048, 8192, []],
      ['Blue/Cron/ScheduledTaskDef', 512, 512, []],
    ]);
    expect(model.services.map((s) => [s.id, s.taskDefinitionId, s.desiredCount.value])).toEqual([
      ['Blue/Web', 'Blue/Web/TaskDef', 2],
      ['Blue/Tcp', 'Blue/Tcp/TaskDef', 1],
      ['Blue/Jobs', 'Blue/Jobs/QueueProcessingTaskDef', 1],
    ]);
  });
});

describe('budgets: never throws, never hangs', () => {
  const ok = (text: string, files: Record<string, string> = {}) => {
    const started = performance.now();
    const result = analyze(text, files);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
    return result;
  };

  test('a class that instantiates itself, and two that instantiate each other', () => {
    const self = ok(`${HEADER}
class Tree(Construct):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        _lambda.Function(self, "Leaf", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))
        Tree(self, "Left")
        Tree(self, "Right")

class S(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        Tree(self, "Root")
`);
    const count = self.model!.functions.length;
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(512);
    const mutual = ok(`${HEADER}
class A(Construct):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))
        B(self, "B")

class B(A):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        A(self, "A")

class S(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        A(self, "Top")
`);
    expect(mutual.model!.functions[0]!.id).toBe('Top/Fn');
  });

  test('modules that import each other, and many instances of a large class, stay bounded', () => {
    const a = `from .b import Thing\nfrom constructs import Construct\nclass Other(Construct):\n    pass\n`;
    const b = `from .a import Other\nfrom aws_cdk import aws_lambda as _lambda\nfrom constructs import Construct\nclass Thing(Construct):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))\n`;
    const cyclic = ok(
      `${HEADER}from .a import Other\nfrom .b import Thing\nclass S(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        Thing(self, "T")\n`,
      {
        './a.py': a,
        './b.py': b,
      },
    );
    expect(cyclic.model!.functions.map((f) => f.id)).toEqual(['T/Fn']);

    const body = Array.from(
      { length: 20 },
      (_, i) => `        _lambda.Function(self, "F${i}", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"))`,
    ).join('\n');
    const sites = Array.from({ length: 1000 }, (_, i) => `        Big(self, "I${i}")`).join('\n');
    const many = ok(
      `${HEADER}\nclass Big(Construct):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n${body}\n\nclass S(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n${sites}\n`,
    );
    const n = many.model!.functions.length;
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThanOrEqual(1000);
  });

  test('deeply nested loops and branches', () => {
    const depth = 200;
    const nested = Array.from({ length: depth }, (_, i) => `${'    '.repeat(i + 2)}for x${i} in [1, 2]:`).join('\n');
    ok(`${HEADER}\nclass S(Stack):\n    def __init__(self, scope, id):\n${nested}\n${'    '.repeat(depth + 2)}_lambda.Function(self, "F", memory_size=x0)\n`);
    const branches = Array.from({ length: depth }, (_, i) => `${'    '.repeat(i + 2)}if True:`).join('\n');
    ok(`${HEADER}\nclass S(Stack):\n    def __init__(self, scope, id):\n${branches}\n${'    '.repeat(depth + 2)}_lambda.Function(self, "F")\n`);
  });
});

test('helpers of the app: methods and functions that create constructs, and functions returning props', () => {
  const text = `${HEADER}
def lambda_props(memory, timeout=30):
    return dict(runtime=_lambda.Runtime.PYTHON_3_12, handler="index.handler", code=_lambda.Code.from_asset("src"), memory_size=memory, timeout=Duration.seconds(timeout))

def make_worker(scope, name, memory):
    return _lambda.Function(scope, f"{name}Worker", **lambda_props(memory, timeout=900))

class MediaStack(Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        self._add_processor("Resize", 2048)
        self._add_processor("Thumbnail", 512)
        make_worker(self, "Transcode", 4096)
        _lambda.Function(self, "Api", **lambda_props(1024))

    def _add_processor(self, name, memory):
        _lambda.Function(self, name, **lambda_props(memory))
`;
  const model = analyze(text).model!;
  expect(model.functions.map((f) => [f.id, f.memoryMb.value, f.timeoutSeconds.value])).toEqual([
    ['Resize', 2048, 30],
    ['Thumbnail', 512, 30],
    ['TranscodeWorker', 4096, 900],
    ['Api', 1024, 30],
  ]);
  expect(at(text, model.functions[1]!.memoryMb.at)).toBe('512');
  expect(model.functions.every((f) => f.unresolved === undefined)).toBe(true);
});

test('reading grows linearly with the app: four times the instances and loops take at most about four times as long', () => {
  const app = (n: number) => {
    const sites = Array.from({ length: n / 10 }, (_, i) => `        Worker(self, "W${i}", memory=${128 + (i % 80) * 64})`).join('\n');
    const loops = Array.from(
      { length: n },
      (_, i) => `        for cfg in CONFIGS:\n            _lambda.Function(self, f"L${i}{cfg['name']}", memory_size=cfg["memory"])`,
    ).join('\n');
    return `${HEADER}
CONFIGS = [{"name": "a", "memory": 256}, {"name": "b", "memory": 512}]

class Worker(Construct):
    def __init__(self, scope, id, *, memory=512):
        super().__init__(scope, id)
        _lambda.Function(self, "Fn", runtime=_lambda.Runtime.PYTHON_3_12, handler="a.b", code=_lambda.Code.from_asset("x"), memory_size=memory)

class S(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
${sites}
${loops}
`;
  };
  // Within the budgets (50 instances of a class, 1,000 nodes from instances and loops).
  const time = (text: string) => {
    const runs = [0, 1, 2].map(() => {
      const started = performance.now();
      python.cdk('file:///app/s.py', text);
      return performance.now() - started;
    });
    return runs.sort((a, b) => a - b)[1]!;
  };
  const small = app(100);
  const large = app(400);
  expect(python.cdk('file:///app/s.py', large)!.model.functions.length).toBe(40 + 400 * 2);
  time(small);
  time(large);
  expect(time(large) / time(small)).toBeLessThan(4 * 2.5);
});
