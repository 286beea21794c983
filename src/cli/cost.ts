/** `crossover cost`: a workload from flags, or the functions of a template with the usage file -> figures. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeText,
  compare,
  type Comparison,
  comparisonReport,
  type CostReport,
  type CostSettings,
  fargateFor,
  verdictFlips,
  workspaceTotal,
  countedWorkloads,
  workloadComparison,
  type WorkloadEstimate,
  costText,
  crossovers,
  decodeBytes,
  emptyUsage,
  type FunctionCost,
  type FunctionReport,
  parseUsageFile,
  priceBook,
  pricesRead,
  type PythonReader,
  type TerraformReader,
  regions,
  resolveConfig,
  resolveCostSettings,
  roundMoney,
  type Scenario,
  type TaskReport,
  templateCosts,
  type TemplateReport,
  USAGE_FILE_NAMES,
  type UsageFile,
  readingReport,
} from '../core/index.js';
import { UsageError } from './args.js';
import { fileReaderFor } from '../node/file-reader.js';
import { folderFilesFor } from '../node/terraform-loader.js';
import { readLocalCappedSync } from '../node/disk.js';
import { rootOfFile } from './files.js';
import { typescriptReader } from '../node/typescript-loader.js';
import { displayPath, READ_LIMIT_BYTES } from './check.js';
import { COST_USAGE, parseCostRequest, type CostFlags, type CostRequest } from './cost-args.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  python?: PythonReader;
  terraform?: TerraformReader;
}

export function runCost(argv: string[], io: Io): number {
  const request = parseCostRequest(argv);
  if (request.command === 'cost-help') {
    io.out(COST_USAGE + '\n');
    return 0;
  }
  if (request.command === 'list-regions') {
    for (const region of regions()) io.out(`${region.id}\t${region.name}\n`);
    return 0;
  }
  const report = request.template === undefined ? flagReport(request, io) : templateReport(request, io);
  io.out(request.format === 'json' ? JSON.stringify(report, roundMoney, 2) + '\n' : costText(report));
  return 0;
}

/** The cost settings the flags give (the same resolution as the editor's settings and the template mode). */
function settingsOf(f: CostFlags, given: readonly string[], problems: string[]): CostSettings {
  return resolveCostSettings(
    {
      platforms: f.platforms,
      // Naming App Runner on the command line is saying the account uses it (it takes no new customers).
      appRunnerCustomer: f.platforms?.includes('app-runner') ?? false,
      region: f.region,
      freeTier: f.freeTier,
      busyHoursPerDay: f.busyHoursPerDay,
      egressKbPerRequest: f.egressKbPerRequest,
      logsKbPerRequest: f.logsKbPerRequest,
      natGateways: f.natGateways,
      savingsPlan: f.savingsPlan,
      fargate: {
        vcpu: f.fargateVcpu,
        memoryGb: f.fargateMemoryGb,
        architecture: given.includes('fargate-arch') ? f.fargateArch : 'match',
        minTasks: f.fargateMinTasks,
        maxTasks: f.fargateMaxTasks,
        concurrencyPerVcpu: null,
        cpuBusyShare: f.cpuBusyShare,
        targetUtilization: f.targetUtilization,
        spot: f.fargateSpot,
        tasks: f.fargateTasks,
        albLcu: f.albLcu,
        natGateway: f.fargateNatGateway,
        ephemeralStorageGb: f.fargateEphemeralStorageGb,
      },
      ...(f.rdsProxyVcpu > 0 ? { rdsProxyVcpu: f.rdsProxyVcpu } : {}),
    },
    problems,
  );
}

