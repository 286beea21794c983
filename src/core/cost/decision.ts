/**
 * The decision checklist (domain.md section 5) evaluated for one workload: each question answered from
 * the template and the figures, with its evidence and where it is declared, and a recommendation with its
 * reasons. Questions the template cannot answer (the team's platform) say so rather than guess.
 */
import { verdictText } from '../present/labels.js';
import { COLD_START_SOURCE, FARGATE_TASK_START, IMAGE_COLD_START_FACTOR, LAMBDA_COLD_STARTS } from '../data/cold-starts.js';
import { LAMBDA_LIMITS } from '../data/limits.js';
import { runtimeInfo } from '../data/runtimes.js';
import { type SourceLocation } from '../model/location.js';
import { type EcsService, type EcsTaskDefinition, type EventSource, type LambdaFunction, type ResourceLink } from '../model/nodes.js';
import { formatCount, formatUsd } from './format.js';
import { type Scenario } from './model.js';
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

export interface Decision {
  items: ChecklistItem[];
  recommendation: { side: 'lambda' | 'fargate' | 'either'; reasons: string[] };
  coldStart: { lambda: string; fargate: string; source: string };
}

const at = (loc: SourceLocation | undefined) => (loc ? { uri: loc.uri, line: loc.range.start.line } : undefined);
const where = (loc: SourceLocation | undefined) => {
  const place = at(loc);
  return place ? { at: place } : {};
};

type Workload = { fn?: LambdaFunction; task?: EcsTaskDefinition; service?: EcsService };

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
  databases: ResourceLink[];
}

export function decide(workload: Workload, scenario: Scenario, report: CostReport): Decision {
  const evidence = evidenceOf(workload.fn, scenario);
  return {
    items: [
      durationItem(evidence, scenario),
      burstItem(evidence, scenario),
      latencyItem(evidence),
      volumeItem(scenario, report),
      connectionsItem(evidence),
      ...unansweredItems(),
    ],
    recommendation: recommend(evidence, scenario, report),
    coldStart: coldStarts(evidence, scenario),
  };
}

function evidenceOf(fn: LambdaFunction | undefined, scenario: Scenario): Evidence {
  const timeout = fn?.timeoutSeconds.value;
  const events = fn?.events ?? [];
  return {
    fn,
    timeout,
    longest: Math.max(timeout ?? 0, scenario.durationMs / 1000),
    events,
    async: events.filter((e) => e.invocation !== 'sync'),
    provisioned: fn?.provisionedConcurrency?.value ?? 0,
    websocket: events.find((e) => e.kind === 'websocket'),
    databases: fn?.links.filter((l) => /Endpoint/.test(l.attribute ?? '')) ?? [],
  };
}

/** 1. Under 15 minutes? */
function durationItem({ fn, timeout, longest }: Evidence, scenario: Scenario): ChecklistItem {
  return {
    question: 'Can the work finish in under 15 minutes?',
    lean: longest > MAX_TIMEOUT_S ? 'containers' : 'either',
    answer:
      longest > MAX_TIMEOUT_S
        ? `No: ${timeout !== undefined && timeout > MAX_TIMEOUT_S ? `the timeout is ${timeout} s` : `an average request takes ${Math.round(scenario.durationMs / 1000)} s`}, above Lambda's ${MAX_TIMEOUT_S} s. Containers (or Step Functions to split the work).`
        : timeout !== undefined
          ? `Yes: the timeout is ${timeout} s and an average request ${scenario.durationMs} ms.`
          : `Yes at the assumed ${scenario.durationMs} ms a request.`,
    ...where(fn?.timeoutSeconds.at ?? fn?.loc),
  };
}

