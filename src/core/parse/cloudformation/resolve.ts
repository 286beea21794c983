/**
 * Static evaluation of CloudFormation intrinsic functions, never executing anything: Refs to parameters
 * with a Default, Fn::Sub of known values, Fn::FindInMap with static keys, Fn::Join/Select/Split of static
 * parts. Fn::If is left unresolved unless both branches agree. Anything else is "unresolved" with a reason
 * a person understands.
 */
import { type PathSegment } from '../../model/location.js';
import { get, getEntry, isSeq, isScalar, singleKey, stringValue, type ScalarValue, type TreeNode } from '../document/tree.js';
import { type BuildContext } from './context.js';

export type Static = string | number | boolean | null | Static[];

export type Resolved =
  | { kind: 'value'; value: Static; via?: string }
  | { kind: 'unresolved'; reason: string }
  /** `!Ref AWS::NoValue`: the property is removed. */
  | { kind: 'absent' };

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Resolution of one value may not take more steps than this (guards against hostile templates). */
const STEP_BUDGET = 20_000;

export class Resolver {
  private steps = 0;
  private readonly parameters: TreeNode | undefined;
  private readonly mappings: TreeNode | undefined;
  /** SAM creates resources the template does not declare; their names start with a SAM resource's id. */
  private readonly samPrefixes: string[];

  constructor(private readonly ctx: BuildContext) {
    this.parameters = get(ctx.doc.root, 'Parameters');
    this.mappings = get(ctx.doc.root, 'Mappings');
    this.samPrefixes = ctx.isSam
      ? ['ServerlessRestApi', 'ServerlessHttpApi', ...[...ctx.resources.values()].filter((r) => r.type.startsWith('AWS::Serverless::')).map((r) => r.id)]
      : [];
  }

  /** Resolves a node to a static value (scalar or list). */
  resolve(node: TreeNode | undefined, path: PathSegment[]): Resolved {
    this.steps = 0;
    return this.eval(node, path);
  }

  /** Is this name something a Ref or GetAtt may point at? Reports it when not. */
  isKnownName(name: string): boolean {
    if (this.ctx.resources.has(name) || getEntry(this.parameters, name) || PSEUDO_PARAMETERS.has(name) || name === 'AWS::NoValue') return true;
    return this.samPrefixes.some((prefix) => name.startsWith(prefix));
  }

