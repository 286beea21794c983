/**
 * The engine's one entry point: text in, workloads and findings out. Pure (no file system, no editor),
 * never throws for any input, and can be cancelled between steps when a newer edit makes it stale.
 *
 * This module is the pipeline only: which format reads the file comes from the registry (formats.ts); the
 * steps' work is in analysis/ (findings.ts: problems as findings; document-edits.ts: fixes and ignores;
 * run-rule.ts: a rule over the model; summaries.ts: the workloads; internal-error.ts: a bug as a finding).
 */
import { type EngineConfig } from './config.js';
import { dedupeFindings, type Finding } from './findings.js';
import { formatFor, INPUT_FORMATS, type InputFormat } from './formats.js';
import { type TemplateFormat, type TemplateModel } from './model/template.js';
import { type ParsedTemplate } from './parse/cloudformation/types.js';
import { type LoadedDocument, type Syntax } from './parse/document/load.js';
import { type DocumentMemo } from './parse/document/reuse.js';
import { isInputLimit } from './parse/input-limit.js';
import { type AnalysisInput } from './parse/readers.js';
import { RULES } from './rules/registry.js';
import { fixMakerFor, NO_EDITS } from './analysis/document-edits.js';
import { compareFindings, documentProblemFindings, limitFinding, modelProblemFindings, tooLargeFinding } from './analysis/findings.js';
import { internalErrorFinding } from './analysis/internal-error.js';
import { runRule } from './analysis/run-rule.js';
import { summarizeWorkloads, type WorkloadSummary } from './analysis/summaries.js';

interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface AnalysisResult {
  uri: string;
  /**
   * undefined: the file is not a template this engine reads, and it has been left alone (unless there are
   * findings: an internal error before the file could be recognised; see `isListed`).
   */
  format: TemplateFormat | undefined;
  syntax: Syntax | undefined;
  workloads: WorkloadSummary[];
  findings: Finding[];
  model?: TemplateModel;
  /** Set when the run was cancelled; its results are incomplete and should be dropped. */
  cancelled?: boolean;
  /** Analysis time in milliseconds. */
  durationMs: number;
}

/**
 * Runs the analysis to the end (the CLI's way). The token is honoured between steps. `formats`: the input
 * formats to dispatch through (tests add their own; the faces leave it). `memo`: what is kept of this document's
 * previous version, for a document being typed in (the result is the same; reading it after a small edit is faster).
 */
export function analyzeText(
  input: AnalysisInput,
  config: EngineConfig,
  token?: CancellationToken,
  formats: readonly InputFormat[] = INPUT_FORMATS,
  memo?: DocumentMemo,
): AnalysisResult {
  const run = analysisSteps(input, config, formats, memo);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (token?.isCancellationRequested) return cancelledResult(input);
  }
}

/**
 * Between two steps of the editor's way: a promise that resolves once other work (a cancellation, a newer keystroke) had
 * its turn, or undefined to go on at once (the caller's time slice is not used up yet: an engine thread's, src/node/pause.ts;
 * awaiting undefined costs a microtask, not a turn of the event loop).
 */
export type Pause = () => Promise<void> | undefined;

/**
 * The editor's way: the same steps, handing control back to the event loop between them when `pause` says so, so a
 * newer keystroke can cancel a stale run instead of waiting for it. A cancelled run resolves with
 * `cancelled: true` and no findings. `memo`: as for `analyzeText`.
 */
export async function analyzeTextAsync(
  input: AnalysisInput,
  config: EngineConfig,
  token: CancellationToken,
  pause: Pause,
  formats: readonly InputFormat[] = INPUT_FORMATS,
  memo?: DocumentMemo,
): Promise<AnalysisResult> {
  const run = analysisSteps(input, config, formats, memo);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await pause();
    if (token.isCancellationRequested) return cancelledResult(input);
  }
}

/** Does a face show this file? Templates, and files whose analysis failed before they could be recognised. */
export function isListed(result: Pick<AnalysisResult, 'format' | 'findings'>): boolean {
  return result.format !== undefined || result.findings.length > 0;
}

/**
 * The result for a file whose analysis could not run to its end outside the engine (the thread running it stopped):
 * an internal-error finding, so the file is listed with the reason instead of silently left out.
 */
export function failedResult(input: { uri: string }, config: EngineConfig, stage: string, error: unknown): AnalysisResult {
  const finding = internalErrorFinding(input, config, stage, error);
  return { uri: input.uri, format: undefined, syntax: undefined, workloads: [], findings: finding ? [finding] : [], durationMs: 0 };
}

function cancelledResult(input: AnalysisInput): AnalysisResult {
  return { uri: input.uri, format: undefined, syntax: undefined, workloads: [], findings: [], cancelled: true, durationMs: 0 };
}

/** How much of a file's text a guess from the text alone looks at. */
const GUESS_WINDOW = 65536;

/**
 * Read (through the file's format), build, then each rule: a step each. Never throws. A known limit of a
 * reader (code nested too deeply to parse) becomes a `parse-error` where it was reached; any other exception
 * is a bug, reported as an `internal-error` finding. Either way the file keeps the format it was taken for,
 * so the faces list it as the template it is (with what was found before the failure) instead of dropping it.
 */
