/**
 * Terraform files -> a small syntax tree of their own (blocks, attributes, expressions) with offsets, from the
 * tree-sitter HCL grammar (`.tf`, `.tfvars`) or from the JSON syntax (`.tf.json`, `.tfvars.json`). Nothing is
 * evaluated here (evaluate.ts does that) and nothing is ever run. Offsets are the file's own UTF-16 offsets plus
 * the file's `base`: the files of one folder share one offset space (see folder.ts), so a node knows its file.
 *
 * Never throws: a syntax error is a problem with its place, deep nesting is cut off with a problem, and what the
 * reader does not model (for expressions, splats) is kept as text, for "unresolved" reasons.
 */
import type { Node as SyntaxNode, Parser } from 'web-tree-sitter';
import { gaveUpMessage, parseWithin } from '../tree-sitter-budget.js';
import { type ParseProblem } from '../document/problems.js';
import { DOCUMENT_LIMITS, tooDeepProblem } from '../document/problems.js';
import { isMap, isScalar, isSeq, type TreeNode } from '../document/tree.js';
import { parseJson } from '../document/json.js';

export interface Span {
  start: number;
  end: number;
}

/** One step of a traversal: `.name`, `[index]`, or a splat (`[*]`, `.*`). */
export type Step = { attr: string; end: number } | { index: Expr; end: number } | { splat: true; end: number };

export type Expr = Span &
  (
    | { kind: 'literal'; value: string | number | boolean | null }
    /** A string with `${...}` (or `%{...}` directives, kept as `directive`): literal text and expressions in order. */
    | { kind: 'template'; parts: (string | Expr)[]; directive?: boolean }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'object'; entries: ObjectEntry[] }
    /** `var.x`, `aws_lambda_function.fn.arn`, `each.value.memory`, `local.cfg["a"]`. */
    | { kind: 'traversal'; root: string; steps: Step[] }
    | { kind: 'call'; name: string; args: Expr[] }
    | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'unary'; op: string; operand: Expr }
    /** What is not modelled (for expressions, ...), as written. */
    | { kind: 'other'; text: string }
  );

export interface ObjectEntry {
  /** The key as text when it is a name or a literal; else the key expression. */
  key: string | Expr;
  keySpan: Span;
  value: Expr;
}

export interface Attribute {
  name: string;
  nameSpan: Span;
  value: Expr;
  /** The whole `name = value`. */
  span: Span;
}

export interface Block extends Span {
  type: string;
  typeSpan: Span;
  labels: string[];
  labelSpans: Span[];
  /** Just after `{`, and at `}`: where a new attribute goes. */
  open: number;
  close: number;
  body: Body;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface Comment extends Span {
  text: string;
}

export interface SyntaxFile {
  uri: string;
  /** The file name (`main.tf`). */
  name: string;
  text: string;
  /** Added to every offset of this file (0 for the analysed file). */
  base: number;
  body: Body;
  comments: Comment[];
  problems: ParseProblem[];
  /** `hcl` (native syntax) or `json`. */
  syntax: 'hcl' | 'json';
}

/** Nesting deeper than this is cut off (as for YAML/JSON documents). */
const MAX_DEPTH = DOCUMENT_LIMITS.maxDepth;
/** At most this many syntax errors are reported per file (the first ones; the rest follow from them). */
const MAX_SYNTAX_PROBLEMS = 5;

export function isJsonSyntax(name: string): boolean {
  return /\.json$/i.test(name);
}

/** Reads one file, in the syntax its name says. */
export function readSyntax(parser: Parser, uri: string, name: string, text: string, base: number): SyntaxFile {
  return isJsonSyntax(name) ? readJsonSyntax(uri, name, text, base) : readNativeSyntax(parser, uri, name, text, base);
}

// --- native syntax (tree-sitter) ---------------------------------------------------------------------------

function readNativeSyntax(parser: Parser, uri: string, name: string, text: string, base: number): SyntaxFile {
  const file: SyntaxFile = { uri, name, text, base, body: { attributes: [], blocks: [] }, comments: [], problems: [], syntax: 'hcl' };
  const parsed = parseWithin(parser, text);
  if (!('tree' in parsed)) {
    file.problems.push({ severity: 'error', code: 'hcl-syntax', message: gaveUpMessage(parsed.budgetMs), start: parsed.gaveUpAt, end: parsed.gaveUpAt });
    return file;
  }
  const { tree } = parsed;
  try {
    const reader = new NativeReader(file);
    const root = tree.rootNode;
    const body = root.namedChildren.find((c) => c?.type === 'body');
    if (body) file.body = reader.body(body, 0);
    reader.comments(root);
    if (root.hasError) reader.errors(root);
  } finally {
    tree.delete();
  }
  return file;
}

class NativeReader {
  private tooDeep = false;

