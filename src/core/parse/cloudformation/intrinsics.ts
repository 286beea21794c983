/**
 * Static evaluation of CloudFormation intrinsic functions; nothing is ever executed. What can be known
 * from the template alone is computed: Refs to parameters with a Default, Fn::Sub of known values,
 * Fn::FindInMap with static keys, Fn::Join / Select / Split / Length of static parts, and Fn::If when both
 * branches agree. Everything else is "unresolved" with a short reason a person understands, e.g.
 * `!Ref MemoryParam (parameter without a Default)`. A reference to a name the template does not declare
 * is also reported as an `unresolved-reference` problem at the exact range of the name.
 */
import { type PathSegment } from '../../model/location.js';
import { getEntry, isMap, isScalar, isSeq, singleKey, stringValue, type MapEntry, type MapNode, type TreeNode } from '../document/tree.js';
import { type BuildContext, type Span } from './context.js';
import { getAttTarget, subParts, subPlaceholders, type Placeholder } from './references.js';
import { asStringPart, sameStatic, type Static } from './values.js';

/**
 * Values a reader of another language computed itself (Terraform: `var.memory` read from its default), written into
 * the template it builds: `{'Crossover::Value': [value, where it comes from]}`; and what it could not know, with the
 * reason: `{'Crossover::Unresolved': reason}`. No template written by a person uses these names.
 */
export const EVALUATED = 'Crossover::Value';
export const NOT_STATIC = 'Crossover::Unresolved';

type Resolved =
  | { kind: 'value'; value: Static; via?: string }
  | { kind: 'unresolved'; reason: string }
  /** `!Ref AWS::NoValue`: the property is removed, as if it had not been written. */
  | { kind: 'absent' };

/** One value may not take more evaluation steps than this (a hostile template must not stall the editor). */
const STEPS_PER_VALUE = 10_000;
/** Nor may a whole template. Past it, every further value is unresolved. */
const STEPS_PER_TEMPLATE = 2_000_000;
/**
 * Nor may it nest deeper than this: functions inside functions, or a mapping entry that looks itself up through
 * its keys, would otherwise recurse until the stack runs out. Real templates nest a handful of levels.
 */
const MAX_DEPTH = 64;
/** Maps with more entries than this are indexed once instead of scanned per lookup (huge Mappings). */
const INDEX_THRESHOLD = 32;

export class Resolver {
  private steps = 0;
  private totalSteps = 0;
  private depth = 0;
  private readonly parameterCache = new Map<string, Resolved>();
  private readonly indexes = new WeakMap<MapNode, Map<string, MapEntry>>();

  constructor(private readonly ctx: BuildContext) {}

  /**
   * The static value of a node, or why there is none. Computed once per node: a value in Globals is read
   * for every function, and evaluating a long one again for each of them made big templates quadratic.
   * (The value does not depend on the path, which only places the problems found, reported once anyway.)
   */
  resolve(node: TreeNode | undefined, path: PathSegment[]): Resolved {
    if (!node) return { kind: 'absent' };
    const known = this.resolved.get(node);
    if (known) return known;
    this.steps = 0;
    const result = this.eval(node, path);
    this.resolved.set(node, result);
    return result;
  }

  private readonly resolved = new Map<TreeNode, Resolved>();

  /** Looks a key up in a map, through an index for big maps. */
  lookup(node: TreeNode | undefined, key: string): MapEntry | undefined {
    if (!isMap(node)) return undefined;
    if (node.entries.length <= INDEX_THRESHOLD) return getEntry(node, key);
    let index = this.indexes.get(node);
    if (!index) {
      index = new Map(node.entries.map((entry) => [entry.key, entry]));
      this.indexes.set(node, index);
    }
    return index.get(key);
  }

  private eval(node: TreeNode | undefined, path: PathSegment[]): Resolved {
    if (++this.steps > STEPS_PER_VALUE || ++this.totalSteps > STEPS_PER_TEMPLATE) return unresolved('too complex to evaluate statically');
    if (this.depth >= MAX_DEPTH) return unresolved(`nested more than ${MAX_DEPTH} levels deep, too deep to evaluate statically`);
    this.depth++;
    try {
      return this.evalNode(node, path);
    } finally {
      this.depth--;
    }
  }

