/**
 * What the cost model is given: a workload's needs (traffic, duration, payload, peak) and, per platform, the
 * side it would run as. The formulas are in platforms/<platform>.ts; docs/cost-model.md says them in words.
 */

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type Architecture = 'x86_64' | 'arm64';
export type FrontDoor = 'rest-api' | 'http-api' | 'websocket-api' | 'alb' | 'function-url' | 'none';
export const FRONT_DOORS: readonly FrontDoor[] = ['rest-api', 'http-api', 'websocket-api', 'alb', 'function-url', 'none'];

interface LambdaSide {
  memoryMb: number;
  architecture: Architecture;
  ephemeralStorageMb: number;
  provisionedConcurrency: number;
  frontDoor: FrontDoor;
  /** vCPUs of the database behind an RDS Proxy the function uses (0: no proxy); billed for at least 2. */
  rdsProxyVcpu: number;
}

export interface FargateSide {
  vcpu: number;
  memoryGb: number;
  architecture: Architecture;
  /** A fixed task count; null = sized from traffic. */
  tasks: number | null;
  /** Fewest tasks when sized from traffic (availability across zones). */
  minTasks: number;
  /** Concurrent requests one task serves (the per-task capacity). */
  perTaskConcurrency: number;
  spot: boolean;
  ephemeralStorageGb: number;
  loadBalancer: 'alb' | 'none';
  /** Fixed ALB LCUs (average per hour); null = computed from traffic. */
  albLcu: number | null;
  /** Tasks in private subnets reach the internet through a NAT gateway (hours + the traffic's GB). */
  natGateway: boolean;
}

export interface Scenario {
  region: string;
  requestsPerMonth: number;
  /** Average duration of one request in ms (Lambda bills it rounded up to the ms). */
  durationMs: number;
  /** Average request + response payload in KB (API metering, ALB processed bytes). */
  payloadKb: number;
  /** Peak traffic over the monthly average: Fargate is sized for the peak, Lambda follows it. */
  peakToAverage: number;
  /** Subtract Lambda's always-free tier (1M requests, 400,000 GB-s a month). Off by default. */
  freeTier: boolean;
  lambda: LambdaSide;
  fargate: FargateSide;
}
