/**
 * What the cost model is given: a workload's needs (traffic and its shape over a day, duration, payload, what
 * leaves the network, logs) and, per platform, the side it would run as. The formulas are in
 * platforms/<platform>.ts; docs/cost-model.md says them in words.
 */

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type Architecture = 'x86_64' | 'arm64';
export type FrontDoor = 'rest-api' | 'http-api' | 'websocket-api' | 'alb' | 'function-url' | 'none';
export const FRONT_DOORS: readonly FrontDoor[] = ['rest-api', 'http-api', 'websocket-api', 'alb', 'function-url', 'none'];

/** A Compute Savings Plan commitment covering the workload (none: on-demand prices). */
export type SavingsPlan = 'none' | '1y-no-upfront' | '3y-no-upfront' | '3y-all-upfront';
export const SAVINGS_PLANS: readonly SavingsPlan[] = ['none', '1y-no-upfront', '3y-no-upfront', '3y-all-upfront'];

interface LambdaSide {
  memoryMb: number;
  architecture: Architecture;
  ephemeralStorageMb: number;
  provisionedConcurrency: number;
  frontDoor: FrontDoor;
  /** vCPUs of the database behind an RDS Proxy the function uses (0: no proxy); billed for at least 2. */
  rdsProxyVcpu: number;
  /** The function runs in a VPC: what it sends out passes the network's NAT gateways (when it has any). */
  vpc: boolean;
}

export interface FargateSide {
  vcpu: number;
  memoryGb: number;
  architecture: Architecture;
  /** A fixed task count; null = sized from traffic (autoscaled hour by hour between minTasks and maxTasks). */
  tasks: number | null;
  /** Fewest tasks when sized from traffic (availability across zones). */
  minTasks: number;
  /** Most tasks autoscaling may run (null: no cap). */
  maxTasks: number | null;
  /** Concurrent requests one task serves; null = worked out from the CPU a request uses (requestVcpu, cpuBusyShare, targetUtilization). */
  perTaskConcurrency: number | null;
  /** vCPUs the function's memory buys it (1,769 MB = 1 vCPU): what one request in flight may keep busy. */
  requestVcpu: number;
  /** Share of a request's duration its CPU is busy (the rest waits on I/O). */
  cpuBusyShare: number;
  /** The CPU utilisation autoscaling keeps each task at (headroom for bursts inside an hour). */
  targetUtilization: number;
  spot: boolean;
  ephemeralStorageGb: number;
  loadBalancer: 'alb' | 'none';
  /** Fixed ALB LCUs (average per hour); null = computed from traffic. */
  albLcu: number | null;
  /** Public subnets (each task holds a public IPv4 address) or private ones (out through the NAT gateways). */
  subnets: 'public' | 'private';
}

/** How traffic spreads over a day; autoscaled fleets follow it, Lambda is unaffected. */
export interface DailyTraffic {
  /** Hours a day at the peak rate (peakToAverage x the average); the rest of the day shares what is left evenly. */
  busyHoursPerDay: number;
  /** 24 relative hourly rates (any scale) instead of busy hours and peak; null: not given. */
  profile: readonly number[] | null;
}

export interface Network {
  /** NAT gateways of the workload's network (one per AZ); 0: none. Charged to a side that runs in private subnets. */
  natGateways: number;
  /** KB each request sends to the internet or to AWS services without a VPC endpoint (what passes a NAT gateway). */
  egressKbPerRequest: number;
}

export interface Scenario {
  /**
   * The platforms beyond Lambda and ECS on Fargate to cost, by id (undefined: those shown by default, ECS on EC2 and
   * EKS on Fargate, and any a test registered). Lambda and
   * Fargate are always costed: today's reports name them by field.
   */
  platforms?: readonly string[];
  /** The account already uses App Runner (closed to new customers): only then is App Runner costed. */
  appRunnerCustomer?: boolean;
  region: string;
  requestsPerMonth: number;
  /** Average duration of one request in ms (Lambda bills it rounded up to the ms). */
  durationMs: number;
  /** Average request + response payload in KB (API metering, ALB processed bytes). */
  payloadKb: number;
  /** Peak traffic over the monthly average (the busy hours run at this rate). */
  peakToAverage: number;
  day: DailyTraffic;
  network: Network;
  /** KB of CloudWatch Logs each request writes (both sides; 0: not counted). */
  logsKbPerRequest: number;
  savingsPlan: SavingsPlan;
  /**
   * Subtract Lambda's always-free tier (1M requests, 400,000 GB-s a month). It is one per account, so the
   * workspace total subtracts it once; a single workload's figure does only when asked (the view, the CLI flag).
   */
  freeTier: boolean;
  lambda: LambdaSide;
  fargate: FargateSide;
  // Issue 16, the Fargate-like platforms (EKS on Fargate, App Runner): absent = their defaults (defaultManagedOptions).
  managed?: ManagedOptions;
  // --- EC2 capacity (ECS on EC2, EKS on EC2 nodes, Lambda Managed Instances): platforms/ec2-capacity.ts ---
  /** What the EC2-capacity platforms assume; absent fields take defaultEc2Options(). */
  ec2?: Partial<Ec2Options>;
}

