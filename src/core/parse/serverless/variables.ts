/**
 * Serverless Framework variables, resolved statically: `${self:a.b}`, `${opt:stage, 'dev'}`,
 * `${sls:stage}`, `${env:X, default}`, `${file(./x.yml):key}`, with fallbacks (`, 'dev'`, `, 512`,
 * `, self:provider.stage`) and nesting (`${self:custom.memory.${opt:stage, 'dev'}}`). No command-line
 * options exist here, so `opt:stage` / `opt:region` take their fallback, then the provider's value, then
 * the framework defaults (dev, us-east-1). Sources that need AWS or code (ssm, cf, s3, aws, param,
 * secretsmanager, file(*.js)) stay unresolved with the reason: never guessed, never executed.
 */
import { loadDocument } from '../document/load.js';
import { getEntry, isMap, isScalar, isSeq, type ScalarValue, type TreeNode } from '../document/tree.js';
import { isRefusal, type FileReader, type Refusal } from '../reference.js';

type VariableResult = { kind: 'value'; value: ScalarValue | TreeNode; via?: string } | { kind: 'unresolved'; reason: string };

/** Reads another file of the project (relative to the serverless file): its text, a refusal, or undefined. */
export type { FileReader } from '../reference.js';

/** A `${file(...)}` the host refused to read, and the value of the serverless file that asked for it. */
interface RefusedFile {
  node: TreeNode;
  path: string;
  reason: string;
}

const MAX_DEPTH = 16;
const MAX_STEPS = 20_000;
/** Interpolated strings longer than this are given up on (doubling variables grow exponentially). */
const MAX_STRING = 100_000;
const AWS_SOURCES = /^(ssm|cf|s3|aws|param|secretsmanager|terraform|sls:instanceId)\b/;

export class SlsVariables {
  private steps = 0;
  private readonly files = new Map<string, TreeNode | Refusal | undefined>();
  /** Every refused `${file(...)}`, on the value of this file whose variables led to it (reported as findings). */
  readonly refused: RefusedFile[] = [];
  /** The value of this file being resolved (the one a refusal is reported on), and whether we are inside another file's. */
  private resolving: TreeNode | undefined;
  private foreign = 0;

  constructor(
    private readonly root: TreeNode | undefined,
    private readonly readFile: FileReader | undefined,
  ) {}

  /** The value of a node: a scalar with its variables resolved, or the node itself (maps, lists). */
  resolve(node: TreeNode | undefined, depth = 0): VariableResult {
    if (!node) return { kind: 'unresolved', reason: 'not set' };
    if (!isScalar(node)) return { kind: 'value', value: node };
    // Each scalar is resolved once per depth: every function inherits the provider's settings, and reading
    // a long value again for each of them made a file with many functions quadratic.
    let byDepth = this.resolved.get(node);
    const known = byDepth?.[depth];
    if (known) return known;
    const value = node.value;
    let result: VariableResult;
    if (typeof value !== 'string' || !value.includes('${')) result = { kind: 'value', value };
    else if (this.foreign > 0) result = this.resolveString(value, depth);
    else {
      // A refused file is reported on the value of this file whose variables led to it.
      const outer = this.resolving;
      this.resolving = node;
      try {
        result = this.resolveString(value, depth);
      } finally {
        this.resolving = outer;
      }
    }
    if (!byDepth) this.resolved.set(node, (byDepth = []));
    byDepth[depth] = result;
    return result;
  }

  private readonly resolved = new Map<TreeNode, VariableResult[]>();

  resolveString(text: string, depth: number): VariableResult {
    if (++this.steps > MAX_STEPS || depth > MAX_DEPTH) return { kind: 'unresolved', reason: 'variables nested too deep to resolve statically' };
    const whole = parseWhole(text);
    if (whole !== undefined) {
      const result = this.evaluate(whole, depth);
      return result.kind === 'value' ? { ...result, via: result.via ?? text } : result;
    }
    // Interpolation: "prefix-${sls:stage}-suffix" -> a string.
    let out = '';
    let rest = text;
    for (;;) {
      const start = rest.indexOf('${');
      if (start < 0) break;
      const end = matchingBrace(rest, start + 1);
      if (end < 0) return { kind: 'unresolved', reason: `unbalanced braces in ${text}` };
      const inner = this.evaluate(rest.slice(start + 2, end), depth);
      if (inner.kind === 'unresolved') return inner;
      if (typeof inner.value === 'object' && inner.value !== null)
        return { kind: 'unresolved', reason: `${rest.slice(start, end + 1)} is a map or list inside a string` };
      out += rest.slice(0, start) + String(inner.value);
      rest = rest.slice(end + 1);
      if (out.length > MAX_STRING) return { kind: 'unresolved', reason: 'the value grows beyond 100,000 characters (a variable bomb?)' };
    }
    return { kind: 'value', value: out + rest, via: text };
  }

  /** `source:address, fallback, ...` (the inside of `${...}`), nested variables resolved first. */
  private evaluate(expression: string, depth: number): VariableResult {
    let expr = expression;
    // Resolve nested ${...} inside the expression first (innermost out).
    for (let guard = 0; expr.includes('${') && guard < 50; guard++) {
      const start = expr.lastIndexOf('${');
      const end = matchingBrace(expr, start + 1);
      if (end < 0) return { kind: 'unresolved', reason: `unbalanced braces in \${${expression}}` };
      const inner = this.evaluate(expr.slice(start + 2, end), depth + 1);
      if (inner.kind === 'unresolved') return inner;
      expr = expr.slice(0, start) + String(isNodeValue(inner.value) ? '' : inner.value) + expr.slice(end + 1);
    }
    const alternatives = splitTopLevel(expr);
    let firstReason: string | undefined;
    for (const alternative of alternatives) {
      const result = this.single(alternative.trim(), depth);
      if (result.kind === 'value') return result;
      firstReason ??= result.reason;
    }
    const first = alternatives[0]?.trim();
    if (first === 'opt:stage') return this.stage(depth);
    if (first === 'opt:region') return this.region(depth);
    return { kind: 'unresolved', reason: firstReason ?? `\${${expression}} has no value` };
  }