/** One workload described by flags: the function, and the Fargate task sized from it as for a template's function. */
function scenarioOf(f: CostFlags, given: readonly string[], problems: string[]): Scenario {
  const settings = settingsOf(f, given, problems);
  const fargate = fargateFor(f.memoryMb, f.architecture, settings, { loadBalancer: f.frontDoor === 'none' ? 'none' : 'alb', private: f.vpc });
  return {
    ...(f.platforms ? { platforms: f.platforms } : {}),
    ...(f.platforms?.includes('app-runner') ? { appRunnerCustomer: true } : {}),
    region: f.region,
    requestsPerMonth: f.requestsPerMonth,
    durationMs: f.durationMs,
    payloadKb: f.payloadKb,
    peakToAverage: f.peakToAverage,
    day: { busyHoursPerDay: f.busyHoursPerDay, profile: null },
    network: { natGateways: f.natGateways, egressKbPerRequest: f.egressKbPerRequest },
    logsKbPerRequest: f.logsKbPerRequest,
    savingsPlan: f.savingsPlan,
    freeTier: f.freeTier,
    lambda: {
      memoryMb: f.memoryMb,
      architecture: f.architecture,
      ephemeralStorageMb: f.ephemeralStorageMb,
      provisionedConcurrency: f.provisionedConcurrency,
      frontDoor: f.frontDoor,
      rdsProxyVcpu: f.rdsProxyVcpu,
      vpc: f.vpc,
    },
    fargate: {
      ...fargate,
      architecture: f.fargateArch,
      perTaskConcurrency: f.fargateTaskConcurrency,
      ephemeralStorageGb: f.fargateEphemeralStorageGb,
    },
  };
}

function flagReport(request: CostRequest, io: Io): CostReport {
  const problems: string[] = [];
  const described = scenarioOf(request.flags, request.given, problems);
  const computeOnly = request.flags.computeOnly;
  // Compute only: no front door on the Lambda side, no load balancer on the others.
  const scenario: Scenario = computeOnly
    ? { ...described, lambda: { ...described.lambda, frontDoor: 'none' }, fargate: { ...described.fargate, loadBalancer: 'none' } }
    : described;
  for (const problem of problems) io.err(`crossover: ${problem}\n`);
  const prices = priceBook(scenario.region);
  const c = compare(scenario, prices);
  const read = pricesRead(c, prices);
  return comparisonReport(c, scenario, crossovers(scenario, prices), read.date, read.notes, read.used, verdictFlips(scenario, prices), computeOnly);
}

