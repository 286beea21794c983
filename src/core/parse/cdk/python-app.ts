/**
 * AWS CDK apps in Python -> model, read statically with tree-sitter's Python grammar (a real parser; nothing
 * is executed). Construct calls (`_lambda.Function(self, "Id", memory_size=1024)`) are recognised through
 * the file's imports (`aws_cdk` v2 and the v1 `aws_cdk.*` packages, every import style); keyword
 * arguments (and `**` splats of dict constants) are the props, in snake_case. Values: literals,
 * `Duration.*`, `Size.*`, `Runtime.*`, `Architecture.*`, constants of the file or imported from another
 * module of the app, dict subscripts and arithmetic. The construct knowledge itself is shared with the
 * TypeScript reader (constructs.ts).
 *
 * The parser comes from the host (web-tree-sitter is initialised asynchronously, with its WebAssembly).
 */
import type { Node as SyntaxNode, Parser, Tree } from 'web-tree-sitter';
import { type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import { type ModelProblem, type ParsedTemplate } from '../cloudformation/types.js';
import { LineIndex } from '../document/lines.js';
import { mentionsCdkPython } from './detect.js';
import { isRefusal, type FileReader } from '../reference.js';
import {
  type ArgView,
  type CallView,
  callValue,
  CdkModelBuilder,
  type ClassRef,
  type Evaluated,
  fieldOf,
  memberValue,
  type PropsView,
  type Reference,
  short,
  unitValue,
  type Value,
} from './constructs.js';
import { readAppContext } from './app-context.js';

/** Reads another file of the app, relative to this one ('./config.py' -> its text), a refusal, or undefined. */
type SourceReader = FileReader;

export function readCdkPython(parser: Parser, uri: string, text: string, readFile?: SourceReader): ParsedTemplate | undefined {
  if (!mentionsCdkPython(text)) return undefined;
  const tree = parser.parse(text);
  if (!tree) return undefined;
  try {
    return new PythonAppReader(parser, uri, text, tree, readFile).read();
  } finally {
    tree.delete();
  }
}

/** A constant: its value node, and whether it is in this file (spreads of foreign dicts land on the `**`). */
interface Constant {
  node: SyntaxNode;
  local: boolean;
}

class PythonAppReader {
  private readonly lines: LineIndex;
  /** Local (possibly dotted) name -> CDK module, for `import aws_cdk.aws_lambda as lambda_` and `from aws_cdk import aws_sqs`. */
  private readonly namespaces = new Map<string, string>();
  /** Local name -> class, for `from aws_cdk.aws_lambda import Function`. */
  private readonly named = new Map<string, ClassRef>();
  readonly consts = new Map<string, Constant>();
  private readonly builder: CdkModelBuilder;
  private readonly foreignTrees: Tree[] = [];
  /** Relative imports of modules the host refused to read (outside the workspace): findings, not silence. */
  private readonly problems: ModelProblem[] = [];

  constructor(
    private readonly parser: Parser,
    private readonly uri: string,
    text: string,
    private readonly tree: Tree,
    private readonly readFile?: SourceReader,
  ) {
    this.lines = new LineIndex(text);
    this.builder = new CdkModelBuilder(uri, () => readAppContext(readFile, 'python'));
  }

  read(): ParsedTemplate | undefined {
    try {
      const root = this.tree.rootNode;
      for (const statement of root.namedChildren) {
        if (statement?.type === 'import_statement' || statement?.type === 'import_from_statement') this.readImport(statement);
      }
      if (this.namespaces.size === 0 && this.named.size === 0) return undefined;
      // One native query per node type (far cheaper than walking the tree from JavaScript).
      for (const assignment of root.descendantsOfType('assignment')) if (assignment) this.readAssignment(assignment);
      for (const call of root.descendantsOfType('call')) if (call) this.readCall(call);
      const parsed = this.builder.finish();
      return parsed && { ...parsed, problems: [...parsed.problems, ...this.problems] };
    } finally {
      for (const tree of this.foreignTrees) tree.delete();
    }
  }

  private readImport(statement: SyntaxNode): void {
    if (statement.type === 'import_statement') {
      // `import aws_cdk as cdk`, `import aws_cdk.aws_lambda as lambda_`, `import aws_cdk.aws_lambda`.
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        const module = dotted ? pythonModule(dotted) : undefined;
        if (module !== undefined && local) this.namespaces.set(local, module);
      }
      return;
    }
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode) return;
    if (moduleNode.type === 'relative_import' || !moduleNode.text.startsWith('aws_cdk')) {
      this.readLocalImport(statement, moduleNode);
      return;
    }
    const module = pythonModule(moduleNode.text);
    if (module === undefined) return;
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
      if (!imported || !local) continue;
      // `from aws_cdk import aws_lambda as _lambda` (and v1's `from aws_cdk import core`) name a module; `Duration` a class.
      if (module === 'core' && (/^aws_/.test(imported) || imported === 'core'))
        this.namespaces.set(local, imported === 'core' ? 'core' : imported.replace(/_/g, '-'));
      else this.named.set(local, { module, name: imported });
    }
  }

  /** `from .config import MEMORY`, `from config import SIZES as sizes`: constants of another module of the app. */
  private readLocalImport(statement: SyntaxNode, moduleNode: SyntaxNode): void {
    if (!this.readFile) return;
    const spelled = moduleNode.text;
    const dots = /^\.*/.exec(spelled)![0].length;
    const path = spelled.slice(dots).replace(/\./g, '/');
    const candidates =
      dots > 0
        ? [
            `${
              dots === 1
                ? '.'
                : Array(dots - 1)
                    .fill('..')
                    .join('/')
            }/${path || '__init__'}.py`,
          ]
        : [`./${path}.py`, `../${path}.py`, `./${path}/__init__.py`];
    let refused: string | undefined;
    for (const candidate of candidates) {
      const text = this.readFile(candidate);
      // The parent folder is only a guess for `from config import X` (it may be a package): not reported.
      if (isRefusal(text) && (dots > 0 || !candidate.startsWith('../'))) refused ??= text.refused;
      if (typeof text !== 'string') continue;
      const tree = this.parser.parse(text);
      if (!tree) return;
      this.foreignTrees.push(tree);
      const exported = new Map<string, Constant>();
      for (const child of tree.rootNode.namedChildren) {
        const assignment = child?.type === 'expression_statement' ? child.namedChildren[0] : undefined;
        const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
        const right = assignment?.childForFieldName('right');
        if (left?.type === 'identifier' && right) exported.set(left.text, { node: right, local: false });
      }
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        const found = imported ? exported.get(imported) : undefined;
        if (found && local) this.consts.set(local, found);
      }
      return;
    }
    if (refused)
      this.problems.push({ ruleId: 'unresolved-reference', severity: 'warning', message: `${spelled} is not read: ${refused}.`, loc: this.loc(moduleNode) });
  }

  /** `NAME = value` anywhere in the file (module level, class or function bodies). */
  private readAssignment(node: SyntaxNode): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type === 'identifier' && right) this.consts.set(left.text, { node: right, local: true });
  }

  private readCall(node: SyntaxNode): void {
    const fn = node.childForFieldName('function');
    const argumentList = node.childForFieldName('arguments');
    if (!fn || argumentList?.type !== 'argument_list') return;
    const args = positional(argumentList);
    const cls = this.classOf(fn);
    if (cls) {
      const variable = variableOf(node);
      this.builder.construct({
        cls,
        loc: this.loc(fn),
        args: args.map((a) => this.arg(a)),
        props: new Props(this, keywordSources(argumentList)),
        ...(variable ? { variable } : {}),
      });
      return;
    }
    // `fn.add_event_source(...)`, `fn.add_alias("live", provisioned_concurrent_executions=5)`, `db.add_proxy("Proxy", ...)`.
    if (fn.type !== 'attribute') return;
    const object = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text;
    const receiver = object ? referenceOf(object) : undefined;
    if (!receiver || !method) return;
    const keywords = keywordSources(argumentList);
    const variable = variableOf(node);
    this.builder.method({
      receiver,
      method: camelCase(method),
      loc: this.loc(node),
      args: args.map((a) => this.arg(a)),
      props: keywords.length > 0 ? new Props(this, keywords) : undefined,
      ...(variable ? { variable } : {}),
    });
  }

  /** `_lambda.Function`, `Function`, `cdk.aws_lambda.Function`, `aws_cdk.aws_lambda.Function` -> its class. */
  classOf(node: SyntaxNode): ClassRef | undefined {
    if (node.type === 'identifier') return this.named.get(node.text);
    if (node.type !== 'attribute') return undefined;
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    if (!object || !name) return undefined;
    const dotted = dottedName(object);
    if (dotted === undefined) return undefined;
    const module = this.namespaces.get(dotted);
    if (module !== undefined) return { module, name };
    const split = dotted.lastIndexOf('.');
    if (split > 0 && this.namespaces.get(dotted.slice(0, split)) === 'core' && /^aws_/.test(dotted.slice(split + 1)))
      return { module: dotted.slice(split + 1).replace(/_/g, '-'), name };
    return undefined;
  }

  /** The CDK class an expression names; in an imported module (whose imports are not read) by its last name. */
  private className(node: SyntaxNode, local: boolean): string | undefined {
    const cls = this.classOf(node);
    if (cls) return cls.name;
    if (local) return undefined;
    if (node.type === 'identifier') return node.text;
    return node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  }

  loc(node: SyntaxNode): SourceLocation {
    return { uri: this.uri, range: this.lines.range(node.startIndex, node.endIndex), path: [] };
  }

  /** `nested`: an argument of a call inside an argument: its own calls are not read (`X = f(X)` must not loop). */
  arg(node: SyntaxNode, nested = false): ArgView {
    const reference = referenceOf(node);
    const text = stringValue(node);
    const call = nested ? undefined : this.callOf(node, true);
    return { loc: this.loc(node), ...(reference ? { reference } : {}), ...(text !== undefined ? { text } : {}), ...(call ? { call } : {}) };
  }

  /** A class call `X(...)`, a static call `X.y(...)` or a static member `X.Y` (through constants of the file). */
  callOf(node: SyntaxNode, local: boolean, depth = 0): CallView | undefined {
    if (depth > 8) return undefined;
    if (node.type === 'identifier') {
      const constant = this.consts.get(node.text);
      return constant ? this.callOf(constant.node, constant.local, depth + 1) : undefined;
    }
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const argumentList = node.childForFieldName('arguments');
      if (!fn) return undefined;
      const args = argumentList ? positional(argumentList).map((a) => this.arg(a, true)) : [];
      const cls = this.classOf(fn);
      if (cls) return { cls, loc: this.loc(node), args };
      const member = fn.type === 'attribute' ? this.staticMember(fn, local) : undefined;
      return member ? { ...member, loc: this.loc(node), args } : undefined;
    }
    if (node.type === 'attribute') {
      const member = this.staticMember(node, local);
      return member ? { ...member, loc: this.loc(node), args: [] } : undefined;
    }
    return undefined;
  }

  private staticMember(node: SyntaxNode, local: boolean): { cls: ClassRef; member: string } | undefined {
    const object = node.childForFieldName('object');
    const member = node.childForFieldName('attribute')?.text;
    if (!object || !member) return undefined;
    const cls = this.classOf(object) ?? (local ? undefined : { module: '', name: this.className(object, false) ?? '' });
    return cls ? { cls, member } : undefined;
  }

  /** Evaluates an expression statically. */
  evaluate(node: SyntaxNode, local: boolean, depth = 0): Evaluated {
    if (depth > 32) return { unresolved: 'too deeply nested' };
    switch (node.type) {
      case 'integer':
      case 'float': {
        const value = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(value) ? { value } : { unresolved: `${short(node.text)} is not a number Crossover reads` };
      }
      case 'true':
        return { value: true };
      case 'false':
        return { value: false };
      case 'string': {
        const value = stringValue(node);
        return value !== undefined ? { value } : { unresolved: `${short(node.text)} is computed` };
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? this.evaluate(inner, local, depth + 1) : { unresolved: 'empty expression' };
      }
      case 'unary_operator': {
        const operand = node.childForFieldName('argument');
        const inner = operand ? this.evaluate(operand, local, depth + 1) : { unresolved: 'no operand' };
        if (node.childForFieldName('operator')?.text === '-' && 'value' in inner && typeof inner.value === 'number') return { value: -inner.value };
        return inner;
      }
      case 'binary_operator': {
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        if (!l || !r) return { unresolved: `${short(node.text)} is computed` };
        const left = this.evaluate(l, local, depth + 1);
        const right = this.evaluate(r, local, depth + 1);
        if ('unresolved' in left) return left;
        if ('unresolved' in right) return right;
        if (typeof left.value === 'number' && typeof right.value === 'number') {
          const op = node.childForFieldName('operator')?.text;
          const via = node.text;
          if (op === '*') return { value: left.value * right.value, via };
          if (op === '+') return { value: left.value + right.value, via };
          if (op === '-') return { value: left.value - right.value, via };
          if (op === '/' && right.value !== 0) return { value: left.value / right.value, via };
          if (op === '//' && right.value !== 0) return { value: Math.floor(left.value / right.value), via };
        }
        return { unresolved: `${short(node.text)} is computed` };
      }
      case 'identifier': {
        const constant = this.consts.get(node.text);
        if (!constant) return { unresolved: `${node.text} is not a constant of this file` };
        const inner = this.evaluate(constant.node, constant.local, depth + 1);
        return 'value' in inner ? { value: inner.value, via: inner.via ?? node.text } : inner;
      }
      case 'attribute': {
        // _lambda.Runtime.PYTHON_3_12, Architecture.ARM_64.
        const object = node.childForFieldName('object');
        const member = node.childForFieldName('attribute')?.text;
        const value = object && member ? memberValue(this.className(object, local), member) : undefined;
        return value !== undefined ? { value, via: node.text } : { unresolved: `${short(node.text)} is not known statically` };
      }
      case 'subscript': {
        // SIZES["worker"]: a key of a dict constant.
        const value = node.childForFieldName('value');
        const key = node.childForFieldName('subscript');
        const dict = value ? this.dictOf(value, local, depth + 1) : undefined;
        const keyText = key ? stringValue(key) : undefined;
        const entry = dict && keyText !== undefined ? dictEntries(dict.node).find((e) => e.key === keyText) : undefined;
        if (entry) {
          const inner = this.evaluate(entry.value, dict!.local, depth + 1);
          return 'value' in inner ? { value: inner.value, via: inner.via ?? node.text } : inner;
        }
        return { unresolved: `${short(node.text)} is not known statically` };
      }
      case 'call': {
        // Duration.minutes(5) -> "300 s"; Size.gibibytes(2) -> "2048 MiB".
        const fn = node.childForFieldName('function');
        const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
          (c): c is SyntaxNode => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment',
        );
        const first = args[0];
        if (fn?.type === 'attribute' && first) {
          const owner = fn.childForFieldName('object');
          const method = fn.childForFieldName('attribute')?.text ?? '';
          const arg = this.evaluate(first, local, depth + 1);
          const ownerName = owner ? this.className(owner, local) : undefined;
          const value = owner && 'value' in arg && typeof arg.value === 'number' ? unitValue(ownerName, method, arg.value) : undefined;
          if (value !== undefined) return { value, via: node.text };
          // ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE), eks.KubernetesVersion.of("1.33").
          const called = callValue(
            ownerName,
            method,
            args.slice(0, 2).map((a) => this.evaluate(a, local, depth + 1)),
          );
          if (called) return 'value' in called ? { value: called.value, via: node.text } : called;
        }
        if (fn && first) {
          // ec2.InstanceType("m7g.large").
          const called = callValue(this.className(fn, local), undefined, [this.evaluate(first, local, depth + 1)]);
          if (called) return 'value' in called ? { value: called.value, via: node.text } : called;
        }
        break;
      }
    }
    return { unresolved: `${short(node.text)} is computed by code, which Crossover never runs` };
  }

  /** The dict literal (or `dict(...)` call) an expression stands for, through constants. */
  dictOf(node: SyntaxNode, local: boolean, depth = 0): Constant | undefined {
    if (depth > 16) return undefined;
    if (node.type === 'dictionary') return { node, local };
    if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') return { node, local };
    if (node.type === 'identifier') {
      const constant = this.consts.get(node.text);
      return constant ? this.dictOf(constant.node, constant.local, depth + 1) : undefined;
    }
    return undefined;
  }
}

