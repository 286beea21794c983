/**
 * An independent reading of Terraform for the ground truth: HashiCorp's own HCL parser (Go's hashicorp/hcl, built to
 * WebAssembly in `@cdktn/hcl2json`) turns a .tf file into Terraform's JSON syntax, where a literal stays a JSON value
 * and anything else (a reference, a function call, a template with `${...}`) becomes a `"${...}"` string. From that
 * JSON this module takes only the values written as plain literals: it shares no code with Crossover's reader
 * (tree-sitter), so where both agree, both read the file right.
 *
 * What it reads: each `aws_lambda_function` (memory_size, timeout, runtime, architectures, ephemeral_storage.size,
 * package_type, reserved_concurrent_executions), each `aws_ecs_task_definition` (cpu, memory, requires_compatibilities,
 * network_mode) and each `module` whose source is `terraform-aws-modules/lambda/aws` (memory_size, timeout, runtime,
 * architectures), named by its Terraform address and by the model field each value lands in.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Loaded through require with its one function typed here: the package's declarations reference the DOM library,
// which would leak browser globals into the whole test program.
const hcl2json = require('@cdktn/hcl2json') as { parse(filename: string, contents: string): Promise<Record<string, unknown>> };

/** The registry source of the Lambda community module (a version constraint is a separate attribute). */
export const LAMBDA_MODULE_SOURCE = /^(registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws$/;

export type IndependentKind = 'function' | 'task-definition' | 'lambda-module';

/** The model fields the literals are compared with (LambdaFunction and EcsTaskDefinition of src/core/model/nodes.ts). */
export type ModelField =
  | 'memoryMb'
  | 'timeoutSeconds'
  | 'runtime'
  | 'architecture'
  | 'ephemeralStorageMb'
  | 'packageType'
  | 'reservedConcurrency'
  | 'cpuUnits'
  | 'compatibilities'
  | 'networkMode';

export interface IndependentValue {
  /** The attribute as written (`ephemeral_storage.size`). */
  attribute: string;
  field: ModelField;
  /** The literal in the model's terms: numbers for cpu and memory, the first architecture, compatibilities sorted. */
  value: string | number | readonly string[];
}

export interface IndependentResource {
  kind: IndependentKind;
  /** The Terraform address: `aws_lambda_function.api`, `module.orders`. */
  address: string;
  /**
   * How many instances Terraform makes of it when that is a literal: 1 without count/for_each, N for `count = N`, the
   * keys of a literal for_each map; undefined when count or for_each is an expression (instances unknown).
   */
  instances: number | undefined;
  values: IndependentValue[];
}

const FUNCTION_ATTRIBUTES: readonly [attribute: string, field: ModelField][] = [
  ['memory_size', 'memoryMb'],
  ['timeout', 'timeoutSeconds'],
  ['runtime', 'runtime'],
  ['architectures', 'architecture'],
  ['ephemeral_storage.size', 'ephemeralStorageMb'],
  ['package_type', 'packageType'],
  ['reserved_concurrent_executions', 'reservedConcurrency'],
];
const MODULE_ATTRIBUTES = FUNCTION_ATTRIBUTES.filter(([attribute]) => ['memory_size', 'timeout', 'runtime', 'architectures'].includes(attribute));
const TASK_ATTRIBUTES: readonly [attribute: string, field: ModelField][] = [
  ['cpu', 'cpuUnits'],
  ['memory', 'memoryMb'],
  ['requires_compatibilities', 'compatibilities'],
  ['network_mode', 'networkMode'],
];

/** Parses with HashiCorp's parser; throws on HCL it rejects (the caller decides what a broken file means). */
export async function hclToJson(fileName: string, text: string): Promise<Record<string, unknown>> {
  return hcl2json.parse(fileName, text);
}

/** The resources and Lambda modules of one .tf file, with their literal values. Throws when the HCL does not parse. */
export async function independentReading(fileName: string, text: string): Promise<IndependentResource[]> {
  return resourcesOf(await hclToJson(fileName, text));
}

/** The same, from Terraform's JSON syntax (what hclToJson gives, or a .tf.json file). */
export function resourcesOf(json: Record<string, unknown>): IndependentResource[] {
  const out: IndependentResource[] = [];
  const resources = record(json['resource']);
  for (const [type, kind, attributes] of [
    ['aws_lambda_function', 'function', FUNCTION_ATTRIBUTES],
    ['aws_ecs_task_definition', 'task-definition', TASK_ATTRIBUTES],
  ] as const) {
    for (const [name, blocks] of Object.entries(record(resources[type])))
      for (const body of bodies(blocks)) out.push({ kind, address: `${type}.${name}`, instances: instances(body), values: literals(body, attributes) });
  }
  for (const [name, blocks] of Object.entries(record(json['module']))) {
    for (const body of bodies(blocks)) {
      const source = literal(body['source']);
      if (typeof source !== 'string' || !LAMBDA_MODULE_SOURCE.test(source)) continue;
      // The module makes no function when told so in literals (`create = false`, `create_function = false`, or a layer).
      const makesNone = literal(body['create']) === false || literal(body['create_function']) === false || literal(body['create_layer']) === true;
      out.push({ kind: 'lambda-module', address: `module.${name}`, instances: makesNone ? 0 : instances(body), values: literals(body, MODULE_ATTRIBUTES) });
    }
  }
  return out;
}

/** `count` / `for_each` as literals: how many instances; undefined when either is an expression. */
function instances(body: Record<string, unknown>): number | undefined {
  if ('count' in body) {
    const count = literal(body['count']);
    return typeof count === 'number' ? count : undefined;
  }
  if ('for_each' in body) {
    const each = literal(body['for_each']);
    if (Array.isArray(each)) return new Set(each).size;
    return each !== null && typeof each === 'object' ? Object.keys(each).length : undefined;
  }
  return 1;
}

function literals(body: Record<string, unknown>, attributes: readonly (readonly [string, ModelField])[]): IndependentValue[] {
  const out: IndependentValue[] = [];
  for (const [attribute, field] of attributes) {
    const written = attribute === 'ephemeral_storage.size' ? bodies(body['ephemeral_storage'])[0]?.['size'] : body[attribute];
    const value = modelValue(field, literal(written));
    if (value !== undefined) out.push({ attribute, field, value });
  }
  return out;
}

/** A literal in the model's terms, or undefined when it is not one the model could hold. */
function modelValue(field: ModelField, value: unknown): IndependentValue['value'] | undefined {
  if (value === undefined || value === null) return undefined;
  switch (field) {
    case 'architecture':
      return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
    case 'compatibilities':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])].sort() : undefined;
    case 'cpuUnits':
      return ecsSize(value, 1024);
    case 'memoryMb':
      // A task's memory is a number or a numeric string; a function's memory_size a number.
      return ecsSize(value, 1024);
    case 'runtime':
    case 'packageType':
    case 'networkMode':
      return typeof value === 'string' ? value : undefined;
    default:
      return typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
  }
}

/** `256`, `"256"`, `"1 vCPU"`, `"2 GB"`: CPU units or MiB, as ECS reads them. */
function ecsSize(value: unknown, perUnit: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu|gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  return match[2] ? Number(match[1]) * perUnit : Number(match[1]);
}

/**
 * A value written as a plain literal, else undefined. In Terraform's JSON syntax every string is a template: `${` and
 * `%{` start an expression or a directive, `$${` and `%%{` stand for the literal characters.
 */
export function literal(value: unknown): unknown {
  if (typeof value === 'string') {
    const unescaped = value.replace(/\$\$\{/g, '').replace(/%%\{/g, '');
    if (unescaped.includes('${') || unescaped.includes('%{')) return undefined;
    return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }
  if (Array.isArray(value)) {
    const items = value.map(literal);
    return items.some((item) => item === undefined) ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, literal(v)] as const);
    return entries.some(([k, v]) => v === undefined || k.includes('${')) ? undefined : Object.fromEntries(entries);
  }
  return value;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A block as hcl2json gives it: an array of bodies (one per declaration). */
function bodies(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? value : [value]).map(record).filter((body) => Object.keys(body).length > 0 || value !== undefined);
}