function templateReport(request: CostRequest, io: Io): TemplateReport | FunctionReport | TaskReport {
  const path = resolve(io.cwd, request.template!);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${request.template}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw new UsageError(`${request.template}: ${decoded.reason}`);
  const result = analyzeText(
    {
      uri: path,
      text: decoded.text,
      typescript: typescriptReader,
      ...(io.python ? { python: io.python } : {}),
      ...(io.terraform ? { terraform: io.terraform } : {}),
      ...(io.terraform ? { folderFiles: folderFilesFor(path, rootOfFile(path)) } : {}),
      readFile: fileReaderFor(path, rootOfFile(path))!,
    },
    resolveConfig({}),
  );
  if (!result.model) {
    // A template that could not be read (nested too deeply, or an internal error) says why, not "not a template".
    const why = result.findings.find((f) => f.ruleId === 'internal-error' || f.ruleId === 'parse-error');
    throw new UsageError(why ? `${request.template}: ${why.message}` : `${request.template} is not a SAM or CloudFormation template`);
  }
  const { usage, file } = loadUsage(request, path, io);
  const f = request.flags;
  const problems: string[] = [];
  const settings = settingsOf(f, request.given, problems);
  for (const problem of problems) io.err(`crossover: ${problem}\n`);
  if (request.given.includes('region')) delete usage.region; // the command line wins over the file
  const model = result.model;
  const relative = displayPath(path, io.cwd);
  // Node locations carry the path the file was analysed under (and the paths of the files it imports).
  const fileOf = (uri: string) => displayPath(uri.startsWith('file:') ? fileURLToPath(uri) : uri, io.cwd);
  const costs = templateCosts(model, relative, usage, settings, (id, error) => {
    throw error instanceof Error ? new Error(`cost estimate for ${id} failed: ${error.message}`, { cause: error }) : error;
  });
  // Compute only: each workload compared without its front door (the view's toggle); the total stays as written.
  const reportOf = (e: WorkloadEstimate): CostReport =>
    f.computeOnly
      ? workloadComparison(e, { computeOnly: true }, settings.priceOverrides).report
      : comparisonReport(e.typical, e.scenario, e.crossovers, e.priceDate, e.notes, e.prices, e.flips);
  const functionReport = ({ fn, estimate: e }: FunctionCost): FunctionReport => {
    const report: FunctionReport = {
      id: fn.id,
      ...readingReport(fn, fileOf),
      runsOn: e.runsOn,
      traffic: e.traffic,
      ...reportOf(e),
      assumptionSources: e.assumptions,
    };
    if (e.low && e.high && !f.computeOnly) {
      const band = (c: Comparison) => ({
        requestsPerMonth: c.requestsPerMonth,
        lambda: c.lambda.monthlyUsd,
        fargate: c.fargate.monthlyUsd,
        fargateTasks: c.fargate.tasks,
      });
      report.bands = { low: band(e.low), high: band(e.high) };
    }
    return report;
  };
  const tasks: TaskReport[] = [...costs.tasks, ...costs.services].map(({ node, estimate: e }) => ({
    id: node.id,
    ...readingReport(node, fileOf),
    type: node.kind,
    runsOn: e.runsOn,
    traffic: e.traffic,
    ...reportOf(e),
    assumptionSources: e.assumptions,
  }));
  if (request.resource !== undefined) {
    const fn = costs.functions.find((f) => f.fn.id === request.resource);
    if (fn) return functionReport(fn);
    const task = tasks.find((t) => t.id === request.resource);
    if (task) return task;
    const known = [...costs.functions.map((f) => f.fn.id), ...tasks.map((t) => t.id)];
    throw new UsageError(
      `${request.template} has no Lambda function, task definition or service "${request.resource}". Workloads: ${known.join(', ') || 'none'}`,
    );
  }
  // The template's total: every workload once (a task definition its service runs counted as the service, a node
  // group at its own cost), as written and on each platform, with the account's free tier subtracted once when asked.
  const total = workspaceTotal(countedWorkloads(costs), f.freeTier, settings.priceOverrides);
  return {
    template: relative,
    usageFile: file ? displayPath(file, io.cwd) : null,
    functions: costs.functions.map(functionReport),
    tasks,
    capacity: costs.capacity.map((c) => ({
      id: c.node.id,
      type: c.node.type,
      runsOn: c.runsOn,
      monthlyUsd: c.own?.monthlyUsd ?? null,
      parts: c.own?.parts ?? [],
      why: c.comparison.why,
      notes: c.notes,
    })),
    total: {
      lambdaUsd: total.lambda,
      fargateUsd: total.fargate,
      freeTierCreditUsd: total.lambdaFreeTierCredit,
      workloads: total.functions,
      asWritten: { usd: total.asWritten, workloads: total.workloads, byPlatform: total.byPlatform, freeTierCreditUsd: total.freeTierCredit },
      savings: { usd: total.saving, candidates: total.candidates, assumedLeftOut: total.assumed },
    },
  };
}

/** --usage, else crossover.usage.{yml,yaml,json} in the working folder, then next to the template. */
function loadUsage(request: CostRequest, templatePath: string, io: Io): { usage: UsageFile; file?: string } {
  if (request.usageFile !== undefined) {
    const given = resolve(io.cwd, request.usageFile);
    if (!existsSync(given)) throw new UsageError(`cannot read the usage file ${request.usageFile}`);
    return parsedUsage(given, readFileSync(given, 'utf8'), io);
  }
  // Found, not named: read only when its real path is in the folder it was looked for in (not a link elsewhere).
  for (const dir of [io.cwd, dirname(templatePath)]) {
    for (const name of USAGE_FILE_NAMES) {
      const read = readLocalCappedSync(join(dir, name), READ_LIMIT_BYTES, dir);
      if (read.kind === 'bytes') return parsedUsage(join(dir, name), read.bytes.toString('utf8'), io);
    }
  }
  return { usage: emptyUsage() };
}

function parsedUsage(file: string, text: string, io: Io): { usage: UsageFile; file: string } {
  const usage = parseUsageFile(file, text);
  for (const p of usage.problems)
    io.err(`crossover: ${displayPath(file, io.cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}\n`);
  return { usage, file };
}
