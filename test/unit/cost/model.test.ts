// The cost model against dollars worked out here from the published prices (us-east-1, data/pricing):
// each expectation is arithmetic on the price, written out, not a number copied from the code's output.
import { describe, expect, test } from 'vitest';
import { findCrossover, sweep, totalsOf } from '../../../src/core/cost/crossover.js';
import { SECONDS_PER_MONTH, type Scenario } from '../../../src/core/cost/model.js';
import { fargateCost } from '../../../src/core/cost/platforms/ecs-fargate.js';
import { lambdaBreakpoints, lambdaCost } from '../../../src/core/cost/platforms/lambda.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { scenario } from '../../support/scenario.js';

const US = priceBook('us-east-1');

// us-east-1 list prices (aws-facts A1, A3, A5, A6).
const REQUEST = 0.2 / 1e6;
const X86 = [0.0000166667, 0.000015, 0.0000133334];
const ARM = [0.0000133334, 0.0000120001, 0.0000106667];
const PC_X86 = 0.0000041667;
const PC_DURATION_X86 = 0.0000097222;
const EPHEMERAL = 0.0000000309;
const FARGATE_X86 = { vcpu: 0.04048, gb: 0.004445 };
const FARGATE_ARM = { vcpu: 0.03238, gb: 0.00356 };
const ALB = { hour: 0.0225, lcu: 0.008 };

describe('Lambda', () => {
  test("the issue's example: 10M requests, 100 ms, 512 MB arm64 behind an HTTP API", () => {
    const cost = lambdaCost(scenario(), US);
    expect(cost.breakdown.requests).toBeCloseTo(10e6 * REQUEST, 6); // $2.00
    expect(cost.breakdown.duration).toBeCloseTo(10e6 * 0.1 * 0.5 * ARM[0]!, 6); // 500,000 GB-s -> $6.67
    expect(cost.breakdown.frontDoor).toBeCloseTo(10, 6); // $1.00 per million
    expect(cost.breakdown.duration).toBeCloseTo(6.67, 2);
    expect(cost.monthlyUsd).toBeCloseTo(2 + 6.6667 + 10, 3);
  });

  test('duration is billed per started millisecond', () => {
    const a = lambdaCost(scenario({ durationMs: 100.2, lambda: { architecture: 'x86_64', frontDoor: 'none' } }), US);
    expect(a.gbSeconds).toBeCloseTo(10e6 * 0.101 * 0.5, 3);
    expect(a.breakdown.duration).toBeCloseTo(10e6 * 0.101 * 0.5 * X86[0]!, 6);
  });

  test('tier boundaries: 6 B GB-s on x86_64, 7.5 B on arm64, each priced separately', () => {
    // 1 GB, 1 s per request: GB-s = requests.
    const at = (requests: number, architecture: 'x86_64' | 'arm64') =>
      lambdaCost(scenario({ requestsPerMonth: requests, durationMs: 1000, lambda: { memoryMb: 1024, architecture, frontDoor: 'none' } }), US).breakdown
        .duration;
    expect(at(6e9, 'x86_64')).toBeCloseTo(6e9 * X86[0]!, 2);
    expect(at(7e9, 'x86_64')).toBeCloseTo(6e9 * X86[0]! + 1e9 * X86[1]!, 2);
    expect(at(16e9, 'x86_64')).toBeCloseTo(6e9 * X86[0]! + 9e9 * X86[1]! + 1e9 * X86[2]!, 2);
    expect(at(7.5e9, 'arm64')).toBeCloseTo(7.5e9 * ARM[0]!, 2);
    expect(at(20e9, 'arm64')).toBeCloseTo(7.5e9 * ARM[0]! + 11.25e9 * ARM[1]! + 1.25e9 * ARM[2]!, 2);
  });

  test('REST API tiers: $3.50 for the first 333M, $2.80 up to 1B', () => {
    const door = (requests: number) => lambdaCost(scenario({ requestsPerMonth: requests, lambda: { frontDoor: 'rest-api' } }), US).breakdown.frontDoor;
    expect(door(333e6)).toBeCloseTo(333 * 3.5, 6);
    expect(door(500e6)).toBeCloseTo(333 * 3.5 + 167 * 2.8, 6);
  });

  test('HTTP API meters in 512 KB units; a function URL costs nothing extra', () => {
    expect(lambdaCost(scenario({ payloadKb: 1200 }), US).breakdown.frontDoor).toBeCloseTo(10 * 3, 6);
    expect(lambdaCost(scenario({ lambda: { frontDoor: 'function-url' } }), US).breakdown.frontDoor).toBe(0);
  });

  test('provisioned concurrency is paid while idle, and serves requests at its lower duration price', () => {
    const idle = lambdaCost(
      scenario({ requestsPerMonth: 0, lambda: { architecture: 'x86_64', provisionedConcurrency: 5, memoryMb: 1024, frontDoor: 'none' } }),
      US,
    );
    expect(idle.breakdown.provisionedConcurrency).toBeCloseTo(5 * 1 * SECONDS_PER_MONTH * PC_X86, 4); // about $54.75
    expect(idle.monthlyUsd).toBeCloseTo(idle.breakdown.provisionedConcurrency, 6);
    // 10M requests of 100 ms need 0.38 concurrent environments on average: all served by the 5 provisioned ones.
    const busy = lambdaCost(scenario({ lambda: { architecture: 'x86_64', provisionedConcurrency: 5, memoryMb: 1024, frontDoor: 'none' } }), US);
    expect(busy.breakdown.duration).toBeCloseTo(10e6 * 0.1 * 1 * PC_DURATION_X86, 6);
  });

  test('ephemeral storage above 512 MB is billed per GB-second of duration', () => {
    const cost = lambdaCost(scenario({ lambda: { ephemeralStorageMb: 2560, frontDoor: 'none' } }), US);
    expect(cost.breakdown.ephemeralStorage).toBeCloseTo(2 * 10e6 * 0.1 * EPHEMERAL, 8);
  });

  test('the free tier switch subtracts 1M requests and 400,000 GB-s, never more than was used', () => {
    const on = lambdaCost(scenario({ freeTier: true }), US);
    expect(on.breakdown.freeTierCredit).toBeCloseTo(-(1e6 * REQUEST + 400_000 * ARM[0]!), 6);
    const small = lambdaCost(scenario({ freeTier: true, requestsPerMonth: 1000, lambda: { frontDoor: 'none' } }), US);
    expect(small.monthlyUsd).toBeCloseTo(0, 9);
  });
});

