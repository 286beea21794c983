// The Fargate-like platforms of issue 16: Fargate Spot, ECS Express Mode, EKS on Fargate and App Runner. Dollars worked
// out by hand from the cited prices (data/pricing/prices.json) in two regions each; a region without a figure is said,
// never priced with another region's figure; each curve agrees with its cost; the verdict against Lambda holds at
// random volumes; registered, each reaches the comparison and the solver.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../src/cli/main.js';
import { crossovers, verdictRanges } from '../../../src/core/cost/crossover.js';
import { compare } from '../../../src/core/cost/estimate.js';
import { type Scenario } from '../../../src/core/cost/model.js';
import { appRunnerPlatform, APP_RUNNER_EXISTING_CUSTOMERS_ONLY, APP_RUNNER_STATUS } from '../../../src/core/cost/platforms/app-runner.js';
import { ecsExpressPlatform } from '../../../src/core/cost/platforms/ecs-express.js';
import { ecsFargateSpotPlatform } from '../../../src/core/cost/platforms/ecs-fargate-spot.js';
import { eksFargatePlatform, podSize } from '../../../src/core/cost/platforms/eks-fargate.js';
import { defaultManagedOptions } from '../../../src/core/cost/platforms/fargate-like.js';
import { type Platform } from '../../../src/core/cost/platforms/index.js';
import { lambdaCost, lambdaPlatform } from '../../../src/core/cost/platforms/lambda.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { nearestAppRunnerSize } from '../../../src/core/data/limits.js';
import { scenario } from '../../support/scenario.js';
import { logVolume, randomScenario, rangeAt, seeded } from '../../support/random-scenario.js';

const US = priceBook('us-east-1');
const EU = priceBook('eu-west-1');
const TOKYO = priceBook('ap-northeast-1');
const FRANKFURT = priceBook('eu-central-1');
const CENT = 0.005;

// The shared scenario: 10M requests of 100 ms a month on a flat day = 3.81 requests/s x 0.1 s = 0.38 in flight; the
// 1 vCPU / 2 GB task serves 10, so the minimum of 2 tasks runs all month. No load balancer unless a test adds one.
const base = scenario({ fargate: { loadBalancer: 'none' } });
const part = (c: { parts: { key: string; usd: number }[] }, key: string) => c.parts.find((p) => p.key === key)?.usd;

