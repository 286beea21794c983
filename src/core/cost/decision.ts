/**
 * The decision checklist (domain.md section 5) evaluated for one workload: each question answered from
 * the template and the figures, with its evidence and where it is declared, and a recommendation with its
 * reasons. Questions the template cannot answer say so rather than guess (the team's platform is a setting).
 *
 * The recommendation weighs every costed platform: the hard constraints rule some out (a GPU: ECS or EKS on EC2
 * only; work over 15 minutes: no Lambda nor Managed Instances; an arm64-only image: not EKS on Fargate; Fargate
 * Spot only for interruptible work), and the cheapest of the rest at the traffic compared is named with the
 * runner-up and why each cheaper one was ruled out. A team that runs Kubernetes weighs EKS without its cluster
 * fee (its cluster exists already). A figure that is a lower bound (a price or an instance type missing) is never
 * named, as the report's `cheapest` never names one.
 */
import { verdictText } from '../present/labels.js';
import { COLD_START_SOURCE, FARGATE_TASK_START, IMAGE_COLD_START_FACTOR, LAMBDA_COLD_STARTS } from '../data/cold-starts.js';
import { LAMBDA_LIMITS } from '../data/limits.js';
import { runtimeInfo } from '../data/runtimes.js';
import { type SourceLocation } from '../model/location.js';
import { type EcsContainer, type EcsService, type EcsTaskDefinition, type EventSource, type LambdaFunction, type ResourceLink } from '../model/nodes.js';
import { FARGATE_SPOT_FACTS } from '../data/limits.js';
import { formatCount, formatUsd } from './format.js';
import { trafficLevels, type Scenario } from './model.js';
import { platformById } from './platforms/index.js';
import { type CostReport } from './report.js';

const MAX_TIMEOUT_S = LAMBDA_LIMITS.maxTimeoutSeconds.value;

type Lean = 'lambda' | 'containers' | 'either' | 'unknown';

interface ChecklistItem {
  question: string;
  lean: Lean;
  answer: string;
  /** Where the evidence is declared (a click opens it). */
  at?: { uri: string; line: number };
}

/** A costed platform as the recommendation weighs it: its figure, and the figure weighed (EKS without the cluster fee for a Kubernetes team). */
export interface PlatformChoice {
  id: string;
  label: string;
  monthlyUsd: number;
  weighedUsd: number;
}

export interface Decision {
  items: ChecklistItem[];
  recommendation: {
    /** Lambda (Lambda or Managed Instances), containers ('fargate': any container platform), or either (kept for the summary and older readers). */
    side: 'lambda' | 'fargate' | 'either';
    /** The cheapest costed platform that meets the hard constraints (null: none of the costed ones does). */
    platform: PlatformChoice | null;
    runnerUp: PlatformChoice | null;
    /** The platforms a hard constraint rules out, and those whose figure is a lower bound (never named), with why. */
    ruledOut: (PlatformChoice & { reason: string })[];
    reasons: string[];
  };
  coldStart: { lambda: string; fargate: string; source: string };
}

/** What the template and the scenario cannot say. */
export interface DecideOptions {
  /** The team runs Kubernetes already (`crossover.teamRunsKubernetes`). */
  teamRunsKubernetes?: boolean;
  /** The estimate's assumptions and their sources, to say whether the traffic's shape is the usage file's. */
  assumptions?: readonly { name: string; source: string }[];
}

const at = (loc: SourceLocation | undefined) => (loc ? { uri: loc.uri, line: loc.range.start.line } : undefined);
const where = (loc: SourceLocation | undefined) => {
  const place = at(loc);
  return place ? { at: place } : {};
};

type Workload = { fn?: LambdaFunction; task?: EcsTaskDefinition; service?: EcsService };

/** Lambda's limit, and from when a timeout is "near" it. */
const NEAR_TIMEOUT_S = 0.8 * MAX_TIMEOUT_S;
/** A Spot task gets this notice before it is stopped: longer requests may be cut. */
const SPOT_NOTICE_S = FARGATE_SPOT_FACTS.interruptionNoticeSeconds.value;
/** The platforms with GPU instances: ECS and EKS on EC2 (Fargate and Lambda have none). */
const GPU_PLATFORMS = ['ecs-ec2', 'eks-ec2'];
const LAMBDA_PLATFORMS = ['lambda', 'lambda-managed'];
const EKS_PLATFORMS = ['eks-fargate', 'eks-ec2'];
/** The cluster fee's part in the EKS breakdowns. */
const CLUSTER_FEE_KEYS = ['clusterFee', 'cluster'];

