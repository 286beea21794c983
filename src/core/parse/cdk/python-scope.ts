/**
 * Scopes of the Python CDK reader (python-app.ts): what a name stands for where a construct call is read. A custom
 * construct class instantiated by the app (`OrdersService(self, "Orders", memory=1024)`) is read once per instance,
 * with its `__init__` parameters bound to the instantiation's arguments (evaluated where they are written); a loop
 * over a constant list binds its variable to each element in turn. Nothing here is executed: bindings are syntax
 * nodes with the scope to evaluate them in.
 */
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { type SourceLocation } from '../../model/location.js';
import { type ConstructInstance } from '../../model/nodes.js';
import { LineIndex } from '../document/lines.js';
import { type ClassRef, type Value } from './constructs.js';

/** How far the reader follows custom classes, files and loops (instance expansion is bounded; parsers stay linear). */
export const PY_BUDGET = {
  /** Custom classes nested in custom classes (an instance inside an instance ...). */
  classDepth: 8,
  /** Loops and functions nested in one another that get scopes of their own (deeper ones share their parent's). */
  nesting: 32,
  /** Modules of the app read besides the analysed file. */
  files: 16,
  /** Instances (and loop iterations) expanded in one file. */
  expansions: 1000,
  /** Calls of helpers (methods and functions of the app) read where they are called. */
  helpers: 200,
  /** Calls of helpers followed to what they return (`**lambda_props(1024)`). */
  returns: 2000,
  /** Instances of one class. */
  instancesPerClass: 50,
  /** Nodes made by instances and loops in one file (a construct call read once more each time). */
  nodes: 1000,
  /** Elements of one loop read one by one (a longer list is read once, unresolved). */
  loopElements: 64,
  /** Expressions evaluated in one file, all together (conditions, ids, props, arguments). */
  evaluations: 50_000,
  /** Syntax nodes visited while expanding instances and loops, all together. */
  visits: 50_000,
} as const;

/** One file of the app: the analysed one (`local`) or a module it imports. */
export interface PyModule {
  uri: string;
  /** The module's folder relative to the analysed file's ('.' or 'constructs' or '..'). */
  dir: string;
  lines: LineIndex;
  root: SyntaxNode;
  local: boolean;
  /** Local (possibly dotted) name -> CDK module, for `import aws_cdk.aws_lambda as lambda_` and `from aws_cdk import aws_sqs`. */
  namespaces: Map<string, string>;
  /** Local name -> CDK class, for `from aws_cdk.aws_lambda import Function`. */
  named: Map<string, ClassRef>;
  /** `NAME = value` anywhere in the module, and constants imported from other modules of the app. */
  consts: Map<string, Constant>;
  /** Classes declared in the module or imported from other modules of the app. */
  classes: Map<string, PyClass>;
  /** Functions defined at the module's top level (helpers that create constructs or return props). */
  functions: Map<string, SyntaxNode>;
  /** `import constructs_lib.orders as orders`, `from . import orders`: modules of the app by local name. */
  modules: Map<string, PyModule>;
}

export interface Constant {
  node: SyntaxNode;
  module: PyModule;
}

export interface PyClass {
  name: string;
  node: SyntaxNode;
  module: PyModule;
  /** The superclasses as written (`Construct`, `cdk.Stack`, `OrdersBase`). */
  bases: SyntaxNode[];
  init: SyntaxNode | undefined;
  /** Methods by name (`__init__` too). */
  methods: Map<string, SyntaxNode>;
}

/** What a name stands for: an expression (with where to evaluate it), a static value, or an unknown parameter. */
export type Binding =
  | { node: SyntaxNode; scope: Scope }
  | { value: Value; node: SyntaxNode; scope: Scope }
  /** `**kwargs`: the keyword arguments no parameter took (each where it is written). */
  | { keywords: Keyword[] }
  | { unknown: string };

/** A keyword argument given to a function (`memory=1024`, or a `"memory": 1024` entry of a dict spread into the call). */
export interface Keyword {
  name: string;
  /** The keyword argument or dict pair (a props source), and its value. */
  source: SyntaxNode;
  value: SyntaxNode;
  scope: Scope;
}

/** Where a construct call is read: the module, the names bound there, and the instance it belongs to. */
export class Scope {
  readonly names = new Map<string, Binding>();
  /** `self.x = ...` in an instance's `__init__`. */
  readonly selfAttrs = new Map<string, Binding>();
  /** How many scopes are above this one in its frame (nested loops and functions; the reader bounds it). */
  readonly level: number;

  constructor(
    readonly module: PyModule,
    readonly main: PyModule,
    /** Names looked up here first, then in `parent` (a loop inside a function); undefined at a frame's top. */
    readonly parent: Scope | undefined,
    /** Prefixed to construct ids declared here (`Orders/`, `Dev/Orders/`). */
    readonly idPrefix: string,
    /** Prefixed to variable keys, so each instance's `fn` and `self.queue` are its own. */
    readonly varPrefix: string,
    /** A node of the analysed file where everything read here is located (an instance of a class of another file). */
    readonly anchor: SyntaxNode | undefined,
    readonly instance: Omit<ConstructInstance, 'declaredAt'> | undefined,
    /** Why what is created here is not fully known (a loop over something not constant). */
    readonly notes: string[],
    readonly depth: number,
    /** The custom class whose `__init__` this is (for `super().__init__`). */
    readonly cls?: PyClass,
    /** A method's frame: `self.x` is the instance's (the frame that called it). */
    readonly selfFrom?: Scope,
  ) {
    this.level = parent ? parent.level + 1 : 0;
  }

