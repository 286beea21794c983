/**
 * The cost estimates of every workload of one template: each Lambda function, each ECS task
 * definition (run by its first service, or alone) and service, each ECS Express Mode and App Runner service, each
 * on the platform it runs on today (`estimate.runsOn`) and the others; and the template's EKS capacity (node groups
 * at their own cost, Fargate profiles as a note). The CLI's `cost` and `diff`, and the editor's CodeLenses, hovers
 * and views all read their figures from here.
 */
import {
  type AppRunnerService,
  type EcsExpressService,
  type EcsService,
  type EcsTaskDefinition,
  type LambdaFunction,
  type ResourceBase,
} from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { estimateSteps, type Workload, type WorkloadEstimate } from './estimate.js';
import { usesRdsProxy } from './assumptions.js';
import { capacityCosts, type CapacityCost } from './home.js';
import { type CostSettings } from './settings.js';
import { type UsageFile } from './usage-file.js';

export interface FunctionCost {
  fn: LambdaFunction;
  estimate: WorkloadEstimate;
}

/** A task definition (and the service running it), or a service, with its Fargate and Lambda estimate. */
export interface TaskCost {
  node: EcsTaskDefinition | EcsService;
  task: EcsTaskDefinition;
  estimate: WorkloadEstimate;
}

/** An ECS Express Mode or App Runner service: a workload without a task definition of its own. */
export interface ServiceCost {
  node: EcsExpressService | AppRunnerService;
  estimate: WorkloadEstimate;
}

export type { CapacityCost } from './home.js';

export interface TemplateCosts {
  functions: FunctionCost[];
  tasks: TaskCost[];
  /** Express Mode services (home: ecs-express) and App Runner services (home: app-runner). */
  services: ServiceCost[];
  /** EKS node groups (their own cost, no comparison) and Fargate profiles (a note). */
  capacity: CapacityCost[];
}

/**
 * Estimates kept from one version of a file to the next: a workload whose inputs are the same as before (its node,
 * place included, its template path, the same usage file and settings) keeps its estimate instead of being
 * estimated again. Typing in one function of a 300-function template re-estimates that one. Entries not used by
 * the latest computation that ended are dropped, so the memo holds one template's estimates at most, and those of the
 * computations left unfinished since. A computation left unfinished (the editor drops it when a newer version comes)
 * keeps what it estimated for the next: a first estimate of a large file goes on where it stopped while typing goes on,
 * instead of starting again each time.
 */
/** The most node texts an EstimateMemo numbers before it starts again (see contentId). */
const MAX_IDS = 20_000;

export class EstimateMemo {
  private usage: UsageFile | undefined;
  private settings: CostSettings | undefined;
  private kept = new Map<string, WorkloadEstimate | undefined>();
  private used = new Map<string, WorkloadEstimate | undefined>();

  /** Starts a computation: a different usage file or settings object makes every kept estimate stale. */
  begin(usage: UsageFile, settings: CostSettings): void {
    if (usage !== this.usage || settings !== this.settings) this.kept.clear();
    this.usage = usage;
    this.settings = settings;
    this.used = new Map();
  }

  /**
   * Each node's content as a short number: the same text, the same number (`ids`), so a key is a few numbers, not the
   * kilobytes of each node's text (a 300-function template's keys were a megabyte a keystroke). A node the editor kept
   * from the previous version is not written out again (`idOf`). Numbers are never reused: `ids` may be emptied (it
   * is, past MAX_IDS texts), which only makes later keys miss.
   */
  private readonly idOf = new WeakMap<object, number>();
  private ids = new Map<string, number>();
  private nextId = 0;

  private contentId(value: object): number {
    let id = this.idOf.get(value);
    if (id === undefined) {
      const text = JSON.stringify(value);
      id = this.ids.get(text);
      if (id === undefined) {
        if (this.ids.size >= MAX_IDS) this.ids = new Map();
        this.ids.set(text, (id = this.nextId++));
      }
      this.idOf.set(value, id);
    }
    return id;
  }

  /** The workload's estimate: the one kept when its inputs are the same as before, else computed (in `compute`'s steps). */
  *estimateSteps(
    workload: Workload,
    templatePath: string,
    compute: () => Generator<void, WorkloadEstimate | undefined, void>,
  ): Generator<void, WorkloadEstimate | undefined, void> {
    const key = this.keyOf(workload, templatePath);
    const estimate = this.kept.has(key) ? this.kept.get(key) : yield* compute();
    this.used.set(key, estimate);
    this.kept.set(key, estimate);
    return estimate;
  }

