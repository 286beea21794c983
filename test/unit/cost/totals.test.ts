// Lambda's always-free tier (1M requests and 400,000 GB-s a month) is one per account: the workspace total
// subtracts it once, never each function.
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../src/core/engine.js';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { asWritten, countedWorkloads, workspaceTotal, workspaceTotalSteps } from '../../../src/core/cost/totals.js';
import { capacitySummary, workloadSummary } from '../../../src/core/cost/comparison.js';
import { summaryCell, summaryTotal } from '../../../src/core/present/view.js';
import { statusText } from '../../../src/core/present/cost.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { templateCosts } from '../../../src/core/cost/workloads.js';
import { priceBook } from '../../../src/core/cost/price-book.js';

const fn = (name: string) => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      MemorySize: 1024
      Architectures: [x86_64]
`;
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31\nResources:\n${fn('A')}${fn('B')}${fn('C')}`;
const USAGE = 'defaults:\n  requestsPerMonth: 1000000\n  averageDurationMs: 100\n';

describe('the free tier, once per account', () => {
  const model = analyzeText({ uri: 'file:///t/template.yaml', text: TEMPLATE }, resolveConfig({})).model!;
  const usage = parseUsageFile('crossover.usage.yml', USAGE);
  const costs = (freeTier: boolean) => templateCosts(model, 'template.yaml', usage, resolveCostSettings({ freeTier })).functions.map((f) => f.estimate);

  test('no function subtracts it on its own', () => {
    for (const e of costs(true)) expect(e.typical.lambda.breakdown.freeTierCredit).toBe(0);
  });

  test('the workspace total subtracts 1M requests and 400,000 GB-s once', () => {
    // Each function: 1M requests x $0.20/M = $0.20; 1M x 0.1 s x 1 GB = 100,000 GB-s x $0.0000166667 = $1.66667.
    // Three functions: $0.60 + $5.00 = $5.60 a month. The account's free tier covers the first 1M requests ($0.20)
    // and, here, all 300,000 GB-s ($5.00): the bill is $0.40. Subtracted per function it would have been $0.00.
    const estimates = costs(true);
    const sum = estimates.reduce((a, e) => a + e.typical.lambda.monthlyUsd, 0);
    expect(sum).toBeCloseTo(5.6, 4);
    const total = workspaceTotal(estimates, true);
    expect(total.freeTierCredit).toBeCloseTo(-(0.2 + 300_000 * 0.0000166667), 6);
    expect(total.lambda).toBeCloseTo(0.4, 4);
    expect(total.functions).toBe(3);
    // Off: nothing subtracted.
    expect(workspaceTotal(costs(false), false).lambda).toBeCloseTo(5.6, 4);
  });
});

// What the workspace costs as written: each workload on the platform its template deploys it to, counted once, and
// apart from it what moving the workloads with given traffic would save. Prices (us-east-1, data/pricing/prices.json):
// Lambda $0.20 per 1M requests and $0.0000166667 per GB-s (x86_64); Fargate $0.04048 per vCPU-hour and $0.004445 per
// GB-hour (x86_64); a public IPv4 address $0.005 an hour; m7g.large $0.0816 an hour; the EKS cluster $0.10 an hour.
const MIXED = `Transform: AWS::Serverless-2016-10-31
Resources:
${fn('Api')}${fn('Worker')}  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: web
          Image: nginx
  WebService:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref WebTask
      LaunchType: FARGATE
      DesiredCount: 2
  BatchTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ContainerDefinitions:
        - Name: batch
          Image: busybox
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: arn:aws:iam::123456789012:role/nodes
      Subnets: [subnet-1, subnet-2]
      InstanceTypes: [m7g.large]
      ScalingConfig:
        DesiredSize: 3
`;
// Traffic for Api and WebService only: Worker and BatchTask run on assumed traffic.
const GIVEN =
  'resources:\n  Api:\n    requestsPerMonth: 1000000\n    averageDurationMs: 100\n  WebService:\n    requestsPerMonth: 1000000\n    averageDurationMs: 100\n';

