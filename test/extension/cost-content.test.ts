// The words and figures of the cost hovers, CodeLenses and report (vscode-free, so tested here).
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { estimateWorkload } from '../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../src/core/cost/settings.js';
import { priceBook } from '../../src/core/cost/price-book.js';
import { emptyUsage, parseUsageFile } from '../../src/core/cost/usage-file.js';
import { analyzeText } from '../../src/core/engine.js';
import {
  HOVER_GAP,
  hoverMarkdown,
  lensTitle,
  lensTooltip,
  reportMarkdown,
  taskHoverMarkdown,
  taskLensTitle,
  valueFromHoverLine,
} from '../../src/core/present/cost.js';
import { memoryFolder, testTerraformReader } from '../support/terraform-reader.js';
import { formatUsd } from '../../src/core/cost/format.js';
import { frontDoorOf } from '../../src/core/cost/report.js';
import { workloadComparison } from '../../src/core/cost/comparison.js';
import { verdict } from '../../src/core/present/view.js';

const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: 512
      Architectures: [arm64]
      Timeout: 10
      Events:
        Get:
          Type: HttpApi
`;
const fn = analyzeText({ uri: 'template.yaml', text: template }, resolveConfig({})).model!.functions[0]!;
const given = parseUsageFile('crossover.usage.yml', 'resources:\n  Fn:\n    requestsPerMonth: 10000000\n    averageDurationMs: 100\n');
const settings = resolveCostSettings();
const prices = priceBook('us-east-1');
const limits = resolveConfig({}).limits;

describe('the CodeLens', () => {
  test('with traffic given: the Lambda figure with its front door, and the cheapest platform (the runner-up in the hover)', () => {
    const e = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', given, settings);
    // The default columns are costed: Lambda, Fargate, ECS on EC2, EKS on Fargate.
    expect(e.typical.platforms.map((p) => p.platform)).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-fargate']);
    const [, second] = [...e.typical.platforms].sort((a, b) => a.monthlyUsd - b.monthlyUsd);
    // 10M requests of 100 ms at 128 MB: $18.67 on Lambda, the cheapest; Fargate's two tasks come next.
    expect(second!.platform).toBe('ecs-fargate');
    // Of the $18.67, the HTTP API's 10M requests at $1.00 per million are $10.00: the front door's own line.
    expect(lensTitle(e)).toBe(`$18.67/mo on Lambda ($10.00 API Gateway), cheapest`);
    const md = hoverMarkdown('memory', e, priceBook(e.region), { limits: resolveConfig({}).limits }).replaceAll(HOVER_GAP, '');
    expect(md).toContain(`, then **Fargate** ($${e.typical.fargate.monthlyUsd.toFixed(2)}/mo)`);
    // The lens's tooltip names both too.
    expect(lensTooltip(e).split('\n')[0]).toBe(`Cheapest: Lambda, then Fargate ($${e.typical.fargate.monthlyUsd.toFixed(2)}/mo) at this traffic.`);
    // The hover's table: how much of each side is its front door (Fargate's ALB: 730 h x $0.0225 + its LCUs).
    const alb = e.typical.fargate.breakdown.loadBalancer;
    expect(alb).toBeGreaterThan(730 * 0.0225 - 0.01);
    expect(md).toMatch(new RegExp(`\\| of it, front door \\| \\$10\\.00 \\(API Gateway HTTP API\\) \\| \\$${alb.toFixed(2)} \\(ALB\\) \\|`));
    expect(reportMarkdown(e, 'template.yaml')).toContain(
      `Front door (in the figures above): Lambda $10.00 of $18.67 (API Gateway HTTP API), Fargate $${alb.toFixed(2)} of`,
    );
  });

  test('50M requests behind an HTTP API: $50 of the Lambda figure is the front door; compute only flips the verdict', () => {
    const fifty = parseUsageFile('crossover.usage.yml', 'resources:\n  Fn:\n    requestsPerMonth: 50000000\n    averageDurationMs: 100\n');
    const e = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', fifty, settings);
    // 50M requests x $1.00 per million (HTTP API, the first 300M) = $50.00.
    expect(frontDoorOf(e.typical.lambda, e.scenario)).toEqual({ name: 'API Gateway HTTP API', usd: 50 });
    expect(lensTitle(e)).toMatch(/^\$[\d.]+\/mo on Lambda \(\$50\.00 API Gateway\) · cheapest: /);
    const full = workloadComparison(e, {}, {});
    const only = workloadComparison(e, { computeOnly: true }, {});
    // Every platform without its front door: Lambda less the $50, each container platform less its ALB.
    for (const p of full.platforms) {
      const door = full.report.platforms[p.id]!.frontDoor.usd;
      expect(door).toBeGreaterThan(0);
      expect(only.report.platforms[p.id]!.frontDoor.usd).toBe(0);
      expect(only.report.platforms[p.id]!.monthlyUsd).toBeLessThanOrEqual(p.monthlyUsd - door + 1e-9);
    }
    expect(only.report.platforms['lambda']!.monthlyUsd).toBeCloseTo(full.report.platforms['lambda']!.monthlyUsd - 50, 6);
    expect(only.report.computeOnly).toBe(true);
    expect(full.report.computeOnly).toBeUndefined();
    expect(verdict(only.report, 50e6)).toMatch(/^Compute only \(no front door on any side\): /);
    expect(verdict(full.report, 50e6)).not.toMatch(/Compute only/);
  });

  test('with traffic assumed: the low–high range after each figure', () => {
    const e = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings);
    // 1M requests: $0.20 + 50,000 GB-s x $0.0000133334 + $1.00 HTTP API = $1.87; 100k: $0.19; 10M: $18.67.
    expect(lensTitle(e)).toMatch(/^\$1\.87\/mo on Lambda \(\$0\.19–\$18\.67; \$1\.00 API Gateway\), cheapest$/);
  });
});

describe('hovers', () => {
  const e = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', given, settings);

  test('name the cheapest platform at this traffic and the runner-up, with their figures', () => {
    const md = hoverMarkdown('memory', e, prices, { limits });
    expect(md).toContain(`Cheapest: **Lambda**, then **Fargate** ($${e.typical.fargate.monthlyUsd.toFixed(2)}/mo) at this traffic.`);
    // A billion requests: a container platform is the cheapest, Lambda not among the two.
    const busy = estimateWorkload(
      { kind: 'lambda-function', fn },
      'template.yaml',
      parseUsageFile('crossover.usage.yml', 'resources:\n  Fn:\n    requestsPerMonth: 1000000000\n    averageDurationMs: 100\n'),
      settings,
    );
    const order = [...busy.typical.platforms].sort((x, y) => x.monthlyUsd - y.monthlyUsd);
    expect(order.slice(0, 2).map((p) => p.platform)).not.toContain('lambda');
    const label = (id: string) => ({ 'ecs-fargate': 'Fargate', 'ecs-ec2': 'ECS on EC2', 'eks-fargate': 'EKS on Fargate' })[id];
    expect(hoverMarkdown('memory', busy, prices, { limits })).toContain(
      `Cheapest: **${label(order[0]!.platform)}** (${formatUsd(order[0]!.monthlyUsd)}/mo), then **${label(order[1]!.platform)}** (${formatUsd(order[1]!.monthlyUsd)}/mo) at this traffic.`,
    );
  });

  test('memory: vCPU share, limits, the cost, how it moves, the assumptions and their sources', () => {
    const md = hoverMarkdown('memory', e, prices, { editUsage: 'command:crossover.editUsage', limits }).replaceAll(HOVER_GAP, '');
    expect(md).toMatch(/\*\*Memory 512 MB\*\* · about 0\.29 vCPU/);
    expect(md).toMatch(/1,769 MB = 1 vCPU, up to 6 vCPU at 10,240 MB/);
    expect(md).toMatch(/\| 10M requests\/month \| \$18\.67 \|/);
    // Halving and doubling memory halves and doubles duration ($6.67): $15.33 and $25.33.
    expect(md).toMatch(/256 MB → \$15\.33\/mo · 1,024 MB → \$25\.33\/mo/);
    expect(md).toMatch(/Requests per month 10M _\(usage file\)_/);
    expect(md).toMatch(/Average payload 4 KB _\(default\)_/);
    expect(md).toMatch(/\[Edit usage assumptions\]\(command:crossover\.editUsage\)/);
    expect(md).toMatch(/_Prices:_ us-east-1, dated \d{4}-\d{2}-\d{2}/);
  });

  test("the hover's table sets a gap before each figure column (VS Code pads no hover table cell); the report's has none", () => {
    const md = hoverMarkdown('memory', e, prices, { limits });
    const rows = md.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const cells = row.split('|').slice(2, -1);
      expect(cells.length).toBeGreaterThanOrEqual(4); // Lambda, Fargate, ECS on EC2, EKS on Fargate
      for (const cell of cells) expect(cell.trim() === '' || cell.startsWith(` ${HOVER_GAP}`)).toBe(true);
    }
    expect(md).toContain(`| | ${HOVER_GAP}Lambda | ${HOVER_GAP}Fargate | ${HOVER_GAP}ECS on EC2 | ${HOVER_GAP}EKS on Fargate |`);
    expect(reportMarkdown(e, 'template.yaml')).not.toContain('&nbsp;');
  });

  test('timeout: billed by duration, and what a run into the timeout costs', () => {
    const md = hoverMarkdown('timeout', e, prices, { timeoutSeconds: 10, limits });
    expect(md).toMatch(/\*\*Timeout 10 s\*\*/);
    expect(md).toMatch(/assumed average of \*\*100 ms\*\*/);
    // 0.5 GB x 10 s x $0.0000133334 = $0.0000667 -> "<$0.01", $66.67 per million.
    expect(md).toMatch(/costs <\$0\.01 \(\$66\.67 per million such invocations\)/);
  });

  test('timeout: the REST API limit it names is the configured one, the one the diagnostic uses', () => {
    const config = resolveConfig({ limits: { restApiIntegrationTimeoutSeconds: 120 } });
    const md = hoverMarkdown('timeout', e, prices, { timeoutSeconds: 10, limits: config.limits });
    expect(md).toMatch(/callers behind a regional or private REST API give up at 120 s, an edge-optimized one at 29 s, an HTTP API at 30 s/);
    // The diagnostic on a function behind a regional REST API (the setting is for raised regional or private quotas),
    // under the same configuration, names the same limit.
    const restFn = (api: string) =>
      `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 150\n      Events:\n        Get:\n          Type: Api\n${api}`;
    const regional = restFn(
      '          Properties: {RestApiId: !Ref Api}\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {EndpointConfiguration: REGIONAL}\n',
    );
    const finding = analyzeText({ uri: 'rest.yaml', text: regional }, config).findings.find((f) => f.ruleId === 'lambda/api-gateway-timeout');
    expect(finding?.message).toMatch(/above the 120 s integration timeout of REST API/);
    // An edge-optimized API (SAM's default) cannot be raised: it stays at 29 s whatever the setting.
    const edge = analyzeText({ uri: 'rest.yaml', text: restFn('') }, config).findings.find((f) => f.ruleId === 'lambda/api-gateway-timeout');
    expect(edge?.message).toMatch(/above the 29 s integration timeout of REST API ServerlessRestApi/);
    // Left at the default, both say AWS's 29 s.
    expect(hoverMarkdown('timeout', e, prices, { limits: resolveConfig({}).limits })).toMatch(/REST API give up at 29 s/);
  });

  test('architecture: the figure on the other architecture', () => {
    const md = hoverMarkdown('architecture', e, prices, { limits });
    // x86_64: duration 500,000 GB-s x $0.0000166667 = $8.33 -> $20.33 in all.
    expect(md).toMatch(/\$18\.67\/mo on arm64, \$20\.33\/mo on x86_64/);
  });

  test('an inherited Globals value names the functions that inherit it', () => {
    expect(hoverMarkdown('memory', e, prices, { inheritedBy: ['Fn', 'Other'], limits })).toMatch(/inherited by 2 functions \(Fn, Other\)/);
  });
});

test('the report lists both breakdowns and every assumption', () => {
  const md = reportMarkdown(estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', given, settings), 'template.yaml');
  expect(md).toMatch(/^# Fn: Lambda or Fargate\?/);
  expect(md).toMatch(/\| Requests \| \$2\.00 \|/);
  expect(md).toMatch(/\| Compute \| \$[\d.]+ \|/);
  expect(md).toMatch(/- Front door: API Gateway HTTP API _\(template\)_/);
});

describe('task definitions and services', () => {
  const taskTemplate = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '1024'
      Memory: '2048'
      ContainerDefinitions: [{Name: app, Image: nginx}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      DesiredCount: 2
      LoadBalancers: [{ContainerName: app, ContainerPort: 80, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1}]
`;
  const model = analyzeText({ uri: 'template.yaml', text: taskTemplate }, resolveConfig({})).model!;
  const [task] = model.taskDefinitions;
  const [service] = model.services;

  test('the Fargate side at the desired count: 2 x 1 vCPU / 2 GB = $72.08 compute, plus the ALB', () => {
    const e = estimateWorkload({ kind: 'ecs-task', task: task!, service: service }, 'template.yaml', emptyUsage(), settings)!;
    expect(e.typical.fargate.tasks).toBe(2);
    expect(e.typical.fargate.breakdown.compute.toFixed(2)).toBe('72.08');
    expect(e.typical.fargate.breakdown.loadBalancer).toBeGreaterThan(730 * 0.0225 - 0.01);
    expect(taskLensTitle(e)).toMatch(
      /^about \$[\d.]+\/mo on Fargate \(2 tasks, \$[\d.]+ ALB\) · about \$[\d.]+\/mo as Lambda \(\$[\d.]+–\$[\d.]+\) · cheapest: Lambda, then Fargate \(\$[\d.]+\/mo\)$/,
    );
  });

  test('the hover explains the pair, the memory that CPU allows, and flags an invalid pair', () => {
    const e = estimateWorkload({ kind: 'ecs-task', task: task!, service: service }, 'template.yaml', emptyUsage(), settings)!;
    const md = taskHoverMarkdown(1024, 2048, e);
    expect(md).toMatch(/\*\*Task size 1 vCPU \/ 2 GB\*\* · 1024 CPU units, 2048 MiB/);
    expect(md).toMatch(/1 vCPU takes 2 GB to 8 GB in 1 GB steps/);
    expect(md).toMatch(/each task costs \$36\.04\/mo/);
    expect(taskHoverMarkdown(1024, 1024, undefined)).toMatch(/not a Fargate size\*\*; the nearest is 1 vCPU \/ 2 GB/);
  });

  test('a task definition without a service: one always-on task', () => {
    const e = estimateWorkload({ kind: 'ecs-task', task: task!, service: undefined }, 'template.yaml', emptyUsage(), settings)!;
    expect(e.typical.fargate.tasks).toBe(1);
    expect(e.assumptions.find((a) => a.name === 'Tasks')?.value).toBe('1, always on (no service in this file)');
  });
});