/** Keyword arguments, `**splat` sources and dict entries: what a props view is built from. */
type PropSource = SyntaxNode;

/** The keyword arguments and `**` splats of an argument list. */
function keywordSources(argumentList: SyntaxNode): PropSource[] {
  return argumentList.namedChildren.filter((c): c is SyntaxNode => c !== null && (c.type === 'keyword_argument' || c.type === 'dictionary_splat'));
}

function positional(argumentList: SyntaxNode): SyntaxNode[] {
  return argumentList.namedChildren.filter(
    (c): c is SyntaxNode => c !== null && c.type !== 'keyword_argument' && c.type !== 'dictionary_splat' && c.type !== 'list_splat' && c.type !== 'comment',
  );
}

/** Entries of a dict literal (`{"memory_size": 512}`) or a `dict(memory_size=512)` call, with string keys. */
function dictEntries(node: SyntaxNode): { key: string; keyNode: SyntaxNode; value: SyntaxNode }[] {
  const entries: { key: string; keyNode: SyntaxNode; value: SyntaxNode }[] = [];
  if (node.type === 'dictionary') {
    for (const pair of node.namedChildren) {
      const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
      const value = pair?.childForFieldName('value');
      const text = key ? stringValue(key) : undefined;
      if (key && value && text !== undefined) entries.push({ key: text, keyNode: key, value });
    }
  } else {
    for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
      const name = argument?.type === 'keyword_argument' ? argument.childForFieldName('name') : undefined;
      const value = argument?.childForFieldName('value');
      if (name && value) entries.push({ key: name.text, keyNode: name, value });
    }
  }
  return entries;
}

