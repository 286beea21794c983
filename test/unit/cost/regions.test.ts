// The same workload priced by hand in seven regions on four continents, from the published prices cited in
// data/pricing/prices.json (source ids in the comments). Each expected figure is computed here from those literal
// prices, not read back from the table, so a wrong or borrowed price fails the test.
//
// The workload: 10M requests a month of 100 ms (4 KB payload), a 1,024 MB x86_64 function behind an HTTP API:
//   Lambda  = 10M x requests/M + 1,000,000 GB-s (10M x 0.1 s x 1 GB) x duration + 10M x HTTP API/M.
// The Fargate task it is compared with: 1,024 MB is 0.58 vCPU of CPU share -> 1 vCPU / 2 GB; two tasks (the minimum
// carries the busiest hour: 1.14 concurrent against 2.4 per task), in private subnets behind one NAT gateway, an
// ALB at a fixed 1 LCU, 1 KB sent out per request (10M KB = 9.5367 GB through the NAT gateway):
//   Fargate = 2 x 730 x (vCPU-h + 2 x GB-h) + 730 x (ALB-h + LCU-h) + 730 x NAT-h + 9.5367 x NAT-GB
//           + public IPv4 for the ALB's two addresses and the NAT gateway's one: 3 x 730 x $0.005 = $10.95.
import { describe, expect, test } from 'vitest';
import { compare } from '../../../src/core/cost/estimate.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { scenario } from '../../support/scenario.js';

const GB_OUT = 10e6 / (1024 * 1024);
const IPV4 = 3 * 730 * 0.005;

const workload = (region: string) =>
  scenario({
    region,
    day: { busyHoursPerDay: 6 },
    network: { natGateways: 1, egressKbPerRequest: 1 },
    lambda: { memoryMb: 1024, architecture: 'x86_64', frontDoor: 'http-api' },
    fargate: { vcpu: 1, memoryGb: 2, perTaskConcurrency: null, requestVcpu: 1024 / 1769, cpuBusyShare: 0.5, albLcu: 1, subnets: 'private' },
  });

interface Published {
  request: number;
  duration: number;
  http: number;
  vcpu: number;
  gb: number;
  alb: number;
  lcu: number;
  nat: number;
  natGb: number;
}

const lambdaUsd = (p: Published) => 10 * p.request + 1_000_000 * p.duration + 10 * p.http;
const fargateUsd = (p: Published) => 2 * 730 * (p.vcpu + 2 * p.gb) + 730 * (p.alb + p.lcu) + 730 * p.nat + GB_OUT * p.natGb + IPV4;