describe('where the prices come from, in every face', () => {
  // Zurich (eu-central-2): Lambda, HTTP API and ALB hours are its own; Fargate vCPU / memory and ALB LCUs have no
  // eu-central-2 source and are us-east-1's, so the estimate is incomplete.
  const zurich = parseUsageFile('crossover.usage.yml', 'region: eu-central-2\nresources:\n  Fn:\n    requestsPerMonth: 10000000\n    averageDurationMs: 100\n');
  // Lambda and Fargate only: the EKS pods would read the same borrowed Fargate prices again (x86_64).
  const e = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', zurich, resolveCostSettings({ platforms: [] }));
  const incomplete = /Incomplete: 3 prices borrowed from us-east-1 \(Fargate vCPU \(\w+\), Fargate memory \(\w+\), ALB LCU-hours\)/;

  test('the estimate lists each price with its provenance', () => {
    const borrowed = e.prices.filter((p) => p.provenance === 'borrowed');
    expect(borrowed.map((p) => p.key.replace(/\.(x86_64|arm64)$/, ''))).toEqual(['fargate.vcpuHour', 'fargate.gbHour', 'alb.lcuHour']);
    for (const p of borrowed) expect(p.region).toBe('us-east-1');
    expect(e.prices.find((p) => p.key === 'lambda.requestPerMillion')).toMatchObject({ provenance: 'own', region: 'eu-central-2', value: 0.22 });
  });

  test('the CodeLens tooltip, the hover and the report say it is incomplete; the report lists every price', () => {
    expect(lensTooltip(e)).toMatch(incomplete);
    expect(lensTooltip(e)).toMatch(/Prices: eu-central-2, dated 2026-08-31 \(some undated\) \(4 own, 1 derived, 3 borrowed\)/);
    const md = hoverMarkdown('memory', e, priceBook('eu-central-2'), { limits });
    expect(md).toMatch(/_Prices:_ eu-central-2, dated 2026-08-31 \(some undated\) \(4 own, 1 derived, 3 borrowed\)/);
    expect(md).toMatch(/Incomplete\\: 3 prices borrowed from us-east-1/);
    const report = reportMarkdown(e, 'template.yaml');
    expect(report).toMatch(/## Prices used/);
    expect(report).toMatch(/\| ALB LCU-hours \| 0\\\.008 USD per LCU-hour \| borrowed from us-east-1 \| us-east-1 \|/);
    expect(report).toMatch(/\| Lambda requests \| 0\\\.22 USD per 1M requests \| own \| eu-central-2 \|/);
  });

  test('a complete estimate says nothing is borrowed', () => {
    const home = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', given, settings);
    expect(home.prices.every((p) => p.provenance === 'own')).toBe(true);
    expect(lensTooltip(home)).not.toMatch(/Incomplete/);
  });
});

describe('where a value the hover shows comes from', () => {
  test('a Terraform memory set by a variable that terraform.tfvars overrides: the variable and the file are named', async () => {
    const terraform = await testTerraformReader();
    const main = 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  memory_size   = var.memory\n}\n';
    const folder = memoryFolder({ 'main.tf': main, 'variables.tf': 'variable "memory" {\n  default = 512\n}\n', 'terraform.tfvars': 'memory = 1024\n' });
    const tf = analyzeText({ uri: 'file:///w/main.tf', text: main, terraform, ...folder }, resolveConfig({})).model!.functions[0]!;
    expect(tf.memoryMb.value).toBe(1024);
    expect(valueFromHoverLine(tf.memoryMb.via!)).toBe('Value from `var.memory (terraform.tfvars)`.\n\n');
  });

  test('a value written as it is has no such line to show', () => {
    expect(fn.memoryMb.via).toBeUndefined();
  });
});
