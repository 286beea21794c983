// CDK's defaults as aws-cdk-lib synthesizes them (checked in node_modules/aws-cdk-lib 2.276 and by the synthesized
// fixtures 30-39): Fargate task sizes a task definition or a pattern leaves out, no task definition invented for a
// pattern given one, and the EC2 patterns' task definitions.
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { type PythonReader } from '../../../src/core/parse/readers.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';
import { testPythonReader } from '../../support/python-reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const analyze = (source: string) => analyzeText({ uri: 'file:///app/lib/stack.ts', text: source, typescript: typescriptReader }, config);
const HEADER = `import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
`;
const image = 'ecs.ContainerImage.fromRegistry("nginx")';
const sizes = (source: string) =>
  analyze(HEADER + source).model!.taskDefinitions.map((t) => [t.id, t.cpuUnits.value, t.memoryMb.value, t.cpuUnits.origin, t.memoryMb.origin]);
const errors = (source: string) => analyze(HEADER + source).findings.filter((f) => f.severity === 'error');

describe('Fargate sizes CDK writes when none is given', () => {
  test('a FargateTaskDefinition with no props, or props without cpu / memoryLimitMiB, is 256 / 512 and no error', () => {
    const source = `new ecs.FargateTaskDefinition(this, 'Bare');
new ecs.FargateTaskDefinition(this, 'Family', { family: 'f' });
new ecs.FargateTaskDefinition(this, 'MemoryOnly', { memoryLimitMiB: 2048 });
new ecs.FargateTaskDefinition(this, 'CpuOnly', { cpu: 256 });
`;
    expect(sizes(source)).toEqual([
      ['Bare', 256, 512, 'default', 'default'],
      ['Family', 256, 512, 'default', 'default'],
      ['MemoryOnly', 256, 2048, 'default', 'explicit'],
      ['CpuOnly', 256, 512, 'explicit', 'default'],
    ]);
    expect(errors(source)).toEqual([]);
  });

  test('the Fargate patterns, with or without taskImageOptions, cpu only or memory only', () => {
    const source = `new patterns.ApplicationLoadBalancedFargateService(this, 'Alb', { taskImageOptions: { image: ${image} } });
new patterns.NetworkLoadBalancedFargateService(this, 'Nlb', { memoryLimitMiB: 1024, taskImageOptions: { image: ${image} } });
new patterns.QueueProcessingFargateService(this, 'Queue', { image: ${image} });
new patterns.ScheduledFargateTask(this, 'Cron', { schedule: appscaling.Schedule.rate(Duration.hours(1)), scheduledFargateTaskImageOptions: { image: ${image} } });
new patterns.ApplicationLoadBalancedFargateService(this, 'Small', { cpu: 256, taskImageOptions: { image: ${image} } });
`;
    expect(sizes(source)).toEqual([
      ['Alb/TaskDef', 256, 512, 'default', 'default'],
      ['Nlb/TaskDef', 256, 1024, 'default', 'explicit'],
      ['Queue/QueueProcessingTaskDef', 256, 512, 'default', 'default'],
      ['Cron/ScheduledTaskDef', 256, 512, 'default', 'default'],
      ['Small/TaskDef', 256, 512, 'explicit', 'default'],
    ]);
    expect(errors(source)).toEqual([]);
  });

  test('a size left half out still meets the table: 512 cpu with the default 512 MiB is an error, on the task', () => {
    // aws-cdk-lib (since 2.185) refuses this pair at synthesis too: a true error, not a default missed.
    const found = errors(`new ecs.FargateTaskDefinition(this, 'Half', { cpu: 512 });\n`);
    expect(found.map((f) => [f.ruleId, f.message])).toEqual([
      ['ecs/fargate-task-size', expect.stringMatching(/^CPU 512 \(0\.5 vCPU\) with 512 MiB \(0\.5 GB\) is not a Fargate task size/)],
    ]);
  });

  test('a generic TaskDefinition for Fargate without cpu has no default: still an error', () => {
    const found = errors(`new ecs.TaskDefinition(this, 'Generic', { compatibility: ecs.Compatibility.FARGATE });\n`);
    expect(found.map((f) => f.ruleId)).toEqual(['ecs/fargate-task-size']);
  });

  test('a scheduled task whose image options are not static has an unknown size, not the top-level props CDK ignores', () => {
    const model = analyze(
      HEADER + `new patterns.ScheduledFargateTask(this, 'Cron', { cpu: 4096, schedule: s, scheduledFargateTaskImageOptions: options });\n`,
    ).model!;
    const task = model.taskDefinitions[0]!;
    expect([task.id, task.cpuUnits.value, task.memoryMb.value]).toEqual(['Cron/ScheduledTaskDef', undefined, undefined]);
    expect(task.cpuUnits.unresolved).toMatch(/scheduledFargateTaskImageOptions/);
  });
});