/** What the template and the scenario say that several questions (and the recommendation) use. */
interface Evidence {
  fn: LambdaFunction | undefined;
  timeout: number | undefined;
  /** The longest a request can take, in seconds: the timeout or the assumed duration. */
  longest: number;
  events: EventSource[];
  async: EventSource[];
  provisioned: number;
  websocket: EventSource | undefined;
  /** A WebSocket front door assumed (the scenario's) when no event says so. */
  websocketDoor: boolean;
  databases: ResourceLink[];
  /** A container service (a task definition or service): runs all the time. */
  task: EcsTaskDefinition | undefined;
  gpu: EcsContainer | undefined;
  /** An arm64-only image: a task definition that declares ARM64, or an image function declared arm64. */
  armOnly: { at: SourceLocation | undefined } | undefined;
  /** Where the traffic's shape comes from ('usage file', 'settings', 'default'), when known. */
  shapeSource: string | undefined;
}

export function decide(workload: Workload, scenario: Scenario, report: CostReport, options: DecideOptions = {}): Decision {
  const evidence = evidenceOf(workload, scenario, options);
  const weighed = weigh(evidence, scenario, report, options);
  return {
    items: [
      durationItem(evidence, scenario),
      burstItem(evidence, scenario),
      latencyItem(evidence),
      volumeItem(scenario, report, weighed),
      connectionsItem(evidence),
      gpuItem(evidence),
      kubernetesItem(options, weighed),
      spotItem(evidence),
      internalToolItem(),
    ],
    recommendation: recommend(evidence, scenario, report, weighed),
    coldStart: coldStarts(evidence, scenario),
  };
}

function evidenceOf({ fn, task }: Workload, scenario: Scenario, options: DecideOptions): Evidence {
  const timeout = fn?.timeoutSeconds.value;
  const events = fn?.events ?? [];
  const arch = task?.architecture ?? (fn?.packageType.value === 'Image' ? fn.architecture : undefined);
  // The day's shape: the usage file's if it gives the profile, busy hours or peak, else the settings' or the default.
  const shapes = options.assumptions?.filter((a) => a.name === 'Traffic over a day' || a.name === 'Peak to average') ?? [];
  return {
    fn,
    timeout,
    longest: Math.max(timeout ?? 0, scenario.durationMs / 1000),
    events,
    async: events.filter((e) => e.invocation !== 'sync'),
    provisioned: fn?.provisionedConcurrency?.value ?? 0,
    websocket: events.find((e) => e.kind === 'websocket'),
    websocketDoor: scenario.lambda.frontDoor === 'websocket-api',
    databases: fn?.links.filter((l) => /Endpoint/.test(l.attribute ?? '')) ?? [],
    task,
    gpu: task?.containers.find((c) => c.gpu !== undefined),
    armOnly: arch?.value === 'arm64' && arch.at ? { at: arch.at } : undefined,
    shapeSource: shapes.some((a) => a.source === 'usage file') ? 'usage file' : shapes.some((a) => a.source === 'settings') ? 'settings' : shapes[0]?.source,
  };
}

/** The costed platforms: figure, figure weighed, whether it is complete, and the hard constraint that rules it out. */
interface Weighed extends PlatformChoice {
  incomplete: boolean;
  ruledOut?: string;
}