/** 2. Bursty, event-driven, often idle? */
function burstItem({ events, async }: Evidence, scenario: Scenario): ChecklistItem {
  return {
    question: 'Is traffic bursty, event-driven or often zero?',
    lean: async.length > 0 || scenario.peakToAverage >= 3 ? 'lambda' : 'either',
    answer:
      async.length > 0
        ? `Event-driven: ${async.map((e) => `${e.sourceType} ${e.name}`).join(', ')}. Lambda scales to zero and has no idle cost.`
        : `Peak traffic is assumed at ${scenario.peakToAverage}x the average${scenario.peakToAverage >= 3 ? ': bursty, which favours Lambda (Fargate autoscales behind the peaks and keeps its minimum tasks when idle)' : ''}.`,
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
function volumeItem(scenario: Scenario, report: CostReport): ChecklistItem {
  const crossover = report.crossover.requestsPerMonth;
  const door = scenario.lambda.frontDoor;
  return {
    question: 'Is the volume below the crossover?',
    lean: report.cheaper === 'lambda' ? 'lambda' : report.cheaper === 'fargate' ? 'containers' : 'either',
    answer:
      `${formatCount(scenario.requestsPerMonth)} requests/month with ${door === 'none' ? 'no front door' : door}: ` +
      `${report.cheaper === 'lambda' ? 'Lambda is cheaper' : report.cheaper === 'fargate' ? 'Fargate is cheaper' : 'they cost the same'} here. ` +
      `${verdictText(report.crossover, 'Fargate', formatCount)}.` +
      (crossover !== null ? ' The front door moves the crossover: try another in the assumptions.' : ''),
  };
}

/** 5. Long-lived connections, pools? */
function connectionsItem({ websocket, databases }: Evidence): ChecklistItem {
  return {
    question: 'WebSockets, streams, long-lived connections or connection pools?',
    lean: websocket || databases.length ? 'containers' : 'either',
    answer: websocket
      ? `A WebSocket API (${websocket.name}): Lambda handles messages, but connections and their state live outside it; long-lived connections suit containers.`
      : databases.length
        ? `It connects to a database (${databases.map((l) => l.targetId).join(', ')}): a container keeps a pool; on Lambda use RDS Proxy.`
        : 'None in the template.',
    ...where(websocket?.loc ?? databases[0]?.at),
  };
}

/** 6 and 7: not in a template. */
function unansweredItems(): ChecklistItem[] {
  return [
    {
      question: 'Many services, and a team that already runs Kubernetes?',
      lean: 'unknown',
      answer: 'Not in the template. If so: EKS; otherwise ECS on Fargate.',
    },
    {
      question: 'An internal tool or prototype that needs little control?',
      lean: 'unknown',
      answer:
        'Not in the template. If so: ECS Express Mode (one call sets up Fargate, a load balancer and autoscaling, at Fargate prices); App Runner is closed to new customers since 2026-04-30.',
    },
  ];
}

/** The cheaper side, unless the work is too long for Lambda; with the reasons. */
function recommend({ longest, async, websocket, databases }: Evidence, scenario: Scenario, report: CostReport): Decision['recommendation'] {
  const reasons: string[] = [];
  let side: 'lambda' | 'fargate' | 'either' = report.cheaper === 'fargate' ? 'fargate' : report.cheaper === 'lambda' ? 'lambda' : 'either';
  if (longest > MAX_TIMEOUT_S) {
    side = 'fargate';
    reasons.push('The work can take longer than Lambda\u2019s 15 minutes.');
  } else {
    reasons.push(
      `${report.cheaper === 'lambda' ? 'Lambda' : report.cheaper === 'fargate' ? 'Fargate' : 'Neither'} is cheaper at ${formatCount(scenario.requestsPerMonth)} requests/month (${formatUsd(report.lambda.monthlyUsd)} vs ${formatUsd(report.fargate.monthlyUsd)}).`,
    );
    if (async.length > 0) reasons.push('The work is event-driven: Lambda has no idle cost.');
    if (websocket || databases.length) reasons.push('Long-lived connections or a database pool favour containers (or RDS Proxy on Lambda).');
  }
  return { side, reasons };
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