  constructor(private readonly file: SyntaxFile) {}

  private span(node: SyntaxNode): Span {
    return { start: node.startIndex + this.file.base, end: node.endIndex + this.file.base };
  }

  private deep(node: SyntaxNode): boolean {
    if (!this.tooDeep) {
      this.tooDeep = true;
      this.file.problems.push(tooDeepProblem(node.startIndex));
    }
    return true;
  }

  body(node: SyntaxNode, depth: number): Body {
    const body: Body = { attributes: [], blocks: [] };
    if (depth > MAX_DEPTH && this.deep(node)) return body;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') {
        const id = child.namedChildren[0];
        const value = child.namedChildren[1];
        if (!id || id.type !== 'identifier' || !value) continue;
        body.attributes.push({ name: id.text, nameSpan: this.span(id), value: this.expr(value, depth + 1), span: this.span(child) });
      } else if (child.type === 'block') {
        const block = this.block(child, depth + 1);
        if (block) body.blocks.push(block);
      }
    }
    return body;
  }

  private block(node: SyntaxNode, depth: number): Block | undefined {
    const children = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
    const id = children[0];
    if (!id || id.type !== 'identifier') return undefined;
    const labels: string[] = [];
    const labelSpans: Span[] = [];
    let open: number | undefined;
    let close: number | undefined;
    let body: Body = { attributes: [], blocks: [] };
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit') {
        labels.push(stringLiteral(child.text));
        labelSpans.push(this.span(child));
      } else if (child.type === 'identifier') {
        labels.push(child.text);
        labelSpans.push(this.span(child));
      } else if (child.type === 'block_start') open = child.endIndex + this.file.base;
      else if (child.type === 'block_end') close = child.startIndex + this.file.base;
      else if (child.type === 'body') body = this.body(child, depth + 1);
    }
    const span = this.span(node);
    open ??= span.start;
    close ??= Math.max(open, span.end - 1);
    return { ...span, type: id.text, typeSpan: this.span(id), labels, labelSpans, open, close, body };
  }

  expr(node: SyntaxNode, depth: number): Expr {
    const span = this.span(node);
    if (depth > MAX_DEPTH && this.deep(node)) return { ...span, kind: 'other', text: 'nested too deep' };
    const parts = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
    switch (node.type) {
      case 'expression': {
        const first = parts[0];
        if (!first) return { ...span, kind: 'other', text: node.text };
        if (first.type === 'variable_expr' || parts.length > 1) return this.traversal(node, parts, depth);
        return this.expr(first, depth + 1);
      }
      case 'literal_value':
        return parts[0] ? this.expr(parts[0], depth + 1) : { ...span, kind: 'other', text: node.text };
      case 'numeric_lit': {
        const value = Number(node.text);
        return Number.isFinite(value) ? { ...span, kind: 'literal', value } : { ...span, kind: 'other', text: node.text };
      }
      case 'bool_lit':
        return { ...span, kind: 'literal', value: node.text === 'true' };
      case 'null_lit':
        return { ...span, kind: 'literal', value: null };
      case 'string_lit':
        return { ...span, kind: 'literal', value: stringLiteral(node.text) };
      case 'template_expr':
        return parts[0] ? this.template(parts[0], depth + 1) : { ...span, kind: 'other', text: node.text };
      case 'collection_value':
        return parts[0] ? this.expr(parts[0], depth + 1) : { ...span, kind: 'other', text: node.text };
      case 'tuple':
        return { ...span, kind: 'tuple', items: parts.filter((p) => p.type === 'expression').map((p) => this.expr(p, depth + 1)) };
      case 'object':
        return { ...span, kind: 'object', entries: parts.filter((p) => p.type === 'object_elem').map((p) => this.objectEntry(p, depth + 1)) };
      case 'function_call': {
        const name = parts[0]?.text ?? '';
        const args = parts.find((p) => p.type === 'function_arguments');
        const list = args?.namedChildren.filter((a): a is SyntaxNode => a?.type === 'expression') ?? [];
        return { ...span, kind: 'call', name, args: list.map((a) => this.expr(a, depth + 1)) };
      }
      case 'conditional': {
        const [test, then, otherwise] = parts;
        if (!test || !then || !otherwise) return { ...span, kind: 'other', text: node.text };
        return { ...span, kind: 'conditional', test: this.expr(test, depth + 1), then: this.expr(then, depth + 1), otherwise: this.expr(otherwise, depth + 1) };
      }
      case 'operation':
        return parts[0] ? this.expr(parts[0], depth + 1) : { ...span, kind: 'other', text: node.text };
      case 'binary_operation': {
        const [left, right] = parts;
        if (!left || !right) return { ...span, kind: 'other', text: node.text };
        const op = node.text.slice(left.endIndex - node.startIndex, right.startIndex - node.startIndex).trim();
        return { ...span, kind: 'binary', op, left: this.expr(left, depth + 1), right: this.expr(right, depth + 1) };
      }
      case 'unary_operation': {
        const operand = parts[0];
        if (!operand) return { ...span, kind: 'other', text: node.text };
        return { ...span, kind: 'unary', op: node.text.slice(0, operand.startIndex - node.startIndex).trim(), operand: this.expr(operand, depth + 1) };
      }
      case 'variable_expr':
        return this.traversal(node, [node], depth);
      default:
        return { ...span, kind: 'other', text: short(node.text) };
    }
  }

  /** `root.a[0].b`: the variable, then its steps (an `expression` node holds them as siblings). */
  private traversal(node: SyntaxNode, parts: SyntaxNode[], depth: number): Expr {
    const span = this.span(node);
    const head = parts[0]!;
    // A parenthesised expression (`(x)`), or an expression followed by steps (`func()[0]`).
    if (head.type !== 'variable_expr') {
      if (parts.length === 1) return this.expr(head, depth + 1);
      return { ...span, kind: 'other', text: short(node.text) };
    }
    const root = head.namedChildren[0]?.text ?? head.text;
    const steps: Step[] = [];
    for (const part of parts.slice(1)) {
      const end = part.endIndex + this.file.base;
      if (part.type === 'get_attr') steps.push({ attr: part.namedChildren[0]?.text ?? '', end });
      else if (part.type === 'index') {
        const inner = part.namedChildren[0];
        const value = inner?.namedChildren.find((c) => c?.type === 'expression');
        if (inner?.type === 'legacy_index') {
          const n = Number(inner.text.replace(/^\./, ''));
          steps.push({ index: { ...this.span(inner), kind: 'literal', value: n }, end });
        } else if (value) steps.push({ index: this.expr(value, depth + 1), end });
        else steps.push({ splat: true, end });
      } else if (part.type === 'splat') steps.push({ splat: true, end });
      else return { ...span, kind: 'other', text: short(node.text) };
    }
    return { ...span, kind: 'traversal', root, steps };
  }

  private objectEntry(node: SyntaxNode, depth: number): ObjectEntry {
    const [keyNode, valueNode] = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression');
    const value: Expr = valueNode ? this.expr(valueNode, depth + 1) : { ...this.span(node), kind: 'other', text: node.text };
    if (!keyNode) return { key: '', keySpan: this.span(node), value };
    const key = this.expr(keyNode, depth + 1);
    // `name = ...` and `"name" = ...` are the key `name`; `(var.x) = ...` is an expression.
    if (key.kind === 'traversal' && key.steps.length === 0) return { key: key.root, keySpan: this.span(keyNode), value };
    if (key.kind === 'literal' && key.value !== null) return { key: String(key.value), keySpan: this.span(keyNode), value };
    return { key, keySpan: this.span(keyNode), value };
  }

  /** A quoted string or heredoc: its text (escapes read) with its `${}` expressions in place. */
  private template(node: SyntaxNode, depth: number): Expr {
    const span = this.span(node);
    const text = node.text;
    const heredoc = node.type === 'heredoc_template';
    const children = node.namedChildren.filter((c): c is SyntaxNode => c !== null);
    let contentStart: number;
    let contentEnd: number;
    if (heredoc) {
      const ids = children.filter((c) => c.type === 'heredoc_identifier');
      const opener = ids[0];
      const closer = ids.length > 1 ? ids[ids.length - 1] : undefined;
      const lineEnd = opener ? text.indexOf('\n', opener.endIndex - node.startIndex) : -1;
      contentStart = lineEnd < 0 ? text.length : lineEnd + 1;
      contentEnd = closer ? closer.startIndex - node.startIndex : text.length;
      // The closing marker's line: its indentation is not content.
      while (contentEnd > contentStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
    } else {
      contentStart = 1;
      contentEnd = text.endsWith('"') && text.length > 1 ? text.length - 1 : text.length;
    }
    const parts: (string | Expr)[] = [];
    let directive = false;
    let at = contentStart;
    for (const child of children) {
      const from = child.startIndex - node.startIndex;
      if (child.type === 'template_interpolation' || child.type === 'template_directive') {
        if (from > at) parts.push(text.slice(at, from));
        if (child.type === 'template_directive') {
          directive = true;
          parts.push({ ...this.span(child), kind: 'other', text: short(child.text) });
        } else {
          const inner = child.namedChildren.find((c) => c?.type === 'expression');
          parts.push(inner ? this.expr(inner, depth + 1) : { ...this.span(child), kind: 'other', text: child.text });
        }
        at = child.endIndex - node.startIndex;
      }
    }
    if (contentEnd > at) parts.push(text.slice(at, contentEnd));
    let strings = parts.map((p) => (typeof p === 'string' ? (heredoc ? p : unescape(p)) : p));
    if (heredoc && /^<<-/.test(text)) strings = dedent(strings);
    if (strings.every((p) => typeof p === 'string')) return { ...span, kind: 'literal', value: strings.join('') };
    return { ...span, kind: 'template', parts: strings, ...(directive ? { directive } : {}) };
  }

  comments(root: SyntaxNode): void {
    // Comments sit among a body's children: one query, not a walk of every node.
    for (const node of root.descendantsOfType('comment')) {
      if (node) this.file.comments.push({ ...this.span(node), text: node.text });
    }
  }

  errors(root: SyntaxNode): void {
    const found: SyntaxNode[] = [];
    for (const node of root.descendantsOfType('ERROR')) {
      if (node) found.push(node);
      if (found.length >= MAX_SYNTAX_PROBLEMS) break;
    }
    // Missing tokens (`}`) are not ERROR nodes: the walk finds them (bounded by the number of nodes).
    if (found.length === 0) {
      const cursor = root.walk();
      let visited = 0;
      outer: for (;;) {
        if (cursor.currentNode.isMissing) {
          found.push(cursor.currentNode);
          break;
        }
        if (++visited > 1_000_000) break;
        if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) continue;
        for (;;) {
          if (!cursor.gotoParent()) break outer;
          if (cursor.gotoNextSibling()) break;
        }
      }
      cursor.delete();
    }
    for (const node of found) {
      // A closing brace missing: tree-sitter puts it at the end of the file; the block left open is what to name.
      let open: SyntaxNode | null = node.isMissing && (node.type === '}' || node.type === 'block_end') ? node.parent : null;
      while (open && open.type !== 'block') open = open.parent;
      if (open && open.type === 'block') {
        const header = open.text.split('\n')[0] ?? '';
        this.file.problems.push({
          severity: 'error',
          code: 'hcl-syntax',
          message: `Terraform syntax error: the block ${short(header.replace(/\s*\{\s*$/, ''))} is not closed (its "}" is missing).`,
          start: open.startIndex,
          end: open.startIndex + header.length,
        });
        continue;
      }
      const what = node.isMissing ? `a missing "${node.type}"` : `unexpected "${short(node.text.split('\n')[0] ?? '')}"`;
      this.file.problems.push({
        severity: 'error',
        code: 'hcl-syntax',
        message: `Terraform syntax error: ${what}. Crossover reads the rest of the file as far as it can.`,
        start: node.startIndex,
        end: Math.max(node.startIndex + 1, Math.min(node.endIndex, node.startIndex + 200)),
      });
    }
    if (found.length === 0)
      this.file.problems.push({ severity: 'error', code: 'hcl-syntax', message: 'Terraform syntax error somewhere in this file.', start: 0, end: 1 });
  }
}

