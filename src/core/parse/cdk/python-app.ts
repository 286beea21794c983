/**
 * AWS CDK apps in Python -> model, read statically with tree-sitter's Python grammar (a real parser; nothing
 * is executed). Construct calls (`_lambda.Function(self, "Id", memory_size=1024)`) are recognised through
 * the file's imports (`aws_cdk` v2 and the v1 `aws_cdk.*` packages, every import style); keyword
 * arguments (and `**` splats of dict constants) are the props, in snake_case. Values: literals,
 * `Duration.*`, `Size.*`, `Runtime.*`, `Architecture.*`, constants of the file or imported from another
 * module of the app, dict subscripts, f-strings and arithmetic. The construct knowledge itself is shared with the
 * TypeScript reader (constructs.ts).
 *
 * Custom construct classes of the app (`class OrdersService(Construct)`, of this file or imported from another module)
 * that the file instantiates are read once per instance, their `__init__` parameters bound to the instantiation's
 * arguments (python-scope.ts): ids `Orders/Handler`, a stack class made per stage `Dev/Handler`. Loops over constant
 * lists and dicts give one node per element. What cannot be known statically is said (`unresolved`), never dropped.
 *
 * The parser comes from the host (web-tree-sitter is initialised asynchronously, with its WebAssembly).
 */