/** Props from keyword arguments (and `**` splats of dict constants), looked up by their TypeScript name. */
class Props implements PropsView {
  private readonly entries = new Map<string, { name: SyntaxNode; value: SyntaxNode; local: boolean; anchor?: SyntaxNode }>();

  constructor(
    private readonly reader: PythonAppReader,
    sources: PropSource[],
  ) {
    this.collect(sources, true, 0);
  }

  private collect(sources: PropSource[], local: boolean, depth: number, anchor?: SyntaxNode): void {
    if (depth > 8) return;
    for (const source of sources) {
      if (source.type === 'keyword_argument' || source.type === 'pair') {
        const name = source.childForFieldName(source.type === 'pair' ? 'key' : 'name');
        const value = source.childForFieldName('value');
        const key = name ? (source.type === 'pair' ? stringValue(name) : name.text) : undefined;
        if (name && value && key !== undefined) this.entries.set(key, { name, value, local, ...(anchor ? { anchor } : {}) });
      } else if (source.type === 'dictionary_splat') {
        const inner = source.namedChildren[0];
        const dict = inner ? this.reader.dictOf(inner, local) : undefined;
        if (!dict) continue;
        const children = dict.node.type === 'dictionary' ? dict.node.namedChildren : (dict.node.childForFieldName('arguments')?.namedChildren ?? []);
        this.collect(
          children.filter((c): c is SyntaxNode => c !== null),
          dict.local,
          depth + 1,
          anchor ?? (dict.local ? undefined : source),
        );
      }
    }
  }

