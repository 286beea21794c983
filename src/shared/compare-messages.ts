import { type ComparisonData, type Decision, type EquivalentConfig, type Overrides, type SummaryFigures } from '../core/browser.js';
/**
 * The comparison view's messages: what the extension sends the webview (the whole state, after every
 * change) and what the webview sends back (the user's edits and clicks). Types only, shared by both sides.
 */

export type WorkloadKind = 'lambda-function' | 'ecs-task-definition' | 'ecs-service';

export interface CompareViewState {
  workload: { id: string; kind: WorkloadKind; file: string; uri: string; line: number };
  /** `given`: the usage file sets the traffic; `assumed`: the low / typical / high bands. */
  traffic: 'given' | 'assumed';
  bands?: { low: number; high: number };
  /** The user's edits (also what "Save to usage file" writes). */
  overrides: Overrides;
  data: ComparisonData;
  /** Where each assumption of the workload came from (template, usage file, settings, default). */
  sources: { name: string; value: string; source: string }[];
  /** The decision checklist with its evidence, the recommendation and cold-start expectations. */
  decision: Decision;
  /** The same workload on the other side, to open as a new file. */
  equivalent: EquivalentConfig;
  /** The workload on every costed platform but its own, by platform id (the view's selector chooses one). */
  equivalents: Record<string, EquivalentConfig>;
}

/** What the summary lists: the workloads the view compares, Express Mode and App Runner services, EKS node groups (capacity). */
export type SummaryKind = WorkloadKind | 'ecs-express-service' | 'app-runner-service' | 'eks-nodegroup';

/** Does the comparison view open for a summary row of this kind? (Express Mode and App Runner services and node groups open their declaration.) */
export const comparable = (kind: SummaryKind): kind is WorkloadKind => kind === 'lambda-function' || kind === 'ecs-task-definition' || kind === 'ecs-service';

/** One row of the workspace summary: where the workload is, and its figures (one row per workload: a service with its task definition is one). */
export interface SummaryRow extends SummaryFigures {
  id: string;
  kind: SummaryKind;
  file: string;
  uri: string;
  line: number;
}

/** `freeTierCreditUsd`: Lambda's free tier, subtracted once from the summary's Lambda total (0 or negative). */
export type ToView = { type: 'state'; state: CompareViewState } | { type: 'summary'; rows: SummaryRow[]; freeTierCreditUsd?: number };

export type FromView =
  | { type: 'ready' }
  | { type: 'override'; overrides: Overrides }
  | { type: 'reset' }
  | { type: 'saveUsage' }
  /** `platform`: the equivalent chosen in the view (absent: the default one). */
  | { type: 'openEquivalent'; platform?: string }
  | { type: 'open'; uri: string; line: number }
  | { type: 'compare'; uri: string; id: string };