/** A quoted string's value: the quotes off, escapes read. */
function stringLiteral(text: string): string {
  const inner = text.startsWith('"') ? text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined) : text;
  return unescape(inner);
}

function unescape(text: string): string {
  if (!text.includes('\\') && !text.includes('$${') && !text.includes('%%{')) return text;
  return text
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt"\\])/g, (_, e: string) => {
      if (e === 'n') return '\n';
      if (e === 'r') return '\r';
      if (e === 't') return '\t';
      if (e === '"' || e === '\\') return e;
      const code = parseInt(e.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** `<<-` heredocs: the smallest indentation of their lines is taken off every line. */
function dedent(parts: (string | Expr)[]): (string | Expr)[] {
  const joined = parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
  let indent = Infinity;
  for (const line of joined.split('\n')) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
  }
  if (!Number.isFinite(indent) || indent === 0) return parts;
  const pattern = new RegExp(`(^|\\n)[ \\t]{0,${indent}}`, 'g');
  let lineStart = true;
  return parts.map((p) => {
    if (typeof p !== 'string') {
      lineStart = false;
      return p;
    }
    const out = (lineStart ? p : p.replace(/^[^\n]*/, (first) => '\u0001' + first)).replace(pattern, '$1').replace('\u0001', '');
    lineStart = p.endsWith('\n');
    return out;
  });
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? one.slice(0, 57) + '...' : one;
}

// --- JSON syntax (.tf.json) -----------------------------------------------------------------------------

/** Block types whose JSON form nests labels as object keys, and how many labels they take. */
const JSON_LABELS: Record<string, number> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1, locals: 0, terraform: 0 };

