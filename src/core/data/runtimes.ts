/**
 * Lambda managed runtimes: when AWS stops patching them (deprecation), when it blocks creating and then updating
 * functions on them, whether they run on arm64 and support SnapStart, and what to upgrade to. Dates from the
 * project's fact sheet update (shared/reference/facts-2026-11.md, checked 2026-11-30): the AWS Lambda runtimes page
 * as mirrored in aws-cloudformation/cfn-lint `src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json`
 * (changed 2026-06-02 "Update Lambda runtime lifecycle dates from AWS docs"), which extended several dates in 2026.
 * Runtimes that table does not list keep the dates of the earlier fact sheet (aws-facts.md B5/B6: tflint-ruleset-aws
 * and endoflife.date, citing the same AWS page).
 * "Deprecation" is the date security patches end; AWS later blocks creating, then updating, functions on the runtime.
 */

export const RUNTIMES_AS_OF = '2026-11-30';
export const RUNTIMES_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';

export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

export interface RuntimeInfo {
  id: string;
  family: RuntimeFamily;
  /** ISO date when AWS stops applying security patches; undefined when not announced/sourced. */
  deprecation?: string;
  /**
   * ISO date from which AWS blocks creating functions on it; `passed` when the source says only that the date is
   * behind us (the oldest runtimes).
   */
  blockCreate?: string;
  /** ISO date from which AWS blocks updating functions on it. */
  blockUpdate?: string;
  arm64: boolean;
  snapStart: boolean;
  /** 'high' when an AWS-derived table gives the date, 'medium' for a single secondary source. */
  confidence: 'high' | 'medium';
}

/** The block dates most runtimes deprecated before 2027 share (facts-2026-11.md). */
const BLOCK_2027 = { blockCreate: '2027-02-01', blockUpdate: '2027-03-03' } as const;
/** The oldest runtimes: creating is already blocked, updating is blocked from 2027-03-03. */
const BLOCK_UPDATE_2027 = { blockCreate: 'passed', blockUpdate: '2027-03-03' } as const;
/** java17, java11, java8.al2 and python3.11, extended in 2026. */
const BLOCK_2027_SUMMER = { blockCreate: '2027-07-31', blockUpdate: '2027-08-31' } as const;

const r = (id: string, family: RuntimeFamily, deprecation: string | undefined, opts: Partial<RuntimeInfo> = {}): RuntimeInfo => ({
  id,
  family,
  ...(deprecation ? { deprecation } : {}),
  arm64: true,
  snapStart: false,
  confidence: 'high',
  ...opts,
});