  private evalNode(node: TreeNode | undefined, path: PathSegment[]): Resolved {
    if (!node) return { kind: 'absent' };
    if (isScalar(node)) return scalar(node.value);
    if (isSeq(node)) return this.list(node.items, path);
    const fn = singleKey(node);
    if (fn === EVALUATED || fn === NOT_STATIC) return computed(fn, node.entries[0]!.value);
    if (fn === undefined || !(fn === 'Ref' || fn === 'Condition' || fn.startsWith('Fn::'))) return unresolved('a map, not a single value');
    const arg = node.entries[0]!.value;
    const argPath = [...path, fn];
    switch (fn) {
      case 'Ref':
        return this.ref(arg, argPath);
      case 'Fn::GetAtt':
        return this.getAtt(arg, argPath);
      case 'Fn::Sub':
        return this.sub(arg, argPath);
      case 'Fn::FindInMap':
        return this.findInMap(arg, argPath);
      case 'Fn::If':
        return this.ifFn(arg, argPath);
      case 'Fn::Join':
        return this.join(arg, argPath);
      case 'Fn::Select':
        return this.select(arg, argPath);
      case 'Fn::Split':
        return this.split(arg, argPath);
      case 'Fn::Length':
        return this.length(arg, argPath);
      default:
        return unresolved(`${fn} (known at deployment)`);
    }
  }

