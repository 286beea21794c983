// Ground truth for the static CDK reader: each fixture app in test/fixtures/cdk-synth (a `.ts` file, or a folder
// with app.ts and the cdk.json whose context `cdk synth` would apply) is synthesized with the real aws-cdk-lib (a
// test-only dependency; our own fixtures, never workspace code), and what we read statically is compared with the
// synthesized CloudFormation, matched by construct path (`aws:cdk:path`): Lambda functions (memory, timeout,
// runtime, architecture, ephemeral storage, provisioned concurrency), ECS task definitions (cpu/memory, network
// mode, compatibilities, containers), services (desired count, launch type, load balancers, the EC2 instance type
// behind them, their task definition), EKS clusters, node groups and Fargate profiles, databases and proxies.
//
// Instead of stopping at the first difference, every fixture's differences are collected: values that differ,
// invented workloads (a node of ours that synthesis does not create), missed resources (a function or an ECS/EKS
// resource synthesized but not read) and error-level findings that synthesis contradicts (the synthesized value is
// valid). A fixture must show exactly the differences KNOWN_SHORTFALLS lists for it, each with its cause, so a
// regression is caught precisely and a fix must shrink the list. The figure is printed at the end; the acceptance
// (>= 98% of values equal, nothing invented or missed, no contradicted error) is asserted over every app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { FARGATE_LIMITS, LAMBDA_LIMITS, isFargateSize } from '../../src/core/data/limits.js';
import { analyzeText } from '../../src/core/engine.js';
import { type Finding } from '../../src/core/findings.js';
import { type TemplateModel } from '../../src/core/model/template.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import {
  SynthesizedResources,
  fixtureAppFile,
  isUserFunction,
  launchType,
  provisioned,
  ref,
  serviceInstanceType,
  synthesizeApp,
} from '../support/cdk-synth.js';
import { KNOWN_SHORTFALLS, type Cause } from './cdk-synth-shortfalls.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'cdk-synth');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

/** The ECS and EKS resources the static reader must find, and how many values each holds. */
const READ_TYPES: Record<string, number> = {
  'AWS::Lambda::Function': 6,
  'AWS::ECS::TaskDefinition': 5,
  'AWS::ECS::Service': 5,
  'Custom::AWSCDK-EKS-Cluster': 1,
  'AWS::EKS::Nodegroup': 7,
  'Custom::AWSCDK-EKS-FargateProfile': 1,
};

/** Fixture apps: `NN-name.ts` files and `NN-name/` folders (app.ts + cdk.json); `shared/` and `handlers/` are not apps. */
const entries = readdirSync(fixtures)
  .filter((f) => /^\d\d-/.test(f) && (f.endsWith('.ts') || statSync(join(fixtures, f)).isDirectory()))
  .sort();

type ReadModel = Pick<
  TemplateModel,
  'functions' | 'taskDefinitions' | 'databases' | 'dbProxies' | 'services' | 'eksClusters' | 'eksNodegroups' | 'eksFargateProfiles'
>;
const emptyModel: ReadModel = {
  functions: [],
  taskDefinitions: [],
  databases: [],
  dbProxies: [],
  services: [],
  eksClusters: [],
  eksNodegroups: [],
  eksFargateProfiles: [],
};
const totals = { apps: 0, compared: 0, equal: 0, invented: 0, missed: 0, contradicted: 0 };
const causes = new Map<Cause, number>();

