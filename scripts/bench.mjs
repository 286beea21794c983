// `npm run bench`: how long analysis takes next to what the `yaml` library alone needs for the same
// input (target: analysis at most 3x the bare parse). A script, not a test: it reports figures.
//   (a) a generated SAM template with 1,000 functions (Globals, events, intrinsics), in memory;
//   (b) every SAM/CloudFormation file of the shared corpus (../shared/corpus), when it exists;
//   (c) pathological shapes (long lines, one-line flow maps, minified JSON, mis-indented keys) at 1, 2 and
//       4 MB, each against the bare parse of the same text (`BENCH_SHAPES=0` skips them, `BENCH_SHAPES=flow`
//       measures the shapes whose name contains "flow").
//   (d) `crossover check` (the bundle, in a child process) over the generated 20,000-file workspace with a
//       node_modules of 50,000 (scripts/lib/scale-workspace.mjs) and over the corpus, with --jobs 1 and the default
//       (a thread per core): wall time, files/s, the speed-up and the peak RSS, next to the previous run's
//       (`BENCH_SCALE=0` skips it, `BENCH_SCALE=0.1` measures a workspace a tenth of the size).
// Also: costing a 100-function stack; the re-analysis of the editor's 5,000-line template after a one-line edit (the
// edited resource read alone, and read whole) and its estimates (the previous version's kept, and all estimated again);
// CDK, Python CDK and Terraform stacks; `crossover diff`.
import { performance } from 'node:perf_hooks';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { LineCounter, parse, parseDocument } from 'yaml';
import { loadTs, repoRoot } from './lib/load-ts.mjs';
import { SHAPE_SIZES, SHAPES } from './lib/shapes.mjs';
import { cdkStack, generatedTemplate } from './lib/generated.mjs';
import { writeScaleWorkspace } from './lib/scale-workspace.mjs';

