/**
 * Estimates for the functions of every analysed template, cached until the template's result, the usage
 * file or the cost settings change. Hovers, CodeLenses and the status total read from here.
 */
import {
  type CostSettings,
  type EngineConfig,
  type CapacityCost,
  type CountedWorkload,
  countedWorkloads,
  declarationKey,
  declaredElsewhere,
  type FunctionCost,
  type ServiceCost,
  type PriceBook,
  priceBook,
  type TaskCost,
  templateCosts,
  type WorkloadEstimate,
  type WorkspaceTotal,
  workspaceTotal,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { type Analyzer } from '../analyzer.js';
import { type Log } from '../log.js';
import { readCostSettings } from './settings.js';
import { type UsageFiles } from './usage.js';
import { candidateSelector } from '../support/candidates.js';

export type { CapacityCost, FunctionCost, ServiceCost, TaskCost };

/** The documents that can have costs (hovers and lenses are registered for them). */
export const COST_SELECTOR: vscode.DocumentSelector = candidateSelector();

interface Cached {
  stamp: number;
  usageVersion: number;
  settingsVersion: number;
  costs: FunctionCost[];
  tasks: TaskCost[];
  services: ServiceCost[];
  capacity: CapacityCost[];
}

export class CostService implements vscode.Disposable {
  private settings: CostSettings;
  private settingsVersion = 0;
  private readonly cache = new Map<string, Cached>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any estimate may have changed (template, usage file or settings). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly analyzer: Analyzer,
    readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    this.settings = readCostSettings(vscode.workspace.getConfiguration('crossover'), (problem) => log.warnOnce(problem));
    this.disposables = [
      this.changed,
      analyzer.onDidChangeResults(log.guard('Cost refresh', () => this.changed.fire())),
      usage.onDidChange(log.guard('Cost refresh', () => this.changed.fire())),
    ];
  }

  /** The engine configuration the diagnostics run with (its limits, for the hovers). */
  get engineConfig(): EngineConfig {
    return this.analyzer.engineConfig;
  }

  reconfigure(): void {
    this.settings = readCostSettings(vscode.workspace.getConfiguration('crossover'), (problem) => this.log.warnOnce(problem));
    this.settingsVersion++;
    this.changed.fire();
  }

  /** The functions of a template with their estimates ([] when it is not an analysed template). */
  costsFor(uri: vscode.Uri): FunctionCost[] {
    return this.entry(uri)?.costs ?? [];
  }

  /** The task definitions and services of a file with their estimates. */
  taskCostsFor(uri: vscode.Uri): TaskCost[] {
    return this.entry(uri)?.tasks ?? [];
  }

  /** The ECS Express Mode and App Runner services of a file with their estimates. */
  serviceCostsFor(uri: vscode.Uri): ServiceCost[] {
    return this.entry(uri)?.services ?? [];
  }

  /** The EKS node groups and Fargate profiles of a file with their own cost (no workload to compare). */
  capacityFor(uri: vscode.Uri): CapacityCost[] {
    return this.entry(uri)?.capacity ?? [];
  }

  private entry(uri: vscode.Uri): Cached | undefined {
    const result = this.analyzer.resultFor(uri);
    const stamp = this.analyzer.stampOf(uri);
    if (!result?.model || stamp === undefined) return undefined;
    const key = uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.stamp === stamp && cached.usageVersion === this.usage.version && cached.settingsVersion === this.settingsVersion) return cached;
    const { usage, folder } = this.usage.usageFor(uri);
    const templatePath = folder ? vscode.workspace.asRelativePath(uri, false) : uri.path;
    const {
      functions: costs,
      tasks,
      services,
      capacity,
    } = templateCosts(result.model, templatePath, usage, this.settings, (id, error) => this.log.error(`Cost estimate for ${id} failed`, error));
    const entry: Cached = { stamp, usageVersion: this.usage.version, settingsVersion: this.settingsVersion, costs, tasks, services, capacity };
    this.cache.set(key, entry);
    if (this.cache.size > 2000) this.cache.clear();
    return entry;
  }

  /** The prices an estimate was computed with (region and the user's overrides). */
  pricesFor(estimate: WorkloadEstimate): PriceBook {
    return priceBook(estimate.region, this.settings.priceOverrides);
  }

  defaults(): CostSettings {
    return this.settings;
  }

  /** Every analysed template's URI. */
  analyzedTemplates(): vscode.Uri[] {
    return [...this.analyzer.templates()].map(({ uri }) => uri);
  }

  /** Every function of every analysed template. */
  allCosts(): { uri: vscode.Uri; cost: FunctionCost }[] {
    return [...this.analyzer.templates()].flatMap(({ uri }) => this.costsFor(uri).map((cost) => ({ uri, cost })));
  }

  allTaskCosts(): { uri: vscode.Uri; cost: TaskCost }[] {
    return [...this.analyzer.templates()].flatMap(({ uri }) => this.taskCostsFor(uri).map((cost) => ({ uri, cost })));
  }

  /** Every workload of every analysed template, each once (a service with its task definition is one), with its file. */
  allCounted(): { uri: vscode.Uri; workload: CountedWorkload }[] {
    const entries = [...this.analyzer.templates()].flatMap(({ uri }) => {
      const entry = this.entry(uri);
      return entry ? [{ uri, entry }] : [];
    });
    const nodesOf = (entry: Cached) => [...entry.costs.map((c) => c.fn), ...entry.tasks.map((t) => t.node), ...entry.services.map((s) => s.node)];
    // A construct class another file instantiates is counted through its instances there, not again on its own.
    const elsewhere = declaredElsewhere(entries.flatMap(({ entry }) => nodesOf(entry)));
    return entries.flatMap(({ uri, entry }) => {
      const counted = countedWorkloads({ ...entry, functions: entry.costs });
      if (elsewhere.size === 0) return counted.map((workload) => ({ uri, workload }));
      const left = new Set(nodesOf(entry).flatMap((n) => (!n.instance && elsewhere.has(declarationKey(n.loc)) ? [n.id] : [])));
      return counted.filter((w) => !left.has(w.id)).map((workload) => ({ uri, workload }));
    });
  }

  /** The workspace's typical monthly totals: as written (each workload once, where it runs today) and the savings. */
  total(): WorkspaceTotal {
    return workspaceTotal(
      this.allCounted().map((c) => c.workload),
      this.settings.freeTier,
      this.settings.priceOverrides,
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
