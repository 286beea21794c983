/**
 * Everything the comparison view shows about one workload that follows from its estimate and the user's edits:
 * the figures (workloadComparison), where the traffic comes from, the low / high bands, the labelled assumptions,
 * the checklist's decision and the same workload written for the other side. The extension's panel adds where
 * the workload is; the tests and the real-browser view test build their states with this same function.
 */
import { workloadComparison, type ComparisonData, type Overrides } from './comparison.js';
import { decide, type Decision } from './decision.js';
import { equivalents, fargateEquivalent, lambdaEquivalent, type EquivalentConfig } from './equivalent.js';
import { type WorkloadEstimate } from './estimate.js';
import { priceBook, type PriceOverrides } from './price-book.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../model/nodes.js';

export interface ViewFigures {
  traffic: 'given' | 'assumed';
  bands?: { low: number; high: number };
  data: ComparisonData;
  sources: { name: string; value: string; source: string }[];
  decision: Decision;
  equivalent: EquivalentConfig;
  /** The workload on every costed platform but its own, by platform id (the view's selector). */
  equivalents: Record<string, EquivalentConfig>;
}

/** A function, or a task definition (for a service: the one it runs). */
export type ViewedWorkload = { fn: LambdaFunction; task?: undefined } | { fn?: undefined; task: EcsTaskDefinition };

/** `teamRunsKubernetes`: the setting the checklist weighs EKS with. */
export function viewFigures(
  estimate: WorkloadEstimate,
  workload: ViewedWorkload,
  overrides: Overrides,
  priceOverrides: PriceOverrides,
  options: { teamRunsKubernetes?: boolean } = {},
): ViewFigures {
  const data = workloadComparison(estimate, overrides, priceOverrides);
  const viewed = workload.fn ? { fn: workload.fn } : { task: workload.task };
  return {
    // Traffic typed into the view is a figure the user gave, as one from the usage file is.
    traffic: overrides.requestsPerMonth !== undefined ? 'given' : estimate.traffic,
    ...(estimate.low && estimate.high ? { bands: { low: estimate.low.requestsPerMonth, high: estimate.high.requestsPerMonth } } : {}),
    data,
    sources: estimate.assumptions.map((a) => ({ name: a.name, value: a.value, source: a.source })),
    decision: decide(viewed, data.scenario, data.report, { teamRunsKubernetes: options.teamRunsKubernetes ?? false, assumptions: estimate.assumptions }),
    equivalent: workload.fn ? fargateEquivalent(workload.fn, data.scenario, data.report) : lambdaEquivalent(workload.task, data.scenario),
    equivalents: equivalents(viewed, data.scenario, data.report, priceBook(data.scenario.region, priceOverrides)),
  };
}
