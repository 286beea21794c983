/**
 * The engine's one entry point: text in, workloads and findings out. Pure (no file system, no editor),
 * never throws for any input, and can be cancelled between steps when a newer edit makes it stale.
 */
import { type EngineConfig } from './config.js';
import { type Finding, type Fix, type RelatedInformation, type Severity } from './findings.js';
import { guardShared, isSetFix, materializeFix, type SetFix } from './fixes.js';
import { type Range, type SourceLocation } from './model/location.js';
import { type ModelNode } from './model/nodes.js';
import { type TemplateFormat, type TemplateModel } from './model/template.js';
import { buildTaskDefinitionFileModel, buildTemplateModel } from './parse/cloudformation/build.js';
import { detectTemplate } from './parse/detect.js';
import { buildServerlessModel } from './parse/serverless/build.js';
import { isPythonFile, isScriptFile, mentionsCdk, mentionsCdkPython } from './parse/cdk/detect.js';
import { type ParsedTemplate } from './parse/cloudformation/types.js';
import { type FileReader } from './parse/serverless/variables.js';
import { LineIndex } from './parse/document/lines.js';
import { loadDocument, type LoadedDocument, type Syntax } from './parse/document/load.js';
import { type TreeNode } from './parse/document/tree.js';
import { type ParseProblem } from './parse/document/problems.js';
import { RULES, RULES_BY_ID } from './rules/registry.js';
import { formatMessage, ISSUES_URL, type Report, type Rule, type Visitors } from './rules/rule.js';
import { type InputLimitError, isInputLimit } from './parse/input-limit.js';

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface AnalysisInput {
  uri: string;
  text: string;
  /**
   * Reads another file of the project, relative to this one (for `${file(./config.yml):key}` in
   * serverless.yml); undefined when it cannot. The engine itself never touches the file system.
   */
  readFile?: FileReader;
  /**
   * What needs the TypeScript compiler: serverless.ts configuration objects and CDK apps (the hosts load
   * it only when needed). Without it, TypeScript and JavaScript files are not analysed.
   */
  typescript?: TypeScriptReader;
  /**
   * What needs the Python parser (tree-sitter, initialised asynchronously by the host): CDK apps in
   * Python. Without it, Python files are not analysed.
   */
  python?: PythonReader;
}

export interface PythonReader {
  cdk(uri: string, text: string, readFile?: FileReader): ParsedTemplate | undefined;
}

export interface TypeScriptReader {
  objectLiteral(uri: string, text: string): TreeNode | undefined;
  cdk(uri: string, text: string, readFile?: FileReader): ParsedTemplate | undefined;
}

/** serverless.ts (and .mts / .cts): the configuration as TypeScript. */
export function isServerlessTs(uri: string): boolean {
  return /(^|[\\/])serverless\.(ts|mts|cts)$/i.test(uri);
}

/** A compute workload as the CLI and editor list it. */
export interface WorkloadSummary {
  id: string;
  type: 'lambda-function' | 'ecs-task-definition' | 'ecs-service';
  name: string;
  memoryMb: number | null;
  timeoutSeconds: number | null;
  runtime: string | null;
  architecture: string | null;
  /** Task CPU units (ECS workloads only; for a service, its task definition's). */
  cpuUnits?: number | null;
  /** ECS services: the desired task count. */
  desiredCount?: number | null;
  range: Range;
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

/** Runs the analysis to the end (the CLI's way). The token is honoured between steps. */
export function analyzeText(input: AnalysisInput, config: EngineConfig, token?: CancellationToken): AnalysisResult {
  const run = analysisSteps(input, config);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (token?.isCancellationRequested) return cancelledResult(input);
  }
}

/**
 * The editor's way: the same steps, handing control back to the event loop between them (`pause`), so a
 * newer keystroke can cancel a stale run instead of waiting for it. A cancelled run resolves with
 * `cancelled: true` and no findings.
 */
export async function analyzeTextAsync(
  input: AnalysisInput,
  config: EngineConfig,
  token: CancellationToken,
  pause: () => Promise<void>,
): Promise<AnalysisResult> {
  const run = analysisSteps(input, config);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await pause();
    if (token.isCancellationRequested) return cancelledResult(input);
  }
}

