// The decision checklist and the equivalent configuration, computed for workloads of real templates.
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { resolveConfig } from '../../../src/core/config.js';
import { workloadComparison, type Overrides } from '../../../src/core/cost/comparison.js';
import { decide, type DecideOptions } from '../../../src/core/cost/decision.js';
import { equivalents, fargateEquivalent, kubernetesCpu, kubernetesMemory, lambdaEquivalent } from '../../../src/core/cost/equivalent.js';
import { emptyUsage, parseUsageFile, type UsageFile } from '../../../src/core/cost/usage-file.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { appRunnerInstance } from '../../../src/core/cost/platforms/app-runner.js';
import { ec2Options } from '../../../src/core/cost/platforms/ec2-capacity.js';
import { ecsEc2Cost } from '../../../src/core/cost/platforms/ecs-ec2.js';
import { fargateCost } from '../../../src/core/cost/platforms/ecs-fargate.js';
import { eksEc2Cost } from '../../../src/core/cost/platforms/eks-ec2.js';
import { podSize } from '../../../src/core/cost/platforms/eks-fargate.js';
import { managedInstancesCost } from '../../../src/core/cost/platforms/lambda-managed.js';
import { analyzeText } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const settings = resolveCostSettings({});
/** Every platform beyond Lambda and Fargate, named (never the defaults). */
const ALL = ['ecs-ec2', 'eks-fargate', 'eks-ec2', 'ecs-express', 'ecs-fargate-spot', 'lambda-managed', 'app-runner'];

function functionCase(
  template: string,
  id: string,
  {
    overrides = {},
    options = {},
    usage = emptyUsage(),
    uri = 'file:///t/template.yaml',
  }: { overrides?: Overrides; options?: DecideOptions; usage?: UsageFile; uri?: string } = {},
) {
  const model = analyzeText({ uri, text: template }, config).model!;
  const fn = model.functions.find((f) => f.id === id)!;
  const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', usage, settings);
  const data = workloadComparison(estimate, overrides, {});
  return { fn, data, decision: decide({ fn }, data.scenario, data.report, { assumptions: estimate.assumptions, ...options }) };
}

function taskCase(text: string, overrides: Overrides = {}, options: DecideOptions = {}) {
  const task = analyzeText({ uri: 'file:///t/taskdef.json', text }, config).model!.taskDefinitions[0]!;
  const estimate = estimateWorkload({ kind: 'ecs-task', task, service: undefined }, 'taskdef.json', emptyUsage(), settings)!;
  const data = workloadComparison(estimate, overrides, {});
  return { task, data, decision: decide({ task }, data.scenario, data.report, options) };
}

/** A value down a path of parsed YAML (undefined where the path does not lead: the assertion fails). */
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined), value);

