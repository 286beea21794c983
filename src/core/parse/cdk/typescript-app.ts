/**
 * AWS CDK apps in TypeScript / JavaScript -> model, read statically with the TypeScript compiler API
 * (syntax only: no type check, nothing executed). Construct instantiations (`new lambda.Function(this,
 * 'Id', {...})`) are recognised through the file's imports (aws-cdk-lib v2 and @aws-cdk/* v1, every import
 * style); prop values are evaluated when they are literals, `Duration.*`, `Size.*`, `Runtime.*`,
 * `Architecture.*`, `const`s of the file, spreads of const objects, simple arithmetic, template literals and
 * string concatenation, `??` defaults and conditionals on static values; anything else is unresolved. Construct
 * defaults are applied as CDK applies them. Findings land on the prop, or on the construct call when the prop is
 * absent.
 *
 * Custom construct classes of the app (`class OrdersService extends Construct`, stack classes, classes extending
 * them), of this file or imported from its relative modules: each `new OrdersService(this, 'Orders', {...})` makes
 * one node per construct the class declares (`Orders/Handler`), its constructor's parameters bound to the call's
 * arguments (so `memorySize: props.memory` is the `memory` the call gives, located there). Loops over constant
 * arrays (`for...of`, `forEach`, `map`) make one node per element; helper functions returning props are followed.
 * Everything is bounded: instances per class, nodes per file, nesting of classes, files read.
 *
 * Bundled with the TypeScript compiler apart from the faces (dist/typescript-reader.js) and loaded on demand.
 */
