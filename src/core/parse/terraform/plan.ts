/**
 * Terraform plan JSON (`terraform show -json plan.out > plan.json`) -> the planned values of each managed resource
 * instance, keyed by its address exactly as Terraform writes it (`aws_lambda_function.fn`,
 * `aws_lambda_function.fn["a"]`, `module.orders.aws_lambda_function.this[0]`).
 *
 * Crossover never runs terraform: this only reads a file the user made. The format is Terraform's documented "JSON
 * Output Format" (https://developer.hashicorp.com/terraform/internals/json-format): `planned_values` is a values
 * representation (`root_module.resources[]` and `child_modules[]`, recursively), `resource_changes[]` carries each
 * instance's `change.after` and `change.after_unknown` (`true` where a value is known only after apply). Both are
 * read; where both give a top-level attribute, `change.after` wins. Data sources (`mode: "data"`) and deposed objects
 * are left out.
 *
 * Pure and total: no imports of the host, never throws; the input is capped in size (the engine's default file size
 * limit) and in nesting (the document reader's depth limit), and no walk recurses.
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../config.js';
import { DOCUMENT_LIMITS } from '../document/problems.js';

/** One managed resource instance as the plan says it will be after apply. */
export interface PlannedResource {
  /** Terraform's absolute instance address, e.g. `module.orders.aws_lambda_function.this[0]`. */
  address: string;
  /** Resource type, e.g. `aws_lambda_function`. */
  type: string;
  /** The name in the `resource` block. */
  name: string;
  /** `count` index (number) or `for_each` key (string); absent for a single instance. */
  index?: string | number;
  /** The module instance's address (`module.orders`, `module.a.module.b["x"]`); absent in the root module. */
  module?: string;
  /** Planned attribute values (values known only after apply are absent, as Terraform omits them). */
  values: Record<string, unknown>;
  /** Top-level attributes whose whole value is known only after apply. */
  unknown: ReadonlySet<string>;
  /** `change.after_unknown` as Terraform wrote it (`true` at each unknown value), for nested attributes; absent when nothing is unknown. */
  afterUnknown?: Record<string, unknown>;
  /**
   * Where the values are sensitive (`true` at each sensitive value: `sensitive_values` of `planned_values`, `change.after_sensitive`).
   * `terraform show -json` writes sensitive values in clear, so whatever Crossover shows of them must be masked.
   */
  sensitiveValues?: Record<string, unknown>;
}

export type PlanReading =
  | {
      /** Managed resource instances by address. */
      resources: Map<string, PlannedResource>;
      /** `format_version` of the file (`"1.2"`, ...). */
      formatVersion?: string;
      /** `terraform_version` of the Terraform that wrote it. */
      terraformVersion?: string;
    }
  | { problem: string };

/** The largest plan major version this reader knows (the format promises: reject an unsupported major version). */
const SUPPORTED_MAJOR_VERSION = 1;

/**
 * Reads a plan's JSON text. Returns `{ problem }` (a sentence for the user) for text that is not a Terraform plan in
 * JSON, a plan of an unsupported format version, or input beyond the limits; never throws.
 */
export function readPlan(text: string, limits: { maxBytes?: number } = {}): PlanReading {
  try {
    return read(text, limits.maxBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES);
  } catch (error) {
    // Nothing above should throw; a plan that still makes it is refused rather than breaking the reader.
    return { problem: `The Terraform plan could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function read(text: string, maxBytes: number): PlanReading {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) return { problem: `The Terraform plan is larger than ${formatSize(maxBytes)} and is not read.` };
  const depth = nestingDepth(text, DOCUMENT_LIMITS.maxDepth);
  if (depth > DOCUMENT_LIMITS.maxDepth) return { problem: `The Terraform plan is nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels and is not read.` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { problem: `Not a Terraform plan: the file is not valid JSON${whereInvalid(body)}.` };
  }
  if (!isObject(json)) return { problem: 'Not a Terraform plan: no planned_values (the JSON is not an object).' };
  const formatVersion = stringField(json, 'format_version');
  const terraformVersion = stringField(json, 'terraform_version');
  const planned = field(json, 'planned_values');
  if (!isObject(planned)) {
    const values = field(json, 'values');
    const state = isObject(values) && isObject(field(values, 'root_module')) ? ' (it looks like `terraform show -json` of a state, not of a plan file)' : '';
    return { problem: `Not a Terraform plan: no planned_values${state}.` };
  }
  if (formatVersion !== undefined) {
    const major = Number(formatVersion.split('.')[0]);
    if (!Number.isInteger(major) || major > SUPPORTED_MAJOR_VERSION) {
      return {
        problem: `The Terraform plan's format version ${formatVersion} is not supported (Crossover reads format versions up to ${SUPPORTED_MAJOR_VERSION}.x).`,
      };
    }
  }

  const resources = new Map<string, PlannedResource>();
  readPlannedValues(planned, resources);
  readResourceChanges(field(json, 'resource_changes'), resources);
  return { resources, ...(formatVersion !== undefined ? { formatVersion } : {}), ...(terraformVersion !== undefined ? { terraformVersion } : {}) };
}