const {
  analyzeText,
  resolveConfig,
  decodeBytes,
  estimateWorkload,
  resolveCostSettings,
  sweep,
  priceBook,
  emptyUsage,
  NO_USAGE_FILE,
  DocumentMemo,
  INPUT_FORMATS,
  EstimateMemo,
  templateCosts,
} = await loadTs(
  "export { analyzeText } from './src/core/engine.ts'; export { resolveConfig } from './src/core/config.ts'; export { decodeBytes } from './src/core/parse/document/load.ts';" +
    "export { DocumentMemo } from './src/core/parse/document/reuse.ts'; export { INPUT_FORMATS } from './src/core/formats.ts';" +
    "export { estimateWorkload } from './src/core/cost/estimate.ts'; export { resolveCostSettings } from './src/core/cost/settings.ts'; export { sweep } from './src/core/cost/crossover.ts'; export { priceBook } from './src/core/cost/price-book.ts'; export { emptyUsage, NO_USAGE_FILE } from './src/core/cost/usage-file.ts'; export { EstimateMemo, templateCosts } from './src/core/cost/workloads.ts';",
  { minify: true },
);
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// The bare-parse baselines use the options the engine passes to `yaml` (duplicate keys allowed, as
// CloudFormation allows them; no warnings printed for CloudFormation's tags).
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false };
const bareParseDocument = (text) => parseDocument(text, PARSE_OPTIONS);
const bareParse = (text) => parse(text, { ...PARSE_OPTIONS, logLevel: 'silent', maxAliasCount: -1 });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time (ms) of `fn` over RUNS runs, after two warm-up runs. */
function time(fn) {
  fn();
  fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function row(label, files, bytes, analysis, parseDoc, parseJs) {
  return {
    label,
    files,
    megabytes: +(bytes / 1024 / 1024).toFixed(2),
    analysisMs: +analysis.toFixed(1),
    yamlParseDocumentMs: +parseDoc.toFixed(1),
    yamlParseMs: +parseJs.toFixed(1),
    ratio: +(analysis / parseDoc).toFixed(2),
  };
}

const results = [];

// (a) 1,000 functions.
const generated = generatedTemplate(1000);
const check = analyzeText({ uri: 'generated.yaml', text: generated }, config);
if (check.workloads.length !== 1000) throw new Error(`expected 1,000 workloads, got ${check.workloads.length}`);
results.push(
  row(
    'generated SAM template, 1,000 functions',
    1,
    generated.length,
    time(() => analyzeText({ uri: 'generated.yaml', text: generated }, config)),
    time(() => bareParseDocument(generated)),
    time(() => bareParse(generated)),
  ),
);

// (b) the shared corpus.
const corpus = process.env.CROSSOVER_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');
let slowest = [];
if (existsSync(join(corpus, 'INDEX.tsv'))) {
  const entries = readFileSync(join(corpus, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([path, kind]) => path && ['sam', 'sam_notransform', 'cfn'].includes(kind));
  const inputs = entries
    .map(([path]) => ({ path, decoded: decodeBytes(readFileSync(join(corpus, path))) }))
    .filter((e) => e.decoded.kind === 'text')
    .map((e) => ({ path: e.path, text: e.decoded.text }));
  const bytes = inputs.reduce((sum, e) => sum + e.text.length, 0);
  const quiet = (fn) => () => {
    for (const e of inputs) {
      try {
        fn(e);
      } catch {
        // the bare parser throws on some broken files; the engine never does
      }
    }
  };
  results.push(
    row(
      'shared corpus, SAM/CloudFormation files',
      inputs.length,
      bytes,
      time(quiet((e) => analyzeText({ uri: e.path, text: e.text }, config))),
      time(quiet((e) => bareParseDocument(e.text))),
      time(quiet((e) => bareParse(e.text))),
    ),
  );
  slowest = inputs
    .map((e) => {
      const t0 = performance.now();
      analyzeText({ uri: e.path, text: e.text }, config);
      return { path: e.path, ms: +(performance.now() - t0).toFixed(1), kilobytes: +(e.text.length / 1024).toFixed(0) };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
} else {
  console.log(`(no corpus at ${corpus}: only the generated template is measured)`);
}

console.log(`\nCrossover analysis vs the yaml library alone (median of ${RUNS} runs after warm-up, Node ${process.version})\n`);
console.table(
  results.map((r) => ({
    input: r.label,
    files: r.files,
    MB: r.megabytes,
    'analysis ms': r.analysisMs,
    'yaml parseDocument ms': r.yamlParseDocumentMs,
    'yaml parse ms': r.yamlParseMs,
    'analysis / parseDocument': `${r.ratio}x`,
  })),
);
for (const r of results) console.log(`${r.ratio <= 3 ? 'within' : 'ABOVE'} the target of 3x the bare parse: ${r.label} (${r.ratio}x)`);
if (slowest.length) {
  console.log('\nSlowest corpus files:');
  for (const s of slowest) console.log(`  ${s.ms} ms  ${s.kilobytes} KB  ${s.path}`);
}
// (c) Pathological shapes: analysis (the whole of analyzeText: reading, lenient re-read, tree, detection,
// model, rules, fixes, positions) against the bare parse, the library alone building its tree of the same
// text: `yaml` parseDocument with a LineCounter (the engine's options), or `jsonc-parser` parseTree for JSON
// (the engine builds its own tree from the same parser's events).
const shapeFilter = process.env.BENCH_SHAPES ?? '';
const SHAPE_RUNS = Number(process.env.BENCH_SHAPE_RUNS ?? 5);
/**
 * Median wall times (ms) of `a` and `b`, and their ratio, run in turns (so a busy machine weighs on both alike) SHAPE_RUNS
 * times, after warm-up turns: at least one, and more while they take under a second (a fast input needs a
 * few runs before the JIT has compiled the paths it takes).
 */
function timePair(a, b) {
  for (let i = 0, spent = 0; i < 5 && (i < 1 || spent < 1000); i++) {
    const t0 = performance.now();
    a();
    b();
    spent += performance.now() - t0;
  }
  const as = [];
  const bs = [];
  for (let i = 0; i < SHAPE_RUNS; i++) {
    let t0 = performance.now();
    a();
    as.push(performance.now() - t0);
    t0 = performance.now();
    b();
    bs.push(performance.now() - t0);
  }
  // The ratio is the median of each turn's own ratio: the two runs of a turn share the machine's state (load,
  // heap, caches), which a ratio of the two medians would not.
  return [median(as), median(bs), median(as.map((a, i) => a / bs[i]))];
}
const YAML_ENGINE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false };
const JSON_ENGINE_OPTIONS = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };
/**
 * The bare parse of a shape. YAML's error objects are made as the engine makes them, without stack traces
 * (src/core/parse/document/yaml.ts): with them, the library alone runs out of memory on the 4 MB broken shape
 * (four million errors), and the baseline would measure the capture of stack traces, not the parse.
 */
function bareParseOf(uri, text) {
  if (uri.endsWith('.json')) return () => parseTree(text, [], JSON_ENGINE_OPTIONS);
  return () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return parseDocument(text, { ...YAML_ENGINE_OPTIONS, lineCounter: new LineCounter() });
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}
const shapes = [];
if (shapeFilter !== '0') {
  console.log('\nPathological shapes (one line per measurement, the table follows):');
  for (const shape of SHAPES.filter((s) => s.name.includes(shapeFilter))) {
    for (const size of SHAPE_SIZES) {
      const text = shape.make(size);
      const input = { uri: shape.uri, text };
      const first = analyzeText(input, config);
      if (!first.format || !first.findings.some((f) => f.ruleId !== 'parse-error'))
        throw new Error(`${shape.name}: the shape did not reach the rules (${first.format})`);
      const [analysis, bare, ratio] = timePair(() => analyzeText(input, config), bareParseOf(shape.uri, text));
      const r = {
        shape: shape.name,
        megabytes: +(text.length / 1024 / 1024).toFixed(2),
        analysisMs: Math.round(analysis),
        bareParseMs: Math.round(bare),
        ratio: +ratio.toFixed(2),
        findings: first.findings.length,
      };
      shapes.push(r);
      console.log(`  measured ${r.shape}, ${r.megabytes} MB: ${r.analysisMs} ms vs ${r.bareParseMs} ms (${r.ratio}x)`);
    }
  }
  console.log(`\nPathological shapes: analyzeText vs the bare parse of the same text (median of ${SHAPE_RUNS} runs each, in turns, after warm-up)\n`);
  console.table(
    shapes.map((r) => ({
      shape: r.shape,
      MB: r.megabytes,
      'analysis ms': r.analysisMs,
      'bare parse ms': r.bareParseMs,
      ratio: `${r.ratio}x`,
      findings: r.findings,
    })),
  );
  for (const r of shapes) console.log(`${r.ratio <= 3 ? 'within' : 'ABOVE'} the target of 3x the bare parse: ${r.shape}, ${r.megabytes} MB (${r.ratio}x)`);
}

// Cost: a 100-function stack, each function estimated (low / typical / high bands and the exact
// crossover) and swept over 1,000 traffic points for a chart. Target: under 50 ms in all.
const stack = analyzeText({ uri: 'bench-100.yaml', text: generatedTemplate(100) }, config).model.functions;
const costSettings = resolveCostSettings();
const cost = {
  functions: stack.length,
  sweepPoints: 1000,
  ms: time(() => {
    for (const fn of stack) {
      const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'bench-100.yaml', emptyUsage(), costSettings);
      sweep(estimate.scenario, priceBook(estimate.region), 1000);
    }
  }),
};
console.log(
  `\nCosting a ${cost.functions}-function stack (estimates with bands and crossover, plus a ${cost.sweepPoints}-point traffic sweep each): ` +
    `${cost.ms.toFixed(1)} ms, ${cost.ms < 50 ? 'within' : 'ABOVE'} the target of 50 ms`,
);

// Typing in the editor's 5,000-line template (test/e2e's, scripts/lib/generated.mjs): the re-analysis after a one-line
// edit (a function's Timeout 90 <-> 901, as the real-editor suite types it), with what the engine thread keeps of the
// previous version (parse/document/reuse.ts: the edited resource read alone) and read whole, next to the previous run's.
const previousBench = existsSync(join(repoRoot, 'bench-results', 'latest.json'))
  ? JSON.parse(readFileSync(join(repoRoot, 'bench-results', 'latest.json'), 'utf8'))
  : undefined;
const typedTemplate = generatedTemplate(310);
const typedVersions = ['90', '901'].map((value) => typedTemplate.replace('      Timeout: 5\n', `      Timeout: ${value}\n`));
const typedMemo = new DocumentMemo();
let typedVersion = 0;
const typed = { lines: typedTemplate.split('\n').length - 1 };
typed.reusedMs = +time(() =>
  analyzeText({ uri: 'file:///bench/template.yaml', text: typedVersions[typedVersion++ % 2] }, config, undefined, INPUT_FORMATS, typedMemo),
).toFixed(1);
typed.wholeMs = +time(() => analyzeText({ uri: 'file:///bench/template.yaml', text: typedVersions[typedVersion++ % 2] }, config)).toFixed(1);
if (typedMemo.counts.whole !== 1) throw new Error(`the one-line edits were read whole ${typedMemo.counts.whole} times`);
const typedBefore = previousBench?.reanalysis;
console.log(
  `\nre-analysis after a one-line edit, ${typed.lines.toLocaleString('en-US')}-line template: ${typed.reusedMs} ms (the edited resource read alone), ` +
    `${typed.wholeMs} ms read whole${typedBefore ? `; previous run: ${typedBefore.reusedMs} ms, ${typedBefore.wholeMs} ms whole` : ''}`,
);

// The same edit's estimates, as the editor's lenses and hovers ask for them on the extension host: with the estimates
// kept from the previous version (cost/workloads.ts EstimateMemo: the edited function estimated again), and every
// workload estimated again (what happened in a folder without a usage file while each lookup made a new empty usage).
// The two versions' models are read once: the host keeps the nodes an edit did not change, as here.
const typedModels = typedVersions.map((text) => analyzeText({ uri: 'file:///bench/template.yaml', text }, config).model);
const reestimate = (usageOf) => {
  const memo = new EstimateMemo();
  let version = 0;
  return +time(() => templateCosts(typedModels[version++ % 2], 'template.yaml', usageOf(), costSettings, undefined, memo)).toFixed(1);
};
typed.estimates = { keptMs: reestimate(() => NO_USAGE_FILE), everyMs: reestimate(() => emptyUsage()) };
const estimatesBefore = typedBefore?.estimates;
console.log(
  `estimates after that edit (${typedModels[0].functions.length} functions, on the extension host): ${typed.estimates.keptMs} ms with the previous version's kept, ` +
    `${typed.estimates.everyMs} ms estimating every workload again` +
    (estimatesBefore ? `; previous run: ${estimatesBefore.keptMs} ms, ${estimatesBefore.everyMs} ms` : ''),
);

// CDK: a generated 2,000-line TypeScript stack (target under 100 ms) and an ordinary 2,000-line
// TypeScript file that is not a CDK app (target: decided in under 5 ms), with the on-demand reader.
const { typescriptReader } = await loadTs("export { typescriptReader } from './src/core/parse/typescript/reader.ts';", { minify: true });
const cdkText = cdkStack(2000);
const plainText =
  "import express from 'express';\n" +
  Array.from({ length: 1999 }, (_, i) => `export const value${i} = { id: ${i}, name: 'item-${i}', tags: ['a', 'b'] };`).join('\n') +
  '\n';
const cdkInput = { uri: 'file:///bench/lib/big-stack.ts', text: cdkText, typescript: typescriptReader };
const plainInput = { uri: 'file:///bench/src/values.ts', text: plainText, typescript: typescriptReader };
/** Times a CDK stack and a file of the same language that is not CDK, and prints the figures against the targets. */
function benchCdk(label, language, stackInput, plainInput) {
  const figures = {
    stackLines: stackInput.text.split('\n').length - 1,
    functions: analyzeText(stackInput, config).model.functions.length,
    stackMs: time(() => analyzeText(stackInput, config)),
    plainLines: plainInput.text.split('\n').length - 1,
    plainMs: time(() => analyzeText(plainInput, config)),
  };
  console.log(
    `${label}: a ${figures.stackLines}-line stack (${figures.functions} functions) analysed in ${figures.stackMs.toFixed(1)} ms (target 100 ms: ${figures.stackMs < 100 ? 'within' : 'ABOVE'}); ` +
      `a ${figures.plainLines}-line ${language} file that is not CDK left alone in ${figures.plainMs.toFixed(3)} ms (target 5 ms: ${figures.plainMs < 5 ? 'within' : 'ABOVE'})`,
  );
  return figures;
}
const cdk = benchCdk('CDK', 'TypeScript', cdkInput, plainInput);
// Typing in that stack: the re-analysis after a one-line edit (a function's timeout), with the syntax tree of the
// previous version kept (parse/typescript/source.ts: TypeScript's incremental parse) and read whole.
const cdkVersions = ['11', '110'].map((value) => cdkText.replace('timeout: Duration.seconds(10)', `timeout: Duration.seconds(${value})`));
const cdkMemo = new DocumentMemo();
let cdkVersion = 0;
cdk.typed = {
  reusedMs: +time(() => analyzeText({ ...cdkInput, text: cdkVersions[cdkVersion++ % 2] }, config, undefined, INPUT_FORMATS, cdkMemo)).toFixed(1),
  wholeMs: +time(() => analyzeText({ ...cdkInput, text: cdkVersions[cdkVersion++ % 2] }, config)).toFixed(1),
};
if (cdkMemo.counts.whole !== 1) throw new Error(`the CDK stack's one-line edits were parsed whole ${cdkMemo.counts.whole} times`);
const cdkTypedBefore = previousBench?.cdk?.typed;
console.log(
  `re-analysis after a one-line edit, ${cdk.stackLines.toLocaleString('en-US')}-line CDK stack: ${cdk.typed.reusedMs} ms (parsed from the last version's tree), ` +
    `${cdk.typed.wholeMs} ms parsed whole${cdkTypedBefore ? `; previous run: ${cdkTypedBefore.reusedMs} ms, ${cdkTypedBefore.wholeMs} ms whole` : ''}`,
);

// Python CDK: the same stack written in Python, and an ordinary 2,000-line Python module, with tree-sitter.
const { createPythonReader } = await loadTs("export { createPythonReader } from './src/core/parse/python/reader.ts';", {
  minify: true,
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
});
const python = await createPythonReader({
  runtime: readFileSync(join(repoRoot, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
  grammar: readFileSync(join(repoRoot, 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm')),
});
function pythonStack(lines) {
  const out = [
    'from aws_cdk import Duration, Size, Stack, aws_lambda as _lambda, aws_sqs as sqs',
    'from aws_cdk.aws_lambda_event_sources import SqsEventSource',
    'COMMON = dict(runtime=_lambda.Runtime.PYTHON_3_12, architecture=_lambda.Architecture.ARM_64)',
    'class BigStack(Stack):',
    '    def __init__(self, scope, construct_id):',
    '        super().__init__(scope, construct_id)',
  ];
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(
      `        queue${i} = sqs.Queue(self, "Queue${i}", visibility_timeout=Duration.seconds(${60 + (i % 5) * 60}))`,
      `        fn${i} = _lambda.Function(`,
      `            self, "Fn${i}",`,
      '            **COMMON,',
      `            handler="handlers.h${i}.main",`,
      '            code=_lambda.Code.from_asset("dist"),',
      `            memory_size=${128 * (1 + (i % 8))},`,
      `            timeout=Duration.seconds(${10 + (i % 30)}),`,
      '            ephemeral_storage_size=Size.mebibytes(1024),',
      '        )',
      `        fn${i}.add_event_source(SqsEventSource(queue${i}))`,
    );
  }
  return out.join('\n') + '\n';
}
const pyText = pythonStack(2000);
const pyPlain = 'import os\n' + Array.from({ length: 1999 }, (_, i) => `VALUE_${i} = {"id": ${i}, "name": "item-${i}", "tags": ["a", "b"]}`).join('\n') + '\n';
const pyInput = { uri: 'file:///bench/stacks/big_stack.py', text: pyText, python };
const pyPlainInput = { uri: 'file:///bench/app/values.py', text: pyPlain, python };
cdk.python = benchCdk('CDK (Python)', 'Python', pyInput, pyPlainInput);

/** A Terraform module of about `lines` lines: a function in every group, with a queue, a task definition or a REST API route in turn. */
function terraformModule(lines) {
  const out = [
    'variable "stage" {',
    '  type    = string',
    '  default = "prod"',
    '}',
    '',
    'variable "worker_timeout" {',
    '  type    = number',
    '  default = 120',
    '}',
    '',
    'locals {',
    '  runtime = "python3.13"',
    '  memory  = { small = 512, large = 2048 }',
    '  tags    = { Stage = var.stage }',
    '}',
    '',
    'resource "aws_api_gateway_rest_api" "api" {',
    '  name = "bench-${var.stage}"',
    '  endpoint_configuration {',
    '    types = ["REGIONAL"]',
    '  }',
    '}',
    '',
    'resource "aws_iam_role" "lambda" {',
    '  name               = "bench-${var.stage}"',
    '  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })',
    '}',
    '',
  ];
  // Whole blocks until the file has its lines (the last group may pass them by a few).
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `resource "aws_lambda_function" "fn${i}" {`,
      `  function_name = "bench-\${var.stage}-fn${i}"`,
      '  role          = aws_iam_role.lambda.arn',
      `  handler       = "app.handler_${i}"`,
      '  runtime       = local.runtime',
      '  filename      = "dist/app.zip"',
      i % 3 === 0 ? '  memory_size   = local.memory.large' : `  memory_size   = ${256 + (i % 8) * 128}`,
      i % 4 === 1 ? '  timeout       = var.worker_timeout' : `  timeout       = ${5 + (i % 25)}`,
      '  architectures = ["arm64"]',
      '  environment {',
      '    variables = {',
      `      TABLE = "\${var.stage}-table-${i}"`,
      '    }',
      '  }',
      '  tags = local.tags',
      '}',
      '',
    );
    if (i % 4 === 1) {
      out.push(
        `resource "aws_sqs_queue" "jobs${i}" {`,
        `  name                       = "jobs-${i}"`,
        '  visibility_timeout_seconds = 720',
        '}',
        '',
        `resource "aws_lambda_event_source_mapping" "jobs${i}" {`,
        `  event_source_arn = aws_sqs_queue.jobs${i}.arn`,
        `  function_name    = aws_lambda_function.fn${i}.arn`,
        '  batch_size       = 10',
        '}',
        '',
      );
    } else if (i % 4 === 2) {
      out.push(
        `resource "aws_ecs_task_definition" "task${i}" {`,
        `  family                   = "task-${i}"`,
        '  requires_compatibilities = ["FARGATE"]',
        '  network_mode             = "awsvpc"',
        `  cpu                      = ${256 << (i % 3)}`,
        `  memory                   = ${1024 << (i % 3)}`,
        '  container_definitions = jsonencode([',
        '    {',
        `      name      = "app${i}"`,
        '      image     = "public.ecr.aws/docker/library/nginx:latest"',
        '      essential = true',
        '      portMappings = [{ containerPort = 80 }]',
        '    }',
        '  ])',
        '}',
        '',
      );
    } else {
      out.push(
        `resource "aws_api_gateway_resource" "r${i}" {`,
        '  rest_api_id = aws_api_gateway_rest_api.api.id',
        '  parent_id   = aws_api_gateway_rest_api.api.root_resource_id',
        `  path_part   = "items${i}"`,
        '}',
        '',
        `resource "aws_api_gateway_method" "m${i}" {`,
        '  rest_api_id   = aws_api_gateway_rest_api.api.id',
        `  resource_id   = aws_api_gateway_resource.r${i}.id`,
        '  http_method   = "GET"',
        '  authorization = "NONE"',
        '}',
        '',
        `resource "aws_api_gateway_integration" "i${i}" {`,
        '  rest_api_id             = aws_api_gateway_rest_api.api.id',
        `  resource_id             = aws_api_gateway_resource.r${i}.id`,
        `  http_method             = aws_api_gateway_method.m${i}.http_method`,
        '  integration_http_method = "POST"',
        '  type                    = "AWS_PROXY"',
        `  uri                     = aws_lambda_function.fn${i}.invoke_arn`,
        `  timeout_milliseconds    = ${10000 + (i % 5) * 5000}`,
        '}',
        '',
      );
    }
  }
  return out.join('\n') + '\n';
}

// Terraform: a generated 2,000-line module (functions, API Gateway integrations, queues with their event source
// mappings, task definitions; variables, locals and references between resources) analysed through the Terraform
// reader, against tree-sitter alone parsing the same text with the same grammar (target: at most 3x).
const { createTerraformReader } = await loadTs("export { createTerraformReader } from './src/core/parse/terraform/reader.ts';", {
  minify: true,
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
});
const terraformWasm = {
  runtime: readFileSync(join(repoRoot, 'node_modules/web-tree-sitter/web-tree-sitter.wasm')),
  grammar: readFileSync(join(repoRoot, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')),
};
const terraformReader = await createTerraformReader(terraformWasm);
// The bare parse: its own web-tree-sitter, with the grammar the reader uses.
const treeSitter = createRequire(join(repoRoot, 'package.json'))('web-tree-sitter');
await treeSitter.Parser.init({ wasmBinary: terraformWasm.runtime });
const bareHcl = new treeSitter.Parser();
bareHcl.setLanguage(await treeSitter.Language.load(terraformWasm.grammar));
const tfText = terraformModule(2000);
const tfInput = { uri: 'file:///bench/infra/main.tf', text: tfText, terraform: terraformReader, folderFiles: () => ['main.tf'] };
const tfFirst = analyzeText(tfInput, config);
if (!tfFirst.model || tfFirst.model.functions.length === 0)
  throw new Error(`the Terraform reader read no function of the generated module (${tfFirst.format})`);
const [tfAnalysis, tfBare, tfRatio] = timePair(
  () => analyzeText(tfInput, config),
  () => bareHcl.parse(tfText).delete(),
);
const terraform = {
  lines: tfText.split('\n').length - 1,
  functions: tfFirst.model.functions.length,
  taskDefinitions: tfFirst.model.taskDefinitions.length,
  queues: tfFirst.model.queues.length,
  findings: tfFirst.findings.length,
  analysisMs: +tfAnalysis.toFixed(1),
  treeSitterMs: +tfBare.toFixed(1),
  ratio: +tfRatio.toFixed(2),
};
console.log(
  `\nTerraform: a ${terraform.lines}-line module (${terraform.functions} functions, ${terraform.taskDefinitions} task definitions, ${terraform.queues} queues, ` +
    `${terraform.findings} findings) analysed in ${terraform.analysisMs} ms vs ${terraform.treeSitterMs} ms for tree-sitter alone: ${terraform.ratio}x ` +
    `(median of ${SHAPE_RUNS} runs each, in turns), ${terraform.ratio <= 3 ? 'within' : 'ABOVE'} the target of 3x the bare parse`,
);

// `crossover diff`: a 100-function template against itself with every function's memory doubled.
const { diffSides, resourceDiffer } = await loadTs(
  "export { diffSides } from './src/core/diff/diff.ts'; export { resourceDiffer } from './src/node/resource-differ.ts';",
  { minify: true, external: ['@aws-cdk/cloudformation-diff'] },
);
const diffBefore = generatedTemplate(100);
const diffAfter = diffBefore.replace(/MemorySize: (\d+)/g, (_, mb) => `MemorySize: ${Math.min(10240, Number(mb) * 2)}`);
const diffSide = (label, text) => ({ label, files: [{ path: 'template.yaml', text }], usageFor: () => emptyUsage() });
const t0 = performance.now();
const firstDiff = diffSides(diffSide('a', diffBefore), diffSide('b', diffAfter), { config, settings: costSettings, differ: resourceDiffer });
const diff = {
  firstMs: Math.round(performance.now() - t0),
  withoutResourcesMs: Number(time(() => diffSides(diffSide('a', diffBefore), diffSide('b', diffAfter), { config, settings: costSettings })).toFixed(1)),
  withResourcesMs: Number(
    time(() => diffSides(diffSide('a', diffBefore), diffSide('b', diffAfter), { config, settings: costSettings, differ: resourceDiffer })).toFixed(1),
  ),
  workloads: firstDiff.workloads.length,
  resourceChanges: firstDiff.files[0].resources.length,
};
console.log(
  `\ncrossover diff of a ${diff.workloads}-function template (memory doubled, ${diff.resourceChanges} resource changes): first run ${diff.firstMs} ms ` +
    `(loads the CloudFormation specification), then ${diff.withResourcesMs} ms (${diff.withoutResourcesMs} ms without the resource changes)`,
);

// (d) `crossover check` over the scale workspace and the corpus, in the main thread alone and in a thread per core.
const scaleSetting = Number(process.env.BENCH_SCALE ?? 1);
const latestPath = join(repoRoot, 'bench-results', 'latest.json');
const previous = existsSync(latestPath) ? JSON.parse(readFileSync(latestPath, 'utf8')) : undefined;
const TIME = '/usr/bin/time';

/** One `crossover check <dir> --format json` (stdout discarded): wall ms, files, threads, peak RSS (MB). */
function checkRun(dir, jobs) {
  const args = [join(repoRoot, 'bin', 'crossover.js'), 'check', '.', '--format', 'json', '--fail-on', 'none', ...(jobs ? ['--jobs', String(jobs)] : [])];
  // GNU time's -v gives the process's peak RSS as the system counts it; without it, the CLI's own figure.
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const run = timed
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  const line = run.stderr.match(/crossover: (\d+) files in [\d.]+ s \(\d+ files\/s, (\d+) threads?, peak memory (\d+) MB\)/);
  if (run.status !== 0 || !line) throw new Error(`crossover check in ${dir} failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  const rss = timed ? run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/) : undefined;
  const files = Number(line[1]);
  return {
    wallMs: Math.round(wallMs),
    files,
    filesPerSecond: Math.round(files / (wallMs / 1000)),
    threads: Number(line[2]),
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : Number(line[3]),
  };
}

let scale;
if (scaleSetting > 0) {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  const workspaceDir = mkdtempSync(join(tmpdir(), 'crossover-scale-'));
  try {
    const t0 = performance.now();
    const { counts } = writeScaleWorkspace(workspaceDir, scaleSetting);
    const writeMs = Math.round(performance.now() - t0);
    const inputs = [[`generated workspace (${counts.total} files, node_modules ${counts.nodeModules})`, workspaceDir]];
    if (existsSync(join(corpus, 'INDEX.tsv'))) inputs.push(['shared corpus', corpus]);
    const rows = inputs.map(([label, dir]) => {
      const alone = checkRun(dir, 1);
      const threaded = checkRun(dir, undefined);
      return { label, alone, threaded, speedUp: +(alone.wallMs / threaded.wallMs).toFixed(2) };
    });
    scale = { scale: scaleSetting, writeMs, counts, rows };
  } finally {
    rmSync(workspaceDir, { recursive: true, force: true });
  }
  console.log(
    `\ncrossover check, in the main thread alone and in a thread per core (${scale.counts.total + scale.counts.nodeModules} files written in ${scale.writeMs} ms)`,
  );
  const before = (label) => previous?.scale?.rows?.find((r) => r.label === label);
  console.table(
    scale.rows.flatMap((r) =>
      [
        ['--jobs 1', r.alone, before(r.label)?.alone],
        ['default', r.threaded, before(r.label)?.threaded],
      ].map(([jobs, run, old]) => ({
        input: r.label,
        jobs,
        threads: run.threads,
        files: run.files,
        'wall s': +(run.wallMs / 1000).toFixed(2),
        'files/s': run.filesPerSecond,
        'peak RSS MB': run.peakRssMb,
        'previous wall s': old ? +(old.wallMs / 1000).toFixed(2) : '-',
        'previous files/s': old ? old.filesPerSecond : '-',
      })),
    ),
  );
  for (const r of scale.rows)
    console.log(
      `speed-up with ${r.threaded.threads} threads: ${r.speedUp}x on ${r.label}${before(r.label) ? ` (previous run: ${before(r.label).speedUp}x)` : ''}`,
    );
}

mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
writeFileSync(
  latestPath,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, runs: RUNS, results, slowest, shapes, cost, reanalysis: typed, cdk, terraform, diff, scale },
    null,
    2,
  ),
);

// (e) Issue 20's figures: the package, and the real editor's last run (`npm run test:e2e` writes them to
// test/e2e/artifacts/), next to those measured before the engine left the extension host.
const before20 = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'bench-before-issue-20.json'), 'utf8'));
const range = (r) => (Array.isArray(r) ? `${r[0]}-${r[1]}` : String(r ?? '-'));
const vsix = join(repoRoot, 'dist', 'crossover.vsix');
console.log('\nThe editor (issue 20): now, and before (scripts/bench-before-issue-20.json)');
console.log(
  `package: ${existsSync(vsix) ? `${statSync(vsix).size.toLocaleString('en-US')} bytes (dist/crossover.vsix, ${statSync(vsix).mtime.toISOString()})` : 'not built (npm run package)'}; before ${before20.vsixBytes.toLocaleString('en-US')} bytes; limit 2,000,000`,
);
const artifactsDir = join(repoRoot, 'test', 'e2e', 'artifacts');
const lastRun = (name) => (existsSync(join(artifactsDir, name)) ? JSON.parse(readFileSync(join(artifactsDir, name), 'utf8')) : undefined);
const responsiveness = lastRun('responsiveness.json');
if (!responsiveness) console.log('real editor: no figures yet (npm run test:e2e writes test/e2e/artifacts/responsiveness.json)');
else {
  console.log(`real editor, run of ${responsiveness.date}:`);
  console.table(
    responsiveness.phases.map((p) => ({
      phase: p.phase,
      "Crossover's longest host task ms": Math.round(p.longestMs),
      'tasks over 16 ms': `${p.over16} of ${p.tasks}`,
      'longest working ms': p.longestBusyMs === undefined ? '-' : Math.round(p.longestBusyMs),
      'native stretch before ours ms': Math.round(p.nativeBeforeOursMs),
      'before issue 20 ms': range(before20.longestHostTaskMs[p.phase]),
    })),
  );
  console.table(
    Object.entries(responsiveness.squiggle).map(([file, f]) => ({
      'keystroke to squiggle': file,
      'p50 ms': Math.round(f.p50),
      'p95 ms': Math.round(f.p95),
      'max ms': Math.round(f.max),
      'p95 before issue 20 ms': range(before20.squiggleP95Ms[file]),
    })),
  );
}
const scaleRun = lastRun('scale.json');
const scan = scaleRun?.scan;
console.log(
  !scaleRun
    ? 'real editor, scale workspace: no figures yet (test/e2e/artifacts/scale.json)'
    : !scan?.logSeconds
      ? `real editor, scale workspace (run of ${scaleRun.date ?? '?'}): the scan did not end; ${JSON.stringify(scaleRun)}`
      : `real editor, scale workspace (run of ${scaleRun.date ?? '?'}): ${scan.files} files scanned in ${scan.logSeconds} s by the scan's log, ` +
        `ended ${scan.doneAtSeconds} s after the window's load (target 30 s; the scan started at ${scan.startedAtSeconds} s), ` +
        `the extension host at ${Math.round((scaleRun.memory?.peakRssKb ?? 0) / 1024)} MB at most`,
);