  private eval(node: TreeNode | undefined, path: PathSegment[]): Resolved {
    if (++this.steps > STEP_BUDGET) return unresolved('the value is too complex to evaluate');
    if (!node) return { kind: 'absent' };
    if (isScalar(node)) return { kind: 'value', value: node.value };
    if (isSeq(node)) {
      const values: Static[] = [];
      let via: string | undefined;
      for (let i = 0; i < node.items.length; i++) {
        const item = this.eval(node.items[i], [...path, i]);
        if (item.kind === 'absent') continue;
        if (item.kind === 'unresolved') return item;
        values.push(item.value);
        via ??= item.via;
      }
      return via ? { kind: 'value', value: values, via } : { kind: 'value', value: values };
    }
    const fn = singleKey(node);
    if (fn === undefined || !(fn === 'Ref' || fn.startsWith('Fn::') || fn === 'Condition')) return unresolved('a map is not a single value');
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
      default:
        return unresolved(`${fn} is only evaluated at deployment`);
    }
  }

  private ref(arg: TreeNode, path: PathSegment[]): Resolved {
    const name = stringValue(arg);
    if (name === undefined) return unresolved('Ref needs a name');
    if (name === 'AWS::NoValue') return { kind: 'absent' };
    if (PSEUDO_PARAMETERS.has(name)) return unresolved(`!Ref ${name} is only known at deployment`);
    const parameter = getEntry(this.parameters, name);
    if (parameter) {
      const defaultNode = get(parameter.value, 'Default');
      if (!defaultNode) return unresolved(`!Ref ${name} (a parameter without a Default)`);
      const resolved = this.eval(defaultNode, ['Parameters', name, 'Default']);
      if (resolved.kind !== 'value') return unresolved(`!Ref ${name} (its Default is not static)`);
      return { kind: 'value', value: coerceParameter(resolved.value, stringValue(get(parameter.value, 'Type'))), via: `!Ref ${name} (the parameter's Default)` };
    }
    if (this.ctx.resources.has(name)) return unresolved(`!Ref ${name} is a resource, known only at deployment`);
    if (this.isKnownName(name)) return unresolved(`!Ref ${name} is created by SAM at deployment`);
    this.ctx.problem(arg, path, 'unresolved-reference', `!Ref ${name}: no parameter or resource of this template is called ${name}.`);
    return unresolved(`!Ref ${name} names nothing in this template`);
  }

  private getAtt(arg: TreeNode, path: PathSegment[]): Resolved {
    const target = getAttTarget(arg);
    if (!target) return unresolved('Fn::GetAtt needs a resource and an attribute');
    if (!this.isKnownName(target.resource)) {
      this.ctx.problem(arg, path, 'unresolved-reference', `Fn::GetAtt ${target.resource}.${target.attribute}: no resource of this template is called ${target.resource}.`);
      return unresolved(`Fn::GetAtt names ${target.resource}, which is not in this template`);
    }
    return unresolved(`!GetAtt ${target.resource}.${target.attribute} is only known at deployment`);
  }

  private sub(arg: TreeNode, path: PathSegment[]): Resolved {
    let template: string | undefined;
    let variables: TreeNode | undefined;
    if (isSeq(arg)) {
      template = stringValue(arg.items[0]);
      variables = arg.items[1];
    } else template = stringValue(arg);
    if (template === undefined) return unresolved('Fn::Sub needs a string');
    let reason: string | undefined;
    const out = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (reason) return whole;
      if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
      const name = inner.trim();
      const local = getEntry(variables, name);
      let value: Resolved;
      if (local) value = this.eval(local.value, [...path, 1, name]);
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const [resource] = name.split('.');
        if (!this.isKnownName(resource!)) {
          this.ctx.problem(arg, path, 'unresolved-reference', `Fn::Sub \${${name}}: no resource of this template is called ${resource}.`);
        }
        value = unresolved(`\${${name}} is only known at deployment`);
      } else value = this.ref({ kind: 'scalar', value: name, start: arg.start, end: arg.end }, path);
      if (value.kind === 'value' && !Array.isArray(value.value)) return String(value.value);
      reason = value.kind === 'unresolved' ? value.reason : `\${${name}} has no value`;
      return whole;
    });
    return reason ? unresolved(reason) : { kind: 'value', value: out, via: 'Fn::Sub' };
  }

  private findInMap(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length < 3) return unresolved('Fn::FindInMap needs a map name and two keys');
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const key = this.eval(arg.items[i], [...path, i]);
      if (key.kind !== 'value' || key.value === null || Array.isArray(key.value)) {
        if (i === 0) return unresolved('Fn::FindInMap map name is only known at deployment');
        return unresolved('Fn::FindInMap keys are only known at deployment');
      }
      keys.push(String(key.value));
      // Check the mapping exists as soon as its name is known, even when later keys are not static.
      if (i === 0 && !get(this.mappings, keys[0]!)) {
        this.ctx.problem(arg.items[0]!, [...path, 0], 'unresolved-reference', `Fn::FindInMap: this template has no mapping called ${keys[0]}.`);
        return unresolved(`no mapping ${keys[0]}`);
      }
    }
    const [mapName, top, second] = keys as [string, string, string];
    const found = get(get(get(this.mappings, mapName), top), second);
    if (!found) {
      // Fn::FindInMap's optional DefaultValue (with the LanguageExtensions transform).
      const fallback = get(arg.items[3], 'DefaultValue');
      if (fallback) return this.viaFindInMap(this.eval(fallback, [...path, 3, 'DefaultValue']));
      return unresolved(`Fn::FindInMap ${mapName}.${top}.${second} is not in the mapping`);
    }
    return this.viaFindInMap(this.eval(found, ['Mappings', mapName, top, second]));
  }

  private viaFindInMap(resolved: Resolved): Resolved {
    return resolved.kind === 'value' ? { kind: 'value', value: resolved.value, via: 'Fn::FindInMap' } : resolved;
  }

  private ifFn(arg: TreeNode, path: PathSegment[]): Resolved {
    const condition = isSeq(arg) ? stringValue(arg.items[0]) : undefined;
    if (!isSeq(arg) || arg.items.length !== 3 || condition === undefined) return unresolved('Fn::If needs a condition and two values');
    const whenTrue = this.eval(arg.items[1], [...path, 1]);
    const whenFalse = this.eval(arg.items[2], [...path, 2]);
    if (whenTrue.kind === 'value' && whenFalse.kind === 'value' && JSON.stringify(whenTrue.value) === JSON.stringify(whenFalse.value)) {
      return { kind: 'value', value: whenTrue.value, via: `Fn::If ${condition} (both branches agree)` };
    }
    return unresolved(`depends on the condition ${condition}`);
  }

  private join(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Join needs a delimiter and a list');
    const delimiter = stringValue(arg.items[0]) ?? '';
    const list = this.eval(arg.items[1], [...path, 1]);
    if (list.kind !== 'value') return list.kind === 'absent' ? unresolved('Fn::Join of nothing') : list;
    if (!Array.isArray(list.value)) return unresolved('Fn::Join needs a list');
    return { kind: 'value', value: list.value.map((v) => String(v)).join(delimiter), via: 'Fn::Join' };
  }

  private select(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Select needs an index and a list');
    const index = this.eval(arg.items[0], [...path, 0]);
    const list = this.eval(arg.items[1], [...path, 1]);
    if (index.kind !== 'value' || list.kind !== 'value' || !Array.isArray(list.value)) return unresolved('Fn::Select of values known only at deployment');
    const item = list.value[Number(index.value)];
    return item === undefined ? unresolved('Fn::Select index out of range') : { kind: 'value', value: item, via: 'Fn::Select' };
  }

  private split(arg: TreeNode, path: PathSegment[]): Resolved {
    if (!isSeq(arg) || arg.items.length !== 2) return unresolved('Fn::Split needs a delimiter and a string');
    const delimiter = stringValue(arg.items[0]);
    const source = this.eval(arg.items[1], [...path, 1]);
    if (delimiter === undefined || source.kind !== 'value' || typeof source.value !== 'string') return unresolved('Fn::Split of a value known only at deployment');
    return { kind: 'value', value: source.value.split(delimiter), via: 'Fn::Split' };
  }
}