  /** jsii adds `_` to names that are Python keywords (`lambda_`). */
  private entry(key: string) {
    const name = snakeCase(key);
    return this.entries.get(name) ?? this.entries.get(`${name}_`);
  }

  has(key: string): boolean {
    return this.entry(key) !== undefined;
  }

  keyLoc(key: string): SourceLocation | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.loc(entry.anchor ?? entry.name) : undefined;
  }

  reference(key: string): Reference | undefined {
    const entry = this.entry(key);
    return entry ? referenceOf(entry.value) : undefined;
  }

  references(key: string): { reference: Reference; loc: SourceLocation }[] {
    const entry = this.entry(key);
    const found: { reference: Reference; loc: SourceLocation }[] = [];
    const visit = (node: SyntaxNode, depth: number): void => {
      if (depth > 64) return;
      if (node.type === 'pair') {
        const value = node.childForFieldName('value');
        if (value) visit(value, depth + 1);
        return;
      }
      const reference = node.type === 'identifier' || node.type === 'attribute' ? referenceOf(node) : undefined;
      if (reference) {
        found.push({ reference, loc: this.reader.loc(node) });
        return;
      }
      for (const child of node.namedChildren) {
        // dict(KEY=value): the value of a keyword argument, not its name.
        const next = child?.type === 'keyword_argument' ? child.childForFieldName('value') : child;
        if (next) visit(next, depth + 1);
      }
    };
    if (entry?.local) visit(entry.value, 0);
    return found;
  }

  nested(key: string): PropsView | undefined {
    const entry = this.entry(key);
    if (!entry) return undefined;
    // An options call (`VersionOptions(provisioned_concurrent_executions=5)`) or a dict.
    if (entry.value.type === 'call' && entry.value.childForFieldName('function')?.text !== 'dict') {
      const args = entry.value.childForFieldName('arguments');
      return args ? new Props(this.reader, keywordSources(args)) : undefined;
    }
    const dict = this.reader.dictOf(entry.value, entry.local);
    if (!dict) return undefined;
    const children = (dict.node.type === 'dictionary' ? dict.node.namedChildren : (dict.node.childForFieldName('arguments')?.namedChildren ?? [])).filter(
      (c): c is SyntaxNode => c !== null,
    );
    return new Props(this.reader, children);
  }

  call(key: string): CallView | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.callOf(entry.value, entry.local) : undefined;
  }

  calls(key: string): CallView[] {
    const entry = this.entry(key);
    if (entry?.value.type !== 'list') return [];
    return entry.value.namedChildren.flatMap((element) => {
      const call = element?.type === 'call' ? this.reader.callOf(element, entry.local) : undefined;
      return call?.cls && call.member === undefined ? [call] : [];
    });
  }

  list(key: string): PropsView[] {
    const entry = this.entry(key);
    if (entry?.value.type !== 'list') return [];
    return entry.value.namedChildren.flatMap((element) => {
      if (!element) return [];
      // `ecs.CapacityProviderStrategy(capacity_provider=..., weight=1)` or a dict.
      if (element.type === 'call' && element.childForFieldName('function')?.text !== 'dict') {
        const args = element.childForFieldName('arguments');
        return args ? [new Props(this.reader, keywordSources(args))] : [];
      }
      const dict = this.reader.dictOf(element, entry.local);
      if (!dict) return [];
      const children = dict.node.type === 'dictionary' ? dict.node.namedChildren : (dict.node.childForFieldName('arguments')?.namedChildren ?? []);
      return [
        new Props(
          this.reader,
          children.filter((c): c is SyntaxNode => c !== null),
        ),
      ];
    });
  }

  fields<T>(key: string, convert: (value: Value) => T | undefined): Field<T>[] {
    const entry = this.entry(key);
    if (entry?.value.type !== 'list') return [];
    return entry.value.namedChildren
      .filter((c): c is SyntaxNode => c !== null && c.type !== 'comment')
      .map((element) =>
        fieldOf(
          this.reader.evaluate(element, entry.local),
          convert,
          this.reader.loc(entry.anchor ?? element),
          this.reader.loc(entry.anchor ?? entry.name),
          element.text,
          !entry.anchor,
        ),
      );
  }

  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T) {
    const entry = this.entry(key);
    if (!entry) return { value: fallback, origin: 'default' as const };
    return fieldOf(
      this.reader.evaluate(entry.value, entry.local),
      convert,
      this.reader.loc(entry.anchor ?? entry.value),
      this.reader.loc(entry.anchor ?? entry.name),
      entry.value.text,
      !entry.anchor,
    );
  }
}