import ts from 'typescript';
import { type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import { type ConstructInstance } from '../../model/nodes.js';
import { emptyModel } from '../../model/template.js';
import { type ModelProblem, type ParsedTemplate } from '../cloudformation/types.js';
import { LineIndex } from '../document/lines.js';
import { type DocumentMemo } from '../document/reuse.js';
import { dirOf, joinRelative, moduleCandidates, uriOf } from './app-paths.js';
import {
  type ArgView,
  type CallView,
  callValue,
  CdkModelBuilder,
  cdkModule,
  CONSTRUCT_METHODS,
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
import { mentionsCdk } from './detect.js';
import { bindName, type Binding, type Frame, Scope } from './typescript-scope.js';
import { isInputLimit } from '../input-limit.js';
import { isRefusal, type FileReader } from '../reference.js';
import { parseSource } from '../typescript/source.js';

/** Reads another source file of the app, relative to this one ('./config' -> its text), a refusal, or undefined. */
type SourceReader = FileReader;

/** Budgets: every expansion is bounded, whatever the input. */
export const CDK_TS_LIMITS = {
  /** Other files of the app read for one analysed file. */
  files: 20,
  /** Imports followed from the analysed file (its imports' imports are depth 2). */
  importDepth: 4,
  /** Instances expanded per custom class. */
  instancesPerClass: 50,
  /** Construct nodes per analysed file. */
  nodes: 1000,
  /** Custom classes nested inside each other. */
  classNesting: 8,
  /** Elements of one constant array a loop is expanded over. */
  loopElements: 200,
  /** Helper functions called inside helper functions. */
  helperDepth: 2,
};

export function readCdkTypeScript(
  uri: string,
  text: string,
  readFile?: SourceReader,
  memo?: Pick<DocumentMemo, 'reader' | 'counts'>,
): ParsedTemplate | undefined {
  if (!mentionsCdk(text)) return undefined;
  // Code nested too deeply to parse throws InputLimitError: the engine reports it where it happens.
  const source = parseSource(uri, text, /\.(js|cjs|mjs)$/i.test(uri) ? ts.ScriptKind.JS : ts.ScriptKind.TS, memo);
  return new AppReader(uri, text, source, readFile).read();
}

/** Core classes whose constructs' ids start below them. */
const STACK_LIKE = new Set(['App', 'Stage', 'Stack', 'NestedStack']);

type Eval = Evaluated & { absent?: boolean; from?: ts.Expression };

/** An object literal an expression stands for, the scope its values are read in, and whether it was given at a call site. */
interface Located {
  object: ts.ObjectLiteralExpression;
  scope: Scope;
  /** The literal is written at a call site (an argument, a loop element): its values are set there. */
  crossed: boolean;
  /** The call-site expression it came through when that is not the literal itself (`CONFIG` in `{ cfg: CONFIG }`). */
  site?: ts.Expression;
}

/** One source file of the app: its imports, consts, classes and helper functions. */
class FileContext {
  readonly namespaces = new Map<string, string>();
  readonly named = new Map<string, ClassRef>();
  readonly consts = new Map<string, ts.Expression>();
  /** Custom classes (declared here or imported), by local name. */
  readonly classes = new Map<string, ts.ClassLikeDeclaration>();
  /** Helper functions (declarations and consts holding arrow functions), by local name. */
  readonly functions = new Map<string, ts.FunctionLikeDeclaration>();
  /** What the file exports, by exported name (for the files that import it). */
  readonly exports = new Map<string, ts.Node>();
  readonly lines: LineIndex;

  constructor(
    readonly uri: string,
    /** The file's path relative to the analysed file ('' for the analysed file). */
    readonly path: string,
    readonly source: ts.SourceFile,
    text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  loc(node: ts.Node): SourceLocation {
    return { uri: this.uri, range: this.lines.range(node.getStart(this.source), node.end), path: [] };
  }
}

class AppReader {
  private readonly builder: CdkModelBuilder;
  /** Imports of files the host refused to read (outside the workspace), budgets reached: findings, not silence. */
  private readonly problems: ModelProblem[] = [];
  private readonly main: FileContext;
  private readonly files = new Map<ts.SourceFile, FileContext>();
  /** Other files by path: their context, or null when unreadable. */
  private readonly byPath = new Map<string, FileContext | null>();
  private readonly root = Scope.root();
  /** Classes of the analysed file that some code of the file instantiates (read through their instances, not on their own). */
  private readonly instantiated = new Set<ts.ClassLikeDeclaration>();
  /** Stack classes the file creates once: that stack is the one its constructs' ids are below. */
  private readonly singleStacks = new Set<ts.ClassLikeDeclaration>();
  /** Variable key -> the construct path of the construct it holds (the scope of the constructs created in it). */
  private readonly paths = new Map<string, readonly string[]>();
  /** Functions of the file that create constructs and are called: read at each call. */
  private readonly factories = new Set<ts.Node>();
  private readonly factoryCounts = new Map<ts.Node, number>();
  private readonly instanceCounts = new Map<ts.ClassLikeDeclaration, number>();
  private nodeCount = 0;
  private readonly reported = new Set<string>();

  constructor(
    uri: string,
    text: string,
    source: ts.SourceFile,
    private readonly readFile?: SourceReader,
  ) {
    this.builder = new CdkModelBuilder(uri, () => readAppContext(readFile, 'typescript'));
    this.main = new FileContext(uri, '', source, text);
    this.files.set(source, this.main);
  }

  read(): ParsedTemplate | undefined {
    const cdk = this.index(this.main, 0);
    if (!cdk) return undefined;
    // Classes created with `new` outside their own body are read through their instances; functions of the file that
    // create constructs and that the file calls are read where they are called. One pass over the file for both.
    const sites = new Map<ts.ClassLikeDeclaration, ts.NewExpression[]>();
    const creates = new Map<ts.FunctionLikeDeclaration, boolean>();
    eachNode(this.main.source, (node) => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const cls = this.main.classes.get(node.expression.text);
        if (!cls || isInside(node, cls)) return;
        const found = sites.get(cls);
        if (found) found.push(node);
        else sites.set(cls, [node]);
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const fn = this.main.functions.get(node.expression.text);
        if (!fn?.body || isInside(node, fn)) return;
        // Each function's body is searched once, however often the file calls it.
        let makes = creates.get(fn);
        if (makes === undefined) creates.set(fn, (makes = createsConstructs(fn)));
        if (makes) this.factories.add(fn);
      }
    });
    for (const [cls, found] of sites) {
      this.instantiated.add(cls);
      // A stack class created once is the stack: its constructs' ids are paths below it, as for a stack read on its own.
      if (found.length === 1 && !inLoop(found[0]!) && this.isStack(cls)) this.singleStacks.add(cls);
    }
    this.walk(this.main.source.statements, this.root);
    const parsed = this.builder.finish();
    // An app whose constructs could not be read (a refused import of its construct library) still says why.
    if (!parsed) return this.problems.length > 0 ? { model: emptyModel(this.main.uri, 'cdk'), problems: this.problems } : undefined;
    return { ...parsed, problems: [...parsed.problems, ...this.problems] };
  }

  /** Reads a file's imports and declarations; true when it imports CDK modules. */
  private index(file: FileContext, depth: number): boolean {
    for (const statement of file.source.statements) {
      if (ts.isImportDeclaration(statement)) this.readImport(file, statement, depth);
      else if (ts.isExportDeclaration(statement)) this.readExport(file, statement, depth);
    }
    const cdk = file.namespaces.size > 0 || file.named.size > 0;
    eachNode(file.source, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        file.consts.set(node.name.text, node.initializer);
        const init = unwrap(node.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) file.functions.set(node.name.text, init);
      } else if (ts.isFunctionDeclaration(node) && node.name && node.body) file.functions.set(node.name.text, node);
      else if (ts.isClassDeclaration(node) && node.name && node.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword))
        file.classes.set(node.name.text, node);
    });
    for (const statement of file.source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      const isDefault = exported && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (ts.isVariableStatement(statement) && exported) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) file.exports.set(d.name.text, d);
      } else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name && exported) {
        file.exports.set(isDefault ? 'default' : statement.name.text, statement);
      } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          const local = (element.propertyName ?? element.name).text;
          const target = file.classes.get(local) ?? file.functions.get(local) ?? declarationOf(file, local);
          if (target) file.exports.set(element.name.text, target);
        }
      }
    }
    return cdk;
  }

  private readImport(file: FileContext, statement: ts.ImportDeclaration, depth: number): void {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
    const specifier = statement.moduleSpecifier.text;
    if (specifier.startsWith('.')) {
      // `import { SIZES } from './config'`, `import { OrdersService } from '../lib/orders'`: another file of the app.
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (!clause || (!clause.name && !(bindings && ts.isNamedImports(bindings)))) return;
      const other = this.load(joinRelative(dirOf(file.path), specifier), depth + 1, file === this.main ? statement.moduleSpecifier : undefined, specifier);
      if (!other) return;
      if (clause.name) this.importName(file, clause.name.text, other.exports.get('default'));
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) this.importName(file, element.name.text, other.exports.get((element.propertyName ?? element.name).text));
      return;
    }
    // `Construct` of the constructs library: a plain construct that groups others (`new Construct(this, 'Api')`).
    const module = specifier === 'constructs' ? 'constructs' : cdkModule(specifier);
    if (module === undefined) return;
    const clause = statement.importClause;
    if (!clause) return;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) file.namespaces.set(bindings.name.text, module);
    if (clause.name) file.namespaces.set(clause.name.text, module);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        // `import { aws_lambda as lambda } from 'aws-cdk-lib'` names a module; `{ Duration }` a class.
        if (module === 'core' && /^aws_/.test(imported)) file.namespaces.set(element.name.text, imported.replace(/_/g, '-'));
        else file.named.set(element.name.text, { module, name: imported });
      }
    }
  }

  /** `export { OrdersService } from './orders'`, `export * from './orders'` (index files that gather a library). */
  private readExport(file: FileContext, statement: ts.ExportDeclaration, depth: number): void {
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) return;
    if (file === this.main) return;
    const other = this.load(joinRelative(dirOf(file.path), statement.moduleSpecifier.text), depth + 1, undefined, statement.moduleSpecifier.text);
    if (!other) return;
    const clause = statement.exportClause;
    if (!clause) for (const [name, node] of other.exports) if (name !== 'default' && !file.exports.has(name)) file.exports.set(name, node);
    if (clause && ts.isNamedExports(clause))
      for (const element of clause.elements) {
        const node = other.exports.get((element.propertyName ?? element.name).text);
        if (node) file.exports.set(element.name.text, node);
      }
  }

  private importName(file: FileContext, local: string, node: ts.Node | undefined): void {
    if (!node) return;
    if (ts.isClassDeclaration(node)) file.classes.set(local, node);
    else if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) file.functions.set(local, node);
    else if (ts.isVariableDeclaration(node) && node.initializer) {
      file.consts.set(local, node.initializer);
      const init = unwrap(node.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) file.functions.set(local, init);
    }
  }

  /** Another file of the app, parsed and indexed (within the budgets); `reportAt`: the analysed file's import that asked for it. */
  private load(path: string, depth: number, reportAt: ts.Node | undefined, specifier: string): FileContext | undefined {
    const known = this.byPath.get(path);
    if (known !== undefined) return known ?? undefined;
    if (!this.readFile || depth > CDK_TS_LIMITS.importDepth) return undefined;
    if (this.byPath.size >= CDK_TS_LIMITS.files) {
      if (reportAt) this.problem(reportAt, `${specifier} is not read: the app's other files read for this one reached ${CDK_TS_LIMITS.files}.`);
      return undefined;
    }
    this.byPath.set(path, null);
    let refused: string | undefined;
    for (const candidate of moduleCandidates(path)) {
      const text = this.readFile(candidate);
      if (isRefusal(text)) refused ??= text.refused;
      if (typeof text !== 'string') continue;
      let source: ts.SourceFile;
      try {
        source = parseSource(candidate, text, /\.[cm]?js$/.test(candidate) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
      } catch (error) {
        if (isInputLimit(error)) return undefined; // nested too deeply to parse: its names stay unknown
        throw error;
      }
      const file = new FileContext(uriOf(this.main.uri, candidate), candidate, source, text);
      this.byPath.set(path, file);
      this.files.set(source, file);
      this.index(file, depth);
      return file;
    }
    if (refused && reportAt) this.problem(reportAt, `${specifier} is not read: ${refused}.`);
    return undefined;
  }

  private problem(node: ts.Node, message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.problems.push({ ruleId: 'unresolved-reference', severity: 'warning', message, loc: this.main.loc(node) });
  }

  private fileOf(node: ts.Node): FileContext {
    return this.files.get(node.getSourceFile()) ?? this.main;
  }

  /** Is the node in the analysed file (not in an imported one)? */
  isLocal(node: ts.Node): boolean {
    return node.getSourceFile() === this.main.source;
  }

  /** Where a node is reported: where it is in the analysed file, else at the place in this file that leads to it. */
  place(node: ts.Node, scope: Scope, anchor?: ts.Node): SourceLocation {
    if (this.isLocal(node)) return this.main.loc(node);
    const at = anchor ?? scope.anchor;
    return at && this.isLocal(at) ? this.main.loc(at) : { uri: this.main.uri, range: this.main.lines.range(0, 0), path: [] };
  }

  // ---- Walking the code -------------------------------------------------------------------------------------------

  /** Visits statements in source order with an explicit stack (the input decides how deep the tree is). */
  private walk(roots: readonly ts.Node[], scope: Scope): void {
    const stack: { node: ts.Node; scope: Scope }[] = [];
    const push = (nodes: readonly ts.Node[], s: Scope) => {
      for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, scope: s });
    };
    push(roots, scope);
    const children: ts.Node[] = [];
    while (stack.length > 0) {
      const { node, scope: s } = stack.pop()!;
      const chosen = this.visit(node, s, push);
      if (chosen === 'skip') continue;
      children.length = 0;
      ts.forEachChild(node, (child) => {
        // Tokens, identifiers and literals have nothing for visit: not stacked (about half of a stack's nodes).
        if (child.kind >= ts.SyntaxKind.FirstNode) children.push(child);
      });
      push(children, s);
    }
  }

  /** One node: 'skip' when its children are taken care of (or not to be read). */
  private visit(node: ts.Node, scope: Scope, push: (nodes: readonly ts.Node[], scope: Scope) => void): 'skip' | void {
    if (ts.isClassDeclaration(node) && this.instantiated.has(node) && scope === this.root) return 'skip';
    if ((ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && this.factories.has(node) && scope === this.root)
      return 'skip';
    if (ts.isVariableDeclaration(node) && scope !== this.root) {
      bindName(
        scope,
        node.name,
        node.initializer ? { kind: 'expr', expression: node.initializer, scope, crossing: false } : { kind: 'unknown', why: 'not initialised' },
      );
      return;
    }
    if (ts.isNewExpression(node)) {
      const custom = this.customClass(node.expression);
      if (custom) {
        push(node.arguments ?? [], scope);
        this.instantiate(node, custom, scope);
        return 'skip';
      }
      if (this.classOf(node.expression)) this.readConstruct(node, scope);
      return;
    }
    if (ts.isForOfStatement(node)) {
      const elements = this.elementsOf(node.expression, scope);
      const declaration = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0]?.name : undefined;
      push([node.expression], scope);
      if (!elements || !declaration) {
        push(
          [node.statement],
          scope.block(scope.prefix, [...scope.notes, `created in a loop over ${short(node.expression.getText())}, which is not a constant list`]),
        );
        return 'skip';
      }
      this.expandLoop(elements, [declaration], node.statement, scope, push);
      return 'skip';
    }
    if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) {
      // Read once: one node stands for every iteration, and says so.
      const children: ts.Node[] = [];
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
      push(children, scope.block(scope.prefix, [...scope.notes, 'created in a loop that Crossover does not run: one node stands for every iteration']));
      return 'skip';
    }
    if (ts.isCallExpression(node)) {
      const loop = this.iteration(node, scope);
      if (loop) {
        push([loop.array], scope);
        if (loop.elements) this.expandLoop(loop.elements, loop.names, loop.body, scope, push);
        else
          push([loop.body], scope.block(scope.prefix, [...scope.notes, `created in a loop over ${short(loop.array.getText())}, which is not a constant list`]));
        return 'skip';
      }
      if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        push(node.arguments, scope);
        this.superCall(node, scope);
        return 'skip';
      }
      if (this.factoryCall(node, scope, push)) return 'skip';
      this.readCall(node, scope);
    }
  }

  /**
   * `makeWorker(this, 'Orders', 1024)`: a function of the app that creates constructs, read where it is called, its
   * parameters bound to the arguments (its constructs belong to the caller's scope and path).
   */
  private factoryCall(node: ts.CallExpression, scope: Scope, push: (nodes: readonly ts.Node[], scope: Scope) => void): boolean {
    const callee = unwrap(node.expression);
    if (!ts.isIdentifier(callee)) return false;
    const fn = this.fileOf(callee).functions.get(callee.text);
    if (!fn?.body || !this.factories.has(fn)) return false;
    const count = this.factoryCounts.get(fn) ?? 0;
    if (count >= CDK_TS_LIMITS.instancesPerClass) {
      this.problem(
        this.isLocal(node) ? node : (scope.anchor ?? node),
        `${callee.text} is called more than ${CDK_TS_LIMITS.instancesPerClass} times: the other calls are not read.`,
      );
      return false;
    }
    this.factoryCounts.set(fn, count + 1);
    const inner = new Scope(
      undefined,
      scope.path,
      scope.frames,
      this.isLocal(node) ? (scope.anchor ?? node) : scope.anchor,
      scope.notes,
      scope.classes,
      `${scope.prefix}${callee.text}${count}:`,
      false,
    );
    this.bindParameters(fn.parameters, node.arguments, scope, inner);
    push([fn.body], inner);
    push(node.arguments, scope);
    return true;
  }

  // ---- Custom classes, loops, helpers ----------------------------------------------------------------------------

  /** A custom construct class the expression names (declared in the file or imported from the app). */
  private customClass(expression: ts.Expression): ts.ClassLikeDeclaration | undefined {
    const e = unwrap(expression);
    return ts.isIdentifier(e) ? this.fileOf(e).classes.get(e.text) : undefined;
  }

  /** `new OrdersService(this, 'Orders', {...})`: the class's constructs, once for this instance. */
  private instantiate(node: ts.NewExpression, cls: ts.ClassLikeDeclaration, scope: Scope): void {
    const name = cls.name?.text ?? 'class';
    const where = this.isLocal(node) ? node : (scope.anchor ?? node);
    if (scope.classes.includes(cls)) {
      this.problem(where, `${name} is created inside itself: that instance is not read (it would never end).`);
      return;
    }
    if (scope.classes.length >= CDK_TS_LIMITS.classNesting) {
      this.problem(where, `Custom constructs nest more than ${CDK_TS_LIMITS.classNesting} deep here: the deeper ones are not read.`);
      return;
    }
    const count = this.instanceCounts.get(cls) ?? 0;
    if (count >= CDK_TS_LIMITS.instancesPerClass) {
      this.problem(where, `${name} is created more than ${CDK_TS_LIMITS.instancesPerClass} times: the others are not read.`);
      return;
    }
    this.instanceCounts.set(cls, count + 1);
    const args = [...(node.arguments ?? [])];
    if (this.singleStacks.has(cls) && scope === this.root) {
      // The one stack of the file: read as the class itself, no instance (its ids are below the stack). A stack class
      // of another file created once (`bin/app.ts`) is that file's reading: not repeated here.
      if (!this.isLocal(cls)) return;
      const inner = new Scope(undefined, [], [], node, scope.notes, [cls], '#stack:', true);
      this.classBody(cls, args, scope, inner);
      return;
    }
    const id = args[1] ? this.constructId(args[1], scope) : undefined;
    const base = this.pathOf(args[0], scope);
    const frame: Frame = { className: name, id: [...base, ...(id ? [id.id] : [])].join('/'), site: node };
    const notes = id?.unresolved ? [...scope.notes, `the id of the ${name} instance is not known statically: ${id.unresolved}`] : scope.notes;
    const inner = scope.instance(frame, id?.id, cls, this.isLocal(node) ? node : scope.anchor, notes, base);
    const variable = this.variableOf(node, scope);
    if (variable) this.paths.set(variable, inner.path);
    this.classBody(cls, args, scope, inner);
  }

  /** A class's constructor run for one instance (`super(...)` runs the base class's in the same instance). */
  private classBody(cls: ts.ClassLikeDeclaration, args: readonly ts.Expression[], caller: Scope, scope: Scope): void {
    const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
    if (ctor) this.bindParameters(ctor.parameters, args, caller, scope);
    const roots: ts.Node[] = [];
    // Field initialisers (`readonly fn = new lambda.Function(this, ...)`), then the constructor; methods the class
    // calls on itself are read where they are called, the others once on their own.
    const called = calledMethods(cls);
    for (const member of cls.members) if (ts.isPropertyDeclaration(member) && member.initializer) roots.push(member.initializer);
    if (ctor?.body) roots.push(ctor.body);
    else {
      const base = this.baseClass(cls);
      if (base) this.classBody(base, args, caller, scope.sameInstance(base));
    }
    for (const member of cls.members)
      if ((ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) && member.body && !(member.name && called.has(member.name.getText())))
        roots.push(member.body);
    this.walk(roots, scope);
  }

  private bindParameters(parameters: readonly ts.ParameterDeclaration[], args: readonly ts.Expression[], caller: Scope, scope: Scope): void {
    parameters.forEach((parameter, i) => {
      const arg = args[i];
      const binding: Binding =
        parameter.dotDotDotToken !== undefined
          ? { kind: 'unknown', why: 'a rest parameter' }
          : arg
            ? { kind: 'expr', expression: arg, scope: caller, crossing: true }
            : parameter.initializer
              ? { kind: 'expr', expression: parameter.initializer, scope, crossing: false }
              : { kind: 'absent', what: parameter.name.getText() };
      bindName(scope, parameter.name, binding);
    });
  }

  /**
   * The construct path a construct's scope argument stands for: `this` (or a scope parameter given `this`) is the
   * path of the code around; a variable holding a construct (`const api = new Construct(this, 'Api')`) is its path.
   */
  private pathOf(scopeArg: ts.Expression | undefined, scope: Scope): readonly string[] {
    if (!scopeArg || unwrap(scopeArg).kind === ts.SyntaxKind.ThisKeyword) return scope.path;
    const reference = this.resolveRef(scopeArg, scope);
    return (reference && reference.members.length === 0 ? this.paths.get(reference.key) : undefined) ?? scope.path;
  }

  /** Does the class extend `Stack` (directly or through custom classes of the app)? */
  private isStack(cls: ts.ClassLikeDeclaration, depth = 0): boolean {
    const extended = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!extended || depth > CDK_TS_LIMITS.classNesting) return false;
    const cdk = this.classOf(extended);
    if (cdk) return cdk.module === 'core' && cdk.name === 'Stack';
    const base = this.customClass(extended);
    return base !== undefined && this.isStack(base, depth + 1);
  }

  private baseClass(cls: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
    const extended = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    return extended ? this.customClass(extended) : undefined;
  }

  /** `super(scope, id, props)` in a class extending a custom class: the base's constructs belong to this instance. */
  private superCall(node: ts.CallExpression, scope: Scope): void {
    const cls = scope.classes[scope.classes.length - 1];
    const base = cls ? this.baseClass(cls) : undefined;
    if (!base || !scope.isInstance || scope.classes.includes(base)) return;
    this.classBody(base, node.arguments, scope, scope.sameInstance(base));
  }

  /** `this.addFunction('Orders', 1024)` in a class instance: the method's constructs, its parameters bound. */
  private methodCall(node: ts.CallExpression, scope: Scope): boolean {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
    const cls = scope.classes[scope.classes.length - 1];
    if (!cls || !scope.isInstance) return false;
    const method = cls.members.find(
      (m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.body !== undefined && m.name.getText() === callee.name.text,
    );
    if (!method?.body) return false;
    const owner = scope.thisScope();
    const used = this.methodCounts.get(owner) ?? 0;
    if (used >= CDK_TS_LIMITS.instancesPerClass) return false;
    this.methodCounts.set(owner, used + 1);
    const inner = owner.block(`${owner.prefix}m${used}:`, scope.notes);
    this.bindParameters(method.parameters, node.arguments, scope, inner);
    this.walk([method.body], inner);
    return true;
  }

  private readonly methodCounts = new Map<Scope, number>();

  /** `CONFIGS.forEach((cfg) => ...)`, `.map(...)`, `.flatMap(...)` with a function written in place. */
  private iteration(
    node: ts.CallExpression,
    scope: Scope,
  ): { array: ts.Expression; elements: Binding[] | undefined; names: ts.BindingName[]; body: ts.Node } | undefined {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || !['forEach', 'map', 'flatMap'].includes(callee.name.text)) return undefined;
    const fn = node.arguments[0] && unwrap(node.arguments[0]);
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
    return { array: callee.expression, elements: this.elementsOf(callee.expression, scope), names: fn.parameters.map((p) => p.name), body: fn.body };
  }

  private expandLoop(elements: Binding[], names: ts.BindingName[], body: ts.Node, scope: Scope, push: (nodes: readonly ts.Node[], scope: Scope) => void): void {
    const blocks = elements.slice(0, CDK_TS_LIMITS.loopElements).map((element, i) => {
      const block = scope.block(`${scope.prefix}[${i}]`);
      if (names[0]) bindName(block, names[0], element);
      if (names[1]) bindName(block, names[1], { kind: 'value', value: i });
      return block;
    });
    for (let i = blocks.length - 1; i >= 0; i--) push([body], blocks[i]!);
  }

  /** The elements of a constant array (or `Object.entries/keys/values` of a constant object), as bindings. */
  private elementsOf(expression: ts.Expression, scope: Scope, depth = 0): Binding[] | undefined {
    if (depth > 16) return undefined;
    const e = unwrap(expression);
    if (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      ts.isIdentifier(e.expression.expression) &&
      e.expression.expression.text === 'Object'
    ) {
      const kind = e.expression.name.text;
      const o = e.arguments[0] ? this.objectOf(e.arguments[0], scope) : undefined;
      if (!o || !['entries', 'keys', 'values'].includes(kind)) return undefined;
      const out: Binding[] = [];
      for (const property of o.object.properties) {
        if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return undefined;
        const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) || ts.isNumericLiteral(property.name) ? property.name.text : undefined;
        if (key === undefined) return undefined;
        const value: Binding = {
          kind: 'expr',
          expression: ts.isPropertyAssignment(property) ? property.initializer : property.name,
          scope: o.scope,
          crossing: true,
        };
        out.push(
          kind === 'keys' ? { kind: 'value', value: key } : kind === 'values' ? value : { kind: 'items', items: [{ kind: 'value', value: key }, value] },
        );
      }
      return out;
    }
    const array = this.arrayOf(e, scope, depth);
    if (!array) return this.mappedElements(e, scope, depth);
    const out: Binding[] = [];
    for (const element of array.array.elements) {
      if (ts.isSpreadElement(element)) {
        const inner = this.elementsOf(element.expression, array.scope, depth + 1);
        if (!inner) return undefined;
        out.push(...inner);
      } else if (!ts.isOmittedExpression(element)) out.push({ kind: 'expr', expression: element, scope: array.scope, crossing: true });
    }
    return out;
  }

  /** The elements of the array literal an expression stands for, and the scope they are read in. */
  evaluateArray(expression: ts.Expression, scope: Scope): { elements: readonly ts.Expression[]; scope: Scope } | undefined {
    const found = this.arrayOf(expression, scope);
    return found && { elements: found.array.elements, scope: found.scope };
  }

  /** The array literal an expression stands for (a literal, a const, a property of a const object, a bound name). */
  private arrayOf(expression: ts.Expression, scope: Scope, depth = 0): { array: ts.ArrayLiteralExpression; scope: Scope } | undefined {
    if (depth > 16) return undefined;
    const e = unwrap(expression);
    if (ts.isArrayLiteralExpression(e)) return { array: e, scope };
    const target = this.deref(e, scope, depth);
    return target ? this.arrayOf(target.expression, target.scope, depth + 1) : undefined;
  }

  /** One step through a name or a property: the expression it stands for, in its scope. */
  private deref(e: ts.Expression, scope: Scope, depth: number): { expression: ts.Expression; scope: Scope; crossing: boolean } | undefined {
    if (ts.isIdentifier(e)) {
      const r = this.resolveName(e, scope);
      return r?.kind === 'expr' ? r : undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const o = this.objectOf(e.expression, scope, depth + 1);
      const p = o ? lookupProperty(this, o.object, e.name.text, o.scope) : undefined;
      return p && typeof p === 'object' ? { ...p, crossing: o!.crossed } : undefined;
    }
    if (ts.isCallExpression(e)) {
      const h = this.helperCall(e, scope);
      return h ? { ...h, crossing: false } : undefined;
    }
    return undefined;
  }

  /** A call of a helper function of the app: its parameters bound to the arguments, and what it returns. */
  helperCall(call: ts.CallExpression, scope: Scope): { expression: ts.Expression; scope: Scope } | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee)) return undefined;
    const fn = this.fileOf(callee).functions.get(callee.text);
    if (!fn?.body) return undefined;
    const inner = scope.helper();
    this.bindParameters(fn.parameters, call.arguments, scope, inner);
    const returned = returnedIn(fn.body, inner);
    return returned ? { expression: returned, scope: inner } : undefined;
  }

  /**
   * `configs.map((c) => { const task = new ...; return { c, task }; })`, through names: one binding per element, what
   * the function returns for it, read in the block its loop walk used (so `task` is the construct made there).
   */
  private mappedElements(expression: ts.Expression, scope: Scope, depth: number): Binding[] | undefined {
    let e = unwrap(expression);
    let s = scope;
    for (let step = 0; step < 16 && ts.isIdentifier(e); step++) {
      const target = this.deref(e, s, depth);
      if (!target) return undefined;
      e = unwrap(target.expression);
      s = target.scope;
    }
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'map') return undefined;
    const fn = e.arguments[0] && unwrap(e.arguments[0]);
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
    const source = this.elementsOf(e.expression.expression, s, depth + 1);
    if (!source) return undefined;
    return source.slice(0, CDK_TS_LIMITS.loopElements).map((element, i): Binding => {
      const block = s.block(`${s.prefix}[${i}]`);
      if (fn.parameters[0]) bindName(block, fn.parameters[0].name, element);
      if (fn.parameters[1]) bindName(block, fn.parameters[1].name, { kind: 'value', value: i });
      const returned = returnedIn(fn.body, block);
      return returned
        ? { kind: 'expr', expression: returned, scope: block, crossing: true }
        : { kind: 'unknown', why: 'the function returns nothing Crossover can read' };
    });
  }

  // ---- Names ------------------------------------------------------------------------------------------------------

  /** What a name stands for: a binding of the scope (resolved through destructuring), or a const of its file. */
  resolveName(e: ts.Identifier, scope: Scope): Binding | undefined {
    const found = scope.lookup(e.text);
    if (found) return this.resolveBinding(found.binding, 0);
    const init = this.fileOf(e).consts.get(e.text);
    return init ? { kind: 'expr', expression: init, scope: this.root, crossing: false } : undefined;
  }

  private resolveBinding(binding: Binding, depth: number): Binding {
    if (binding.kind !== 'member') return binding;
    if (depth > 16) return { kind: 'unknown', why: 'bound too deeply' };
    const base = this.resolveBinding(binding.of, depth + 1);
    const fallback = (): Binding =>
      binding.fallback
        ? { kind: 'expr', expression: binding.fallback.expression, scope: binding.fallback.scope, crossing: false }
        : { kind: 'absent', what: binding.name };
    if (base.kind === 'absent') return fallback();
    if (base.kind === 'items') {
      const item = base.items[Number(binding.name)];
      return item ? this.resolveBinding(item, depth + 1) : fallback();
    }
    if (base.kind !== 'expr') return base.kind === 'unknown' ? base : { kind: 'unknown', why: `${binding.name} of a value` };
    const array = /^\d+$/.test(binding.name) ? this.arrayOf(base.expression, base.scope) : undefined;
    if (array) {
      const element = array.array.elements[Number(binding.name)];
      return element && !ts.isSpreadElement(element) && !ts.isOmittedExpression(element)
        ? { kind: 'expr', expression: element, scope: array.scope, crossing: base.crossing }
        : fallback();
    }
    const o = this.objectOf(base.expression, base.scope);
    if (!o) return { kind: 'unknown', why: `${short(base.expression.getText())} is not known statically` };
    const p = lookupProperty(this, o.object, binding.name, o.scope);
    if (p === 'absent') return fallback();
    if (p === 'unknown') return { kind: 'unknown', why: `${short(base.expression.getText())} is not known statically` };
    return { kind: 'expr', expression: p.expression, scope: p.scope, crossing: base.crossing || o.crossed };
  }

  /** Why an unbound name is not known: a parameter of the class or function it is used in, or not a constant. */
  private unbound(e: ts.Identifier): string {
    for (let node: ts.Node | undefined = e.parent, i = 0; node && i < 256; node = node.parent, i++) {
      if (!ts.isFunctionLike(node)) continue;
      if (!node.parameters.some((p) => bindsName(p.name, e.text))) continue;
      const cls = ts.isConstructorDeclaration(node) ? node.parent.name?.text : undefined;
      return cls
        ? `${e.text} is given where ${cls} is created, which this file does not do`
        : `${e.text} is a parameter, given where the function is called (not followed here)`;
    }
    return `${e.text} is not a constant of this file`;
  }

  // ---- Constructs -------------------------------------------------------------------------------------------------

  /** `lambda.Function`, `Function`, `cdk.aws_lambda.Function` -> its class, through the imports of the expression's file. */
  private classOf(expression: ts.Expression): ClassRef | undefined {
    const file = this.fileOf(expression);
    if (ts.isIdentifier(expression)) return file.named.get(expression.text);
    if (ts.isPropertyAccessExpression(expression)) {
      const name = expression.name.text;
      const target = expression.expression;
      if (ts.isIdentifier(target) && file.namespaces.has(target.text)) return { module: file.namespaces.get(target.text)!, name };
      if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && file.namespaces.get(target.expression.text) === 'core') {
        return { module: target.name.text.replace(/_/g, '-'), name };
      }
    }
    return undefined;
  }

  /**
   * The CDK class an expression names. In an imported file that imports no CDK module (a file of consts),
   * `Duration`, `lambda.Runtime` and the like are taken by their last name.
   */
  private className(expression: ts.Expression): string | undefined {
    const cls = this.classOf(expression);
    if (cls) return cls.name;
    if (this.isLocal(expression)) return undefined;
    if (ts.isIdentifier(expression)) return expression.text;
    return ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
  }

  /** A construct id: its value when static (a literal, a template literal or `+` of static parts), else as written. */
  private constructId(expression: ts.Expression, scope: Scope): { id: string; unresolved?: string } {
    const evaluated = this.evaluate(expression, scope);
    if ('value' in evaluated && (typeof evaluated.value === 'string' || typeof evaluated.value === 'number')) return { id: String(evaluated.value) };
    const e = unwrap(expression);
    const written = ts.isTemplateExpression(e) ? e.getText().slice(1, -1) : e.getText();
    const id = short(written);
    return { id, unresolved: `the construct id ${id} is not known statically${'unresolved' in evaluated ? ` (${evaluated.unresolved})` : ''}` };
  }

  private readConstruct(node: ts.NewExpression, scope: Scope): void {
    const cls = this.classOf(node.expression)!;
    const args = [...(node.arguments ?? [])];
    const variable = this.variableOf(node, scope);
    const id = args[1] && !ts.isObjectLiteralExpression(unwrap(args[1])) ? this.constructId(args[1], scope) : undefined;
    if (id) {
      if (this.nodeCount >= CDK_TS_LIMITS.nodes) {
        this.problem(this.isLocal(node) ? node : (scope.anchor ?? node), `More than ${CDK_TS_LIMITS.nodes} constructs in this app: the others are not read.`);
        return;
      }
      this.nodeCount++;
    }
    const path = id ? [...this.pathOf(args[0], scope), id.id] : [];
    // A stack (or app, stage) is where ids start, not a construct around them.
    if (variable && id && !(cls.module === 'core' && STACK_LIKE.has(cls.name))) this.paths.set(variable, path);
    const frame = scope.frames[scope.frames.length - 1];
    const instance: ConstructInstance | undefined = frame && {
      className: frame.className,
      id: frame.id,
      site: this.place(frame.site, scope),
      declaredAt: this.fileOf(node).loc(node),
    };
    const unresolved = [...scope.notes, ...(id?.unresolved ? [id.unresolved] : [])];
    // Integrations take no props; a construct's props are its third argument.
    this.builder.construct({
      cls,
      loc: this.place(node.expression, scope),
      args: args.map((a) => this.arg(a, scope)),
      props: new Props(this, args[2], scope),
      ...(variable ? { variable } : {}),
      ...(id ? { id: path.join('/') } : {}),
      ...(instance ? { instance } : {}),
      ...(unresolved.length > 0 ? { unresolved } : {}),
    });
  }

  /** `fn.addEventSource(...)`, `fn.addAlias('live', {...})`, `db.addProxy('Proxy', {...})`. */
  private readCall(node: ts.CallExpression, scope: Scope): void {
    if (this.methodCall(node, scope)) return;
    if (!ts.isPropertyAccessExpression(node.expression) || !CONSTRUCT_METHODS.has(node.expression.name.text)) return;
    const receiver = this.resolveRef(node.expression.expression, scope);
    if (!receiver) return;
    const args = [...node.arguments];
    const last = args[args.length - 1];
    const object = last && args.length > 1 ? this.objectOf(last, scope) : undefined;
    const variable = this.variableOf(node, scope);
    this.builder.method({
      receiver,
      method: node.expression.name.text,
      loc: this.place(node, scope),
      args: args.map((a) => this.arg(a, scope)),
      props: object ? new Props(this, object.object, object.scope) : undefined,
      ...(variable ? { variable } : {}),
    });
  }

  /** What a construct is assigned to: `const fn = new ...` -> 'fn', `this.fn = new ...` -> '@fn' (kept apart per instance). */
  private variableOf(node: ts.Expression, scope: Scope): string | undefined {
    let parent = node.parent;
    while (parent && (ts.isAsExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isSatisfiesExpression(parent))) parent = parent.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return this.resolveRef(parent.name, scope)?.key;
    if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.resolveRef(parent.left, scope)?.key;
    if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return `${scope.thisScope().prefix}@${parent.name.text}`;
    return undefined;
  }

  /**
   * `queue` -> {queue}, `this.db.instanceEndpoint.hostname` -> {@db, [instanceEndpoint, hostname]}, through the
   * bindings (`props.queue` -> what the instance was given); the key names the instance or loop element it belongs to.
   */
  resolveRef(expression: ts.Expression, scope: Scope, depth = 0): Reference | undefined {
    if (depth > MAX_REFERENCE_MEMBERS) return undefined;
    const e = unwrap(expression);
    if (ts.isIdentifier(e)) {
      const found = scope.lookup(e.text);
      if (!found) return { key: e.text, members: [] };
      const binding = this.resolveBinding(found.binding, 0);
      if (binding.kind === 'expr' && binding.expression !== e) {
        const through = this.resolveRef(binding.expression, binding.scope, depth + 1);
        if (through) return through;
      }
      return { key: `${found.owner.prefix}${e.text}`, members: [] };
    }
    if (!ts.isPropertyAccessExpression(e)) return undefined;
    const target = unwrap(e.expression);
    if (target.kind === ts.SyntaxKind.ThisKeyword) return { key: `${scope.thisScope().prefix}@${e.name.text}`, members: [] };
    const o = this.objectOf(target, scope, depth + 1);
    const p = o ? lookupProperty(this, o.object, e.name.text, o.scope) : undefined;
    if (p && typeof p === 'object') return this.resolveRef(p.expression, p.scope, depth + 1);
    const base = this.resolveRef(target, scope, depth + 1);
    return base && base.members.length < MAX_REFERENCE_MEMBERS ? { key: base.key, members: [...base.members, e.name.text] } : undefined;
  }

  /** `nested`: an argument of a call inside an argument: its own calls are not read (`const x = f(x)` must not loop). */
  arg(expression: ts.Expression, scope: Scope, nested = false): ArgView {
    const e = unwrap(expression);
    const reference = this.resolveRef(e, scope);
    const call = nested ? undefined : this.callOf(e, scope);
    const text = ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? e.text : this.staticString(e, scope);
    return {
      loc: this.place(expression, scope),
      ...(reference ? { reference } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(call ? { call } : {}),
    };
  }

  private staticString(e: ts.Expression, scope: Scope): string | undefined {
    if (!ts.isTemplateExpression(e) && !ts.isBinaryExpression(e) && !ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) return undefined;
    const evaluated = this.evaluate(e, scope);
    return 'value' in evaluated && typeof evaluated.value === 'string' ? evaluated.value : undefined;
  }

  /** `new X(...)`, a static call `X.y(...)` or a static member `X.Y` (through consts of the file and bindings). */
  callOf(expression: ts.Expression, scope: Scope, depth = 0): CallView | undefined {
    const e = unwrap(expression);
    if (depth > 8) return undefined;
    if (ts.isNewExpression(e))
      return { cls: this.classOf(e.expression), loc: this.place(e, scope), args: [...(e.arguments ?? [])].map((a) => this.arg(a, scope, true)) };
    if (ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && !this.classOf(e.expression))) {
      const target = this.deref(e, scope, depth);
      if (target) return this.callOf(target.expression, target.scope, depth + 1);
      if (ts.isIdentifier(e)) return undefined;
    }
    const callee = ts.isCallExpression(e) ? e.expression : e;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const cls = this.classOf(callee.expression) ?? (this.isLocal(callee) ? undefined : { module: '', name: this.className(callee.expression) ?? '' });
    if (!cls) return undefined;
    return {
      cls,
      member: callee.name.text,
      loc: this.place(e, scope),
      args: ts.isCallExpression(e) ? e.arguments.map((a) => this.arg(a, scope, true)) : [],
    };
  }

  // ---- Values -----------------------------------------------------------------------------------------------------

  /**
   * Evaluates an expression statically in a scope. `from`: where the value was set when it came through a binding
   * (the argument of the instantiation, the loop's element), so findings land there; `absent`: not given at all.
   */
  evaluate(expression: ts.Expression, scope: Scope, depth = 0): Eval {
    if (depth > 32) return { unresolved: 'too deeply nested' };
    const e = unwrap(expression);
    if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { value: e.text };
    if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
    if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
    if (e.kind === ts.SyntaxKind.NullKeyword) return { unresolved: 'null', absent: true };
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const inner = this.evaluate(e.operand, scope, depth + 1);
      return 'value' in inner && typeof inner.value === 'number' ? { value: -inner.value } : inner;
    }
    if (ts.isTemplateExpression(e)) {
      let text = e.head.text;
      for (const span of e.templateSpans) {
        const part = this.evaluate(span.expression, scope, depth + 1);
        if (!('value' in part))
          return { unresolved: 'unresolved' in part && !part.absent ? part.unresolved : `${short(span.expression.getText())} is not given` };
        text += String(part.value) + span.literal.text;
      }
      return { value: text, via: e.getText() };
    }
    if (ts.isConditionalExpression(e)) {
      const condition = this.evaluate(e.condition, scope, depth + 1);
      if ('value' in condition) return this.evaluate(condition.value ? e.whenTrue : e.whenFalse, scope, depth + 1);
      if (condition.absent) return this.evaluate(e.whenFalse, scope, depth + 1);
      return { unresolved: `${short(e.getText())} depends on ${condition.unresolved}` };
    }
    if (ts.isBinaryExpression(e)) return this.binary(e, scope, depth);
    if (ts.isIdentifier(e)) {
      if (e.text === 'undefined') return { unresolved: 'undefined', absent: true };
      const r = this.resolveName(e, scope);
      if (!r) return { unresolved: this.unbound(e) };
      if (r.kind === 'value') return { value: r.value };
      if (r.kind === 'absent') return { unresolved: `${e.text} is not given`, absent: true };
      if (r.kind === 'unknown') return { unresolved: `${e.text}: ${r.why}` };
      if (r.kind !== 'expr') return { unresolved: `${e.text} is a list` };
      const inner = this.evaluate(r.expression, r.scope, depth + 1);
      if (!('value' in inner)) return inner;
      if (r.crossing) return { ...inner, from: inner.from ?? r.expression };
      return { value: inner.value, via: inner.via ?? e.text, ...(inner.from ? { from: inner.from } : {}) };
    }
    if (ts.isPropertyAccessExpression(e)) {
      // Runtime.NODEJS_20_X, Architecture.ARM_64, or a property of a const object (config.memory) or of the props.
      const member = memberValue(this.className(e.expression), e.name.text);
      if (member !== undefined) return { value: member, via: e.getText() };
      const o = this.objectOf(e.expression, scope, depth + 1);
      const p = o ? lookupProperty(this, o.object, e.name.text, o.scope) : undefined;
      if (p === 'absent') return { unresolved: `${short(e.getText())} is not given`, absent: true };
      if (p && p !== 'unknown') {
        const inner = this.evaluate(p.expression, p.scope, depth + 1);
        if (!('value' in inner)) return inner;
        if (o!.crossed) return { ...inner, from: inner.from ?? p.expression };
        const from = inner.from ?? o!.site;
        return { value: inner.value, via: inner.via ?? e.getText(), ...(from ? { from } : {}) };
      }
      if (!o && this.isAbsent(e.expression, scope, depth + 1)) return { unresolved: `${short(e.expression.getText())} is not given`, absent: true };
      const root = rootIdentifier(e);
      if (root && !o && !scope.lookup(root.text) && !this.fileOf(root).consts.has(root.text) && !this.classOf(e.expression)) {
        const why = this.unbound(root);
        if (!why.endsWith('not a constant of this file')) return { unresolved: `${short(e.getText())}: ${why}` };
      }
      return { unresolved: `${short(e.getText())} is not known statically` };
    }
    if (ts.isCallExpression(e)) {
      const helper = this.helperCall(e, scope);
      if (helper) {
        const inner = this.evaluate(helper.expression, helper.scope, depth + 1);
        return 'value' in inner ? { ...inner, via: inner.via ?? e.getText() } : inner;
      }
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      // Duration.seconds(30) -> seconds; Size.gibibytes(2) -> MiB (as "value unit" strings the converters read).
      const method = e.expression.name.text;
      const owner = this.className(e.expression.expression);
      const arg = e.arguments[0] ? this.evaluate(e.arguments[0], scope, depth + 1) : { unresolved: 'no argument' };
      const value = 'value' in arg && typeof arg.value === 'number' ? unitValue(owner, method, arg.value) : undefined;
      // `Duration.seconds(props.timeout)`: set where the instance gives the timeout.
      if (value !== undefined) return { value, via: e.getText(), ...('from' in arg && arg.from ? { from: arg.from } : {}) };
      // InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE), KubernetesVersion.of('1.33').
      const called = callValue(
        owner,
        method,
        e.arguments.slice(0, 2).map((a) => this.evaluate(a, scope, depth + 1)),
      );
      if (called) return 'value' in called ? { value: called.value, via: e.getText() } : called;
    }
    if (ts.isNewExpression(e)) {
      // new InstanceType('m7g.large').
      const called = callValue(
        this.className(e.expression),
        undefined,
        (e.arguments ?? []).slice(0, 1).map((a) => this.evaluate(a, scope, depth + 1)),
      );
      if (called) return 'value' in called ? { value: called.value, via: e.getText() } : called;
    }
    return { unresolved: `${short(e.getText())} is computed by code, which Crossover never runs` };
  }

  private binary(e: ts.BinaryExpression, scope: Scope, depth: number): Eval {
    const op = e.operatorToken.kind;
    // An assignment (`a = f(...)`, `a += 1`) is no value the app states: not evaluated (its right side could nest
    // calls whose arguments are assignments again, each read once more per level).
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return { unresolved: `${short(e.getText())} is an assignment` };
    const left = this.evaluate(e.left, scope, depth + 1);
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      // `props.memory ?? 512`: the default when the value is not given (for `||`, also when it is falsy).
      if (left.absent || ('value' in left && op === ts.SyntaxKind.BarBarToken && !left.value)) return this.evaluate(e.right, scope, depth + 1);
      return left;
    }
    const right = this.evaluate(e.right, scope, depth + 1);
    if (!('value' in left)) return left;
    if (!('value' in right)) return right;
    const via = e.getText();
    const [a, b] = [left.value, right.value];
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return { value: a === b, via };
    if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return { value: a !== b, via };
    if (op === ts.SyntaxKind.PlusToken && (typeof a === 'string' || typeof b === 'string') && typeof a !== 'boolean' && typeof b !== 'boolean')
      return { value: `${a}${b}`, via };
    if (typeof a === 'number' && typeof b === 'number') {
      if (op === ts.SyntaxKind.AsteriskToken) return { value: a * b, via };
      if (op === ts.SyntaxKind.PlusToken) return { value: a + b, via };
      if (op === ts.SyntaxKind.MinusToken) return { value: a - b, via };
      if (op === ts.SyntaxKind.SlashToken && b !== 0) return { value: a / b, via };
    }
    return { unresolved: `${short(via)} is computed` };
  }

  /** Is the expression known to be not given (`props` when the call passes none, `props.x` when the props lack it)? */
  isAbsent(expression: ts.Expression, scope: Scope, depth = 0): boolean {
    if (depth > 16) return false;
    const e = unwrap(expression);
    if (ts.isIdentifier(e)) return e.text === 'undefined' || this.resolveName(e, scope)?.kind === 'absent';
    if (ts.isPropertyAccessExpression(e)) {
      const o = this.objectOf(e.expression, scope, depth + 1);
      if (o) return lookupProperty(this, o.object, e.name.text, o.scope) === 'absent';
      return this.isAbsent(e.expression, scope, depth + 1);
    }
    return false;
  }

  /** The object literal an expression stands for (a literal, a const or binding holding one, a helper's result). */
  objectOf(expression: ts.Expression, scope: Scope, depth = 0): Located | undefined {
    if (depth > 16) return undefined;
    const e = unwrap(expression);
    if (ts.isObjectLiteralExpression(e)) return { object: e, scope, crossed: false };
    if (ts.isIdentifier(e)) {
      const r = this.resolveName(e, scope);
      if (r?.kind !== 'expr') return undefined;
      const o = this.objectOf(r.expression, r.scope, depth + 1);
      if (!o || !r.crossing) return o;
      // Given at a call site: the literal written there, or the name it was given through (`{ cfg: CONFIG }`).
      return o.object === unwrap(r.expression) ? { ...o, crossed: true } : { ...o, site: o.site ?? r.expression };
    }
    if (ts.isPropertyAccessExpression(e)) {
      const parent = this.objectOf(e.expression, scope, depth + 1);
      const p = parent ? lookupProperty(this, parent.object, e.name.text, parent.scope) : undefined;
      if (!p || typeof p !== 'object') return undefined;
      const o = this.objectOf(p.expression, p.scope, depth + 1);
      if (!o || (!parent!.crossed && !parent!.site)) return o;
      if (parent!.crossed && o.object === unwrap(p.expression)) return { ...o, crossed: true };
      return { ...o, site: o.site ?? (parent!.crossed ? p.expression : parent!.site) };
    }
    if (ts.isCallExpression(e)) {
      const helper = this.helperCall(e, scope);
      return helper ? this.objectOf(helper.expression, helper.scope, depth + 1) : undefined;
    }
    if (ts.isConditionalExpression(e)) {
      const condition = this.evaluate(e.condition, scope, depth + 1);
      return 'value' in condition ? this.objectOf(condition.value ? e.whenTrue : e.whenFalse, scope, depth + 1) : undefined;
    }
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return this.objectOf(e.left, scope, depth + 1) ?? (this.isAbsent(e.left, scope, depth + 1) ? this.objectOf(e.right, scope, depth + 1) : undefined);
    }
    return undefined;
  }

  text(node: ts.Node): string {
    return node.getText();
  }
}