describe.each(entries)('%s', (entry) => {
  test('static reading equals the synthesized templates, but for the known shortfalls', async () => {
    const path = join(fixtures, entry);
    const file = fixtureAppFile(path);
    const text = readFileSync(file, 'utf8');
    const base = dirname(file);
    const readFile = (rel: string) => {
      try {
        return readFileSync(join(base, rel), 'utf8');
      } catch {
        return undefined;
      }
    };
    const uri = `file:///fixtures/${relative(fixtures, file).split('\\').join('/')}`;
    const result = analyzeText({ uri, text, typescript: typescriptReader, readFile }, config);
    // A file the reader does not take for a CDK app (no construct it reads) reads as nothing: all is missed.
    const model = result.format === 'cdk' ? result.model! : emptyModel;
    const synth = new SynthesizedResources(await synthesizeApp(path));
    expect(
      synth.all().filter((r) => READ_TYPES[r.resource.Type] !== undefined && (r.resource.Type !== 'AWS::Lambda::Function' || isUserFunction(r.path))),
      'the fixture synthesizes workloads',
    ).not.toEqual([]);

    const { differences, compared, equal } = compare(model, result.findings, synth);

    totals.apps += 1;
    totals.compared += compared;
    totals.equal += equal;
    totals.invented += differences.filter((d) => d.startsWith('invented: ')).length;
    totals.missed += differences.filter((d) => d.startsWith('missed: ')).length;
    totals.contradicted += differences.filter((d) => d.startsWith('contradicted error: ')).length;
    const known = KNOWN_SHORTFALLS[entry] ?? [];
    // CDK_TRUTH_LIST=1 prints the differences in the form of KNOWN_SHORTFALLS, to update the list after a fix.
    if (process.env['CDK_TRUTH_LIST'] && differences.length > 0)
      console.log(`  '${entry}': [\n${differences.map((d) => `    [${JSON.stringify(d)}, '?'],`).join('\n')}\n  ],`);
    for (const [, cause] of known) causes.set(cause, (causes.get(cause) ?? 0) + 1);
    // Exactly the known shortfalls: a new difference is a regression; a known one that is gone must leave the list.
    expect([...differences].sort(), `differences from synthesis (update KNOWN_SHORTFALLS in cdk-synth-shortfalls.ts when one is fixed)`).toEqual(
      known.map(([difference]) => difference).sort(),
    );
  }, 60_000);
});

/** What the comparison of one app found: its differences from synthesis, and how many values were compared and equal. */
interface Comparison {
  differences: string[];
  compared: number;
  equal: number;
}

