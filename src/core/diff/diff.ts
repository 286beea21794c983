/**
 * What a change does: two versions of a set of IaC files (two folders, two files, a git revision and the
 * working tree) -> per file the CloudFormation resource changes, per workload the monthly cost before and
 * after on Lambda and on Fargate, the findings the change adds and resolves, and totals. Pure: the hosts
 * read the files (from disk or git) and pass the resource differ (`@aws-cdk/cloudformation-diff`, which
 * reads its service database from disk).
 */
import { type EngineConfig } from '../config.js';
import { type CostSettings } from '../cost/settings.js';
import { type WorkloadEstimate } from '../cost/estimate.js';
import { type UsageFile } from '../cost/usage-file.js';
import { templateCosts } from '../cost/workloads.js';
import { analyzeText, type AnalysisResult } from '../engine.js';
import { type PythonReader, type TerraformReader, type TypeScriptReader } from '../parse/readers.js';
import { type Finding, type Severity, SEVERITY_ORDER } from '../findings.js';
import { type TemplateFormat } from '../model/template.js';
import { cloudFormationView, type TemplateObject } from './cloudformation-view.js';
import { type FileReader } from '../parse/serverless/file-reader.js';

/** One file of one side. `path` is how both sides name it (relative, forward slashes). */
export interface SideFile {
  path: string;
  text: string;
  /** Reads files the template refers to (serverless `${file(...)}`, a CDK app's imports), on the same side. */
  readFile?: FileReader;
  /** The names of the files in its folder (a Terraform file reads its folder's), on the same side. */
  folderFiles?: () => readonly string[];
}

export interface Side {
  /** "HEAD", "main~1", a folder or file name: how reports name this side. */
  label: string;
  files: SideFile[];
  /** The usage file that applies to a template of this side (empty when none). */
  usageFor(path: string): UsageFile;
}

export interface PropertyChange {
  /** CloudFormation property path, e.g. `MemorySize` or `EphemeralStorage.Size`. */
  name: string;
  before: unknown;
  after: unknown;
  /** CloudFormation replaces the resource for this change (per the CloudFormation resource specification). */
  replacement: boolean;
}

export interface ResourceChange {
  id: string;
  type: string;
  change: 'added' | 'removed' | 'updated' | 'replaced';
  properties: PropertyChange[];
}

/** Compares two CloudFormation templates resource by resource. */
export type ResourceDiffer = (before: TemplateObject, after: TemplateObject) => ResourceChange[];

interface WorkloadCost {
  /** Monthly USD on Lambda and on Fargate for the same traffic, and on the platform it is deployed to. */
  lambda: number;
  fargate: number;
  deployed: number;
  requestsPerMonth: number;
  traffic: 'given' | 'assumed';
  cheaper: 'lambda' | 'fargate' | 'equal';
}

export interface WorkloadChange {
  file: string;
  id: string;
  kind: 'lambda-function' | 'ecs-task-definition' | 'ecs-service';
  /** Where it is deployed: a function on Lambda, a task or service on ECS (priced as Fargate). */
  runsOn: 'lambda' | 'fargate';
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  before?: WorkloadCost;
  after?: WorkloadCost;
  delta: { lambda: number; fargate: number; deployed: number };
  /** What moved the figures, in words: "memory 512 -> 1024 MB", "requests/month 1M -> 5M (usage file)". */
  changes: string[];
}

export interface FindingChange {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  resourceId?: string;
}

interface FileChange {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'unchanged';
  format: TemplateFormat;
  resources: ResourceChange[];
}

export interface Totals {
  lambda: number;
  fargate: number;
  deployed: number;
}

export interface DiffReport {
  before: string;
  after: string;
  files: FileChange[];
  workloads: WorkloadChange[];
  findings: { added: FindingChange[]; resolved: FindingChange[] };
  totals: { before: Totals; after: Totals; delta: Totals };
  /** Price regions and dates behind the figures, and anything else a reader should know. */
  notes: string[];
}

interface DiffOptions {
  config: EngineConfig;
  settings: CostSettings;
  differ?: ResourceDiffer;
  typescript?: TypeScriptReader;
  python?: PythonReader;
  terraform?: TerraformReader;
}

interface Analysed {
  file: SideFile;
  result: AnalysisResult;
  workloads: Map<string, { kind: WorkloadChange['kind']; runsOn: WorkloadChange['runsOn']; estimate: WorkloadEstimate }>;
}

export function diffSides(before: Side, after: Side, options: DiffOptions): DiffReport {
  const { report, modified } = compareSides(before, after, options);
  if (options.differ) for (const m of modified) m.file.resources = asDeployed(m, options.differ(viewOf(m.before), viewOf(m.after)));
  return report;
}

/**
 * The resource changes as the file's deployment tool would make them: CloudFormation's specification says which
 * changes replace a resource, which holds for templates and for what deploys through CloudFormation (serverless, CDK).
 * Terraform decides that itself (its plan says `forces replacement`), so a Terraform file's changes are updates.
 */