/** A property of an object literal (later properties and spreads win, as in JavaScript): where it is, 'absent', or 'unknown' (an unknown spread). */
function lookupProperty(
  reader: AppReader,
  object: ts.ObjectLiteralExpression,
  name: string,
  scope: Scope,
  depth = 0,
): { expression: ts.Expression; scope: Scope } | 'absent' | 'unknown' {
  if (depth > 8) return 'unknown';
  const properties = object.properties;
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === name) return { expression: property.initializer, scope };
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return { expression: property.name, scope };
    if (ts.isSpreadAssignment(property)) {
      const spread = reader.objectOf(property.expression, scope);
      if (!spread) {
        if (reader.isAbsent(property.expression, scope)) continue;
        return 'unknown';
      }
      const found = lookupProperty(reader, spread.object, name, spread.scope, depth + 1);
      if (found !== 'absent') return found;
    }
  }
  return 'absent';
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

interface Entry {
  name: ts.Node;
  value: ts.Expression;
  scope: Scope;
  /** Where an entry that comes from another file (a spread of an imported const) is reported. */
  anchor?: ts.Node;
}

/** A construct's props object: properties (after spreads of const objects and of props), as fields with positions. */
class Props implements PropsView {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reader: AppReader,
    props: ts.Expression | undefined,
    private readonly scope: Scope,
  ) {
    const object = props ? reader.objectOf(props, scope) : undefined;
    if (object) this.collect(object.object, object.scope, 0);
  }

  private collect(object: ts.ObjectLiteralExpression, scope: Scope, depth: number, anchor?: ts.Node): void {
    if (depth > 8) return;
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.reader.objectOf(property.expression, scope);
        const foreign = spread && !this.reader.isLocal(spread.object) && this.reader.isLocal(property) ? property : undefined;
        if (spread) this.collect(spread.object, spread.scope, depth + 1, anchor ?? foreign);
      } else if (ts.isPropertyAssignment(property)) {
        const key = propertyName(property.name);
        if (key !== undefined) this.entries.set(key, { name: property.name, value: property.initializer, scope, ...(anchor ? { anchor } : {}) });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.entries.set(property.name.text, { name: property.name, value: property.name, scope, ...(anchor ? { anchor } : {}) });
      }
    }
  }

  /** The entry, unless its value is known to be not given (`memorySize: props.memory` when the instance sets none). */
  private entry(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && !this.reader.isAbsent(entry.value, entry.scope) ? entry : undefined;
  }

  private place(node: ts.Node, entry: Entry): SourceLocation {
    return this.reader.place(node, entry.scope, entry.anchor && this.reader.isLocal(entry.anchor) ? entry.anchor : undefined);
  }

  has(key: string): boolean {
    return this.entry(key) !== undefined;
  }

  keyLoc(key: string): SourceLocation | undefined {
    const entry = this.entry(key);
    return entry ? this.place(entry.name, entry) : undefined;
  }

  reference(key: string): Reference | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.resolveRef(entry.value, entry.scope) : undefined;
  }

  references(key: string): { reference: Reference; loc: SourceLocation }[] {
    const entry = this.entry(key);
    const found: { reference: Reference; loc: SourceLocation }[] = [];
    if (!entry) return found;
    const values = this.reader.objectOf(entry.value, entry.scope);
    const [root, scope] = values ? [values.object, values.scope] : [entry.value, entry.scope];
    // The outermost references under the value, in source order (a reference's own parts are not visited).
    eachNode(
      root,
      (node) => {
        if (ts.isPropertyAssignment(node)) return [node.initializer];
        if (ts.isShorthandPropertyAssignment(node)) return [node.name];
        if (ts.isSpreadAssignment(node)) return [];
        const reference = ts.isExpression(node) ? this.reader.resolveRef(node, scope) : undefined;
        // `f(db).host`: the member name is not a reference of its own (and a long chain would make this quadratic).
        if (!reference) return ts.isPropertyAccessExpression(node) ? [node.expression] : undefined;
        found.push({ reference, loc: this.reader.place(node, scope, entry.anchor) });
        return [];
      },
      true,
    );
    return found;
  }

  nested(key: string): PropsView | undefined {
    const entry = this.entry(key);
    const object = entry ? this.reader.objectOf(entry.value, entry.scope) : undefined;
    return object ? new Props(this.reader, object.object, object.scope) : undefined;
  }

  call(key: string): CallView | undefined {
    const entry = this.entry(key);
    return entry ? this.reader.callOf(entry.value, entry.scope) : undefined;
  }

  private elements(key: string): { elements: readonly ts.Expression[]; scope: Scope; entry: Entry } | undefined {
    const entry = this.entry(key);
    if (!entry) return undefined;
    const e = unwrap(entry.value);
    if (ts.isArrayLiteralExpression(e)) return { elements: e.elements, scope: entry.scope, entry };
    const bound = this.reader.evaluateArray(e, entry.scope);
    return bound ? { ...bound, entry } : undefined;
  }

  calls(key: string): CallView[] {
    const found = this.elements(key);
    if (!found) return [];
    return found.elements.flatMap((element) => {
      const call = ts.isNewExpression(unwrap(element)) ? this.reader.callOf(element, found.scope) : undefined;
      return call ? [call] : [];
    });
  }

  list(key: string): PropsView[] {
    const found = this.elements(key);
    if (!found) return [];
    return found.elements.flatMap((element) => {
      const object = this.reader.objectOf(element, found.scope);
      return object ? [new Props(this.reader, object.object, object.scope)] : [];
    });
  }

  fields<T>(key: string, convert: (value: Value) => T | undefined): Field<T>[] {
    const found = this.elements(key);
    if (!found) return [];
    return found.elements.map((element) => this.fieldAt(this.reader.evaluate(element, found.scope), element, found.entry, convert));
  }

  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T): Field<T> {
    const entry = this.entries.get(key);
    if (!entry) return { value: fallback, origin: 'default' as const };
    const evaluated = this.reader.evaluate(entry.value, entry.scope);
    // Not given (`props.memory` when the instance sets none): CDK's default, as if the prop were not written.
    if (evaluated.absent) return { value: fallback, origin: 'default' as const };
    return this.fieldAt(evaluated, entry.value, entry, convert);
  }

  /** A field located where its value was set: the argument of the instantiation or the element of the loop, else the prop. */
  private fieldAt<T>(evaluated: Eval, written: ts.Expression, entry: Entry, convert: (value: Value) => T | undefined): Field<T> {
    const node = evaluated.from ?? written;
    const inPlace = this.reader.isLocal(node);
    const field = fieldOf(evaluated, convert, this.place(node, entry), this.place(entry.name, entry), this.reader.text(node), inPlace);
    // A value written in another file is never rewritten from here.
    if (!inPlace && field.value !== undefined && field.via === undefined) field.via = `${short(this.reader.text(node))} in another file`;
    return field;
  }
}

