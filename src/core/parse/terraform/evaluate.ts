/**
 * Static evaluation of Terraform expressions within one folder (a Terraform module): literals, `var.x` (the
 * variable's default, or its value in `terraform.tfvars` / `*.auto.tfvars`), `local.x`, string templates,
 * arithmetic, conditionals whose test is known, `each.key` / `each.value` / `count.index`, and the pure functions
 * real configurations use for these settings (`merge`, `lookup`, `jsonencode`, `file`, ...). A reference to a
 * resource attribute is kept as a reference (translate.ts wires it); data sources, module outputs and provider
 * functions are "unresolved", with a reason a person understands. Nothing is run; budgets bound the work.
 */
import { type FileReader, isRefusal } from '../reference.js';
import { type Expr, type Span } from './syntax.js';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** A resource attribute: `aws_lambda_function.fn.arn` -> {address: 'aws_lambda_function.fn', attribute: 'arn'}. */
export interface RefTarget extends Span {
  address: string;
  attribute: string;
}

export type Result = { value: Value; via?: string } | { ref: RefTarget } | { unresolved: string };

/** A named value and where it comes from. */
export interface Named {
  expr: Expr;
  /** Where it was set, for the "via" text: `default in variables.tf`, `terraform.tfvars`. */
  where: string;
}

/** What an expression can see: the folder's variables, locals and resource addresses, and the instance. */
export interface Scope {
  variables: Map<string, Named | null>;
  locals: Map<string, Named>;
  /** Resource and module addresses (`aws_lambda_function.fn`, `module.x`) with their kind. */
  addresses: Set<string>;
  /** A file of the folder, for `file()`. */
  readFile?: FileReader;
}

export interface Instance {
  each?: { key: Value; value: Value };
  count?: number;
}

/** Evaluation steps per expression and per folder (hostile configurations must not stall the editor). */
const STEPS_PER_EXPRESSION = 20_000;
const STEPS_PER_FOLDER = 2_000_000;
const MAX_DEPTH = 100;
/** Strings longer than this are not built (a template repeated through locals could grow without end). */
const MAX_STRING = 1_000_000;

/**
 * No value may hold more than this many items: locals can share a list between many places (`[local.b, local.b]`
 * forty levels deep is 2^40 items once written out), and `jsonencode` or the template builder would write it out.
 */
const MAX_VALUE_ITEMS = 50_000;

export const unresolved = (reason: string): Result => ({ unresolved: reason });

