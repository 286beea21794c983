// The SAM/CloudFormation model builder on its own: effective values, where each was declared (exact
// 0-based ranges), SAM Globals, static intrinsics, event sources, links, and the problems it reports.
import { describe, expect, test } from 'vitest';
import { type LambdaFunction } from '../../../src/core/model/nodes.js';
import { type Range } from '../../../src/core/model/location.js';
import { buildTemplateModel } from '../../../src/core/parse/cloudformation/build.js';
import { detectTemplate } from '../../../src/core/parse/detect.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';

function build(text: string, uri = 'template.yaml') {
  const doc = loadDocument(uri, text);
  const format = detectTemplate(doc.root, text);
  if (!format) throw new Error('not detected as a template');
  return buildTemplateModel(doc, format);
}

function fn(text: string, id: string, uri?: string): LambdaFunction {
  const found = build(text, uri).model.functions.find((f) => f.id === id);
  if (!found) throw new Error(`no function ${id}`);
  return found;
}

/** The 0-based range of the `occurrence`-th `needle` in `text`, computed here, independently of the parser. */
function rangeOf(text: string, needle: string, occurrence = 1): Range {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not in the text`);
  }
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: position(at), end: position(at + needle.length) };
}

/** The range of a block-mapping key written at the start of a line (`  Key:`). */
function keyRange(text: string, key: string): Range {
  const match = new RegExp(`^( *)${key}:`, 'm').exec(text);
  if (!match) throw new Error(`no key ${key}`);
  return rangeOf(text.slice(0, match.index + match[1]!.length) + key, key, text.slice(0, match.index + match[1]!.length).split(key).length);
}

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Memory:
    Type: Number
    Default: 2048
  Stage:
    Type: String
  Env:
    Type: String
    Default: prod
Mappings:
  Sizes:
    prod:
      Timeout: 45
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Globals:
  Function:
    Timeout: 20
    Runtime: python3.13
    Architectures: [arm64]
    Environment:
      Variables:
        SHARED: from-globals
Resources:
  Plain:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
  Overrides:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Timeout: 60
      MemorySize: 512
      Environment:
        Variables:
          OWN: own
  FromParameter:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: !Ref Memory
      Timeout: !FindInMap [Sizes, !Ref Env, Timeout]
      FunctionName: !Sub 'orders-\${Env}'
  Unknowable:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: !If [IsProd, 1024, 256]
      Timeout: !Ref Stage
      EphemeralStorage:
        Size: !Ref AWS::NoValue
  Agreeing:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: !If [IsProd, 1024, 1024]
  Ignoring:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [Timeout]
    Properties:
      Handler: app.handler
`;

describe('effective values, origins and exact ranges', () => {
  test('an explicit value: its value node and its key node', () => {
    const f = fn(SAM, 'Overrides');
    expect(f.timeoutSeconds).toMatchObject({ value: 60, origin: 'explicit' });
    expect(f.timeoutSeconds.at?.range).toEqual(rangeOf(SAM, '60'));
    expect(f.timeoutSeconds.keyAt?.range).toEqual(rangeOf(SAM, 'Timeout', 3));
    expect(f.memoryMb.at?.range).toEqual(rangeOf(SAM, '512'));
    expect(f.memoryMb.at?.path).toEqual(['Resources', 'Overrides', 'Properties', 'MemorySize']);
  });

  test('service defaults when nothing is written: 128 MB, 512 MB of /tmp, a Zip package', () => {
    const f = fn(SAM, 'Plain');
    expect(f.memoryMb).toEqual({ value: 128, origin: 'default' });
    expect(f.ephemeralStorageMb).toEqual({ value: 512, origin: 'default' });
    expect(f.packageType.value).toBe('Zip');
    const cfn = fn('Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: a.b\n', 'F');
    expect(cfn.timeoutSeconds).toEqual({ value: 3, origin: 'default' });
    expect(cfn.architecture).toMatchObject({ value: 'x86_64', origin: 'default' });
  });

  test('the same positions in a JSON template', () => {
    const json = JSON.stringify({ Resources: { F: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 3008, Timeout: 901 } } } }, null, 2);
    const f = fn(json, 'F', 'template.json');
    expect(f.memoryMb.at?.range).toEqual(rangeOf(json, '3008'));
    expect(f.timeoutSeconds.keyAt?.range).toEqual(rangeOf(json, '"Timeout"'));
    expect(f.loc.range).toEqual(rangeOf(json, '"F"'));
  });

  test('every resource is located at its logical id', () => {
    const { model } = build(SAM);
    expect(model.functions).toHaveLength(6);
    for (const f of model.functions) expect(f.loc.range, f.id).toEqual(keyRange(SAM, f.id));
  });
});

