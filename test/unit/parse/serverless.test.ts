// Serverless Framework files: provider defaults and overrides, events, resources, and static variables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { loadDocument } from '../../../src/core/parse/document/load.js';
import { SlsVariables } from '../../../src/core/parse/serverless/variables.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'serverless');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

function analyze(text: string, files: Record<string, string> = {}) {
  return analyzeText({ uri: 'file:///p/serverless.yml', text, readFile: (p) => files[p.replace(/^\.\//, '')] }, config);
}

function vars(text: string, files: Record<string, string> = {}) {
  const doc = loadDocument('serverless.yml', text);
  return new SlsVariables(doc.root, (p) => files[p.replace(/^\.\//, '')]);
}

describe('variables', () => {
  const v = vars(
    `provider:\n  name: aws\n  stage: \${opt:stage, 'prod'}\ncustom:\n  size:\n    dev: 256\n    prod: 2048\n  name: app-\${sls:stage}\n  port: \${env:PORT, 8080}\n  secret: \${ssm:/app/secret}\n  fromFile: \${file(./cfg.yml):memory}\n  code: \${file(./cfg.js):memory}\n`,
    { 'cfg.yml': 'memory: 3008\n' },
  );
  const value = (expr: string) => v.resolveString(expr, 0);

  test('self, with a nested stage variable and its fallback', () => {
    expect(value('${self:custom.size.${opt:stage, self:provider.stage}}')).toMatchObject({ kind: 'value', value: 2048 });
    expect(value("${self:custom.size.${opt:stage, 'dev'}}")).toMatchObject({ kind: 'value', value: 256 });
  });

  test('sls:stage is the provider stage; interpolation builds strings', () => {
    expect(value('${self:custom.name}')).toMatchObject({ kind: 'value', value: 'app-prod' });
  });

  test('env takes its default (the machine environment is never read)', () => {
    expect(value('${self:custom.port}')).toMatchObject({ kind: 'value', value: 8080 });
    expect(value('${env:HOME}')).toMatchObject({ kind: 'unresolved', reason: expect.stringMatching(/environment variable HOME/) });
  });

  test('AWS sources stay unresolved, with the reason', () => {
    expect(value('${self:custom.secret}')).toEqual({ kind: 'unresolved', reason: '${ssm:/app/secret} is read from AWS at deployment' });
    expect(value('${cf:stack.Output}')).toMatchObject({ kind: 'unresolved' });
  });

  test('file() reads data files through the host, never code', () => {
    expect(value('${self:custom.fromFile}')).toMatchObject({ kind: 'value', value: 3008 });
    expect(value('${self:custom.code}')).toMatchObject({ kind: 'unresolved', reason: expect.stringMatching(/code, which Crossover never runs/) });
    expect(value('${file(./missing.yml):x}')).toMatchObject({ kind: 'unresolved', reason: './missing.yml could not be read' });
  });

  test('self-reference loops end as unresolved, not a hang', () => {
    const loop = vars('custom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\n');
    expect(loop.resolveString('${self:custom.a}', 0).kind).toBe('unresolved');
  });
});

describe('the fixture service (test/fixtures/serverless)', () => {
  const result = analyze(read('serverless.yml'), { 'config.yml': read('config.yml') });
  const fn = (id: string) => result.model!.functions.find((f) => f.id === id)!;

  test('is a Serverless Framework service with its three functions', () => {
    expect(result.format).toBe('serverless');
    expect(result.model!.functions.map((f) => f.id)).toEqual(['api', 'worker', 'secret']);
  });

  test("nested stage variables resolve to the default stage's values, inherited from the provider", () => {
    expect(fn('api').memoryMb).toMatchObject({ value: 512, origin: 'globals', via: "${self:custom.memory.${opt:stage, 'dev'}}" });
    expect(fn('api').memoryMb.at?.path).toEqual(['provider', 'memorySize']);
    expect(fn('api').architecture).toMatchObject({ value: 'arm64', origin: 'globals' });
  });

  test('an ${ssm:...} memory is unresolved, not a number', () => {
    expect(fn('secret').memoryMb.value).toBeUndefined();
    expect(fn('secret').memoryMb.unresolved).toMatch(/ssm:\/orders\/memory.*AWS at deployment/);
  });

  test('a timeout read through ${file(...)} and an override on the function', () => {
    expect(fn('worker').timeoutSeconds).toMatchObject({ value: 30, origin: 'explicit' });
    expect(fn('api').timeoutSeconds).toMatchObject({ value: 60, origin: 'explicit' });
    expect(fn('secret').timeoutSeconds).toMatchObject({ value: 10, origin: 'globals' });
  });

  test('events: http on the implicit REST API, httpApi on the HTTP API, sqs wired to the queue in resources', () => {
    expect(fn('api').events[0]).toMatchObject({ kind: 'api', invocation: 'sync', targetId: 'ApiGatewayRestApi' });
    expect(fn('secret').events[0]).toMatchObject({ kind: 'http-api', targetId: 'HttpApi' });
    expect(fn('worker').events[0]).toMatchObject({ kind: 'sqs', invocation: 'poll', targetId: 'JobsQueue' });
    expect(result.model!.queues.map((q) => q.id)).toEqual(['JobsQueue']);
  });

  test('findings: the 60 s http function, the queue below 6x, and a related provider line for inherited values', () => {
    const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id);
    expect(byRule('lambda/api-gateway-timeout')).toHaveLength(1);
    expect(byRule('lambda/api-gateway-timeout')[0]!.range.start.line).toBe(23); // timeout: 60 of api
    expect(byRule('sqs/visibility-timeout')[0]!.message).toMatch(/below 6x the 30 s timeout of worker/);
    const inherited = byRule('lambda/deprecated-runtime')[0]!;
    expect(inherited.related[0]!.message).toBe('The value is inherited from the provider here');
  });
});

describe('defaults and what is left alone', () => {
  test("the framework's defaults: 1024 MB and 6 s", () => {
    const result = analyze('service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.h\n');
    expect(result.model!.functions[0]).toMatchObject({ memoryMb: { value: 1024, origin: 'default' }, timeoutSeconds: { value: 6, origin: 'default' } });
  });

  test('other providers are not analysed', () => {
    expect(analyze('service: s\nprovider:\n  name: google\nfunctions:\n  f:\n    handler: h\n').format).toBeUndefined();
    expect(analyze("service: s\nprovider: 'yml-provider'\n").format).toBeUndefined();
  });
});

test('a variable bomb (each level doubling the previous) ends unresolved, fast', () => {
  const levels = Array.from({ length: 40 }, (_, i) => `  v${i}: \${self:custom.v${i + 1}}-\${self:custom.v${i + 1}}`).join('\n');
  const text = `service: bomb\nprovider:\n  name: aws\ncustom:\n${levels}\n  v40: ${'x'.repeat(60)}\nfunctions:\n  f:\n    handler: h.h\n    timeout: \${self:custom.v0}\n`;
  const started = performance.now();
  const fn = analyze(text).model!.functions[0]!;
  expect(fn.timeoutSeconds.value).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(2_000);
});