/** Compares the static reading of an app (its model and findings) with its synthesized templates. */
function compare(model: ReadModel, findings: Finding[], synth: SynthesizedResources): Comparison {
  const differences: string[] = [];
  let compared = 0;
  let equal = 0;
  /** Compares one value; a difference is written as `<id> <field>: read <ours>, synthesized <theirs>`. */
  const value = (id: string, field: string, ours: unknown, theirs: unknown, weight = 1) => {
    compared += weight;
    if (isDeepStrictEqual(ours, theirs)) equal += weight;
    else differences.push(`${id} ${field}: read ${JSON.stringify(ours)}, synthesized ${JSON.stringify(theirs)}`);
  };
  const invented = (kind: string, id: string) => differences.push(`invented: ${kind} ${id}`);

  for (const fn of model.functions) {
    const found = synth.match(fn.id, 'Resource');
    if (found?.resource.Type !== 'AWS::Lambda::Function') {
      invented('function', fn.id);
      continue;
    }
    const p = found.resource.Properties ?? {};
    value(fn.id, 'memoryMb', fn.memoryMb.value, (p['MemorySize'] as number | undefined) ?? 128);
    value(fn.id, 'timeoutSeconds', fn.timeoutSeconds.value, (p['Timeout'] as number | undefined) ?? 3);
    value(fn.id, 'runtime', fn.runtime.value, p['Runtime']);
    value(fn.id, 'architecture', fn.architecture.value, ((p['Architectures'] as string[] | undefined) ?? ['x86_64'])[0]);
    value(fn.id, 'ephemeralStorageMb', fn.ephemeralStorageMb.value, (p['EphemeralStorage'] as { Size: number } | undefined)?.Size ?? 512);
    value(fn.id, 'provisionedConcurrency', fn.provisionedConcurrency?.value, provisioned(found.resources, found.logicalId));
  }
  for (const task of model.taskDefinitions) {
    const found = synth.match(task.id, 'Resource');
    if (found?.resource.Type !== 'AWS::ECS::TaskDefinition') {
      invented('task definition', task.id);
      continue;
    }
    const p = found.resource.Properties!;
    // An EC2 task definition may have no task-level size: then neither do we.
    const number = (v: unknown) => (v === undefined ? undefined : Number(v));
    value(task.id, 'cpu', task.cpuUnits.value, number(p['Cpu']));
    value(task.id, 'memory', task.memoryMb.value, number(p['Memory']));
    value(task.id, 'networkMode', task.networkMode.value, p['NetworkMode'] ?? 'bridge');
    value(task.id, 'compatibilities', task.compatibilities, p['RequiresCompatibilities']);
    value(task.id, 'fargate', task.fargate, (p['RequiresCompatibilities'] as string[]).includes('FARGATE'));
    // Containers (read from addContainer / an EC2 pattern's sizes): all of them, with their reservations.
    const containers = p['ContainerDefinitions'] as Record<string, unknown>[];
    if (task.containers.length > 0 || !task.fargate) {
      const n = Math.max(containers.length, 1);
      value(
        task.id,
        'container names',
        task.containers.map((c) => c.name),
        containers.map((c) => c['Name']),
        n,
      );
      value(
        task.id,
        'container cpu',
        task.containers.map((c) => c.cpuUnits?.value),
        containers.map((c) => c['Cpu']),
        n,
      );
      value(
        task.id,
        'container memory',
        task.containers.map((c) => c.memoryMb?.value),
        containers.map((c) => c['Memory']),
        n,
      );
      value(
        task.id,
        'container reservation',
        task.containers.map((c) => c.memoryReservationMb?.value),
        containers.map((c) => c['MemoryReservation']),
        n,
      );
      value(
        task.id,
        'container essential',
        task.containers.map((c) => c.essential),
        containers.map((c) => c['Essential'] ?? true),
        n,
      );
    }
  }
  for (const db of model.databases) {
    const found = synth.match(db.id, 'Resource');
    if (found?.resource.Type !== (db.kind === 'rds-cluster' ? 'AWS::RDS::DBCluster' : 'AWS::RDS::DBInstance')) {
      invented('database', db.id);
      continue;
    }
    value(db.id, 'engine', db.engine.value, found.resource.Properties!['Engine']);
  }
  for (const proxy of model.dbProxies) {
    // The proxy's target group names the database it pools connections for.
    const found = synth.match(proxy.id, 'Resource');
    if (found?.resource.Type !== 'AWS::RDS::DBProxy') {
      invented('database proxy', proxy.id);
      continue;
    }
    const group = Object.values(found.resources).find(
      (r) => r.Type === 'AWS::RDS::DBProxyTargetGroup' && ref(r.Properties?.['DBProxyName']) === found.logicalId,
    );
    const targets = [
      ...((group?.Properties?.['DBInstanceIdentifiers'] as unknown[] | undefined) ?? []),
      ...((group?.Properties?.['DBClusterIdentifiers'] as unknown[] | undefined) ?? []),
    ].map(ref);
    value(
      proxy.id,
      'targets',
      proxy.targetIds.map((id) => synth.find(id, 'Resource')?.logicalId),
      targets,
    );
  }
  for (const service of model.services) {
    // A service's own construct, or the one a pattern creates inside it (`<id>/<...>/Service`).
    const found = synth.findBelow(service.id, 'AWS::ECS::Service');
    if (!found) {
      invented('service', service.id);
      continue;
    }
    const { resources, resource } = found;
    const p = resource.Properties!;
    const launch = launchType(resource);
    value(service.id, 'desiredCount', service.desiredCount.value, p['DesiredCount'] ?? 1);
    value(service.id, 'launchType', service.launchType.value, launch);
    value(service.id, 'loadBalancers', service.loadBalancers, ((p['LoadBalancers'] as unknown[] | undefined) ?? []).length);
    value(service.id, 'instanceType', service.instanceType?.value, launch === 'EC2' ? serviceInstanceType(resources, resource) : undefined);
    value(
      service.id,
      'taskDefinition',
      service.taskDefinitionId === undefined ? undefined : synth.find(service.taskDefinitionId, 'Resource')?.logicalId,
      ref(p['TaskDefinition']),
    );
  }
  for (const cluster of model.eksClusters) {
    const found = synth.match(cluster.id, 'Resource/Resource/Default');
    if (found?.resource.Type !== 'Custom::AWSCDK-EKS-Cluster') {
      invented('EKS cluster', cluster.id);
      continue;
    }
    value(cluster.id, 'version', cluster.version?.value, (found.resource.Properties!['Config'] as { version?: string }).version);
  }
  for (const group of model.eksNodegroups) {
    const found = synth.match(group.id, 'Resource');
    if (found?.resource.Type !== 'AWS::EKS::Nodegroup') {
      invented('EKS node group', group.id);
      continue;
    }
    const p = found.resource.Properties!;
    const scaling = p['ScalingConfig'] as { DesiredSize: number; MinSize: number; MaxSize: number };
    // Without AmiType, EKS picks the AMI from the instance type; without InstanceTypes it launches t3.medium.
    const types = (p['InstanceTypes'] as string[] | undefined) ?? ['t3.medium'];
    const arm = p['AmiType'] === undefined ? /^[a-z]+\d+g[a-z]*\./.test(types[0]!) : /ARM/.test(p['AmiType'] as string);
    value(
      group.id,
      'cluster',
      group.clusterId === undefined ? undefined : synth.find(group.clusterId, 'Resource/Resource/Default')?.logicalId,
      ref(p['ClusterName']),
    );
    value(group.id, 'instanceType', group.instanceType.value, types[0]);
    value(group.id, 'desiredSize', group.desiredSize.value, scaling.DesiredSize);
    value(group.id, 'minSize', group.minSize.value, scaling.MinSize);
    value(group.id, 'maxSize', group.maxSize.value, scaling.MaxSize);
    value(group.id, 'architecture', group.architecture.value, arm ? 'arm64' : 'x86_64');
    value(group.id, 'gpu', group.gpu, /GPU|NVIDIA|NEURON/.test(String(p['AmiType'] ?? '')));
  }
  for (const profile of model.eksFargateProfiles) {
    const found = synth.match(profile.id, 'Resource/Default');
    if (found?.resource.Type !== 'Custom::AWSCDK-EKS-FargateProfile') {
      invented('EKS Fargate profile', profile.id);
      continue;
    }
    value(
      profile.id,
      'cluster',
      synth.find(profile.clusterId ?? '', 'Resource/Resource/Default')?.logicalId,
      ref((found.resource.Properties!['Config'] as { clusterName: unknown }).clusterName),
    );
  }

  // Every user Lambda function and every ECS and EKS resource of the templates was found; the values of one
  // that was not count as compared and not equal.
  for (const { path: resourcePath, resource } of synth.all()) {
    const weight = READ_TYPES[resource.Type];
    if (weight === undefined || synth.matched.has(resource) || (resource.Type === 'AWS::Lambda::Function' && !isUserFunction(resourcePath))) continue;
    differences.push(`missed: ${resourcePath}`);
    compared += weight;
  }

  // Error-level findings whose setting synthesis writes with a valid value.
  for (const finding of findings.filter((f) => f.severity === 'error')) {
    const verdict = contradicts(finding.ruleId, finding.resourceId, model, synth);
    if (verdict) differences.push(`contradicted error: ${finding.ruleId} on ${finding.resourceId ?? '(file)'} (${verdict})`);
  }
  return { differences, compared, equal };
}