describe('SAM Globals', () => {
  test('an inherited value points at the Globals line and says so', () => {
    const f = fn(SAM, 'Plain');
    expect(f.timeoutSeconds).toMatchObject({ value: 20, origin: 'globals' });
    const line = rangeOf(SAM, '    Timeout: 20').start.line;
    expect(f.timeoutSeconds.at?.range).toEqual({ start: { line, character: 13 }, end: { line, character: 15 } });
    expect(f.timeoutSeconds.at?.path).toEqual(['Globals', 'Function', 'Timeout']);
    expect(f.runtime).toMatchObject({ value: 'python3.13', origin: 'globals' });
    expect(f.architecture).toMatchObject({ value: 'arm64', origin: 'globals' });
  });

  test('a value on the function wins over Globals', () => {
    expect(fn(SAM, 'Overrides').timeoutSeconds).toMatchObject({ value: 60, origin: 'explicit' });
  });

  test('maps merge key by key: Globals variables and the function own ones', () => {
    const variables = fn(SAM, 'Overrides').environment?.variables ?? [];
    expect(variables.map((v) => [v.name, v.value]).sort()).toEqual([
      ['OWN', 'own'],
      ['SHARED', 'from-globals'],
    ]);
  });

  test('IgnoreGlobals drops the named properties only', () => {
    const f = fn(SAM, 'Ignoring');
    expect(f.timeoutSeconds).toEqual({ value: 3, origin: 'default' });
    expect(f.runtime).toMatchObject({ value: 'python3.13', origin: 'globals' });
  });

  test('plain CloudFormation functions in a SAM template inherit nothing', () => {
    const text = SAM + '  Raw:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: a.b\n';
    expect(fn(text, 'Raw').timeoutSeconds).toEqual({ value: 3, origin: 'default' });
  });
});