/** Newest first within each family: the upgrade target is the first one of its family that is not deprecated. */
const LIST: RuntimeInfo[] = [
  r('nodejs24.x', 'nodejs', '2028-04-30'),
  r('nodejs22.x', 'nodejs', '2027-04-30'),
  r('nodejs20.x', 'nodejs', '2026-04-30', BLOCK_2027),
  r('nodejs18.x', 'nodejs', '2025-09-01', BLOCK_2027),
  r('nodejs16.x', 'nodejs', '2024-06-12', BLOCK_2027),
  r('nodejs14.x', 'nodejs', '2023-12-04', BLOCK_UPDATE_2027),
  r('nodejs12.x', 'nodejs', '2023-03-31'),
  r('nodejs10.x', 'nodejs', '2021-07-30', { arm64: false }),
  r('nodejs8.10', 'nodejs', '2020-03-06', { arm64: false }),
  r('nodejs6.10', 'nodejs', '2019-08-12', { arm64: false }),
  r('nodejs4.3', 'nodejs', '2020-03-05', { arm64: false }),
  r('nodejs4.3-edge', 'nodejs', '2020-03-05', { arm64: false }),
  r('nodejs', 'nodejs', '2016-08-30', { arm64: false }),
  r('python3.14', 'python', '2029-06-30', { snapStart: true }),
  r('python3.13', 'python', '2029-06-30', { snapStart: true }),
  r('python3.12', 'python', '2028-10-31', { snapStart: true }),
  r('python3.11', 'python', '2027-06-30', BLOCK_2027_SUMMER),
  r('python3.10', 'python', '2026-10-31', BLOCK_2027),
  r('python3.9', 'python', '2025-12-15', BLOCK_2027),
  r('python3.8', 'python', '2024-10-14', BLOCK_2027),
  r('python3.7', 'python', '2023-12-04', { arm64: false, ...BLOCK_UPDATE_2027 }),
  r('python3.6', 'python', '2022-07-18', { arm64: false }),
  r('python2.7', 'python', '2021-07-15', { arm64: false }),
  r('java25', 'java', '2029-06-30', { snapStart: true }),
  r('java21', 'java', '2029-06-30', { snapStart: true }),
  r('java17', 'java', '2027-06-30', { snapStart: true, ...BLOCK_2027_SUMMER }),
  r('java11', 'java', '2027-06-30', { snapStart: true, ...BLOCK_2027_SUMMER }),
  r('java8.al2', 'java', '2027-06-30', BLOCK_2027_SUMMER),
  r('java8', 'java', '2024-01-08', { arm64: false, ...BLOCK_UPDATE_2027 }),
  r('dotnet10', 'dotnet', '2028-11-14', { snapStart: true }),
  r('dotnet8', 'dotnet', '2026-11-10', { snapStart: true, ...BLOCK_2027 }),
  r('dotnet7', 'dotnet', '2024-05-14'),
  r('dotnet6', 'dotnet', '2024-12-20', BLOCK_2027),
  r('dotnet5.0', 'dotnet', '2022-05-10'),
  r('dotnetcore3.1', 'dotnet', '2023-04-03'),
  r('dotnetcore2.1', 'dotnet', '2022-01-05', { arm64: false }),
  r('dotnetcore2.0', 'dotnet', '2019-05-30', { arm64: false }),
  r('dotnetcore1.0', 'dotnet', '2019-06-27', { arm64: false }),
  r('ruby4.0', 'ruby', '2029-03-31'),
  r('ruby3.4', 'ruby', '2028-03-31'),
  r('ruby3.3', 'ruby', '2027-03-31'),
  r('ruby3.2', 'ruby', '2026-03-31', BLOCK_2027),
  r('ruby2.7', 'ruby', '2023-12-07', BLOCK_UPDATE_2027),
  r('ruby2.5', 'ruby', '2021-07-30', { arm64: false }),
  r('provided.al2023', 'provided', '2029-06-30'),
  r('provided.al2', 'provided', '2026-07-31', BLOCK_2027),
  r('provided', 'provided', '2024-01-08', { arm64: false, ...BLOCK_UPDATE_2027 }),
  r('go1.x', 'go', '2024-01-08', { arm64: false, ...BLOCK_UPDATE_2027 }),
];

const RUNTIMES: ReadonlyMap<string, RuntimeInfo> = new Map(LIST.map((info) => [info.id, info]));

/** Every runtime in the table, newest first within each family. */
export function allRuntimes(): readonly RuntimeInfo[] {
  return LIST;
}

export function runtimeInfo(id: string | undefined): RuntimeInfo | undefined {
  return id === undefined ? undefined : RUNTIMES.get(id);
}

/** Is `date` (an ISO day) on or before `now`? */
export function reached(date: string, now: Date): boolean {
  return Date.parse(`${date}T00:00:00Z`) <= now.getTime();
}

/**
 * Families whose runtimes have no successor of their own: Go runs on the OS-only runtime (a `bootstrap` binary)
 * since go1.x was deprecated.
 */
const SUCCESSOR_FAMILY: Partial<Record<RuntimeFamily, RuntimeFamily>> = { go: 'provided' };

/**
 * What to move a runtime to: the newest runtime of its family (of the successor family for Go) that is not deprecated
 * on `now`; undefined when there is none or the runtime is already that one.
 */