describe('Fargate', () => {
  test("the issue's example: 2 tasks of 1 vCPU / 2 GB on x86_64 cost $72.08 a month in compute", () => {
    const cost = fargateCost(scenario(), US);
    expect(cost.tasks).toBe(2);
    expect(cost.breakdown.compute).toBeCloseTo(2 * 730 * (1 * FARGATE_X86.vcpu + 2 * FARGATE_X86.gb), 6);
    expect(cost.breakdown.compute.toFixed(2)).toBe('72.08');
  });

  test('tasks are sized hour by hour from the traffic of the day and the per-task capacity, with a minimum', () => {
    // 100M requests of 200 ms: 38.05 rps x 0.2 s = 7.61 concurrent on average. 6 busy hours at 3x: 22.8 concurrent
    // -> 3 tasks of 10; the other 18 hours carry (24 - 18) / 18 = 0.333x: 2.54 concurrent -> the minimum of 2.
    // Billed: 6/24 x 3 + 18/24 x 2 = 2.25 tasks on average, not 3 all month.
    const cost = fargateCost(scenario({ requestsPerMonth: 100e6, durationMs: 200, day: { busyHoursPerDay: 6 } }), US);
    expect(cost.requiredConcurrency).toBeCloseTo((100e6 / SECONDS_PER_MONTH) * 3 * 0.2, 6);
    expect(cost.tasks).toBe(3);
    expect(cost.fewestTasks).toBe(2);
    expect(cost.averageTasks).toBeCloseTo(2.25, 9);
    expect(cost.breakdown.compute).toBeCloseTo(2.25 * 730 * (FARGATE_X86.vcpu + 2 * FARGATE_X86.gb), 6);
    // A flat day: the average concurrency all day, 7.61 -> the minimum of 2.
    expect(fargateCost(scenario({ requestsPerMonth: 100e6, durationMs: 200 }), US).tasks).toBe(2);
    expect(fargateCost(scenario({ requestsPerMonth: 1000 }), US).tasks).toBe(2);
    expect(fargateCost(scenario({ fargate: { tasks: 7 } }), US).tasks).toBe(7);
    // A cap below the busy hour's need is kept and said.
    const capped = fargateCost(scenario({ requestsPerMonth: 100e6, durationMs: 200, day: { busyHoursPerDay: 6 }, fargate: { maxTasks: 2 } }), US);
    expect(capped.tasks).toBe(2);
    expect(capped.shortOfCapacity?.capacity).toBe(20);
  });

  test('the per-task capacity follows from the CPU a request uses unless it is given', () => {
    // A 1,769 MB function has 1 vCPU; busy half its duration: 0.5 vCPU per request in flight. A 1 vCPU task kept at
    // 70% carries 0.7 / 0.5 = 1.4 concurrent requests.
    const s = scenario({ fargate: { perTaskConcurrency: null, requestVcpu: 1, cpuBusyShare: 0.5, targetUtilization: 0.7 } });
    expect(fargateCost(s, US).perTaskConcurrency).toBeCloseTo(1.4, 9);
    expect(fargateCost({ ...s, fargate: { ...s.fargate, perTaskConcurrency: 25 } }, US).perTaskConcurrency).toBe(25);
  });

  test('arm64 and Spot prices, ephemeral storage above 20 GB', () => {
    const arm = fargateCost(scenario({ fargate: { architecture: 'arm64', loadBalancer: 'none' } }), US);
    expect(arm.breakdown.compute).toBeCloseTo(2 * 730 * (FARGATE_ARM.vcpu + 2 * FARGATE_ARM.gb), 6);
    // Two tasks in public subnets hold a public IPv4 address each: 2 x 730 h x $0.005 = $7.30.
    expect(arm.breakdown.publicIpv4).toBeCloseTo(7.3, 9);
    const spot = fargateCost(scenario({ fargate: { spot: true, loadBalancer: 'none' } }), US);
    // us-east-1 Spot: the pricing-page feed snapshot of 2026-09-28 (S51), the newest of three; two public IPv4 addresses
    // (2 x 730 h x $0.005).
    expect(spot.monthlyUsd).toBeCloseTo(2 * 730 * (0.01288871 + 2 * 0.00141527) + 2 * 730 * 0.005, 6);
    // arm64 Spot has its own (lower) prices: us-east-1 feed of 2026-09-28, $0.01030969 / vCPU-h and $0.00113349 / GB-h.
    const armSpot = fargateCost(scenario({ fargate: { spot: true, architecture: 'arm64', loadBalancer: 'none' } }), US);
    expect(armSpot.breakdown.compute).toBeCloseTo(2 * 730 * (0.01030969 + 2 * 0.00113349), 6);
    expect(armSpot.priceKeys).toContain('fargate.spot.vcpuHour.arm64');
    const disk = fargateCost(scenario({ fargate: { ephemeralStorageGb: 50, loadBalancer: 'none' } }), US);
    expect(disk.breakdown.ephemeralStorage).toBeCloseTo(2 * 730 * 30 * 0.000111, 6);
  });

  test('the ALB: hours plus LCU-hours from traffic (the largest dimension), or a fixed LCU figure', () => {
    // 100M requests a month, 4 KB each: 38.05 new connections/s -> 1.52 LCU (processed bytes 0.52 GB/h -> 0.52).
    const rps = 100e6 / SECONDS_PER_MONTH;
    const cost = fargateCost(scenario({ requestsPerMonth: 100e6 }), US);
    expect(cost.lcu).toBeCloseTo(rps / 25, 6);
    expect(cost.breakdown.loadBalancer).toBeCloseTo(730 * (ALB.hour + (rps / 25) * ALB.lcu), 6);
    expect(fargateCost(scenario({ fargate: { albLcu: 2 } }), US).breakdown.loadBalancer).toBeCloseTo(730 * (ALB.hour + 2 * ALB.lcu), 6);
  });
});