  private list(items: TreeNode[], path: PathSegment[]): Resolved {
    const values: Static[] = [];
    let via: string | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = this.eval(items[i], [...path, i]);
      if (item.kind === 'absent') continue; // `!Ref AWS::NoValue` drops the item
      if (item.kind === 'unresolved') return item;
      values.push(item.value);
      via ??= item.via;
    }
    return value(values, via);
  }

  private ref(arg: TreeNode, path: PathSegment[]): Resolved {
    const name = stringValue(arg);
    if (name === undefined) return unresolved('Ref needs a name');
    return this.named(name, undefined, arg, path, (n) => `!Ref ${n}`);
  }

  /**
   * A Ref, or a `${Name}` / `${Name.Attr}` placeholder: a parameter, pseudo parameter or resource.
   * `show` renders the reference the way the author wrote it, for reasons and messages.
   */
  private named(name: string, attribute: string | undefined, span: Span, path: PathSegment[], show: (name: string) => string): Resolved {
    if (attribute !== undefined) return this.attribute(name, attribute, span, path, show(`${name}.${attribute}`));
    if (name === 'AWS::NoValue') return { kind: 'absent' };
    switch (this.ctx.nameKind(name)) {
      case 'parameter':
        return this.parameter(name);
      case 'pseudo':
        return unresolved(`${show(name)} (pseudo parameter, known at deployment)`);
      case 'resource':
        return unresolved(`${show(name)} (resource, known at deployment)`);
      case 'generated':
        return unresolved(`${show(name)} (created by SAM at deployment)`);
      case 'unknown':
        this.ctx.unknownReference(span, path, `${show(name)}: no parameter or resource of this template is called ${name}.`);
        return unresolved(`${show(name)} (not declared in this template)`);
    }
  }

  private attribute(resource: string, attribute: string, span: Span, path: PathSegment[], shown: string): Resolved {
    const kind = this.ctx.nameKind(resource);
    if (kind === 'unknown') {
      this.ctx.unknownReference(span, path, `${shown}: no resource of this template is called ${resource}.`);
      return unresolved(`${shown} (not declared in this template)`);
    }
    return unresolved(`${shown} (resource attribute, known at deployment)`);
  }

  /** A parameter's value is its Default, converted the way CloudFormation hands it over for its Type. */
  private parameter(name: string): Resolved {
    const cached = this.parameterCache.get(name);
    if (cached) return cached;
    const declaration = getEntry(this.ctx.parameters, name)?.value;
    const type = stringValue(getEntry(declaration, 'Type')?.value);
    const defaultNode = getEntry(declaration, 'Default')?.value;
    let result: Resolved;
    if (type?.startsWith('AWS::SSM::Parameter::Value')) result = unresolved(`!Ref ${name} (SSM parameter, read at deployment)`);
    else if (!defaultNode || (isScalar(defaultNode) && defaultNode.value === null)) result = unresolved(`!Ref ${name} (parameter without a Default)`);
    else {
      // A Default is a literal: intrinsics are not allowed there, so no further evaluation.
      const literal = isScalar(defaultNode)
        ? scalar(defaultNode.value)
        : isSeq(defaultNode)
          ? this.list(defaultNode.items, ['Parameters', name, 'Default'])
          : undefined;
      result =
        literal?.kind === 'value'
          ? value(coerceParameter(literal.value, type), `!Ref ${name} (parameter Default)`)
          : unresolved(`!Ref ${name} (its Default is not a plain value)`);
    }
    this.parameterCache.set(name, result);
    return result;
  }

  private getAtt(arg: TreeNode, path: PathSegment[]): Resolved {
    const target = getAttTarget(arg);
    if (!target) return unresolved('Fn::GetAtt needs a resource and an attribute');
    const shown = `Fn::GetAtt ${target.resource}.${target.attribute}`;
    if (this.ctx.nameKind(target.resource) === 'unknown') {
      this.ctx.unknownReference(arg, path, `${shown}: no resource of this template is called ${target.resource}.`);
      return unresolved(`!GetAtt ${target.resource}.${target.attribute} (not declared in this template)`);
    }
    return unresolved(`!GetAtt ${target.resource}.${target.attribute} (resource attribute, known at deployment)`);
  }

  private sub(arg: TreeNode, path: PathSegment[]): Resolved {
    const { template, templateNode, variables } = subParts(arg);
    if (template === undefined || !templateNode) return unresolved('Fn::Sub needs a string');
    const placeholders = subPlaceholders(template);
    if (!placeholders) return unresolved('Fn::Sub with too many placeholders to evaluate');
    const local = variables && variables.entries.length ? new Map(variables.entries.map((e) => [e.key, e])) : undefined;
    const templatePath = isSeq(arg) ? [...path, 0] : path;
    let reason: string | undefined;
    const parts: string[] = [];
    let from = 0;
    for (const placeholder of placeholders) {
      const resolved = this.placeholder(placeholder, local, templateNode, template, templatePath, path);
      const text = resolved.kind === 'value' ? asStringPart(resolved.value) : undefined;
      // Keep going after a failure so that every undeclared name in the string is reported.
      if (text === undefined) reason ??= resolved.kind === 'unresolved' ? resolved.reason : `\${${placeholder.inner}} has no value`;
      else parts.push(unescape(template.slice(from, placeholder.index)), text);
      from = placeholder.index + placeholder.inner.length + 3;
    }
    if (reason) return unresolved(reason);
    parts.push(unescape(template.slice(from)));
    return value(parts.join(''), 'Fn::Sub');
  }

  private placeholder(
    placeholder: Placeholder,
    local: Map<string, MapEntry> | undefined,
    templateNode: TreeNode,
    template: string,
    templatePath: PathSegment[],
    path: PathSegment[],
  ): Resolved {
    const variable = local?.get(placeholder.inner.trim());
    if (variable) return this.eval(variable.value, [...path, 1, variable.key]);
    const span = this.ctx.placeholderSpan(templateNode, template, placeholder);
    return this.named(placeholder.name, placeholder.attribute, span, templatePath, (n) => `\${${n}}`);
  }

  private findInMap(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length < 3) return unresolved('Fn::FindInMap needs a map name and two keys');
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const key = this.eval(arg.items[i], [...path, i]);
      const text = key.kind === 'value' ? asStringPart(key.value) : undefined;
      if (text === undefined) return unresolved(key.kind === 'unresolved' ? `Fn::FindInMap key ${key.reason}` : 'Fn::FindInMap key has no value');
      keys.push(text);
      // Check that the mapping exists as soon as its name is known, even when the later keys are not static.
      if (i === 0 && !this.lookup(this.ctx.mappings, text)) {
        this.ctx.unknownReference(arg.items[0]!, [...path, 0], `Fn::FindInMap: this template has no mapping called ${text}.`);
        return unresolved(`Fn::FindInMap ${text} (no such mapping)`);
      }
    }
    const [mapName, top, second] = keys as [string, string, string];
    const found = this.lookup(this.lookup(this.lookup(this.ctx.mappings, mapName)?.value, top)?.value, second);
    if (found) return via(this.eval(found.value, ['Mappings', mapName, top, second]), 'Fn::FindInMap');
    // The optional DefaultValue of the AWS::LanguageExtensions transform.
    const fallback = getEntry(arg.items[3], 'DefaultValue');
    if (fallback) return via(this.eval(fallback.value, [...path, 3, 'DefaultValue']), 'Fn::FindInMap');
    return unresolved(`Fn::FindInMap ${mapName}.${top}.${second} (no such entry)`);
  }

  private ifFn(arg: TreeNode, path: PathSegment[]): Resolved {
    const condition = isSeq(arg) ? stringValue(arg.items[0]) : undefined;
    if (!isSeq(arg) || arg.items.length !== 3 || condition === undefined) return unresolved('Fn::If needs a condition and two values');
    const whenTrue = this.eval(arg.items[1], [...path, 1]);
    const whenFalse = this.eval(arg.items[2], [...path, 2]);
    if (whenTrue.kind === 'absent' && whenFalse.kind === 'absent') return whenTrue;
    if (whenTrue.kind === 'value' && whenFalse.kind === 'value' && sameStatic(whenTrue.value, whenFalse.value)) {
      return value(whenTrue.value, `Fn::If ${condition} (both branches agree)`);
    }
    return unresolved(`Fn::If ${condition} (condition, known at deployment)`);
  }

  private join(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Join needs a delimiter and a list');
    const delimiter = stringValue(arg.items[0]) ?? '';
    const list = this.eval(arg.items[1], [...path, 1]);
    if (list.kind === 'unresolved') return list;
    if (list.kind === 'absent' || !Array.isArray(list.value)) return unresolved('Fn::Join needs a list');
    const parts = list.value.map(asStringPart);
    if (parts.some((p) => p === undefined)) return unresolved('Fn::Join of a nested list');
    return value(parts.join(delimiter), 'Fn::Join');
  }

  private select(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Select needs an index and a list');
    const indexed = this.eval(arg.items[0], [...path, 0]);
    if (indexed.kind !== 'value') return indexed.kind === 'unresolved' ? indexed : unresolved('Fn::Select needs an index');
    const index = Number(indexed.value);
    if (!Number.isInteger(index) || index < 0) return unresolved(`Fn::Select index ${String(indexed.value)} is not valid`);
    const listNode = arg.items[1];
    // A literal list: evaluate only the chosen item, so an unknown neighbour does not spoil it.
    if (isSeq(listNode)) {
      const item = listNode.items[index];
      return item ? via(this.eval(item, [...path, 1, index]), 'Fn::Select') : unresolved(`Fn::Select index ${index} is out of range`);
    }
    const list = this.eval(listNode, [...path, 1]);
    if (list.kind !== 'value') return list.kind === 'unresolved' ? list : unresolved('Fn::Select needs a list');
    if (!Array.isArray(list.value)) return unresolved('Fn::Select needs a list');
    const item = list.value[index];
    return item === undefined ? unresolved(`Fn::Select index ${index} is out of range`) : value(item, 'Fn::Select');
  }

  private split(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Split needs a delimiter and a string');
    const delimiter = stringValue(arg.items[0]);
    if (!delimiter) return unresolved('Fn::Split needs a delimiter');
    const source = this.eval(arg.items[1], [...path, 1]);
    if (source.kind === 'unresolved') return source;
    if (source.kind === 'absent' || typeof source.value !== 'string') return unresolved('Fn::Split needs a string');
    return value(source.value.split(delimiter), 'Fn::Split');
  }

  private length(arg: TreeNode, path: PathSegment[]): Resolved {
    const list = this.eval(arg, path);
    if (list.kind === 'unresolved') return list;
    return list.kind === 'value' && Array.isArray(list.value) ? value(list.value.length, 'Fn::Length') : unresolved('Fn::Length needs a list');
  }
}

