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
import { defaultField, type Field } from '../../model/field.js';
import { type SourceLocation } from '../../model/location.js';
import { type EcsService, type EcsTaskDefinition, type EventSource, type LambdaFunction, type ModelNode, type SqsQueue, type ApiGateway } from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { type ParsedTemplate } from '../cloudformation/types.js';
import { LineIndex } from '../document/lines.js';
import { mentionsCdk } from './detect.js';


type Value = number | string | boolean;
type Evaluated = { value: Value; via?: string } | { unresolved: string };

/** The CDK module a class comes from, without the version prefix: `aws-lambda`, `aws-sqs`, `core`, ... */
interface ClassRef {
  module: string;
  name: string;
}

const LAMBDA_CLASSES = new Set(['aws-lambda.Function', 'aws-lambda.DockerImageFunction', 'aws-lambda.SingletonFunction', 'aws-lambda-nodejs.NodejsFunction', 'aws-lambda-python.PythonFunction', 'aws-lambda-python-alpha.PythonFunction', 'aws-lambda-go-alpha.GoFunction']);

/** Reads another source file of the app, relative to this one ('./config' -> its text), or undefined. */
export type SourceReader = (relativePath: string) => string | undefined;

export function readCdkTypeScript(uri: string, text: string, readFile?: SourceReader): ParsedTemplate | undefined {
  if (!mentionsCdk(text)) return undefined;
  const source = ts.createSourceFile(uri, text, ts.ScriptTarget.Latest, true, /\.(js|cjs|mjs)$/i.test(uri) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  return new AppReader(uri, text, source, readFile).read();
}

/** The exported top-level consts of another file of the app (one level deep: its own imports are not followed). */
function exportedConsts(path: string, readFile: SourceReader): Map<string, { expression: ts.Expression; source: ts.SourceFile }> {
  const consts = new Map<string, { expression: ts.Expression; source: ts.SourceFile }>();
  const candidates = /\.[cm]?[jt]s$/.test(path) ? [path] : [`${path}.ts`, `${path}.js`, `${path}/index.ts`, `${path}/index.js`];
  for (const candidate of candidates) {
    const text = readFile(candidate);
    if (text === undefined) continue;
    const source = ts.createSourceFile(candidate, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, { expression: declaration.initializer, source });
      }
    }
    break;
  }
  return consts;
}

class AppReader {
  private readonly lines: LineIndex;
  /** Local name -> module (namespace import) or class (named import). */
  private readonly namespaces = new Map<string, string>();
  private readonly named = new Map<string, ClassRef>();
  private readonly consts = new Map<string, ts.Expression>();
  /** Variable name -> the construct id it holds. */
  private readonly constructs = new Map<string, string>();
  private readonly model: TemplateModel;
  private readonly pendingEvents: { fnVar: string; event: EventSource; queueVar?: string }[] = [];

  constructor(
    private readonly uri: string,
    text: string,
    private readonly source: ts.SourceFile,
    private readonly readFile?: SourceReader,
  ) {
    this.lines = new LineIndex(text);
    this.model = { uri, format: 'cdk', parameters: new Map(), functions: [], apis: [], queues: [], databases: [], dbProxies: [], taskDefinitions: [], services: [], byId: new Map(), resourceTypes: new Map() };
  }

  read(): ParsedTemplate | undefined {
    for (const statement of this.source.statements) if (ts.isImportDeclaration(statement)) this.readImport(statement);
    if (this.namespaces.size === 0 && this.named.size === 0) return undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        this.consts.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(this.source);
    const walk = (node: ts.Node): void => {
      if (ts.isNewExpression(node)) this.readConstruct(node);
      if (ts.isCallExpression(node)) this.readCall(node);
      ts.forEachChild(node, walk);
    };
    walk(this.source);
    for (const pending of this.pendingEvents) {
      const id = this.constructs.get(pending.fnVar);
      const fn = this.model.functions.find((f) => f.id === id);
      if (!fn) continue;
      if (pending.queueVar) {
        const queueId = this.constructs.get(pending.queueVar);
        if (queueId) pending.event.targetId = queueId;
      }
      fn.events.push(pending.event);
    }
    for (const list of [this.model.functions, this.model.queues, this.model.apis, this.model.taskDefinitions, this.model.services] as ModelNode[][]) {
      for (const node of list) this.model.byId.set(node.id, node);
    }
    if (this.model.byId.size === 0) return undefined;
    return { model: this.model, problems: [] };
  }