/** Does a face show this file? Templates, and files whose analysis failed before they could be recognised. */
export function isListed(result: AnalysisResult): boolean {
  return result.format !== undefined || result.findings.length > 0;
}

function cancelledResult(input: AnalysisInput): AnalysisResult {
  return { uri: input.uri, format: undefined, syntax: undefined, workloads: [], findings: [], cancelled: true, durationMs: 0 };
}

/**
 * Parse, build, then each rule: a step each. Never throws. A known limit of a reader (code nested too deeply
 * to parse) becomes a `parse-error` where it was reached; any other exception is a bug, reported as an
 * `internal-error` finding. Either way the file keeps the format it was taken for, so the faces list it as
 * the template it is (with what was found before the failure) instead of dropping it.
 */
function* analysisSteps(input: AnalysisInput, config: EngineConfig): Generator<void, AnalysisResult, void> {
  const started = performance.now();
  const done = (partial: Omit<AnalysisResult, 'uri' | 'durationMs'>): AnalysisResult => ({
    uri: input.uri,
    ...partial,
    durationMs: performance.now() - started,
  });
  const notTemplate = (syntax?: Syntax) => done({ format: undefined, syntax, workloads: [], findings: [] });
  // What the file is taken for so far, and what was found: kept when a later step fails.
  let format: TemplateFormat | undefined;
  let syntax: Syntax | undefined;
  let stage = 'reading';
  const findings: Finding[] = [];

  try {
    if (input.text.length > config.maxFileSizeBytes) {
      const looksLike = detectTemplate(undefined, input.text.slice(0, 65536));
      if (!looksLike) return notTemplate();
      return done({ format: looksLike, syntax: undefined, workloads: [], findings: [tooLargeFinding(input, config)].filter(isFinding) });
    }
    // The model and where it came from: a CDK app, or a YAML/JSON/serverless.ts document.
    let built: { parsed: ParsedTemplate; doc?: LoadedDocument };
    if (!isServerlessTs(input.uri) && isScriptFile(input.uri)) {
      // A CDK app, or (decided by a text test, before any parsing) a script that has nothing for us.
      if (!input.typescript || !mentionsCdk(input.text)) return notTemplate();
      [format, syntax] = ['cdk', 'typescript'];
      const parsed = input.typescript.cdk(input.uri, input.text, input.readFile);
      if (!parsed) return notTemplate();
      built = { parsed };
    } else if (isPythonFile(input.uri)) {
      // The same for Python CDK apps.
      if (!input.python || !mentionsCdkPython(input.text)) return notTemplate();
      [format, syntax] = ['cdk', 'python'];
      const parsed = input.python.cdk(input.uri, input.text, input.readFile);
      if (!parsed) return notTemplate();
      built = { parsed };
    } else {
      if (isServerlessTs(input.uri)) {
        if (!input.typescript) return notTemplate();
        [format, syntax] = ['serverless', 'typescript'];
      }
      const doc = isServerlessTs(input.uri) ? typescriptDocument(input) : loadDocument(input.uri, input.text);
      if (!doc) return notTemplate();
      syntax = doc.syntax;
      format = doc.syntax === 'typescript' ? (detectTemplate(doc.root, '') === 'serverless' ? 'serverless' : undefined) : detectTemplate(doc.root, input.text);
      if (!format) return notTemplate(doc.syntax);
      for (const problem of doc.problems) {
        const finding = problemFinding(doc, problem, config);
        if (finding) findings.push(finding);
      }
      yield;
      stage = 'building the model of';
      const parsed =
        format === 'ecs-task-definition'
          ? buildTaskDefinitionFileModel(doc)
          : format === 'serverless'
            ? buildServerlessModel(doc, input.readFile)
            : buildTemplateModel(doc, format);
      built = { parsed, doc };
    }

    const { model, problems } = built.parsed;
    for (const problem of problems) {
      const severity = severityFor(problem.ruleId, config, problem.severity === 'info' ? 'info' : problem.severity);
      if (severity) findings.push({ ruleId: problem.ruleId, severity, message: problem.message, uri: model.uri, range: problem.loc.range, related: [] });
    }
    // Fixes that add or change a setting become text edits against the parsed document (YAML/JSON only).
    const doc = built.doc?.syntax === 'yaml' || built.doc?.syntax === 'json' ? built.doc : undefined;
    // A document that does not parse gets no edits: where its text and its partial tree disagree, an edit could
    // make it worse (fuzzing found such fixes). The findings stay; the fixes come back once the syntax error goes.
    const editable = !built.doc || !built.doc.problems.some((p) => p.severity === 'error');
    const templateFormat = format;
    const ignores = new Map<ModelNode, Fix | null>();
    const fixes: FixMaker = {
      // A rule's own text edits are checked against YAML anchors too (guardShared); CDK code has no document.
      materialize: (fix) => (!editable ? undefined : isSetFix(fix) ? (doc ? materializeFix(doc, fix) : undefined) : doc ? guardShared(doc, fix) : fix),
      // "Ignore this rule for this resource": Metadata.crossover.ignore, where templates keep it.
      ignore: (node, ruleId) =>
        doc && editable && (templateFormat === 'sam' || templateFormat === 'cloudformation') && node.loc.path[0] === 'Resources'
          ? ignoreFix(doc, node, ruleId, ignores)
          : undefined,
    };
    let workloads: WorkloadSummary[] = [];
    try {
      workloads = summarize(model);
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
    findings.sort(compareFindings);
    return done({ format, syntax, workloads, findings, model });
  } catch (error) {
    if (isInputLimit(error)) pushFinding(findings, limitFinding(input, config, error));
    else pushFinding(findings, internalErrorFinding(input, config, stage, error));
    findings.sort(compareFindings);
    // A failure before the file was recognised: judge it by its text, as for a file too large to read.
    const guessed =
      format ?? (syntax === undefined || syntax === 'yaml' || syntax === 'json' ? detectTemplate(undefined, input.text.slice(0, 65536)) : undefined);
    return done({ format: guessed, syntax, workloads: [], findings });
  }
}

function pushFinding(findings: Finding[], finding: Finding | undefined): void {
  if (finding) findings.push(finding);
}

/** A reader's known limit (code nested too deeply to parse), on the line where it was reached. */
function limitFinding(input: AnalysisInput, config: EngineConfig, error: InputLimitError): Finding | undefined {
  const severity = severityFor('parse-error', config);
  if (!severity) return undefined;
  const range = new LineIndex(input.text).range(error.offset, Math.min(error.offset + 1, input.text.length));
  return { ruleId: 'parse-error', severity, message: error.message, uri: input.uri, range, related: [] };
}

/** The longest reason an internal-error finding quotes (the first line of the exception's message). */
const MAX_REASON = 200;

/**
 * A bug, reported on line 1 with the file, the step and the exception's first line (no stack: it means
 * nothing to the reader of a Problems panel, and the report link asks for the file instead).
 */
export function internalErrorFinding(input: AnalysisInput, config: EngineConfig, stage: string, error: unknown): Finding | undefined {
  const severity = severityFor('internal-error', config);
  const rule = RULES_BY_ID.get('internal-error');
  if (!severity || !rule) return undefined;
  const message = formatMessage(rule.meta.messages['failed'] ?? '', { stage, file: fileName(input.uri), reason: errorReason(error), issues: ISSUES_URL });
  return {
    ruleId: 'internal-error',
    severity,
    message,
    uri: input.uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
  };
}

/** `RangeError: Maximum call stack size exceeded`: the exception's class and the first line of its message, bounded. */
export function errorReason(error: unknown): string {
  let text: string;
  try {
    if (error instanceof Error) text = error.message ? `${error.name}: ${error.message}` : error.name;
    else text = typeof error === 'string' ? error : `a thrown ${error === null ? 'null' : typeof error} (${String(error)})`;
  } catch {
    text = 'an exception that cannot be described';
  }
  const line = (text.split(/\r\n|\r|\n/, 1)[0] ?? '').trim() || 'an exception without a message';
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 3)}...` : line;
}

/** The file's name, for messages: the last segment of its uri or path. */
function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A serverless.ts as a document: the host's tree of its configuration object, positions into the source. */
function typescriptDocument(input: AnalysisInput): LoadedDocument | undefined {
  const root = input.typescript?.objectLiteral(input.uri, input.text);
  if (!root) return undefined;
  return { uri: input.uri, text: input.text, syntax: 'typescript', root, lines: new LineIndex(input.text), problems: [] };
}

function isFinding(value: Finding | undefined): value is Finding {
  return value !== undefined;
}

function tooLargeFinding(input: AnalysisInput, config: EngineConfig): Finding | undefined {
  const severity = severityFor('file-too-large', config, 'info');
  const rule = RULES_BY_ID.get('file-too-large');
  if (!severity || !rule) return undefined;
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return {
    ruleId: 'file-too-large',
    severity,
    message: formatMessage(rule.meta.messages['tooLarge'] ?? '', { size: mb(input.text.length), limit: mb(config.maxFileSizeBytes) }),
    uri: input.uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
  };
}

const PROBLEM_RULE: Record<string, string> = { 'unknown-tag': 'unknown-tag', 'duplicate-key': 'duplicate-key' };

function problemFinding(doc: LoadedDocument, problem: ParseProblem, config: EngineConfig): Finding | undefined {
  const ruleId = PROBLEM_RULE[problem.code] ?? 'parse-error';
  const severity = severityFor(ruleId, config, problem.severity);
  if (!severity) return undefined;
  return { ruleId, severity, message: problem.message, uri: doc.uri, range: doc.lines.range(problem.start, problem.end), related: [] };
}

/** The effective severity of a rule: the user's override, else the given default; undefined when off. */
export function severityFor(ruleId: string, config: EngineConfig, fallback?: Severity): Severity | undefined {
  const override = config.rules[ruleId];
  if (override === 'off') return undefined;
  return override ?? fallback ?? RULES_BY_ID.get(ruleId)?.meta.severity;
}

const IGNORE_PLACEHOLDER = 'crossover-rule-id';

/**
 * "Ignore this rule for this resource": `Metadata.crossover.ignore` gets the rule id. The edit is worked out
 * once per resource (where the list goes, in the document's style) and the rule id written into it, so a
 * resource with several findings costs one lookup, not one per finding.
 */
function ignoreFix(doc: LoadedDocument, node: ModelNode, ruleId: string, cache: Map<ModelNode, Fix | null>): Fix | undefined {
  let template = cache.get(node);
  if (template === undefined) {
    const set = { path: node.loc.path, keys: ['Metadata', 'crossover', 'ignore'], value: [...node.ignoredRules, IGNORE_PLACEHOLDER] };
    template = materializeFix(doc, { title: '', set }) ?? null;
    cache.set(node, template);
  }
  if (!template) return undefined;
  // Rule ids are written bare in YAML flow (letters, digits, '/', '-') and quoted in JSON, as the placeholder is.
  const [placeholder, id] = doc.syntax === 'json' ? [JSON.stringify(IGNORE_PLACEHOLDER), JSON.stringify(ruleId)] : [IGNORE_PLACEHOLDER, ruleId];
  return {
    // The template's title is empty, or says the edit is inside a shared YAML anchor.
    title: `Ignore ${ruleId} for ${node.id}${template.title}`,
    edits: template.edits.map((e) => ({ range: e.range, newText: e.newText.replace(placeholder, id) })),
    ...(template.intent ? { intent: { ...template.intent, value: [...node.ignoredRules, ruleId] } } : {}),
  };
}

/** Turns a rule's fixes into text edits for this document (or none, for CDK code). */
interface FixMaker {
  materialize(fix: SetFix | Fix): Fix | undefined;
  ignore(node: ModelNode, ruleId: string): Fix | undefined;
}

function runRule(rule: Rule, model: TemplateModel, config: EngineConfig, findings: Finding[], fixes: FixMaker): void {
  const severity = severityFor(rule.meta.id, config, rule.meta.severity);
  if (!severity) return;
  const overridden = config.rules[rule.meta.id] !== undefined;
  const report = (r: Report) => {
    if (r.node.ignoredRules.includes(rule.meta.id)) return;
    const template = rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${r.messageId}"`);
    const { range, related } = placeReport(r);
    const fix = r.fix ? fixes.materialize(r.fix) : undefined;
    const ignore = fixes.ignore(r.node, rule.meta.id);
    findings.push({
      ruleId: rule.meta.id,
      severity: overridden ? severity : (r.severity ?? severity),
      message: formatMessage(template, r.data),
      uri: model.uri,
      range,
      resourceId: r.node.id,
      related: [...related, ...(r.related ?? []).map((item) => toRelated(item.loc, item.message))],
      ...(fix ? { fix } : {}),
      ...(ignore ? { ignore } : {}),
    });
  };
  const visitors: Visitors = rule.create({ model, config, report });
  if (Object.keys(visitors).length === 0) return;
  visitors.Template?.(model);
  if (visitors.LambdaFunction) for (const fn of model.functions) visitors.LambdaFunction(fn);
  if (visitors.ApiGateway) for (const api of model.apis) visitors.ApiGateway(api);
  if (visitors.SqsQueue) for (const queue of model.queues) visitors.SqsQueue(queue);
  if (visitors.Database) for (const db of model.databases) visitors.Database(db);
  if (visitors.DbProxy) for (const proxy of model.dbProxies) visitors.DbProxy(proxy);
  if (visitors.EcsTaskDefinition) for (const t of model.taskDefinitions) visitors.EcsTaskDefinition(t);
  if (visitors.EcsService) for (const s of model.services) visitors.EcsService(s);
}

