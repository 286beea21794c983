/**
 * Reading references out of intrinsic functions, without evaluating them: the target of `Fn::GetAtt`,
 * the `${...}` placeholders of `Fn::Sub`, and every name a subtree refers to. Shared by the resolver,
 * the link walk and the event wiring so that all three read the same syntax the same way.
 */
import { isMap, isSeq, stringValue, type MapNode, type TreeNode } from '../document/tree.js';

/** `Fn::GetAtt: [Res, Attr]`, `Fn::GetAtt: [Res, Attr.Sub]` or `!GetAtt Res.Attr.Sub` -> {resource, attribute}. */
export function getAttTarget(arg: TreeNode | undefined): { resource: string; attribute: string } | undefined {
  if (isSeq(arg)) {
    const resource = stringValue(arg.items[0]);
    if (!resource) return undefined;
    const attribute = arg.items
      .slice(1)
      .map((item) => stringValue(item))
      .filter((v): v is string => v !== undefined)
      .join('.');
    return { resource, attribute };
  }
  const text = stringValue(arg);
  if (!text) return undefined;
  const dot = text.indexOf('.');
  return dot > 0 ? { resource: text.slice(0, dot), attribute: text.slice(dot + 1) } : { resource: text, attribute: '' };
}

/** One `${...}` of an `Fn::Sub` string. */
export interface Placeholder {
  /** The text between `${` and `}` as written, e.g. `Queue.Arn` or `AWS::Region`. */
  inner: string;
  /** Offset of `${` in the template string. */
  index: number;
  /** The resource, parameter or variable it names (the part before the first dot, except for `AWS::` names). */
  name: string;
  /** The attribute after the dot (`${Queue.Arn}` -> `Arn`), if any. */
  attribute: string | undefined;
}

/** A Sub with more placeholders than this is not evaluated (guards against hostile templates). */
const MAX_PLACEHOLDERS = 1000;

/**
 * The placeholders of an `Fn::Sub` string, in order. `${!Literal}` is an escape that writes `${Literal}`
 * and refers to nothing. Returns undefined when there are more than MAX_PLACEHOLDERS.
 */
export function subPlaceholders(template: string): Placeholder[] | undefined {
  const found: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf('${', from);
    if (open < 0) return found;
    const close = template.indexOf('}', open + 2);
    if (close < 0) return found;
    from = close + 1;
    const inner = template.slice(open + 2, close);
    if (inner.startsWith('!')) continue;
    if (found.length >= MAX_PLACEHOLDERS) return undefined;
    found.push({ inner, index: open, ...splitName(inner.trim()) });
  }
}

function splitName(name: string): { name: string; attribute: string | undefined } {
  if (name.startsWith('AWS::')) return { name, attribute: undefined };
  const dot = name.indexOf('.');
  return dot > 0 ? { name: name.slice(0, dot), attribute: name.slice(dot + 1) } : { name, attribute: undefined };
}

/** The two forms of `Fn::Sub`: a string, or `[string, {Var: value, ...}]`. */
export function subParts(arg: TreeNode | undefined): { template: string | undefined; templateNode: TreeNode | undefined; variables: MapNode | undefined } {
  if (isSeq(arg)) {
    const variables = arg.items[1];
    return { template: stringValue(arg.items[0]), templateNode: arg.items[0], variables: isMap(variables) ? variables : undefined };
  }
  return { template: stringValue(arg), templateNode: arg, variables: undefined };
}