  private single(term: string, depth: number): VariableResult {
    const quoted = /^(['"])(.*)\1$/s.exec(term);
    if (quoted) return { kind: 'value', value: quoted[2]! };
    if (/^-?\d+(\.\d+)?$/.test(term)) return { kind: 'value', value: Number(term) };
    if (term === 'true' || term === 'false') return { kind: 'value', value: term === 'true' };
    if (term === 'null') return { kind: 'unresolved', reason: 'null' };
    if (AWS_SOURCES.test(term)) return { kind: 'unresolved', reason: `\${${term}} is read from AWS at deployment` };
    const file = /^file\((.+?)\)(?::(.+))?$/.exec(term);
    if (file) return this.fromFile(file[1]!.trim().replace(/^['"]|['"]$/g, ''), file[2], depth);
    const colon = term.indexOf(':');
    const source = colon < 0 ? 'self' : term.slice(0, colon);
    const address = colon < 0 ? term : term.slice(colon + 1);
    switch (source) {
      case 'self':
        return this.lookup(this.root, address, depth, `self:${address}`);
      case 'opt':
        // No command line here: the fallback applies (and, for stage and region, the provider's value).
        return { kind: 'unresolved', reason: `--${address} is a command-line option, unknown here` };
      case 'sls':
        if (address === 'stage') return this.stage(depth);
        return { kind: 'unresolved', reason: `\${sls:${address}} is only known at deployment` };
      case 'env':
        return { kind: 'unresolved', reason: `environment variable ${address} (set where the deployment runs)` };
      case 'code':
        return { kind: 'unresolved', reason: `${address} is computed by TypeScript code, which Crossover never runs` };
      case 'unread':
        // serverless.ts: a value the reader left out, with the reason (too deep, too many).
        return { kind: 'unresolved', reason: `not read: ${address}` };
      case 'strToBool':
        return { kind: 'value', value: /^true$/i.test(address.trim()) };
      default:
        return { kind: 'unresolved', reason: `\${${term}}: the ${source} source is not read statically` };
    }
  }

  /** The stage when no --stage is given: provider.stage, else dev. */
  private stage(depth: number): VariableResult {
    const provider = this.lookup(this.root, 'provider.stage', depth, 'provider.stage');
    return provider.kind === 'value' && typeof provider.value === 'string' ? provider : { kind: 'value', value: 'dev' };
  }

  private region(depth: number): VariableResult {
    const provider = this.lookup(this.root, 'provider.region', depth, 'provider.region');
    return provider.kind === 'value' && typeof provider.value === 'string' ? provider : { kind: 'value', value: 'us-east-1' };
  }

  private lookup(root: TreeNode | undefined, address: string, depth: number, label: string): VariableResult {
    let node = root;
    const parts = address === '' ? [] : address.split('.');
    for (const part of parts) {
      // A step through a variable (`custom.sizes: ${file(./sizes.yml)}`): resolve it, then go on inside.
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${')) {
        const through = this.resolve(node, depth + 1);
        if (through.kind === 'unresolved') return through;
        node = typeof through.value === 'object' && through.value !== null ? through.value : undefined;
      }
      if (isMap(node)) node = getEntry(node, part)?.value;
      else if (isSeq(node) && /^\d+$/.test(part)) node = node.items[Number(part)];
      else node = undefined;
      if (!node) return { kind: 'unresolved', reason: `\${${label}} is not defined` };
    }
    if (!node) return { kind: 'unresolved', reason: `\${${label}} is not defined` };
    const result = this.resolve(node, depth + 1);
    return result;
  }

  private fromFile(path: string, address: string | undefined, depth: number): VariableResult {
    if (/\.(js|cjs|mjs|ts)$/i.test(path)) return { kind: 'unresolved', reason: `\${file(${path})} is code, which Crossover never runs` };
    if (!this.files.has(path)) {
      const read = this.readFile?.(path);
      this.files.set(path, typeof read === 'string' ? loadDocument(path, read).root : read);
    }
    const root = this.files.get(path);
    if (isRefusal(root)) {
      if (this.resolving) this.refused.push({ node: this.resolving, path, reason: root.refused });
      return { kind: 'unresolved', reason: `${path} is not read: ${root.refused}` };
    }
    if (!root) return { kind: 'unresolved', reason: `${path} could not be read` };
    // Values inside the other file are not this file's: a refusal there is reported on the value that led to it.
    this.foreign++;
    try {
      return this.lookup(root, address ?? '', depth, `file(${path})${address ? `:${address}` : ''}`);
    } finally {
      this.foreign--;
    }
  }
}

function isNodeValue(value: ScalarValue | TreeNode): value is TreeNode {
  return typeof value === 'object' && value !== null;
}

/** When the whole string is one `${...}`, its inside; else undefined. */
function parseWhole(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('${')) return undefined;
  const end = matchingBrace(trimmed, 1);
  return end === trimmed.length - 1 ? trimmed.slice(2, end) : undefined;
}

/** Index of the `}` that closes the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits on commas outside quotes and parentheses. */
function splitTopLevel(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of expr) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}