/**
 * Why an error finding is contradicted by synthesis (the setting it is about is valid in the synthesized template),
 * or undefined when synthesis agrees or cannot say.
 */
function contradicts(ruleId: string, resourceId: string | undefined, model: Pick<TemplateModel, 'functions'>, synth: SynthesizedResources): string | undefined {
  // The app synthesizes: a parse or internal error is always contradicted.
  if (ruleId === 'parse-error' || ruleId === 'internal-error') return 'the app synthesizes';
  if (resourceId === undefined) return undefined;
  const found = synth.find(resourceId, 'Resource');
  const p = found?.resource.Properties;
  if (!p) return undefined;
  const lambda = LAMBDA_LIMITS;
  switch (ruleId) {
    case 'ecs/fargate-task-size': {
      if (found!.resource.Type !== 'AWS::ECS::TaskDefinition') return undefined;
      const cpu = Number(p['Cpu']);
      const memory = Number(p['Memory']);
      const fargate = ((p['RequiresCompatibilities'] as string[] | undefined) ?? []).includes('FARGATE');
      return !fargate || isFargateSize(cpu, memory) ? `synthesized ${p['Cpu']} CPU / ${p['Memory']} MiB` : undefined;
    }
    case 'ecs/fargate-network-mode':
      return p['NetworkMode'] === 'awsvpc' ? 'synthesized awsvpc' : undefined;
    case 'ecs/ephemeral-storage-range': {
      const size = (p['EphemeralStorage'] as { SizeInGiB?: number } | undefined)?.SizeInGiB;
      const ok = size === undefined || (size >= FARGATE_LIMITS.minEphemeralStorageGb.value && size <= FARGATE_LIMITS.maxEphemeralStorageGb.value);
      return ok ? `synthesized ${size ?? 'no'} ephemeral storage` : undefined;
    }
    case 'ecs/container-memory': {
      const memory = Number(p['Memory']);
      const containers = (p['ContainerDefinitions'] as { Memory?: number; MemoryReservation?: number }[] | undefined) ?? [];
      if (Number.isNaN(memory)) return 'synthesized no task memory';
      const fits = containers.every((c) => (c.Memory ?? 0) <= memory) && containers.reduce((s, c) => s + (c.MemoryReservation ?? 0), 0) <= memory;
      return fits ? 'synthesized containers fit the task memory' : undefined;
    }
    case 'lambda/memory-range': {
      const memory = (p['MemorySize'] as number | undefined) ?? 128;
      return memory >= lambda.minMemoryMb.value && memory <= lambda.maxMemoryMb.value && !model.functions.find((f) => f.id === resourceId)?.capacityProvider
        ? `synthesized ${memory} MB`
        : undefined;
    }
    case 'lambda/timeout-max': {
      const timeout = (p['Timeout'] as number | undefined) ?? 3;
      return timeout >= lambda.minTimeoutSeconds.value && timeout <= lambda.maxTimeoutSeconds.value ? `synthesized ${timeout} s` : undefined;
    }
    case 'lambda/ephemeral-storage-range': {
      const size = (p['EphemeralStorage'] as { Size?: number } | undefined)?.Size ?? 512;
      return size >= lambda.minEphemeralStorageMb.value && size <= lambda.maxEphemeralStorageMb.value ? `synthesized ${size} MB` : undefined;
    }
    default:
      // The other error rules (environment size, API Gateway timeouts, task placement, EKS support dates, Managed
      // Instances) are about combinations synthesis does not judge: not counted either way.
      return undefined;
  }
}