describe('the workspace as written', () => {
  const model = analyzeText({ uri: 'file:///t/template.yaml', text: MIXED }, resolveConfig({})).model!;
  const usage = parseUsageFile('crossover.usage.yml', GIVEN);
  const costsOf = (freeTier = false) => templateCosts(model, 'template.yaml', usage, resolveCostSettings({ freeTier }));
  // Each function on Lambda, 1M requests of 100 ms at 1 GB: $0.20 + 100,000 GB-s x $0.0000166667 = $1.86667.
  const FUNCTION = 0.2 + 100_000 * 0.0000166667;
  // WebService: 2 tasks x 730 h x (0.25 x $0.04048 + 0.5 x $0.004445) = $18.02005, + 2 public IPv4 x 730 h x $0.005 = $7.30.
  const SERVICE = 2 * 730 * (0.25 * 0.04048 + 0.5 * 0.004445) + 2 * 730 * 0.005;
  // BatchTask alone (no service runs it): 1 task, half of that.
  const BATCH = SERVICE / 2;
  // Nodes: 3 x 730 h x $0.0816 = $178.704, + the cluster fee 730 h x $0.10 = $73 (its only node group).
  const NODES = 3 * 730 * 0.0816 + 730 * 0.1;

  test('a service and the task definition it runs are one row; a task definition alone is its own; node groups at their own cost', () => {
    const costs = costsOf();
    // templateCosts lists WebTask and WebService each (the lens of each): counted, they are one.
    expect(costs.tasks.map((t) => t.node.id)).toEqual(['WebTask', 'WebService', 'BatchTask']);
    const counted = countedWorkloads(costs);
    expect(counted.map((w) => [w.id, w.kind, w.runsOn.platform])).toEqual([
      ['Api', 'lambda-function', 'lambda'],
      ['Worker', 'lambda-function', 'lambda'],
      ['WebService', 'ecs-service', 'ecs-fargate'],
      ['BatchTask', 'ecs-task-definition', 'ecs-fargate'],
      ['Nodes', 'eks-nodegroup', 'eks-ec2'],
    ]);
  });

  test('the as-written total, by hand, and its split by platform', () => {
    const total = workspaceTotal(countedWorkloads(costsOf()), false);
    expect(asWritten(countedWorkloads(costsOf())[2]!).homeUsd).toBeCloseTo(SERVICE, 4);
    expect(total.asWritten).toBeCloseTo(2 * FUNCTION + SERVICE + BATCH + NODES, 4);
    expect(total.workloads).toBe(5);
    expect(total.byPlatform.map((p) => [p.id, p.workloads])).toEqual([
      ['lambda', 2],
      ['ecs-fargate', 2],
      ['eks-ec2', 1],
    ]);
    expect(total.byPlatform.find((p) => p.id === 'ecs-fargate')!.usd).toBeCloseTo(SERVICE + BATCH, 4);
    expect(total.byPlatform.find((p) => p.id === 'eks-ec2')!.usd).toBeCloseTo(NODES, 4);
  });

  test('savings only where the usage file gives traffic', () => {
    const total = workspaceTotal(countedWorkloads(costsOf()), false);
    // WebService (given): cheapest is Lambda at the same 1M requests, $1.86667: saves $25.32005 - $1.86667 = $23.45338.
    // BatchTask is as cheap on Lambda, but its traffic is assumed: counted, not saved. Api is on its cheapest already.
    expect(total.saving).toBeCloseTo(SERVICE - FUNCTION, 4);
    expect(total.candidates).toBe(1);
    expect(total.assumed).toBe(2);
    const batch = asWritten(countedWorkloads(costsOf())[3]!);
    expect(batch.cheapest?.id).toBe('lambda');
    expect(batch.traffic).toBe('assumed');
    expect(batch.savingUsd).toBe(0);
  });

  test('the free tier, once, from the functions on Lambda only', () => {
    const total = workspaceTotal(countedWorkloads(costsOf(true)), true);
    // Two functions on Lambda: 2M requests, 200,000 GB-s; the free tier covers 1M requests ($0.20) and all the GB-s ($3.33334).
    expect(total.freeTierCredit).toBeCloseTo(-(0.2 + 200_000 * 0.0000166667), 5);
    expect(total.asWritten).toBeCloseTo(2 * FUNCTION + SERVICE + BATCH + NODES + total.freeTierCredit, 4);
  });

  test('the summary totals equal the status bar: the same as-written figure and savings', () => {
    for (const freeTier of [false, true]) {
      const counted = countedWorkloads(costsOf(freeTier));
      const total = workspaceTotal(counted, freeTier);
      const rows = counted.map((w) =>
        w.estimate
          ? workloadSummary(w.estimate, { ...(w.kind === 'lambda-function' ? { fn: model.functions.find((f) => f.id === w.id)! } : {}) })
          : capacitySummary(w),
      );
      expect(rows).toHaveLength(5);
      const line = summaryTotal(rows, total.freeTierCredit);
      const status = statusText(total);
      const figure = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];
      expect(figure(status, /\$\(graph\) (\$[\d,.]+)\/mo as written/)).toBeDefined();
      expect(figure(line, /as written: (\$[\d,.]+)\/mo/)).toBe(figure(status, /\$\(graph\) (\$[\d,.]+)\/mo as written/));
      expect(figure(line, /would save about (\$[\d,.]+)\/mo/)).toBe(figure(status, /save ~(\$[\d,.]+)/));
      expect(rows.reduce((s, r) => s + r.homeUsd, 0) + total.freeTierCredit).toBeCloseTo(total.asWritten, 6);
      // The recommendation is said only where the traffic is given.
      expect(rows.map((r) => summaryCell(r, 'recommendation'))).toEqual(['Lambda', 'assumed', 'Lambda', 'assumed', 'capacity']);
    }
  });
});

