/**
 * AWS CDK apps in TypeScript / JavaScript -> model, read statically with the TypeScript compiler API
 * (syntax only: no type check, nothing executed). Construct instantiations (`new lambda.Function(this,
 * 'Id', {...})`) are recognised through the file's imports (aws-cdk-lib v2 and @aws-cdk/* v1, every import
 * style); prop values are evaluated when they are literals, `Duration.*`, `Size.*`, `Runtime.*`,
 * `Architecture.*`, `const`s of the file, spreads of const objects and simple arithmetic; anything else
 * is unresolved. Construct defaults are applied as CDK applies them. Findings land on the prop, or on the
 * construct call when the prop is absent.
 *
 * Bundled with the TypeScript compiler apart from the faces (dist/typescript-reader.js) and loaded on demand.
 */
import ts from 'typescript';
import { type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import { type ModelProblem, type ParsedTemplate } from '../cloudformation/types.js';
import { LineIndex } from '../document/lines.js';
import {
  type ArgView,
  type CallView,
  callValue,
  CdkModelBuilder,
  cdkModule,
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
import { isInputLimit } from '../input-limit.js';
import { isRefusal, type FileReader } from '../reference.js';
import { parseSource } from '../typescript/source.js';

/** Reads another source file of the app, relative to this one ('./config' -> its text), a refusal, or undefined. */
type SourceReader = FileReader;

export function readCdkTypeScript(uri: string, text: string, readFile?: SourceReader): ParsedTemplate | undefined {
  if (!mentionsCdk(text)) return undefined;
  // Code nested too deeply to parse throws InputLimitError: the engine reports it where it happens.
  const source = parseSource(uri, text, /\.(js|cjs|mjs)$/i.test(uri) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  return new AppReader(uri, text, source, readFile).read();
}

/**
 * The exported top-level consts of another file of the app (one level deep: its own imports are not followed);
 * `refused`: why the file was not read, when the host refused it (outside the workspace) and no candidate was read.
 */
function exportedConsts(path: string, readFile: SourceReader): { consts: Map<string, { expression: ts.Expression; source: ts.SourceFile }>; refused?: string } {
  const consts = new Map<string, { expression: ts.Expression; source: ts.SourceFile }>();
  const candidates = /\.[cm]?[jt]s$/.test(path) ? [path] : [`${path}.ts`, `${path}.js`, `${path}/index.ts`, `${path}/index.js`];
  let refused: string | undefined;
  for (const candidate of candidates) {
    const text = readFile(candidate);
    if (isRefusal(text)) refused ??= text.refused;
    if (typeof text !== 'string') continue;
    let source: ts.SourceFile;
    try {
      source = parseSource(candidate, text);
    } catch (error) {
      if (isInputLimit(error)) return { consts }; // nested too deeply to parse: its consts stay unknown
      throw error;
    }
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, { expression: declaration.initializer, source });
      }
    }
    return { consts };
  }
  return { consts, ...(refused ? { refused } : {}) };
}

class AppReader {
  private readonly lines: LineIndex;
  /** Local name -> module (namespace import) or class (named import). */
  private readonly namespaces = new Map<string, string>();
  private readonly named = new Map<string, ClassRef>();
  readonly consts = new Map<string, ts.Expression>();
  private readonly builder: CdkModelBuilder;
  /** Imports of files the host refused to read (outside the workspace): findings, not silence. */
  private readonly problems: ModelProblem[] = [];

  constructor(
    private readonly uri: string,
    text: string,
    private readonly source: ts.SourceFile,
    private readonly readFile?: SourceReader,
  ) {
    this.lines = new LineIndex(text);
    this.builder = new CdkModelBuilder(uri, () => readAppContext(readFile, 'typescript'));
  }