function weigh(e: Evidence, scenario: Scenario, report: CostReport, options: DecideOptions): Weighed[] {
  const label = (id: string) => platformById(id)?.label ?? id;
  const costed = Object.entries(report.platforms).map(([id, p]) => ({ id, monthlyUsd: p.monthlyUsd, parts: p.parts, incomplete: p.incomplete === true }));
  const spot = spotFit(e);
  return costed.map((p) => {
    const fee =
      EKS_PLATFORMS.includes(p.id) && options.teamRunsKubernetes ? p.parts.filter((x) => CLUSTER_FEE_KEYS.includes(x.key)).reduce((a, x) => a + x.usd, 0) : 0;
    const name = label(p.id);
    let ruledOut: string | undefined;
    if (e.gpu && !GPU_PLATFORMS.includes(p.id))
      ruledOut = `${name} has no GPUs (container ${e.gpu.name} requests one): only ECS on EC2 or EKS on EC2 with GPU instances run it.`;
    else if (e.longest > MAX_TIMEOUT_S && LAMBDA_PLATFORMS.includes(p.id))
      ruledOut = `${name} stops a request at ${MAX_TIMEOUT_S} s; this work can take ${Math.round(e.longest)} s.`;
    else if (e.armOnly && p.id === 'eks-fargate') ruledOut = 'EKS on Fargate runs x86_64 pods only, and the image is declared arm64.';
    else if (p.id === 'ecs-fargate-spot' && !spot.suits) ruledOut = `Fargate Spot can stop a task with ${SPOT_NOTICE_S / 60} minutes' notice: ${spot.why}`;
    else if (p.incomplete)
      ruledOut = 'its figure is a lower bound (a part the region cannot price, or no instance type that holds the work: see the notes), so it is never named.';
    return {
      id: p.id,
      label: name,
      monthlyUsd: p.monthlyUsd,
      weighedUsd: p.monthlyUsd - fee,
      incomplete: p.incomplete,
      ...(ruledOut ? { ruledOut } : {}),
    };
  });
}

/** Whether the work suits Fargate Spot (interruptible: short stateless requests that are retried), and why. */
function spotFit(e: Evidence): { suits: boolean; why: string; at?: SourceLocation | undefined } {
  if (e.longest > SPOT_NOTICE_S)
    return {
      suits: false,
      why: `a request can take ${Math.round(e.longest)} s${e.timeout !== undefined && e.timeout > SPOT_NOTICE_S ? ` (the timeout is ${e.timeout} s)` : ''}, longer than the notice, so a long single task would be cut.`,
      at: e.fn?.timeoutSeconds.at,
    };
  if (e.websocket || e.websocketDoor)
    return { suits: false, why: 'it holds WebSocket connections (state in the task): an interruption drops them.', at: e.websocket?.loc };
  if (e.async.length)
    return {
      suits: true,
      why: `requests are short (at most ${Math.round(e.longest)} s) and ${e.async.map((x) => `${x.sourceType} ${x.name}`).join(', ')} retries what an interruption cuts.`,
      at: e.async[0]!.loc,
    };
  return {
    suits: true,
    why: `requests are short (at most ${Math.round(e.longest)} s) and nothing in the template keeps state in the task; callers must retry a request an interruption cuts.`,
    at: e.fn?.timeoutSeconds.at ?? e.fn?.loc ?? e.task?.loc,
  };
}

/** 1. Under 15 minutes? Long-running: a timeout near or above Lambda's limit, or a container service. */
function durationItem({ fn, timeout, longest, task }: Evidence, scenario: Scenario): ChecklistItem {
  const question = 'Can the work finish in under 15 minutes?';
  if (longest > MAX_TIMEOUT_S)
    return {
      question,
      lean: 'containers',
      answer: `No: ${timeout !== undefined && timeout > MAX_TIMEOUT_S ? `the timeout is ${timeout} s` : `an average request takes ${Math.round(scenario.durationMs / 1000)} s`}, above Lambda's ${MAX_TIMEOUT_S} s. Containers (or Step Functions to split the work); Lambda and Managed Instances are ruled out.`,
      ...where(fn?.timeoutSeconds.at ?? fn?.loc ?? task?.loc),
    };
  if (timeout !== undefined && timeout >= NEAR_TIMEOUT_S)
    return {
      question,
      lean: 'containers',
      answer: `Only just: the timeout is ${timeout} s, near Lambda's ${MAX_TIMEOUT_S} s. Long-running work that may grow suits containers (or Step Functions to split it).`,
      ...where(fn?.timeoutSeconds.at ?? fn?.loc),
    };
  if (task)
    return {
      question,
      lean: 'either',
      answer: `${task.id} is a container service: it runs all the time, with no limit on a request. On Lambda each request must finish within ${MAX_TIMEOUT_S} s (an average request takes ${scenario.durationMs} ms here).`,
      ...where(task.loc),
    };
  return {
    question,
    lean: 'either',
    answer:
      timeout !== undefined
        ? `Yes: the timeout is ${timeout} s and an average request ${scenario.durationMs} ms.`
        : `Yes at the assumed ${scenario.durationMs} ms a request.`,
    ...where(fn?.timeoutSeconds.at ?? fn?.loc),
  };
}