export function upgradeTarget(id: string, now: Date): RuntimeInfo | undefined {
  const info = RUNTIMES.get(id);
  if (!info) return undefined;
  const family = SUCCESSOR_FAMILY[info.family] ?? info.family;
  const target = LIST.find((candidate) => candidate.family === family && (candidate.deprecation === undefined || !reached(candidate.deprecation, now)));
  return target && target.id !== id ? target : undefined;
}

/** A runtime as the CDK `Runtime` member that names it (`python3.14` -> `PYTHON_3_14`, `provided.al2023` -> `PROVIDED_AL2023`). */
export function cdkRuntimeMember(id: string): string {
  return id
    .replace(/^(nodejs|python|ruby)(\d+)\.(\w+)$/, '$1_$2_$3')
    .replace(/^(java|dotnet)(\d+)$/, '$1_$2')
    .replace(/^provided\./, 'provided_')
    .toUpperCase();
}

/**
 * What aws-cdk-lib writes for `Runtime.NODEJS_LATEST`, by the version that set it (newest first). NODEJS_LATEST is a
 * fixed runtime in each aws-cdk-lib release ("the latest Node.js runtime available in all regions"), not a regional
 * lookup; it moves only when CDK is upgraded.
 */
export const CDK_NODEJS_LATEST: readonly { since: string; runtime: string; source: string; confidence: 'high' | 'medium' }[] = [
  {
    since: '2.259.0',
    runtime: 'nodejs24.x',
    source: 'aws-cdk CHANGELOG.v2.md, 2.259.0 (2026-06-11): "Runtime.NODEJS_LATEST now resolves to nodejs24.x in every region" (aws/aws-cdk#38031)',
    confidence: 'high',
  },
  {
    since: '2.211.0',
    runtime: 'nodejs22.x',
    source:
      'aws/aws-cdk#35157 (NODEJS_LATEST and the latest-runtime fact to nodejs22.x), merged 2025-08-08; 2.211.0 (2025-08-12) is the first release after it (a chore, not in the CHANGELOG)',
    confidence: 'medium',
  },
  {
    since: '2.93.0',
    runtime: 'nodejs18.x',
    source:
      'aws/aws-cdk#26763 adds Runtime.NODEJS_LATEST (nodejs18.x) with the @aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion flag (introducedIn v2 2.93.0 in cx-api features)',
    confidence: 'high',
  },
];

/**
 * `NodejsFunction` without `runtime`: `Runtime.NODEJS_LATEST` when the feature flag is on in the app's context
 * (`cdk init` writes it into cdk.json since 2.93.0), else `Runtime.NODEJS_16_X` (aws-lambda-nodejs/lib/function.js
 * `getRuntime`, aws-cdk-lib 2.93.0 to 2.276.0; the flag has no "unconfigured behaves like" value, so unset is off).
 */
export const CDK_NODEJS_FUNCTION_DEFAULT = {
  flag: '@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion',
  /** The runtime without the flag. */
  withoutFlag: 'nodejs16.x',
  since: '2.93.0',
  source: 'aws-cdk-lib aws-lambda-nodejs/lib/function.js getRuntime; aws/aws-cdk#26763, #27984 (docs: the default without the flag is NODEJS_16_X)',
  confidence: 'high',
} as const;

/** The newest aws-cdk-lib this table was checked against: assumed when an app's version is not known. */
export const CDK_LIB_NEWEST_KNOWN = '2.276.0';

/** `2.150.0` vs `2.93.1`: numeric, part by part (missing parts are 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The runtime `Runtime.NODEJS_LATEST` writes in an aws-cdk-lib version; undefined before it existed. */
export function cdkNodejsLatest(version: string): { runtime: string; source: string } | undefined {
  return CDK_NODEJS_LATEST.find((entry) => compareVersions(version, entry.since) >= 0);
}
