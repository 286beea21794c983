// The platforms on EC2 capacity (ECS on EC2, EKS on EC2 nodes, Lambda Managed Instances): dollars worked out by hand
// from the prices file in two regions, a region without the instance price, the packing, the curve against cost()
// and the verdict against Lambda at random volumes of random workloads.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../src/cli/main.js';
import { compare } from '../../../src/core/cost/estimate.js';
import { crossovers, verdictRanges } from '../../../src/core/cost/crossover.js';
import { type Scenario } from '../../../src/core/cost/model.js';
import { eksPacking, ecsPacking, defaultEc2Options, instanceType, unitsPerInstance, eksReservedVcpu } from '../../../src/core/cost/platforms/ec2-capacity.js';
import { ecsEc2Cost } from '../../../src/core/cost/platforms/ecs-ec2.js';
import { eksEc2Cost } from '../../../src/core/cost/platforms/eks-ec2.js';
import { ecsEc2Platform, eksEc2Platform, lambdaManagedPlatform, lambdaPlatform, type Platform } from '../../../src/core/cost/platforms/index.js';
import { lambdaCost } from '../../../src/core/cost/platforms/lambda.js';
import { managedEnvironment, managedInstancesCost } from '../../../src/core/cost/platforms/lambda-managed.js';
import { defaultManagedOptions } from '../../../src/core/cost/platforms/fargate-like.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { scenario } from '../../support/scenario.js';
import { logVolume, randomScenario, rangeAt, seeded } from '../../support/random-scenario.js';

const US = priceBook('us-east-1');
const LONDON = priceBook('eu-west-2');
const part = (c: { parts: { key: string; usd: number }[] }, key: string) => c.parts.find((p) => p.key === key)?.usd;

// 950 requests/s of 100 ms on a flat day (busy hours 24): 95 concurrent requests all month.
// 950 x 2,628,000 s a month = 2,496,600,000 requests.
const BUSY = 950 * 2_628_000;
// The ALB at 950 requests/s: LCUs = max(950 / 25 new connections, 95 / 3,000 active, 950 x 3,600 x 4 KB / 1,048,576 = 13.05 GB/h) = 38.
const LCU = 38;