/** Does this value hold more than MAX_VALUE_ITEMS items, shared ones counted each time? (Stops counting there.) */
export function tooLarge(value: Value): boolean {
  const stack: Value[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (++count > MAX_VALUE_ITEMS) return true;
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

const TOO_LARGE: Result = { unresolved: 'a value too large to evaluate statically' };
const isValue = (r: Result): r is { value: Value; via?: string } => 'value' in r;

export class Evaluator {
  private steps = 0;
  private total = 0;
  private depth = 0;
  private readonly localsInProgress = new Set<string>();
  private readonly localCache = new Map<string, Result>();

  constructor(private readonly scope: Scope) {}

  /** The value of an expression for one instance of its block. */
  evaluate(expr: Expr, instance: Instance = {}): Result {
    this.steps = 0;
    return this.eval(expr, instance);
  }

  private eval(expr: Expr, instance: Instance): Result {
    if (++this.steps > STEPS_PER_EXPRESSION || ++this.total > STEPS_PER_FOLDER) return unresolved('too complex to evaluate statically');
    if (this.depth >= MAX_DEPTH) return unresolved(`nested more than ${MAX_DEPTH} levels deep`);
    this.depth++;
    try {
      const result = this.evalExpr(expr, instance);
      // Collections are checked where they are made (literals, calls); a name only passes one on.
      if (expr.kind !== 'traversal' && 'value' in result && result.value !== null && typeof result.value === 'object' && tooLarge(result.value))
        return TOO_LARGE;
      return result;
    } finally {
      this.depth--;
    }
  }

  private evalExpr(expr: Expr, instance: Instance): Result {
    switch (expr.kind) {
      case 'literal':
        return { value: expr.value };
      case 'template':
        return this.template(expr.parts, expr.directive === true, instance);
      case 'tuple': {
        const items: Value[] = [];
        let via: string | undefined;
        for (const item of expr.items) {
          const r = this.eval(item, instance);
          if (!isValue(r)) return 'ref' in r ? unresolved(`${r.ref.address}.${r.ref.attribute} (known after apply)`) : r;
          items.push(r.value);
          via ??= r.via;
        }
        return via ? { value: items, via } : { value: items };
      }
      case 'object': {
        const object: { [key: string]: Value } = {};
        for (const entry of expr.entries) {
          let key = entry.key;
          if (typeof key !== 'string') {
            const k = this.eval(key, instance);
            if (!isValue(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) return unresolved('an object key that is not static');
            key = String(k.value);
          }
          const r = this.eval(entry.value, instance);
          if (!isValue(r)) return 'ref' in r ? unresolved(`${r.ref.address}.${r.ref.attribute} (known after apply)`) : r;
          object[key] = r.value;
        }
        return { value: object };
      }
      case 'traversal':
        return this.traversal(expr, instance);
      case 'call':
        return this.call(expr, instance);
      case 'conditional': {
        const test = this.eval(expr.test, instance);
        if (isValue(test) && typeof test.value === 'boolean') return this.eval(test.value ? expr.then : expr.otherwise, instance);
        const a = this.eval(expr.then, instance);
        const b = this.eval(expr.otherwise, instance);
        if (isValue(a) && isValue(b) && JSON.stringify(a.value) === JSON.stringify(b.value)) return a;
        return unresolved(`a condition (${'unresolved' in test ? test.unresolved : 'not a boolean'})`);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, instance);
      case 'unary': {
        const r = this.eval(expr.operand, instance);
        if (!isValue(r)) return r;
        if (expr.op === '-' && typeof r.value === 'number') return { value: -r.value, ...(r.via ? { via: r.via } : {}) };
        if (expr.op === '!' && typeof r.value === 'boolean') return { value: !r.value };
        return unresolved(`${expr.op} of a value that is not a number`);
      }
      case 'other':
        return unresolved(`${expr.text} (evaluated by Terraform)`);
    }
  }

  private template(parts: (string | Expr)[], directive: boolean, instance: Instance): Result {
    if (directive) return unresolved('a string with a %{} directive');
    let text = '';
    let via: string | undefined;
    for (const part of parts) {
      if (typeof part === 'string') text += part;
      else {
        const r = this.eval(part, instance);
        if ('ref' in r) return unresolved(`${r.ref.address}.${r.ref.attribute} (known after apply)`);
        if (!isValue(r)) return r;
        if (typeof r.value === 'object' && r.value !== null) return unresolved('a list or object inside a string');
        text += r.value === null ? '' : String(r.value);
        via ??= r.via;
      }
      if (text.length > MAX_STRING) return unresolved('a string too long to build');
    }
    return via ? { value: text, via } : { value: text };
  }

  private traversal(expr: Extract<Expr, { kind: 'traversal' }>, instance: Instance): Result {
    const { root, steps } = expr;
    const first = steps[0];
    const name = first && 'attr' in first ? first.attr : undefined;
    switch (root) {
      case 'var': {
        if (!name) return unresolved('var without a name');
        const variable = this.scope.variables.get(name);
        if (variable === undefined) return unresolved(`var.${name} (not declared in this folder)`);
        if (variable === null) return unresolved(`var.${name} (no default and no value in a .tfvars file)`);
        const r = this.eval(variable.expr, {});
        return this.rest(isValue(r) ? { value: r.value, via: `var.${name} (${variable.where})` } : r, steps.slice(1), instance, `var.${name}`);
      }
      case 'local': {
        if (!name) return unresolved('local without a name');
        return this.rest(this.local(name), steps.slice(1), instance, `local.${name}`);
      }
      case 'each': {
        if (!instance.each) return unresolved(`each.${name ?? ''} outside for_each`);
        if (name === 'key') return this.rest({ value: instance.each.key }, steps.slice(1), instance, 'each.key');
        if (name === 'value') return this.rest({ value: instance.each.value }, steps.slice(1), instance, 'each.value');
        return unresolved(`each.${name ?? ''}`);
      }
      case 'count':
        if (name === 'index' && instance.count !== undefined) return { value: instance.count };
        return unresolved('count.index outside count');
      case 'path':
        if (name === 'module' || name === 'root' || name === 'cwd') return { value: '.' };
        return unresolved(`path.${name ?? ''}`);
      case 'terraform':
        return unresolved(`terraform.${name ?? ''} (known when Terraform runs)`);
      case 'data':
        return unresolved(`data.${steps.map((s) => ('attr' in s ? s.attr : '')).join('.')} (a data source, read when Terraform plans)`);
      case 'module': {
        const output = steps[1] && 'attr' in steps[1] ? steps[1].attr : '';
        if (name && this.scope.addresses.has(`module.${name}`))
          return { ref: { address: `module.${name}`, attribute: output, start: expr.start, end: expr.end } };
        return unresolved(`module.${name ?? ''}.${output} (an output of a module Crossover does not read)`);
      }
      default: {
        // A resource: `type.name`, with an index for count / for_each instances, then the attribute.
        if (!name) return unresolved(`${root} (not a value Crossover knows)`);
        let address = `${root}.${name}`;
        let rest = steps.slice(1);
        const index = rest[0];
        if (index && 'index' in index) {
          const key = this.eval(index.index, instance);
          if (isValue(key) && (typeof key.value === 'string' || typeof key.value === 'number')) {
            address += typeof key.value === 'number' ? `[${key.value}]` : `[${JSON.stringify(key.value)}]`;
            rest = rest.slice(1);
          }
        }
        const attribute = rest[0] && 'attr' in rest[0] ? rest[0].attr : '';
        if (this.scope.addresses.has(`${root}.${name}`)) return { ref: { address, attribute, start: expr.start, end: expr.end } };
        return unresolved(`${root}.${name} (not declared in this folder)`);
      }
    }
  }

  /** Steps after the first name: attributes and indexes into a known value. */
  private rest(base: Result, steps: Expr extends never ? never : Extract<Expr, { kind: 'traversal' }>['steps'], instance: Instance, shown: string): Result {
    if (!isValue(base)) return base;
    let value: Value = base.value;
    for (const step of steps) {
      if ('splat' in step) return unresolved(`${shown}[*] (a splat)`);
      let key: string | number;
      if ('attr' in step) key = step.attr;
      else {
        const k = this.eval(step.index, instance);
        if (!isValue(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) return unresolved(`${shown}[...] (an index that is not static)`);
        key = k.value;
      }
      const next: Value | undefined = Array.isArray(value)
        ? typeof key === 'number'
          ? value[key]
          : undefined
        : value !== null && typeof value === 'object'
          ? Object.prototype.hasOwnProperty.call(value, String(key))
            ? value[String(key)]
            : undefined
          : undefined;
      if (next === undefined) return unresolved(`${shown}.${key} (no such key)`);
      value = next;
      shown += typeof key === 'number' ? `[${key}]` : `.${key}`;
    }
    return base.via ? { value, via: base.via } : { value };
  }

  private local(name: string): Result {
    const cached = this.localCache.get(name);
    if (cached) return cached;
    const local = this.scope.locals.get(name);
    if (!local) return unresolved(`local.${name} (not declared in this folder)`);
    if (this.localsInProgress.has(name)) return unresolved(`local.${name} refers to itself`);
    this.localsInProgress.add(name);
    try {
      const r = this.eval(local.expr, {});
      const result: Result = isValue(r) ? { value: r.value, via: r.via ?? `local.${name} (${local.where})` } : r;
      this.localCache.set(name, result);
      return result;
    } finally {
      this.localsInProgress.delete(name);
    }
  }

  private binary(op: string, left: Expr, right: Expr, instance: Instance): Result {
    const a = this.eval(left, instance);
    if (!isValue(a)) return a;
    if (op === '&&' && a.value === false) return { value: false };
    if (op === '||' && a.value === true) return { value: true };
    const b = this.eval(right, instance);
    if (!isValue(b)) return b;
    const via = a.via ?? b.via;
    const out = (value: Value): Result => (via ? { value, via } : { value });
    const x = a.value;
    const y = b.value;
    if (op === '==') return out(JSON.stringify(x) === JSON.stringify(y));
    if (op === '!=') return out(JSON.stringify(x) !== JSON.stringify(y));
    if ((op === '&&' || op === '||') && typeof x === 'boolean' && typeof y === 'boolean') return out(op === '&&' ? x && y : x || y);
    const n = typeof x === 'number' ? x : typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : undefined;
    const m = typeof y === 'number' ? y : typeof y === 'string' && /^-?\d+(\.\d+)?$/.test(y) ? Number(y) : undefined;
    if (n === undefined || m === undefined) return unresolved(`${op} of values that are not numbers`);
    switch (op) {
      case '+':
        return out(n + m);
      case '-':
        return out(n - m);
      case '*':
        return out(n * m);
      case '/':
        return m === 0 ? unresolved('a division by zero') : out(n / m);
      case '%':
        return m === 0 ? unresolved('a division by zero') : out(n % m);
      case '<':
        return out(n < m);
      case '>':
        return out(n > m);
      case '<=':
        return out(n <= m);
      case '>=':
        return out(n >= m);
      default:
        return unresolved(`the operator ${op}`);
    }
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, instance: Instance): Result {
    const name = expr.name.replace(/^provider::[\w-]+::/, '');
    if (name === 'try' || name === 'coalesce') {
      for (const arg of expr.args) {
        const r = this.eval(arg, instance);
        if (isValue(r) && (name === 'try' || (r.value !== null && r.value !== ''))) return r;
      }
      return unresolved(`${name}(...) with no static argument`);
    }
    const args: Value[] = [];
    let via: string | undefined;
    for (const arg of expr.args) {
      const r = this.eval(arg, instance);
      if ('ref' in r) return unresolved(`${name}() of ${r.ref.address}.${r.ref.attribute} (known after apply)`);
      if (!isValue(r)) return r;
      args.push(r.value);
      via ??= r.via;
    }
    const out = (value: Value | undefined): Result =>
      value === undefined ? unresolved(`${name}(...) (its arguments do not fit)`) : via ? { value, via } : { value };
    const [a, b] = args;
    switch (name) {
      case 'tolist':
      case 'toset':
        return out(Array.isArray(a) ? (name === 'toset' ? [...new Set(a.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as Value) : a) : undefined);
      case 'tomap':
      case 'tostring':
      case 'nonsensitive':
      case 'sensitive':
        return out(a);
      case 'tonumber':
        return out(typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' && Number.isFinite(Number(a)) ? Number(a) : undefined);
      case 'tobool':
        return out(typeof a === 'boolean' ? a : a === 'true' ? true : a === 'false' ? false : undefined);
      case 'merge': {
        const merged: { [key: string]: Value } = {};
        for (const arg of args) {
          if (arg === null) continue;
          if (typeof arg !== 'object' || Array.isArray(arg)) return out(undefined);
          Object.assign(merged, arg);
        }
        return out(merged);
      }
      case 'concat':
        return out(args.every(Array.isArray) ? (args as Value[][]).flat() : undefined);
      case 'lookup': {
        if (a === null || typeof a !== 'object' || Array.isArray(a) || typeof b !== 'string') return out(undefined);
        return out(Object.prototype.hasOwnProperty.call(a, b) ? a[b] : args[2]);
      }
      case 'element':
        return out(Array.isArray(a) && typeof b === 'number' && a.length > 0 ? a[((b % a.length) + a.length) % a.length] : undefined);
      case 'length':
        return out(typeof a === 'string' ? a.length : Array.isArray(a) ? a.length : a !== null && typeof a === 'object' ? Object.keys(a).length : undefined);
      case 'keys':
        return out(a !== null && typeof a === 'object' && !Array.isArray(a) ? Object.keys(a).sort() : undefined);
      case 'values':
        return out(
          a !== null && typeof a === 'object' && !Array.isArray(a)
            ? Object.keys(a)
                .sort()
                .map((k) => a[k]!)
            : undefined,
        );
      case 'upper':
      case 'lower':
      case 'trimspace':
        return out(typeof a === 'string' ? (name === 'upper' ? a.toUpperCase() : name === 'lower' ? a.toLowerCase() : a.trim()) : undefined);
      case 'join':
        return out(typeof a === 'string' && Array.isArray(b) && b.every((v) => typeof v !== 'object') ? b.join(a) : undefined);
      case 'split':
        return out(typeof a === 'string' && typeof b === 'string' ? b.split(a) : undefined);
      case 'replace':
        return out(typeof a === 'string' && typeof b === 'string' && typeof args[2] === 'string' && !b.startsWith('/') ? a.split(b).join(args[2]) : undefined);
      case 'min':
      case 'max': {
        const numbers = (args.length === 1 && Array.isArray(a) ? a : args).filter((v): v is number => typeof v === 'number');
        return out(
          numbers.length > 0 && numbers.length === (args.length === 1 && Array.isArray(a) ? a.length : args.length) ? Math[name](...numbers) : undefined,
        );
      }
      case 'ceil':
      case 'floor':
        return out(typeof a === 'number' ? Math[name](a) : undefined);
      case 'format':
        return out(typeof a === 'string' ? format(a, args.slice(1)) : undefined);
      case 'jsonencode':
        return out(a === undefined ? undefined : JSON.stringify(a));
      case 'jsondecode':
        return out(typeof a === 'string' ? decodeJson(a) : undefined);
      case 'file':
        return this.file(a);
      case 'templatefile':
        return unresolved('templatefile() (its template is rendered by Terraform)');
      default:
        return unresolved(`${expr.name}() (evaluated by Terraform)`);
    }
  }

  private file(path: Value | undefined): Result {
    if (typeof path !== 'string') return unresolved('file() of a path that is not static');
    const read = this.scope.readFile?.(path.replace(/^\.\//, ''));
    if (read === undefined) return unresolved(`file("${path}") (not readable here)`);
    if (isRefusal(read)) return unresolved(`file("${path}") (${read.refused})`);
    return { value: read, via: `file("${path}")` };
  }
}

/** `format("%s-%d", a, 1)` for %s, %d, %v and %%; anything else is left to Terraform. */
function format(spec: string, args: Value[]): Value | undefined {
  let i = 0;
  let failed = false;
  const text = spec.replace(/%([sdv%])/g, (_, c: string) => {
    if (c === '%') return '%';
    const v = args[i++];
    if (v === undefined || (typeof v === 'object' && v !== null)) failed = true;
    return String(v);
  });
  return failed || /%[^sdv%]/.test(spec) ? undefined : text;
}

function decodeJson(text: string): Value | undefined {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return undefined;
  }
}
