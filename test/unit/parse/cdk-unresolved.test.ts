// unresolvedSettings(node): what the report's `unresolved` list and the cdk/value-not-static hint say, per node.
import { expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { analyzeText } from '../../../src/core/engine.js';
import { unresolvedSettings } from '../../../src/core/model/unresolved.js';
import { typescriptReader } from '../../../src/core/parse/typescript/reader.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const model = (source: string) =>
  analyzeText(
    {
      uri: 'file:///app/lib/stack.ts',
      text: `import * as ecs from 'aws-cdk-lib/aws-ecs';\nimport * as eks from 'aws-cdk-lib/aws-eks';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\n${source}`,
      typescript: typescriptReader,
    },
    config,
  ).model!;

test('a task definition: task size and container sizes that are not static, each with its reason; nothing assumed for them', () => {
  const m = model(`const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: props.cpu, memoryLimitMiB: 2048 });
task.addContainer('app', { image, memoryLimitMiB: sizes.app });
`);
  expect(unresolvedSettings(m.taskDefinitions[0]!)).toEqual([
    { setting: 'task cpu', reason: expect.stringContaining('props.cpu') },
    { setting: 'container app memory', reason: expect.stringContaining('sizes.app') },
  ]);
});

test("a node's own reasons come first, then its fields; a service's count says what is assumed", () => {
  const m = model(`new ecs.FargateService(this, 'Svc', { cluster, taskDefinition: other.task, desiredCount: config.count });\n`);
  expect(unresolvedSettings(m.services[0]!)).toEqual([
    { setting: 'resource', reason: 'its taskDefinition is not a task definition construct of this file, so the size of its tasks is not known' },
    { setting: 'desired count', reason: expect.stringContaining('config.count'), assumed: '1 task' },
  ]);
});

test('node groups and functions; written and defaulted values are never listed', () => {
  const m = model(`const cluster = new eks.Cluster(this, 'Eks', { version: eks.KubernetesVersion.V1_33, defaultCapacity: 0 });
cluster.addNodegroupCapacity('Workers', { instanceTypes: [types.worker], minSize: 2 });
new lambda.Function(this, 'Fn', { memorySize: 512, architecture: arch });
`);
  expect(unresolvedSettings(m.eksNodegroups[0]!).map((s) => [s.setting, s.assumed])).toEqual([['instance type', undefined]]);
  expect(unresolvedSettings(m.eksClusters[0]!)).toEqual([]);
  expect(unresolvedSettings(m.functions[0]!).map((s) => [s.setting, s.assumed])).toEqual([['architecture', 'x86_64, the default']]);
});