function readJsonSyntax(uri: string, name: string, text: string, base: number): SyntaxFile {
  const { root, problems } = parseJson(text);
  const file: SyntaxFile = {
    uri,
    name,
    text,
    base,
    body: { attributes: [], blocks: [] },
    comments: [],
    problems: problems.map((p) => ({ ...p })),
    syntax: 'json',
  };
  if (!isMap(root)) return file;
  const shift = (s: Span): Span => ({ start: s.start + base, end: s.end + base });
  if (/\.tfvars\.json$/i.test(name)) {
    for (const entry of root.entries)
      file.body.attributes.push({
        name: entry.key,
        nameSpan: shift(entry.keyNode),
        value: jsonExpr(entry.value, shift, 0),
        span: shift({ start: entry.keyNode.start, end: entry.value.end }),
      });
    return file;
  }
  for (const entry of root.entries) {
    const labels = JSON_LABELS[entry.key];
    if (labels === undefined) continue;
    const typeSpan = shift(entry.keyNode);
    // `resource: { type: { name: { ... } } }`; a list of such objects is allowed too.
    const walk = (node: TreeNode, names: string[], spans: Span[]): void => {
      if (isSeq(node)) {
        for (const item of node.items) walk(item, names, spans);
        return;
      }
      if (!isMap(node)) return;
      if (names.length < labels) {
        for (const e of node.entries) walk(e.value, [...names, e.key], [...spans, shift(e.keyNode)]);
        return;
      }
      file.body.blocks.push(jsonBlock(entry.key, typeSpan, names, spans, node, shift, 0));
    };
    walk(entry.value, [], []);
  }
  return file;
}