import type { Node as SyntaxNode, Parser, Tree } from 'web-tree-sitter';
import { gaveUpMessage, parseWithin } from '../tree-sitter-budget.js';
import { InputLimitError } from '../input-limit.js';
import { type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import { type ConstructInstance, type ModelNode } from '../../model/nodes.js';
import { type ModelProblem, type ParsedTemplate } from '../cloudformation/types.js';
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
import {
  type Binding,
  functionsOf,
  type Keyword,
  locate,
  newModule,
  normalizePath,
  type Param,
  paramsOf,
  PY_BUDGET,
  type PyClass,
  type PyModule,
  readerPath,
  Scope,
  siblingUri,
} from './python-scope.js';

/** Reads another file of the app, relative to this one ('./config.py' -> its text), a refusal, or undefined. */
type SourceReader = FileReader;

export function readCdkPython(parser: Parser, uri: string, text: string, readFile?: SourceReader): ParsedTemplate | undefined {
  if (!mentionsCdkPython(text)) return undefined;
  const parsed = parseWithin(parser, text);
  // Broken code the parser's error recovery cannot get through in time: a parse-error where it gave up.
  if (!('tree' in parsed)) throw new InputLimitError(gaveUpMessage(parsed.budgetMs), parsed.gaveUpAt);
  const { tree } = parsed;
  try {
    return new PythonAppReader(parser, uri, text, tree, readFile).read(text);
  } finally {
    tree.delete();
  }
}

/** A value's evaluation, and where it was set when that is not where it is read (an argument of an instantiation). */
type PyEvaluated = Evaluated & { from?: { at: SourceLocation; inPlace: boolean; text: string } };

/** Node types the region walk stops at (one native query per region). */
const REGION_TYPES = [
  'call',
  'class_definition',
  'function_definition',
  'if_statement',
  'for_statement',
  'list_comprehension',
  'generator_expression',
  'set_comprehension',
];
const LOOP_TYPES = new Set(['for_statement', 'list_comprehension', 'generator_expression', 'set_comprehension']);
/** Expressions an argument's text (an id, a container name) is read from. */
const TEXT_TYPES = new Set(['string', 'concatenated_string', 'binary_operator', 'integer']);
/** Keyword names a construct's id is passed under (`id="Handler"`, `construct_id=...`). */
const ID_KEYWORDS = ['id', 'construct_id', 'id_'];
/** Bases that make a class a construct (`Construct`, `cdk.Stack`, `core.Construct`, ...) and the stack-like ones. */
const CONSTRUCT_BASE = /(^|\.)(Construct|Stack|NestedStack|Stage|Resource)$/;
const STACK_BASE = /(^|\.)(Stack|NestedStack|Stage)$/;

/** An assignment directly in a function body: a name (`memory = 1024`) or an attribute of `self` (`self.memory = 1024`). */
interface Assigned {
  self: boolean;
  name: string;
  right: SyntaxNode;
}

/** An element of a loop's iterable: one value, or a tuple unpacked into several names. */
type Element = Binding | Binding[];

interface NodeMeta {
  instance?: ConstructInstance;
  unresolved?: string[];
}

class PythonAppReader {
  readonly main: PyModule;
  private readonly builder: CdkModelBuilder;
  private readonly foreignTrees: Tree[] = [];
  /** Relative imports of modules the host refused to read (outside the workspace): findings, not silence. */
  private readonly problems: ModelProblem[] = [];
  /** Modules of the app by path relative to the analysed file (null: not readable). */
  private readonly modules = new Map<string, PyModule | null>();
  private readonly rootScopes = new Map<PyModule, Scope>();
  private readonly classByNode = new Map<number, PyClass>();
  /** Classes of the analysed file instantiated in it (read per instance, not on their own). */
  private readonly instantiated = new Set<PyClass>();
  /** Stack classes -> how many stacks the file makes of them (2 for a site in a loop). */
  private readonly stackSites = new Map<PyClass, number>();
  /** Variable keys assigned a construct so far (scoped: each instance and loop iteration has its own). */
  private readonly assigned = new Set<string>();
  /** Construct id -> its instance and what is not known about it. */
  private readonly meta = new Map<string, NodeMeta>();
  /** Helper functions and methods the file calls (read where they are called, not on their own). */
  private readonly called = new Set<number>();
  /** Construct calls already read with an id that is not static (a loop must not repeat them). */
  private readonly seen = new Set<string>();
  /** Regions being read, one inside another (a branch, a loop's body, an instance's `__init__`). */
  private regions = 0;
  private expansions = 0;
  private evaluations = 0;
  /** Helpers being read (a helper that calls itself is not read again inside itself). */
  private readonly active = new Set<number>();
  /** Constants evaluated outside instances, helpers and loops, by their value's node. */
  private readonly constants = new Map<number, PyEvaluated>();
  /** Constants being evaluated (a value that refers to itself stops there). */
  private readonly evaluating = new Set<number>();
  private helpers = 0;
  /** What a function body assigns, by the body's node id (assignmentsIn). */
  private readonly bodyAssignments = new Map<number, readonly Assigned[]>();
  /** The nodes readNodes looks at, by their root's node id (regionNodes). */
  private readonly regionsOf = new Map<number, readonly SyntaxNode[]>();
  /** Helper calls followed to the value they return. */
  private returns = 0;
  /** Construct calls read in instances and loops, and instances per class (both bounded). */
  private expandedNodes = 0;
  private readonly perClass = new Map<PyClass, number>();
  private visits = 0;
  private loops = 0;

  constructor(
    private readonly parser: Parser,
    uri: string,
    text: string,
    tree: Tree,
    private readonly readFile?: SourceReader,
  ) {
    this.main = newModule(uri, '.', text, tree, true);
    this.builder = new CdkModelBuilder(uri, () => readAppContext(readFile, 'python'));
  }

  read(text: string): ParsedTemplate | undefined {
    try {
      const main = this.main;
      this.modules.set('.', main);
      this.readImports(main);
      if (main.namespaces.size === 0 && main.named.size === 0) return undefined;
      this.readDeclarations(main);
      // Only when a class, function or method of the app is called at all (a text search, far cheaper than the tree).
      const callees = new Set(Array.from(text.matchAll(/(\w+)\s*\(/g), (m) => m[1]!));
      const names = [...main.classes.keys(), ...main.functions.keys(), ...[...main.classes.values()].flatMap((c) => [...c.methods.keys()])];
      const called = names.some((name) => name !== '__init__' && callees.has(name));
      for (const call of called ? main.root.descendantsOfType('call') : []) {
        const fn = call?.childForFieldName('function');
        if (fn) this.markCalled(fn);
        const cls = fn ? this.customClassOf(fn, main) : undefined;
        if (!call || !cls || !this.isConstruct(cls, 0) || this.inside(call, cls.node)) continue;
        if (this.isStack(cls, 0)) this.stackSites.set(cls, (this.stackSites.get(cls) ?? 0) + (inLoop(call) ? 2 : 1));
        // A class and the classes of the app it derives from are read per instance.
        for (let c: PyClass | undefined = cls, i = 0; c && i < PY_BUDGET.classDepth; c = this.baseOf(c), i++) if (c.module.local) this.instantiated.add(c);
      }
      this.readRegion(main.root, this.rootScope(main));
      const parsed = this.builder.finish();
      if (!parsed) return undefined;
      this.annotate(parsed.model.byId.values());
      return { ...parsed, problems: [...parsed.problems, ...this.problems] };
    } finally {
      for (const tree of this.foreignTrees) tree.delete();
    }
  }

  /** `self.name(...)` (a method of a class of the file with that name) or `name(...)` (a function of the file): called helpers. */
  private markCalled(fn: SyntaxNode): void {
    if (fn.type === 'identifier') {
      const def = this.main.functions.get(fn.text);
      if (def) this.called.add(def.id);
    } else if (fn.type === 'attribute' && isSelf(fn.childForFieldName('object'))) {
      const name = fn.childForFieldName('attribute')?.text ?? '';
      if (name === '__init__') return;
      for (const cls of this.main.classes.values()) {
        const def = cls.module.local ? cls.methods.get(name) : undefined;
        if (def) this.called.add(def.id);
      }
    }
  }

  private rootScope(module: PyModule): Scope {
    let scope = this.rootScopes.get(module);
    if (!scope) {
      scope = new Scope(module, this.main, undefined, '', '', undefined, undefined, [], 0);
      this.rootScopes.set(module, scope);
    }
    return scope;
  }

  /** Constants (`NAME = value` anywhere but a class body's fields) and classes of a module. */
  private readDeclarations(module: PyModule): void {
    for (const assignment of module.root.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (!assignment || left?.type !== 'identifier' || !right) continue;
      // `memory: int = 512` in a props class is a field's default, not a constant of the module.
      if (assignment.parent?.parent?.parent?.type === 'class_definition') continue;
      module.consts.set(left.text, { node: right, module });
    }
    for (const [name, fn] of functionsOf(module.root)) module.functions.set(name, fn);
    for (const node of module.root.descendantsOfType('class_definition')) {
      const name = node?.childForFieldName('name')?.text;
      if (!node || !name) continue;
      const bases = (node.childForFieldName('superclasses')?.namedChildren ?? []).filter(
        (c): c is SyntaxNode => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment',
      );
      const methods = functionsOf(node.childForFieldName('body'));
      const cls: PyClass = { name, node, module, bases, init: methods.get('__init__'), methods };
      module.classes.set(name, cls);
      this.classByNode.set(node.id, cls);
    }
  }

  private readImports(module: PyModule): void {
    for (const statement of module.root.namedChildren) {
      if (statement?.type === 'import_statement' || statement?.type === 'import_from_statement') this.readImport(module, statement);
    }
  }

  private readImport(module: PyModule, statement: SyntaxNode): void {
    if (statement.type === 'import_statement') {
      // `import aws_cdk as cdk`, `import aws_cdk.aws_lambda as lambda_`, `import aws_cdk.aws_lambda`; `import lib.orders as orders`.
      for (const name of statement.childrenForFieldName('name')) {
        if (!name) continue;
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
        const cdk = dotted ? pythonModule(dotted) : undefined;
        if (cdk !== undefined && local) module.namespaces.set(local, cdk);
        else if (dotted && local && !dotted.startsWith('aws_cdk') && name.type === 'aliased_import') {
          const found = this.findModule(module, 0, dotted.replace(/\./g, '/'), undefined);
          if (found) module.modules.set(local, found);
        }
      }
      return;
    }
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode) return;
    if (moduleNode.type === 'relative_import' || !moduleNode.text.startsWith('aws_cdk')) {
      this.readLocalImport(module, statement, moduleNode);
      return;
    }
    const cdk = pythonModule(moduleNode.text);
    if (cdk === undefined) return;
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
      if (!imported || !local) continue;
      // `from aws_cdk import aws_lambda as _lambda` (and v1's `from aws_cdk import core`) name a module; `Duration` a class.
      if (cdk === 'core' && (/^aws_/.test(imported) || imported === 'core'))
        module.namespaces.set(local, imported === 'core' ? 'core' : imported.replace(/_/g, '-'));
      else module.named.set(local, { module: cdk, name: imported });
    }
  }

  /**
   * `from .config import MEMORY`, `from config import SIZES as sizes`, `from .constructs.orders import OrdersService`,
   * `from . import orders`: constants, classes and modules of another module of the app.
   */
  private readLocalImport(module: PyModule, statement: SyntaxNode, moduleNode: SyntaxNode): void {
    if (!this.readFile) return;
    const spelled = moduleNode.text;
    const dots = /^\.*/.exec(spelled)![0].length;
    const path = spelled.slice(dots).replace(/\./g, '/');
    const found = this.findModule(module, dots, path, moduleNode);
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
      if (!imported || !local) continue;
      const constant = found?.consts.get(imported);
      const cls = found?.classes.get(imported);
      if (constant) module.consts.set(local, constant);
      else if (cls) module.classes.set(local, cls);
      else if (found !== undefined || dots > 0) {
        // `from . import orders`, `from .constructs import orders`: a module of the package.
        const sub = this.findModule(module, dots, path ? `${path}/${imported}` : imported, undefined, true);
        if (sub) module.modules.set(local, sub);
      }
    }
  }

  /** The module `path` names from `module` (`dots` leading dots), read and parsed once; refusals are findings. */
  private findModule(module: PyModule, dots: number, path: string, reportAt: SyntaxNode | undefined, quiet = false): PyModule | undefined {
    if (!this.readFile) return undefined;
    const base =
      dots > 0
        ? `${module.dir}/${Array(dots - 1)
            .fill('..')
            .join('/')}`
        : module.dir;
    const candidates =
      dots > 0
        ? [`${base}/${path || '__init__'}.py`, ...(path ? [`${base}/${path}/__init__.py`] : [])]
        : [`${base}/${path}.py`, `${base}/../${path}.py`, `${base}/${path}/__init__.py`, `${base}/../${path}/__init__.py`];
    let refused: string | undefined;
    for (const candidate of candidates) {
      const normal = normalizePath(candidate);
      const known = this.modules.get(normal);
      if (known) return known;
      if (known === null) continue;
      if (this.modules.size > PY_BUDGET.files) return undefined;
      const text = this.readFile(readerPath(normal));
      // The parent folder is only a guess for `from config import X` (it may be a package): not reported.
      if (isRefusal(text) && (dots > 0 || candidate.startsWith(`${base}/${path}`))) refused ??= text.refused;
      if (typeof text !== 'string') {
        this.modules.set(normal, null);
        continue;
      }
      const parsed = parseWithin(this.parser, text);
      if (!('tree' in parsed)) return undefined; // a module the parser gave up on: its names stay unknown
      const { tree } = parsed;
      this.foreignTrees.push(tree);
      const cut = normal.lastIndexOf('/');
      const found = newModule(siblingUri(this.main.uri, normal), cut >= 0 ? normal.slice(0, cut) : '.', text, tree, false);
      this.modules.set(normal, found);
      this.readImports(found);
      this.readDeclarations(found);
      return found;
    }
    if (refused && reportAt && !quiet && module.local)
      this.problems.push({
        ruleId: 'unresolved-reference',
        severity: 'warning',
        message: `${reportAt.text} is not read: ${refused}.`,
        loc: locate(module, reportAt),
      });
    return undefined;
  }

  /** `OrdersService`, `orders.OrdersService` -> the app's class. */
  customClassOf(node: SyntaxNode, module: PyModule): PyClass | undefined {
    if (node.type === 'identifier') return module.classes.get(node.text);
    if (node.type !== 'attribute') return undefined;
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    const owner = object?.type === 'identifier' ? module.modules.get(object.text) : undefined;
    return owner && name ? owner.classes.get(name) : undefined;
  }

  private baseOf(cls: PyClass): PyClass | undefined {
    for (const base of cls.bases) {
      const found = this.customClassOf(base, cls.module);
      if (found && found !== cls) return found;
    }
    return undefined;
  }

  isConstruct(cls: PyClass, depth: number): boolean {
    if (depth > PY_BUDGET.classDepth) return false;
    if (cls.bases.some((b) => CONSTRUCT_BASE.test(b.text))) return true;
    const base = this.baseOf(cls);
    return base !== undefined && this.isConstruct(base, depth + 1);
  }

  private isStack(cls: PyClass, depth: number): boolean {
    if (depth > PY_BUDGET.classDepth) return false;
    if (cls.bases.some((b) => STACK_BASE.test(b.text))) return true;
    const base = this.baseOf(cls);
    return base !== undefined && this.isStack(base, depth + 1);
  }

  private inside(node: SyntaxNode, outer: SyntaxNode): boolean {
    return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
  }

  /**
   * Reads the construct calls of a region (the file, a class's `__init__` body, a loop's body) in order. Classes the
   * file instantiates are skipped (read per instance); loops over constants are read once per element.
   */
  private readRegion(root: SyntaxNode, scope: Scope): void {
    this.regions++;
    try {
      this.readNodes(root, scope);
    } finally {
      this.regions--;
    }
  }

  private readNodes(root: SyntaxNode, scope: Scope): void {
    const expanding = scope !== this.rootScope(this.main);
    const frames: { end: number; scope: Scope }[] = [];
    let skipEnd = -1;
    for (const node of this.regionNodes(root)) {
      if (expanding && ++this.visits > PY_BUDGET.visits) return;
      if (node.startIndex < skipEnd) continue;
      while (frames.length > 0 && node.startIndex >= frames[frames.length - 1]!.end) frames.pop();
      const here = frames[frames.length - 1]?.scope ?? scope;
      if (node.type === 'call') this.readCall(node, here);
      else if (node.type === 'class_definition') {
        const cls = this.classByNode.get(node.id);
        if (node.id !== root.id && cls && this.instantiated.has(cls)) skipEnd = node.endIndex;
        else if (cls) frames.push({ end: node.endIndex, scope: here.inClass(cls) });
      } else if (node.type === 'function_definition') {
        if (node.id === root.id || here.level >= PY_BUDGET.nesting) continue;
        // A helper the file calls is read where it is called, with its arguments.
        if (this.called.has(node.id)) {
          skipEnd = node.endIndex;
          continue;
        }
        // Read on its own: its parameters are known only where it is called.
        const inner = here.child();
        const owner = node.parent?.parent?.type === 'class_definition' ? this.classByNode.get(node.parent.parent.id) : undefined;
        const where = `${owner ? `${owner.name}.` : ''}${node.childForFieldName('name')?.text ?? ''}`;
        for (const param of paramsOf(node)) {
          if (param.name !== 'self') inner.names.set(param.name, { unknown: `${param.name} is a parameter of ${where}, set where it is called` });
        }
        frames.push({ end: node.endIndex, scope: inner });
      } else if (node.type === 'if_statement') {
        // `if config.get("provisioned"):` with a static condition: only the branch taken.
        const branch = this.regions < PY_BUDGET.nesting ? this.branchTaken(node, here) : undefined;
        if (branch !== undefined) {
          if (branch) this.readRegion(branch, here);
          skipEnd = node.endIndex;
        }
      } else if (LOOP_TYPES.has(node.type) && here.level < PY_BUDGET.nesting) {
        const inner = this.readLoop(node, here);
        if (inner) frames.push({ end: node.endIndex, scope: inner });
        else skipEnd = node.endIndex;
      }
    }
  }

  /** The block an `if` / `elif` / `else` chain runs when every condition on the way is static (null: none); else undefined. */
  private branchTaken(node: SyntaxNode, scope: Scope): SyntaxNode | null | undefined {
    const clauses = [node, ...node.childrenForFieldName('alternative').filter((c): c is SyntaxNode => c !== null)];
    for (const clause of clauses) {
      if (clause.type === 'else_clause') return clause.childForFieldName('body');
      const condition = clause.childForFieldName('condition');
      const truth = condition ? truthy(this.evaluate(condition, scope)) : undefined;
      if (truth === undefined) return undefined;
      if (truth) return clause.childForFieldName('consequence');
    }
    return null;
  }

  /**
   * `for cfg in CONFIGS:` / `[f(self, n) for n in NAMES]`: its body once per element of a constant iterable (returns
   * undefined: done); else the scope to read the body once in, which says why its constructs are not fully known.
   */
  private readLoop(node: SyntaxNode, scope: Scope): Scope | undefined {
    const clauses = node.type === 'for_statement' ? [node] : node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'for_in_clause');
    const clause = clauses[0];
    const left = clause?.childForFieldName('left');
    const right = clause?.childForFieldName('right');
    const body = node.childForFieldName('body');
    const elements = clauses.length === 1 && right ? this.iterate(right, scope, 0) : undefined;
    if (left && right && body && elements && elements.length <= PY_BUDGET.loopElements && this.expansions + elements.length <= PY_BUDGET.expansions) {
      const loop = ++this.loops;
      elements.forEach((element, i) => {
        this.expansions++;
        const inner = scope.child({ varPrefix: `${scope.varPrefix}L${loop}.${i}:` });
        bindPattern(left, element, inner);
        this.readRegion(body, inner);
      });
      return undefined;
    }
    const why = !right
      ? 'created in a loop Crossover does not read'
      : !elements
        ? `created in a loop over ${short(right.text)}, which is not a constant list`
        : elements.length > PY_BUDGET.loopElements
          ? `created in a loop over ${elements.length} elements of ${short(right.text)}, more than Crossover reads one by one`
          : `created in a loop over ${short(right.text)}, once: the file has more loops and instances than Crossover expands`;
    const inner = scope.child({ notes: [...scope.notes, why] });
    for (const name of left ? patternNames(left) : []) inner.names.set(name, { unknown: `${name} is a loop variable (${why})` });
    return inner;
  }

  /** The elements of a constant iterable: a list / tuple / set / dict (keys), `.items()`, `.values()`, `range(n)`, `enumerate(...)`. */
  private iterate(node: SyntaxNode, scope: Scope, depth: number): Element[] | undefined {
    if (depth > 16) return undefined;
    const target = this.resolveNode(node, scope, depth);
    if (!target) return undefined;
    const { node: value, scope: where } = target;
    if (value.type === 'list' || value.type === 'tuple' || value.type === 'set') {
      const items = value.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
      if (items.some((c) => c.type === 'list_splat')) return undefined;
      return items.map((c) => ({ node: c, scope: where }));
    }
    if (value.type === 'dictionary') return dictEntries(value).map((e) => ({ node: e.keyNode, scope: where }));
    if (value.type !== 'call') return undefined;
    const fn = value.childForFieldName('function');
    const args = (value.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    if (fn?.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text;
      const object = fn.childForFieldName('object');
      const dict = object ? this.dictOf(object, where, depth + 1) : undefined;
      if (!dict || dict.node.type !== 'dictionary') return undefined;
      const entries = dictEntries(dict.node);
      if (method === 'items')
        return entries.map((e) => [
          { node: e.keyNode, scope: dict.scope },
          { node: e.value, scope: dict.scope },
        ]);
      if (method === 'values') return entries.map((e) => ({ node: e.value, scope: dict.scope }));
      if (method === 'keys') return entries.map((e) => ({ node: e.keyNode, scope: dict.scope }));
      return undefined;
    }
    if (fn?.text === 'range' && args.length >= 1 && args.length <= 2) {
      const bounds = args.map((a) => this.evaluate(a, where));
      const [a, b] = bounds.map((e) => ('value' in e && typeof e.value === 'number' && Number.isInteger(e.value) ? e.value : undefined));
      const [start, end] = args.length === 1 ? [0, a] : [a, b];
      if (start === undefined || end === undefined || end - start > PY_BUDGET.loopElements) return undefined;
      return Array.from({ length: Math.max(0, end - start) }, (_, i) => ({ value: start + i, node: value, scope: where }));
    }
    if (fn?.text === 'enumerate' && args[0]) {
      const inner = this.iterate(args[0], where, depth + 1);
      return inner?.map((element, i) => [{ value: i, node: value, scope: where }, ...(Array.isArray(element) ? [] : [element])]);
    }
    return undefined;
  }

  /** An expression's node after names (parameters, loop variables, constants, `self.x`) are followed. */
  private resolveNode(node: SyntaxNode, scope: Scope, depth: number): { node: SyntaxNode; scope: Scope } | undefined {
    for (let i = depth; i < 32; i++) {
      let binding: Binding | undefined;
      if (node.type === 'identifier') {
        binding = scope.lookup(node.text);
        if (!binding) {
          const constant = scope.module.consts.get(node.text);
          if (!constant) return undefined;
          binding = { node: constant.node, scope: constant.module === scope.module ? scope : this.rootScope(constant.module) };
        }
      } else if (node.type === 'attribute' && isSelf(node.childForFieldName('object'))) {
        binding = scope.selfAttr(node.childForFieldName('attribute')?.text ?? '');
      } else if (node.type === 'parenthesized_expression' && node.namedChildren[0]) {
        node = node.namedChildren[0];
        continue;
      } else if (node.type === 'call') {
        // `lambda_props(1024)`: a helper of the app returning props (its one `return`).
        const fn = node.childForFieldName('function');
        const argumentList = node.childForFieldName('arguments');
        const helper = fn && argumentList && this.returns < PY_BUDGET.returns ? this.helperOf(fn, scope) : undefined;
        const returned = helper ? returnOf(helper.def) : undefined;
        if (!helper || !returned || !argumentList) return { node, scope };
        this.returns++;
        scope = this.helperScope(helper, node, argumentList, scope);
        node = returned;
        continue;
      } else if (node.type === 'subscript') {
        // SIZES[stage]: the entry of a dict a static key names.
        const object = node.childForFieldName('value');
        const key = node.childForFieldName('subscript');
        const dict = object ? this.dictOf(object, scope, i + 1) : undefined;
        const keyValue = key ? this.evaluate(key, scope, i + 1) : undefined;
        const entry = dict && keyValue && 'value' in keyValue ? dictEntries(dict.node).find((e) => e.key === keyValue.value) : undefined;
        if (!dict || !entry) return { node, scope };
        node = entry.value;
        scope = dict.scope;
        continue;
      } else return { node, scope };
      if (!binding || !('node' in binding) || 'value' in binding) return undefined;
      node = binding.node;
      scope = binding.scope;
    }
    return undefined;
  }

  private readCall(node: SyntaxNode, scope: Scope): void {
    const fn = node.childForFieldName('function');
    const argumentList = node.childForFieldName('arguments');
    if (!fn || argumentList?.type !== 'argument_list') return;
    const args = positional(argumentList);
    const cls = this.classOf(fn, scope.module);
    if (cls) {
      this.construct(node, fn, cls, args, argumentList, scope);
      return;
    }
    const custom = this.customClassOf(fn, scope.module);
    if (custom && this.isConstruct(custom, 0)) {
      // An imported stack class made once is read in its own file (reading it here too would count it twice).
      if (custom.module.local || !this.isStack(custom, 0) || (this.stackSites.get(custom) ?? 0) > 1) this.instantiate(custom, node, args, argumentList, scope);
      return;
    }
    // `super().__init__(scope, id, memory=memory)` in an instance of a class whose base is a class of the app.
    if (
      scope.cls &&
      fn.type === 'attribute' &&
      fn.childForFieldName('attribute')?.text === '__init__' &&
      /^super\(/.test(fn.childForFieldName('object')?.text ?? '')
    ) {
      const base = this.baseOf(scope.cls);
      if (base && this.isConstruct(base, 0)) this.expandInit(base, argumentList, scope, this.derive(scope, base, node));
      return;
    }
    const helper = this.helperOf(fn, scope);
    if (helper) {
      // A helper that calls itself (directly or not) is not read again inside itself.
      if (scope.depth >= PY_BUDGET.classDepth || this.helpers >= PY_BUDGET.helpers || this.active.has(helper.def.id)) return;
      const body = helper.def.childForFieldName('body');
      if (!body) return;
      this.active.add(helper.def.id);
      try {
        this.readRegion(body, this.helperScope(helper, node, argumentList, scope));
      } finally {
        this.active.delete(helper.def.id);
      }
      return;
    }
    // `fn.add_event_source(...)`, `fn.add_alias("live", provisioned_concurrent_executions=5)`, `db.add_proxy("Proxy", ...)`.
    if (fn.type !== 'attribute') return;
    const object = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text;
    const receiver = object ? this.reference(object, scope) : undefined;
    if (!receiver || !method) return;
    const keywords = keywordSources(argumentList);
    const variable = variableOf(node);
    this.builder.method({
      receiver,
      method: camelCase(method),
      loc: scope.at(node),
      args: args.map((a) => this.arg(a, scope)),
      props: keywords.length > 0 ? new Props(this, keywords, scope) : undefined,
      ...(variable ? { variable: this.assign(variable, scope) } : {}),
    });
  }

  /** A CDK construct call: its id evaluated in scope (prefixed with the instance's path), its props read in scope. */
  private construct(node: SyntaxNode, fn: SyntaxNode, cls: ClassRef, args: SyntaxNode[], argumentList: SyntaxNode, scope: Scope): void {
    if (scope.idPrefix !== '' || scope.varPrefix !== '') {
      if (this.expandedNodes >= PY_BUDGET.nodes) return;
      this.expandedNodes++;
    }
    const idNode = args[1] ?? keywordValue(argumentList, ID_KEYWORDS);
    const views = args.map((a) => this.arg(a, scope));
    if (idNode) {
      const id = this.constructId(idNode, scope);
      const fullId = scope.idPrefix + id.text;
      const notes = [...scope.notes, ...(id.unresolved ? [id.unresolved] : [])];
      // A loop over constants with an id that does not change per element: one node, not one per element.
      if (notes.length > 0) {
        const key = `${node.id}|${fullId}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
      }
      views[0] ??= { loc: scope.at(argumentList) };
      views[1] = { loc: scope.at(idNode), text: fullId };
      const meta: NodeMeta = {
        ...(scope.instance ? { instance: { ...scope.instance, declaredAt: locate(scope.module, fn) } } : {}),
        ...(notes.length > 0 ? { unresolved: notes } : {}),
      };
      if (meta.instance || meta.unresolved) this.meta.set(fullId, meta);
    }
    // `ecs.Ec2TaskDefinition(self, "Task").add_container(...)`: the call itself is the receiver.
    const variable = variableOf(node) ?? (node.parent?.type === 'attribute' ? `#${node.id}` : undefined);
    this.builder.construct({
      cls,
      loc: scope.at(fn),
      args: views,
      props: new Props(this, keywordSources(argumentList), scope),
      ...(variable ? { variable: this.assign(variable, scope) } : {}),
    });
  }

  /** A construct id: its value when static, else its text as written and why. */
  private constructId(node: SyntaxNode, scope: Scope): { text: string; unresolved?: string } {
    const evaluated = this.evaluate(node, scope);
    if ('value' in evaluated && (typeof evaluated.value === 'string' || typeof evaluated.value === 'number')) return { text: String(evaluated.value) };
    const written = node.type === 'string' ? node.text.replace(/^[a-zA-Z]*("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '') : node.text;
    const text = written.length > 200 ? written.slice(0, 197) + '...' : written;
    const reason = 'unresolved' in evaluated ? evaluated.unresolved : `${short(node.text)} is not a string`;
    return { text, unresolved: `the construct id is computed: ${short(written)} (${reason})` };
  }

  /** `OrdersService(self, "Orders", memory=1024)`: the class's `__init__` read as this instance. */
  private instantiate(cls: PyClass, node: SyntaxNode, args: SyntaxNode[], argumentList: SyntaxNode, scope: Scope): void {
    const count = this.perClass.get(cls) ?? 0;
    if (scope.depth >= PY_BUDGET.classDepth || this.expansions >= PY_BUDGET.expansions || count >= PY_BUDGET.instancesPerClass) return;
    this.expansions++;
    this.perClass.set(cls, count + 1);
    const idNode = args[1] ?? keywordValue(argumentList, ID_KEYWORDS);
    const id = idNode ? this.constructId(idNode, scope) : { text: cls.name, unresolved: `${cls.name} is created without an id` };
    const stack = this.isStack(cls, 0);
    const perStage = stack && (this.stackSites.get(cls) ?? 0) > 1;
    const idPrefix = stack ? (perStage ? `${id.text}/` : '') : `${scope.idPrefix}${id.text}/`;
    const path = idPrefix.slice(0, -1);
    const instance = stack && !perStage ? scope.instance : { className: cls.name, id: path, site: scope.at(node) };
    // Values from a class of another file land on the class's name at the site (`WebService` of `WebService(self, ...)`).
    const anchor = scope.anchor ?? (cls.module.local ? undefined : (node.childForFieldName('function') ?? node));
    const inner = new Scope(
      cls.module,
      this.main,
      undefined,
      idPrefix,
      `${scope.varPrefix}${id.text}#${this.expansions}:`,
      anchor,
      instance,
      [...scope.notes, ...(id.unresolved ? [id.unresolved] : [])],
      scope.depth + 1,
      cls,
    );
    this.expandInit(cls, argumentList, scope, inner);
  }

  /** The scope of a base class's `__init__` run by `super().__init__(...)`: the same instance. */
  private derive(scope: Scope, base: PyClass, call: SyntaxNode): Scope {
    const anchor = scope.anchor ?? (base.module.local ? undefined : (call.childForFieldName('function') ?? call));
    return new Scope(base.module, this.main, undefined, scope.idPrefix, scope.varPrefix, anchor, scope.instance, scope.notes, scope.depth + 1, base);
  }

  /** Binds `__init__`'s parameters to the call's arguments and reads its body (a class without one: its base's). */
  private expandInit(cls: PyClass, argumentList: SyntaxNode, caller: Scope, scope: Scope): void {
    if (scope.depth > PY_BUDGET.classDepth) return;
    const init = cls.init;
    if (!init) {
      const base = this.baseOf(cls);
      if (base && this.isConstruct(base, 0)) this.expandInit(base, argumentList, caller, this.derive(scope, base, argumentList.parent ?? argumentList));
      return;
    }
    this.bindCall(init, argumentList, caller, scope, cls.name, 1);
    const body = init.childForFieldName('body');
    if (body) this.readRegion(body, scope);
  }

  /** Binds a function's parameters to a call's arguments (after `skip` of them: `self`), and its local names. */
  private bindCall(fn: SyntaxNode, argumentList: SyntaxNode, caller: Scope, scope: Scope, owner: string, skip: number): void {
    const { keywords, opaque } = this.keywords(keywordSources(argumentList), caller, 0);
    bindArguments(paramsOf(fn).slice(skip), positional(argumentList), keywords, opaque, caller, scope, owner);
    const body = fn.childForFieldName('body');
    if (!body) return;
    for (const { self, name, right } of this.assignmentsIn(body)) {
      if (self) scope.selfAttrs.set(name, { node: right, scope });
      else {
        // `timeout = timeout or Duration.seconds(30)`: the right side sees the name's binding before it.
        const before = scope.child();
        before.names.set(name, scope.names.get(name) ?? { unknown: `${name} is not known statically` });
        scope.names.set(name, { node: right, scope: before });
      }
    }
  }

  /**
   * The names and `self.` attributes assigned directly in a function's body (not in functions or classes inside it):
   * found once per body, however often the function is called (searching the body at each of 200 calls made a file
   * with a long helper take seconds).
   */
  private assignmentsIn(body: SyntaxNode): readonly Assigned[] {
    const known = this.bodyAssignments.get(body.id);
    if (known) return known;
    const found: Assigned[] = [];
    for (const assignment of body.descendantsOfType('assignment')) {
      const left = assignment?.childForFieldName('left');
      const right = assignment?.childForFieldName('right');
      if (!assignment || !left || !right || !directlyIn(assignment, body)) continue;
      if (left.type === 'attribute' && isSelf(left.childForFieldName('object')))
        found.push({ self: true, name: left.childForFieldName('attribute')?.text ?? '', right });
      else if (left.type === 'identifier') found.push({ self: false, name: left.text, right });
    }
    this.bodyAssignments.set(body.id, found);
    return found;
  }

  /** The nodes readNodes looks at under a root, in source order: found once per root (a helper's body is read at each call). */
  private regionNodes(root: SyntaxNode): readonly SyntaxNode[] {
    const known = this.regionsOf.get(root.id);
    if (known) return known;
    const found = root.descendantsOfType(REGION_TYPES).filter((node): node is SyntaxNode => node !== null);
    this.regionsOf.set(root.id, found);
    return found;
  }

  /**
   * A helper of the app called here: a method (`self._add_worker("Resize", 2048)`) or a function of the module
   * (`make_function(self, "Api", memory=1024)`). Its body is read as part of the caller, its parameters bound.
   */
  private helperOf(fn: SyntaxNode, scope: Scope): { def: SyntaxNode; module: PyModule; cls?: PyClass; name: string } | undefined {
    if (fn.type === 'attribute' && isSelf(fn.childForFieldName('object'))) {
      const name = fn.childForFieldName('attribute')?.text ?? '';
      for (let c = scope.cls, i = 0; c && i < PY_BUDGET.classDepth; c = this.baseOf(c), i++) {
        const def = c.methods.get(name);
        if (def && name !== '__init__') return { def, module: c.module, cls: c, name: `${c.name}.${name}` };
      }
      return undefined;
    }
    if (fn.type !== 'identifier' || scope.module.classes.has(fn.text)) return undefined;
    const def = scope.module.functions.get(fn.text);
    return def ? { def, module: scope.module, name: fn.text } : undefined;
  }

  /** The frame a helper's body is read in, its parameters bound to the call's arguments. */
  private helperScope(helper: NonNullable<ReturnType<PythonAppReader['helperOf']>>, call: SyntaxNode, argumentList: SyntaxNode, caller: Scope): Scope {
    const anchor = caller.anchor ?? (helper.module.local ? undefined : (call.childForFieldName('function') ?? call));
    const scope = new Scope(
      helper.module,
      this.main,
      undefined,
      caller.idPrefix,
      `${caller.varPrefix}h${++this.helpers}:`,
      anchor,
      caller.instance,
      caller.notes,
      caller.depth + 1,
      helper.cls ?? caller.cls,
      helper.cls ? caller : undefined,
    );
    this.bindCall(helper.def, argumentList, caller, scope, helper.name, helper.cls ? 1 : 0);
    return scope;
  }

  /** A variable's key in scope: `self.x` belongs to the instance, other names to the loop iteration or instance. */
  private assign(variable: string, scope: Scope): string {
    const key = (variable.startsWith('@') ? selfPrefix(scope) : scope.varPrefix) + variable;
    this.assigned.add(key);
    return key;
  }

  /** A variable reference in scope: a construct assigned here, or what a parameter / loop variable stands for. */
  reference(node: SyntaxNode, scope: Scope, depth = 0): Reference | undefined {
    // A construct call used as a receiver (read after the method call that contains it; resolved when the file is done).
    if (node.type === 'call') return { key: `${scope.varPrefix}#${node.id}`, members: [] };
    const reference = referenceOf(node);
    if (!reference || depth > 16) return reference;
    if (reference.key.startsWith('@')) {
      const key = selfPrefix(scope) + reference.key;
      if (this.assigned.has(key)) return { key, members: reference.members };
      const binding = scope.selfAttr(reference.key.slice(1));
      if (binding && 'node' in binding && !('value' in binding)) {
        const inner = this.reference(binding.node, binding.scope, depth + 1);
        if (inner) return { key: inner.key, members: [...inner.members, ...reference.members] };
      }
      return { key, members: reference.members };
    }
    for (let s: Scope | undefined = scope, i = 0; s && i < 64; s = s.parent, i++) {
      if (this.assigned.has(s.varPrefix + reference.key)) return { key: s.varPrefix + reference.key, members: reference.members };
    }
    const binding = scope.lookup(reference.key);
    if (binding && 'node' in binding && !('value' in binding)) {
      const inner = this.reference(binding.node, binding.scope, depth + 1);
      if (inner) return { key: inner.key, members: [...inner.members, ...reference.members] };
    }
    return { key: scope.varPrefix + reference.key, members: reference.members };
  }

  /** Attaches each instance and what is not known to the nodes its constructs made (`Web/TaskDef` belongs to `Web`). */
  private annotate(nodes: Iterable<ModelNode>): void {
    if (this.meta.size === 0) return;
    for (const node of nodes) {
      let id = node.id;
      let meta = this.meta.get(id);
      for (let i = 0; !meta && i < 16; i++) {
        const cut = id.lastIndexOf('/');
        if (cut <= 0) break;
        id = id.slice(0, cut);
        meta = this.meta.get(id);
      }
      if (meta?.instance) node.instance = meta.instance;
      if (meta?.unresolved) node.unresolved = [...meta.unresolved];
    }
  }

  /** `_lambda.Function`, `Function`, `cdk.aws_lambda.Function`, `aws_cdk.aws_lambda.Function` -> its class. */
  classOf(node: SyntaxNode, module: PyModule): ClassRef | undefined {
    if (node.type === 'identifier') return module.named.get(node.text);
    if (node.type !== 'attribute') return undefined;
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('attribute')?.text;
    if (!object || !name) return undefined;
    const dotted = dottedName(object);
    if (dotted === undefined) return undefined;
    const cdk = module.namespaces.get(dotted);
    if (cdk !== undefined) return { module: cdk, name };
    const split = dotted.lastIndexOf('.');
    if (split > 0 && module.namespaces.get(dotted.slice(0, split)) === 'core' && /^aws_/.test(dotted.slice(split + 1)))
      return { module: dotted.slice(split + 1).replace(/_/g, '-'), name };
    return undefined;
  }

  /** The CDK class an expression names; in a module whose imports do not say, by its last name. */
  private className(node: SyntaxNode, scope: Scope): string | undefined {
    const cls = this.classOf(node, scope.module);
    if (cls) return cls.name;
    if (scope.module.local) return undefined;
    if (node.type === 'identifier') return node.text;
    return node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  }

  /** `nested`: an argument of a call inside an argument: its own calls are not read (`X = f(X)` must not loop). */
  arg(node: SyntaxNode, scope: Scope, nested = false): ArgView {
    const reference = this.reference(node, scope);
    // Text for ids and names: literals, f-strings, concatenations, and names that stand for them (not constructs).
    const target = node.type === 'identifier' || node.type === 'subscript' ? this.resolveNode(node, scope, 0) : { node, scope };
    const evaluated = target && TEXT_TYPES.has(target.node.type) ? this.evaluate(node, scope) : undefined;
    const text = evaluated && 'value' in evaluated && typeof evaluated.value === 'string' ? evaluated.value : undefined;
    const call = nested ? undefined : this.callOf(node, scope);
    return { loc: scope.at(node), ...(reference ? { reference } : {}), ...(text !== undefined ? { text } : {}), ...(call ? { call } : {}) };
  }

  /** A class call `X(...)`, a static call `X.y(...)` or a static member `X.Y` (through constants and bindings). */
  callOf(node: SyntaxNode, scope: Scope, depth = 0): CallView | undefined {
    if (depth > 8) return undefined;
    if (node.type === 'identifier' || (node.type === 'attribute' && isSelf(node.childForFieldName('object')))) {
      const target = this.resolveNode(node, scope, 0);
      return target && target.node.id !== node.id ? this.callOf(target.node, target.scope, depth + 1) : undefined;
    }
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const argumentList = node.childForFieldName('arguments');
      if (!fn) return undefined;
      const args = argumentList ? positional(argumentList).map((a) => this.arg(a, scope, true)) : [];
      const cls = this.classOf(fn, scope.module);
      if (cls) return { cls, loc: scope.at(node), args };
      const member = fn.type === 'attribute' ? this.staticMember(fn, scope) : undefined;
      return member ? { ...member, loc: scope.at(node), args } : undefined;
    }
    if (node.type === 'attribute') {
      const member = this.staticMember(node, scope);
      return member ? { ...member, loc: scope.at(node), args: [] } : undefined;
    }
    return undefined;
  }

  private staticMember(node: SyntaxNode, scope: Scope): { cls: ClassRef; member: string } | undefined {
    const object = node.childForFieldName('object');
    const member = node.childForFieldName('attribute')?.text;
    if (!object || !member) return undefined;
    const cls = this.classOf(object, scope.module) ?? (scope.module.local ? undefined : { module: '', name: this.className(object, scope) ?? '' });
    return cls ? { cls, member } : undefined;
  }

  /** What a binding stands for, and where it was set (the argument of an instantiation, a parameter's default). */
  private evaluateBinding(binding: Binding, depth: number): PyEvaluated {
    if ('unknown' in binding) return { unresolved: binding.unknown };
    if ('keywords' in binding) return { unresolved: 'the keyword arguments are not one value' };
    const from = { at: binding.scope.at(binding.node), inPlace: binding.scope.inPlace, text: binding.node.text };
    if ('value' in binding) return { value: binding.value, from };
    const inner = this.evaluate(binding.node, binding.scope, depth + 1);
    return inner.from ? inner : { ...inner, from };
  }

  /** Evaluates an expression statically, in scope. */
  evaluate(node: SyntaxNode, scope: Scope, depth = 0): PyEvaluated {
    if (depth > 32) return { unresolved: 'too deeply nested' };
    // Every expression of a file evaluated a bounded number of times in all (conditions and arguments are evaluated too).
    if (++this.evaluations > PY_BUDGET.evaluations) return { unresolved: `${short(node.text)} is not evaluated: the file has more than Crossover reads` };
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
      case 'none':
        return { unresolved: NONE };
      case 'boolean_operator': {
        // `props.timeout or Duration.seconds(30)`: the left when it is truthy, else the right.
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        const op = node.childForFieldName('operator')?.text;
        if (!l || !r) break;
        const left = this.evaluate(l, scope, depth + 1);
        const truth = truthy(left);
        if (truth === undefined) return left;
        if (op === 'or') return truth ? left : this.evaluate(r, scope, depth + 1);
        if (op === 'and') return truth ? this.evaluate(r, scope, depth + 1) : left;
        break;
      }
      case 'not_operator': {
        const operand = node.childForFieldName('argument');
        const truth = operand ? truthy(this.evaluate(operand, scope, depth + 1)) : undefined;
        return truth === undefined ? { unresolved: `${short(node.text)} is not known statically` } : { value: !truth };
      }
      case 'comparison_operator': {
        // `stage == "prod"`, `memory != 128`: static operands only.
        const [a, b] = node.namedChildren;
        const op = node.child(1)?.text;
        if (!a || !b || node.namedChildren.length !== 2 || (op !== '==' && op !== '!=')) break;
        const left = this.evaluate(a, scope, depth + 1);
        const right = this.evaluate(b, scope, depth + 1);
        if (!('value' in left) || !('value' in right)) return { unresolved: `${short(node.text)} is not known statically` };
        return { value: (left.value === right.value) === (op === '==') };
      }
      case 'conditional_expression': {
        // `ARM_64 if props.arm else X86_64`.
        const [consequence, condition, alternative] = node.namedChildren;
        if (!consequence || !condition || !alternative) break;
        const truth = truthy(this.evaluate(condition, scope, depth + 1));
        if (truth === undefined) return { unresolved: `${short(node.text)} depends on ${short(condition.text)}, which is not known statically` };
        return this.evaluate(truth ? consequence : alternative, scope, depth + 1);
      }
      case 'string': {
        const value = stringValue(node);
        if (value !== undefined) return { value };
        return this.formatted(node, scope, depth);
      }
      case 'concatenated_string': {
        let text = '';
        for (const part of node.namedChildren) {
          if (!part) continue;
          const inner = this.evaluate(part, scope, depth + 1);
          if ('unresolved' in inner) return inner;
          text += String(inner.value);
        }
        return { value: text, via: node.text };
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? this.evaluate(inner, scope, depth + 1) : { unresolved: 'empty expression' };
      }
      case 'unary_operator': {
        const operand = node.childForFieldName('argument');
        const inner = operand ? this.evaluate(operand, scope, depth + 1) : { unresolved: 'no operand' };
        if (node.childForFieldName('operator')?.text === '-' && 'value' in inner && typeof inner.value === 'number') return { value: -inner.value };
        return inner;
      }
      case 'binary_operator': {
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        if (!l || !r) return { unresolved: `${short(node.text)} is computed` };
        const left = this.evaluate(l, scope, depth + 1);
        const right = this.evaluate(r, scope, depth + 1);
        if ('unresolved' in left) return left;
        if ('unresolved' in right) return right;
        const op = node.childForFieldName('operator')?.text;
        const via = node.text;
        if (typeof left.value === 'number' && typeof right.value === 'number') {
          if (op === '*') return { value: left.value * right.value, via };
          if (op === '+') return { value: left.value + right.value, via };
          if (op === '-') return { value: left.value - right.value, via };
          if (op === '/' && right.value !== 0) return { value: left.value / right.value, via };
          if (op === '//' && right.value !== 0) return { value: Math.floor(left.value / right.value), via };
        }
        // "orders-" + STAGE: string concatenation.
        if (op === '+' && typeof left.value === 'string' && typeof right.value === 'string') return { value: left.value + right.value, via };
        return { unresolved: `${short(node.text)} is computed` };
      }
      case 'identifier': {
        const binding = scope.lookup(node.text);
        if (binding) return this.evaluateBinding(binding, depth);
        const constant = scope.module.consts.get(node.text);
        if (!constant) return { unresolved: `${node.text} is not a constant of this file` };
        // `args = parse(args)`: a name whose value refers to itself is not a constant.
        if (this.evaluating.has(constant.node.id)) return { unresolved: `${node.text} refers to itself` };
        // Read on its own (no instance, helper or loop), a constant has one value: evaluated once.
        const flat = scope.varPrefix === '' && scope.idPrefix === '' && scope.anchor === undefined;
        const memo = flat ? this.constants.get(constant.node.id) : undefined;
        let inner: PyEvaluated;
        if (memo) inner = memo;
        else {
          this.evaluating.add(constant.node.id);
          try {
            inner = this.evaluate(constant.node, constant.module === scope.module ? scope : this.rootScope(constant.module), depth + 1);
          } finally {
            this.evaluating.delete(constant.node.id);
          }
          if (flat) this.constants.set(constant.node.id, inner);
        }
        return 'value' in inner ? { value: inner.value, via: inner.via ?? node.text, ...(inner.from ? { from: inner.from } : {}) } : inner;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        const member = node.childForFieldName('attribute')?.text;
        if (!object || !member) break;
        // self.memory (set in __init__), props.memory (a props object or dict given to the instance), cfg.memory (a loop's element).
        if (isSelf(object)) {
          const binding = scope.selfAttr(member);
          if (binding) return this.evaluateBinding(binding, depth);
        } else {
          const found = this.memberOf(object, member, scope, depth);
          if (found) return found;
        }
        // _lambda.Runtime.PYTHON_3_12, Architecture.ARM_64.
        const value = memberValue(this.className(object, scope), member);
        return value !== undefined ? { value, via: node.text } : { unresolved: `${short(node.text)} is not known statically` };
      }
      case 'subscript': {
        // SIZES["worker"], cfg["memory"], kwargs["memory"]: a key of a dict.
        const value = node.childForFieldName('value');
        const key = node.childForFieldName('subscript');
        const keyValue = key ? this.evaluate(key, scope, depth + 1) : undefined;
        const keyText = keyValue && 'value' in keyValue ? keyValue.value : undefined;
        if (value && typeof keyText === 'string') {
          const found = this.keyOf(value, keyText, scope, depth);
          if (found) return 'value' in found ? { ...found, via: found.via ?? node.text } : found;
        }
        if (value && typeof keyText === 'number') {
          // CONFIGS[0]: an element of a list.
          const list = this.resolveNode(value, scope, depth + 1);
          const items = list && (list.node.type === 'list' || list.node.type === 'tuple') ? list.node.namedChildren.filter((c) => c?.type !== 'comment') : [];
          const item = items[keyText];
          if (list && item) return this.evaluate(item, list.scope, depth + 1);
        }
        // cfg["name"] where cfg is a parameter or loop variable that is not known: say why.
        const unknown = value?.type === 'identifier' ? scope.lookup(value.text) : undefined;
        if (unknown && 'unknown' in unknown) return { unresolved: unknown.unknown };
        return { unresolved: `${short(node.text)} is not known statically` };
      }
      case 'call': {
        // memory_for("api"): what a helper of the app returns.
        const callee = node.childForFieldName('function');
        const returned = callee?.type === 'identifier' || isSelf(callee?.childForFieldName('object')) ? this.resolveNode(node, scope, depth + 1) : undefined;
        if (returned && returned.node.id !== node.id) return this.evaluate(returned.node, returned.scope, depth + 1);
        // Duration.minutes(5) -> "300 s"; Size.gibibytes(2) -> "2048 MiB".
        const fn = node.childForFieldName('function');
        const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter(
          (c): c is SyntaxNode => c !== null && c.type !== 'keyword_argument' && c.type !== 'comment',
        );
        const first = args[0];
        if (fn?.type === 'attribute') {
          const owner = fn.childForFieldName('object');
          const method = fn.childForFieldName('attribute')?.text ?? '';
          // props.get("memory", 512), kwargs.get("memory"), cfg.get("memory", 512).
          if (method === 'get' && owner && first) {
            const key = this.evaluate(first, scope, depth + 1);
            if ('value' in key && typeof key.value === 'string') {
              const found = this.keyOf(owner, key.value, scope, depth);
              if (found) return found;
              if (this.dictOf(owner, scope, depth + 1) || this.keywordsOf(owner, scope))
                return args[1] ? this.evaluate(args[1], scope, depth + 1) : { unresolved: NONE };
            }
          }
        }
        // timeout.to_seconds(): a duration read back as a number.
        if (fn?.type === 'attribute' && !first && /^to_(seconds|minutes)$/.test(fn.childForFieldName('attribute')?.text ?? '')) {
          const owner = fn.childForFieldName('object');
          const inner = owner ? this.evaluate(owner, scope, depth + 1) : undefined;
          const seconds =
            inner && 'value' in inner && typeof inner.value === 'string' && / s$/.test(inner.value) ? Number(inner.value.slice(0, -2)) : undefined;
          if (seconds !== undefined) return { value: fn.childForFieldName('attribute')?.text === 'to_minutes' ? seconds / 60 : seconds, via: node.text };
          if (inner && 'unresolved' in inner) return inner;
        }
        if (fn?.type === 'identifier' && fn.text === 'str' && first && args.length === 1) {
          const inner = this.evaluate(first, scope, depth + 1);
          return 'value' in inner ? { ...inner, value: String(inner.value), via: node.text } : inner;
        }
        if (fn?.type === 'attribute' && first) {
          const owner = fn.childForFieldName('object');
          const method = fn.childForFieldName('attribute')?.text ?? '';
          const arg = this.evaluate(first, scope, depth + 1);
          const ownerName = owner ? this.className(owner, scope) : undefined;
          const value = owner && 'value' in arg && typeof arg.value === 'number' ? unitValue(ownerName, method, arg.value) : undefined;
          if (value !== undefined) return { value, via: node.text, ...(arg.from ? { from: arg.from } : {}) };
          // ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE), eks.KubernetesVersion.of("1.33").
          const called = callValue(
            ownerName,
            method,
            args.slice(0, 2).map((a) => this.evaluate(a, scope, depth + 1)),
          );
          if (called) return 'value' in called ? { value: called.value, via: node.text } : called;
        }
        if (fn && first) {
          // ec2.InstanceType("m7g.large").
          const called = callValue(this.className(fn, scope), undefined, [this.evaluate(first, scope, depth + 1)]);
          if (called) return 'value' in called ? { value: called.value, via: node.text } : called;
        }
        break;
      }
    }
    return { unresolved: `${short(node.text)} is computed by code, which Crossover never runs` };
  }

  /** An f-string whose parts are all static (`f"{stage}-orders"`); else why not. */
  private formatted(node: SyntaxNode, scope: Scope, depth: number): PyEvaluated {
    const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
    if (!/[fF]/.test(start) || /[bB]/.test(start)) return { unresolved: `${short(node.text)} is computed` };
    let text = '';
    for (const part of node.namedChildren) {
      if (!part || part.type === 'string_start' || part.type === 'string_end') continue;
      if (part.type === 'string_content') text += part.text;
      else if (part.type === 'escape_sequence') text += unescape(part.text);
      else if (part.type === 'interpolation') {
        const expression = part.childForFieldName('expression');
        if (!expression || part.namedChildren.some((c) => c?.type === 'format_specifier' || c?.type === 'type_conversion'))
          return { unresolved: `${short(part.text)} is formatted by code` };
        const inner = this.evaluate(expression, scope, depth + 1);
        if ('unresolved' in inner) return inner;
        text += String(inner.value);
      } else return { unresolved: `${short(node.text)} is computed` };
    }
    return { value: text, via: node.text };
  }

  /** `props.memory` where `props` is a props call (`OrdersProps(memory=1024)`, a dataclass with defaults) given here. */
  private memberOf(object: SyntaxNode, member: string, scope: Scope, depth: number): PyEvaluated | undefined {
    if (object.type !== 'identifier' && object.type !== 'attribute') return undefined;
    const target = this.resolveNode(object, scope, depth + 1);
    if (!target || target.node.id === object.id) {
      // An unknown parameter: say so rather than "not known statically".
      const binding = object.type === 'identifier' ? scope.lookup(object.text) : undefined;
      return binding && 'unknown' in binding ? { unresolved: binding.unknown } : undefined;
    }
    const value = target.node;
    if (value.type !== 'call' || value.childForFieldName('function')?.text === 'dict') return undefined;
    const argumentList = value.childForFieldName('arguments');
    const given = argumentList ? keywordValue(argumentList, [member]) : undefined;
    if (given) return this.evaluateBinding({ node: given, scope: target.scope }, depth + 1);
    // A props class of the app (a dataclass): its field's default.
    const fn = value.childForFieldName('function');
    const cls = fn ? this.customClassOf(fn, target.scope.module) : undefined;
    if (!cls) return undefined;
    for (const statement of cls.node.childForFieldName('body')?.namedChildren ?? []) {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      const right =
        assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === member ? assignment.childForFieldName('right') : undefined;
      if (right) return this.evaluateBinding({ node: right, scope: this.rootScope(cls.module) }, depth + 1);
    }
    return { unresolved: `${member} is not given to ${cls.name} and has no default` };
  }

  /** `cfg["memory"]`, `kwargs["memory"]`: the key's value in the dict (or keyword arguments) an expression stands for. */
  private keyOf(node: SyntaxNode, key: string, scope: Scope, depth: number): PyEvaluated | undefined {
    const dict = this.dictOf(node, scope, depth + 1);
    if (dict) {
      const entry = dictEntries(dict.node).find((e) => e.key === key);
      return entry ? this.evaluateBinding({ node: entry.value, scope: dict.scope }, depth + 1) : undefined;
    }
    const found = this.keywordsOf(node, scope)?.find((k) => k.name === key);
    if (found) return this.evaluateBinding({ node: found.value, scope: found.scope }, depth + 1);
    return undefined;
  }

  /** The call (or list) a name stands for: `options = ApplicationLoadBalancedTaskImageOptions(...)`. */
  callNode(node: SyntaxNode, scope: Scope, type = 'call'): { node: SyntaxNode; scope: Scope } | undefined {
    const target = this.resolveNode(node, scope, 0);
    return target && target.node.type === type && target.node.id !== node.id ? target : undefined;
  }

  /** `kwargs` bound to the keyword arguments of an instantiation. */
  keywordsOf(node: SyntaxNode, scope: Scope): Keyword[] | undefined {
    const binding = node.type === 'identifier' ? scope.lookup(node.text) : undefined;
    return binding && 'keywords' in binding ? binding.keywords : undefined;
  }

  /** Keyword arguments with `**kwargs` and `**{...}` spreads flattened; spreads not known statically apart. */
  private keywords(sources: SyntaxNode[], scope: Scope, depth: number): { keywords: Keyword[]; opaque: SyntaxNode[] } {
    const keywords: Keyword[] = [];
    const opaque: SyntaxNode[] = [];
    for (const source of sources) {
      if (source.type === 'keyword_argument' || source.type === 'pair') {
        const name = source.childForFieldName(source.type === 'pair' ? 'key' : 'name');
        const value = source.childForFieldName('value');
        const key = name ? (source.type === 'pair' ? stringValue(name) : name.text) : undefined;
        if (value && key !== undefined) keywords.push({ name: key, source, value, scope });
        continue;
      }
      const inner = source.namedChildren[0];
      const passed = inner ? this.keywordsOf(inner, scope) : undefined;
      const dict = inner && !passed && depth < 8 ? this.dictOf(inner, scope) : undefined;
      if (passed) keywords.push(...passed);
      else if (dict) {
        const spread = this.keywords(dictSources(dict.node), dict.scope, depth + 1);
        keywords.push(...spread.keywords);
        opaque.push(...spread.opaque);
      } else opaque.push(source);
    }
    return { keywords, opaque };
  }

  /** The dict literal (or `dict(...)` call) an expression stands for, through constants and bindings. */
  dictOf(node: SyntaxNode, scope: Scope, depth = 0): { node: SyntaxNode; scope: Scope } | undefined {
    const target = this.resolveNode(node, scope, depth);
    if (!target) return undefined;
    if (target.node.type === 'dictionary') return target;
    if (target.node.type === 'call' && target.node.childForFieldName('function')?.text === 'dict') return target;
    return undefined;
  }
}

/** What `None` evaluates to (falsy in `or`, a condition, a `.get()`; else not a value). */
const NONE = 'the value is None';

/** A value's truth as Python sees it; undefined when it is not known. */
function truthy(evaluated: PyEvaluated): boolean | undefined {
  if ('unresolved' in evaluated) return evaluated.unresolved === NONE ? false : undefined;
  return Boolean(evaluated.value);
}

const isSelf = (node: SyntaxNode | null | undefined) => node?.type === 'identifier' && node.text === 'self';

/** The value a function returns when its body ends with its only `return <value>`. */
function returnOf(fn: SyntaxNode): SyntaxNode | undefined {
  const statements = fn.childForFieldName('body')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  if (last?.type !== 'return_statement' || statements.some((s) => s !== last && s.type === 'return_statement')) return undefined;
  return last.namedChildren[0] ?? undefined;
}

/** The prefix of `self.x` variables: the instance's (a method's frame shares its caller's). */
function selfPrefix(scope: Scope): string {
  let top = frameTop(scope);
  for (let i = 0; top.selfFrom && i < 64; i++) top = frameTop(top.selfFrom);
  return top.varPrefix;
}

/** The scope at the top of a frame (an instance's `__init__`, or the file). */
function frameTop(scope: Scope): Scope {
  let top = scope;
  for (let i = 0; top.parent && i < 64; i++) top = top.parent;
  return top;
}

/** True when a node is in this function body itself, not in a function or class nested in it. */
function directlyIn(node: SyntaxNode, body: SyntaxNode): boolean {
  let e: SyntaxNode | null = node.parent;
  for (let i = 0; e && i < 64; i++, e = e.parent) {
    if (e.id === body.id) return true;
    if (e.type === 'function_definition' || e.type === 'class_definition' || e.type === 'lambda') return false;
  }
  return false;
}

/** True when a call is inside a loop (a stack made in a loop is made several times). */
function inLoop(node: SyntaxNode): boolean {
  let e: SyntaxNode | null = node.parent;
  for (let i = 0; e && i < 32; i++, e = e.parent) {
    if (LOOP_TYPES.has(e.type)) return true;
    if (e.type === 'function_definition' || e.type === 'class_definition') return false;
  }
  return false;
}

/** The value of the first keyword argument with one of these names. */
function keywordValue(argumentList: SyntaxNode, names: string[]): SyntaxNode | undefined {
  for (const argument of argumentList.namedChildren) {
    if (argument?.type === 'keyword_argument' && names.includes(argument.childForFieldName('name')?.text ?? ''))
      return argument.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** Binds a function's parameters (`self` left out) to a call's arguments (keyword arguments flattened by the reader). */
function bindArguments(params: Param[], args: SyntaxNode[], keywords: Keyword[], opaque: SyntaxNode[], caller: Scope, scope: Scope, className: string): void {
  const used = new Set<Keyword>();
  let next = 0;
  for (const param of params) {
    if (param.kind === 'args') {
      scope.names.set(param.name, { unknown: `*${param.name} is not read` });
      next = args.length;
      continue;
    }
    if (param.kind === 'kwargs') continue;
    if (param.kind === 'positional' && next < args.length) {
      scope.names.set(param.name, { node: args[next++]!, scope: caller });
      continue;
    }
    const keyword = keywords.find((k) => k.name === param.name);
    if (keyword) {
      used.add(keyword);
      scope.names.set(param.name, { node: keyword.value, scope: keyword.scope });
    } else if (opaque.length > 0)
      scope.names.set(param.name, { unknown: `${param.name} may come from ${short(opaque[0]!.text)}, which is not known statically` });
    else if (param.default) scope.names.set(param.name, { node: param.default, scope });
    else scope.names.set(param.name, { unknown: `${param.name} is not given where ${className} is created` });
  }
  const kwargs = params.find((p) => p.kind === 'kwargs');
  if (kwargs) scope.names.set(kwargs.name, { keywords: keywords.filter((k) => !used.has(k)) });
}

/** Binds a loop's target (`cfg`, `name, cfg`, `(name, cfg)`) to one element. */
function bindPattern(left: SyntaxNode, element: Element, scope: Scope, depth = 0): void {
  if (depth > 8) return;
  if (left.type === 'identifier') {
    scope.names.set(left.text, Array.isArray(element) ? { unknown: `${left.text} is a tuple` } : element);
    return;
  }
  const names = left.namedChildren.filter((c): c is SyntaxNode => c !== null);
  let parts: Binding[] | undefined = Array.isArray(element) ? element : undefined;
  if (!parts && !Array.isArray(element) && 'node' in element && !('value' in element) && (element.node.type === 'tuple' || element.node.type === 'list')) {
    const where = element.scope;
    parts = element.node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment').map((c) => ({ node: c, scope: where }));
  }
  names.forEach((name, i) => {
    const part = parts?.[i];
    if (name.type === 'identifier') scope.names.set(name.text, part ?? { unknown: `${name.text} is not known statically` });
    else if (part) bindPattern(name, part, scope, depth + 1);
  });
}

function patternNames(left: SyntaxNode, depth = 0): string[] {
  if (left.type === 'identifier') return [left.text];
  return depth > 8 ? [] : left.namedChildren.flatMap((c) => (c ? patternNames(c, depth + 1) : []));
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

/** The children of a dict literal or `dict(...)` call that become props (pairs, keyword arguments, `**` splats). */
function dictSources(node: SyntaxNode): SyntaxNode[] {
  const children = node.type === 'dictionary' ? node.namedChildren : (node.childForFieldName('arguments')?.namedChildren ?? []);
  return children.filter((c): c is SyntaxNode => c !== null);
}

interface PropEntry {
  name: SyntaxNode;
  value: SyntaxNode;
  /** Where the entry is written (an instantiation's keyword arguments are in the caller's scope). */
  scope: Scope;
  /** Where an entry from a dict of another file lands: the `**` that spreads it. */
  anchor?: SourceLocation;
}

/** Props from keyword arguments (and `**` splats of dicts and of `**kwargs`), looked up by their TypeScript name. */
class Props implements PropsView {
  private readonly entries = new Map<string, PropEntry>();

  constructor(
    private readonly reader: PythonAppReader,
    sources: PropSource[],
    scope: Scope,
    anchor?: SourceLocation,
  ) {
    this.collect(sources, scope, 0, anchor);
  }

  private collect(sources: PropSource[], scope: Scope, depth: number, anchor?: SourceLocation): void {
    if (depth > 8) return;
    for (const source of sources) {
      if (source.type === 'keyword_argument' || source.type === 'pair') {
        const name = source.childForFieldName(source.type === 'pair' ? 'key' : 'name');
        const value = source.childForFieldName('value');
        const key = name ? (source.type === 'pair' ? stringValue(name) : name.text) : undefined;
        if (name && value && key !== undefined) this.entries.set(key, { name, value, scope, ...(anchor ? { anchor } : {}) });
      } else if (source.type === 'dictionary_splat') {
        const inner = source.namedChildren[0];
        if (!inner) continue;
        // `**kwargs` passed on: the keyword arguments of the instantiation.
        const keywords = this.reader.keywordsOf(inner, scope);
        if (keywords) {
          for (const keyword of keywords) this.collect([keyword.source], keyword.scope, depth + 1, anchor);
          continue;
        }
        const dict = this.reader.dictOf(inner, scope);
        if (!dict) continue;
        // A dict of another file (not an instance's class, which has its own anchor) lands on the `**`.
        const foreign = dict.scope.module !== scope.module && dict.scope.anchor === undefined && !dict.scope.module.local;
        this.collect(dictSources(dict.node), dict.scope, depth + 1, anchor ?? (foreign ? scope.at(source) : undefined));
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
    return entry ? (entry.anchor ?? entry.scope.at(entry.name)) : undefined;
  }

  reference(key: string): Reference | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.reference(entry.value, entry.scope) : undefined;
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
      const reference = node.type === 'identifier' || node.type === 'attribute' ? this.reader.reference(node, entry!.scope) : undefined;
      if (reference) {
        found.push({ reference, loc: entry!.scope.at(node) });
        return;
      }
      for (const child of node.namedChildren) {
        // dict(KEY=value): the value of a keyword argument, not its name.
        const next = child?.type === 'keyword_argument' ? child.childForFieldName('value') : child;
        if (next) visit(next, depth + 1);
      }
    };
    if (entry && !entry.anchor) visit(entry.value, 0);
    return found;
  }

  /** An options call (`VersionOptions(provisioned_concurrent_executions=5)`) or a dict, as props. */
  private propsOf(node: SyntaxNode, scope: Scope, anchor: SourceLocation | undefined): PropsView | undefined {
    if (node.type === 'call' && node.childForFieldName('function')?.text !== 'dict') {
      const args = node.childForFieldName('arguments');
      return args ? new Props(this.reader, keywordSources(args), scope, anchor) : undefined;
    }
    const dict = this.reader.dictOf(node, scope);
    if (dict) return new Props(this.reader, dictSources(dict.node), dict.scope, anchor);
    // A name for an options call: `options = ecs_patterns.ApplicationLoadBalancedTaskImageOptions(...)`.
    if (node.type === 'identifier') {
      const call = this.reader.callNode(node, scope);
      if (call) return this.propsOf(call.node, call.scope, anchor);
    }
    return undefined;
  }

  nested(key: string): PropsView | undefined {
    const entry = this.entry(key);
    return entry ? this.propsOf(entry.value, entry.scope, entry.anchor) : undefined;
  }

  call(key: string): CallView | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.callOf(entry.value, entry.scope) : undefined;
  }

  /** The list an entry's value is (written there, or a name for one). */
  private listOf(entry: PropEntry): { node: SyntaxNode; scope: Scope } | undefined {
    if (entry.value.type === 'list') return { node: entry.value, scope: entry.scope };
    const call = entry.value.type === 'identifier' ? this.reader.callNode(entry.value, entry.scope, 'list') : undefined;
    return call;
  }

  calls(key: string): CallView[] {
    const entry = this.entry(key);
    const list = entry ? this.listOf(entry) : undefined;
    if (!list) return [];
    return list.node.namedChildren.flatMap((element) => {
      const call = element?.type === 'call' ? this.reader.callOf(element, list.scope) : undefined;
      return call?.cls && call.member === undefined ? [call] : [];
    });
  }

  list(key: string): PropsView[] {
    const entry = this.entry(key);
    const list = entry ? this.listOf(entry) : undefined;
    if (!list) return [];
    return list.node.namedChildren.flatMap((element) => {
      if (!element || element.type === 'comment') return [];
      // `ecs.CapacityProviderStrategy(capacity_provider=..., weight=1)` or a dict.
      const props = this.propsOf(element, list.scope, entry!.anchor);
      return props ? [props] : [];
    });
  }

  fields<T>(key: string, convert: (value: Value) => T | undefined): Field<T>[] {
    const entry = this.entry(key);
    const list = entry ? this.listOf(entry) : undefined;
    if (!entry || !list) return [];
    return list.node.namedChildren
      .filter((c): c is SyntaxNode => c !== null && c.type !== 'comment')
      .map((element) => this.fieldFrom(entry, element, list.scope, convert));
  }

  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T) {
    const entry = this.entry(key);
    if (!entry) return { value: fallback, origin: 'default' as const };
    return this.fieldFrom(entry, entry.value, entry.scope, convert);
  }

  /**
   * A value's field: located where it was set (the argument of an instantiation when it came through a parameter),
   * rewritable only when that is in the analysed file as it is.
   */
  private fieldFrom<T>(entry: PropEntry, value: SyntaxNode, scope: Scope, convert: (value: Value) => T | undefined): Field<T> {
    const evaluated = this.reader.evaluate(value, scope);
    const keyAt = entry.anchor ?? entry.scope.at(entry.name);
    if (entry.anchor) return fieldOf(withVia(evaluated, value.text), convert, entry.anchor, keyAt, value.text, false);
    const from = evaluated.from;
    const inPlace = from ? from.inPlace : scope.inPlace;
    const at = from ? from.at : scope.at(value);
    // Anchored values (from a class of another file) are not rewritten: `via` says where they come from.
    return fieldOf(inPlace ? evaluated : withVia(evaluated, from?.text ?? value.text), convert, at, keyAt, from?.text ?? value.text, inPlace);
  }
}

/** A static value read somewhere else than where it lands: `via` keeps quick fixes from rewriting the anchor. */
function withVia(evaluated: PyEvaluated, text: string): PyEvaluated {
  return 'value' in evaluated && evaluated.via === undefined ? { ...evaluated, via: text } : evaluated;
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