function asDeployed(m: Modified, changes: ResourceChange[]): ResourceChange[] {
  if ((m.after ?? m.before)?.result.format !== 'terraform') return changes;
  return changes.map((c) => ({
    ...c,
    change: c.change === 'replaced' ? 'updated' : c.change,
    properties: c.properties.map((p) => ({ ...p, replacement: false })),
  }));
}

/** Compares two CloudFormation templates resource by resource, elsewhere (a worker thread). */
export type AsyncResourceDiffer = (before: TemplateObject, after: TemplateObject) => Promise<ResourceChange[]>;

/**
 * The same, with the resource changes computed asynchronously (the editor: loading the library and its
 * CloudFormation specification takes about 70 ms, which the extension host should not pay for).
 */
export async function diffSidesAsync(before: Side, after: Side, options: Omit<DiffOptions, 'differ'> & { differ?: AsyncResourceDiffer }): Promise<DiffReport> {
  const { report, modified } = compareSides(before, after, options);
  const differ = options.differ;
  if (differ) await Promise.all(modified.map(async (m) => (m.file.resources = asDeployed(m, await differ(viewOf(m.before), viewOf(m.after))))));
  return report;
}

/** A file that differs between the sides: its resources are to be compared. */
interface Modified {
  file: FileChange;
  before: Analysed | undefined;
  after: Analysed | undefined;
}

/** Everything but the resource changes, and the files whose resources are to be compared. */
function compareSides(before: Side, after: Side, options: Omit<DiffOptions, 'differ'>): { report: DiffReport; modified: Modified[] } {
  const left = analyseSide(before, options);
  const right = analyseSide(after, options);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const report: DiffReport = {
    before: before.label,
    after: after.label,
    files: [],
    workloads: [],
    findings: { added: [], resolved: [] },
    totals: { before: zero(), after: zero(), delta: zero() },
    notes: [],
  };
  const modified: Modified[] = [];
  const priceNotes = new Set<string>();
  for (const path of paths) {
    const a = left.get(path);
    const b = right.get(path);
    const same = a !== undefined && b !== undefined && a.file.text === b.file.text;
    const status: FileChange['status'] = !a ? 'added' : !b ? 'removed' : same ? 'unchanged' : 'modified';
    const file: FileChange = { path, status, format: (b ?? a)!.result.format!, resources: [] };
    report.files.push(file);
    if (!same) modified.push({ file, before: a, after: b });
    for (const change of workloadChanges(path, a, b)) {
      report.workloads.push(change);
      for (const side of ['before', 'after'] as const) {
        const cost = change[side];
        if (!cost) continue;
        report.totals[side].lambda += cost.lambda;
        report.totals[side].fargate += cost.fargate;
        report.totals[side].deployed += cost.deployed;
      }
    }
    for (const side of [a, b])
      for (const { estimate } of side?.workloads.values() ?? []) priceNotes.add(`Prices: ${estimate.region}, dated ${estimate.priceDate}.`);
    const { added, resolved } = findingChanges(path, a?.result.findings ?? [], b?.result.findings ?? []);
    report.findings.added.push(...added);
    report.findings.resolved.push(...resolved);
  }
  const t = report.totals;
  t.delta = { lambda: t.after.lambda - t.before.lambda, fargate: t.after.fargate - t.before.fargate, deployed: t.after.deployed - t.before.deployed };
  report.notes.push(...priceNotes);
  if (report.workloads.some((w) => [w.before, w.after].some((c) => c?.traffic === 'assumed'))) {
    report.notes.push(
      `Traffic not in a usage file is assumed (${options.settings.traffic.typical.toLocaleString('en-US')} requests/month): set it in crossover.usage.yml for figures you can act on.`,
    );
  }
  return { report, modified };
}

function zero(): Totals {
  return { lambda: 0, fargate: 0, deployed: 0 };
}

/** The templates of a side, analysed, with their workloads' estimates (files that are not templates are left out). */
function analyseSide(side: Side, options: Omit<DiffOptions, 'differ'>): Map<string, Analysed> {
  const out = new Map<string, Analysed>();
  for (const file of side.files) {
    const result = analyzeText(
      {
        uri: file.path,
        text: file.text,
        ...(options.typescript ? { typescript: options.typescript } : {}),
        ...(options.python ? { python: options.python } : {}),
        ...(options.terraform ? { terraform: options.terraform } : {}),
        ...(file.folderFiles ? { folderFiles: file.folderFiles } : {}),
        ...(file.readFile ? { readFile: file.readFile } : {}),
      },
      options.config,
    );
    if (result.format === undefined) continue;
    const workloads: Analysed['workloads'] = new Map();
    if (result.model) {
      const model = result.model;
      const costs = templateCosts(model, file.path, side.usageFor(file.path), options.settings);
      for (const { fn, estimate } of costs.functions) workloads.set(fn.id, { kind: 'lambda-function', runsOn: 'lambda', estimate });
      for (const { node, estimate } of costs.tasks) {
        // A task definition that a service runs is counted through the service (its task count and load balancer).
        if (node.kind === 'ecs-task-definition' && model.services.some((s) => s.taskDefinitionId === node.id)) continue;
        workloads.set(node.id, { kind: node.kind, runsOn: 'fargate', estimate });
      }
    }
    out.set(file.path, { file, result, workloads });
  }
  return out;
}