describe('ECS on EC2', () => {
  // The scenario's task: 1 vCPU / 2 GB x86_64, 10 concurrent requests each, at least 2, ALB, public subnets.
  // 95 concurrent requests = 9.5 tasks -> 10 tasks.
  // Default type: the cheapest m-family x86_64 type priced in the region that holds one task: m6i.large (2 vCPU /
  // 8 GiB; us-east-1 $0.096/h < m7i.large $0.1008; eu-west-2 $0.111 < $0.11655). It holds min(2 / 1 vCPU,
  // floor(8 x 0.95 / 2 GB) = 3) = 2 tasks, so 10 tasks = 5 instances (= ceil(9.5 / 2) = ceil(4.75)).
  const s = scenario({ requestsPerMonth: BUSY });

  test('us-east-1: 5 x m6i.large, their public addresses and the ALB', () => {
    const c = ecsEc2Cost(s, US);
    expect(c.instanceType).toBe('m6i.large');
    expect(c.tasksPerInstance).toBe(2);
    expect(c.instances).toBe(5);
    // 5 x 730 h x $0.096 = $350.40
    expect(part(c, 'instances')).toBeCloseTo(350.4, 6);
    // 5 instances + the ALB's 2 addresses = 7 x 730 h x $0.005 = $25.55
    expect(part(c, 'publicIpv4')).toBeCloseTo(25.55, 6);
    // 730 h x ($0.0225 + 38 LCU x $0.008) = 730 x 0.3265 = $238.345
    expect(part(c, 'loadBalancer')).toBeCloseTo(238.345, 6);
    expect(c.monthlyUsd).toBeCloseTo(350.4 + 25.55 + 238.345, 6);
    expect(c.incomplete).toBe(false);
    expect(c.catalogue).toEqual([expect.objectContaining({ key: 'ec2.onDemandHour.m6i.large', usd: 0.096, region: 'us-east-1' })]);
    expect(c.deployment.unit).toBe('m6i.large (2 vCPU / 8 GiB) instance, 2 tasks of 1 vCPU / 2 GB each');
  });

  test('eu-west-2: the same fleet at London prices', () => {
    const c = ecsEc2Cost({ ...s, region: 'eu-west-2' }, LONDON);
    expect(c.instanceType).toBe('m6i.large');
    // 5 x 730 h x $0.111 = $405.15; 7 addresses x 730 x $0.005 = $25.55; ALB 730 x ($0.02646 + 38 x $0.0084) = $252.3318
    expect(part(c, 'instances')).toBeCloseTo(405.15, 6);
    expect(part(c, 'loadBalancer')).toBeCloseTo(730 * (0.02646 + LCU * 0.0084), 6);
    expect(c.monthlyUsd).toBeCloseTo(405.15 + 25.55 + 252.3318, 6);
  });

  test('arm64 tasks go on arm64 instances; private subnets give the instances no address', () => {
    const arm = ecsEc2Cost(scenario({ requestsPerMonth: BUSY, fargate: { architecture: 'arm64', subnets: 'private' }, network: { natGateways: 0 } }), US);
    // m6g.large $0.077 < m7g.large $0.0816 (us-east-1): 5 x 730 x 0.077 = $281.05; only the ALB's 2 addresses: $7.30
    expect(arm.instanceType).toBe('m6g.large');
    expect(part(arm, 'instances')).toBeCloseTo(281.05, 6);
    expect(part(arm, 'publicIpv4')).toBeCloseTo(7.3, 6);
  });

  test('quiet traffic runs the minimum of 2 instances; a task minimum above it adds instances', () => {
    const quiet = ecsEc2Cost(scenario({ requestsPerMonth: 1_000_000 }), US);
    expect(quiet.instances).toBe(2);
    // 7 tasks at least on 2 per instance: ceil(7 / 2) = 4 instances.
    expect(ecsEc2Cost(scenario({ requestsPerMonth: 1_000_000, fargate: { minTasks: 7 } }), US).instances).toBe(4);
    expect(ecsEc2Cost({ ...scenario({ requestsPerMonth: 1_000_000 }), ec2: { minInstances: 3 } }, US).instances).toBe(3);
  });

  test('a target capacity of 50% doubles the room kept: 10 tasks on 1 task per instance = 10 instances', () => {
    expect(ecsEc2Cost({ ...s, ec2: { targetCapacity: 0.5 } }, US).instances).toBe(10);
  });

  test('a type the region has no price for is said, and its instances are not counted (no copy of another region)', () => {
    // ca-west-1 has no m7i.large in the EC2 feed of the sources.
    expect(priceBook('ca-west-1').catalogue('ec2.onDemandHour.m7i.large')).toBeUndefined();
    const c = ecsEc2Cost({ ...scenario({ region: 'ca-west-1', requestsPerMonth: BUSY }), ec2: { instanceType: 'm7i.large' } }, priceBook('ca-west-1'));
    expect(c.incomplete).toBe(true);
    expect(part(c, 'instances')).toBe(0);
    expect(c.parts.find((p) => p.key === 'instances')!.label).toMatch(/no ca-west-1 price for m7i\.large/);
    expect(c.notes.join(' ')).toMatch(/No EC2 on-demand price for m7i\.large in ca-west-1/);
    expect(c.catalogue).toEqual([]);
    // The default there is a type the region prices.
    const d = ecsEc2Cost(scenario({ region: 'ca-west-1', requestsPerMonth: BUSY }), priceBook('ca-west-1'));
    expect(d.incomplete).toBe(false);
    expect(priceBook('ca-west-1').catalogue(`ec2.onDemandHour.${d.instanceType}`)).toBeDefined();
  });

  test('a region without any EC2 price says so', () => {
    const c = ecsEc2Cost(scenario({ region: 'ap-east-2' }), priceBook('ap-east-2'));
    expect(c.instanceType).toBeNull();
    expect(c.incomplete).toBe(true);
    expect(c.notes[0]).toMatch(/no ap-east-2 EC2 price for any x86_64 type/);
  });

  test('a task larger than every catalogue type is said', () => {
    const c = ecsEc2Cost(scenario({ fargate: { vcpu: 8, memoryGb: 16 } }), US);
    expect(c.instanceType).toBeNull();
    expect(c.notes[0]).toMatch(/none of the catalogue's x86_64 types holds/);
  });
});

describe('packing', () => {
  test('ECS: vCPU or memory, whichever runs out first', () => {
    const m6i = instanceType(US, 'm6i.large')!;
    const o = defaultEc2Options();
    // 8 GiB x 0.95 = 7.6 GiB: 7 tasks of 1 GB by memory, 8 of 0.25 vCPU by CPU.
    expect(unitsPerInstance(m6i, { vcpu: 0.25, memoryGiB: 1 }, ecsPacking(o))).toBe(7);
    expect(unitsPerInstance(m6i, { vcpu: 0.25, memoryGiB: 0.5 }, ecsPacking(o))).toBe(8);
    expect(unitsPerInstance(m6i, { vcpu: 4, memoryGiB: 1 }, ecsPacking(o))).toBe(0);
  });

  test('EKS: kube-reserved CPU and memory, the eviction threshold, the DaemonSets and the pod limit', () => {
    // 2 cores: 6% of the first + 1% of the second = 0.07 vCPU; 4 cores: + 0.5% x 2 = 0.08; 8 cores: + 0.25% x 4 = 0.09.
    expect(eksReservedVcpu(2)).toBeCloseTo(0.07, 9);
    expect(eksReservedVcpu(4)).toBeCloseTo(0.08, 9);
    expect(eksReservedVcpu(8)).toBeCloseTo(0.09, 9);
    const o = defaultEc2Options();
    // m6i.xlarge: 4 - 0.08 - 0.125 = 3.795 vCPU -> 3 pods of 1 vCPU; 16 GiB - (255 + 11 x 58 + 100) MiB = 15.03 GiB.
    expect(unitsPerInstance(instanceType(US, 'm6i.xlarge')!, { vcpu: 1, memoryGiB: 2 }, eksPacking(o))).toBe(3);
    // t3.medium (17 pods, 2 host-network): at most 15 tiny pods, though 0.1 vCPU each would give 18.
    expect(unitsPerInstance(instanceType(US, 't3.medium')!, { vcpu: 0.1, memoryGiB: 0.1 }, eksPacking(o))).toBe(15);
  });
});

describe('EKS on EC2 nodes', () => {
  const s = scenario({ requestsPerMonth: BUSY });

  test('us-east-1: one 1 vCPU pod per m6i.large node (1.805 vCPU allocatable), 10 nodes, the cluster fee', () => {
    const c = eksEc2Cost(s, US);
    expect(c.instanceType).toBe('m6i.large');
    expect(c.tasksPerInstance).toBe(1);
    expect(c.instances).toBe(10);
    // 10 x 730 x $0.096 = $700.80; 12 addresses x $3.65 = $43.80; ALB $238.345; cluster 730 x $0.10 = $73
    expect(part(c, 'instances')).toBeCloseTo(700.8, 6);
    expect(part(c, 'publicIpv4')).toBeCloseTo(43.8, 6);
    expect(part(c, 'cluster')).toBeCloseTo(73, 6);
    expect(c.monthlyUsd).toBeCloseTo(700.8 + 43.8 + 238.345 + 73, 6);
    expect(c.catalogue.map((p) => p.key)).toEqual(['ec2.onDemandHour.m6i.large', 'eks.clusterHour.standard']);
    expect(c.notes).toEqual([]);
  });

  test('eu-west-2 on m6i.xlarge: 3 pods a node, 4 nodes; no London cluster price, the region-less figure said', () => {
    const c = eksEc2Cost({ ...s, region: 'eu-west-2', ec2: { instanceType: 'm6i.xlarge' } }, LONDON);
    expect(c.tasksPerInstance).toBe(3);
    expect(c.instances).toBe(4);
    // 4 x 730 x $0.222 = $648.24; 6 addresses x $3.65 = $21.90; ALB $252.3318; cluster 730 x $0.10 = $73
    expect(part(c, 'instances')).toBeCloseTo(648.24, 6);
    expect(part(c, 'publicIpv4')).toBeCloseTo(21.9, 6);
    expect(c.monthlyUsd).toBeCloseTo(648.24 + 21.9 + 730 * (0.02646 + LCU * 0.0084) + 73, 6);
    expect(c.notes).toEqual([
      expect.stringMatching(/EKS cluster fee: no eu-west-2 price in the sources; AWS states \$0\.10 per cluster-hour without a region/),
    ]);
  });

  test('extended support costs $0.60 a cluster-hour; a cluster shared by 2 services halves its share', () => {
    const c = eksEc2Cost({ ...s, managed: { ...defaultManagedOptions(), eks: { support: 'extended', clustersSharedBy: 2 } } }, US);
    // 730 x $0.60 / 2 = $219
    expect(part(c, 'cluster')).toBeCloseTo(219, 6);
    expect(c.parts.find((p) => p.key === 'cluster')!.label).toBe('EKS cluster (1/2 share)');
  });
});

describe('Lambda Managed Instances', () => {
  // The scenario's function: 512 MB arm64 behind an HTTP API (4 KB: one 512 KB metering unit a request).
  // An execution environment: 0.5 GiB and 0.25 vCPU (2 GiB per vCPU). Default type: m6g.large (the cheapest m-family
  // arm64 type: us-east-1 $0.077 < m7g.large $0.0816; eu-west-2 $0.0888 < $0.0944), 8 environments (2 / 0.25 vCPU;
  // 7.6 GiB / 0.5 = 15 by memory), serving 8 x 0.25 vCPU x 10 concurrent requests per vCPU (the task's 10 per
  // 1 vCPU) = 20 concurrent requests. 95 concurrent requests -> ceil(4.75) = 5 instances.
  const s = scenario({ requestsPerMonth: BUSY });

  test('us-east-1: requests, instances, the 15% fee and the HTTP API past its first tier', () => {
    const c = managedInstancesCost(s, US);
    expect(c.instanceType).toBe('m6g.large');
    expect(c.environmentsPerInstance).toBe(8);
    expect(c.concurrencyPerInstance).toBeCloseTo(20, 9);
    expect(c.instances).toBe(5);
    // 2,496.6M x $0.20 / 1M = $499.32
    expect(part(c, 'requests')).toBeCloseTo(499.32, 6);
    // 5 x 730 x $0.077 = $281.05; 15% of it = $42.1575
    expect(part(c, 'instances')).toBeCloseTo(281.05, 6);
    expect(part(c, 'managementFee')).toBeCloseTo(42.1575, 6);
    // 300M x $1.00 + 2,196.6M x $0.90 = $2,276.94
    expect(part(c, 'frontDoor')).toBeCloseTo(2276.94, 6);
    expect(c.monthlyUsd).toBeCloseTo(499.32 + 281.05 + 42.1575 + 2276.94, 6);
    expect(c.notes[0]).toMatch(/medium confidence/);
  });

  test('eu-west-2: London instances and API tiers, the global request price', () => {
    const c = managedInstancesCost({ ...s, region: 'eu-west-2' }, LONDON);
    // 5 x 730 x $0.0888 = $324.12, fee $48.618; 300M x $1.16 + 2,196.6M x $1.04 = $2,632.464
    expect(part(c, 'instances')).toBeCloseTo(324.12, 6);
    expect(part(c, 'managementFee')).toBeCloseTo(48.618, 6);
    expect(part(c, 'frontDoor')).toBeCloseTo(2632.464, 6);
    expect(c.monthlyUsd).toBeCloseTo(499.32 + 324.12 + 48.618 + 2632.464, 6);
  });

  test('the memory:vCPU ratio and a given concurrency per instance size the fleet', () => {
    // 8 GiB per vCPU: 0.0625 vCPU an environment; memory then limits m6g.large to 15; 15 x 0.0625 x 10 = 9.375 a instance.
    const ratio = managedInstancesCost({ ...s, ec2: { managedMemoryGibPerVcpu: 8 } }, US);
    expect(ratio.environmentsPerInstance).toBe(15);
    expect(ratio.concurrencyPerInstance).toBeCloseTo(9.375, 9);
    // 95 / 9.375 = 10.13 -> 11 instances
    expect(ratio.instances).toBe(11);
    expect(managedInstancesCost({ ...s, ec2: { managedConcurrencyPerInstance: 50 } }, US).instances).toBe(2);
  });

  test('a type the region has no price for is said', () => {
    const c = managedInstancesCost({ ...scenario({ region: 'ca-west-1' }), ec2: { managedInstanceType: 'm7g.large' } }, priceBook('ca-west-1'));
    expect(c.incomplete).toBe(true);
    expect(part(c, 'instances')).toBe(0);
    expect(part(c, 'managementFee')).toBe(0);
    expect(c.notes.join(' ')).toMatch(/No EC2 on-demand price for m7g\.large in ca-west-1/);
  });
});

/** A random workload with random EC2-capacity options. */
function randomEc2(rnd: () => number): Scenario {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  return {
    ...randomScenario(rnd, { regions: ['us-east-1', 'eu-west-2', 'sa-east-1', 'ap-northeast-1'], vcpu: [0.25, 0.5, 1, 2], memoryGb: [0.5, 1, 2, 4] }),
    ec2: {
      minInstances: Math.floor(rnd() * 4),
      ...(rnd() < 0.3 ? { targetCapacity: 0.5 + rnd() * 0.5 } : {}),
      ...(rnd() < 0.3 ? { instanceType: pick(['m7g.xlarge', 'c6i.large', 't3.large', 'r7g.large']) } : {}),
      managedMemoryGibPerVcpu: pick([2, 4, 8]),
      managedConcurrencyPerInstance: rnd() < 0.3 ? 1 + rnd() * 100 : null,
      managedMinInstances: Math.floor(rnd() * 4),
    },
    managed: { ...defaultManagedOptions(), eks: { clustersSharedBy: 1 + Math.floor(rnd() * 4), support: rnd() < 0.3 ? 'extended' : 'standard' } },
  };
}

const RANGE: [number, number] = [1_000, 1e11];
const PLATFORMS: Platform[] = [ecsEc2Platform, eksEc2Platform, lambdaManagedPlatform];

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s at random volumes of random workloads', (_id, platform) => {
  test('the curve is the cost, and the side the verdict says is cheaper than Lambda is cheaper', () => {
    let lambdaCheaper = 0;
    let otherCheaper = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const rnd = seeded(seed);
      const s = randomEc2(rnd);
      const prices = priceBook(s.region);
      const curve = platform.curve(s, prices);
      const ranges = verdictRanges(lambdaPlatform.curve(s, prices), curve, RANGE);
      expect(ranges[0]!.from, `seed ${seed}`).toBe(RANGE[0]);
      expect(ranges[ranges.length - 1]!.to, `seed ${seed}`).toBe(RANGE[1]);
      for (let i = 0; i < 30; i++) {
        const r = logVolume(rnd, RANGE);
        const at = { ...s, requestsPerMonth: r };
        const cost = platform.cost(at, prices).monthlyUsd;
        expect(curve.total(r), `seed ${seed} at ${r}`).toBeCloseTo(cost, 6);
        const range = rangeAt(ranges, r);
        if (!range) continue;
        const lambda = lambdaCost(at, prices).monthlyUsd;
        const d = lambda - cost;
        const slack = 1e-6 * Math.max(1, Math.abs(lambda), Math.abs(cost));
        if (range.cheaper === 'lambda') {
          lambdaCheaper++;
          expect(d, `seed ${seed}: Lambda said cheaper at ${r}`).toBeLessThan(slack);
        } else if (range.cheaper === 'other') {
          otherCheaper++;
          expect(d, `seed ${seed}: ${platform.id} said cheaper at ${r}`).toBeGreaterThan(-slack);
        } else expect(Math.abs(d), `seed ${seed}: mixed at ${r}`).toBeLessThanOrEqual(range.withinUsd! + slack);
      }
    }
    // Both verdicts occur, so the checks above check something on each side.
    expect(lambdaCheaper).toBeGreaterThan(0);
    expect(otherCheaper).toBeGreaterThan(0);
  });
});