/** The day's shape: the busiest hour over the average, and the share of hours without traffic. */
function dayShape(scenario: Scenario): { peak: number; idleShare: number; kind: 'bursty' | 'steady' | 'mixed' } {
  const levels = trafficLevels(scenario);
  const peak = Math.max(...levels.map((l) => l.multiplier));
  const idleShare = levels.filter((l) => l.multiplier <= 0).reduce((a, l) => a + l.share, 0);
  return { peak, idleShare, kind: peak >= 3 || idleShare >= 0.25 ? 'bursty' : peak < 1.5 ? 'steady' : 'mixed' };
}

/** 2. Bursty, event-driven, often idle, or steady? */
function burstItem({ events, async, shapeSource }: Evidence, scenario: Scenario): ChecklistItem {
  const shape = dayShape(scenario);
  const from = shapeSource === 'usage file' ? "the usage file's" : shapeSource === 'settings' ? 'your settings’' : 'the assumed';
  const day = scenario.day.profile
    ? `${from} 24-hour profile peaks at ${shape.peak.toFixed(1)}x the average${shape.idleShare > 0 ? ` with ${Math.round(shape.idleShare * 24)} hours without traffic` : ''}`
    : `${from} day has ${scenario.day.busyHoursPerDay} busy hours at ${shape.peak.toFixed(1)}x the average (peak-to-average ${scenario.peakToAverage})`;
  const verdict =
    shape.kind === 'bursty'
      ? 'bursty, which favours Lambda (a fleet autoscales behind the peaks and keeps its minimum running when idle)'
      : shape.kind === 'steady'
        ? 'steady, which favours a fleet of containers or instances kept busy (ECS on EC2 and EKS on EC2 pack it tightest)'
        : 'neither flat nor spiky';
  return {
    question: 'Is traffic bursty, event-driven or often zero, or steady?',
    lean: async.length > 0 || shape.kind === 'bursty' ? 'lambda' : shape.kind === 'steady' ? 'containers' : 'either',
    answer:
      (async.length > 0 ? `Event-driven: ${async.map((e) => `${e.sourceType} ${e.name}`).join(', ')}. Lambda scales to zero and has no idle cost. ` : '') +
      `Traffic: ${day}: ${verdict}.`,
    ...where(async[0]?.loc ?? events[0]?.loc),
  };
}

/** 3. Steady sub-50 ms latency? */
function latencyItem({ fn, provisioned }: Evidence): ChecklistItem {
  return {
    question: 'Does it need steady sub-50 ms latency?',
    lean: provisioned > 0 ? 'either' : 'unknown',
    answer:
      provisioned > 0
        ? `Provisioned concurrency (${provisioned}) keeps environments warm: double-digit ms, paid while idle.`
        : 'Not in the template. If it does: containers, or Lambda with provisioned concurrency (paid while idle); see the cold starts below.',
    ...where(fn?.provisionedConcurrency?.at ?? fn?.runtime.at),
  };
}

/** 4. Below the crossover? */
function volumeItem(scenario: Scenario, report: CostReport, weighed: readonly Weighed[]): ChecklistItem {
  const crossover = report.crossover.requestsPerMonth;
  const door = scenario.lambda.frontDoor;
  const cheapest = [...weighed].filter((p) => !p.incomplete).sort((a, b) => a.monthlyUsd - b.monthlyUsd)[0];
  const others =
    weighed.length > 2 && cheapest
      ? ` Of the ${weighed.length} platforms compared, ${cheapest.label} costs least here (${formatUsd(cheapest.monthlyUsd)}/month).`
      : '';
  return {
    question: 'Is the volume below the crossover?',
    lean: report.cheaper === 'lambda' ? 'lambda' : report.cheaper === 'fargate' ? 'containers' : 'either',
    answer:
      `${formatCount(scenario.requestsPerMonth)} requests/month with ${door === 'none' ? 'no front door' : door}: ` +
      `${report.cheaper === 'lambda' ? 'Lambda is cheaper' : report.cheaper === 'fargate' ? 'Fargate is cheaper' : 'they cost the same'} here. ` +
      `${verdictText(report.crossover, 'Fargate', formatCount)}.` +
      (crossover !== null ? ' The front door moves the crossover: try another in the assumptions.' : '') +
      others,
  };
}