/** The line (0-based) of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

const WORKER = `Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: w.h
      Timeout: 60
      Events:
        Queue:
          Type: SQS
          Properties: {Queue: !GetAtt Jobs.Arn}
  Batch:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: java21
      Handler: b.B::h
      Timeout: 1000
`;

describe('the decision checklist', () => {
  test('an event-driven worker: answers with evidence on the template lines', () => {
    const { decision } = functionCase(WORKER, 'Worker');
    expect(decision.items).toHaveLength(9);
    const [duration, bursty, , volume] = decision.items;
    expect(duration).toMatchObject({ lean: 'either', answer: expect.stringMatching(/^Yes: the timeout is 60 s/), at: { line: 9 } });
    expect(bursty).toMatchObject({ lean: 'lambda', answer: expect.stringContaining('Event-driven: SQS Queue'), at: { line: 11 } });
    expect(volume).toMatchObject({
      lean: 'lambda',
      answer: expect.stringMatching(/^1M requests\/month with no front door: Lambda is cheaper here\. Fargate is cheaper from about [\d.]+M requests\/month/),
    });
    expect(decision.recommendation.reasons.join(' ')).toContain('event-driven');
    expect(decision.coldStart.lambda).toMatch(/^python3\.13: about 86 ms of INIT/);
    expect(decision.coldStart.fargate).toMatch(/30-60 s/);
  });

  test('work over 15 minutes: containers, whatever the price', () => {
    const { decision } = functionCase(WORKER, 'Batch');
    expect(decision.items[0]).toMatchObject({ lean: 'containers', answer: expect.stringContaining('the timeout is 1000 s') });
    expect(decision.recommendation.side).toBe('fargate');
    expect(decision.coldStart.lambda).toContain('SnapStart');
  });

  test('long-running: over 15 minutes rules out Lambda and Managed Instances, said at the timeout line', () => {
    const { decision, data } = functionCase(WORKER, 'Batch', { overrides: { platforms: ALL } });
    expect(decision.items[0]).toMatchObject({ lean: 'containers', at: { line: lineOf(WORKER, 'Timeout: 1000') } });
    const { platform, ruledOut } = decision.recommendation;
    expect(platform).not.toBeNull();
    expect(['lambda', 'lambda-managed']).not.toContain(platform!.id);
    // The pick is the cheapest of the rest; Lambda, cheaper here at 1M requests, is ruled out with the reason.
    const fitting = data.platforms.filter((p) => !['lambda', 'lambda-managed', 'ecs-fargate-spot'].includes(p.id));
    expect(platform!.monthlyUsd).toBe(Math.min(...fitting.map((p) => p.monthlyUsd)));
    expect(data.report.lambda.monthlyUsd).toBeLessThan(platform!.monthlyUsd);
    expect(ruledOut.find((p) => p.id === 'lambda')?.reason).toMatch(/stops a request at 900 s; this work can take 1000 s/);
  });

  test('a timeout near 15 minutes leans to containers', () => {
    const near = WORKER.replace('Timeout: 60', 'Timeout: 800');
    const { decision } = functionCase(near, 'Worker');
    expect(decision.items[0]).toMatchObject({ lean: 'containers', answer: expect.stringMatching(/^Only just: the timeout is 800 s/), at: { line: 9 } });
  });

  test('a container service is long-running: the task definition is the evidence', () => {
    const { decision, task } = taskCase(TASKDEF);
    expect(decision.items[0]).toMatchObject({
      answer: expect.stringContaining('web is a container service: it runs all the time'),
      at: { line: task.loc.range.start.line },
    });
  });

  test('WebSockets: long-lived connections lean to containers, and Fargate Spot is ruled out', () => {
    const sls = `service: chat
provider:
  name: aws
  runtime: nodejs20.x
functions:
  connect:
    handler: h.connect
    events:
      - websocket: $connect
`;
    const { decision } = functionCase(sls, 'connect', { uri: 'file:///t/serverless.yml', overrides: { platforms: ['ecs-fargate-spot'] } });
    const connections = decision.items[4]!;
    expect(connections).toMatchObject({ lean: 'containers', answer: expect.stringMatching(/^A WebSocket API/), at: { line: lineOf(sls, '- websocket') } });
    const spot = decision.items[7]!;
    expect(spot).toMatchObject({ lean: 'either', answer: expect.stringContaining('WebSocket connections'), at: { line: lineOf(sls, '- websocket') } });
    expect(decision.recommendation.platform!.id).not.toBe('ecs-fargate-spot');
  });

  test('a GPU task: ECS on EC2 or EKS on EC2, the others ruled out at the GPU requirement', () => {
    const { decision, data } = taskCase(GPU_TASKDEF, { platforms: ['ecs-ec2', 'eks-fargate', 'eks-ec2', 'ecs-fargate-spot'], requestsPerMonth: 100_000 });
    const gpu = decision.items[5]!;
    expect(gpu).toMatchObject({
      lean: 'containers',
      answer: expect.stringContaining('container trainer requests a GPU'),
      at: { line: lineOf(GPU_TASKDEF, '"GPU"') },
    });
    expect(['ecs-ec2', 'eks-ec2']).toContain(decision.recommendation.platform!.id);
    expect(['ecs-ec2', 'eks-ec2']).toContain(decision.recommendation.runnerUp!.id);
    // Every platform without GPUs is ruled out with why; the reasons name the cheaper ones.
    const others = data.platforms.filter((p) => !['ecs-ec2', 'eks-ec2'].includes(p.id));
    expect(decision.recommendation.ruledOut.map((p) => p.id).sort()).toEqual(others.map((p) => p.id).sort());
    for (const p of decision.recommendation.ruledOut) expect(p.reason).toMatch(/has no GPUs \(container trainer requests one\)/);
    const cheaper = others.filter((p) => p.monthlyUsd < decision.recommendation.platform!.monthlyUsd);
    expect(cheaper.length).toBeGreaterThan(0);
    for (const p of cheaper)
      expect(decision.recommendation.reasons).toContain(
        `Not ${p.label}: ${p.label} has no GPUs (container trainer requests one): only ECS on EC2 or EKS on EC2 with GPU instances run it.`,
      );
    expect(decision.recommendation.side).toBe('fargate');
  });

  test('a GPU task with no EC2 platform compared: none is picked, and the reasons say which to turn on', () => {
    const { decision } = taskCase(GPU_TASKDEF, { platforms: ['eks-fargate'] });
    expect(decision.recommendation.platform).toBeNull();
    expect(decision.recommendation.reasons.join(' ')).toContain('turn on ECS on EC2 or EKS on EC2');
  });

  test('a figure that is a lower bound is never named: a GPU task no catalogue type holds', () => {
    // 4 vCPU / 16 GB: no instance type of the catalogue holds it after the memory ECS keeps, so ECS on EC2 and EKS on EC2 leave the instances out.
    const big = GPU_TASKDEF.replace('"cpu": "2048"', '"cpu": "4096"').replace('"memory": "8192"', '"memory": "16384"');
    const { decision, data } = taskCase(big, { platforms: ['ecs-ec2', 'eks-ec2'] });
    expect(data.report.platforms['ecs-ec2']!.incomplete).toBe(true);
    expect(decision.recommendation.platform).toBeNull();
    expect(decision.recommendation.ruledOut.find((p) => p.id === 'ecs-ec2')?.reason).toMatch(/^its figure is a lower bound/);
  });

  test('an arm64-only image: not EKS on Fargate (x86_64 pods only)', () => {
    const arm = TASKDEF.replace('"networkMode"', '"runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"},\n  "networkMode"');
    const { decision, data } = taskCase(arm, { platforms: ['eks-fargate'] });
    expect(data.platforms.map((p) => p.id)).toContain('eks-fargate');
    expect(decision.recommendation.ruledOut.find((p) => p.id === 'eks-fargate')?.reason).toBe(
      'EKS on Fargate runs x86_64 pods only, and the image is declared arm64.',
    );
    expect([decision.recommendation.platform!.id, decision.recommendation.runnerUp!.id]).not.toContain('eks-fargate');
    // The same task without the declared architecture: EKS on Fargate is weighed.
    expect(taskCase(TASKDEF, { platforms: ['eks-fargate'] }).decision.recommendation.ruledOut.map((p) => p.id)).not.toContain('eks-fargate');
  });

  test('teamRunsKubernetes: EKS is weighed without its cluster fee, and can overtake', () => {
    // At 100M requests/month of a 2 GB function, EKS on EC2 costs more than Lambda with its cluster fee and less without it.
    const base = { overrides: { platforms: ['eks-ec2'], requestsPerMonth: 100e6 } };
    const without = functionCase(MEMORY_2GB, 'Api', base);
    const withK8s = functionCase(MEMORY_2GB, 'Api', { ...base, options: { teamRunsKubernetes: true } });
    const eks = withK8s.data.platforms.find((p) => p.id === 'eks-ec2')!;
    const lambda = withK8s.data.report.lambda.monthlyUsd;
    // The cluster fee: 730 h x $0.10 (us-east-1, standard support) = $73.00 a month, one cluster for this service.
    const fee = 730 * 0.1;
    expect(eks.monthlyUsd).toBeGreaterThan(lambda);
    expect(eks.monthlyUsd - fee).toBeLessThan(lambda);
    expect(without.decision.recommendation.runnerUp!.id).toBe('lambda');
    expect(withK8s.decision.recommendation.runnerUp).toMatchObject({ id: 'eks-ec2', monthlyUsd: eks.monthlyUsd });
    expect(withK8s.decision.recommendation.runnerUp!.weighedUsd).toBeCloseTo(eks.monthlyUsd - fee, 6);
    expect(withK8s.decision.items[6]).toMatchObject({ lean: 'containers', answer: expect.stringContaining('EKS is weighed without its cluster fee') });
    expect(without.decision.items[6]).toMatchObject({ lean: 'unknown', answer: expect.stringContaining('set crossover.teamRunsKubernetes') });
    expect(withK8s.decision.recommendation.reasons.join(' ')).toContain('Your team runs Kubernetes');
  });

  test('steady traffic from the usage file: a flat profile leans to containers and says where it comes from', () => {
    const usage = parseUsageFile(
      'crossover.usage.yml',
      `resources:\n  Api:\n    requestsPerMonth: 50000000\n    dailyProfile: [${Array(24).fill(1).join(', ')}]\n`,
    );
    const { decision } = functionCase(MEMORY_2GB, 'Api', { usage });
    expect(decision.items[1]).toMatchObject({
      lean: 'containers',
      answer: expect.stringContaining("the usage file's 24-hour profile peaks at 1.0x the average"),
    });
    expect(decision.items[1]!.answer).toContain('steady');
  });

  test('bursty traffic: a high peak leans to Lambda', () => {
    const { decision } = functionCase(MEMORY_2GB, 'Api');
    // The default day: 6 busy hours at 3x the average.
    expect(decision.items[1]).toMatchObject({
      lean: 'lambda',
      answer: expect.stringContaining('6 busy hours at 3.0x the average (peak-to-average 3): bursty'),
    });
  });

  test('Fargate Spot: a short queue worker suits it (the queue retries); a long single task does not', () => {
    const worker = functionCase(WORKER, 'Worker').decision.items[7]!;
    expect(worker).toMatchObject({ lean: 'containers', answer: expect.stringMatching(/^Likely: .*SQS Queue retries/), at: { line: 11 } });
    const batch = functionCase(WORKER, 'Batch', { overrides: { platforms: ['ecs-fargate-spot'] } });
    expect(batch.decision.items[7]).toMatchObject({
      lean: 'either',
      answer: expect.stringMatching(/^No: a request can take 1000 s \(the timeout is 1000 s\)/),
      at: { line: lineOf(WORKER, 'Timeout: 1000') },
    });
    // Spot is the cheapest container platform here, so it is named among the ruled out.
    expect(batch.decision.recommendation.platform!.id).toBe('ecs-fargate');
    expect(batch.decision.recommendation.ruledOut.find((p) => p.id === 'ecs-fargate-spot')?.reason).toMatch(/two|2 minutes' notice/);
  });
});

const MEMORY_2GB = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: a.h
      MemorySize: 2048
      Events:
        Get: {Type: HttpApi}
`;

const TASKDEF = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [{ "name": "app", "image": "nginx", "essential": true }]
}`;

const GPU_TASKDEF = `{
  "family": "train",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "awsvpc",
  "cpu": "2048",
  "memory": "8192",
  "containerDefinitions": [
    {
      "name": "trainer",
      "image": "trainer",
      "essential": true,
      "resourceRequirements": [{ "type": "GPU", "value": "1" }]
    }
  ]
}`;

describe('the equivalent configuration', () => {
  test('a function as a Fargate task definition and service: a valid task size that Crossover itself accepts', () => {
    const { fn, data } = functionCase(WORKER, 'Worker');
    const equivalent = fargateEquivalent(fn, data.scenario, data.report);
    const result = analyzeText({ uri: 'file:///t/fargate.yaml', text: equivalent.content }, config);
    expect(result.format).toBe('cloudformation');
    expect(result.model!.taskDefinitions).toHaveLength(1);
    expect(result.model!.services[0]!.desiredCount.value).toBe(data.report.fargate.tasks);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a task definition as a SAM function with memory in range', () => {
    const taskdef = JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '1024',
      memory: '2048',
      containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
    });
    const task = analyzeText({ uri: 'file:///t/taskdef.json', text: taskdef }, config).model!.taskDefinitions[0]!;
    const estimate = estimateWorkload({ kind: 'ecs-task', task: task, service: undefined }, 'taskdef.json', emptyUsage(), settings)!;
    const equivalent = lambdaEquivalent(task, workloadComparison(estimate, {}, {}).scenario);
    const result = analyzeText({ uri: 'file:///t/function.yaml', text: equivalent.content }, config);
    expect(result.format).toBe('sam');
    expect(result.model!.functions[0]!.memoryMb.value).toBe(estimate.scenario.lambda.memoryMb);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the equivalent configuration on every platform', () => {
  test("one per costed platform but the function's own, each valid YAML with the sizes the comparison uses", () => {
    const { fn, data } = functionCase(MEMORY_2GB, 'Api', { overrides: { platforms: ALL, requestsPerMonth: 30e6, appRunnerCustomer: true } });
    const s = data.scenario;
    const prices = priceBook(s.region);
    const all = equivalents({ fn }, s, data.report);
    expect(Object.keys(all)).toEqual(data.platforms.map((p) => p.id).filter((id) => id !== 'lambda'));
    const docs = (id: string) => parseAllDocuments(all[id]!.content).map((d) => d.toJS());
    for (const id of Object.keys(all)) for (const d of parseAllDocuments(all[id]!.content)) expect(d.errors, id).toEqual([]);
    const resources = (id: string) =>
      Object.values((docs(id)[0] as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources);
    const ofType = (id: string, type: string) => resources(id).find((r) => r.Type === type)!.Properties;
    const fargate = fargateCost(s, prices);

    // ECS on EC2: the task's reservations, the model's instance type, its min and busiest-hour counts, the target capacity.
    const nodes = ecsEc2Cost(s, prices);
    const o = ec2Options(s);
    expect(ofType('ecs-ec2', 'AWS::ECS::TaskDefinition')).toMatchObject({
      RequiresCompatibilities: ['EC2'],
      Cpu: String(s.fargate.vcpu * 1024),
      Memory: String(s.fargate.memoryGb * 1024),
    });
    expect(get(ofType('ecs-ec2', 'AWS::EC2::LaunchTemplate'), 'LaunchTemplateData', 'InstanceType')).toBe(nodes.instanceType);
    expect(ofType('ecs-ec2', 'AWS::AutoScaling::AutoScalingGroup')).toMatchObject({
      MinSize: String(o.minInstances),
      MaxSize: String(Math.max(o.minInstances, nodes.instances)),
    });
    expect(get(ofType('ecs-ec2', 'AWS::ECS::CapacityProvider'), 'AutoScalingGroupProvider', 'ManagedScaling', 'TargetCapacity')).toBe(o.targetCapacity * 100);
    expect(ofType('ecs-ec2', 'AWS::ECS::Service')).toMatchObject({ DesiredCount: data.report.fargate.tasks, CapacityProviderStrategy: [{ Weight: 1 }] });

    // EKS on Fargate: requests = limits = the task before the 256 MB rounding; the comment says what Fargate bills.
    const [deployment, service, hpa] = docs('eks-fargate');
    const container = get(deployment, 'spec', 'template', 'spec', 'containers', 0);
    expect(get(container, 'resources', 'requests')).toEqual({ cpu: kubernetesCpu(s.fargate.vcpu), memory: kubernetesMemory(s.fargate.memoryGb) });
    expect(get(container, 'resources', 'limits')).toEqual(get(container, 'resources', 'requests'));
    expect(get(deployment, 'spec', 'replicas')).toBe(fargate.tasks);
    expect(get(service, 'kind')).toBe('Service');
    expect(hpa).toMatchObject({ kind: 'HorizontalPodAutoscaler', spec: { minReplicas: fargate.fewestTasks, maxReplicas: fargate.tasks } });
    const pod = podSize(s);
    expect(all['eks-fargate']!.content).toContain(`Fargate bills each pod at ${pod.vcpu} vCPU / ${pod.memoryGb} GB`);

    // EKS on EC2: the same manifests and the node group of the model's type and counts.
    const eksNodes = eksEc2Cost(s, prices);
    const nodegroup = Object.values(get(docs('eks-ec2')[3], 'Resources') as Record<string, unknown>)[0];
    expect(nodegroup).toMatchObject({
      Type: 'AWS::EKS::Nodegroup',
      Properties: { InstanceTypes: [eksNodes.instanceType], ScalingConfig: { MaxSize: Math.max(o.minInstances, eksNodes.instances) } },
    });

    // Express Mode: cpu / memory, min / max tasks, the target utilisation.
    expect(ofType('ecs-express', 'AWS::ECS::ExpressGatewayService')).toMatchObject({
      Cpu: String(fargate.vcpu * 1024),
      Memory: String(fargate.memoryGb * 1024),
      ScalingTarget: { MinTaskCount: fargate.fewestTasks, MaxTaskCount: fargate.tasks, AutoScalingTargetValue: s.fargate.targetUtilization * 100 },
    });

    // Fargate Spot: every task on FARGATE_SPOT, as the module prices it.
    expect(ofType('ecs-fargate-spot', 'AWS::ECS::Service')).toMatchObject({
      DesiredCount: fargate.tasks,
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
    });

    // Managed Instances: the function's memory, the model's type, its memory:vCPU ratio.
    const managed = managedInstancesCost(s, prices);
    expect(get(ofType('lambda-managed', 'AWS::Lambda::CapacityProvider'), 'InstanceRequirements', 'AllowedInstanceTypes')).toEqual([managed.instanceType]);
    expect(ofType('lambda-managed', 'AWS::Lambda::Function')).toMatchObject({
      MemorySize: s.lambda.memoryMb,
      CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { ExecutionEnvironmentMemoryGiBPerVCpu: o.managedMemoryGibPerVcpu } },
    });

    // App Runner: the instance size the model rounds to.
    const size = appRunnerInstance(s);
    expect(get(ofType('app-runner', 'AWS::AppRunner::Service'), 'InstanceConfiguration')).toEqual({ Cpu: `${size.vcpu} vCPU`, Memory: `${size.memoryGb} GB` });
  });

  test('the CloudFormation equivalents are read by Crossover itself without errors', () => {
    const { fn, data } = functionCase(MEMORY_2GB, 'Api', { overrides: { platforms: ['ecs-ec2', 'ecs-fargate-spot'] } });
    const all = equivalents({ fn }, data.scenario, data.report);
    for (const id of ['ecs-ec2', 'ecs-fargate-spot']) {
      const result = analyzeText({ uri: `file:///t/${id}.yaml`, text: all[id]!.content }, config);
      expect(result.model!.taskDefinitions, id).toHaveLength(1);
      expect(
        result.findings.filter((f) => f.severity === 'error'),
        id,
      ).toEqual([]);
    }
  });

  test('a task definition: Lambda and Fargate among them; App Runner only when costed', () => {
    const { task, data } = taskCase(TASKDEF, { platforms: ['eks-fargate', 'app-runner'] });
    const all = equivalents({ task }, data.scenario, data.report);
    // App Runner is named but not costed (not an existing customer): no App Runner service to open.
    expect(Object.keys(all)).toEqual(['lambda', 'ecs-fargate', 'eks-fargate']);
    expect(parse(all['lambda']!.content).Resources.webFunction.Properties.MemorySize).toBe(data.scenario.lambda.memoryMb);
  });
});
