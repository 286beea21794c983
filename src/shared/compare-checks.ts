/**
 * Run-time checks of the comparison view's messages, one per direction: what a webview sends (FromView) and
 * what the view is given or hands back after a reload (ToView, the state it saved). A message of an unknown
 * type, a field of the wrong type, a number that is not finite or out of range, a string too long, or a key
 * that is not one of the message's is refused with the reason; the extension logs it and does nothing else.
 * No dependencies at run time (types only), so the webview bundle may use these too.
 */
import { type FrontDoor, LAMBDA_LIMITS, type Overrides, SAVINGS_PLANS } from '../core/browser.js';
import { type CompareViewState, type FromView, type SummaryKind, type SummaryRow, type ToView, type WorkloadKind } from './compare-messages.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Strings a message may carry: URIs, ids and labels, and the equivalent configuration's text. */
const MAX_ID = 1024;
const MAX_URI = 8192;
const MAX_TEXT = 1_000_000;
const MAX_ITEMS = 100_000;
const MAX_DEPTH = 16;
const MAX_LINE = 10_000_000;

type Range = { min: number; max: number; values?: readonly number[] };

/** What the view lets the user set, and in which range (the view's fields use the same bounds). */
export const OVERRIDE_BOUNDS = {
  requestsPerMonth: { min: 1, max: 1e12 },
  durationMs: { min: 1, max: LAMBDA_LIMITS.maxTimeoutSeconds.value * 1000 },
  memoryMb: { min: LAMBDA_LIMITS.minMemoryMb.value, max: LAMBDA_LIMITS.maxMemoryMb.value },
  fargateVcpu: { min: 0.25, max: 16, values: [0.25, 0.5, 1, 2, 4, 8, 16] },
  fargateMemoryGb: { min: 0.5, max: 120 },
  perTaskConcurrency: { min: 1, max: 1_000_000 },
  minTasks: { min: 1, max: 100_000 },
  busyHoursPerDay: { min: 1, max: 24 },
  cpuBusyShare: { min: 0.01, max: 1 },
} as const satisfies Partial<Record<keyof Overrides, Range>>;

const FRONT_DOORS = { 'rest-api': true, 'http-api': true, 'websocket-api': true, alb: true, 'function-url': true, none: true } as const satisfies Record<
  FrontDoor,
  true
>;
const KINDS = { 'lambda-function': true, 'ecs-task-definition': true, 'ecs-service': true } as const satisfies Record<WorkloadKind, true>;
const SUMMARY_KINDS = { ...KINDS, 'ecs-express-service': true, 'app-runner-service': true, 'eks-nodegroup': true } as const satisfies Record<SummaryKind, true>;
const ARCHITECTURES = ['x86_64', 'arm64'] as const;
/** Platform ids: lower-case words joined by hyphens (the engine decides whether it has one). */
const PLATFORM_ID = /^[a-z][a-z0-9-]*$/;
const MAX_PLATFORMS = 32;
/** An AWS region code (the price data decides whether it has it). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

class Refused extends Error {}

const refuse = (reason: string): never => {
  throw new Refused(reason);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object; `strict`: with no other fields than `keys` (a message), else other fields are let be (a saved state). */
function record(value: unknown, what: string, keys: readonly string[], strict = true): Record<string, unknown> {
  if (!isRecord(value)) return refuse(`${what} is not an object`);
  if (strict) for (const key of Object.keys(value)) if (!keys.includes(key)) refuse(`${what} has an unknown field ${JSON.stringify(key.slice(0, 40))}`);
  return value;
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') return refuse(`${what} is not a string`);
  if (value.length > max) return refuse(`${what} is longer than ${max} characters`);
  return value;
}

function number(value: unknown, what: string, range: Range): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(`${what} is not a finite number`);
  if (value < range.min || value > range.max || (range.values && !range.values.includes(value))) return refuse(`${what} ${value} is out of range`);
  return value;
}

function line(value: unknown, what: string): number {
  const n = number(value, what, { min: 0, max: MAX_LINE });
  return Number.isInteger(n) ? n : refuse(`${what} is not a whole number`);
}

function oneOf<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : refuse(`${what} is not one of ${allowed.join(', ')}`);
}

function boolean(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : refuse(`${what} is not true or false`);
}