  read(): ParsedTemplate | undefined {
    for (const statement of this.source.statements) if (ts.isImportDeclaration(statement)) this.readImport(statement);
    if (this.namespaces.size === 0 && this.named.size === 0) return undefined;
    eachNode(this.source, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) this.consts.set(node.name.text, node.initializer);
    });
    eachNode(this.source, (node) => {
      if (ts.isNewExpression(node)) this.readConstruct(node);
      if (ts.isCallExpression(node)) this.readCall(node);
    });
    const parsed = this.builder.finish();
    return parsed && { ...parsed, problems: [...parsed.problems, ...this.problems] };
  }

  private readImport(statement: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
    const specifier = statement.moduleSpecifier.text;
    if (specifier.startsWith('.') && this.readFile) {
      // `import { SIZES } from './config'`: the exported consts of another file of the app.
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const { consts: exported, refused } = exportedConsts(specifier, this.readFile);
        if (refused)
          this.problems.push({
            ruleId: 'unresolved-reference',
            severity: 'warning',
            message: `${specifier} is not read: ${refused}.`,
            loc: this.loc(statement.moduleSpecifier),
          });
        for (const element of bindings.elements) {
          const found = exported.get((element.propertyName ?? element.name).text);
          if (found) this.consts.set(element.name.text, found.expression);
        }
      }
      return;
    }
    const module = cdkModule(specifier);
    if (module === undefined) return;
    const clause = statement.importClause;
    if (!clause) return;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.namespaces.set(bindings.name.text, module);
    if (clause.name) this.namespaces.set(clause.name.text, module);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        // `import { aws_lambda as lambda } from 'aws-cdk-lib'` names a module; `{ Duration }` a class.
        if (module === 'core' && /^aws_/.test(imported)) this.namespaces.set(element.name.text, imported.replace(/_/g, '-'));
        else this.named.set(element.name.text, { module, name: imported });
      }
    }
  }

  /** `lambda.Function`, `Function`, `cdk.aws_lambda.Function` -> its class. */
  private classOf(expression: ts.Expression): ClassRef | undefined {
    if (ts.isIdentifier(expression)) return this.named.get(expression.text);
    if (ts.isPropertyAccessExpression(expression)) {
      const name = expression.name.text;
      const target = expression.expression;
      if (ts.isIdentifier(target) && this.namespaces.has(target.text)) return { module: this.namespaces.get(target.text)!, name };
      if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && this.namespaces.get(target.expression.text) === 'core') {
        return { module: target.name.text.replace(/_/g, '-'), name };
      }
    }
    return undefined;
  }

  private loc(node: ts.Node): SourceLocation {
    return { uri: this.uri, range: this.lines.range(node.getStart(), node.end), path: [] };
  }

  /**
   * The CDK class an expression names. In an imported file (whose imports are not read), `Duration`,
   * `lambda.Runtime` and the like are taken by their last name.
   */
  private className(expression: ts.Expression): string | undefined {
    const cls = this.classOf(expression);
    if (cls) return cls.name;
    if (this.isLocal(expression)) return undefined;
    if (ts.isIdentifier(expression)) return expression.text;
    return ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
  }

  /** Is the node in this file (not in an imported one)? */
  isLocal(node: ts.Node): boolean {
    return node.getSourceFile() === this.source;
  }

  private readConstruct(node: ts.NewExpression): void {
    const cls = this.classOf(node.expression);
    if (!cls) return;
    const args = [...(node.arguments ?? [])];
    const variable = variableOf(node);
    // Integrations take no props; a construct's props are its third argument.
    this.builder.construct({
      cls,
      loc: this.loc(node.expression),
      args: args.map((a) => this.arg(a)),
      props: new Props(this, args[2]),
      ...(variable ? { variable } : {}),
    });
  }

  /** `fn.addEventSource(...)`, `fn.addAlias('live', {...})`, `db.addProxy('Proxy', {...})`. */
  private readCall(node: ts.CallExpression): void {
    if (!ts.isPropertyAccessExpression(node.expression)) return;
    const receiver = referenceOf(node.expression.expression);
    if (!receiver) return;
    const args = [...node.arguments];
    const last = args[args.length - 1];
    const object = last && args.length > 1 ? this.objectOf(last) : undefined;
    const variable = variableOf(node);
    this.builder.method({
      receiver,
      method: node.expression.name.text,
      loc: this.loc(node),
      args: args.map((a) => this.arg(a)),
      props: object ? new Props(this, object) : undefined,
      ...(variable ? { variable } : {}),
    });
  }

  /** `nested`: an argument of a call inside an argument: its own calls are not read (`const x = f(x)` must not loop). */
  arg(expression: ts.Expression, nested = false): ArgView {
    const e = unwrap(expression);
    const reference = referenceOf(e);
    const call = nested ? undefined : this.callOf(e);
    return {
      loc: this.loc(expression),
      ...(reference ? { reference } : {}),
      ...(ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) ? { text: e.text } : {}),
      ...(call ? { call } : {}),
    };
  }

  /** `new X(...)`, a static call `X.y(...)` or a static member `X.Y` (through consts of the file). */
  callOf(expression: ts.Expression, depth = 0): CallView | undefined {
    const e = unwrap(expression);
    if (depth > 8) return undefined;
    if (ts.isNewExpression(e)) return { cls: this.classOf(e.expression), loc: this.loc(e), args: [...(e.arguments ?? [])].map((a) => this.arg(a, true)) };
    if (ts.isIdentifier(e)) {
      const init = this.consts.get(e.text);
      return init ? this.callOf(init, depth + 1) : undefined;
    }
    const callee = ts.isCallExpression(e) ? e.expression : e;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const cls = this.classOf(callee.expression) ?? (this.isLocal(callee) ? undefined : { module: '', name: this.className(callee.expression) ?? '' });
    if (!cls) return undefined;
    return { cls, member: callee.name.text, loc: this.loc(e), args: ts.isCallExpression(e) ? e.arguments.map((a) => this.arg(a, true)) : [] };
  }

  /** Evaluates an expression statically. */
  evaluate(expression: ts.Expression, depth = 0): Evaluated {
    if (depth > 32) return { unresolved: 'too deeply nested' };
    const e = unwrap(expression);
    if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { value: e.text };
    if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
    if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const inner = this.evaluate(e.operand, depth + 1);
      return 'value' in inner && typeof inner.value === 'number' ? { value: -inner.value } : inner;
    }
    if (ts.isBinaryExpression(e)) {
      const left = this.evaluate(e.left, depth + 1);
      const right = this.evaluate(e.right, depth + 1);
      if ('unresolved' in left) return left;
      if ('unresolved' in right) return right;
      if (typeof left.value === 'number' && typeof right.value === 'number') {
        const op = e.operatorToken.kind;
        if (op === ts.SyntaxKind.AsteriskToken) return { value: left.value * right.value, via: e.getText() };
        if (op === ts.SyntaxKind.PlusToken) return { value: left.value + right.value, via: e.getText() };
        if (op === ts.SyntaxKind.MinusToken) return { value: left.value - right.value, via: e.getText() };
        if (op === ts.SyntaxKind.SlashToken && right.value !== 0) return { value: left.value / right.value, via: e.getText() };
      }
      return { unresolved: `${short(e.getText())} is computed` };
    }
    if (ts.isIdentifier(e)) {
      const init = this.consts.get(e.text);
      if (!init) return { unresolved: `${e.text} is not a constant of this file` };
      const inner = this.evaluate(init, depth + 1);
      return 'value' in inner ? { value: inner.value, via: inner.via ?? e.text } : inner;
    }
    if (ts.isPropertyAccessExpression(e)) {
      // Runtime.NODEJS_20_X, Architecture.ARM_64, or a property of a const object (config.memory).
      const member = memberValue(this.className(e.expression), e.name.text);
      if (member !== undefined) return { value: member, via: e.getText() };
      const object = this.objectOf(e.expression, depth + 1);
      const property = object ? propertyOf(object, e.name.text) : undefined;
      if (property) {
        const inner = this.evaluate(property, depth + 1);
        return 'value' in inner ? { value: inner.value, via: inner.via ?? e.getText() } : inner;
      }
      return { unresolved: `${short(e.getText())} is not known statically` };
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      // Duration.seconds(30) -> seconds; Size.gibibytes(2) -> MiB (as "value unit" strings the converters read).
      const method = e.expression.name.text;
      const owner = this.className(e.expression.expression);
      const arg = e.arguments[0] ? this.evaluate(e.arguments[0], depth + 1) : { unresolved: 'no argument' };
      const value = 'value' in arg && typeof arg.value === 'number' ? unitValue(owner, method, arg.value) : undefined;
      if (value !== undefined) return { value, via: e.getText() };
      // InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE), KubernetesVersion.of('1.33').
      const called = callValue(
        owner,
        method,
        e.arguments.slice(0, 2).map((a) => this.evaluate(a, depth + 1)),
      );
      if (called) return 'value' in called ? { value: called.value, via: e.getText() } : called;
    }
    if (ts.isNewExpression(e)) {
      // new InstanceType('m7g.large').
      const called = callValue(
        this.className(e.expression),
        undefined,
        (e.arguments ?? []).slice(0, 1).map((a) => this.evaluate(a, depth + 1)),
      );
      if (called) return 'value' in called ? { value: called.value, via: e.getText() } : called;
    }
    return { unresolved: `${short(e.getText())} is computed by code, which Crossover never runs` };
  }

  /** The object literal an expression stands for (a literal, or a const holding one). */
  objectOf(expression: ts.Expression, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (depth > 16) return undefined;
    const e = unwrap(expression);
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const init = this.consts.get(e.text);
      return init ? this.objectOf(init, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const parent = this.objectOf(e.expression, depth + 1);
      const property = parent ? propertyOf(parent, e.name.text) : undefined;
      return property ? this.objectOf(property, depth + 1) : undefined;
    }
    return undefined;
  }

  locOf(node: ts.Node): SourceLocation {
    return this.loc(node);
  }

  text(node: ts.Node): string {
    return node.getText();
  }
}