/** `planned_values.root_module` and its `child_modules`, walked with a stack (module nesting is bounded by the depth check). */
function readPlannedValues(planned: Record<string, unknown>, into: Map<string, PlannedResource>): void {
  const root = field(planned, 'root_module');
  if (!isObject(root)) return;
  const stack: { module: Record<string, unknown>; address: string | undefined; depth: number }[] = [{ module: root, address: undefined, depth: 0 }];
  while (stack.length > 0) {
    const { module, address, depth } = stack.pop()!;
    for (const resource of arrayField(module, 'resources')) {
      if (!isObject(resource) || field(resource, 'mode') !== 'managed') continue;
      const values = field(resource, 'values');
      const sensitive = field(resource, 'sensitive_values');
      const planned = instance(resource, address, isObject(values) ? values : {});
      if (!planned) continue;
      if (isObject(sensitive) && hasTrue(sensitive)) planned.sensitiveValues = sensitive;
      into.set(planned.address, planned);
    }
    if (depth >= DOCUMENT_LIMITS.maxDepth) continue;
    const children = arrayField(module, 'child_modules');
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!isObject(child)) continue;
      stack.push({ module: child, address: stringField(child, 'address') ?? address, depth: depth + 1 });
    }
  }
}

/** `resource_changes[]`: `change.after` over the planned values (per top-level attribute), `change.after_unknown` into `unknown`. */
function readResourceChanges(changes: unknown, into: Map<string, PlannedResource>): void {
  if (!Array.isArray(changes)) return;
  for (const entry of changes) {
    if (!isObject(entry) || field(entry, 'mode') !== 'managed' || field(entry, 'deposed') !== undefined) continue;
    const change = field(entry, 'change');
    if (!isObject(change)) continue;
    const after = field(change, 'after');
    if (!isObject(after)) continue; // null: the instance is deleted
    const fresh = instance(entry, stringField(entry, 'module_address'), after);
    if (!fresh) continue;
    const known = into.get(fresh.address);
    const planned: PlannedResource = known ? { ...known, values: { ...known.values, ...after } } : fresh;
    const afterUnknown = field(change, 'after_unknown');
    if (isObject(afterUnknown) && hasTrue(afterUnknown)) {
      planned.afterUnknown = afterUnknown;
      const unknown = new Set(planned.unknown);
      const values = { ...planned.values };
      for (const key of Object.keys(afterUnknown)) {
        if (afterUnknown[key] !== true) continue;
        unknown.add(key);
        delete values[key];
      }
      planned.unknown = unknown;
      planned.values = values;
    }
    const afterSensitive = field(change, 'after_sensitive');
    if (isObject(afterSensitive) && hasTrue(afterSensitive)) planned.sensitiveValues = afterSensitive;
    into.set(planned.address, planned);
  }
}

/** A resource instance of `planned_values` or `resource_changes`, or undefined when its type or name is missing. */
function instance(entry: Record<string, unknown>, moduleAddress: string | undefined, values: Record<string, unknown>): PlannedResource | undefined {
  const type = stringField(entry, 'type');
  const name = stringField(entry, 'name');
  if (!type || !name) return undefined;
  const rawIndex = field(entry, 'index');
  const index = typeof rawIndex === 'string' || (typeof rawIndex === 'number' && Number.isFinite(rawIndex)) ? rawIndex : undefined;
  const address = stringField(entry, 'address') ?? `${moduleAddress ? `${moduleAddress}.` : ''}${type}.${name}${index === undefined ? '' : indexText(index)}`;
  return {
    address,
    type,
    name,
    ...(index !== undefined ? { index } : {}),
    ...(moduleAddress ? { module: moduleAddress } : {}),
    values,
    unknown: new Set<string>(),
  };
}