  private keyOf(workload: Workload, templatePath: string): string {
    let key = templatePath;
    for (const [name, value] of Object.entries(workload))
      key += `\u0000${name}\u0000${value === null || typeof value !== 'object' ? `=${String(value)}` : `#${this.contentId(value)}`}`;
    return key;
  }

  /** Ends a computation: what it did not use is forgotten. */
  end(): void {
    this.kept = this.used;
  }
}

/** Runs steps (a generator that hands control back between them) to the end, and returns what the last gives. */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `templatePath`: how the usage file names the template (`path#LogicalId`). A workload whose estimate
 * throws is left out and reported to `onError` (the hosts log it), so one bad resource never hides the rest.
 * `memo`: estimates kept from the file's previous version.
 */
export const templateCosts = (...args: Parameters<typeof templateCostSteps>): TemplateCosts => runToEnd(templateCostSteps(...args));

/**
 * Which workloads an editor shows (their lenses in view or near it): for these, what a lens reads of an estimate (its
 * traffic bands, assumptions, prices and notes, worked out when first read) is worked out in steps of the computation,
 * not all at once when the lenses are drawn. The others' are worked out if ever read (most never are: they are a
 * large template's workloads out of view, or the CDK apps' whose instances another file's lenses sum).
 */
export type ShownWorkload = (node: ResourceBase) => boolean;

/** The same, one workload a step, so the editor can hand control back between them (a first estimate of a large template). */
export function* templateCostSteps(
  model: TemplateModel,
  templatePath: string,
  usage: UsageFile,
  settings: CostSettings,
  onError: (id: string, error: unknown) => void = () => {},
  memo?: EstimateMemo,
  { shown }: { shown?: ShownWorkload } = {},
): Generator<void, TemplateCosts, void> {
  memo?.begin(usage, settings);
  // Each workload in steps too (its needs, each platform's figure): the first estimate of a session compiles the whole
  // cost model, tens of milliseconds on a busy machine. A shown workload's lens reads are worked out in steps of their
  // own, also when its estimate was kept from the previous version (reading a part already worked out costs nothing).
  function* estimate(workload: Workload, ...nodes: (ResourceBase | undefined)[]): Generator<void, WorkloadEstimate | undefined, void> {
    const e = yield* memo
      ? memo.estimateSteps(workload, templatePath, () => estimateSteps(workload, templatePath, usage, settings))
      : estimateSteps(workload, templatePath, usage, settings);
    if (!e || !nodes.some((node) => node && shown?.(node))) return e;
    for (const read of [() => e.low, () => e.high, () => [e.assumptions, e.notes, e.prices]]) {
      yield;
      void read();
    }
    return e;
  }
  const functions: FunctionCost[] = [];
  // The template's NAT gateways (one per AZ, as it declares them): what a side in private subnets pays.
  const natGateways = [...model.resourceTypes.values()].filter((type) => type === 'AWS::EC2::NatGateway').length;
  for (const fn of model.functions) {
    try {
      const own = yield* estimate({ kind: 'lambda-function', fn: fn, rdsProxy: usesRdsProxy(fn, model), natGateways }, fn);
      if (own) functions.push({ fn, estimate: own });
    } catch (error) {
      onError(fn.id, error);
    }
    yield;
  }
  const tasks: TaskCost[] = [];
  for (const task of model.taskDefinitions) {
    try {
      const services = model.services.filter((s) => s.taskDefinitionId === task.id);
      const first = yield* estimate({ kind: 'ecs-task', task: task, service: services[0], natGateways }, task, services.length === 1 ? services[0] : undefined);
      if (first) tasks.push({ node: task, task, estimate: first });
      for (const service of services) {
        const own = services.length === 1 ? first : yield* estimate({ kind: 'ecs-task', task: task, service: service, natGateways }, service);
        if (own) tasks.push({ node: service, task, estimate: own });
      }
    } catch (error) {
      onError(task.id, error);
    }
    yield;
  }
  const services: ServiceCost[] = [];
  const serviceWorkloads = [
    ...model.expressServices.map((service) => ({ kind: 'express-service' as const, service, natGateways })),
    ...model.appRunnerServices.map((service) => ({ kind: 'app-runner-service' as const, service, natGateways })),
  ];
  for (const workload of serviceWorkloads) {
    try {
      const own = yield* estimate(workload, workload.service);
      if (own) services.push({ node: workload.service, estimate: own });
    } catch (error) {
      onError(workload.service.id, error);
    }
    yield;
  }
  let capacity: CapacityCost[] = [];
  try {
    capacity = capacityCosts(model, usage, settings);
  } catch (error) {
    onError(model.eksNodegroups[0]?.id ?? model.eksFargateProfiles[0]?.id ?? 'EKS capacity', error);
  }
  memo?.end();
  return { functions, tasks, services, capacity };
}