afterAll(() => {
  const percent = totals.compared === 0 ? 0 : (100 * totals.equal) / totals.compared;
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `CDK ground truth: ${n(totals.equal)} of ${n(totals.compared)} values equal (${percent.toFixed(1)}%), ${totals.invented} invented, ` +
      `${totals.missed} missed, ${totals.contradicted} contradicted errors, ${totals.apps} apps`,
  );
  if (causes.size > 0)
    console.log(
      `Known shortfalls by cause: ${[...causes]
        .sort((a, b) => b[1] - a[1])
        .map(([cause, count]) => `${cause} ${count}`)
        .join(', ')}`,
    );
});

test('the comparison sees a wrong value, an invented workload, a missed function and a contradicted error', async () => {
  const path = join(fixtures, '01-function-literals.ts');
  const read = analyzeText({ uri: 'file:///fixtures/01-function-literals.ts', text: readFileSync(path, 'utf8'), typescript: typescriptReader }, config).model!;
  const [literal, defaults] = read.functions;
  // A reading that gets Literal's memory wrong, invents Ghost, misses Defaults and reports an error synthesis contradicts.
  const wrong = { ...literal!, memoryMb: { ...literal!.memoryMb, value: 1024 } };
  const model: ReadModel = { ...emptyModel, functions: [wrong, { ...defaults!, id: 'Ghost' }] };
  const error: Finding = {
    ruleId: 'lambda/memory-range',
    severity: 'error',
    message: 'x',
    uri: 'file:///x',
    range: literal!.loc.range,
    resourceId: 'Literal',
    related: [],
  };
  const result = compare(model, [error], new SynthesizedResources(await synthesizeApp(path)));
  expect(result.differences.sort()).toEqual([
    'Literal memoryMb: read 1024, synthesized 512',
    'contradicted error: lambda/memory-range on Literal (synthesized 512 MB)',
    'invented: function Ghost',
    'missed: Fixture/Defaults/Resource',
  ]);
  // Literal's six values, five of them equal; Defaults' six count as compared and not equal.
  expect([result.compared, result.equal]).toEqual([12, 5]);
}, 60_000);

// Issue 18's acceptance, over every app (the known shortfalls included: they count as differences).
test('acceptance: at least 98% of values equal, nothing invented or missed, no contradicted error', () => {
  expect(totals.apps).toBe(entries.length);
  expect(totals.missed).toBe(0);
  expect(totals.equal / totals.compared).toBeGreaterThanOrEqual(0.98);
  expect(totals.invented).toBe(0);
  expect(totals.contradicted).toBe(0);
});

test('there are at least 40 synthesized fixture apps, and every known shortfall names a fixture', () => {
  expect(entries.length).toBeGreaterThanOrEqual(40);
  expect(Object.keys(KNOWN_SHORTFALLS).filter((entry) => !entries.includes(entry))).toEqual([]);
});