/** Longer member chains are not references a construct is wired with (and are not followed, so no walk is quadratic). */
const MAX_REFERENCE_MEMBERS = 32;

/**
 * Visits `root` and every node under it in source order, with a stack of its own instead of recursion (the
 * input decides how deep the tree is). `visit` may return the children to go on with instead of the node's own.
 * Tokens, identifiers and literals among a node's own children are visited only with `leaves`.
 */
function eachNode(root: ts.Node, visit: (node: ts.Node) => readonly ts.Node[] | void, leaves = false): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const chosen = visit(node);
    children.length = 0;
    if (chosen) children.push(...chosen);
    else
      ts.forEachChild(node, (child) => {
        // Tokens, identifiers and literals are visited only when asked for (`leaves`).
        if (leaves || child.kind >= ts.SyntaxKind.FirstNode) children.push(child);
      });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e))
    e = e.expression;
  return e;
}

/** `props.sizes.memory` -> `props`. */
function rootIdentifier(e: ts.PropertyAccessExpression): ts.Identifier | undefined {
  let target: ts.Expression = e;
  for (let i = 0; i < MAX_REFERENCE_MEMBERS && ts.isPropertyAccessExpression(target); i++) target = unwrap(target.expression);
  return ts.isIdentifier(target) ? target : undefined;
}