  private readImport(statement: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
    const specifier = statement.moduleSpecifier.text;
    if (specifier.startsWith('.') && this.readFile) {
      // `import { SIZES } from './config'`: the exported consts of another file of the app.
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const exported = exportedConsts(specifier, this.readFile);
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
    const key = `${cls.module}.${cls.name}`;
    // Integrations take the function, not a scope and id: `new LambdaIntegration(fn)`, `new HttpLambdaIntegration('Id', fn)`.
    if (key === 'aws-apigateway.LambdaIntegration' || key === 'aws-apigatewayv2-integrations.HttpLambdaIntegration' || key === 'aws-apigatewayv2-integrations-alpha.HttpLambdaIntegration') {
      const rest = key === 'aws-apigateway.LambdaIntegration';
      const fnArg = node.arguments?.[rest ? 0 : 1];
      if (fnArg && ts.isIdentifier(fnArg)) {
        this.pendingEvents.push({ fnVar: fnArg.text, event: { name: cls.name, kind: rest ? 'api' : 'http-api', sourceType: cls.name, invocation: 'sync', loc: this.loc(node.expression) } });
      }
      return;
    }
    const [, idArg, propsArg] = node.arguments ?? [];
    const id = idArg && (ts.isStringLiteral(idArg) || ts.isNoSubstitutionTemplateLiteral(idArg)) ? idArg.text : undefined;
    if (id === undefined) return;
    const props = new Props(this, propsArg);
    const base = { id, type: key, loc: this.loc(node.expression), ignoredRules: [] as string[] };
    const variable = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
    if (variable) this.constructs.set(variable, id);
    if (LAMBDA_CLASSES.has(key)) {
      const fn: LambdaFunction = {
        ...base,
        kind: 'lambda-function',
        name: props.field('functionName', asString).value ?? id,
        memoryMb: props.field('memorySize', asNumber, 128),
        timeoutSeconds: props.field('timeout', asSeconds, 3),
        runtime: props.field('runtime', asRuntime),
        architecture: props.field('architecture', asArchitecture, 'x86_64'),
        ephemeralStorageMb: props.field('ephemeralStorageSize', asMegabytes, 512),
        packageType: defaultField(cls.name === 'DockerImageFunction' ? 'Image' : 'Zip'),
        handler: props.field('handler', asString),
        snapStart: defaultField('None'),
        layers: 0,
        events: [],
        links: [],
      };
      const reserved = props.find('reservedConcurrentExecutions');
      if (reserved) fn.reservedConcurrency = props.field('reservedConcurrentExecutions', asNumber);
      if (props.find('vpc')) fn.vpc = { at: this.loc(props.find('vpc')!.name), origin: 'explicit', attached: true };
      for (const event of props.elements('events')) {
        const inner = ts.isNewExpression(event) ? this.classOf(event.expression) : undefined;
        if (inner?.name === 'SqsEventSource' && variable && ts.isNewExpression(event)) {
          const queue = event.arguments?.[0];
          this.pendingEvents.push({ fnVar: variable, event: { name: inner.name, kind: 'sqs', sourceType: inner.name, invocation: 'poll', loc: this.loc(event) }, ...(queue && ts.isIdentifier(queue) ? { queueVar: queue.text } : {}) });
        }
      }
      this.model.functions.push(fn);
    } else if (key === 'aws-sqs.Queue') {
      const queue: SqsQueue = { ...base, kind: 'sqs-queue', visibilityTimeoutSeconds: props.field('visibilityTimeout', asSeconds, 30), fifo: props.field('fifo', asBoolean, false).value === true };
      this.model.queues.push(queue);
    } else if (key === 'aws-apigateway.LambdaRestApi') {
      const api: ApiGateway = { ...base, kind: 'api-gateway', protocol: 'REST', implicit: false, endpointType: defaultField('EDGE') };
      this.model.apis.push(api);
      const handler = props.expression('handler');
      if (handler && ts.isIdentifier(handler)) this.pendingEvents.push({ fnVar: handler.text, event: { name: id, kind: 'api', sourceType: 'LambdaRestApi', invocation: 'sync', loc: this.loc(node.expression), targetId: id } });
    } else if (key === 'aws-ecs.FargateTaskDefinition') {
      this.model.taskDefinitions.push(this.taskDefinition(base, props, 'cpu', 'memoryLimitMiB'));
    } else if (key === 'aws-ecs.FargateService') {
      const taskVar = props.expression('taskDefinition');
      this.model.services.push(this.service(base, props, taskVar && ts.isIdentifier(taskVar) ? this.constructs.get(taskVar.text) : undefined, 0));
    } else if (key === 'aws-ecs-patterns.ApplicationLoadBalancedFargateService' || key === 'aws-ecs-patterns.QueueProcessingFargateService') {
      // The patterns take cpu / memoryLimitMiB at the top level and name their task definition so.
      const taskId = `${id}/${key.endsWith('ApplicationLoadBalancedFargateService') ? 'TaskDef' : 'QueueProcessingTaskDef'}`;
      this.model.taskDefinitions.push(this.taskDefinition({ ...base, id: taskId }, props, 'cpu', 'memoryLimitMiB'));
      this.model.services.push(this.service(base, props, taskId, key.endsWith('ApplicationLoadBalancedFargateService') ? 1 : 0));
    } else if (key === 'aws-ecs-patterns.ScheduledFargateTask') {
      // A scheduled task has no service; its size is in scheduledFargateTaskImageOptions.
      const options = props.expression('scheduledFargateTaskImageOptions');
      this.model.taskDefinitions.push(this.taskDefinition({ ...base, id: `${id}/ScheduledTaskDef` }, options ? new Props(this, options) : props, 'cpu', 'memoryLimitMiB'));
    }
  }

  /** `fn.addEventSource(new SqsEventSource(queue))`. */
  private readCall(node: ts.CallExpression): void {
    if (!ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'addEventSource' || !ts.isIdentifier(node.expression.expression)) return;
    const arg = node.arguments[0];
    if (!arg || !ts.isNewExpression(arg)) return;
    const cls = this.classOf(arg.expression);
    if (cls?.name !== 'SqsEventSource') return;
    const queue = arg.arguments?.[0];
    this.pendingEvents.push({ fnVar: node.expression.expression.text, event: { name: cls.name, kind: 'sqs', sourceType: cls.name, invocation: 'poll', loc: this.loc(arg) }, ...(queue && ts.isIdentifier(queue) ? { queueVar: queue.text } : {}) });
  }

  private taskDefinition(base: { id: string; type: string; loc: SourceLocation; ignoredRules: string[] }, props: Props, cpuKey: string, memoryKey: string): EcsTaskDefinition {
    return {
      ...base,
      kind: 'ecs-task-definition',
      family: props.field('family', asString).value,
      // CDK's Fargate defaults: 256 CPU units, 512 MiB.
      cpuUnits: props.field(cpuKey, asNumber, 256),
      memoryMb: props.field(memoryKey, asNumber, 512),
      architecture: defaultField('x86_64'),
      compatibilities: ['FARGATE'],
      fargate: true,
      networkMode: defaultField('awsvpc'),
      ephemeralStorageGb: props.field('ephemeralStorageGiB', asNumber, 20),
      containers: [],
    };
  }

  private service(base: { id: string; type: string; loc: SourceLocation; ignoredRules: string[] }, props: Props, taskId: string | undefined, loadBalancers: number): EcsService {
    return {
      ...base,
      kind: 'ecs-service',
      taskDefinitionId: taskId,
      launchType: defaultField('FARGATE'),
      desiredCount: props.field('desiredCount', asNumber, 1),
      loadBalancers,
      circuitBreaker: props.find('circuitBreaker') !== undefined,
      scalingPolicies: [],
    };
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
      const owner = this.className(e.expression);
      if (owner === 'Runtime') return { value: runtimeName(e.name.text), via: e.getText() };
      if (owner === 'Architecture') return { value: e.name.text === 'ARM_64' ? 'arm64' : 'x86_64', via: e.getText() };
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
      const cls = { name: this.className(e.expression.expression) };
      const method = e.expression.name.text;
      const arg = e.arguments[0] ? this.evaluate(e.arguments[0], depth + 1) : { unresolved: 'no argument' };
      if ('value' in arg && typeof arg.value === 'number') {
        if (cls?.name === 'Duration') {
          const factor: Record<string, number> = { millis: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };
          if (factor[method] !== undefined) return { value: `${arg.value * factor[method]!} s`, via: e.getText() };
        }
        if (cls?.name === 'Size') {
          const factor: Record<string, number> = { kibibytes: 1 / 1024, mebibytes: 1, gibibytes: 1024, tebibytes: 1024 * 1024 };
          if (factor[method] !== undefined) return { value: `${arg.value * factor[method]!} MiB`, via: e.getText() };
        }
      }
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
class Props {
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

  find(key: string): { name: ts.Node; value: ts.Expression } | undefined {
    return this.entries.get(key);
  }

  expression(key: string): ts.Expression | undefined {
    return this.entries.get(key)?.value;
  }

  elements(key: string): ts.Expression[] {
    const value = this.entries.get(key)?.value;
    const e = value ? unwrap(value) : undefined;
    return e && ts.isArrayLiteralExpression(e) ? [...e.elements] : [];
  }

  field<T>(key: string, convert: (value: Value) => T | undefined, fallback?: T): Field<T> {
    const entry = this.entries.get(key);
    if (!entry) return defaultField(fallback);
    const at = this.reader.locOf(entry.anchor ?? entry.value);
    const keyAt = this.reader.locOf(entry.anchor ?? entry.name);
    const evaluated = this.reader.evaluate(entry.value);
    if ('unresolved' in evaluated) return { value: undefined, origin: 'explicit', at, keyAt, unresolved: evaluated.unresolved };
    const value = convert(evaluated.value);
    if (value === undefined) return { value: undefined, origin: 'explicit', at, keyAt, unresolved: `${short(this.reader.text(entry.value))} is not a valid value here` };
    return { value, origin: 'explicit', at, keyAt, ...(evaluated.via ? { via: evaluated.via } : {}) };
  }
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) return property.initializer;
  }
  return undefined;
}

const short = (text: string) => (text.length > 50 ? text.slice(0, 47) + '...' : text).replace(/\s+/g, ' ');

/** `aws-cdk-lib/aws-lambda` -> `aws-lambda`; `aws-cdk-lib` and `@aws-cdk/core` -> `core`. */
function cdkModule(specifier: string): string | undefined {
  if (specifier === 'aws-cdk-lib' || specifier === '@aws-cdk/core') return 'core';
  const v2 = /^aws-cdk-lib\/([a-z0-9-]+)$/.exec(specifier);
  if (v2) return v2[1];
  const v1 = /^@aws-cdk\/([a-z0-9-]+)$/.exec(specifier);
  return v1?.[1];
}

/** `NODEJS_20_X` -> `nodejs20.x`, `PYTHON_3_12` -> `python3.12`, `JAVA_21` -> `java21`, `PROVIDED_AL2023` -> `provided.al2023`. */
export function runtimeName(member: string): string {
  const m = member.toLowerCase();
  let match = /^nodejs_(\d+)_x$/.exec(m);
  if (match) return `nodejs${match[1]}.x`;
  match = /^python_(\d+)_(\d+)$/.exec(m);
  if (match) return `python${match[1]}.${match[2]}`;
  match = /^(java|dotnet|go)_?(\d+)(?:_x)?$/.exec(m);
  if (match) return `${match[1]}${match[2]}${match[1] === 'go' ? '.x' : ''}`;
  match = /^ruby_(\d+)_(\d+)$/.exec(m);
  if (match) return `ruby${match[1]}.${match[2]}`;
  match = /^provided_(al\d+)$/.exec(m);
  if (match) return `provided.${match[1]}`;
  if (m === 'provided') return 'provided';
  return m;
}

const asNumber = (v: Value): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined);
const asString = (v: Value): string | undefined => (typeof v === 'string' ? v : undefined);
const asBoolean = (v: Value): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const asSeconds = (v: Value): number | undefined => (typeof v === 'string' && / s$/.test(v) ? Number(v.slice(0, -2)) : undefined);
const asMegabytes = (v: Value): number | undefined => (typeof v === 'string' && / MiB$/.test(v) ? Number(v.slice(0, -4)) : undefined);
const asRuntime = (v: Value): string | undefined => (typeof v === 'string' && /^[a-z]/.test(v) ? v : undefined);
const asArchitecture = (v: Value): 'x86_64' | 'arm64' | undefined => (v === 'arm64' || v === 'x86_64' ? v : undefined);