function viewOf(side: Analysed | undefined): TemplateObject {
  if (!side?.result.model) return { Resources: {} };
  return cloudFormationView(side.file.path, side.file.text, side.result.model);
}

function costOf(runsOn: WorkloadChange['runsOn'], e: WorkloadEstimate): WorkloadCost {
  const lambda = e.typical.lambda.monthlyUsd;
  const fargate = e.typical.fargate.monthlyUsd;
  return {
    lambda,
    fargate,
    deployed: runsOn === 'lambda' ? lambda : fargate,
    requestsPerMonth: e.typical.requestsPerMonth,
    traffic: e.traffic,
    cheaper: e.typical.cheaper,
  };
}

function workloadChanges(path: string, a: Analysed | undefined, b: Analysed | undefined): WorkloadChange[] {
  const ids = [...new Set([...(a?.workloads.keys() ?? []), ...(b?.workloads.keys() ?? [])])];
  return ids.map((id) => {
    const x = a?.workloads.get(id);
    const y = b?.workloads.get(id);
    const shape = (y ?? x)!;
    const before = x ? costOf(x.runsOn, x.estimate) : undefined;
    const after = y ? costOf(y.runsOn, y.estimate) : undefined;
    const diff = (key: keyof Totals) => (after?.[key] ?? 0) - (before?.[key] ?? 0);
    const changes = x && y ? scenarioChanges(x.estimate, y.estimate) : [];
    const moved = Math.abs(diff('lambda')) >= 0.005 || Math.abs(diff('fargate')) >= 0.005;
    const status: WorkloadChange['status'] = !x ? 'added' : !y ? 'removed' : moved || changes.length ? 'changed' : 'unchanged';
    return {
      file: path,
      id,
      kind: shape.kind,
      runsOn: shape.runsOn,
      status,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      delta: { lambda: diff('lambda'), fargate: diff('fargate'), deployed: diff('deployed') },
      changes,
    };
  });
}

/** The inputs of the estimate that differ, in words, with where the new value comes from. */
function scenarioChanges(x: WorkloadEstimate, y: WorkloadEstimate): string[] {
  const out: string[] = [];
  const p = x.scenario;
  const q = y.scenario;
  const source = (name: string) => y.assumptions.find((s) => s.name === name)?.source;
  const add = (label: string, from: unknown, to: unknown, unit = '', sourceName?: string) => {
    if (from === to) return;
    const where = sourceName ? source(sourceName) : undefined;
    out.push(`${label} ${String(from)}${unit} -> ${String(to)}${unit}${where ? ` (${where})` : ''}`);
  };
  add('requests/month', count(p.requestsPerMonth), count(q.requestsPerMonth), '', 'Requests per month');
  add('duration', p.durationMs, q.durationMs, ' ms', 'Average duration');
  add('Lambda memory', p.lambda.memoryMb, q.lambda.memoryMb, ' MB', 'Memory');
  add('architecture', p.lambda.architecture, q.lambda.architecture);
  add('front door', p.lambda.frontDoor, q.lambda.frontDoor);
  add('provisioned concurrency', p.lambda.provisionedConcurrency, q.lambda.provisionedConcurrency);
  add('ephemeral storage', p.lambda.ephemeralStorageMb, q.lambda.ephemeralStorageMb, ' MB');
  add('Fargate vCPU', p.fargate.vcpu, q.fargate.vcpu);
  add('Fargate memory', p.fargate.memoryGb, q.fargate.memoryGb, ' GB');
  add('Fargate tasks', p.fargate.tasks ?? 'from traffic', q.fargate.tasks ?? 'from traffic');
  add('region', p.region, q.region);
  return out;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Findings are matched by rule and resource (not by message: "512 MB" becoming "1024 MB" in a message is
 * the same finding still open). Several findings of one rule on one resource are matched by count.
 */
function findingChanges(path: string, before: readonly Finding[], after: readonly Finding[]): { added: FindingChange[]; resolved: FindingChange[] } {
  const key = (f: Finding) => `${f.ruleId}\u0000${f.resourceId ?? f.message}`;
  const unmatched = (from: readonly Finding[], against: readonly Finding[]) => {
    const left = new Map<string, number>();
    for (const f of against) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
    return from.filter((f) => {
      const n = left.get(key(f)) ?? 0;
      if (n > 0) {
        left.set(key(f), n - 1);
        return false;
      }
      return true;
    });
  };
  const entry = (f: Finding): FindingChange => ({
    file: path,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    ...(f.resourceId ? { resourceId: f.resourceId } : {}),
  });
  return { added: unmatched(after, before).map(entry), resolved: unmatched(before, after).map(entry) };
}

/** The most severe finding the change adds, if any. */
export function worstAdded(report: DiffReport): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of report.findings.added) if (!worst || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}
