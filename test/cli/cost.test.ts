/** `crossover cost` as users run it: the real bundle (dist/cli.js) in a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PRICE_TABLE } from '../../src/core/data/pricing.js';
import { type RegionalPriceKey } from '../../src/core/data/price-table.js';
import { priceBook } from '../../src/core/cost/price-book.js';

const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist', 'cli.js');
const fixtures = join(repo, 'test', 'fixtures', 'cost');

function cli(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [bundle, 'cost', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], cwd = repo) {
  const result = cli([...args, '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

const EXAMPLE = ['--requests-per-month', '10000000', '--duration-ms', '100', '--memory-mb', '512', '--arch', 'arm64', '--front-door', 'http-api'];

describe('crossover cost with flags', () => {
  test("the issue's example: requests $2.00, duration about $6.67, front door $10.00; the task sized from the function", () => {
    const report = json(EXAMPLE);
    expect(report.lambda.breakdown.requests).toBe(2);
    expect(report.lambda.breakdown.duration).toBeCloseTo(6.67, 2);
    expect(report.lambda.breakdown.frontDoor).toBe(10);
    expect(report.lambda.breakdown.freeTierCredit).toBe(0);
    // 512 MB is 512 / 1,769 = 0.29 vCPU of CPU share: the smallest Fargate size with at least that and 512 MB is
    // 0.5 vCPU / 1 GB. Two tasks (the minimum) x 730 h x (0.5 x $0.04048 + 1 x $0.004445) = $36.04 (us-east-1, x86_64).
    expect(report.fargate).toMatchObject({ tasks: 2, vcpu: 0.5, memoryGb: 1 });
    expect(report.fargate.breakdown.compute.toFixed(2)).toBe('36.04');
    // Each in public subnets with a public IPv4 address, and the ALB's two: 4 x 730 h x $0.005 = $14.60.
    expect(report.fargate.breakdown.publicIpv4).toBeCloseTo(14.6, 9);
    expect(report.cheaper).toBe('lambda');
    expect(report.crossover.requestsPerMonth).toBeGreaterThan(10_000_000);
    expect(report.assumptions).toMatchObject({
      requestsPerMonth: 10_000_000,
      durationMs: 100,
      memoryMb: 512,
      architecture: 'arm64',
      frontDoor: 'http-api',
      region: 'us-east-1',
      freeTier: false,
    });
    expect(report.assumptions.fargate).toMatchObject({ tasks: 'sized from traffic', albLcuFrom: 'traffic', architecture: 'x86_64' });
    // The date line spans the dates of the prices used, each of them us-east-1's own.
    const dates = (report.prices as { date: string; provenance: string }[]).map((p) => p.date).sort();
    expect(report.priceDate).toBe(`${dates[0]} to ${dates[dates.length - 1]}`);
    expect((report.prices as { provenance: string }[]).every((p) => p.provenance === 'own')).toBe(true);
    expect(report.incomplete).toBe(false);
  });

  test('fixed tasks, fixed LCUs and the free tier are taken as given', () => {
    const report = json([...EXAMPLE, '--fargate-tasks', '3', '--alb-lcu', '2', '--free-tier']);
    expect(report.fargate.tasks).toBe(3);
    expect(report.fargate.breakdown.loadBalancer).toBeCloseTo(730 * (0.0225 + 2 * 0.008), 6);
    expect(report.lambda.breakdown.freeTierCredit).toBeCloseTo(-(0.2 + 400_000 * 0.0000133334), 6);
  });

  test('--platforms with every platform of the issue: the JSON keyed by platform, the cheapest, App Runner for the customer who names it', async () => {
    const ids = 'lambda,fargate,ecs-ec2,eks-fargate,eks-ec2,express,app-runner,lambda-managed';
    const result = cli([...EXAMPLE, '--requests-per-month', '50000000', '--platforms', ids, '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report.platforms)).toEqual([
      'lambda',
      'ecs-fargate',
      'ecs-ec2',
      'eks-fargate',
      'eks-ec2',
      'ecs-express',
      'lambda-managed',
      'app-runner',
    ]);
    // The old fields stay, equal to their entries.
    expect(report.platforms.lambda.monthlyUsd).toBe(report.lambda.monthlyUsd);
    expect(report.platforms['ecs-fargate'].monthlyUsd).toBe(report.fargate.monthlyUsd);
    // The cheapest and the runner-up are the two lowest totals.
    const sorted = Object.entries(report.platforms as Record<string, { monthlyUsd: number }>).sort((a, b) => a[1].monthlyUsd - b[1].monthlyUsd);
    expect([report.cheapest.platform, report.cheapest.runnerUp]).toEqual([sorted[0]![0], sorted[1]![0]]);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/cost-platforms.json');
  });

  test('every region in the bundle works, and says which prices are borrowed from us-east-1', () => {
    let incomplete = 0;
    for (const region of Object.keys(PRICE_TABLE.regions)) {
      const report = json([...EXAMPLE, '--region', region]);
      expect(report.region).toBe(region);
      expect(report.lambda.monthlyUsd).toBeGreaterThan(0);
      // Each price used says what the table says of it for that region, and where its figure comes from.
      for (const p of report.prices as { key: RegionalPriceKey; provenance: string; region: string; date: string }[]) {
        // A catalogue price (EC2, EKS, App Runner) is always the region's own figure.
        const entry = Object.hasOwn(PRICE_TABLE.regions[region]!.prices, p.key)
          ? PRICE_TABLE.regions[region]!.prices[p.key]
          : { ...priceBook(region).catalogue(p.key)!, provenance: 'own' };
        expect(p.provenance, `${region} ${p.key}`).toBe(entry.provenance);
        expect(p.region, `${region} ${p.key}`).toBe(entry.provenance === 'borrowed' ? 'us-east-1' : region);
        expect(p.date, `${region} ${p.key}`).toBe(entry.date);
      }
      const borrowed = (report.prices as { provenance: string; higherTiers?: { provenance: string } }[]).some(
        (p) => p.provenance === 'borrowed' || p.higherTiers?.provenance === 'borrowed',
      );
      expect(report.incomplete, region).toBe(borrowed);
      expect(
        report.notes.some((n: string) => n.startsWith('Incomplete:')),
        region,
      ).toBe(borrowed);
      if (borrowed) incomplete++;
    }
    // us-east-1 has every price of its own; not every region does.
    expect(json([...EXAMPLE, '--region', 'us-east-1']).incomplete).toBe(false);
    expect(incomplete).toBeGreaterThan(0);
  });

  test('sa-east-1 in JSON and text: each price used with its provenance, date and every digit AWS publishes', () => {
    const report = json([...EXAMPLE, '--region', 'sa-east-1']);
    const price = (key: string) => (report.prices as { key: string }[]).find((p) => p.key === key) as Record<string, unknown>;
    // HTTP API $1.59/M for the first 300M (N01, N35, 2026-08-31); 10M requests x $1.59/M = $15.90.
    expect(price('apigw.httpPerMillion')).toMatchObject({
      provenance: 'own',
      region: 'sa-east-1',
      date: '2026-08-31',
      sources: expect.arrayContaining(['N01', 'N35']),
    });
    expect((price('apigw.httpPerMillion').tiers as number[][])[0]).toEqual([0, 300_000_000, 1.59]);
    expect(report.lambda.breakdown.frontDoor).toBeCloseTo(15.9, 6);
    // Lambda arm64 duration $0.0000133334 per GB-s (S06): not rounded to a millionth.
    expect((price('lambda.durationPerGbSecond.arm64').tiers as number[][])[0]![2]).toBe(0.0000133334);
    expect(price('alb.hour')).toMatchObject({ value: 0.034, provenance: 'own' });
    expect(report.incomplete).toBe(false);
    expect(cli([...EXAMPLE, '--region', 'sa-east-1', '--platforms', 'lambda,fargate']).stdout).toMatch(
      /Prices: sa-east-1, dated 2026-08-10 to 2026-09-29 \(some undated\) \(7 own, 1 derived\)/,
    );
    // With the default columns, the EC2 instance's catalogue price counts too (its own, dated 2025-04-04).
    const all = json([...EXAMPLE, '--region', 'sa-east-1']);
    const ec2 = (all.prices as { key: string; provenance: string; date: string }[]).filter((p) => p.key.startsWith('ec2.onDemandHour.'));
    expect(ec2).toEqual([expect.objectContaining({ provenance: 'own', region: 'sa-east-1', date: '2025-04-04' })]);
    expect(cli([...EXAMPLE, '--region', 'sa-east-1']).stdout).toMatch(
      /Prices: sa-east-1, dated 2025-04-04 to 2026-09-29 \(some undated\) \(10 own, 1 derived\)/,
    );
  });

  test('the model options: Savings Plan, logs, NAT gateways for a function in a VPC, a day, a fleet that cannot carry the load', () => {
    // 3-year no-upfront Compute Savings Plan: Fargate compute 45% off, Lambda duration 17% off (an upper bound).
    const sp = json([...EXAMPLE, '--savings-plan', '3y-no-upfront']);
    expect(sp.fargate.breakdown.savingsPlan).toBeCloseTo(-0.45 * sp.fargate.breakdown.compute, 9);
    expect(sp.lambda.breakdown.savingsPlan).toBeCloseTo(-0.17 * sp.lambda.breakdown.duration, 9);
    // 1 KB of logs per request: 10M KB = 9.54 GB x $0.50 = $4.77 on each side.
    const logs = json([...EXAMPLE, '--logs-kb', '1']);
    expect(logs.lambda.breakdown.logs).toBeCloseTo((10e6 / 1048576) * 0.5, 6);
    expect(logs.fargate.breakdown.logs).toBeCloseTo((10e6 / 1048576) * 0.5, 6);
    // A function in a VPC sending 2 KB a request out through 2 NAT gateways: 2 x 730 x $0.045 + 19.07 GB x $0.045 = $66.56.
    const vpc = json([...EXAMPLE, '--vpc', '--nat-gateways', '2', '--egress-kb', '2']);
    expect(vpc.lambda.breakdown.natGateway).toBeCloseTo(66.56, 2);
    expect(vpc.assumptions.fargate.subnets).toBe('private');
    // Busy hours 24: a flat day.
    expect(json([...EXAMPLE, '--busy-hours', '24']).assumptions.day.levels).toEqual([{ share: 1, multiplier: 1 }]);
    // One fixed task at a billion requests: said, not hidden.
    const short = cli([...EXAMPLE, '--requests-per-month', '1000000000', '--fargate-tasks', '1']);
    expect(short.stdout).toMatch(/cannot carry the load/);
  });

  test('what flips the verdict: in the JSON `flips` and as "Check first" lines of the text; nothing far from the crossover', () => {
    // 40M requests of 100 ms on 1,024 MB behind an HTTP API: near the crossover (about 37M).
    const near = ['--requests-per-month', '40000000', '--duration-ms', '100', '--memory-mb', '1024', '--front-door', 'http-api', '--platforms', 'fargate'];
    const flips = json(near).flips as { name: string; direction: string; threshold: string; now: string; range: string; to: string }[];
    expect(flips.map((f) => f.name)).toContain('CPU-busy share of the duration');
    const text = cli(near).stdout;
    for (const f of flips) {
      // A leading capital is lowered, an acronym kept: "average duration", "CPU-busy share".
      const name = /^[A-Z][a-z]/.test(f.name) ? f.name.charAt(0).toLowerCase() + f.name.slice(1) : f.name;
      const who = f.to === 'lambda' ? 'Lambda' : 'Fargate';
      expect(text).toContain(`  Check first: ${who} becomes cheaper if ${name} is ${f.direction} ${f.threshold} (now ${f.now}; plausible ${f.range}).`);
    }
    expect(json(EXAMPLE).flips).toEqual([]);
    expect(cli(EXAMPLE).stdout).not.toMatch(/Check first/);
  });

  test('usage errors exit 2 with the reason', () => {
    expect(cli([...EXAMPLE, '--busy-hours', '30']).stderr).toMatch(/--busy-hours must be between 1 and 24/);
    expect(cli([...EXAMPLE, '--cpu-busy-share', '2']).stderr).toMatch(/--cpu-busy-share is a share of the duration/);
    expect(cli([...EXAMPLE, '--savings-plan', '5y']).stderr).toMatch(/--savings-plan must be one of none, 1y-no-upfront/);
    expect(cli(['--region', 'mars-1']).stderr).toMatch(/"mars-1" is not in Crossover's price data. Regions: us-east-1/);
    expect(cli(['--memory-mb', '64']).code).toBe(2);
    expect(cli(['--front-door', 'cloudfront']).stderr).toMatch(/--front-door must be one of rest-api, http-api/);
    expect(cli(['--requests-per-month', 'many']).code).toBe(2);
    expect(cli(['--resource', 'X']).stderr).toMatch(/need a template/);
    // Sizes AWS refuses are refused, with the valid values (test/cli/cost-args.test.ts has the cases).
    const size = cli(['--fargate-vcpu', '3', '--fargate-memory-gb', '1']);
    expect(size.code).toBe(2);
    expect(size.stdout).toBe('');
    expect(size.stderr).toMatch(
      /is not a Fargate task size\. Fargate sizes: 0\.25 vCPU with 0\.5, 1 or 2 GB; .* The nearest size with at least as much: 4 vCPU with 8 GB\./,
    );
    expect(cli(['--ephemeral-storage-mb', '100']).code).toBe(2);
    expect(cli(['--fargate-ephemeral-storage-gb', '500']).stderr).toMatch(/must be between 21 and 200/);
  });

  test('--fargate-ephemeral-storage-gb prices the storage above the 20 GB included', () => {
    // us-east-1 Fargate ephemeral storage $0.000111 per GB-hour (data/pricing/prices.json): 50 GB is 30 GB above
    // the 20 GB included, per task: with the default 2 tasks, 2 x 730 h x 30 GB x $0.000111 = $4.8618.
    const base = json([]);
    const report = json(['--fargate-ephemeral-storage-gb', '50']);
    expect(base.fargate.breakdown.ephemeralStorage).toBe(0);
    expect(report.fargate.breakdown.ephemeralStorage).toBeCloseTo(report.fargate.tasks * 730 * 30 * 0.000111, 4);
    expect(report.fargate.tasks).toBe(2);
    expect(report.fargate.breakdown.ephemeralStorage).toBeCloseTo(4.8618, 4);
  });

  test('--list-regions and the text format', () => {
    const regions = cli(['--list-regions']).stdout.trim().split('\n');
    expect(regions).toHaveLength(Object.keys(PRICE_TABLE.regions).length);
    expect(regions).toContain('eu-west-2\tEurope (London)');
    const text = cli(EXAMPLE).stdout;
    expect(text).toMatch(/Lambda\s+\$18\.67\/mo/);
    expect(text).toMatch(/2 x 0.5 vCPU \/ 1 GB: compute \$36\.04/);
  });
});

describe('crossover cost --compute-only', () => {
  const FIFTY = ['--requests-per-month', '50000000', '--duration-ms', '100', '--memory-mb', '512', '--arch', 'arm64', '--front-door', 'http-api'];

  test('every platform without its front door; the report and the text say it is compute only', () => {
    const full = json(FIFTY);
    const only = json([...FIFTY, '--compute-only']);
    // With the front door: 50M requests x $1.00 per million (HTTP API) = $50.00 of Lambda's figure.
    expect(full.platforms.lambda.frontDoor).toEqual({ name: 'API Gateway HTTP API', usd: 50 });
    expect(full.computeOnly).toBeUndefined();
    expect(only.computeOnly).toBe(true);
    expect(only.lambda.monthlyUsd).toBeCloseTo(full.lambda.monthlyUsd - 50, 5);
    for (const [id, p] of Object.entries(only.platforms) as [string, { frontDoor: { usd: number }; monthlyUsd: number }][]) {
      expect(p.frontDoor.usd).toBe(0);
      expect(p.monthlyUsd).toBeLessThanOrEqual(full.platforms[id].monthlyUsd - full.platforms[id].frontDoor.usd + 1e-6);
    }
    const text = cli([...FIFTY, '--compute-only']).stdout;
    expect(text).toMatch(/\n {2}Cheapest \(compute only: no front door on any platform\): /);
    expect(text).not.toContain('Front door (in the figures)');
    expect(cli(FIFTY).stdout).toContain('  Front door (in the figures): Lambda $50.00 (API Gateway HTTP API), Fargate $');
  });
});

describe('crossover cost <template>', () => {
  test('reads the usage file next to the template; the figures equal the flag form for the same inputs', () => {
    const report = json([join(fixtures, 'template.yaml')]);
    expect(report.usageFile).toMatch(/crossover\.usage\.yml$/);
    const api = report.functions.find((f: { id: string }) => f.id === 'ApiFunction');
    expect(api.traffic).toBe('given');
    // Same inputs as EXAMPLE (the Fargate side matches the function's arm64 architecture in template mode).
    const flags = json([...EXAMPLE, '--fargate-arch', 'arm64']);
    expect(api.lambda).toEqual(flags.lambda);
    expect(api.fargate).toEqual(flags.fargate);
    expect(api.crossover).toEqual(flags.crossover);
    expect(api.assumptionSources).toContainEqual({ name: 'Requests per month', value: '10M', source: 'usage file' });
  });

  test('a function without traffic in the usage file gets low / typical / high bands, labelled as defaults', () => {
    const report = json([join(fixtures, 'template.yaml'), '--resource', 'ReportFunction']);
    expect(report.id).toBe('ReportFunction');
    expect(report.traffic).toBe('assumed');
    expect(report.bands.low.requestsPerMonth).toBe(100_000);
    expect(report.bands.high.requestsPerMonth).toBe(10_000_000);
    expect(report.assumptions.frontDoor).toBe('none');
    expect(report.fargate.breakdown.loadBalancer).toBe(0);
    expect(report.assumptionSources).toContainEqual(expect.objectContaining({ name: 'Requests per month', source: 'default' }));
  });

  test('the total as written: each workload on its own platform, a service and its task definition once; the savings apart', () => {
    // test/fixtures/cost/as-written: two functions, an ECS service with its task definition, a task definition alone and
    // an EKS node group; traffic given for Api and WebService (test/unit/cost/totals.test.ts works the figures out by hand).
    const dir = join(fixtures, 'as-written');
    const report = json([join(dir, 'template.yaml')], dir);
    const t = report.total;
    // Each row's home figure, from the report itself: the service's (not its task definition's), the lone task's, the node group's.
    const home = (r: { runsOn: { platform: string }; platforms: Record<string, { monthlyUsd: number }> }) => r.platforms[r.runsOn.platform]!.monthlyUsd;
    const rows = [...report.functions, ...report.tasks.filter((x: { id: string }) => x.id !== 'WebTask')];
    const nodes = report.capacity.find((c: { id: string }) => c.id === 'Nodes').monthlyUsd;
    expect(t.asWritten.usd).toBeCloseTo(rows.reduce((a: number, r: Parameters<typeof home>[0]) => a + home(r), 0) + nodes, 5);
    expect(t.asWritten.workloads).toBe(5);
    expect(t.asWritten.byPlatform.map((p: { id: string }) => p.id)).toEqual(['lambda', 'ecs-fargate', 'eks-ec2']);
    // WebService on Fargate ($25.32005) against Lambda at its 1M requests ($1.86667).
    expect(t.savings).toEqual({ usd: 23.45338, candidates: 1, assumedLeftOut: 2 });
    // The old fields stay: every workload with an estimate on Lambda, on Fargate.
    expect(t).toMatchObject({ workloads: 4, freeTierCreditUsd: 0 });
    expect(t.lambdaUsd).toBeCloseTo(
      rows.reduce((a: number, r: { lambda: { monthlyUsd: number } }) => a + r.lambda.monthlyUsd, 0),
      5,
    );
    const text = cli([join(dir, 'template.yaml')], dir).stdout;
    expect(text).toContain('\nAs written: $293/mo for 5 workloads (Lambda $3.73, Fargate $37.98, EKS on EC2 $252)\n');
    expect(text).toContain('Moving 1 workload to its cheapest platform would save about $23.45/mo (2 on assumed traffic left out)\n');
  });

  test('template mode refuses workload flags and unknown resources', () => {
    expect(cli([join(fixtures, 'template.yaml'), '--memory-mb', '1024']).stderr).toMatch(/drop --memory-mb/);
    const missing = cli([join(fixtures, 'template.yaml'), '--resource', 'Nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no Lambda function, task definition or service "Nope". Workloads: ApiFunction, ReportFunction/);
  });
});

describe('serverless.ts through the bundle (the TypeScript reader loads on demand)', () => {
  test('check reads the static configuration; cost reads its functions', () => {
    const fixture = join(repo, 'test', 'fixtures', 'serverless-ts', 'serverless.ts');
    const check = spawnSync(process.execPath, [bundle, 'check', fixture, '--format', 'json', '--fail-on', 'none'], { cwd: repo, encoding: 'utf8' });
    const file = JSON.parse(check.stdout).files[0];
    expect(file.format).toBe('serverless');
    expect(file.workloads.map((w: { id: string; memoryMb: number | null }) => [w.id, w.memoryMb])).toEqual([
      ['report', 2048],
      ['computed', null],
    ]);
    const report = json([fixture, '--resource', 'report']);
    expect(report.assumptions).toMatchObject({ memoryMb: 2048, frontDoor: 'rest-api' });
  });
});

test('a task definition file: Fargate at its count, the same traffic on Lambda', () => {
  const report = json([join(repo, 'test', 'e2e', 'workspace', 'ecs', 'taskdef.json'), '--resource', 'web']);
  expect(report).toMatchObject({ id: 'web', type: 'ecs-task-definition', fargate: { tasks: 1, vcpu: 1, memoryGb: 1 } });
  expect(report.fargate.breakdown.compute).toBeCloseTo(730 * (0.04048 + 0.004445), 6);
});

test('a CDK app through the bundle: check finds the function behind the REST API', () => {
  const fixture = join(repo, 'test', 'fixtures', 'cdk', 'orders-stack.ts');
  const check = spawnSync(process.execPath, [bundle, 'check', fixture, '--format', 'json', '--fail-on', 'none'], { cwd: repo, encoding: 'utf8' });
  const file = JSON.parse(check.stdout).files[0];
  expect(file.format).toBe('cdk');
  expect(file.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(
    expect.arrayContaining(['lambda/api-gateway-timeout', 'sqs/visibility-timeout', 'ecs/fargate-task-size']),
  );
});