/**
 * Where a report lands: an explicit location wins; an explicit field lands on its value; an inherited
 * or defaulted field lands on the resource's logical id, with the Globals entry as related information.
 */
function placeReport(report: Report): { range: Range; related: RelatedInformation[] } {
  if (report.loc) return { range: report.loc.range, related: [] };
  const field = report.field;
  const node: ModelNode = report.node;
  if (!field) return { range: node.loc.range, related: [] };
  if (field.origin === 'explicit' && field.at) return { range: field.at.range, related: [] };
  if (field.origin === 'globals' && field.at) {
    const from = field.at.path?.[0] === 'provider' ? 'the provider' : 'Globals';
    return { range: node.loc.range, related: [toRelated(field.at, `The value is inherited from ${from} here`)] };
  }
  return { range: node.loc.range, related: [] };
}

function toRelated(loc: SourceLocation, message: string): RelatedInformation {
  return { uri: loc.uri, range: loc.range, message };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

function summarize(model: TemplateModel): WorkloadSummary[] {
  const functions = model.functions.map((fn): WorkloadSummary => ({
    id: fn.id,
    type: 'lambda-function',
    name: fn.name,
    memoryMb: fn.memoryMb.value ?? null,
    timeoutSeconds: fn.timeoutSeconds.value ?? null,
    runtime: fn.runtime.value ?? null,
    architecture: fn.architecture.value ?? null,
    range: fn.loc.range,
  }));
  const tasks = model.taskDefinitions.map((t): WorkloadSummary => ({
    id: t.id,
    type: 'ecs-task-definition',
    name: t.family ?? t.id,
    memoryMb: t.memoryMb.value ?? null,
    timeoutSeconds: null,
    runtime: null,
    architecture: t.architecture.value ?? null,
    cpuUnits: t.cpuUnits.value ?? null,
    range: t.loc.range,
  }));
  const definitions = new Map<string, (typeof model.taskDefinitions)[number]>();
  for (const d of model.taskDefinitions) if (!definitions.has(d.id)) definitions.set(d.id, d);
  const services = model.services.map((s): WorkloadSummary => {
    const t = s.taskDefinitionId === undefined ? undefined : definitions.get(s.taskDefinitionId);
    return {
      id: s.id,
      type: 'ecs-service',
      name: s.id,
      memoryMb: t?.memoryMb.value ?? null,
      timeoutSeconds: null,
      runtime: null,
      architecture: t?.architecture.value ?? null,
      cpuUnits: t?.cpuUnits.value ?? null,
      desiredCount: s.desiredCount.value ?? null,
      range: s.loc.range,
    };
  });
  return [...functions, ...tasks, ...services];
}