/** What a construct call is assigned to: `fn = ...` -> 'fn', `self.fn = ...` -> '@fn'. */
function variableOf(call: SyntaxNode): string | undefined {
  const parent = call.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== call.id) return undefined;
  const left = parent.childForFieldName('left');
  return left ? referenceOf(left)?.key : undefined;
}

/** `queue` -> {queue}, `self.db.instance_endpoint.hostname` -> {@db, [instanceEndpoint, hostname]}. */
function referenceOf(node: SyntaxNode): Reference | undefined {
  const members: string[] = [];
  let e: SyntaxNode | null = node;
  for (let i = 0; e && e.type === 'attribute' && i < 64; i++) {
    const object: SyntaxNode | null = e.childForFieldName('object');
    const attribute = e.childForFieldName('attribute')?.text ?? '';
    if (object?.type === 'identifier' && object.text === 'self') return { key: `@${attribute}`, members: members.reverse().map(camelCase) };
    members.push(attribute);
    e = object;
  }
  return e?.type === 'identifier' && e.text !== 'self' ? { key: e.text, members: members.reverse().map(camelCase) } : undefined;
}

/** `aws_cdk.aws_lambda.Function` as text, for identifiers and attribute chains (of a sane length); else undefined. */
function dottedName(node: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let e: SyntaxNode | null = node;
  for (let i = 0; e?.type === 'attribute' && i < 16; i++) {
    parts.unshift(e.childForFieldName('attribute')?.text ?? '');
    e = e.childForFieldName('object');
  }
  return e?.type === 'identifier' ? [e.text, ...parts].join('.') : undefined;
}

