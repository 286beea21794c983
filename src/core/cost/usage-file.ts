/**
 * `crossover.usage.yml` (or `.yaml` / `.json`) at the workspace root: the traffic a template cannot say.
 *
 *   region: eu-west-1            # optional, for every template
 *   defaults:                    # optional, for resources not listed
 *     averageDurationMs: 120
 *   resources:
 *     OrdersFunction:            # a logical id, or "path/to/template.yaml#LogicalId" when ids repeat
 *       requestsPerMonth: 25000000   # or requestsPerSecond: 10
 *       averageDurationMs: 85
 *       averagePayloadKb: 6
 *       peakToAverage: 4
 *       busyHoursPerDay: 8           # or dailyProfile: [24 relative hourly rates]
 *       egressKbPerRequest: 2        # sent to the internet / AWS services (passes a NAT gateway)
 *       logsKbPerRequest: 1          # CloudWatch Logs written
 *
 * Parsed with positions so a wrong value gets a diagnostic on its line; schemas/crossover.usage.schema.json
 * describes the same shape for editor completion (a test keeps the two in agreement).
 */
import { LAMBDA_LIMITS } from '../data/limits.js';
import { type Range } from '../model/location.js';
import { loadDocument } from '../parse/document/load.js';
import { isMap, type MapNode, type TreeNode } from '../parse/document/tree.js';

export const USAGE_FILE_NAMES = ['crossover.usage.yml', 'crossover.usage.yaml', 'crossover.usage.json'];

interface NumberEntry {
  requestsPerMonth?: number;
  requestsPerSecond?: number;
  averageDurationMs?: number;
  averagePayloadKb?: number;
  peakToAverage?: number;
  busyHoursPerDay?: number;
  egressKbPerRequest?: number;
  logsKbPerRequest?: number;
}

interface UsageEntry extends NumberEntry {
  /** 24 relative hourly request rates (any scale), hour 0 first. */
  dailyProfile?: number[];
}

/** The daily profile's hours. */
const PROFILE_HOURS = 24;

export const USAGE_FIELDS: Record<keyof NumberEntry, { min: number; exclusiveMin?: boolean; max?: number; description: string }> = {
  requestsPerMonth: { min: 0, description: 'Requests (invocations) per month' },
  requestsPerSecond: { min: 0, description: 'Average requests per second (instead of requestsPerMonth)' },
  averageDurationMs: {
    min: 0,
    exclusiveMin: true,
    max: LAMBDA_LIMITS.maxTimeoutSeconds.value * 1000,
    description: 'Average duration of one request in milliseconds',
  },
  averagePayloadKb: { min: 0, max: 1_048_576, description: 'Average request plus response payload in KB' },
  peakToAverage: { min: 1, max: 1000, description: 'Peak traffic divided by the monthly average (1 = flat)' },
  busyHoursPerDay: { min: 1, max: 24, description: 'Hours a day at the peak rate; the rest of the day shares what is left (24 = flat)' },
  egressKbPerRequest: { min: 0, max: 1_048_576, description: 'KB each request sends to the internet or AWS services (what passes a NAT gateway)' },
  logsKbPerRequest: { min: 0, max: 1_048_576, description: 'KB of CloudWatch Logs each request writes (both sides)' },
};

/** The usage figure that is a list (described here, checked by readProfile). */
export const USAGE_LIST_FIELDS = {
  dailyProfile: {
    items: PROFILE_HOURS,
    description: '24 relative hourly request rates (any scale, hour 0 first) instead of busyHoursPerDay and peakToAverage',
  },
};

interface UsageProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface UsageFile {
  uri: string;
  region?: string;
  defaults: UsageEntry;
  /** Keyed by logical id or "path#LogicalId". */
  resources: Map<string, UsageEntry & { range: Range }>;
  problems: UsageProblem[];
}

export function emptyUsage(uri = ''): UsageFile {
  return { uri, defaults: {}, resources: new Map(), problems: [] };
}

/**
 * The usage of a folder without a usage file, one object for every lookup: an EstimateMemo keeps its estimates only
 * while it is given the same usage object, so a new empty usage per lookup would estimate every workload of a file
 * again at each version (a 310-function template: 64 ms a keystroke instead of under 1 ms). Read only.
 */
export const NO_USAGE_FILE: UsageFile = emptyUsage();

