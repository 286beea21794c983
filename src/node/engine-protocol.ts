/**
 * (Node hosts.) The messages between the editor's extension host and the engine thread (engine-worker.ts): plain
 * data, copied by the structured clone algorithm.
 */
import {
  type AnalysisResult,
  type CostSettings,
  type DiffReport,
  type EngineConfig,
  type FileFigures,
  type UsageFile,
  type viewFigures,
  type ViewFigures,
} from '../core/index.js';
import { type DiskFile, type EngineFile, type SkippedRead } from './engine-input.js';

/** What a request asks for besides the analysis: `urgent`, a document the user is typing in (before the scan's files); `constructPaths`, of a cdk.out template. */
export interface EngineOptions {
  urgent?: boolean;
  /** A file of a workspace scan: analysed in a scan thread, at a lower priority, when there is one (EngineThread). */
  background?: boolean;
  constructPaths?: boolean;
  /** For an urgent request: the answer whose model the host holds for this document (model-delta.ts). */
  base?: number;
  /** The workspace figures of the file's workloads are asked for, with these cost inputs (see CostInputs). */
  costs?: CostRequest;
  /**
   * The findings without their edits (`fix`, `ignore`): a file read from disk, whose quick fixes are offered only once
   * it is open (and analysed again as a document). The edits are most of a finding's size.
   */
  withoutEdits?: boolean;
  /**
   * The model stays in the thread when the file's workspace figures come with the answer (the workspace scan's files:
   * the host keeps their figures, and reads a file again when it needs its model: Analyzer.readAgain). A CDK app
   * keeps its model: other files' lenses look up its construct instances, and its cdk.out is mapped to it.
   */
  withoutModel?: boolean;
}

/** The result without its model, when its figures stand for it (see EngineOptions.withoutModel). */
export function withoutModel<T extends AnalysisResult & { figures?: EngineFigures }>(result: T): T {
  if (!result.figures || !result.model || result.format === 'cdk') return result;
  const { model: _model, ...rest } = result;
  return rest as T;
}

/**
 * What the estimates of a file depend on besides its model: the cost settings and the usage file of its folder. The
 * host sends them once per change (`costInputs`), numbered; a request names the number it was made under, and the
 * thread computes figures only under those inputs (else the host computes them itself).
 */
export interface CostInputs {
  version: number;
  settings: CostSettings;
  /** Usage files by key (the workspace folder's URI; '' outside any folder). */
  usage: [string, UsageFile][];
}

/** A request's figures: under which inputs, the file's usage key, and its path as the usage file names it. */
export interface CostRequest {
  version: number;
  usageKey: string;
  templatePath: string;
  /** With each workload's summary row (its crossovers solved): the workspace summary asks for a file's rows so. */
  summaries?: boolean;
}

/** The file's workspace figures, computed under the inputs `version` (errors: workloads whose estimate failed). */
export interface EngineFigures {
  version: number;
  figures: FileFigures;
  errors: { id: string; message: string }[];
}

/**
 * `analyze` is queued (one runs at a time); `viewFigures` (a comparison view's figures: a sweep and a sensitivity
 * solve, tens of milliseconds) is answered between two steps of the analysis under way. `config.now` travels as a Date.
 */
export type ToEngine =
  | { kind: 'analyze'; id: number; file: EngineFile | DiskFile; config: EngineConfig; options: EngineOptions }
  | { kind: 'cancel'; id: number }
  | { kind: 'costInputs'; inputs: CostInputs }
  | { kind: 'viewFigures'; id: number; args: Parameters<typeof viewFigures> }
  | { kind: 'diffFile'; id: number; request: FileDiffRequest };

/**
 * One file against another version of it (the cost change against HEAD): `path` is how the report names it, `local`
 * where the files it refers to are read (the same for both sides); `before.text` undefined when the file is new.
 */
export interface FileDiffRequest {
  path: string;
  local?: EngineFile['local'];
  before: { label: string; text: string | undefined; usage: UsageFile };
  after: { label: string; text: string; usage: UsageFile };
  config: EngineConfig;
  settings: CostSettings;
}

/**
 * The analysis, with the construct paths of a cdk.out template when asked for; `skipped`: a DiskFile that was not
 * read (the analysis is then empty).
 */
export type EngineResult = AnalysisResult & { constructPaths?: Map<string, string>; figures?: EngineFigures; skipped?: SkippedRead };

/** The answer for a DiskFile that was not read. */
export function skippedResult(uri: string, skipped: SkippedRead): EngineResult {
  return { uri, format: undefined, syntax: undefined, workloads: [], findings: [], durationMs: 0, skipped };
}

/**
 * `queuedMs`: how long the request waited behind others; `base`: the answer the model's placeholders refer to
 * (model-delta.ts); `error`: the engine thread itself failed (not the file). `early`: for a document being typed in,
 * its findings (and format) as soon as the analysis ends, ahead of the answer itself, which follows once the model
 * is ready to send: the squiggles do not wait for it.
 */
export type FromEngine =
  | { id: number; result: EngineResult; queuedMs: number; base?: number }
  | { id: number; early: Pick<AnalysisResult, 'format' | 'findings'> }
  | { id: number; figures: ViewFigures }
  | { id: number; report: DiffReport; problems: string[] }
  | { id: number; error: string };