  /** The same place, inside a class's body (its methods' `self.helper(...)` calls are followed). */
  inClass(cls: PyClass): Scope {
    return new Scope(this.module, this.main, this, this.idPrefix, this.varPrefix, this.anchor, this.instance, this.notes, this.depth, cls, this.selfFrom);
  }

  child(options: { notes?: string[]; varPrefix?: string } = {}): Scope {
    return new Scope(
      this.module,
      this.main,
      this,
      this.idPrefix,
      options.varPrefix ?? this.varPrefix,
      this.anchor,
      this.instance,
      options.notes ?? this.notes,
      this.depth,
      this.cls,
      this.selfFrom,
    );
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  selfAttr(name: string): Binding | undefined {
    // The frame's own scopes first, then (once: every scope of a frame shares it) the caller of a method.
    for (let s: Scope | undefined = this.parent, found = this.selfAttrs.get(name); ; s = s.parent) {
      if (found) return found;
      if (!s) break;
      found = s.selfAttrs.get(name);
    }
    return this.selfFrom?.selfAttr(name);
  }

  /** Where a node of this scope is located for the user: the anchor in the analysed file, or the node itself. */
  at(node: SyntaxNode): SourceLocation {
    if (this.anchor) return locate(this.main, this.anchor);
    return locate(this.module, node);
  }

  /** True when nodes read here are in the analysed file as they are (a fix may rewrite them). */
  get inPlace(): boolean {
    return this.anchor === undefined && this.module.local;
  }
}

export function locate(module: PyModule, node: SyntaxNode): SourceLocation {
  return { uri: module.uri, range: module.lines.range(node.startIndex, node.endIndex), path: [] };
}

export function newModule(uri: string, dir: string, text: string, tree: Tree, local: boolean): PyModule {
  return {
    uri,
    dir,
    lines: new LineIndex(text),
    root: tree.rootNode,
    local,
    namespaces: new Map(),
    named: new Map(),
    consts: new Map(),
    classes: new Map(),
    functions: new Map(),
    modules: new Map(),
  };
}

/** The parameters of a function definition, in order, with their kind and default. */
export interface Param {
  name: string;
  kind: 'positional' | 'keyword-only' | 'args' | 'kwargs';
  default?: SyntaxNode;
}

export function paramsOf(fn: SyntaxNode): Param[] {
  const params: Param[] = [];
  let keywordOnly = false;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const kind = keywordOnly ? 'keyword-only' : 'positional';
    switch (p.type) {
      case 'identifier':
        params.push({ name: p.text, kind });
        break;
      case 'typed_parameter': {
        const inner = p.namedChildren[0];
        if (inner?.type === 'identifier') params.push({ name: inner.text, kind });
        else if (inner?.type === 'list_splat_pattern') {
          params.push({ name: inner.namedChildren[0]?.text ?? '', kind: 'args' });
          keywordOnly = true;
        } else if (inner?.type === 'dictionary_splat_pattern') params.push({ name: inner.namedChildren[0]?.text ?? '', kind: 'kwargs' });
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        const value = p.childForFieldName('value');
        if (name) params.push({ name: name.text, kind, ...(value ? { default: value } : {}) });
        break;
      }
      case 'list_splat_pattern':
        params.push({ name: p.namedChildren[0]?.text ?? '', kind: 'args' });
        keywordOnly = true;
        break;
      case 'keyword_separator':
        keywordOnly = true;
        break;
      case 'dictionary_splat_pattern':
        params.push({ name: p.namedChildren[0]?.text ?? '', kind: 'kwargs' });
        break;
    }
  }
  return params;
}

/** The functions defined directly in a block (a class body, a module), by name; decorated ones too. */
export function functionsOf(block: SyntaxNode | null | undefined): Map<string, SyntaxNode> {
  const functions = new Map<string, SyntaxNode>();
  for (const statement of block?.namedChildren ?? []) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) functions.set(name, fn);
  }
  return functions;
}

/** `a/b/../c` -> `a/c`, `./x` -> `x`; keeps leading `..`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

/** The path of a file relative to the analysed file, as the host's reader takes it (`./constructs/orders.py`). */
export function readerPath(path: string): string {
  const normal = normalizePath(path);
  return normal.startsWith('..') ? normal : `./${normal}`;
}

/** The uri of a file of the app from the analysed file's uri and the file's path relative to it. */
export function siblingUri(uri: string, relative: string): string {
  const cut = uri.lastIndexOf('/');
  const base = cut >= 0 ? uri.slice(0, cut) : uri;
  const parts = base.split('/');
  for (const part of normalizePath(relative).split('/')) {
    if (part === '..') {
      if (parts.length > 3) parts.pop();
    } else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
