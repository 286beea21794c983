/** Command-line arguments -> a typed request, or a usage error (exit code 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { API_GATEWAY_LIMITS, DEFAULT_MAX_FILE_SIZE_BYTES, RULES_BY_ID, type Severity, type SeveritySetting } from '../core/index.js';

type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = Severity | 'none';

export interface CheckRequest {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  failOn: FailOn;
  rules: Record<string, SeveritySetting>;
  maxFileSizeKb?: number;
  restApiTimeoutSeconds?: number;
  configFile?: string;
  quiet: boolean;
  /** Worker threads to check the files in (`--jobs`); unset: one per core when there are enough files. */
  jobs?: number;
}

/** `requested: false` is a bare `crossover`: the usage goes to stderr with exit code 2, as nothing was checked. */
type Request = CheckRequest | { command: 'help'; requested: boolean } | { command: 'version' };

export class UsageError extends Error {}

/** Fewer files than this per thread, and starting threads costs more than it saves (see threadCount in main.ts). */
export const FILES_PER_THREAD = 500;

/** The flags and positionals of a command line (strict: an unknown option is a usage error, exit code 2). */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const USAGE = `Usage: crossover check [paths...] [options]
       crossover cost [options] | crossover cost <template> [--resource ID]   (crossover cost --help)
       crossover diff <before> <after> | crossover diff --base <git-ref> [paths...]   (crossover diff --help)

Checks SAM and CloudFormation templates for Lambda, API Gateway, SQS and RDS limits and pitfalls.
Folders are searched for .yaml, .yml, .json and .template files and for CDK apps in .ts, .js and .py
(skipping node_modules, .git, cdk.out, .aws-sam, .serverless, virtual environments, symbolic links to
folders and links to files outside the folder); files that are not templates are left alone. Files that
templates refer to (\${file()} in serverless.yml, a CDK app's imports) are read only inside the folder
given, or for a file given, inside its folder.
Paths default to ".".

Options:
  --format <text|json|sarif>      Output format (default: text)
  --fail-on <error|warning|info|none>
                                  Exit with 1 when a finding is at or above this severity (default: error)
  --rule <id>=<severity>          Override a rule's severity: error, warning, info, hint or off (repeatable)
  --max-file-size <KB>            Do not analyse files above this size (default: ${DEFAULT_MAX_FILE_SIZE_BYTES / 1024})
  --rest-api-timeout <seconds>    REST API integration timeout to check against (default: ${API_GATEWAY_LIMITS.restIntegrationTimeoutSeconds.value})
  --config <file.json>            Settings file: {"rules": {...}, "limits": {...}, "maxFileSizeKb": N}
  --quiet                         Text output: list errors only (the summary still counts everything)
  --jobs <N>                      Check the files in N worker threads (default: one per core when there are
                                  at least ${FILES_PER_THREAD} files per thread; 1: in the main thread alone)
  -h, --help                      Show this help
  -v, --version                   Show the version

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad usage or an unreadable path.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function parseRequest(argv: string[]): Request {
  const parsed = parseFlags(argv, {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'max-file-size': { type: 'string' },
    'rest-api-timeout': { type: 'string' },
    config: { type: 'string' },
    quiet: { type: 'boolean' },
    jobs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', requested: true };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help', requested: false };
  if (command !== 'check')
    throw new UsageError(`Unknown command "${command}". The commands are: crossover check [paths...], crossover cost [...], crossover diff [...]`);

  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  const failOn = oneOf(values['fail-on'] ?? 'error', FAIL_ON, '--fail-on');
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const [id, severity] = ruleSetting(spec);
    rules[id] = severity;
  }
  const request: CheckRequest = { command: 'check', paths: paths.length ? paths : ['.'], format, failOn, rules, quiet: values.quiet ?? false };
  if (values['max-file-size'] !== undefined) request.maxFileSizeKb = positiveNumber(values['max-file-size'], '--max-file-size');
  if (values['rest-api-timeout'] !== undefined) request.restApiTimeoutSeconds = positiveNumber(values['rest-api-timeout'], '--rest-api-timeout');
  if (values.config !== undefined) request.configFile = values.config;
  if (values.jobs !== undefined) request.jobs = jobCount(values.jobs);
  return request;
}

/** `id=severity`. An unknown id is an error rather than a silent no-op, because it is nearly always a typo. */
export function ruleSetting(spec: string): [string, SeveritySetting] {
  const match = /^([^=]+)=(.*)$/.exec(spec);
  if (!match) throw new UsageError(`--rule expects <id>=<severity>, got "${spec}"`);
  const id = match[1]!.trim();
  if (!RULES_BY_ID.has(id)) throw new UsageError(`--rule: unknown rule "${id}". Known rules: ${[...RULES_BY_ID.keys()].join(', ')}`);
  return [id, oneOf(match[2]!.trim(), SEVERITIES, `--rule ${id}`)];
}

/** More threads than this is a typo, not a machine. */
const MAX_JOBS = 256;

function jobCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > MAX_JOBS) throw new UsageError(`--jobs expects a whole number from 1 to ${MAX_JOBS}; got "${value}"`);
  return number;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
}

function positiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`${flag} expects a positive number; got "${value}"`);
  return number;
}