export function parseUsageFile(uri: string, text: string): UsageFile {
  const usage = emptyUsage(uri);
  const doc = loadDocument(uri, text);
  const range = (node: { start: number; end: number }) => doc.lines.range(node.start, node.end);
  for (const p of doc.problems) usage.problems.push({ message: p.message, range: doc.lines.range(p.start, p.end), severity: p.severity });
  const root = doc.root;
  if (root === undefined) return usage;
  if (!isMap(root)) {
    usage.problems.push({
      message: 'The usage file must be a map with `resources:` (and optionally `region:` and `defaults:`).',
      range: range(root),
      severity: 'error',
    });
    return usage;
  }
  for (const entry of root.entries) {
    if (entry.key === 'region') {
      const value = entry.value;
      if (value.kind === 'scalar' && typeof value.value === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(value.value)) usage.region = value.value;
      else usage.problems.push({ message: 'region must be an AWS region code such as us-east-1.', range: range(value), severity: 'error' });
    } else if (entry.key === 'defaults') {
      usage.defaults = readEntry(entry.value, 'defaults', usage, range);
    } else if (entry.key === 'resources') {
      if (!isMap(entry.value)) {
        usage.problems.push({ message: 'resources must map logical ids to their usage.', range: range(entry.value), severity: 'error' });
        continue;
      }
      for (const resource of entry.value.entries)
        usage.resources.set(resource.key, { ...readEntry(resource.value, resource.key, usage, range), range: range(resource.keyNode) });
    } else if (entry.key !== '$schema') {
      usage.problems.push({
        message: `Unknown key "${entry.key}": the usage file has region, defaults and resources.`,
        range: range(entry.keyNode),
        severity: 'warning',
      });
    }
  }
  return usage;
}

function readEntry(node: TreeNode, where: string, usage: UsageFile, range: (n: { start: number; end: number }) => Range): UsageEntry {
  const out: UsageEntry = {};
  if (!isMap(node)) {
    usage.problems.push({
      message: `${where} must be a map of usage figures (${Object.keys(USAGE_FIELDS).join(', ')}).`,
      range: range(node),
      severity: 'error',
    });
    return out;
  }
  for (const entry of (node as MapNode).entries) {
    if (entry.key === 'dailyProfile') {
      const profile = readProfile(entry.value);
      if (profile) out.dailyProfile = profile;
      else
        usage.problems.push({
          message: `dailyProfile must be a list of ${PROFILE_HOURS} numbers (relative hourly rates, at least 0, not all 0).`,
          range: range(entry.value),
          severity: 'error',
        });
      continue;
    }
    const spec = Object.hasOwn(USAGE_FIELDS, entry.key) ? USAGE_FIELDS[entry.key as keyof NumberEntry] : undefined;
    if (!spec) {
      usage.problems.push({
        message: `Unknown usage figure "${entry.key}" in ${where}; known: ${[...Object.keys(USAGE_FIELDS), ...Object.keys(USAGE_LIST_FIELDS)].join(', ')}.`,
        range: range(entry.keyNode),
        severity: 'warning',
      });
      continue;
    }
    const value = entry.value.kind === 'scalar' ? entry.value.value : undefined;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (spec.exclusiveMin ? value > spec.min : value >= spec.min) &&
      (spec.max === undefined || value <= spec.max);
    if (!ok) {
      const bound = `${spec.exclusiveMin ? 'above' : 'at least'} ${spec.min}${spec.max !== undefined ? ` and at most ${spec.max.toLocaleString('en-US')}` : ''}`;
      usage.problems.push({ message: `${entry.key} must be a number ${bound}.`, range: range(entry.value), severity: 'error' });
      continue;
    }
    out[entry.key as keyof NumberEntry] = value;
  }
  if (out.requestsPerMonth !== undefined && out.requestsPerSecond !== undefined) {
    usage.problems.push({
      message: `${where}: give requestsPerMonth or requestsPerSecond, not both (requestsPerMonth is used).`,
      range: range(node),
      severity: 'warning',
    });
  }
  return out;
}

/** 24 finite numbers >= 0, not all 0; undefined otherwise. */
function readProfile(node: TreeNode): number[] | undefined {
  if (node.kind !== 'seq' || node.items.length !== PROFILE_HOURS) return undefined;
  const values = node.items.map((item) => (item.kind === 'scalar' && typeof item.value === 'number' && Number.isFinite(item.value) ? item.value : -1));
  return values.every((v) => v >= 0) && values.some((v) => v > 0) ? values : undefined;
}

/** The usage for one resource: "path#Id" first, then the bare id, then the file's defaults. */
export function usageFor(usage: UsageFile, templatePath: string, logicalId: string): { entry: UsageEntry; listed: boolean } {
  const specific = usage.resources.get(`${templatePath}#${logicalId}`) ?? usage.resources.get(logicalId);
  return { entry: { ...usage.defaults, ...(specific ?? {}) }, listed: specific !== undefined };
}
