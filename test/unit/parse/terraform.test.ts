// The Terraform reader on the fixtures in test/fixtures/terraform: values, wiring, exact ranges, fixes in HCL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type Finding } from '../../../src/core/findings.js';
import { type Range } from '../../../src/core/model/location.js';
import { type LambdaFunction } from '../../../src/core/model/nodes.js';
import { type TerraformReader } from '../../../src/core/parse/readers.js';
import { readFolder } from '../../../src/core/parse/terraform/folder.js';
import { treeSitterParser } from '../../../src/core/parse/tree-sitter.js';
import { diskFolder, memoryFolder, terraformWasm, testTerraformReader } from '../../support/terraform-reader.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'terraform');
const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
let terraform: TerraformReader;
beforeAll(async () => {
  terraform = await testTerraformReader();
});

const fixture = (dir: string, name = 'main.tf') => readFileSync(join(FIXTURES, dir, name), 'utf8');
function analyse(dir: string, name = 'main.tf') {
  const text = fixture(dir, name);
  return { text, result: analyzeText({ uri: `file:///fixtures/${dir}/${name}`, text, terraform, ...diskFolder(join(FIXTURES, dir)) }, config) };
}

/** The range of the `occurrence`-th `needle` in `text` (0-based lines and characters): what exact ranges are checked against. */
function rangeOf(text: string, needle: string, after = ''): Range {
  const from = after ? text.indexOf(after) : 0;
  const start = text.indexOf(needle, from);
  expect(start, `"${needle}" in the fixture`).toBeGreaterThanOrEqual(0);
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: position(start), end: position(start + needle.length) };
}