describe('a pattern given a task definition uses it: none is invented', () => {
  test('load-balanced, queue-processing and scheduled Fargate patterns link the given task definition', () => {
    const model = analyze(
      HEADER +
        `const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 1024, memoryLimitMiB: 2048 });
new patterns.ApplicationLoadBalancedFargateService(this, 'Alb', { taskDefinition: task });
new patterns.NetworkLoadBalancedFargateService(this, 'Nlb', { taskDefinition: task });
new patterns.QueueProcessingFargateService(this, 'Queue', { taskDefinition: task });
new patterns.ScheduledFargateTask(this, 'Cron', { schedule: s, scheduledFargateTaskDefinitionOptions: { taskDefinition: task } });
new patterns.ApplicationLoadBalancedFargateService(this, 'Made', { taskDefinition: this.makeTask() });
`,
    ).model!;
    expect(model.taskDefinitions.map((t) => t.id)).toEqual(['Task']);
    expect(model.services.map((s) => [s.id, s.taskDefinitionId])).toEqual([
      ['Alb', 'Task'],
      ['Nlb', 'Task'],
      ['Queue', 'Task'],
      ['Made', undefined],
    ]);
  });
});

describe('ECS on EC2 patterns', () => {
  test('queue-processing and scheduled EC2 patterns: an Ec2TaskDefinition with one container sized by the pattern', () => {
    const model = analyze(
      HEADER +
        `new patterns.QueueProcessingEc2Service(this, 'Worker', { cluster, image: ${image}, memoryLimitMiB: 1024, cpu: 512 });
new patterns.ScheduledEc2Task(this, 'Nightly', { cluster, schedule: s, scheduledEc2TaskImageOptions: { image: ${image}, memoryReservationMiB: 256 } });
const given = new ecs.Ec2TaskDefinition(this, 'Given');
new patterns.QueueProcessingEc2Service(this, 'Reuse', { cluster, image: ${image}, memoryLimitMiB: 512 });
`,
    ).model!;
    expect(
      model.taskDefinitions.map((t) => [
        t.id,
        t.fargate,
        t.compatibilities,
        t.cpuUnits.value,
        t.containers.map((c) => [c.name, c.cpuUnits?.value, c.memoryMb?.value, c.memoryReservationMb?.value]),
      ]),
    ).toEqual([
      ['Worker/QueueProcessingTaskDef', false, ['EC2'], undefined, [['QueueProcessingContainer', 512, 1024, undefined]]],
      ['Nightly/ScheduledTaskDef', false, ['EC2'], undefined, [['ScheduledContainer', undefined, undefined, 256]]],
      ['Given', false, ['EC2'], undefined, []],
      ['Reuse/QueueProcessingTaskDef', false, ['EC2'], undefined, [['QueueProcessingContainer', undefined, 512, undefined]]],
    ]);
    expect(model.services.map((s) => [s.id, s.taskDefinitionId, s.launchType.value, s.loadBalancers])).toEqual([
      ['Worker', 'Worker/QueueProcessingTaskDef', 'EC2', 0],
      ['Reuse', 'Reuse/QueueProcessingTaskDef', 'EC2', 0],
    ]);
  });
});

describe('the same in Python', () => {
  let python: PythonReader;
  beforeAll(async () => {
    python = await testPythonReader();
  });
  const pyAnalyze = (source: string) =>
    analyzeText(
      {
        uri: 'file:///app/stack.py',
        text: `from aws_cdk import aws_ecs as ecs\nfrom aws_cdk import aws_ecs_patterns as ecs_patterns\nimage = ecs.ContainerImage.from_registry("nginx")\n${source}`,
        python,
      },
      config,
    );

  test('default Fargate sizes give no error; a pattern given a task definition invents none', () => {
    const result = pyAnalyze(`task = ecs.FargateTaskDefinition(self, "Task")
ecs_patterns.ApplicationLoadBalancedFargateService(self, "Web", task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(image=image))
ecs_patterns.NetworkLoadBalancedFargateService(self, "Tcp", task_definition=task)
ecs_patterns.QueueProcessingFargateService(self, "Worker", image=image, memory_limit_mib=2048)
ecs_patterns.ScheduledFargateTask(self, "Cron", schedule=s, scheduled_fargate_task_definition_options=ecs_patterns.ScheduledFargateTaskDefinitionOptions(task_definition=task))
`);
    expect(result.model!.taskDefinitions.map((t) => [t.id, t.cpuUnits.value, t.memoryMb.value])).toEqual([
      ['Task', 256, 512],
      ['Web/TaskDef', 256, 512],
      ['Worker/QueueProcessingTaskDef', 256, 2048],
    ]);
    expect(result.model!.services.map((s) => [s.id, s.taskDefinitionId])).toEqual([
      ['Web', 'Web/TaskDef'],
      ['Tcp', 'Task'],
      ['Worker', 'Worker/QueueProcessingTaskDef'],
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