/** A construct's props object: properties (after spreads of const objects), as fields with positions. */
class Props implements PropsView {
  /** `anchor`: where an entry that comes from another file (a spread of an imported const) is reported. */
  private readonly entries = new Map<string, { name: ts.Node; value: ts.Expression; anchor?: ts.Node }>();

  constructor(
    private readonly reader: AppReader,
    props: ts.Expression | undefined,
  ) {
    const object = props ? reader.objectOf(props) : undefined;
    if (object) this.collect(object, 0);
  }

  private collect(object: ts.ObjectLiteralExpression, depth: number, anchor?: ts.Node): void {
    if (depth > 8) return;
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.reader.objectOf(property.expression);
        if (spread) this.collect(spread, depth + 1, anchor ?? (this.reader.isLocal(spread) ? undefined : property));
      } else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        this.entries.set(property.name.text, { name: property.name, value: property.initializer, ...(anchor ? { anchor } : {}) });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.entries.set(property.name.text, { name: property.name, value: property.name, ...(anchor ? { anchor } : {}) });
      }
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keyLoc(key: string): SourceLocation | undefined {
    const entry = this.entries.get(key);
    return entry ? this.reader.locOf(entry.anchor ?? entry.name) : undefined;
  }

  reference(key: string): Reference | undefined {
    const value = this.entries.get(key)?.value;
    return value ? referenceOf(value) : undefined;
  }

  references(key: string): { reference: Reference; loc: SourceLocation }[] {
    const value = this.entries.get(key)?.value;
    const found: { reference: Reference; loc: SourceLocation }[] = [];
    // The outermost references under the value, in source order (a reference's own parts are not visited).
    if (value && this.reader.isLocal(value)) {
      eachNode(value, (node) => {
        if (ts.isPropertyAssignment(node)) return [node.initializer];
        if (ts.isShorthandPropertyAssignment(node)) return [node.name];
        const reference = ts.isExpression(node) ? referenceOf(node) : undefined;
        // `f(db).host`: the member name is not a reference of its own (and a long chain would make this quadratic).
        if (!reference) return ts.isPropertyAccessExpression(node) ? [node.expression] : undefined;
        found.push({ reference, loc: this.reader.locOf(node) });
        return [];
      });
    }
    return found;
  }

  nested(key: string): PropsView | undefined {
    const value = this.entries.get(key)?.value;
    const object = value ? this.reader.objectOf(value) : undefined;
    return object ? new Props(this.reader, object) : undefined;
  }

  call(key: string): CallView | undefined {
    const value = this.entries.get(key)?.value;
    return value ? this.reader.callOf(value) : undefined;
  }

  calls(key: string): CallView[] {
    const value = this.entries.get(key)?.value;
    const e = value ? unwrap(value) : undefined;
    if (!e || !ts.isArrayLiteralExpression(e)) return [];
    return e.elements.flatMap((element) => {
      const call = ts.isNewExpression(unwrap(element)) ? this.reader.callOf(element) : undefined;
      return call ? [call] : [];
    });
  }

  list(key: string): PropsView[] {
    const value = this.entries.get(key)?.value;
    const e = value ? unwrap(value) : undefined;
    if (!e || !ts.isArrayLiteralExpression(e)) return [];
    return e.elements.flatMap((element) => {
      const object = this.reader.objectOf(element);
      return object ? [new Props(this.reader, object)] : [];
    });
  }

  fields<T>(key: string, convert: (value: Value) => T | undefined): Field<T>[] {
    const entry = this.entries.get(key);
    const e = entry ? unwrap(entry.value) : undefined;
    if (!entry || !e || !ts.isArrayLiteralExpression(e)) return [];
    return e.elements.map((element) =>
      fieldOf(
        this.reader.evaluate(element),
        convert,
        this.reader.locOf(entry.anchor ?? element),
        this.reader.locOf(entry.anchor ?? entry.name),
        this.reader.text(element),
        !entry.anchor,
      ),
    );
  }

  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T) {
    const entry = this.entries.get(key);
    if (!entry) return { value: fallback, origin: 'default' as const };
    return fieldOf(
      this.reader.evaluate(entry.value),
      convert,
      this.reader.locOf(entry.anchor ?? entry.value),
      this.reader.locOf(entry.anchor ?? entry.name),
      this.reader.text(entry.value),
      !entry.anchor,
    );
  }
}

