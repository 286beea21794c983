/** The CLI as users run it: the real bundle (dist/cli.js) in a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOT_A_TEMPLATE } from '../../src/cli/check.js';

const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist', 'cli.js');
const fixtures = 'test/fixtures/cli';

function cli(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CROSSOVER_TODAY: '2026-11-24' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

describe('exit codes', () => {
  test('1 when a finding is at or above --fail-on (default: error)', () => {
    expect(cli(['check', `${fixtures}/sam.yaml`]).code).toBe(1);
  });
  test('0 when findings are below the threshold', () => {
    expect(cli(['check', `${fixtures}/warnings-only.yaml`]).code).toBe(0);
    expect(cli(['check', `${fixtures}/warnings-only.yaml`, '--fail-on', 'warning']).code).toBe(1);
    expect(cli(['check', `${fixtures}/warnings-only.yaml`, '--fail-on', 'info']).code).toBe(1);
    expect(cli(['check', `${fixtures}/sam.yaml`, '--fail-on', 'none']).code).toBe(0);
  });
  test('2 for bad usage or a path that cannot be read', () => {
    const unknownFlag = cli(['check', '--colour']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--colour'/);
    expect(cli(['check', '--format', 'xml']).code).toBe(2);
    expect(cli(['check', '--fail-on', 'sometimes']).code).toBe(2);
    expect(cli(['check', '--rule', 'lambda/timeout-max']).code).toBe(2);
    expect(cli(['lint']).code).toBe(2);
    const missing = cli(['check', 'no/such/path']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });
  test('--help and --version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('crossover check [paths...]');
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('output formats', () => {
  test('JSON: every file with its format, workloads and findings, in the documented shape', async () => {
    const { stdout, code } = cli(['check', fixtures, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      version: number;
      files: { path: string; format: string; workloads: Record<string, unknown>[]; findings: Record<string, unknown>[] }[];
      skipped: { path: string; reason: string }[];
    };
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.path)).toEqual([
      `${fixtures}/broken.json`,
      `${fixtures}/broken.yaml`,
      `${fixtures}/cfn.json`,
      `${fixtures}/sam.yaml`,
      `${fixtures}/warnings-only.yaml`,
    ]);
    expect(report.skipped).toEqual([{ path: `${fixtures}/not-a-template.yaml`, reason: NOT_A_TEMPLATE }]);
    const position = { line: expect.any(Number), character: expect.any(Number) };
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(['path', 'format', 'workloads', 'findings']);
      expect(['sam', 'cloudformation']).toContain(file.format);
      for (const w of file.workloads) {
        // `unresolved` only when static reading cannot know a setting: each with its reason.
        const keys = ['id', 'type', 'name', 'memoryMb', 'timeoutSeconds', 'runtime', 'architecture', 'range'];
        expect(Object.keys(w)).toEqual(w['unresolved'] ? [...keys, 'unresolved'] : keys);
        for (const u of (w['unresolved'] as Record<string, unknown>[] | undefined) ?? [])
          expect(u).toEqual({ setting: expect.any(String), reason: expect.any(String) });
        expect(w['range']).toEqual({ start: position, end: position });
      }
      for (const f of file.findings) {
        expect(Object.keys(f)).toEqual(['ruleId', 'severity', 'message', 'range']);
        expect(['error', 'warning', 'info', 'hint']).toContain(f['severity']);
      }
    }
    // A timeout written as a string that is no number: not known statically, and said so.
    const warnings = report.files.find((f) => f.path.endsWith('warnings-only.yaml'))!;
    expect(warnings.workloads.find((w) => w['id'] === 'Fn')!['unresolved']).toEqual([
      { setting: 'timeout', reason: '"TimeoutSeconds" is not a valid value here' },
    ]);
    const sam = report.files.find((f) => f.path.endsWith('sam.yaml'))!;
    expect(sam.workloads.map((w) => [w['id'], w['memoryMb'], w['timeoutSeconds'], w['runtime'], w['architecture']])).toEqual([
      ['ApiFunction', 1024, 45, 'python3.13', 'arm64'],
      ['ExportFunction', 128, 1800, 'python3.13', 'arm64'],
    ]);
    const cfn = report.files.find((f) => f.path.endsWith('cfn.json'))!;
    expect(cfn.workloads[0]!['memoryMb']).toBe(2048); // a Ref to a parameter's Default
    await expect(stdout).toMatchFileSnapshot('__snapshots__/fixtures.json');
  });

  test('text: one block per file with 1-based positions, then a summary', () => {
    const { stdout } = cli(['check', `${fixtures}/sam.yaml`]);
    expect(stdout).toContain('test/fixtures/cli/sam.yaml\n');
    expect(stdout).toMatch(/ {2}22:16 +error +Timeout 1,800 s is above the Lambda maximum of 900 s .* lambda\/timeout-max/);
    expect(stdout.trim().split('\n').at(-1)).toBe('2 problems (1 error, 1 warning, 0 info); 1 template checked');
    const quiet = cli(['check', `${fixtures}/sam.yaml`, '--quiet']).stdout;
    expect(quiet).not.toContain('warning ');
  });

  test('SARIF 2.1.0: rules with help links, results with 1-based regions', async () => {
    const { stdout } = cli(['check', `${fixtures}/sam.yaml`, '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('Crossover');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'lambda/timeout-max');
    expect(rule.helpUri).toMatch(/docs\/rules\/lambda\/timeout-max\.md$/);
    expect(rule.defaultConfiguration.level).toBe('error');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'lambda/timeout-max');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('lambda/timeout-max');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/cli/sam.yaml' },
      region: { startLine: 22, startColumn: 16, endLine: 22, endColumn: 20 },
    });
    await expect(stdout).toMatchFileSnapshot('__snapshots__/sam.sarif.json');
  });
});

describe('settings', () => {
  test('--rule changes a severity or switches a rule off', () => {
    const off = JSON.parse(cli(['check', `${fixtures}/sam.yaml`, '--format', 'json', '--rule', 'lambda/timeout-max=off']).stdout);
    expect(off.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('lambda/timeout-max');
    expect(cli(['check', `${fixtures}/sam.yaml`, '--rule', 'lambda/timeout-max=warning']).code).toBe(0);
  });

  test('--config reads the same keys as the editor settings; flags win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossover-cli-'));
    try {
      const config = join(dir, 'crossover.json');
      writeFileSync(config, JSON.stringify({ rules: { 'lambda/timeout-max': 'info' }, limits: { restApiIntegrationTimeoutSeconds: 60 } }));
      expect(cli(['check', `${fixtures}/sam.yaml`, '--config', config]).code).toBe(0);
      expect(cli(['check', `${fixtures}/sam.yaml`, '--config', config, '--rule', 'lambda/timeout-max=error']).code).toBe(1);
      writeFileSync(config, '{not json');
      expect(cli(['check', `${fixtures}/sam.yaml`, '--config', config]).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files and folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crossover-walk-'));
    const template = 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Timeout: 1000}\n';
    for (const folder of ['node_modules/pkg', '.git', 'cdk.out', '.aws-sam/build', '.serverless', '.venv/lib/python3.12/site-packages/aws_cdk', 'infra/stacks'])
      mkdirSync(join(dir, folder), { recursive: true });
    for (const file of [
      'node_modules/pkg/template.yaml',
      '.git/template.yaml',
      'cdk.out/App.template.json',
      '.aws-sam/build/template.yaml',
      '.serverless/template.yaml',
      '.venv/lib/python3.12/site-packages/aws_cdk/template.yaml',
    ]) {
      writeFileSync(join(dir, file), template);
    }
    writeFileSync(join(dir, 'infra/stacks/api.yml'), template);
    writeFileSync(join(dir, 'infra/stacks/queue.template'), template);
    writeFileSync(join(dir, 'infra/README.md'), template);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('folders are walked, skipping dependency and build folders; only candidate extensions', () => {
    const report = JSON.parse(cli(['check', '.', '--format', 'json'], dir).stdout);
    // cdk.out is not walked, but its templates are read as synthesized output (mapped to CDK sources when there are any).
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['cdk.out/App.template.json', 'infra/stacks/api.yml', 'infra/stacks/queue.template']);
  });

  test('Python CDK apps are checked; Python and TypeScript that are not CDK apps are left alone, not "skipped"', () => {
    writeFileSync(
      join(dir, 'infra/app.py'),
      'from aws_cdk import aws_lambda as _lambda\n_lambda.Function(self, "Big", memory_size=20000, runtime=_lambda.Runtime.PYTHON_3_13)\n',
    );
    writeFileSync(join(dir, 'infra/helpers.py'), 'import os\nprint(os.getcwd())\n');
    writeFileSync(join(dir, 'infra/util.ts'), 'export const x = 1;\n');
    try {
      const json = JSON.parse(cli(['check', 'infra', '--format', 'json'], dir).stdout);
      const app = json.files.find((f: { path: string }) => f.path === 'infra/app.py');
      expect(app.format).toBe('cdk');
      expect(app.findings.map((f: { ruleId: string; range: { start: { line: number } } }) => [f.ruleId, f.range.start.line])).toContainEqual([
        'lambda/memory-range',
        1,
      ]);
      const text = cli(['check', 'infra'], dir);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/3 templates checked, 2 other files left alone\n/);
      expect(text.stdout).not.toMatch(/skipped/);
    } finally {
      for (const file of ['infra/app.py', 'infra/helpers.py', 'infra/util.ts']) rmSync(join(dir, file));
    }
  });
});

describe('hostile input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crossover-hostile-'));
    const names = 'abcdefghi';
    const bomb = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < names.length; i++)
      bomb.push(
        `  ${names[i]}: &${names[i]} [${Array(9)
          .fill('*' + names[i - 1])
          .join(',')}]`,
      );
    bomb.push('Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties: {Tags: *i}');
    writeFileSync(join(dir, 'bomb.yaml'), bomb.join('\n') + '\n');
    const chunks = ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'];
    for (let i = 0, size = 0; size < 20 * 1024 * 1024; i++) {
      const chunk = `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties: {VisibilityTimeout: 60, QueueName: q-${i}-${'x'.repeat(60)}}\n`;
      chunks.push(chunk);
      size += chunk.length;
    }
    writeFileSync(join(dir, 'huge.yaml'), chunks.join(''));
    mkdirSync(join(dir, 'binary'));
    writeFileSync(join(dir, 'binary', 'template.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    writeFileSync(join(dir, 'deep.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources: ${deep}\n`);
    writeFileSync(join(dir, 'deep.json'), `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ${deep}}`);
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'stack.ts'), "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Cut', { memorySize: ");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('each gives a clear finding or a skip line, in bounded time, and the run never exits 2', () => {
    const started = Date.now();
    const { code, stdout, stderr } = cli(['check', '.', '--format', 'json'], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const findings = (path: string) =>
      report.files.find((f: { path: string }) => f.path === path)?.findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`);
    expect(findings('bomb.yaml')).toEqual([expect.stringContaining('parse-error: Aliases expand to more than 1,000,000 nodes')]);
    expect(findings('huge.yaml')).toEqual([expect.stringMatching(/^file-too-large: Not analysed: the file is 20\.\d MB, above the 4\.0 MB size cap/)]);
    expect(findings('deep.yaml')![0]).toMatch(/^parse-error: .*(nested too deeply|Nesting deeper)/);
    expect(findings('deep.json')![0]).toMatch(/^parse-error: .*(nested too deeply|Nesting deeper)/);
    expect(findings('lib/stack.ts')).toBeDefined();
    // The engine turns an exception into an internal-error finding (exit 1, not 2), so none may appear.
    const internal = report.files.filter((f: { findings: { ruleId: string }[] }) => f.findings.some((x) => x.ruleId === 'internal-error'));
    expect(internal.map((f: { path: string }) => f.path)).toEqual([]);
    expect(report.skipped).toEqual([{ path: 'binary/template.yaml', reason: 'it contains NUL bytes (a binary file)' }]);
    expect(stderr).toContain('crossover: skipped binary/template.yaml: it contains NUL bytes (a binary file)');
  });

  test('a larger cap analyses the 20 MB template, still without crashing', () => {
    const { code, stdout } = cli(['check', 'huge.yaml', '--format', 'json', '--max-file-size', '30000'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings).toEqual([]);
  }, 60_000);
});

describe('text from files never drives the terminal', () => {
  // A logical id with an escape sequence that would retitle the terminal and colour what follows, a carriage
  // return that would hide the start of the line, and a right-to-left override (YAML double quotes make them).
  const hostile = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  "Fn\\e]0;pwned\\a\\e[8mhidden\\rX\\u202eevil":',
    '    Type: AWS::Serverless::Function',
    '    Properties: {Runtime: python2.7, Handler: a.b, CodeUri: ., MemorySize: 20000}',
    // The duplicate-key message quotes the key.
    '    Metadata: {"K\\e]0;pwned\\a\\r\\u202e": 1, "K\\e]0;pwned\\a\\r\\u202e": 2}',
    '',
  ].join('\n');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crossover-terminal-'));
    writeFileSync(join(dir, 'template.yaml'), hostile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['text', 'json', 'sarif'])('--format %s writes control characters as \\u escapes (and stays valid JSON)', (format) => {
    const { stdout, stderr } = cli(['check', 'template.yaml', '--format', format], dir);
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    expect(stdout).not.toMatch(control);
    expect(stderr).not.toMatch(control);
    if (format === 'text') expect(stdout).toContain('"K\\u001b]0;pwned\\u0007\\u000d\\u202e" appears more than once');
    // JSON and SARIF read back to the very text of the file.
    if (format !== 'text') expect(stdout.length > 0 && JSON.stringify(JSON.parse(stdout))).toContain('K\\u001b]0;pwned\\u0007\\r\u202e');
  });
});