describe('Fargate Spot', () => {
  test('us-east-1: 2 tasks at the Spot prices, and a public address each', () => {
    // Spot x86_64: $0.01288871 per vCPU-hour, $0.00141527 per GB-hour (feed snapshot 2026-09-28, S51).
    // Compute 2 x 730 h x (1 x 0.01288871 + 2 x 0.00141527) = 2 x 730 x 0.01571925 = $22.950105
    // Public IPv4 2 x 730 h x $0.005 = $7.30; total $30.250105.
    const c = ecsFargateSpotPlatform.cost(base, US);
    expect(c.platform).toBe('ecs-fargate-spot');
    expect(part(c, 'compute')).toBeCloseTo(22.950105, 4);
    expect(part(c, 'publicIpv4')).toBeCloseTo(7.3, 6);
    expect(c.monthlyUsd).toBeCloseTo(30.250105, 4);
    expect(c.priceKeys).toContain('fargate.spot.vcpuHour.x86_64');
  });

  test('eu-west-1: its own Spot prices', () => {
    // Spot x86_64 eu-west-1: $0.01224056 per vCPU-hour, $0.0013441 per GB-hour (S51).
    // Compute 2 x 730 x (0.01224056 + 2 x 0.0013441) = 2 x 730 x 0.01492876 = $21.7959896; + IPv4 $7.30 = $29.0959896.
    expect(ecsFargateSpotPlatform.cost(base, EU).monthlyUsd).toBeCloseTo(29.0959896, 4);
  });

  test('says Spot tasks can be interrupted with two minutes’ notice and suit interruptible work only', () => {
    const text = ecsFargateSpotPlatform.assumptions!(base)
      .map((a) => `${a.name}: ${a.value}`)
      .join('\n');
    expect(text).toMatch(/2 minutes' notice/);
    expect(text).toMatch(/interruptible work only/);
    expect(text).toMatch(/https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/bestpracticesguide\/ec2-and-fargate-spot\.html/);
  });
});

describe('ECS Express Mode', () => {
  // One ALB LCU (fixed) to keep the load balancer hand-checkable.
  const s = scenario({ fargate: { loadBalancer: 'none', albLcu: 1 } });

  test('us-east-1: Fargate with an ALB even when the Fargate side has none', () => {
    // Fargate x86_64: $0.04048 per vCPU-hour, $0.004445 per GB-hour. Compute 2 x 730 x (0.04048 + 2 x 0.004445) = $72.0802.
    // Task addresses 2 x 730 x $0.005 = $7.30. ALB 730 x ($0.0225 + 1 LCU x $0.008) = $22.265, its 2 addresses $7.30.
    // Total 72.0802 + 7.30 + 22.265 + 7.30 = $108.9452.
    const c = ecsExpressPlatform.cost(s, US);
    expect(c.platform).toBe('ecs-express');
    expect(part(c, 'compute')).toBeCloseTo(72.0802, 4);
    expect(part(c, 'loadBalancer')).toBeCloseTo(22.265, 4);
    expect(part(c, 'publicIpv4')).toBeCloseTo(14.6, 4);
    expect(c.monthlyUsd).toBeCloseTo(108.9452, 4);
    expect(ecsExpressPlatform.assumptions!(s).find((a) => a.name === 'Load balancer')!.value).toMatch(/though the Fargate side has none/);
  });

  test('eu-west-1: its own ALB price', () => {
    // Same Fargate prices as us-east-1 ($72.0802 + $7.30); ALB 730 x ($0.0252 + $0.008) = $24.236, addresses $7.30: $110.9162.
    expect(ecsExpressPlatform.cost(s, EU).monthlyUsd).toBeCloseTo(110.9162, 4);
  });

  test('never on Spot: the Fargate side’s Spot setting does not carry over', () => {
    const spot = scenario({ fargate: { loadBalancer: 'none', albLcu: 1, spot: true } });
    expect(ecsExpressPlatform.cost(spot, US).monthlyUsd).toBeCloseTo(108.9452, 4);
  });
});

describe('EKS on Fargate', () => {
  test('a pod is the task + 256 MB rounded up to a Fargate size', () => {
    expect(podSize(base)).toEqual({ vcpu: 1, memoryGb: 3 }); // 2,048 + 256 MB -> 1 vCPU takes 3 GB
    expect(podSize(scenario({ fargate: { vcpu: 0.25, memoryGb: 2 } }))).toEqual({ vcpu: 0.5, memoryGb: 3 }); // 0.25 vCPU stops at 2 GB
    expect(podSize(scenario({ fargate: { vcpu: 0.5, memoryGb: 1 } }))).toEqual({ vcpu: 0.5, memoryGb: 2 });
  });

  test('us-east-1: 2 pods of 1 vCPU / 3 GB in private subnets + the standard cluster fee (own figure)', () => {
    // Pods: 2 x 730 x (0.04048 + 3 x 0.004445) = 2 x 730 x 0.053815 = $78.5699; no public IPv4 (private subnets).
    // Cluster: 730 h x $0.10 (eks.clusterHour.standard, us-east-1's own) = $73. Total $151.5699.
    const c = eksFargatePlatform.cost(base, US);
    expect(c.platform).toBe('eks-fargate');
    expect(part(c, 'compute')).toBeCloseTo(78.5699, 4);
    expect(part(c, 'publicIpv4')).toBe(0);
    expect(part(c, 'clusterFee')).toBeCloseTo(73, 6);
    expect(c.monthlyUsd).toBeCloseTo(151.5699, 4);
    expect(c.clusterHour.provenance).toBe('own');
    expect(c.notes).toEqual([]);
  });

  test('extended support shared by 4 services: a quarter of $0.60 an hour', () => {
    // 730 x $0.60 / 4 = $109.50; + pods $78.5699 = $188.0699.
    const s: Scenario = { ...base, managed: { ...defaultManagedOptions(), eks: { support: 'extended', clustersSharedBy: 4 } } };
    expect(eksFargatePlatform.cost(s, US).monthlyUsd).toBeCloseTo(188.0699, 4);
  });

  test('ap-northeast-1: own Fargate prices, the NAT gateway counted, the arm64 task priced x86_64, the fee without a regional figure said', () => {
    // Pods: 2 x 730 x (0.05056 + 3 x 0.00553) = 2 x 730 x 0.06715 = $98.039. NAT gateway 730 x $0.062 = $45.26 and
    // its address 730 x $0.005 = $3.65 (no egress). Cluster $73 (global $0.10: no Tokyo figure). Total $219.949.
    const s = scenario({ region: 'ap-northeast-1', network: { natGateways: 1 }, fargate: { loadBalancer: 'none', architecture: 'arm64' } });
    const c = eksFargatePlatform.cost(s, TOKYO);
    expect(part(c, 'natGateway')).toBeCloseTo(45.26, 6);
    expect(c.monthlyUsd).toBeCloseTo(219.949, 4);
    expect(c.priceKeys).toContain('fargate.vcpuHour.x86_64');
    expect(c.priceKeys).not.toContain('fargate.vcpuHour.arm64');
    expect(c.clusterHour.provenance).toBe('global');
    expect(c.notes.join('\n')).toMatch(/EKS cluster fee: no ap-northeast-1 price in the sources; AWS states \$0\.10 per cluster-hour without a region/);
    expect(c.notes.join('\n')).toMatch(/x86_64 pods only/);
  });

  test('the per-pod capacity is the task’s, though the pod is rounded up', () => {
    // Computed capacity: 0.25 vCPU x 0.7 / (0.289 x 0.5) = 1.21 requests; the 0.5 vCPU pod must not serve twice that.
    const s = scenario({ fargate: { vcpu: 0.25, memoryGb: 2, perTaskConcurrency: null } });
    expect(eksFargatePlatform.cost(s, US).perTaskConcurrency).toBeCloseTo((0.25 * 0.7) / (0.289 * 0.5), 9);
  });
});

describe('App Runner', () => {
  test('instance sizes: the task rounded up to an App Runner size', () => {
    expect(nearestAppRunnerSize(1, 2)).toEqual({ vcpu: 1, memoryGb: 2, fits: true });
    expect(nearestAppRunnerSize(0.5, 2)).toEqual({ vcpu: 1, memoryGb: 2, fits: true }); // 0.5 vCPU has 1 GB only
    expect(nearestAppRunnerSize(2, 8)).toEqual({ vcpu: 4, memoryGb: 8, fits: true });
    expect(nearestAppRunnerSize(8, 16)).toEqual({ vcpu: 4, memoryGb: 12, fits: false });
  });

  test.each([
    ['us-east-1', US],
    ['eu-west-1', EU],
  ])('%s: one 1 vCPU / 2 GB instance active all month on a flat day', (_region, prices) => {
    // 0.38 requests in flight < 100 per instance: the minimum instance, active every hour (every hour has traffic).
    // $0.064 per active vCPU-hour, $0.007 per GB-hour (App Runner pricing, S63: the same in both regions).
    // 730 x (1 x 0.064 + 2 x 0.007) = 730 x 0.078 = $56.94.
    const c = appRunnerPlatform.cost(base, prices);
    expect(c.monthlyUsd).toBeCloseTo(56.94, 6);
    expect(part(c, 'activeVcpu')).toBeCloseTo(46.72, 6);
    expect(part(c, 'provisionedMemory')).toBe(0);
    expect(c.priced).toBe('complete');
    expect(c.prices.map((p) => p.provenance)).toEqual(['own', 'own', 'own']);
  });

  test.each([
    ['us-east-1', US],
    ['eu-west-1', EU],
  ])('%s: busy half-days scale to 3 instances, the quiet half keeps 1 provisioned (memory only)', (_region, prices) => {
    // Profile: 12 hours at 1, 12 at 0 -> the busy hours run at twice the average. 3.285e9 requests a month =
    // 1,250 requests/s on average, 2,500 in the busy hours x 0.1 s = 250 in flight / 100 = 3 instances.
    // Active: half the month x 3 instances x $56.94 = $85.41. Idle: half x 1 x 730 x 2 GB x $0.007 = $5.11. Total $90.52.
    const s = scenario({ requestsPerMonth: 3.285e9, day: { profile: [...Array(12).fill(1), ...Array(12).fill(0)] }, fargate: { loadBalancer: 'none' } });
    const c = appRunnerPlatform.cost(s, prices);
    expect(c.instances).toBe(3);
    expect(c.averageActiveInstances).toBeCloseTo(1.5, 9);
    expect(part(c, 'provisionedMemory')).toBeCloseTo(5.11, 6);
    expect(c.monthlyUsd).toBeCloseTo(90.52, 6);
  });

  test('no requests: the minimum instance provisioned all month, memory only', () => {
    // 730 x 2 GB x $0.007 = $10.22.
    expect(appRunnerPlatform.cost({ ...base, requestsPerMonth: 0 }, US).monthlyUsd).toBeCloseTo(10.22, 6);
    expect(appRunnerPlatform.curve(base, US).total(0)).toBeCloseTo(10.22, 6);
  });

  test('ap-northeast-1 has memory prices of its own but no vCPU price: that part is left out and said', () => {
    // Tokyo: $0.009 per GB-hour (S63); no active vCPU-hour figure in the sources. Memory 730 x 2 x 0.009 = $13.14.
    const c = appRunnerPlatform.cost({ ...base, region: 'ap-northeast-1' }, TOKYO);
    expect(c.monthlyUsd).toBeCloseTo(13.14, 6);
    expect(c.priced).toBe('partial');
    expect(c.parts.find((p) => p.key === 'activeVcpu')).toEqual({ key: 'activeVcpu', label: 'Active vCPU (no ap-northeast-1 price in the sources)', usd: 0 });
    expect(c.notes).toContain(
      'App Runner: appRunner.vcpuHourActive has no ap-northeast-1 price in the sources; that part is left out, so the figure is incomplete.',
    );
  });

  test('a region without any App Runner figure: nothing priced, never us-east-1’s figure', () => {
    const c = appRunnerPlatform.cost({ ...base, region: 'eu-central-1' }, FRANKFURT);
    expect(c.priced).toBe('none');
    expect(c.monthlyUsd).toBe(0);
    expect(c.notes.filter((n) => n.includes('no eu-central-1 price'))).toHaveLength(3);
  });

  test('carries its status: closed to new customers, for existing customers only', () => {
    expect(APP_RUNNER_STATUS).toBe('closed to new customers since 2026-04-30; existing customers only');
    expect(APP_RUNNER_EXISTING_CUSTOMERS_ONLY).toBe(true);
    expect(appRunnerPlatform.existingCustomersOnly).toBe(true);
    expect(appRunnerPlatform.cost(base, US).notes[0]).toBe(`App Runner is ${APP_RUNNER_STATUS}.`);
    expect(appRunnerPlatform.assumptions!(base)[0]).toEqual(expect.objectContaining({ name: 'Status', value: expect.stringContaining(APP_RUNNER_STATUS) }));
  });

  test('says when the Fargate side assumes a task serves fewer requests than App Runner puts on an instance', () => {
    // The Fargate side: a 1 vCPU task serves 10 requests at once; App Runner adds an instance only at 100.
    expect(appRunnerPlatform.cost(base, US).notes.join('\n')).toMatch(
      /the Fargate side assumes a 1 vCPU task serves 10\.0: if an instance cannot serve 100 at once/,
    );
    const s: Scenario = { ...base, managed: { ...defaultManagedOptions(), appRunner: { concurrencyPerInstance: 10, minInstances: 1, maxInstances: null } } };
    expect(appRunnerPlatform.cost(s, US).notes.join('\n')).not.toMatch(/the Fargate side assumes/);
  });

  test('a lower concurrency per instance and a maximum: more instances, capped', () => {
    // Flat day, 10M requests: 0.38 in flight / 0.1 per instance = 3.8 -> 4 instances, capped at 3: 3 x $56.94 = $170.82.
    const s: Scenario = { ...base, managed: { ...defaultManagedOptions(), appRunner: { concurrencyPerInstance: 0.1, minInstances: 1, maxInstances: 3 } } };
    expect(appRunnerPlatform.cost(s, US).monthlyUsd).toBeCloseTo(170.82, 6);
  });
});

// ---- Properties: each curve agrees with its cost, and the verdict against Lambda holds at random volumes. ----

const PLATFORMS: Platform[] = [ecsFargateSpotPlatform, ecsExpressPlatform, eksFargatePlatform, appRunnerPlatform];
const RANGE: [number, number] = [1_000, 1e11];

/** A random workload with random EKS and App Runner options. */
function randomManaged(rnd: () => number): Scenario {
  return {
    ...randomScenario(rnd, { regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1'], memoryMb: [128, 512, 1769, 3008], profiles: true }),
    managed: {
      eks: { clustersSharedBy: 1 + Math.floor(rnd() * 5), support: rnd() < 0.3 ? 'extended' : 'standard' },
      appRunner: {
        concurrencyPerInstance: 1 + Math.floor(rnd() * 150),
        minInstances: Math.floor(rnd() * 3),
        maxInstances: rnd() < 0.2 ? 2 + Math.floor(rnd() * 30) : null,
      },
    },
  };
}

const books = new Map([US, EU, TOKYO].map((b) => [b.region, b]));

describe.each(PLATFORMS.map((p) => [p.id, p] as const))('%s: properties', (_id, platform) => {
  test('the curve’s total equals cost().monthlyUsd at random volumes', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rnd = seeded(seed);
      const s = randomManaged(rnd);
      const prices = books.get(s.region)!;
      const curve = platform.curve(s, prices);
      for (let i = 0; i < 10; i++) {
        const r = logVolume(rnd, RANGE);
        const cost = platform.cost({ ...s, requestsPerMonth: r }, prices).monthlyUsd;
        expect(curve.total(r), `seed ${seed} at ${r}`).toBeCloseTo(cost, Math.max(2, 8 - Math.ceil(Math.log10(Math.max(1, cost)))));
      }
    }
  });

  test('the verdict against Lambda holds at random volumes: the side said cheaper is cheaper', () => {
    const checked = { lambda: 0, other: 0, mixed: 0 };
    for (let seed = 1; seed <= 120; seed++) {
      const rnd = seeded(1000 + seed);
      const s = randomManaged(rnd);
      const prices = books.get(s.region)!;
      const ranges = verdictRanges(lambdaPlatform.curve(s, prices), platform.curve(s, prices), RANGE);
      expect(ranges[0]!.from).toBe(RANGE[0]);
      expect(ranges[ranges.length - 1]!.to).toBe(RANGE[1]);
      for (let i = 0; i < 25; i++) {
        const r = logVolume(rnd, RANGE);
        const range = rangeAt(ranges, r);
        if (!range) continue;
        const lambda = lambdaCost({ ...s, requestsPerMonth: r }, prices).monthlyUsd;
        const d = lambda - platform.cost({ ...s, requestsPerMonth: r }, prices).monthlyUsd;
        const slack = 1e-6 * Math.max(1, Math.abs(lambda));
        checked[range.cheaper]++;
        if (range.cheaper === 'lambda') expect(d, `seed ${seed}: Lambda said cheaper at ${r}`).toBeLessThan(slack);
        else if (range.cheaper === 'other') expect(d, `seed ${seed}: ${platform.id} said cheaper at ${r}`).toBeGreaterThan(-slack);
        else expect(Math.abs(d), `seed ${seed}: mixed at ${r}`).toBeLessThanOrEqual(range.withinUsd! + slack);
      }
    }
    // Both sides are found cheaper somewhere: the check is not vacuous.
    expect(checked.lambda).toBeGreaterThan(100);
    expect(checked.other).toBeGreaterThan(100);
  });
});

describe('named, each reaches the comparison and the solver', () => {
  test('compare() costs them, crossovers() solves them against Lambda', () => {
    const named = { ...base, platforms: PLATFORMS.map((p) => p.id), appRunnerCustomer: true };
    const c = compare(named, US);
    for (const p of PLATFORMS) {
      const row = c.platforms.find((x) => x.platform === p.id);
      expect(row?.monthlyUsd, p.id).toBeCloseTo(p.cost(named, US).monthlyUsd, 9);
    }
    // In the order they are shown: EKS on Fargate is a default column, the others follow in the order they are offered.
    expect(Object.keys(crossovers(named, US))).toEqual(['ecs-fargate', 'eks-fargate', 'ecs-express', 'ecs-fargate-spot', 'app-runner']);
    expect(Math.abs(c.platforms.find((x) => x.platform === 'eks-fargate')!.monthlyUsd - 151.5699)).toBeLessThan(CENT);
  });

  test('`crossover cost --format json` lists them under platforms, with their parts', async () => {
    let out = '';
    const code = await run(['cost', '--requests-per-month', '10000000', '--platforms', PLATFORMS.map((p) => p.id).join(','), '--format', 'json'], {
      out: (t) => (out += t),
      err: () => {},
      cwd: join(import.meta.dirname, '..', '..', 'fixtures', 'cost'),
    });
    expect(code).toBe(0);
    const report = JSON.parse(out) as { platforms: Record<string, { parts: { key: string }[] }> };
    expect(Object.keys(report.platforms)).toEqual(['lambda', 'ecs-fargate', 'eks-fargate', 'ecs-express', 'ecs-fargate-spot', 'app-runner']);
    expect(report.platforms['eks-fargate']!.parts.map((p) => p.key)).toContain('clusterFee');
    expect(report.platforms['app-runner']!.parts.map((p) => p.key)).toEqual(['activeVcpu', 'activeMemory', 'provisionedMemory', 'logs']);
  });
});
