// A generated workspace of 20,000 files for scale tests (`npm run bench`, the real-editor scale test, the CLI's
// thread tests at a smaller scale): SAM and CloudFormation templates of varied sizes (a few large), serverless.yml
// (some reading a config.yml through ${file()}), ECS task definitions, CDK stacks in TypeScript and a few in
// Python (a few with a cdk.out), Terraform folders, noise (READMEs, JavaScript and TypeScript sources, Python
// scripts, package.json, images, binary files named like templates, YAML and JSON that is not a template, some
// named like one), and a node_modules of 50,000 files (packages that ship template.yaml, serverless.yml and CDK
// sources, which the walk must skip). Deterministic: the same scale writes the same bytes.
//
//   import { writeScaleWorkspace } from './scripts/lib/scale-workspace.mjs';
//   const { counts } = writeScaleWorkspace(dir);          // { total, nodeModules, kinds: {...}, formats: {...} }
//   node scripts/lib/scale-workspace.mjs <dir> [scale]    // writes it and prints the counts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seeded } from './random.mjs';

/** Files of each kind at scale 1 (noise fills the rest up to TOTAL). */
const BASE = {
  sam: 3000,
  cloudformation: 2000,
  serverless: 1500,
  taskDefinitions: 1000,
  cdkTypeScript: 1000,
  cdkPython: 40,
  terraformFolders: 20,
};
export const TOTAL = 20_000;
export const NODE_MODULES = 50_000;
/** Files of a Terraform folder: main.tf (resources), variables.tf, outputs.tf. */
const TERRAFORM_FILES = ['main.tf', 'variables.tf', 'outputs.tf'];
/** Every this-many CDK TypeScript apps has a cdk.out with its synthesized template. */
const CDK_OUT_EVERY = 50;

const pad = (n, width = 5) => String(n).padStart(width, '0');
const RUNTIMES = ['python3.12', 'nodejs20.x', 'nodejs22.x', 'java21', 'python3.13'];

function samTemplate(i, functions, rand) {
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31', `Description: app ${i}`, 'Globals:', '  Function:'];
  out.push(`    Runtime: ${RUNTIMES[i % RUNTIMES.length]}`, `    Timeout: ${5 + (i % 20)}`, 'Resources:');
  for (let f = 0; f < functions; f++) {
    const memory = rand() < 0.02 ? 20480 : 128 * (1 + Math.floor(rand() * 16));
    out.push(
      `  Fn${f}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      Handler: app.handler${f}`,
      '      CodeUri: src/',
      `      MemorySize: ${memory}`,
    );
    if (f % 3 === 0) {
      out.push(
        `      Timeout: ${30 + (f % 90)}`,
        '      Events:',
        '        Jobs:',
        '          Type: SQS',
        '          Properties:',
        `            Queue: !GetAtt Queue${f}.Arn`,
      );
      out.push(`  Queue${f}:`, '    Type: AWS::SQS::Queue', '    Properties:', `      VisibilityTimeout: ${rand() < 0.3 ? 30 : 900}`);
    } else if (f % 3 === 1) {
      out.push('      Events:', '        Api:', '          Type: Api', '          Properties:', `            Path: /items/${f}`, '            Method: get');
    }
  }
  return out.join('\n') + '\n';
}

function cloudFormationTemplate(i, functions, json) {
  const resources = {};
  for (let f = 0; f < functions; f++) {
    resources[`Function${f}`] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: RUNTIMES[(i + f) % RUNTIMES.length],
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
        Code: { S3Bucket: 'artifacts', S3Key: `fn-${i}-${f}.zip` },
        MemorySize: 128 + 64 * ((i + f) % 30),
        Timeout: 3 + ((i * 7 + f) % 900),
      },
    };
  }
  resources.Role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } };
  if (json) return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Description: `stack ${i}`, Resources: resources }, null, 2) + '\n';
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", `Description: stack ${i}`, 'Resources:'];
  for (const [id, resource] of Object.entries(resources)) {
    out.push(`  ${id}:`, `    Type: ${resource.Type}`, '    Properties:');
    if (resource.Type === 'AWS::IAM::Role') {
      out.push('      AssumeRolePolicyDocument:', "        Version: '2012-10-17'", '        Statement: []');
      continue;
    }
    const p = resource.Properties;
    out.push(`      Runtime: ${p.Runtime}`, `      Handler: ${p.Handler}`, '      Role: !GetAtt Role.Arn', '      Code:', '        S3Bucket: artifacts');
    out.push(`        S3Key: ${p.Code.S3Key}`, `      MemorySize: ${p.MemorySize}`, `      Timeout: ${p.Timeout}`);
  }
  return out.join('\n') + '\n';
}