describe('optional extras', () => {
  test('an RDS Proxy on the Lambda side: per vCPU-hour of the database, at least 2 vCPUs', () => {
    expect(lambdaCost(scenario({ lambda: { rdsProxyVcpu: 1 } }), US).breakdown.rdsProxy).toBeCloseTo(730 * 2 * 0.015, 6);
    expect(lambdaCost(scenario({ lambda: { rdsProxyVcpu: 8 } }), US).breakdown.rdsProxy).toBeCloseTo(730 * 8 * 0.015, 6);
  });

  test('NAT gateways on a side in private subnets: hours plus what the requests send out, never the API payload', () => {
    // 10M requests x 2 KB sent out = 19.07 GB; two NAT gateways in us-east-1 at $0.045/h and $0.045/GB:
    // 2 x 730 x 0.045 = $65.70 + 19.07 x 0.045 = $0.86 -> $66.56; their Elastic IPs 2 x 730 x $0.005 = $7.30 (public IPv4).
    const gb = (10e6 * 2) / (1024 * 1024);
    const s = scenario({ network: { natGateways: 2, egressKbPerRequest: 2 }, fargate: { subnets: 'private' } });
    expect(fargateCost(s, US).breakdown.natGateway).toBeCloseTo(2 * 730 * 0.045 + gb * 0.045, 6);
    expect(fargateCost(s, US).breakdown.natGateway).toBeCloseTo(66.56, 2);
    // The 4 KB payload of each request reaches the ALB, never the NAT gateway: no egress, no per-GB charge.
    expect(fargateCost({ ...s, network: { natGateways: 2, egressKbPerRequest: 0 } }, US).breakdown.natGateway).toBeCloseTo(2 * 730 * 0.045, 6);
    // A function in a VPC pays the same NAT gateways; one outside a VPC does not.
    expect(lambdaCost({ ...s, lambda: { ...s.lambda, vpc: true } }, US).breakdown.natGateway).toBeCloseTo(2 * 730 * 0.045 + gb * 0.045, 6);
    expect(lambdaCost(s, US).breakdown.natGateway).toBe(0);
  });
});

