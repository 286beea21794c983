/** Reads each file, runs the engine, and collects what the formatters print. */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import {
  type AnalysisResult,
  analyzeText,
  compareFindings,
  constructPaths,
  decodeBytes,
  type EngineConfig,
  isCodeFile,
  isListed,
  mapSynthesizedFindings,
  type PythonReader,
  type TerraformReader,
} from '../core/index.js';
import { describe, type Target } from './files.js';
import { readLocalCappedSync } from '../node/disk.js';
import { readersWith } from '../node/engine-input.js';
import { outsideReason, type ReadRoot } from '../node/file-reader.js';

interface FileReport {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  result: AnalysisResult;
}

/** A file that was read but not analysed (binary, unreadable, not a template), with the reason. */
interface SkippedFile {
  path: string;
  reason: string;
}

export interface CheckReport {
  /** The templates, in the order of the sorted file list. */
  files: FileReport[];
  /** Every file not analysed, with the reason; JSON consumers can tell a detection gap from a binary. */
  skipped: SkippedFile[];
  /** How many of the skipped files are YAML/JSON that is not a template (left alone, not a problem). */
  otherFiles: number;
}

export const NOT_A_TEMPLATE = 'not a template Crossover reads (SAM, CloudFormation, Serverless Framework, ECS task definition)';

/**
 * Above this the file is not even read: the engine's size cap (file-too-large) needs the text, but a
 * multi-hundred-megabyte file named *.json is a dump, not a template, and would only exhaust memory.
 */
export const READ_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * `file` relative to `cwd`, with forward slashes. The working folder is always a real path (the system resolves
 * links in it), while a folder given on the command line may be named through a link (`$PWD` in a shell that
 * entered it through one, or a checkout whose `../shared` is a link): when the plain relative path climbs out
 * of `cwd`, the file's folder is resolved and, if it is really below `cwd`, the path is relative to that.
 */