/** The text after applying a fix's edits (one-line or multi-line ranges). */
function applied(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...finding.fix!.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const fn = (functions: LambdaFunction[] | undefined, id: string) => {
  const found = functions?.find((f) => f.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

describe('Terraform: a function behind a REST API integration, its values from the folder', () => {
  it('reads memory from terraform.tfvars (over the default), the runtime from a local, the rest as written', () => {
    const { text, result } = analyse('rest-api');
    expect(result.format).toBe('terraform');
    expect(result.syntax).toBe('hcl');
    const orders = fn(result.model?.functions, 'aws_lambda_function.orders');
    expect(orders.memoryMb.value).toBe(2048);
    expect(orders.memoryMb.via).toMatch(/var\.memory \(terraform\.tfvars\)/);
    expect(orders.runtime.value).toBe('nodejs18.x');
    expect(orders.timeoutSeconds.value).toBe(60);
    expect(orders.architecture.value).toBe('x86_64');
    expect(orders.environment?.variables.map((v) => [v.name, v.value])).toEqual([['TABLE', 'orders']]);
    expect(orders.loc.range).toEqual(rangeOf(text, 'resource "aws_lambda_function" "orders"'));
    expect(orders.memoryMb.at?.range).toEqual(rangeOf(text, 'var.memory'));
  });

  it('wires the integration to the function and flags the timeout over 29 s on `timeout`, with a fix in HCL', () => {
    const { text, result } = analyse('rest-api');
    const orders = fn(result.model?.functions, 'aws_lambda_function.orders');
    expect(orders.events.map((e) => [e.kind, e.name, e.targetId])).toEqual([['api', 'aws_api_gateway_integration.orders', 'aws_api_gateway_rest_api.api']]);
    const timeout = result.findings.find((f) => f.ruleId === 'lambda/api-gateway-timeout');
    expect(timeout?.range).toEqual(rangeOf(text, '60', 'timeout'));
    expect(timeout?.message).toMatch(/29 s integration timeout of REST API aws_api_gateway_rest_api\.api/);
    expect(timeout?.message).toMatch(/regional/i);
    expect(timeout?.fix?.title).toBe('Set timeout to 29 s');
    const fixed = applied(text, timeout!);
    expect(fixed).toContain('timeout       = 29\n');
    // The fixed text reads clean of that finding.
    const again = analyzeText({ uri: 'file:///fixtures/rest-api/main.tf', text: fixed, terraform, ...diskFolder(join(FIXTURES, 'rest-api')) }, config);
    expect(again.findings.some((f) => f.ruleId === 'lambda/api-gateway-timeout')).toBe(false);
  });

  it('offers arm64 by rewriting the list where it is written, and "ignore" as a comment above the block that the reader honours', () => {
    const { text, result } = analyse('rest-api');
    const arm = result.findings.find((f) => f.ruleId === 'lambda/prefer-arm64')!;
    expect(applied(text, arm)).toContain('architectures = ["arm64"]');
    const ignore = { ...arm, fix: arm.ignore! };
    expect(arm.ignore?.title).toBe('Ignore lambda/prefer-arm64 for aws_lambda_function.orders');
    const ignored = applied(text, ignore);
    expect(ignored).toContain('# crossover:ignore lambda/prefer-arm64\nresource "aws_lambda_function" "orders"');
    const again = analyzeText({ uri: 'file:///fixtures/rest-api/main.tf', text: ignored, terraform, ...diskFolder(join(FIXTURES, 'rest-api')) }, config);
    expect(again.findings.some((f) => f.ruleId === 'lambda/prefer-arm64')).toBe(false);
    expect(again.findings.some((f) => f.ruleId === 'lambda/api-gateway-timeout')).toBe(true);
  });

  it('read alone (no folder from the host), the variable is unresolved and says why; nothing is guessed', () => {
    const text = fixture('rest-api');
    const result = analyzeText({ uri: 'file:///fixtures/rest-api/main.tf', text, terraform }, config);
    const orders = fn(result.model?.functions, 'aws_lambda_function.orders');
    expect(orders.memoryMb.value).toBeUndefined();
    expect(orders.memoryMb.unresolved).toMatch(/var\.memory \(not declared in this folder\)/);
    expect(orders.runtime.unresolved).toMatch(/local\.runtime/);
  });

  it('a file of variables and locals only is left alone (read for its folder, not a template itself)', () => {
    const { result } = analyse('rest-api', 'variables.tf');
    expect(result.format).toBeUndefined();
    expect(result.findings).toEqual([]);
    const broken = analyzeText({ uri: 'file:///w/variables.tf', text: 'variable "x" {\n  default = \n', terraform }, config);
    expect(broken.format).toBe('terraform');
    expect(broken.findings.map((f) => f.ruleId)).toContain('parse-error');
  });
});

describe('Terraform: HTTP APIs, function URLs, queues and streams', () => {
  it('an HTTP API integration with timeout_milliseconds below the function timeout', () => {
    const { text, result } = analyse('http-api');
    const catalog = fn(result.model?.functions, 'aws_lambda_function.catalog');
    expect(catalog.architecture.value).toBe('arm64');
    expect(catalog.events.map((e) => e.kind).sort()).toEqual(['function-url', 'http-api']);
    expect(catalog.events.find((e) => e.kind === 'http-api')?.integrationTimeoutMs?.value).toBe(10000);
    const finding = result.findings.find((f) => f.ruleId === 'lambda/api-gateway-timeout');
    expect(finding?.range).toEqual(rangeOf(text, '15', 'timeout '));
    expect(result.model?.apis.map((a) => a.id)).toEqual(['aws_apigatewayv2_api.http']);
  });

  it('event source mappings from SQS and a DynamoDB stream; the visibility timeout error on the queue, fixed in place', () => {
    const { text, result } = analyse('queue');
    const worker = fn(result.model?.functions, 'aws_lambda_function.worker');
    expect(worker.events.map((e) => [e.kind, e.targetId])).toEqual([
      ['sqs', 'aws_sqs_queue.jobs'],
      ['dynamodb', 'aws_dynamodb_table.events'],
    ]);
    const visibility = result.findings.find((f) => f.ruleId === 'sqs/visibility-timeout');
    expect(visibility?.severity).toBe('error');
    expect(visibility?.range).toEqual(rangeOf(text, '30', 'visibility_timeout_seconds'));
    expect(visibility?.fix?.title).toBe('Set visibility_timeout_seconds to 720 s');
    expect(applied(text, visibility!)).toContain('visibility_timeout_seconds = 720');
  });
});

describe('Terraform: ECS', () => {
  it('task definitions from file() and jsonencode(), with containers where they are written', () => {
    const { text, result } = analyse('ecs');
    const [web, worker] = result.model!.taskDefinitions;
    expect([web?.id, web?.cpuUnits.value, web?.memoryMb.value, web?.architecture.value, web?.fargate]).toEqual([
      'aws_ecs_task_definition.web',
      512,
      1024,
      'arm64',
      true,
    ]);
    expect(web?.containers.map((c) => [c.name, c.loc.uri])).toEqual([['web', 'file:///fixtures/ecs/containers.json']]);
    expect(web?.containers[0]?.loc.range).toEqual(rangeOf(fixture('ecs', 'containers.json'), '"name"'));
    expect(worker?.containers.map((c) => [c.name, c.memoryMb?.value])).toEqual([['worker', 512]]);
    const size = result.findings.find((f) => f.ruleId === 'ecs/fargate-task-size');
    expect(size?.range).toEqual(rangeOf(text, '300'));
  });

  it('a finding on a value in the JSON file that file() reads lands on the task definition here, the JSON as related information', () => {
    const files = {
      'main.tf':
        'resource "aws_ecs_task_definition" "web" {\n  cpu = 256\n  memory = 512\n  requires_compatibilities = ["FARGATE"]\n  network_mode = "awsvpc"\n  container_definitions = file("containers.json")\n}\n',
      'containers.json': '[\n  { "name": "web", "image": "nginx", "essential": true, "memory": 4096 }\n]\n',
    };
    const result = analyzeText({ uri: 'file:///w/main.tf', text: files['main.tf'], terraform, ...memoryFolder(files) }, config);
    const memory = result.findings.find((f) => f.ruleId === 'ecs/container-memory');
    expect(memory?.uri).toBe('file:///w/main.tf');
    expect(memory?.range).toEqual(rangeOf(files['main.tf'], 'resource "aws_ecs_task_definition" "web"'));
    expect(memory?.related[0]).toEqual({
      uri: 'file:///w/containers.json',
      range: rangeOf(files['containers.json'], '4096'),
      message: 'The value is written here.',
    });
    expect(memory?.fix).toBeUndefined();
    expect(result.findings.every((f) => f.uri === 'file:///w/main.tf')).toBe(true);
  });

  it('the service runs the task definition on Fargate, its scaling policy found through the scalable target', () => {
    const { result } = analyse('ecs');
    const [service] = result.model!.services;
    expect([service?.id, service?.launchType.value, service?.taskDefinitionId, service?.desiredCount.value]).toEqual([
      'aws_ecs_service.web',
      'FARGATE',
      'aws_ecs_task_definition.web',
      2,
    ]);
    expect(service?.scalingPolicies.map((p) => [p.id, p.scaleInCooldownSeconds?.value, p.scaleOutCooldownSeconds?.value])).toEqual([
      ['aws_appautoscaling_policy.cpu', 300, 60],
    ]);
  });
});

describe('Terraform: community modules', () => {
  it('terraform-aws-modules/lambda/aws is a function with the inputs given', () => {
    const { text, result } = analyse('modules');
    const thumbnails = fn(result.model?.functions, 'module.thumbnails');
    expect([thumbnails.memoryMb.value, thumbnails.timeoutSeconds.value, thumbnails.runtime.value]).toEqual([1024, 30, 'nodejs22.x']);
    expect(thumbnails.memoryMb.at?.range).toEqual(rangeOf(text, '1024'));
  });

  it("a module's output wires an event source to the module's function", () => {
    const { text, result } = analyse('modules');
    const thumbnails = fn(result.model?.functions, 'module.thumbnails');
    expect(thumbnails.events.map((e) => [e.kind, e.targetId])).toEqual([['sqs', 'aws_sqs_queue.images']]);
    // The queue's 60 s is below 6x the module function's 30 s: the error names the module's function.
    const visibility = result.findings.find((f) => f.ruleId === 'sqs/visibility-timeout');
    expect(visibility?.message).toMatch(/module\.thumbnails/);
    expect(visibility?.range).toEqual(rangeOf(text, '60', 'visibility_timeout_seconds'));
  });

  it('the ECS service submodule is a task definition with the module defaults (said so) and a Fargate service', () => {
    const { result } = analyse('modules');
    const [task] = result.model!.taskDefinitions;
    expect([task?.id, task?.cpuUnits.value, task?.memoryMb.value, task?.fargate]).toEqual(['module.api', 1024, 4096, true]);
    expect(task?.cpuUnits.via).toMatch(/default of terraform-aws-modules\/ecs\/aws\/\/modules\/service/);
    expect(task?.containers.map((c) => [c.name, c.cpuUnits?.value])).toEqual([['api', 512]]);
    expect(result.model!.services.map((s) => [s.id, s.launchType.value, s.taskDefinitionId])).toEqual([['module.api/service', 'FARGATE', 'module.api']]);
  });

  it('a module it does not read and a data source stay unresolved, with no false "unresolved reference"', () => {
    const { result } = analyse('modules');
    expect(result.findings.filter((f) => f.ruleId === 'unresolved-reference')).toEqual([]);
    const usesVpc = fn(result.model?.functions, 'aws_lambda_function.uses_vpc');
    expect(usesVpc.vpc?.attached).toBe(true);
    expect(usesVpc.vpc?.unresolved).toMatch(/module\.vpc/);
  });
});

describe('Terraform: instances, aliases, load balancers, databases, EKS', () => {
  it('for_each and count make one function per instance, each with its values; the ignore comment applies to each', () => {
    const { result } = analyse('misc');
    const sized = result.model!.functions.filter((f) => f.id.startsWith('aws_lambda_function.sized'));
    expect(sized.map((f) => [f.id, f.memoryMb.value, f.ignoredRules])).toEqual([
      ['aws_lambda_function.sized["small"]', 128, ['lambda/prefer-arm64']],
      ['aws_lambda_function.sized["large"]', 3008, ['lambda/prefer-arm64']],
    ]);
    expect(result.model!.functions.filter((f) => f.id.startsWith('aws_lambda_function.copies')).map((f) => f.id)).toEqual([
      'aws_lambda_function.copies[0]',
      'aws_lambda_function.copies[1]',
    ]);
    expect(result.findings.some((f) => f.ruleId === 'lambda/prefer-arm64' && f.message.includes('sized'))).toBe(false);
    expect(result.findings.find((f) => f.ruleId === 'lambda/ephemeral-storage-range')?.message).toMatch(/20,000 MB/);
  });

  it('a target group attachment, an alias with provisioned concurrency, a value from a data source', () => {
    const { result } = analyse('misc');
    const alb = fn(result.model?.functions, 'aws_lambda_function.alb');
    expect(alb.events.map((e) => [e.kind, e.name])).toEqual([['alb', 'aws_lb_target_group.fn']]);
    expect(alb.provisionedConcurrency?.value).toBe(5);
    expect(alb.memoryMb.value).toBeUndefined();
    expect(alb.memoryMb.unresolved).toMatch(/data source/);
  });

  it('a database behind a proxy, an EKS cluster on 1.29 and its node group', () => {
    const { text, result } = analyse('misc');
    expect(result.model!.dbProxies.map((p) => [p.id, p.targetIds])).toEqual([['aws_db_proxy.main', ['aws_db_instance.main']]]);
    expect(result.model!.eksNodegroups.map((n) => n.id)).toEqual(['aws_eks_node_group.main']);
    const eks = result.findings.find((f) => f.ruleId === 'eks/extended-support');
    expect(eks?.range).toEqual(rangeOf(text, '"1.29"'));
  });
});

describe('Terraform: more event sources, a heredoc, the ECS root module', () => {
  it('SNS, EventBridge (through its target), S3 notifications and a Kinesis stream invoke the function', () => {
    const { result } = analyse('sources');
    const handler = fn(result.model?.functions, 'aws_lambda_function.handler');
    expect(handler.events.map((e) => [e.kind, e.name]).sort()).toEqual(
      [
        ['sns', 'aws_sns_topic_subscription.orders'],
        ['schedule', 'aws_cloudwatch_event_rule.nightly'],
        ['s3', 'aws_s3_bucket_notification.uploads'],
        ['kinesis', 'aws_lambda_event_source_mapping.clicks'],
      ].sort(),
    );
  });

  it('container definitions in a heredoc are read where they are written', () => {
    const { text, result } = analyse('sources');
    const task = result.model!.taskDefinitions.find((t) => t.id === 'aws_ecs_task_definition.heredoc');
    expect(task?.containers.map((c) => [c.name, c.memoryMb?.value])).toEqual([['app', 256]]);
    expect(task?.containers[0]?.loc.range).toEqual(rangeOf(text, '"name"', 'heredoc'));
  });

  it("each entry of the ECS module's services is a task definition and a service", () => {
    const { result } = analyse('sources');
    const task = result.model!.taskDefinitions.find((t) => t.id === 'module.ecs.services["billing"]');
    expect([task?.cpuUnits.value, task?.memoryMb.value, task?.containers.map((c) => c.name)]).toEqual([2048, 4096, ['billing']]);
    expect(result.model!.services.map((s) => [s.id, s.launchType.value])).toContainEqual(['module.ecs.services["billing"]/service', 'FARGATE']);
  });
});

describe('Terraform: image functions, reserved concurrency, WebSocket, MQ and Kafka sources, Aurora, EKS Fargate profiles', () => {
  it('an image function with reserved concurrency; -1 ("unreserved" for the provider) is no reservation', () => {
    const { text, result } = analyse('more');
    const image = fn(result.model?.functions, 'aws_lambda_function.image');
    expect([image.packageType.value, image.memoryMb.value, image.reservedConcurrency?.value]).toEqual(['Image', 2048, 5]);
    expect(image.reservedConcurrency?.at?.range).toEqual(rangeOf(text, '5', 'reserved_concurrent_executions'));
    expect(fn(result.model?.functions, 'aws_lambda_function.unreserved').reservedConcurrency).toBeUndefined();
  });

  it('a WebSocket API integration, an MQ broker and a self-managed Kafka source invoke their functions', () => {
    const { result } = analyse('more');
    const image = fn(result.model?.functions, 'aws_lambda_function.image');
    expect(image.events.map((e) => [e.kind, e.name]).sort()).toEqual(
      [
        ['websocket', 'aws_apigatewayv2_integration.ws'],
        ['mq', 'aws_lambda_event_source_mapping.mq'],
      ].sort(),
    );
    const unreserved = fn(result.model?.functions, 'aws_lambda_function.unreserved');
    expect(unreserved.events.map((e) => [e.kind, e.name])).toEqual([['kafka', 'aws_lambda_event_source_mapping.kafka']]);
  });

  it('an Aurora cluster, and an EKS Fargate profile of its cluster, each where it is declared', () => {
    const { text, result } = analyse('more');
    const cluster = result.model!.databases.find((d) => d.id === 'aws_rds_cluster.main');
    expect(cluster?.loc.range).toEqual(rangeOf(text, 'resource "aws_rds_cluster" "main"'));
    const profile = result.model!.eksFargateProfiles.find((p) => p.id === 'aws_eks_fargate_profile.apps');
    expect([profile?.clusterId, profile?.loc.range]).toEqual(['aws_eks_cluster.apps', rangeOf(text, 'resource "aws_eks_fargate_profile" "apps"')]);
  });
});

describe('Terraform: a plan (terraform show -json) beside the files', () => {
  it('fills what the files leave unresolved with the planned value, saying so; a value known after apply stays unresolved', () => {
    const { result } = analyse('plan');
    const api = fn(result.model?.functions, 'aws_lambda_function.api');
    expect(api.memoryMb.value).toBe(1536);
    expect(api.memoryMb.via).toBe('planned in plan.json');
    expect(api.timeoutSeconds.value).toBeUndefined();
    expect(api.timeoutSeconds.unresolved).toBe('known after apply (plan.json)');
  });

  it('without the plan, the same values are unresolved with their reasons', () => {
    const text = fixture('plan');
    const folder = diskFolder(join(FIXTURES, 'plan'));
    const result = analyzeText({ uri: 'file:///fixtures/plan/main.tf', text, terraform, ...folder, folderFiles: () => ['main.tf'] }, config);
    const api = fn(result.model?.functions, 'aws_lambda_function.api');
    expect(api.memoryMb.unresolved).toMatch(/var\.memory \(no default and no value in a \.tfvars file\)/);
    expect(api.timeoutSeconds.unresolved).toMatch(/data source/);
  });
});

describe('Terraform: a folder read once per change', () => {
  it('the other files of a folder are parsed once while their text stays the same (not once per file analysed)', async () => {
    const parser = await treeSitterParser(terraformWasm());
    const files = { 'main.tf': fixture('rest-api'), 'variables.tf': fixture('rest-api', 'variables.tf') };
    const folder = memoryFolder(files);
    const first = readFolder(parser, 'file:///cache/main.tf', files['main.tf'], folder.readFile, folder.folderFiles);
    const edited = readFolder(parser, 'file:///cache/main.tf', files['main.tf'] + '\n# edited\n', folder.readFile, folder.folderFiles);
    expect(edited.files[1]?.name).toBe('variables.tf');
    expect(edited.files[1]).toBe(first.files[1]);
    // Its text changed: parsed again, in the same place of the offset space.
    files['variables.tf'] += '\nvariable "extra" {}\n';
    const again = readFolder(parser, 'file:///cache/main.tf', files['main.tf'], folder.readFile, folder.folderFiles);
    expect(again.files[1]).not.toBe(first.files[1]);
    expect(again.files[1]?.base).toBe(first.files[1]?.base);
    expect(again.files[1]?.body.blocks.map((b) => b.labels[0])).toContain('extra');
  });
});

describe('Terraform: JSON syntax and broken files', () => {
  it('main.tf.json: a variable in an interpolated string, the ranges in the JSON', () => {
    const { text, result } = analyse('json', 'main.tf.json');
    expect(result.format).toBe('terraform');
    const report = fn(result.model?.functions, 'aws_lambda_function.report');
    expect(report.memoryMb.value).toBe(768);
    expect(report.memoryMb.at?.range).toEqual(rangeOf(text, '"${var.memory}"'));
    expect(report.timeoutSeconds.value).toBe(900);
  });

  it('a syntax error is a parse finding on its line; the resources before it are still read', () => {
    const text = 'resource "aws_lambda_function" "a" {\n  memory_size = 20000\n}\n\nresource "aws_sqs_queue" "q" {\n  name = \n}\n';
    const result = analyzeText({ uri: 'file:///w/broken.tf', text, terraform, ...memoryFolder({ 'broken.tf': text }) }, config);
    const parse = result.findings.filter((f) => f.ruleId === 'parse-error');
    expect(parse.length).toBeGreaterThan(0);
    expect(parse[0]!.range.start.line).toBeGreaterThanOrEqual(5);
    expect(parse[0]!.range.start.line).toBeLessThanOrEqual(6);
    expect(result.model?.functions.map((f) => f.memoryMb.value)).toEqual([20000]);
    // No fixes while the file does not parse (an edit could make it worse).
    expect(result.findings.every((f) => f.fix === undefined)).toBe(true);
  });
});