function unresolved(reason: string): Resolved {
  return { kind: 'unresolved', reason };
}

function value(v: Static, how?: string): Resolved {
  return how ? { kind: 'value', value: v, via: how } : { kind: 'value', value: v };
}

/** Marks a value as computed by an intrinsic (the innermost reason wins, e.g. the parameter it came from). */
function via(resolved: Resolved, how: string): Resolved {
  return resolved.kind === 'value' ? value(resolved.value, resolved.via ?? how) : resolved;
}

/** A literal, unless it holds a dynamic reference (`{{resolve:ssm:...}}`) that CloudFormation fills in. */
function scalar(v: Static): Resolved {
  if (typeof v === 'string' && v.includes('{{resolve:')) {
    const reference = /\{\{resolve:[^}]*\}\}/.exec(v)?.[0] ?? '{{resolve:...}}';
    return unresolved(`dynamic reference ${reference.length > 60 ? reference.slice(0, 57) + '...' : reference} (resolved at deployment)`);
  }
  return value(v);
}

/** `${!Literal}` writes `${Literal}`. */
function unescape(text: string): string {
  return text.includes('${!') ? text.replace(/\$\{!/g, '${') : text;
}

/** CloudFormation hands a parameter over as its declared type: numbers for Number, lists for list types. */
function coerceParameter(v: Static, type: string | undefined): Static {
  if (type === 'Number' && typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  if (type && /^(CommaDelimitedList|List<)/.test(type)) {
    if (typeof v === 'string') return v.split(',').map((s) => s.trim());
    return Array.isArray(v) ? v : [v];
  }
  if (type === 'String' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return v;
}

/** A value another reader computed (EVALUATED: [value, via]) or could not know (NOT_STATIC: reason). */
function computed(fn: string, arg: TreeNode): Resolved {
  if (fn === NOT_STATIC) return unresolved(stringValue(arg) ?? 'not known statically');
  if (isSeq(arg) && isScalar(arg.items[0])) {
    const via = stringValue(arg.items[1]);
    return { kind: 'value', value: arg.items[0].value, ...(via !== undefined ? { via } : {}) };
  }
  return unresolved('not known statically');
}
