// A Lambda/Fargate scenario for cost tests: 10M requests of 100 ms, a 512 MB arm64 function behind an HTTP API, and
// a 1 vCPU / 2 GB Fargate task serving 10 concurrent requests behind an ALB, in public subnets, sized from traffic
// over a flat day (busy hours 24), no NAT gateway, logs or Savings Plan, in us-east-1; any field can be overridden.
import { type Scenario } from '../../src/core/cost/model.js';

export type ScenarioOverrides = Partial<Omit<Scenario, 'lambda' | 'fargate' | 'day' | 'network'>> & {
  lambda?: Partial<Scenario['lambda']>;
  fargate?: Partial<Scenario['fargate']>;
  day?: Partial<Scenario['day']>;
  network?: Partial<Scenario['network']>;
};

export function scenario(overrides: ScenarioOverrides = {}): Scenario {
  return {
    region: 'us-east-1',
    requestsPerMonth: 10_000_000,
    durationMs: 100,
    payloadKb: 4,
    peakToAverage: 3,
    logsKbPerRequest: 0,
    savingsPlan: 'none',
    freeTier: false,
    ...overrides,
    day: { busyHoursPerDay: 24, profile: null, ...overrides.day },
    network: { natGateways: 0, egressKbPerRequest: 0, ...overrides.network },
    lambda: {
      memoryMb: 512,
      architecture: 'arm64',
      ephemeralStorageMb: 512,
      provisionedConcurrency: 0,
      frontDoor: 'http-api',
      rdsProxyVcpu: 0,
      vpc: false,
      ...overrides.lambda,
    },
    fargate: {
      vcpu: 1,
      memoryGb: 2,
      architecture: 'x86_64',
      tasks: null,
      minTasks: 2,
      maxTasks: null,
      perTaskConcurrency: 10,
      requestVcpu: 0.289,
      cpuBusyShare: 0.5,
      targetUtilization: 0.7,
      spot: false,
      ephemeralStorageGb: 20,
      loadBalancer: 'alb',
      albLcu: null,
      subnets: 'public',
      ...overrides.fargate,
    },
  };
}