function jsonBlock(type: string, typeSpan: Span, labels: string[], labelSpans: Span[], node: TreeNode, shift: (s: Span) => Span, depth: number): Block {
  const span = shift(node);
  const body: Body = { attributes: [], blocks: [] };
  if (isMap(node) && depth < MAX_DEPTH) {
    for (const entry of node.entries) {
      if (entry.key === '//') continue; // a comment
      body.attributes.push({
        name: entry.key,
        nameSpan: shift(entry.keyNode),
        value: jsonExpr(entry.value, shift, depth + 1),
        span: shift({ start: entry.keyNode.start, end: entry.value.end }),
      });
      // A nested object may be a block (`environment: { variables: {...} }`): both readings are kept.
      const values = isSeq(entry.value) ? entry.value.items : [entry.value];
      for (const value of values) if (isMap(value)) body.blocks.push(jsonBlock(entry.key, shift(entry.keyNode), [], [], value, shift, depth + 1));
    }
  }
  return { ...span, type, typeSpan, labels, labelSpans, open: span.start + 1, close: Math.max(span.start + 1, span.end - 1), body };
}

/** A JSON value as an expression: strings are templates (`"${var.x}"`), read by the same small template reader. */
function jsonExpr(node: TreeNode, shift: (s: Span) => Span, depth: number): Expr {
  const span = shift(node);
  if (depth > MAX_DEPTH) return { ...span, kind: 'other', text: 'nested too deep' };
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('${')) return jsonTemplate(node.value, span);
    return { ...span, kind: 'literal', value: node.value };
  }
  if (isSeq(node)) return { ...span, kind: 'tuple', items: node.items.map((i) => jsonExpr(i, shift, depth + 1)) };
  if (isMap(node))
    return {
      ...span,
      kind: 'object',
      entries: node.entries.map((e) => ({ key: e.key, keySpan: shift(e.keyNode), value: jsonExpr(e.value, shift, depth + 1) })),
    };
  return { ...span, kind: 'other', text: '' };
}