/** Does the function create anything with `new` (a construct, or a custom construct)? */
function createsConstructs(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  if (fn.body)
    eachNode(fn.body, (node) => {
      if (ts.isNewExpression(node)) found = true;
      return found ? [] : undefined;
    });
  return found;
}

/** Is the node inside a loop or a callback of `forEach` / `map` (so it may run several times)? */
function inLoop(node: ts.Node): boolean {
  for (let parent = node.parent, i = 0; parent && i < 256; parent = parent.parent, i++) {
    if (ts.isIterationStatement(parent, false)) return true;
    if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && ts.isCallExpression(parent.parent)) return true;
  }
  return false;
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end && node.getSourceFile() === container.getSourceFile();
}

/** Does a parameter's name (or pattern) bind `name`? */
function bindsName(name: ts.BindingName, wanted: string, depth = 0): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  if (depth > 8) return false;
  return name.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, wanted, depth + 1));
}

/** The names of the methods a class calls on itself (`this.addFunction(...)`). */
function calledMethods(cls: ts.ClassLikeDeclaration): Set<string> {
  const called = new Set<string>();
  eachNode(cls, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword)
      called.add(node.expression.name.text);
  });
  return called;
}

/** A top-level variable declaration of the file, by name. */
function declarationOf(file: FileContext, name: string): ts.VariableDeclaration | undefined {
  for (const statement of file.source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d;
  }
  return undefined;
}

/**
 * What a function body returns, its `const`s bound in `scope`; an arrow's expression body as it is. Only a straight
 * body (declarations, then one `return`) and a body whose other statements make constructs (a loop body's
 * `task.addContainer(...)`, read by the walk) return something known: with a branch or a loop it depends on the run.
 */
function returnedIn(body: ts.ConciseBody, scope: Scope): ts.Expression | undefined {
  if (!ts.isBlock(body)) return body;
  let returned: ts.Expression | undefined;
  for (const statement of body.statements) {
    if (returned) return undefined; // code after the return
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        bindName(
          scope,
          d.name,
          d.initializer ? { kind: 'expr', expression: d.initializer, scope, crossing: false } : { kind: 'unknown', why: 'not initialised' },
        );
    else if (ts.isReturnStatement(statement)) {
      if (!statement.expression) return undefined;
      returned = statement.expression;
    } else if (!ts.isExpressionStatement(statement)) return undefined; // if, switch, loops, try: the value depends on the run
  }
  return returned;
}
