/** `crossover diff ...` arguments -> a typed request. */
import { regions, type SeveritySetting } from '../core/index.js';
import { type FailOn, UsageError, parseFlags, ruleSetting, oneOf } from './args.js';

type DiffFormat = 'text' | 'markdown' | 'json';

/** `--max-increase 50` / `50usd` / `$50`: dollars a month; `10%`: percent of the cost before. */
type MaxIncrease = { usd: number } | { percent: number };

export interface DiffRequest {
  command: 'diff';
  /** Git mode: the revision to compare against (`--base`), and optionally a second one (`--head`). */
  base?: string;
  head?: string;
  /** Git mode: paths to limit the comparison to; else the two files or folders to compare. */
  paths: string[];
  format: DiffFormat;
  maxIncrease?: MaxIncrease;
  failOn: FailOn;
  region?: string;
  freeTier: boolean;
  rules: Record<string, SeveritySetting>;
  configFile?: string;
}

type DiffCommand = DiffRequest | { command: 'diff-help' };

export const DIFF_USAGE = `Usage: crossover diff <before> <after> [options]             two templates, or two folders
       crossover diff --base <git-ref> [--head <git-ref>] [paths...] [options]
                                                            a git revision against the working tree (or --head)

What a change does: per workload (Lambda function, ECS task definition or service) the monthly cost
before and after, on Lambda and on Fargate, and the change on the platform it runs on; the findings the
change adds and resolves; the CloudFormation resource changes (added, updated, replaced). SAM and
CloudFormation templates, serverless.yml, task definitions, CDK apps and cdk.out templates. Traffic comes
from each side's own crossover.usage.yml. Nothing is deployed or executed; git is only read.

Options:
  --format <text|markdown|json>   Output format (default: text; markdown is ready for a pull-request comment)
  --max-increase <amount>         Exit with 1 when the monthly cost as deployed grows by more than this:
                                  dollars (50, 50usd) or percent of the cost before (10%)
  --fail-on <error|warning|info|none>
                                  Exit with 1 when the change adds a finding at or above this severity (default: none)
  --region <region>               Prices of this region (over the usage files' region)
  --free-tier                     Subtract Lambda's always-free tier
  --rule <id>=<severity>          Override a rule's severity, as for check (repeatable)
  --config <file.json>            Settings file, as for check
  -h, --help                      Show this help

Exit codes: 0 within the limits, 1 a limit is crossed, 2 bad usage, an unreadable path or a git error.`;

const FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export function parseDiffRequest(argv: string[]): DiffCommand {
  const parsed = parseFlags(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    'max-increase': { type: 'string' },
    'fail-on': { type: 'string' },
    region: { type: 'string' },
    'free-tier': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) return { command: 'diff-help' };
  if (values.head !== undefined && values.base === undefined) throw new UsageError('--head needs --base (the revision to compare it with)');
  if (values.base === undefined && positionals.length !== 2)
    throw new UsageError(
      `crossover diff takes two files or folders (before and after), or --base <git-ref> [paths...]; got ${positionals.length} path${positionals.length === 1 ? '' : 's'}`,
    );
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const [id, severity] = ruleSetting(spec);
    rules[id] = severity;
  }
  const request: DiffRequest = {
    command: 'diff',
    paths: values.base !== undefined && positionals.length === 0 ? ['.'] : positionals,
    format: oneOf(values.format ?? 'text', FORMATS, '--format'),
    failOn: oneOf(values['fail-on'] ?? 'none', FAIL_ON, '--fail-on'),
    freeTier: values['free-tier'] ?? false,
    rules,
  };
  if (values.base !== undefined) request.base = values.base;
  if (values.head !== undefined) request.head = values.head;
  if (values['max-increase'] !== undefined) request.maxIncrease = maxIncrease(values['max-increase']);
  if (values.region !== undefined) {
    const known = regions().map((r) => r.id);
    if (!known.includes(values.region)) throw new UsageError(`--region: unknown region "${values.region}". Known: ${known.join(', ')}`);
    request.region = values.region;
  }
  if (values.config !== undefined) request.configFile = values.config;
  return request;
}

function maxIncrease(text: string): MaxIncrease {
  const match = /^\s*\$?\s*(\d+(?:\.\d+)?)\s*(%|usd)?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--max-increase expects dollars a month (50, 50usd) or a percent (10%); got "${text}"`);
  const amount = Number(match[1]);
  return match[2] === '%' ? { percent: amount } : { usd: amount };
}
