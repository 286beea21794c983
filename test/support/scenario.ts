// A Lambda/Fargate scenario for cost tests: 10M requests of 100 ms, a 512 MB arm64 function behind an HTTP API, and
// a 1 vCPU / 2 GB Fargate task behind an ALB sized from traffic, in us-east-1; any field can be overridden.
import { type Scenario } from '../../src/core/cost/model.js';

export type ScenarioOverrides = Partial<Omit<Scenario, 'lambda' | 'fargate'>> & {
  lambda?: Partial<Scenario['lambda']>;
  fargate?: Partial<Scenario['fargate']>;
};

export function scenario(overrides: ScenarioOverrides = {}): Scenario {
  return {
    region: 'us-east-1',
    requestsPerMonth: 10_000_000,
    durationMs: 100,
    payloadKb: 4,
    peakToAverage: 3,
    freeTier: false,
    ...overrides,
    lambda: {
      memoryMb: 512,
      architecture: 'arm64',
      ephemeralStorageMb: 512,
      provisionedConcurrency: 0,
      frontDoor: 'http-api',
      rdsProxyVcpu: 0,
      ...overrides.lambda,
    },
    fargate: {
      vcpu: 1,
      memoryGb: 2,
      architecture: 'x86_64',
      tasks: null,
      minTasks: 2,
      perTaskConcurrency: 10,
      spot: false,
      ephemeralStorageGb: 20,
      loadBalancer: 'alb',
      albLcu: null,
      natGateway: false,
      ...overrides.fargate,
    },
  };
}