/** 5. Long-lived connections, pools? */
function connectionsItem({ websocket, websocketDoor, databases }: Evidence): ChecklistItem {
  return {
    question: 'WebSockets, streams, long-lived connections or connection pools?',
    lean: websocket || websocketDoor || databases.length ? 'containers' : 'either',
    answer: websocket
      ? `A WebSocket API (${websocket.name}): Lambda handles messages, but connections and their state live outside it; long-lived connections suit containers.`
      : websocketDoor
        ? 'A WebSocket API is the front door compared: Lambda handles messages, but connections live outside it; long-lived connections suit containers.'
        : databases.length
          ? `It connects to a database (${databases.map((l) => l.targetId).join(', ')}): a container keeps a pool; on Lambda use RDS Proxy.`
          : 'None in the template.',
    ...where(websocket?.loc ?? databases[0]?.at),
  };
}

/** 6. A GPU? Only EC2 capacity has GPUs (ECS or EKS on EC2); not Fargate, not Lambda. */
function gpuItem({ gpu, task }: Evidence): ChecklistItem {
  return {
    question: 'Does it need a GPU?',
    lean: gpu ? 'containers' : 'either',
    answer: gpu
      ? `Yes: container ${gpu.name} requests a GPU. Fargate and Lambda have none: ECS on EC2 or EKS on EC2 with GPU instances (the comparison prices its default type, not a GPU type: the EC2 figure is a floor).`
      : task
        ? 'No GPU requirement in the task definition.'
        : 'No: a Lambda function cannot use a GPU.',
    ...where(gpu?.gpu),
  };
}

/** 7. A team that runs Kubernetes already (a setting: the template cannot say). */
function kubernetesItem(options: DecideOptions, weighed: readonly Weighed[]): ChecklistItem {
  const eks = weighed.filter((p) => EKS_PLATFORMS.includes(p.id));
  const fees = eks.filter((p) => p.weighedUsd < p.monthlyUsd).map((p) => `${p.label} ${formatUsd(p.weighedUsd)} instead of ${formatUsd(p.monthlyUsd)}`);
  return {
    question: 'Many services, and a team that already runs Kubernetes?',
    lean: options.teamRunsKubernetes ? 'containers' : 'unknown',
    answer: options.teamRunsKubernetes
      ? `Yes (crossover.teamRunsKubernetes): EKS is weighed without its cluster fee, which the team's cluster already pays${fees.length ? ` (${fees.join('; ')})` : eks.length ? '' : '; turn on EKS on Fargate or EKS on EC2 to weigh them'}.`
      : 'Not in the template (set crossover.teamRunsKubernetes if it does: EKS is then weighed without its cluster fee). Otherwise ECS (Fargate or EC2) is less to run.',
  };
}

/** 8. Interruptible enough for Fargate Spot? */
function spotItem(e: Evidence): ChecklistItem {
  const fit = spotFit(e);
  return {
    question: 'Can it be interrupted (Fargate Spot)?',
    lean: fit.suits ? 'containers' : 'either',
    answer: `${fit.suits ? 'Likely' : 'No'}: ${fit.why} Spot tasks get ${SPOT_NOTICE_S / 60} minutes' notice; they suit stateless, short, retried work, not long single tasks or stateful ones.`,
    ...where(fit.at),
  };
}

/** 9: not in a template. */
function internalToolItem(): ChecklistItem {
  return {
    question: 'An internal tool or prototype that needs little control?',
    lean: 'unknown',
    answer:
      'Not in the template. If so: ECS Express Mode (one call sets up Fargate, a load balancer and autoscaling, at Fargate prices); App Runner is closed to new customers since 2026-04-30.',
  };
}

/**
 * The cheapest costed platform (at the traffic compared) that meets the hard constraints, with the runner-up and
 * why each cheaper one was not picked; `side` as before: Lambda, containers ('fargate') or either.
 */