function unresolved(reason: string): Resolved {
  return { kind: 'unresolved', reason };
}

/** `Fn::GetAtt: [Res, Attr]` or `!GetAtt Res.Attr.Sub` -> {resource, attribute}. */
export function getAttTarget(arg: TreeNode | undefined): { resource: string; attribute: string } | undefined {
  if (isSeq(arg)) {
    const resource = stringValue(arg.items[0]);
    const attribute = arg.items
      .slice(1)
      .map((item) => stringValue(item))
      .filter((v): v is string => v !== undefined)
      .join('.');
    return resource ? { resource, attribute } : undefined;
  }
  const text = stringValue(arg);
  if (!text) return undefined;
  const dot = text.indexOf('.');
  return dot > 0 ? { resource: text.slice(0, dot), attribute: text.slice(dot + 1) } : { resource: text, attribute: '' };
}

/** CloudFormation hands parameter values over as their declared type: numbers for Number, text otherwise. */
function coerceParameter(value: Static, type: string | undefined): Static {
  if (type === 'Number' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (type && /^(CommaDelimitedList|List<)/.test(type)) return typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (type === 'String' && typeof value === 'number') return String(value);
  return value;
}

export function scalarOf(value: Static): ScalarValue | undefined {
  return Array.isArray(value) ? undefined : value;
}

/** Numbers written as numbers or numeric strings (CloudFormation accepts "30" for an integer). */
export function toNumber(value: Static | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

export function toText(value: Static | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function toBoolean(value: Static | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}

export function isIntrinsic(node: TreeNode | undefined): boolean {
  const key = singleKey(node);
  return key !== undefined && (key === 'Ref' || key.startsWith('Fn::'));
}