function serverlessYml(i, functions, withFile) {
  const out = [`service: svc-${i}`, "frameworkVersion: '3'", 'provider:', '  name: aws', `  runtime: ${RUNTIMES[i % 3 === 0 ? 0 : 1]}`];
  out.push(withFile ? '  memorySize: ${file(./config.yml):memory}' : `  memorySize: ${256 * (1 + (i % 8))}`, '  timeout: 10', 'functions:');
  for (let f = 0; f < functions; f++) {
    out.push(`  fn${f}:`, `    handler: src/handler.fn${f}`);
    if (f % 2 === 0) out.push('    events:', '      - http:', `          path: /r${f}`, '          method: get');
    else out.push(`    timeout: ${withFile ? '${file(./config.yml):timeout}' : 20 + f}`);
  }
  return out.join('\n') + '\n';
}

function taskDefinition(i) {
  const containers = [{ name: 'app', image: `registry.example.com/app-${i}:1.${i % 10}`, essential: true, portMappings: [{ containerPort: 8080 }] }];
  if (i % 4 === 0) containers.push({ name: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector', essential: false });
  const cpu = [256, 512, 1024, 2048][i % 4];
  return (
    JSON.stringify(
      {
        family: `task-${i}`,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: String(cpu),
        memory: String(cpu * 2),
        containerDefinitions: containers,
      },
      null,
      2,
    ) + '\n'
  );
}

function cdkStack(i, constructs) {
  const out = [
    "import { App, Duration, Stack, StackProps } from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as sqs from 'aws-cdk-lib/aws-sqs';",
    "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';",
    "import { Construct } from 'constructs';",
    '',
    `export class App${i}Stack extends Stack {`,
    '  constructor(scope: Construct, id: string, props?: StackProps) {',
    '    super(scope, id, props);',
  ];
  for (let c = 0; c < constructs; c++) {
    const name = c === 0 ? `Worker${i}` : `Worker${i}x${c}`; // unique across apps: a cdk.out finding maps to one construct
    out.push(
      `    const queue${c} = new sqs.Queue(this, 'Jobs${c}', { visibilityTimeout: Duration.seconds(${c % 2 ? 30 : 600}) });`,
      `    const fn${c} = new lambda.Function(this, '${name}', {`,
      '      runtime: lambda.Runtime.NODEJS_22_X,',
      "      handler: 'index.handler',",
      "      code: lambda.Code.fromAsset('src'),",
      `      memorySize: ${256 * (1 + ((i + c) % 8))},`,
      `      timeout: Duration.seconds(${60 + c}),`,
      '    });',
      `    fn${c}.addEventSource(new SqsEventSource(queue${c}));`,
    );
  }
  out.push('  }', '}', '', 'const app = new App();', `new App${i}Stack(app, 'App${i}');`, '');
  return out.join('\n');
}

/** What `cdk synth` would write for the app's first worker, with its construct path (for addSynthesized). */
function synthesizedTemplate(i) {
  return (
    JSON.stringify(
      {
        Resources: {
          WorkerABC123: {
            Type: 'AWS::Lambda::Function',
            Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', MemorySize: 20000, Timeout: 1000, Code: { ZipFile: 'x' } },
            Metadata: { 'aws:cdk:path': `App${i}/Worker${i}/Resource` },
          },
        },
      },
      null,
      2,
    ) + '\n'
  );
}

function cdkPythonStack(i) {
  return [
    'from aws_cdk import App, Duration, Stack',
    'from aws_cdk import aws_lambda as _lambda',
    'from constructs import Construct',
    '',
    '',
    `class Py${i}Stack(Stack):`,
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
    '        _lambda.Function(',
    '            self,',
    '            "Handler",',
    '            runtime=_lambda.Runtime.PYTHON_3_12,',
    '            handler="app.handler",',
    '            code=_lambda.Code.from_asset("src"),',
    `            memory_size=${512 + 128 * (i % 8)},`,
    `            timeout=Duration.seconds(${30 + i}),`,
    '        )',
    '',
    '',
    'app = App()',
    `Py${i}Stack(app, "Py${i}")`,
    'app.synth()',
    '',
  ].join('\n');
}

function terraformFile(i, name) {
  if (name === 'variables.tf') return `variable "memory" {\n  type    = number\n  default = ${512 + 128 * (i % 8)}\n}\n`;
  if (name === 'outputs.tf') return `output "function_name" {\n  value = aws_lambda_function.worker.function_name\n}\n`;
  return [
    'resource "aws_sqs_queue" "jobs" {',
    `  name                       = "jobs-${i}"`,
    '  visibility_timeout_seconds = 30',
    '}',
    '',
    'resource "aws_lambda_function" "worker" {',
    `  function_name = "worker-${i}"`,
    '  handler       = "worker.handler"',
    '  runtime       = "python3.12"',
    '  memory_size   = var.memory',
    `  timeout       = ${60 + i}`,
    '}',
    '',
    'resource "aws_lambda_event_source_mapping" "jobs" {',
    '  event_source_arn = aws_sqs_queue.jobs.arn',
    '  function_name    = aws_lambda_function.worker.arn',
    '}',
    '',
  ].join('\n');
}

/** PNG signature and a header chunk: binary, not a candidate by name. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
/** Binary bytes (NUL included) under a template's name: read, then skipped as binary. */
const BINARY = Buffer.concat([Buffer.from('Resources:\n'), Buffer.alloc(64, 0), PNG]);

/** The noise kinds, in turn: [kind, file name, content(i)]. Candidates by name are read and left alone. */
const NOISE = [
  ['readme', 'README.md', (i) => `# Project ${i}\n\nNothing to see here.\n`],
  [
    'jsSource',
    'index.js',
    (i) => `'use strict';\nmodule.exports = function handler${i}(event) {\n  return { statusCode: 200, body: JSON.stringify(event) };\n};\n`,
  ],
  ['tsSource', 'util.ts', (i) => `export function add${i}(a: number, b: number): number {\n  return a + b;\n}\n`],
  ['pyScript', 'tool.py', (i) => `import sys\n\n\ndef main():\n    print(${i}, sys.argv)\n\n\nif __name__ == "__main__":\n    main()\n`],
  ['packageJson', 'package.json', (i) => JSON.stringify({ name: `pkg-${i}`, version: '1.0.0', dependencies: { lodash: '^4.17.21' } }, null, 2) + '\n'],
  ['image', 'logo.png', () => PNG],
  ['binaryNamedLikeTemplate', 'template.yaml', () => BINARY],
  ['workflowYaml', 'ci.yml', (i) => `name: ci-${i}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n`],
  ['composeYaml', 'docker-compose.yml', (i) => `services:\n  web:\n    image: nginx:${i % 3 ? 'latest' : 'stable'}\n    ports:\n      - "80:80"\n`],
  ['dataJson', 'data.json', (i) => JSON.stringify({ id: i, items: Array.from({ length: 5 }, (_, k) => ({ k, v: `value-${i}-${k}` })) }) + '\n'],
  ['tsconfigJson', 'tsconfig.json', () => '{\n  "compilerOptions": { "strict": true, "target": "es2022" }\n}\n'],
  // Named like templates, and not templates: an OpenAPI document, a Helm-style values file.
  ['openApiNamedTemplate', 'template.yml', (i) => `openapi: 3.0.0\ninfo:\n  title: api-${i}\n  version: '1'\npaths: {}\n`],
  ['valuesNamedServerless', 'serverless.yaml', (i) => `replicaCount: ${1 + (i % 3)}\nimage:\n  repository: nginx\n`],
];

/** node_modules packages: each writes the same 10 files (three of them named like IaC, which the walk skips). */
const PACKAGE_FILES = [
  ['package.json', (p) => `{"name":"dep-${p}","version":"1.0.0","main":"index.js"}\n`],
  ['index.js', () => "module.exports = require('./lib/main.js');\n"],
  ['README.md', (p) => `# dep-${p}\n`],
  ['lib/main.js', () => 'exports.run = () => 1;\n'],
  ['lib/util.js', () => 'exports.util = () => 2;\n'],
  ['lib/types.d.ts', () => 'export declare const run: () => number;\n'],
  [
    'template.yaml',
    () => "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: 99999\n",
  ],
  ['serverless.yml', () => 'service: vendored\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.h\n'],
  ['lib/stack.ts', () => "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'F', { memorySize: 99999 });\n"],
  ['LICENSE', () => 'MIT\n'],
];

/**
 * The files of the workspace, without writing them: [relative path, content][], and the counts. `scale`: 1 for
 * 20,000 files and a node_modules of 50,000; 0.01 for a 200-file one (each kind at least one file).
 */
export function scaleWorkspaceFiles(scale = 1) {
  const n = (base) => Math.max(1, Math.round(base * scale));
  const rand = seeded(20);
  const files = [];
  const add = (path, content) => files.push([path, content]);
  const kinds = {};
  const count = (kind) => (kinds[kind] = (kinds[kind] ?? 0) + 1);

  for (let i = 0; i < n(BASE.sam); i++) {
    // Mostly small (1 to 12 functions); every 300th is a large one of 400 functions.
    const functions = i % 300 === 299 ? 400 : 1 + Math.floor(rand() * 12);
    add(`apps/sam/${pad(i)}/template.yaml`, samTemplate(i, functions, rand));
    count('sam');
  }
  for (let i = 0; i < n(BASE.cloudformation); i++) {
    const functions = i % 250 === 249 ? 300 : 1 + (i % 6);
    const json = i % 2 === 1;
    add(`infra/cloudformation/${pad(i)}/${json ? 'stack.json' : i % 10 === 4 ? 'stack.template' : 'stack.yaml'}`, cloudFormationTemplate(i, functions, json));
    count('cloudformation');
  }
  for (let i = 0; i < n(BASE.serverless); i++) {
    const withFile = i % 4 === 0;
    add(`services/${pad(i)}/serverless.yml`, serverlessYml(i, 1 + (i % 8), withFile));
    count('serverless');
    if (withFile) {
      add(`services/${pad(i)}/config.yml`, `memory: ${512 + 256 * (i % 4)}\ntimeout: ${10 + (i % 20)}\n`);
      count('serverlessConfig');
    }
  }
  for (let i = 0; i < n(BASE.taskDefinitions); i++) {
    add(`ecs/${pad(i)}/task-definition.json`, taskDefinition(i));
    count('taskDefinitions');
  }
  for (let i = 0; i < n(BASE.cdkTypeScript); i++) {
    add(`cdk/${pad(i)}/lib/stack.ts`, cdkStack(i, 1 + (i % 5)));
    count('cdkTypeScript');
    if (i % CDK_OUT_EVERY === 0) {
      add(`cdk/${pad(i)}/cdk.out/App${i}.template.json`, synthesizedTemplate(i));
      count('cdkOutTemplates');
    }
  }
  for (let i = 0; i < n(BASE.cdkPython); i++) {
    add(`cdk-python/${pad(i)}/app_stack.py`, cdkPythonStack(i));
    count('cdkPython');
  }
  for (let i = 0; i < n(BASE.terraformFolders); i++) {
    count('terraformFolders');
    for (const name of TERRAFORM_FILES) {
      add(`terraform/${pad(i)}/${name}`, terraformFile(i, name));
      count('terraformFiles');
    }
  }
  const total = Math.max(files.length + NOISE.length, Math.round(TOTAL * scale));
  for (let i = 0; files.length < total; i++) {
    const [kind, name, content] = NOISE[i % NOISE.length];
    add(`misc/${pad(Math.floor(i / NOISE.length))}/${name}`, content(i));
    count(kind);
  }

  const nodeModules = Math.max(PACKAGE_FILES.length, Math.round(NODE_MODULES * scale));
  for (let p = 0, written = 0; written < nodeModules; p++) {
    // Every tenth package nested inside another's node_modules, as npm does for conflicting versions.
    const base = p % 10 === 9 ? `node_modules/dep-${pad(p - 1)}/node_modules/dep-${pad(p)}` : `node_modules/dep-${pad(p)}`;
    for (const [name, content] of PACKAGE_FILES) {
      if (written++ >= nodeModules) break;
      add(`${base}/${name}`, content(p));
    }
  }

  // What `crossover check` reports for the workspace (formats of the files it lists; noise left alone).
  const formats = {
    sam: kinds.sam ?? 0,
    cloudformation: (kinds.cloudformation ?? 0) + (kinds.cdkOutTemplates ?? 0),
    serverless: kinds.serverless ?? 0,
    'ecs-task-definition': kinds.taskDefinitions ?? 0,
    cdk: (kinds.cdkTypeScript ?? 0) + (kinds.cdkPython ?? 0),
    // main.tf: variables.tf and outputs.tf declare no resource, and are left alone like other files.
    terraform: kinds.terraformFolders ?? 0,
  };
  return { files, counts: { total, nodeModules, kinds, formats } };
}

/** Writes the workspace into `dir` (created if missing) and returns its counts (see scaleWorkspaceFiles). */
export function writeScaleWorkspace(dir, scale = 1) {
  const { files, counts } = scaleWorkspaceFiles(scale);
  const made = new Set();
  for (const [path, content] of files) {
    const full = join(dir, path);
    const folder = dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, content);
  }
  return { counts };
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const [dir, scale] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/lib/scale-workspace.mjs <dir> [scale]   (scale 1: 20,000 files and a node_modules of 50,000)');
    process.exit(2);
  }
  const started = performance.now();
  const { counts } = writeScaleWorkspace(resolve(dir), scale === undefined ? 1 : Number(scale));
  console.log(JSON.stringify(counts, null, 2));
  console.error(`wrote ${counts.total + counts.nodeModules} files into ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