function recommend(e: Evidence, scenario: Scenario, report: CostReport, weighed: readonly Weighed[]): Decision['recommendation'] {
  const { longest, async, websocket, databases } = e;
  const choice = ({ id, label, monthlyUsd, weighedUsd }: Weighed): PlatformChoice => ({ id, label, monthlyUsd, weighedUsd });
  const ranked = weighed.filter((p) => !p.ruledOut).sort((a, b) => a.weighedUsd - b.weighedUsd);
  const platform = ranked[0];
  const runnerUp = ranked[1];
  // Every platform a hard constraint rules out, or whose figure is a lower bound (never named).
  const ruledOut = weighed.filter((p) => p.ruledOut).map((p) => ({ ...choice(p), reason: p.ruledOut! }));
  const reasons: string[] = [];
  if (longest > MAX_TIMEOUT_S) reasons.push('The work can take longer than Lambda\u2019s 15 minutes.');
  if (!platform) {
    reasons.push(
      e.gpu
        ? 'None of the platforms compared has GPUs: turn on ECS on EC2 or EKS on EC2 (GPU instances).'
        : 'None of the platforms compared meets the constraints: turn on another platform.',
    );
  } else {
    const pair = `${report.cheaper === 'lambda' ? 'Lambda' : report.cheaper === 'fargate' ? 'Fargate' : 'Neither'} is cheaper at ${formatCount(scenario.requestsPerMonth)} requests/month (${formatUsd(report.lambda.monthlyUsd)} vs ${formatUsd(report.fargate.monthlyUsd)}).`;
    if (longest <= MAX_TIMEOUT_S) reasons.push(pair);
    const weighedText = (p: Weighed) => `${formatUsd(p.weighedUsd)}${p.weighedUsd < p.monthlyUsd ? ' without the cluster fee' : ''}`;
    if (weighed.length > 2 || (platform.id !== 'lambda' && platform.id !== 'ecs-fargate'))
      reasons.push(
        `${platform.label} is the cheapest that fits (${weighedText(platform)}/month)${runnerUp ? `; runner-up ${runnerUp.label} (${weighedText(runnerUp)})` : ''}.`,
      );
    if (weighed.some((p) => p.weighedUsd < p.monthlyUsd)) reasons.push('Your team runs Kubernetes: EKS is weighed without its cluster fee.');
  }
  // Why the cheaper ones were not picked.
  for (const p of ruledOut) if (!platform || p.weighedUsd < platform.weighedUsd) reasons.push(`Not ${p.label}: ${p.reason}`);
  if (longest <= MAX_TIMEOUT_S) {
    if (async.length > 0) reasons.push('The work is event-driven: Lambda has no idle cost.');
    if (websocket || databases.length) reasons.push('Long-lived connections or a database pool favour containers (or RDS Proxy on Lambda).');
  }
  const side: Decision['recommendation']['side'] = platform
    ? LAMBDA_PLATFORMS.includes(platform.id)
      ? report.cheaper === 'equal' && runnerUp?.id === 'ecs-fargate'
        ? 'either'
        : 'lambda'
      : report.cheaper === 'equal' && platform.id === 'ecs-fargate' && runnerUp?.id === 'lambda'
        ? 'either'
        : 'fargate'
    : 'fargate';
  return { side, platform: platform ? choice(platform) : null, runnerUp: runnerUp ? choice(runnerUp) : null, ruledOut, reasons };
}

/** What a cold start costs on each side: the runtime's INIT figure on Lambda, a task start on Fargate. */
function coldStarts({ fn, provisioned }: Evidence, scenario: Scenario): Decision['coldStart'] {
  const runtime = runtimeInfo(fn?.runtime.value);
  const figure = runtime ? LAMBDA_COLD_STARTS[runtime.family] : undefined;
  const image = fn?.packageType.value === 'Image';
  const ms = figure ? (scenario.lambda.architecture === 'arm64' ? figure.arm64Ms : figure.x86_64Ms) * (image ? IMAGE_COLD_START_FACTOR : 1) : undefined;
  const lambda =
    ms !== undefined
      ? `${runtime!.id}: about ${ms} ms of INIT for a minimal ${image ? 'container image' : 'zip'} function${figure?.note ? ` (${figure.note})` : ''}; real applications take longer. Cold starts hit under 1% of requests in typical production traffic${provisioned > 0 ? '; provisioned concurrency avoids them' : ''}.`
      : 'The runtime is not known statically: typical INIT ranges from tens of ms (Go, Rust) to seconds (Java without SnapStart).';
  return {
    lambda,
    fargate: `A new task takes about ${FARGATE_TASK_START.minSeconds}-${FARGATE_TASK_START.maxSeconds} s to start (${FARGATE_TASK_START.confidence}): scale out ahead of demand and keep headroom.`,
    source: `${COLD_START_SOURCE.title}, ${COLD_START_SOURCE.date}; ${COLD_START_SOURCE.confidence}`,
  };
}