/** A plain string literal's content (no f-string interpolation, no implicit concatenation); else undefined. */
function stringValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  if (/[bB]/.test(start)) return undefined;
  return node.namedChildren
    .filter((c) => c?.type === 'string_content' || c?.type === 'escape_sequence')
    .map((c) => (c!.type === 'escape_sequence' ? unescape(c!.text) : c!.text))
    .join('');
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\\\': '\\', "\\'": "'", '\\"': '"' };
  return simple[sequence] ?? sequence;
}

/** `aws_cdk` -> core, `aws_cdk.aws_lambda` -> aws-lambda, `aws_cdk.core` (v1) -> core; else undefined. */
function pythonModule(dotted: string): string | undefined {
  if (dotted === 'aws_cdk' || dotted === 'aws_cdk.core') return 'core';
  const match = /^aws_cdk\.([a-z0-9_]+)$/.exec(dotted);
  return match ? match[1]!.replace(/_/g, '-') : undefined;
}

/** The Python name jsii gives a TypeScript prop: `memoryLimitMiB` -> `memory_limit_mib`, `serverlessV2MinCapacity` -> `serverless_v2_min_capacity`. */
export function snakeCase(name: string): string {
  return name
    .replace(/MiB|GiB/g, (unit) => unit[0] + 'ib')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** `add_event_source` -> `addEventSource`, `instance_endpoint` -> `instanceEndpoint`. */
function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