/** The user's edits: known fields only, each of its type and in its range. */
export function checkOverrides(value: unknown, what = 'overrides'): Overrides {
  const o = record(value, what, [
    ...Object.keys(OVERRIDE_BOUNDS),
    'architecture',
    'region',
    'frontDoor',
    'freeTier',
    'spot',
    'computeOnly',
    'savingsPlan',
    'platforms',
    'appRunnerCustomer',
  ]);
  const out: Overrides = {};
  for (const [key, range] of Object.entries(OVERRIDE_BOUNDS) as [keyof typeof OVERRIDE_BOUNDS, Range][]) {
    if (o[key] !== undefined) out[key] = number(o[key], `${what}.${key}`, range);
  }
  if (o['architecture'] !== undefined) out.architecture = oneOf(o['architecture'], `${what}.architecture`, ARCHITECTURES);
  if (o['region'] !== undefined) {
    const region = text(o['region'], `${what}.region`, 32);
    out.region = REGION.test(region) ? region : refuse(`${what}.region is not a region code`);
  }
  if (o['frontDoor'] !== undefined) out.frontDoor = oneOf(o['frontDoor'], `${what}.frontDoor`, Object.keys(FRONT_DOORS) as FrontDoor[]);
  if (o['freeTier'] !== undefined) out.freeTier = boolean(o['freeTier'], `${what}.freeTier`);
  if (o['spot'] !== undefined) out.spot = boolean(o['spot'], `${what}.spot`);
  if (o['computeOnly'] !== undefined) out.computeOnly = boolean(o['computeOnly'], `${what}.computeOnly`);
  if (o['appRunnerCustomer'] !== undefined) out.appRunnerCustomer = boolean(o['appRunnerCustomer'], `${what}.appRunnerCustomer`);
  if (o['savingsPlan'] !== undefined) out.savingsPlan = oneOf(o['savingsPlan'], `${what}.savingsPlan`, SAVINGS_PLANS);
  if (o['platforms'] !== undefined) {
    const list = o['platforms'];
    if (!Array.isArray(list) || list.length > MAX_PLATFORMS) refuse(`${what}.platforms is not a list of at most ${MAX_PLATFORMS} platform ids`);
    out.platforms = (list as unknown[]).map((id, i) => {
      const text_ = text(id, `${what}.platforms[${i}]`, 40);
      return PLATFORM_ID.test(text_) ? text_ : refuse(`${what}.platforms[${i}] is not a platform id`);
    });
  }
  return out;
}

/** A message from a webview (the comparison or the summary), checked; a new object with its fields only. */
export function checkFromView(message: unknown): Checked<FromView> {
  try {
    const type = isRecord(message) ? message['type'] : undefined;
    switch (type) {
      case 'ready':
      case 'reset':
      case 'saveUsage':
        record(message, type, ['type']);
        return { ok: true, value: { type } };
      case 'openEquivalent': {
        const m = record(message, type, ['type', 'platform']);
        if (m['platform'] === undefined) return { ok: true, value: { type } };
        const platform = text(m['platform'], 'openEquivalent.platform', 40);
        return PLATFORM_ID.test(platform) ? { ok: true, value: { type, platform } } : refuse('openEquivalent.platform is not a platform id');
      }
      case 'override': {
        const m = record(message, type, ['type', 'overrides']);
        return { ok: true, value: { type, overrides: checkOverrides(m['overrides']) } };
      }
      case 'open': {
        const m = record(message, type, ['type', 'uri', 'line']);
        return { ok: true, value: { type, uri: text(m['uri'], 'open.uri', MAX_URI), line: line(m['line'], 'open.line') } };
      }
      case 'compare': {
        const m = record(message, type, ['type', 'uri', 'id']);
        return { ok: true, value: { type, uri: text(m['uri'], 'compare.uri', MAX_URI), id: text(m['id'], 'compare.id', MAX_ID) } };
      }
      default:
        return refuse(isRecord(message) ? `unknown message type ${JSON.stringify(String(type).slice(0, 40))}` : 'the message is not an object');
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A webview's message if it passes checkFromView; else undefined, and `log` hears why it was ignored. */
export function acceptFromView(message: unknown, log: (line: string) => void): FromView | undefined {
  const checked = checkFromView(message);
  if (checked.ok) return checked.value;
  log(`ignored a message from the view (${checked.reason}).`);
  return undefined;
}

/** Plain data all the way down: finite numbers (or null: JSON has no Infinity), bounded strings, arrays and depth. */
function plain(value: unknown, what: string, depth = 0): void {
  if (depth > MAX_DEPTH) refuse(`${what} is nested too deeply`);
  if (value === null || value === undefined || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(`${what} is not a finite number`);
    return;
  }
  if (typeof value === 'string') {
    text(value, what, MAX_TEXT);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) refuse(`${what} has more than ${MAX_ITEMS} items`);
    value.forEach((item, i) => plain(item, `${what}[${i}]`, depth + 1));
    return;
  }
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) plain(item, `${what}.${key.slice(0, 40)}`, depth + 1);
    return;
  }
  refuse(`${what} is not plain data`);
}