/** What a construct is assigned to: `const fn = new ...` -> 'fn', `this.fn = new ...` -> '@fn'. */
function variableOf(node: ts.Expression): string | undefined {
  let parent = node.parent;
  while (parent && (ts.isAsExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isSatisfiesExpression(parent))) parent = parent.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return referenceOf(parent.left)?.key;
  if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return `@${parent.name.text}`;
  return undefined;
}

/**
 * Visits `root` and every node under it in source order, with a stack of its own instead of recursion (the
 * input decides how deep the tree is). `visit` may return the children to go on with instead of the node's own.
 */
function eachNode(root: ts.Node, visit: (node: ts.Node) => readonly ts.Node[] | void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const chosen = visit(node);
    children.length = 0;
    if (chosen) children.push(...chosen);
    else
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Longer member chains are not references a construct is wired with (and are not followed, so no walk is quadratic). */
const MAX_REFERENCE_MEMBERS = 32;

/** `queue` -> {queue}, `this.db.instanceEndpoint.hostname` -> {@db, [instanceEndpoint, hostname]}; else undefined. */
function referenceOf(expression: ts.Expression): Reference | undefined {
  const members: string[] = [];
  let e = unwrap(expression);
  while (ts.isPropertyAccessExpression(e)) {
    if (members.length >= MAX_REFERENCE_MEMBERS) return undefined;
    const target = unwrap(e.expression);
    if (target.kind === ts.SyntaxKind.ThisKeyword) return { key: `@${e.name.text}`, members: members.reverse() };
    members.push(e.name.text);
    e = target;
  }
  return ts.isIdentifier(e) ? { key: e.text, members: members.reverse() } : undefined;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e))
    e = e.expression;
  return e;
}

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name)
      return property.initializer;
  }
  return undefined;
}
