/** `crossover`: arguments -> files -> engine -> formatter -> exit code. */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { atLeast, type PythonReader, type TerraformReader, readerFor, resolveConfig } from '../core/index.js';
import { FILES_PER_THREAD, parseRequest, USAGE, UsageError, type CheckRequest, type FailOn } from './args.js';
import { addSynthesized, checkFiles, displayPath, skip, type CheckReport } from './check.js';
import { runCost } from './cost.js';
import { runDiff } from './diff.js';
import { collectFiles, UnreadablePathError, type Collected } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import { settingsFor } from './settings.js';
import { canUseThreads, checkFilesInThreads } from './threads.js';
import { loadPythonReader } from '../node/python-loader.js';
import { loadTerraformReader } from '../node/terraform-loader.js';
import { version } from '../../package.json';

/** Everything the CLI touches besides the file system, so tests can run it in-process. */
interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** "Today" for runtime deprecation dates; the real date unless set (reproducible runs, tests). */
  now?: Date;
  /** The Python CDK reader, when Python files are among the inputs (its parser starts asynchronously). */
  python?: PythonReader;
  /** The Terraform reader, when .tf files are among the inputs (its parser starts asynchronously too). */
  terraform?: TerraformReader;
  /** The cores to count on (os.availableParallelism() unless set): one worker thread each, with enough files. */
  cores?: number;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'diff') return await runDiff(argv.slice(1), io);
    if (argv[0] === 'cost')
      return runCost(
        argv.slice(1),
        await withReaders(
          io,
          argv.slice(1).map((a) => readerFor(a)),
        ),
      );
    const request = parseRequest(argv);
    if (request.command === 'version') {
      io.out(version + '\n');
      return EXIT.ok;
    }
    if (request.command === 'help') {
      (request.requested ? io.out : io.err)(USAGE + '\n');
      return request.requested ? EXIT.ok : EXIT.usage;
    }
    const started = performance.now();
    const collected = collectFiles(request.paths, io.cwd);
    const threads = threadCount(request, collected.targets.length, io.cores ?? availableParallelism());
    // The threads load the readers they need themselves; the main thread, only when it checks the files alone.
    const readers = threads > 1 ? [] : collected.targets.map((t) => readerFor(t.file));
    return await check(request, collected, await withReaders(io, readers), threads, started);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof UnreadablePathError)) throw error;
    io.err(`crossover: ${error.message}\n`);
    if (error instanceof UsageError) io.err('Run `crossover --help` for usage.\n');
    return EXIT.usage;
  }
}

/** Python CDK apps and Terraform need tree-sitter, which starts asynchronously (about 40 ms): only when such files are read. */
async function withReaders(io: Io, readers: readonly string[]): Promise<Io> {
  let out = io;
  if (readers.includes('python') && !out.python) {
    const python = await loadPythonReader();
    if (python) out = { ...out, python };
  }
  if (readers.includes('terraform') && !out.terraform) {
    const terraform = await loadTerraformReader();
    if (terraform) out = { ...out, terraform };
  }
  return out;
}

async function check(request: CheckRequest, collected: Collected, io: Io, threads: number, started: number): Promise<number> {
  const settings = settingsFor(request, io.cwd);
  const configInput = { ...settings.config, ...(io.now ? { now: io.now } : {}) };
  const config = resolveConfig(configInput, settings.warnings);
  for (const warning of settings.warnings) io.err(`crossover: ${warning}\n`);
  const log = (line: string) => io.err(line + '\n');
  const { targets } = collected;
  const report =
    threads > 1
      ? await checkFilesInThreads(targets, {
          threads,
          config,
          log,
          data: {
            config: configInput,
            cwd: io.cwd,
            keepCdkModels: collected.synthesized.length > 0,
          },
        })
      : checkFiles(targets, config, io.cwd, log, io.python, io.terraform);
  // Links that lead out of the folders given are not read: listed with the files skipped.
  for (const { file, reason } of collected.outside) skip(report, log, displayPath(file, io.cwd), reason);
  if (collected.outside.length) report.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (collected.synthesized.length > 0) addSynthesized(report, collected.synthesized, config, io.cwd, log);
  const rendered = render(report, request);
  io.err(throughput(targets.length + collected.synthesized.length, performance.now() - started, threads));
  io.out(rendered);
  return exitCode(report, request.failOn);
}

/**
 * The worker threads to check `files` in: `--jobs` when given, else one per core as long as each gets at least
 * FILES_PER_THREAD files (a thread costs the engine's start, about 0.1 s). 1 (or 0): the main thread alone, as
 * when the threads' script is not built (running from sources).
 */
function threadCount(request: Pick<CheckRequest, 'jobs'>, files: number, cores: number): number {
  const threads = wantedThreads(request.jobs, files, cores);
  return threads > 1 && canUseThreads() ? threads : 1;
}

/** `--jobs` (never more threads than files), else one per core with at least FILES_PER_THREAD files each. */
export function wantedThreads(jobs: number | undefined, files: number, cores: number): number {
  return Math.max(1, Math.min(jobs ?? Math.min(cores, Math.floor(files / FILES_PER_THREAD)), files));
}

/**
 * The stderr line after a check: how many files were looked at (read or skipped, cdk.out templates included), in
 * how long (the walk and the report's rendering included), files/s, the threads, and the process's peak memory (every thread's). On stderr:
 * stdout is the report that JSON and SARIF consumers parse.
 */
export function throughput(files: number, ms: number, threads: number): string {
  const seconds = ms / 1000;
  const rate = seconds > 0 ? Math.round(files / seconds) : files;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return `crossover: ${files} files in ${seconds.toFixed(2)} s (${rate} files/s, ${threads} thread${threads === 1 ? '' : 's'}, peak memory ${peakMb} MB)\n`;
}

function render(report: CheckReport, request: CheckRequest): string {
  switch (request.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, version);
    case 'text':
      return formatText(report, { quiet: request.quiet });
  }
}

/** 1 when any finding is at or above the threshold. Skipped files never fail a run: they are not findings. */
function exitCode(report: CheckReport, failOn: FailOn): number {
  if (failOn === 'none') return EXIT.ok;
  const failing = report.files.some(({ result }) => result.findings.some((f) => atLeast(f.severity, failOn)));
  return failing ? EXIT.findings : EXIT.ok;
}
