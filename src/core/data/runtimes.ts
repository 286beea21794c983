/**
 * Lambda managed runtimes: when AWS stops patching them (deprecation), whether they run on arm64 and
 * support SnapStart. Dates from the project's fact sheet (shared/reference/aws-facts.md, section B5/B6,
 * compiled 2026-11-23): tflint-ruleset-aws deprecated-runtime table (~Nov 2025, citing the Lambda runtimes
 * page) [S53], endoflife.date [S54] for runtimes released since, and [S55] for the dotnet8 block dates.
 * "Deprecation" is the date security patches end; AWS later blocks creating, then updating, functions.
 */

export const RUNTIMES_AS_OF = '2026-11-23';
export const RUNTIMES_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';

export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

interface RuntimeInfo {
  id: string;
  family: RuntimeFamily;
  /** ISO date when AWS stops applying security patches; undefined when not announced/sourced. */
  deprecation?: string;
  /** ISO dates after which AWS blocks creating / updating functions on it (rarely sourced). */
  blockCreate?: string;
  blockUpdate?: string;
  arm64: boolean;
  snapStart: boolean;
  /** 'high' when an AWS-derived table gives the date, 'medium' for a single secondary source. */
  confidence: 'high' | 'medium';
}

const r = (id: string, family: RuntimeFamily, deprecation: string | undefined, opts: Partial<RuntimeInfo> = {}): RuntimeInfo => ({
  id,
  family,
  ...(deprecation ? { deprecation } : {}),
  arm64: true,
  snapStart: false,
  confidence: 'high',
  ...opts,
});

const LIST: RuntimeInfo[] = [
  r('nodejs24.x', 'nodejs', '2028-04-30', { confidence: 'medium' }),
  r('nodejs22.x', 'nodejs', '2027-04-30'),
  r('nodejs20.x', 'nodejs', '2026-04-30'),
  r('nodejs18.x', 'nodejs', '2025-09-01'),
  r('nodejs16.x', 'nodejs', '2024-06-12'),
  r('nodejs14.x', 'nodejs', '2023-12-04'),
  r('nodejs12.x', 'nodejs', '2023-03-31'),
  r('nodejs10.x', 'nodejs', '2021-07-30', { arm64: false }),
  r('nodejs8.10', 'nodejs', '2020-03-06', { arm64: false }),
  r('nodejs6.10', 'nodejs', '2019-08-12', { arm64: false }),
  r('nodejs4.3', 'nodejs', '2020-03-05', { arm64: false }),
  r('nodejs4.3-edge', 'nodejs', '2020-03-05', { arm64: false }),
  r('nodejs', 'nodejs', '2016-10-31', { arm64: false }),
  r('python3.14', 'python', '2029-06-30', { snapStart: true, confidence: 'medium' }),
  r('python3.13', 'python', '2029-06-30', { snapStart: true }),
  r('python3.12', 'python', '2028-10-31', { snapStart: true }),
  r('python3.11', 'python', '2026-06-30'),
  r('python3.10', 'python', '2026-06-30'),
  r('python3.9', 'python', '2025-12-15'),
  r('python3.8', 'python', '2024-10-14'),
  r('python3.7', 'python', '2023-12-04', { arm64: false }),
  r('python3.6', 'python', '2022-07-18', { arm64: false }),
  r('python2.7', 'python', '2021-07-15', { arm64: false }),
  r('java25', 'java', '2029-06-30', { snapStart: true, confidence: 'medium' }),
  r('java21', 'java', '2029-06-30', { snapStart: true }),
  r('java17', 'java', '2026-06-30', { snapStart: true }),
  r('java11', 'java', '2026-06-30', { snapStart: true }),
  r('java8.al2', 'java', '2026-06-30'),
  r('java8', 'java', '2024-01-08', { arm64: false }),
  r('dotnet10', 'dotnet', '2028-11-14', { snapStart: true, confidence: 'medium' }),
  r('dotnet8', 'dotnet', '2026-11-10', { snapStart: true, blockCreate: '2027-02-01', blockUpdate: '2027-03-03' }),
  r('dotnet7', 'dotnet', '2024-05-14'),
  r('dotnet6', 'dotnet', '2024-11-12'),
  r('dotnet5.0', 'dotnet', '2022-05-10'),
  r('dotnetcore3.1', 'dotnet', '2023-04-03'),
  r('dotnetcore2.1', 'dotnet', '2022-01-05', { arm64: false }),
  r('dotnetcore2.0', 'dotnet', '2019-05-30', { arm64: false }),
  r('dotnetcore1.0', 'dotnet', '2019-07-27', { arm64: false }),
  r('ruby3.4', 'ruby', '2028-03-31', { confidence: 'medium' }),
  r('ruby3.3', 'ruby', '2027-03-31'),
  r('ruby3.2', 'ruby', '2026-03-31'),
  r('ruby2.7', 'ruby', '2023-11-27'),
  r('ruby2.5', 'ruby', '2021-07-30', { arm64: false }),
  r('provided.al2023', 'provided', '2029-06-30'),
  r('provided.al2', 'provided', '2026-06-30'),
  r('provided', 'provided', '2024-01-08', { arm64: false }),
  r('go1.x', 'go', '2024-01-08', { arm64: false }),
];

const RUNTIMES: ReadonlyMap<string, RuntimeInfo> = new Map(LIST.map((info) => [info.id, info]));

export function runtimeInfo(id: string | undefined): RuntimeInfo | undefined {
  return id === undefined ? undefined : RUNTIMES.get(id);
}