function workloadOf(value: unknown): CompareViewState['workload'] {
  const w = record(value, 'state.workload', ['id', 'kind', 'file', 'uri', 'line'], false);
  return {
    id: text(w['id'], 'state.workload.id', MAX_ID),
    kind: oneOf(w['kind'], 'state.workload.kind', Object.keys(KINDS) as WorkloadKind[]),
    file: text(w['file'], 'state.workload.file', MAX_URI),
    uri: text(w['uri'], 'state.workload.uri', MAX_URI),
    line: line(w['line'], 'state.workload.line'),
  };
}

/** An equivalent configuration: YAML with a title and its text. */
function equivalentOf(value: unknown, what: string): void {
  const equivalent = record(value, what, ['language', 'title', 'content'], false);
  oneOf(equivalent['language'], `${what}.language`, ['yaml']);
  text(equivalent['title'], `${what}.title`, MAX_URI);
  text(equivalent['content'], `${what}.content`, MAX_TEXT);
}

function stateOf(value: unknown): CompareViewState {
  const s = record(value, 'state', ['workload', 'traffic', 'bands', 'overrides', 'data', 'sources', 'decision', 'equivalent', 'equivalents'], false);
  plain(s, 'state');
  workloadOf(s['workload']);
  oneOf(s['traffic'], 'state.traffic', ['given', 'assumed']);
  if (s['bands'] !== undefined) {
    const b = record(s['bands'], 'state.bands', ['low', 'high'], false);
    for (const key of ['low', 'high']) number(b[key], `state.bands.${key}`, { min: 0, max: Number.MAX_VALUE });
  }
  if (s['overrides'] !== undefined) checkOverrides(s['overrides'], 'state.overrides');
  const data = record(s['data'], 'state.data', ['report', 'sweep', 'scenario', 'regions'], false);
  for (const key of ['report', 'sweep', 'scenario']) if (!isRecord(data[key])) refuse(`state.data.${key} is not an object`);
  if (!Array.isArray(data['regions'])) refuse('state.data.regions is not a list');
  if (data['platforms'] !== undefined && !Array.isArray(data['platforms'])) refuse('state.data.platforms is not a list');
  if (!Array.isArray(s['sources'])) refuse('state.sources is not a list');
  (s['sources'] as unknown[]).forEach((item, i) => {
    const source = record(item, `state.sources[${i}]`, ['name', 'value', 'source'], false);
    for (const key of ['name', 'value', 'source']) text(source[key], `state.sources[${i}].${key}`, MAX_URI);
  });
  const decision = record(s['decision'], 'state.decision', ['items', 'recommendation', 'coldStart'], false);
  if (!Array.isArray(decision['items'])) refuse('state.decision.items is not a list');
  (decision['items'] as unknown[]).forEach((item, i) => {
    const at = record(item, `state.decision.items[${i}]`, ['question', 'lean', 'answer', 'at'], false)['at'];
    if (at !== undefined) {
      const place = record(at, `state.decision.items[${i}].at`, ['uri', 'line'], false);
      text(place['uri'], `state.decision.items[${i}].at.uri`, MAX_URI);
      line(place['line'], `state.decision.items[${i}].at.line`);
    }
  });
  equivalentOf(s['equivalent'], 'state.equivalent');
  // One per platform id (a state saved before there were several has none).
  if (s['equivalents'] !== undefined) {
    const equivalents = record(s['equivalents'], 'state.equivalents', [], false);
    if (Object.keys(equivalents).length > MAX_PLATFORMS) refuse(`state.equivalents has more than ${MAX_PLATFORMS} platforms`);
    for (const [id, item] of Object.entries(equivalents)) {
      if (!PLATFORM_ID.test(id) || id.length > 40) refuse('state.equivalents has a key that is not a platform id');
      equivalentOf(item, `state.equivalents.${id}`);
    }
  }
  const recommendation = record(decision['recommendation'], 'state.decision.recommendation', ['side', 'platform', 'runnerUp', 'ruledOut', 'reasons'], false);
  oneOf(recommendation['side'], 'state.decision.recommendation.side', ['lambda', 'fargate', 'either']);
  for (const key of ['platform', 'runnerUp']) {
    if (recommendation[key] === null || recommendation[key] === undefined) continue;
    const choice = record(recommendation[key], `state.decision.recommendation.${key}`, ['id', 'label', 'monthlyUsd', 'weighedUsd'], false);
    text(choice['label'], `state.decision.recommendation.${key}.label`, MAX_ID);
  }
  return s as unknown as CompareViewState;
}