describe('the total a step at a time (the status bar computes it in slices)', () => {
  test('the same total as in one go, with a step every 50 workloads (the free tier summed as they are added, not in a last step over all)', () => {
    const functions = Array.from({ length: 450 }, (_, i) => fn(`Fn${i}`)).join('');
    const model = analyzeText({ uri: 'file:///t/big.yaml', text: `Transform: AWS::Serverless-2016-10-31\nResources:\n${functions}` }, resolveConfig({})).model!;
    const usage = parseUsageFile('crossover.usage.yml', USAGE);
    const estimates = templateCosts(model, 'big.yaml', usage, resolveCostSettings({ freeTier: true })).functions.map((f) => f.estimate);
    expect(estimates).toHaveLength(450);
    const steps = workspaceTotalSteps(estimates, true);
    let yielded = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yielded++;
    expect(yielded).toBe(9);
    expect(step.value).toEqual(workspaceTotal(estimates, true));
    expect(step.value.workloads).toBe(450);
    expect(step.value.freeTierCredit).toBeLessThan(0);
    // The credit to the digit, as a sum over the estimates in their order: the free 1M requests and 400,000 GB-s
    // shared in proportion to each part's use (all 450 functions run on Lambda: the same credit in both columns).
    const prices = priceBook('us-east-1');
    let requests = 0;
    let requestUsd = 0;
    let gbSeconds = 0;
    let durationUsd = 0;
    for (const e of estimates) {
      requests += e.typical.requestsPerMonth;
      requestUsd += (e.typical.requestsPerMonth * prices.number('lambda.requestPerMillion')) / 1e6;
      gbSeconds += e.typical.lambda.gbSeconds;
      durationUsd += e.typical.lambda.gbSeconds * prices.number('lambda.durationPerGbSecond.x86_64');
    }
    const credit = (Math.min(requests, 1e6) / requests) * requestUsd + (Math.min(gbSeconds, 400_000) / gbSeconds) * durationUsd;
    expect(step.value.freeTierCredit).toBe(-credit);
    expect(step.value.lambdaFreeTierCredit).toBe(-credit);
  });
});

describe('the free tier over workloads in several regions and architectures', () => {
  test("each workload's requests and GB-s are priced at its own region's and architecture's first tier", () => {
    const figures = (region: string, architecture: 'x86_64' | 'arm64', requests: number, gbSeconds: number) => ({
      home: { id: 'lambda', label: 'Lambda' },
      homeUsd: 10,
      savingUsd: 0,
      estimated: { lambdaUsd: 10, fargateUsd: 20, others: [], assumed: false, freeTier: { region, architecture, requests, gbSeconds, onLambda: true } },
    });
    const workloads = [
      figures('us-east-1', 'x86_64', 600_000, 300_000),
      figures('eu-west-1', 'arm64', 900_000, 500_000),
      figures('us-east-1', 'arm64', 100_000, 50_000),
    ];
    const us = priceBook('us-east-1');
    const eu = priceBook('eu-west-1');
    const requestUsd =
      (600_000 * us.number('lambda.requestPerMillion') + 900_000 * eu.number('lambda.requestPerMillion') + 100_000 * us.number('lambda.requestPerMillion')) /
      1e6;
    const durationUsd =
      300_000 * us.number('lambda.durationPerGbSecond.x86_64') +
      500_000 * eu.number('lambda.durationPerGbSecond.arm64') +
      50_000 * us.number('lambda.durationPerGbSecond.arm64');
    // The account's free requests and GB-s (those of the first workload's region), shared in proportion.
    const credit = (1_000_000 / 1_600_000) * requestUsd + (400_000 / 850_000) * durationUsd;
    const total = workspaceTotal(workloads, true);
    expect(total.freeTierCredit).toBeCloseTo(-credit, 9);
    expect(total.asWritten).toBeCloseTo(30 - credit, 9);
  });
});