/** What EKS on Fargate and App Runner assume beyond the Fargate side (platforms/eks-fargate.ts, platforms/app-runner.ts). */
export interface ManagedOptions {
  eks: {
    /** Services sharing one cluster's control-plane fee (the workload pays its share). */
    clustersSharedBy: number;
    /** Standard support ($0.10/h) or extended support of an older Kubernetes version ($0.60/h in total). */
    support: 'standard' | 'extended';
  };
  appRunner: {
    /** Concurrent requests an instance takes before App Runner adds one (MaxConcurrency). */
    concurrencyPerInstance: number;
    /** Instances kept provisioned while idle (MinSize). */
    minInstances: number;
    /** Most instances (MaxSize); null: no cap assumed. */
    maxInstances: number | null;
  };
}

/** The EC2-capacity platforms' own assumptions (the workload's task is the Fargate side's). */
export interface Ec2Options {
  /** Instance type of the ECS container instances and EKS nodes; null: chosen per region and architecture. */
  instanceType: string | null;
  /** Where `instanceType` comes from when it is not the user's setting (e.g. "from the template: ..."); absent: the user's setting. */
  instanceTypeFrom?: string;
  /** Fewest instances (ECS) or nodes (EKS) running, whatever the traffic (one per Availability Zone). */
  minInstances: number;
  /** Share of the instances' task capacity the capacity provider fills (ECS managed scaling target capacity); 1: full. */
  targetCapacity: number;
  /** Share of an ECS container instance's memory kept for the OS and the agent. */
  reservedMemoryShare: number;
  /** vCPU each EKS node's DaemonSets (kube-proxy, VPC CNI) request. */
  eksDaemonSetVcpu: number;
  /** Lambda Managed Instances: instance type; null: chosen per region and the function's architecture. */
  managedInstanceType: string | null;
  /** Lambda Managed Instances: memory per vCPU of an execution environment (2-8 GiB). */
  managedMemoryGibPerVcpu: number;
  /** Lambda Managed Instances: concurrent requests one instance serves; null: from the CPU a request uses. */
  managedConcurrencyPerInstance: number | null;
  managedMinInstances: number;
}

/** One level of the day: a share of the day's hours and the traffic rate then, as a multiple of the monthly average. */
export interface TrafficLevel {
  share: number;
  multiplier: number;
}

/**
 * The day as levels (share of hours, rate multiple): a 24-value profile normalised to an average of 1, or the
 * busy hours at the peak rate and the rest of the day at what is left (the peak is capped at 24 / busy hours,
 * where the busy hours carry the whole day).
 */
export function trafficLevels(s: Pick<Scenario, 'peakToAverage' | 'day'>): TrafficLevel[] {
  const profile = s.day.profile;
  if (profile && profile.length === 24 && profile.every((v) => Number.isFinite(v) && v >= 0)) {
    const sum = profile.reduce((a, v) => a + v, 0);
    if (sum > 0) {
      const byValue = new Map<number, number>();
      for (const v of profile) byValue.set((v * 24) / sum, (byValue.get((v * 24) / sum) ?? 0) + 1 / 24);
      return [...byValue].map(([multiplier, share]) => ({ share, multiplier })).sort((a, b) => b.multiplier - a.multiplier);
    }
  }
  const busy = Math.min(24, Math.max(0, s.day.busyHoursPerDay));
  const peak = Math.max(1, s.peakToAverage);
  if (busy <= 0 || busy >= 24 || peak <= 1) return [{ share: 1, multiplier: 1 }];
  const high = Math.min(peak, 24 / busy);
  const low = (24 - high * busy) / (24 - busy);
  return [
    { share: busy / 24, multiplier: high },
    { share: 1 - busy / 24, multiplier: low },
  ];
}