const REGIONS: [string, Published][] = [
  // us-east-1: Lambda S05 (2026-09-06); HTTP API N11; Fargate S10/S51 (2026-09-28); ALB, LCU N04 (2026-08-31); NAT N01/N10.
  // Lambda $2.00 + $16.67 + $10.00 = $28.67. Fargate $72.08 + $22.27 + $32.85 + $0.43 + $10.95 = $138.57.
  ['us-east-1', { request: 0.2, duration: 1.66667e-5, http: 1.0, vcpu: 0.04048, gb: 0.004445, alb: 0.0225, lcu: 0.008, nat: 0.045, natGb: 0.045 }],
  // ca-central-1: HTTP API N01 $1.11; Fargate S23 $0.04456 / $0.004865; ALB N21 $0.02475, LCU N20 $0.0088; NAT N01 $0.05/h,
  // per GB derived = the hour price (D7). Lambda $2.00 + $16.67 + $11.10 = $29.77.
  ['ca-central-1', { request: 0.2, duration: 1.66667e-5, http: 1.11, vcpu: 0.04456, gb: 0.004865, alb: 0.02475, lcu: 0.0088, nat: 0.05, natGb: 0.05 }],
  // sa-east-1: HTTP API N01 $1.59; Fargate S22 $0.0696 / $0.0076; ALB N01 $0.034, LCU N35 $0.011; NAT N01/N35 $0.093.
  // Lambda $2.00 + $16.67 + $15.90 = $34.57. Fargate $123.81 + $32.85 + $67.89 + $0.89 + $10.95 = $236.38.
  ['sa-east-1', { request: 0.2, duration: 1.66667e-5, http: 1.59, vcpu: 0.0696, gb: 0.0076, alb: 0.034, lcu: 0.011, nat: 0.093, natGb: 0.093 }],
  // eu-west-2: HTTP API N02 $1.16; Fargate S09 $0.04656 / $0.00511; ALB N03 $0.02646, LCU $0.0084; NAT N14 $0.05.
  ['eu-west-2', { request: 0.2, duration: 1.66667e-5, http: 1.16, vcpu: 0.04656, gb: 0.00511, alb: 0.02646, lcu: 0.0084, nat: 0.05, natGb: 0.05 }],
  // eu-west-1: HTTP API N01 $1.11; Fargate S20 $0.04048 / $0.004445; ALB N18 $0.0252, LCU N19 $0.008; NAT N15/N17 $0.048.
  ['eu-west-1', { request: 0.2, duration: 1.66667e-5, http: 1.11, vcpu: 0.04048, gb: 0.004445, alb: 0.0252, lcu: 0.008, nat: 0.048, natGb: 0.048 }],
  // ap-northeast-1: HTTP API N01 $1.29; Fargate S52 $0.05056 / $0.00553; ALB N01 $0.0243, LCU N30 $0.008; NAT N01/N28 $0.062.
  ['ap-northeast-1', { request: 0.2, duration: 1.66667e-5, http: 1.29, vcpu: 0.05056, gb: 0.00553, alb: 0.0243, lcu: 0.008, nat: 0.062, natGb: 0.062 }],
  // ap-southeast-1: HTTP API N01 $1.25; Fargate S21 $0.05056 / $0.00553; ALB N31 $0.0252, LCU $0.008; NAT N31/N32 $0.059.
  ['ap-southeast-1', { request: 0.2, duration: 1.66667e-5, http: 1.25, vcpu: 0.05056, gb: 0.00553, alb: 0.0252, lcu: 0.008, nat: 0.059, natGb: 0.059 }],
];

describe('one workload, priced by hand in seven regions', () => {
  test.each(REGIONS)('%s', (region, published) => {
    const c = compare(workload(region), priceBook(region));
    expect(c.fargate.tasks).toBe(2);
    expect(c.lambda.monthlyUsd).toBeCloseTo(lambdaUsd(published), 6);
    expect(c.fargate.monthlyUsd).toBeCloseTo(fargateUsd(published), 6);
  });

  test('the us-east-1 and sa-east-1 totals written out above', () => {
    const [us, sa] = [REGIONS[0]![1], REGIONS[2]![1]];
    expect(lambdaUsd(us)).toBeCloseTo(28.67, 2);
    expect(fargateUsd(us)).toBeCloseTo(138.57, 2);
    expect(lambdaUsd(sa)).toBeCloseTo(34.57, 2);
    expect(fargateUsd(sa)).toBeCloseTo(236.38, 2);
  });

  test('ap-south-1 on arm64, behind a function URL: Fargate arm64 at $0.02383 / $0.00261 (S51, S54), 44% below x86', () => {
    // Lambda arm64: 10M x $0.20/M + 1,000,000 GB-s x $0.0000133334 (S06) = $2.00 + $13.33 = $15.33; no front door charge.
    // Fargate: 1 vCPU / 2 GB arm64, two tasks in public subnets with a public IPv4 address each, no load balancer:
    // 2 x 730 x ($0.02383 + 2 x $0.00261) = $42.41 + 2 x 730 x $0.005 = $7.30 -> $49.71.
    const s = scenario({
      region: 'ap-south-1',
      day: { busyHoursPerDay: 6 },
      lambda: { memoryMb: 1024, architecture: 'arm64', frontDoor: 'function-url' },
      fargate: { vcpu: 1, memoryGb: 2, architecture: 'arm64', perTaskConcurrency: null, requestVcpu: 1024 / 1769, loadBalancer: 'none' },
    });
    const c = compare(s, priceBook('ap-south-1'));
    expect(c.lambda.monthlyUsd).toBeCloseTo(10 * 0.2 + 1_000_000 * 1.33334e-5, 6);
    expect(c.fargate.monthlyUsd).toBeCloseTo(2 * 730 * (0.02383 + 2 * 0.00261) + 2 * 730 * 0.005, 6);
    expect(c.fargate.monthlyUsd).toBeCloseTo(49.71, 2);
  });
});