function rowsOf(value: unknown): SummaryRow[] {
  if (!Array.isArray(value)) return refuse('rows is not a list');
  plain(value, 'rows');
  const keys = [
    'id',
    'kind',
    'file',
    'uri',
    'line',
    'lambdaUsd',
    'fargateUsd',
    'fargateTasks',
    'requestsPerMonth',
    'traffic',
    'recommendation',
    'recommendedPlatform',
    'platforms',
    'runsOn',
    'homeUsd',
    'cheapest',
    'savingUsd',
  ];
  value.forEach((item, i) => {
    const row = record(item, `rows[${i}]`, keys, false);
    text(row['id'], `rows[${i}].id`, MAX_ID);
    oneOf(row['kind'], `rows[${i}].kind`, Object.keys(SUMMARY_KINDS) as SummaryKind[]);
    text(row['file'], `rows[${i}].file`, MAX_URI);
    text(row['uri'], `rows[${i}].uri`, MAX_URI);
    line(row['line'], `rows[${i}].line`);
    for (const key of ['lambdaUsd', 'fargateUsd', 'fargateTasks', 'requestsPerMonth', 'homeUsd', 'savingUsd'])
      number(row[key], `rows[${i}].${key}`, { min: 0, max: Number.MAX_VALUE });
    oneOf(row['traffic'], `rows[${i}].traffic`, ['given', 'assumed', 'none']);
    oneOf(row['recommendation'], `rows[${i}].recommendation`, ['lambda', 'fargate', 'either', 'none']);
    text(row['runsOn'], `rows[${i}].runsOn`, MAX_ID);
    if (row['cheapest'] !== undefined) {
      const c = record(row['cheapest'], `rows[${i}].cheapest`, ['id', 'label', 'monthlyUsd'], false);
      text(c['id'], `rows[${i}].cheapest.id`, MAX_ID);
      text(c['label'], `rows[${i}].cheapest.label`, MAX_ID);
      number(c['monthlyUsd'], `rows[${i}].cheapest.monthlyUsd`, { min: 0, max: Number.MAX_VALUE });
    }
    if (row['recommendedPlatform'] !== undefined) text(row['recommendedPlatform'], `rows[${i}].recommendedPlatform`, MAX_ID);
    if (row['platforms'] !== undefined) {
      if (!Array.isArray(row['platforms'])) refuse(`rows[${i}].platforms is not a list`);
      (row['platforms'] as unknown[]).forEach((item, j) => {
        const p = record(item, `rows[${i}].platforms[${j}]`, ['id', 'label', 'monthlyUsd'], false);
        text(p['id'], `rows[${i}].platforms[${j}].id`, MAX_ID);
        text(p['label'], `rows[${i}].platforms[${j}].label`, MAX_ID);
        number(p['monthlyUsd'], `rows[${i}].platforms[${j}].monthlyUsd`, { min: 0, max: Number.MAX_VALUE });
      });
    }
  });
  return value as SummaryRow[];
}

/** A message to a webview, or the state a comparison view saved and hands back after a reload. */
export function checkToView(message: unknown): Checked<ToView> {
  try {
    const type = isRecord(message) ? message['type'] : undefined;
    if (type === 'state') return { ok: true, value: { type, state: stateOf(record(message, type, ['type', 'state'])['state']) } };
    if (type === 'summary') {
      const m = record(message, type, ['type', 'rows', 'freeTierCreditUsd']);
      const credit = m['freeTierCreditUsd'] === undefined ? undefined : number(m['freeTierCreditUsd'], 'summary.freeTierCreditUsd', { min: -1e9, max: 0 });
      return { ok: true, value: { type, rows: rowsOf(m['rows']), ...(credit !== undefined ? { freeTierCreditUsd: credit } : {}) } };
    }
    return refuse(isRecord(message) ? `unknown message type ${JSON.stringify(String(type).slice(0, 40))}` : 'the message is not an object');
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}