/** `"${var.a}-x"` in JSON syntax: simple references are read (`var.a`, `aws_x.y.arn`, `local.b[0]`); others stay text. */
function jsonTemplate(value: string, span: Span): Expr {
  const parts: (string | Expr)[] = [];
  let at = 0;
  const pattern = /(?<!\$)\$\{([^}]*)\}/g;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    if (m.index > at) parts.push(value.slice(at, m.index));
    parts.push(traversalText(m[1]!.trim(), span) ?? { ...span, kind: 'other', text: short(m[1]!) });
    at = m.index + m[0].length;
  }
  if (at < value.length) parts.push(value.slice(at));
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  return { ...span, kind: 'template', parts: parts.map((p) => (typeof p === 'string' ? p.replace(/\$\$\{/g, '${') : p)) };
}

function traversalText(text: string, span: Span): Expr | undefined {
  const m = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)$/.exec(text);
  if (!m) return undefined;
  const steps: Step[] = [];
  for (const s of m[2]!.match(/\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]/g) ?? []) {
    if (s.startsWith('.')) steps.push({ attr: s.slice(1), end: span.end });
    else if (s.startsWith('["')) steps.push({ index: { ...span, kind: 'literal', value: s.slice(2, -2) }, end: span.end });
    else steps.push({ index: { ...span, kind: 'literal', value: Number(s.slice(1, -1)) }, end: span.end });
  }
  return { ...span, kind: 'traversal', root: m[1]!, steps };
}
