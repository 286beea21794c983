/** `crossover`: arguments -> files -> engine -> formatter -> exit code. */
import { atLeast } from '../core/findings.js';
import { resolveConfig } from '../core/config.js';
import { parseRequest, USAGE, UsageError, type CheckRequest } from './args.js';
import { checkFiles, type CheckReport } from './check.js';
import { collectFiles, UnreadablePathError } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import { configFor } from './settings.js';
import { version } from '../../package.json';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** "Today" for runtime deprecation dates; the real date unless set (reproducible runs, tests). */
  now?: Date;
}

export function run(argv: string[], io: Io): number {
  try {
    const request = parseRequest(argv);
    if (request.command === 'help') {
      io.out(USAGE + '\n');
      return 0;
    }
    if (request.command === 'version') {
      io.out(version + '\n');
      return 0;
    }
    return check(request, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnreadablePathError) {
      io.err(`crossover: ${error.message}\n`);
      if (error instanceof UsageError) io.err('Run `crossover --help` for usage.\n');
      return 2;
    }
    throw error;
  }
}

function check(request: CheckRequest, io: Io): number {
  const config = resolveConfig({ ...configFor(request), ...(io.now ? { now: io.now } : {}) });
  const files = collectFiles(request.paths);
  const report = checkFiles(files, config, io.cwd, (line) => io.err(line + '\n'));
  io.out(render(report, request));
  return failed(report, request) ? 1 : 0;
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

function failed(report: CheckReport, request: CheckRequest): boolean {
  const threshold = request.failOn;
  if (threshold === 'none') return false;
  return report.files.some(({ result }) => result.findings.some((f) => atLeast(f.severity, threshold)));
}