describe('static intrinsics', () => {
  test('Ref to a parameter with a Default, FindInMap with a Ref key, Sub of known values', () => {
    const f = fn(SAM, 'FromParameter');
    expect(f.memoryMb).toMatchObject({ value: 2048, origin: 'explicit' });
    expect(f.memoryMb.via).toMatch(/Memory/);
    expect(f.memoryMb.at?.range).toEqual(rangeOf(SAM, '!Ref Memory'));
    expect(f.timeoutSeconds.value).toBe(45);
    expect(f.name).toBe('orders-prod');
  });

  test('Fn::If with different branches and a Ref without Default stay unresolved, with a reason', () => {
    const f = fn(SAM, 'Unknowable');
    expect(f.memoryMb.value).toBeUndefined();
    expect(f.memoryMb.unresolved).toBeTruthy();
    expect(f.timeoutSeconds.value).toBeUndefined();
    expect(f.timeoutSeconds.unresolved).toMatch(/Stage/);
    expect(f.timeoutSeconds.at?.range).toEqual(rangeOf(SAM, '!Ref Stage', 2));
  });

  test('Fn::If whose branches agree is that value; AWS::NoValue means "as if not written"', () => {
    expect(fn(SAM, 'Agreeing').memoryMb.value).toBe(1024);
    expect(fn(SAM, 'Unknowable').ephemeralStorageMb).toEqual({ value: 512, origin: 'default' });
  });

  test('a Ref to a name the template does not declare is reported at the name', () => {
    const text = 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: !Ref Missing\n';
    const { problems } = build(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'unresolved-reference' });
    expect(problems[0]!.message).toMatch(/Missing/);
    expect(problems[0]!.loc.range.start.line).toBe(4);
  });

  test('a hostile chain of parameters and Subs ends as unresolved, not as a hang', () => {
    const params = Array.from({ length: 200 }, (_, i) => `  P${i}:\n    Type: String\n    Default: !Sub '\${P${i + 1}}\${P${i + 1}}'`).join('\n');
    const text = `Parameters:\n${params}\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !Ref P0\n`;
    const started = performance.now();
    const f = fn(text, 'F');
    expect(f.handler.value).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('event sources and links', () => {
  const EVENTS = `Transform: AWS::Serverless-2016-10-31
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: w.handler
      Runtime: nodejs22.x
      Environment:
        Variables:
          QUEUE_URL: !Ref Queue
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
        Get:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /x
            Method: get
        Implicit:
          Type: HttpApi
        Nightly:
          Type: Schedule
          Properties:
            Schedule: rate(1 day)
        Url:
          Type: FunctionUrlConfig
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Plain
      EventSourceArn: !GetAtt Queue.Arn
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: p.handler
`;

  test('SAM events: kind, how the function is invoked, what they are wired to, where they are declared', () => {
    const worker = fn(EVENTS, 'Worker');
    const byName = new Map(worker.events.map((e) => [e.name, e]));
    expect(byName.get('Jobs')).toMatchObject({ kind: 'sqs', invocation: 'poll', targetId: 'Queue' });
    expect(byName.get('Get')).toMatchObject({ kind: 'api', invocation: 'sync', targetId: 'Api' });
    expect(byName.get('Implicit')).toMatchObject({ kind: 'http-api', invocation: 'sync', targetId: 'ServerlessHttpApi' });
    expect(byName.get('Nightly')).toMatchObject({ kind: 'schedule', invocation: 'async' });
    expect(byName.get('Get')!.loc.range).toEqual(keyRange(EVENTS, 'Get'));
  });

  test('the implicit HTTP API SAM creates is in the model', () => {
    const { model } = build(EVENTS);
    expect(model.apis.find((a) => a.id === 'ServerlessHttpApi')).toMatchObject({ protocol: 'HTTP', implicit: true });
    expect(model.apis.find((a) => a.id === 'Api')).toMatchObject({ protocol: 'REST', implicit: false });
  });

  test('CloudFormation wiring: an EventSourceMapping makes the queue an event source of the function', () => {
    const plain = fn(EVENTS, 'Plain');
    expect(plain.events).toEqual([expect.objectContaining({ kind: 'sqs', invocation: 'poll', targetId: 'Queue', name: 'Mapping' })]);
  });

  test('links: references from the function to other resources, with where they are written', () => {
    const links = fn(EVENTS, 'Worker').links;
    const queueRef = links.find((l) => l.targetId === 'Queue' && l.attribute === undefined);
    expect(queueRef?.at.range).toEqual(rangeOf(EVENTS, '!Ref Queue'));
  });
});

describe('what is not a template is left alone, and nothing throws', () => {
  test('other YAML and JSON are not detected', () => {
    for (const [uri, text] of [
      ['ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'],
      ['package.json', '{"name":"x","version":"1.0.0"}'],
      ['k8s.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n'],
    ] as const) {
      const doc = loadDocument(uri, text);
      expect(detectTemplate(doc.root, text), uri).toBeUndefined();
    }
  });

  test('random damage to a template never makes the builder throw', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['!Ref ', '!Sub ', '${', '}', ':', '\n  ', '- ', '[', ']', '{', '}', '&a ', '*a', '!If ', 'Globals:', '"', "'", '\t', '#'];
    let built = 0;
    for (let i = 0; i < 400; i++) {
      let text = SAM;
      for (let k = 0; k < 6; k++) {
        const at = Math.floor(random() * text.length);
        const cut = Math.floor(random() * 6);
        text = text.slice(0, at) + (random() < 0.6 ? pieces[Math.floor(random() * pieces.length)] : '') + text.slice(at + cut);
      }
      const doc = loadDocument('t.yaml', text);
      const format = detectTemplate(doc.root, text);
      if (!format) continue;
      const { model } = buildTemplateModel(doc, format);
      expect(Array.isArray(model.functions)).toBe(true);
      built++;
    }
    expect(built).toBeGreaterThan(100);
  });
});