/** `[0]` or `["key"]`, as Terraform writes an instance key. */
function indexText(index: string | number): string {
  return typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

/**
 * The planned value at `path` (attribute names, list indexes and map keys) of the resource at `address`:
 * `{ value }` (with `sensitive: true` when the plan marks it or something inside it sensitive), `{ unknown: true }`
 * when it is known only after apply, undefined when the plan has no such resource or value.
 */
export function plannedValue(
  plan: PlanReading,
  address: string,
  path: readonly (string | number)[],
): { value: unknown; sensitive?: true } | { unknown: true } | undefined {
  if (!('resources' in plan)) return undefined;
  const resource = plan.resources.get(address);
  if (!resource) return undefined;
  const first = path[0];
  if (first !== undefined && resource.unknown.has(String(first))) return { unknown: true };
  let value: unknown = resource.values;
  let unknown: unknown = resource.afterUnknown;
  let sensitive: unknown = resource.sensitiveValues;
  let secret = false; // the path went through a value marked sensitive as a whole
  for (const step of path) {
    if (unknown === true) return { unknown: true };
    if (sensitive === true) secret = true;
    value = child(value, step);
    unknown = child(unknown, step);
    sensitive = secret ? undefined : child(sensitive, step);
    if (value === undefined) return unknown === true ? { unknown: true } : undefined;
  }
  if (unknown === true) return { unknown: true };
  return secret || hasTrue(sensitive) ? { value, sensitive: true } : { value };
}

/**
 * Is this a file the Terraform reader takes for a plan? `plan.json`, `tfplan.json` and `<anything>.tfplan.json`
 * (any case), in the folder of the `.tf` files; other JSON is not looked at. A path is judged by its last segment.
 */
export function isPlanFileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return /^(?:plan|tfplan|.+\.tfplan)\.json$/i.test(base);
}

function child(node: unknown, step: string | number): unknown {
  if (Array.isArray(node)) return typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < node.length ? node[step] : undefined;
  if (isObject(node)) return field(node, String(step));
  return undefined;
}

/** Is `true` anywhere in this tree (an `after_unknown` or sensitivity mark)? Walked with a stack, bounded in steps by the input. */
function hasTrue(tree: unknown): boolean {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === true) return true;
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (isObject(node)) for (const key of Object.keys(node)) stack.push(node[key]);
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: `constructor` or `__proto__` in a file are names like any other. */
function field(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = field(object, key);
  return typeof value === 'string' ? value : undefined;
}

function arrayField(object: Record<string, unknown>, key: string): unknown[] {
  const value = field(object, key);
  return Array.isArray(value) ? value : [];
}

/** UTF-8 length of `text`: one byte per ASCII unit, found a run of other characters at a time (plans are mostly ASCII). */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = text.length;
  const other = /[\u0080-\uffff]+/g;
  for (let run = other.exec(text); run && bytes <= limit; run = other.exec(text)) {
    for (let i = 0; i < run[0].length; i++) {
      const code = run[0].charCodeAt(i);
      // 2 bytes below U+0800, 3 above, 4 for a surrogate pair (2 units of 2 each).
      bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
    }
  }
  return bytes;
}

/**
 * The deepest nesting of `[` and `{` outside strings, counted only as far as `limit + 1`. A regular expression finds
 * the next bracket or string, and a string is skipped whole, so the scan costs little next to the parse.
 */
function nestingDepth(text: string, limit: number): number {
  const token = /["[\]{}]/g;
  const stringRest = /[^"\\\n\r]*(?:\\[^][^"\\\n\r]*)*["\n\r]/y; // a JSON string cannot hold a line break: a broken one ends there
  let depth = 0;
  let deepest = 0;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const c = match[0];
    if (c === '"') {
      stringRest.lastIndex = token.lastIndex;
      if (!stringRest.test(text)) return deepest; // a string open to the end: the parse reports it
      token.lastIndex = stringRest.lastIndex;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else depth--;
  }
  return deepest;
}

/**
 * Where JSON.parse gave up, in the user's words (` (line 3, column 7: value expected)`), from jsonc-parser's first
 * error (the engine's own message quotes the file); empty when it finds none. Only called on text JSON.parse refused.
 */
function whereInvalid(text: string): string {
  let first: { offset: number; error: ParseErrorCode } | undefined;
  try {
    visit(
      text,
      {
        onError: (error, offset) => {
          first ??= { offset, error };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    // The depth check bounds what jsonc-parser's recursion sees; should it still give up, the place is left out.
  }
  if (!first) return '';
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < first.offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return ` (line ${line}, column ${first.offset - lineStart + 1}: ${what})`;
}

/** `4,096 KB`, or `100 bytes` below a kilobyte. */
function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KB`;
}