describe('crossover', () => {
  const cases: [string, Scenario][] = [
    ['HTTP API, defaults', scenario()],
    ['REST API, x86, 1 GB, 250 ms', scenario({ durationMs: 250, lambda: { frontDoor: 'rest-api', architecture: 'x86_64', memoryMb: 1024 } })],
    ['function URL, small tasks', scenario({ lambda: { frontDoor: 'function-url' }, fargate: { vcpu: 0.25, memoryGb: 0.5, perTaskConcurrency: 4 } })],
    [
      'queue worker, no load balancer, free tier',
      scenario({ freeTier: true, durationMs: 800, lambda: { frontDoor: 'none', memoryMb: 2048 }, fargate: { loadBalancer: 'none' } }),
    ],
    ['fixed 4 tasks', scenario({ fargate: { tasks: 4 } })],
    ['provisioned concurrency', scenario({ lambda: { provisionedConcurrency: 2 } })],
    [
      'RDS Proxy and a NAT gateway',
      scenario({ lambda: { rdsProxyVcpu: 2 }, network: { natGateways: 1, egressKbPerRequest: 1 }, fargate: { subnets: 'private' } }),
    ],
  ];

  test.each(cases)('%s: equal within a cent at the point, Lambda cheaper below, Fargate above', (_name, s) => {
    const result = findCrossover(s, US);
    expect(result.kind).toBe('point');
    if (result.kind !== 'point') return;
    const r = result.requestsPerMonth;
    const at = (requests: number) => ({
      lambda: lambdaCost({ ...s, requestsPerMonth: requests }, US).monthlyUsd,
      fargate: fargateCost({ ...s, requestsPerMonth: requests }, US).monthlyUsd,
    });
    const there = at(r);
    expect(Math.abs(there.lambda - there.fargate)).toBeLessThan(0.01);
    for (const f of [0.1, 0.5, 0.9, 0.999]) {
      const below = at(r * f);
      expect(below.lambda, `at ${f} x the crossover`).toBeLessThan(below.fargate);
    }
    const above = at(r * 1.001);
    expect(above.fargate).toBeLessThan(above.lambda);
  });

  test.each(cases)('%s: the prepared totals used by sweeps equal the full cost functions', (_name, s) => {
    const { lambda, fargate } = totalsOf(s, US);
    for (const r of [0, 1, 999, 1e6, 3.3e7, 4.2e8, 7.7e9, 2.1e10, 9e10]) {
      expect(lambda(r), `Lambda at ${r}`).toBeCloseTo(lambdaCost({ ...s, requestsPerMonth: r }, US).monthlyUsd, 6);
      expect(fargate(r), `Fargate at ${r}`).toBeCloseTo(fargateCost({ ...s, requestsPerMonth: r }, US).monthlyUsd, 6);
    }
  });

  test('no crossover in range is said honestly', () => {
    // A tiny fixed Fargate task against a function paying for 500 idle environments: Fargate from the start.
    const cheapFargate = scenario({
      lambda: { provisionedConcurrency: 500, memoryMb: 4096 },
      fargate: { tasks: 1, vcpu: 0.25, memoryGb: 0.5, loadBalancer: 'none' },
    });
    expect(findCrossover(cheapFargate, US).kind).toBe('fargate-cheaper-throughout');
    // A huge fixed fleet against a 1 ms function behind a function URL: Lambda up to a billion requests.
    const hugeFleet = scenario({ lambda: { frontDoor: 'function-url', memoryMb: 128 }, durationMs: 1, fargate: { tasks: 100_000, vcpu: 16, memoryGb: 120 } });
    expect(findCrossover(hugeFleet, US, [1000, 1e9]).kind).toBe('lambda-cheaper-throughout');
  });

  test('breakpoints include the duration tier boundaries in requests', () => {
    const points = lambdaBreakpoints(scenario({ durationMs: 1000, lambda: { memoryMb: 1024, frontDoor: 'none', architecture: 'x86_64' } }), US);
    expect(points).toEqual(expect.arrayContaining([6e9, 15e9]));
  });

  test('a sweep gives both totals on a log scale', () => {
    const result = sweep(scenario(), US, 5, [1e3, 1e7]);
    expect(result.requestsPerMonth.map((r) => Math.round(r))).toEqual([1e3, 1e4, 1e5, 1e6, 1e7]);
    expect(result.lambda[4]).toBeCloseTo(lambdaCost(scenario(), US).monthlyUsd, 6);
    expect(result.fargate[4]).toBeCloseTo(fargateCost(scenario(), US).monthlyUsd, 6);
  });
});