function* analysisSteps(
  input: AnalysisInput,
  config: EngineConfig,
  formats: readonly InputFormat[],
  memo: DocumentMemo | undefined,
): Generator<void, AnalysisResult, void> {
  const started = performance.now();
  const done = (partial: Omit<AnalysisResult, 'uri' | 'durationMs'>): AnalysisResult => ({
    uri: input.uri,
    ...partial,
    durationMs: performance.now() - started,
  });
  const notTemplate = (syntax?: Syntax) => done({ format: undefined, syntax, workloads: [], findings: [] });
  // A file that cannot be read to the end is judged by its text, as the fallback format (YAML/JSON) guesses.
  const fallback = formats.find((f) => f.fallback);
  const guess = (text: string) => (fallback?.reads === 'document' ? fallback.guess?.(text.slice(0, GUESS_WINDOW)) : undefined);
  // What the file is taken for so far, and what was found: kept when a later step fails.
  let format: TemplateFormat | undefined;
  let syntax: Syntax | undefined;
  let stage = 'reading';
  const findings: Finding[] = [];

  try {
    if (input.text.length > config.maxFileSizeBytes) {
      // A file a format claims by its name alone (a .tf file) is that format; others are judged by their first bytes.
      const named = formatFor(input.uri, formats);
      const looksLike = named && !named.fallback && !named.code && named.takenFor ? named.takenFor.format : guess(input.text);
      if (!looksLike) return notTemplate();
      const tooLarge = tooLargeFinding(input, config);
      return done({ format: looksLike, syntax: undefined, workloads: [], findings: tooLarge ? [tooLarge] : [] });
    }
    // The format that reads the file, by its name; its cheap text test decides before any parsing.
    const reading = formatFor(input.uri, formats);
    if (!reading || (reading.reader !== 'none' && !input[reading.reader]) || (reading.mentions && !reading.mentions(input.text))) return notTemplate();
    let parsed: ParsedTemplate;
    let doc: LoadedDocument | undefined;
    if (reading.reads === 'model') {
      // A CDK app: the reader builds the model from the code.
      [format, syntax] = [reading.takenFor.format, reading.takenFor.syntax];
      const built = reading.read(input, memo);
      if (!built) return notTemplate();
      parsed = built;
    } else {
      // A document of settings: read, recognised, then built by what it is.
      [format, syntax] = [reading.takenFor?.format, reading.takenFor?.syntax];
      doc = reading.read(input, memo);
      if (!doc) return notTemplate();
      syntax = doc.syntax;
      format = reading.detect(doc, input.text);
      if (!format) return notTemplate(doc.syntax);
      findings.push(...documentProblemFindings(doc, config));
      yield;
      stage = 'building the model of';
      parsed = reading.build(doc, format, input.readFile);
    }

    const { model } = parsed;
    findings.push(...modelProblemFindings(parsed, config));
    const fixes = input.edits === false ? NO_EDITS : fixMakerFor(doc, format, reading.edits);
    let workloads: WorkloadSummary[] = [];
    try {
      workloads = summarizeWorkloads(model);
    } catch (error) {
      pushFinding(findings, internalErrorFinding(input, config, 'summarising the workloads of', error));
    }
    for (const rule of RULES) {
      yield;
      try {
        runRule(rule, model, config, findings, fixes);
      } catch (error) {
        // One failing rule must not hide what the others find.
        pushFinding(findings, internalErrorFinding(input, config, `running rule ${rule.meta.id} on`, error));
      }
    }
    const own = inThisFile(findings, input.uri, model);
    own.sort(compareFindings);
    // The instances of a custom CDK construct share what their class writes: each such finding is reported once.
    return done({ format, syntax, workloads, findings: dedupeFindings(own), model });
  } catch (error) {
    if (isInputLimit(error)) pushFinding(findings, limitFinding(input, config, error));
    else pushFinding(findings, internalErrorFinding(input, config, stage, error));
    findings.sort(compareFindings);
    // A failure before the file was recognised: judge it by its text, as for a file too large to read.
    const guessed = format ?? (syntax === undefined || syntax === 'yaml' || syntax === 'json' ? guess(input.text) : undefined);
    return done({ format: guessed, syntax, workloads: [], findings });
  }
}

/**
 * The findings of this file, where the faces show them (in its document). A finding whose value is written in another
 * file (a Terraform task definition's containers in the JSON file `file()` reads, a CDK class's own value) moves to
 * its resource's declaration here, with the place it is written as related information; its fix, an edit of the
 * other file, goes. A finding with no resource in this file belongs to that other file's analysis.
 */
function inThisFile(findings: readonly Finding[], uri: string, model: TemplateModel): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.uri === uri) {
      out.push(finding);
      continue;
    }
    const node = finding.resourceId !== undefined ? model.byId.get(finding.resourceId) : undefined;
    if (!node || node.loc.uri !== uri) continue;
    const { fix: _fix, ...rest } = finding;
    out.push({
      ...rest,
      uri,
      range: node.loc.range,
      related: [{ uri: finding.uri, range: finding.range, message: 'The value is written here.' }, ...finding.related],
    });
  }
  return out;
}

function pushFinding(findings: Finding[], finding: Finding | undefined): void {
  if (finding) findings.push(finding);
}