export function displayPath(file: string, cwd: string): string {
  let rel = relative(cwd, file);
  if (climbs(rel)) {
    const real = realFolder(dirname(file));
    const realCwd = realFolder(cwd);
    if (real !== undefined && realCwd !== undefined) {
      const resolved = relative(realCwd, join(real, basename(file)));
      if (!climbs(resolved)) rel = resolved;
    }
  }
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function climbs(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** Real paths of folders, cached: a folder walk asks for the same few folders thousands of times. */
const realFolders = new Map<string, string | undefined>();
function realFolder(folder: string): string | undefined {
  if (!realFolders.has(folder)) {
    let real: string | undefined;
    try {
      real = realpathSync.native(folder);
    } catch {
      real = undefined;
    }
    realFolders.set(folder, real);
  }
  return realFolders.get(folder);
}

/** What the check of one file gives, to be merged into the report in the order of the file list. */
export type FileOutcome =
  | { kind: 'template'; path: string; result: AnalysisResult }
  /** Not read or not analysable (binary, unreadable, too large, outside the folder): listed and logged. */
  | { kind: 'skipped'; path: string; reason: string }
  /** Read, and not a template Crossover reads: counted; listed as skipped unless it is a script. */
  | { kind: 'other'; path: string; listed: boolean };

/** What the check of one file needs besides the file: the same in the main thread and in each worker thread. */
export interface CheckContext {
  config: EngineConfig;
  cwd: string;
  python?: PythonReader | undefined;
  terraform?: TerraformReader | undefined;
}

/**
 * `targets`: absolute paths with the folder their reads stay in (see collectFiles); `log` gets one line per
 * skipped file (stderr in the CLI).
 */
export function checkFiles(
  targets: readonly Target[],
  config: EngineConfig,
  cwd: string,
  log: (line: string) => void,
  python?: PythonReader,
  terraform?: TerraformReader,
): CheckReport {
  const report = emptyReport();
  const context: CheckContext = { config, cwd, python, terraform };
  for (const target of targets) addOutcome(report, checkFile(target, context), log);
  return report;
}

export function emptyReport(): CheckReport {
  return { files: [], skipped: [], otherFiles: 0 };
}

/** Reads one file and runs the engine on it (the per-file step, in whichever thread runs it). */
export function checkFile({ file, root, named }: Target, { config, cwd, python, terraform }: CheckContext): FileOutcome {
  const path = displayPath(file, cwd);
  const read = readText(file, named ? undefined : root);
  if (!('text' in read)) return { kind: 'skipped', path, reason: read.skip };
  // uri = the absolute path: findings carry it, and it is what the editor would use for the same file.
  const result = analyzeText({ uri: file, text: read.text, ...readersWith({ fsPath: file, root }, { python, terraform }) }, config);
  // Left alone quietly (no stderr line): most YAML/JSON in a repository is not a template. Scripts
  // that are not CDK apps are not even listed: a repository has too many.
  if (!isListed(result)) return { kind: 'other', path, listed: !isCodeFile(file) };
  return { kind: 'template', path, result };
}

/** Adds one file's outcome to the report (and its skipped line to `log`), in the order of the file list. */
export function addOutcome(report: CheckReport, outcome: FileOutcome, log: (line: string) => void): void {
  if (outcome.kind === 'skipped') skip(report, log, outcome.path, outcome.reason);
  else if (outcome.kind === 'other') {
    report.otherFiles++;
    if (outcome.listed) report.skipped.push({ path: outcome.path, reason: NOT_A_TEMPLATE });
  } else report.files.push({ path: outcome.path, result: outcome.result });
}

/** The file's text, or undefined after listing it as skipped with the reason. `within`: the folder it must be in. */
function readOrSkip(file: string, path: string, report: CheckReport, log: (line: string) => void, within?: ReadRoot): { text: string } | undefined {
  const read = readText(file, within);
  if ('text' in read) return read;
  skip(report, log, path, read.skip);
  return undefined;
}

/** Lists a file as skipped, with the reason, and says so on `log`. */
export function skip(report: CheckReport, log: (line: string) => void, path: string, reason: string): void {
  report.skipped.push({ path, reason });
  log(`crossover: skipped ${path}: ${reason}`);
}

function readText(file: string, within?: ReadRoot): { text: string } | { skip: string } {
  const read = readLocalCappedSync(file, READ_LIMIT_BYTES, within?.folder);
  if (read.kind === 'outside') return { skip: outsideReason(file, read.path, within!) };
  if (read.kind === 'too-big') return { skip: `it is ${Math.round(read.size / (1024 * 1024))} MB, too large to read` };
  if (read.kind === 'missing') return { skip: `it cannot be read (${describe({ code: 'ENOENT' })})` };
  if (read.kind === 'unreadable') return { skip: `it cannot be read (${read.code ? describe(read) : read.reason})` };
  const decoded = decodeBytes(read.bytes);
  return decoded.kind === 'binary' ? { skip: decoded.reason } : { text: decoded.text };
}

/**
 * Templates of cdk.out folders: analysed as CloudFormation, their findings moved to the constructs of the
 * CDK sources of this run (what those already report is not repeated), the rest reported on the template.
 */
export function addSynthesized(report: CheckReport, templates: readonly Target[], config: EngineConfig, cwd: string, log: (line: string) => void): void {
  const sources = report.files
    .filter((f) => f.result.format === 'cdk' && f.result.model)
    .map((f) => ({ uri: f.result.uri, model: f.result.model!, findings: [...f.result.findings] }));
  const byUri = new Map(report.files.map((f) => [f.result.uri, f]));
  const touched = new Set<FileReport>();
  for (const { file, root } of templates) {
    const path = displayPath(file, cwd);
    const read = readOrSkip(file, path, report, log, root);
    if (!read) continue;
    const result = analyzeText({ uri: file, text: read.text }, config);
    if (!isListed(result)) continue;
    const onTemplate: typeof result.findings = [];
    for (const finding of mapSynthesizedFindings(result.findings, constructPaths(file, read.text), sources, { uri: file, label: path })) {
      const target = finding.uri === file ? undefined : byUri.get(finding.uri);
      if (target) {
        target.result.findings.push(finding);
        touched.add(target);
      } else onTemplate.push(finding);
    }
    report.files.push({ path, result: { ...result, findings: onTemplate } });
  }
  for (const f of touched) f.result.findings.sort(compareFindings);
  report.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