describe('named, the EC2 platforms reach the comparison, the solver and the CLI JSON', () => {
  test('each is costed, has a crossover with Lambda and a JSON entry', async () => {
    const s = { ...scenario(), platforms: PLATFORMS.map((p) => p.id) };
    const c = compare(s, US);
    for (const p of PLATFORMS) expect(c.platforms.find((x) => x.platform === p.id)?.monthlyUsd).toBeCloseTo(p.cost(s, US).monthlyUsd, 9);
    expect(Object.keys(crossovers(s, US))).toEqual(['ecs-fargate', 'ecs-ec2', 'eks-ec2', 'lambda-managed']);
    let out = '';
    const code = await run(['cost', '--requests-per-month', '10000000', '--platforms', 'ecs-ec2,eks-ec2,lambda-managed', '--format', 'json'], {
      out: (t) => (out += t),
      err: () => {},
      cwd: join(import.meta.dirname, '..', '..', 'fixtures', 'cost'),
    });
    expect(code).toBe(0);
    const ids = Object.keys((JSON.parse(out) as { platforms: Record<string, unknown> }).platforms);
    expect(ids).toEqual(['lambda', 'ecs-fargate', 'ecs-ec2', 'eks-ec2', 'lambda-managed']);
  });
});

describe('a Managed Instances execution environment', () => {
  test("has the function's memory up to the Managed Instances maximum, and vCPUs at the ratio", () => {
    expect(managedEnvironment(scenario({ lambda: { memoryMb: 4096 } }))).toEqual({ memoryGiB: 4, vcpu: 2 });
    // 40,960 MB is above the 32 GB Managed Instances allow: 32 GiB, 4 vCPU at 8 GiB per vCPU.
    expect(managedEnvironment({ ...scenario({ lambda: { memoryMb: 40960 } }), ec2: { managedMemoryGibPerVcpu: 8 } })).toEqual({ memoryGiB: 32, vcpu: 4 });
    // A ratio outside AWS's 2-8 GiB per vCPU is held to it.
    expect(managedEnvironment({ ...scenario({ lambda: { memoryMb: 4096 } }), ec2: { managedMemoryGibPerVcpu: 1 } }).vcpu).toBe(2);
  });
});

describe('what each platform says it assumes', () => {
  test('the instance type and why, the packing, the minimum; EKS its cluster; Managed Instances its capacity', () => {
    const s = scenario();
    const ecs = ecsEc2Platform.assumptions!(s);
    expect(ecs.find((a) => a.name === 'Instance type')!.value).toBe(
      'm6i.large (the cheapest general-purpose (m family) x86_64 type priced in us-east-1 that holds one 1 vCPU / 2 GB task)',
    );
    expect(ecs.find((a) => a.name === 'Tasks per instance')!.value).toMatch(/^2 by vCPU and memory \(5% of the memory kept/);
    expect(ecs.find((a) => a.name === 'Minimum instances')!.value).toMatch(/^2 \(default: .*an assumption\)$/);
    expect(ecsEc2Platform.assumptions!({ ...s, ec2: { minInstances: 3 } }).find((a) => a.name === 'Minimum instances')!.value).toBe('3');
    const eks = eksEc2Platform.assumptions!({ ...s, managed: { ...defaultManagedOptions(), eks: { support: 'extended', clustersSharedBy: 3 } } });
    expect(eks.find((a) => a.name === 'EKS cluster fee')!.value).toBe('extended support (prices.json eks.clusterHour.extendedSupport), shared by 3 services');
    expect(eks.find((a) => a.name === 'Pods per instance')!.value).toMatch(/^1 by vCPU and memory/);
    const managed = lambdaManagedPlatform.assumptions!(s);
    expect(managed.find((a) => a.name === 'Concurrent requests per instance')!.value).toMatch(/^20\.0 \(an assumption/);
    expect(managed.find((a) => a.name === 'Prices')!.value).toMatch(/medium confidence/);
  });

  test('a Savings Plan is said not to apply to the instances', () => {
    const s = scenario({ savingsPlan: '3y-no-upfront' });
    for (const c of [ecsEc2Cost(s, US), eksEc2Cost(s, US), managedInstancesCost(s, US)])
      expect(c.notes.join(' ')).toMatch(/Savings Plan is not applied to the (EC2 )?instances/);
    expect(ecsEc2Cost(scenario(), US).notes).toEqual([]);
  });
});
