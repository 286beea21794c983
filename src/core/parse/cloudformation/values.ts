/**
 * Static values and the conversions fields apply to them. CloudFormation is loose about types: "30" is
 * accepted where an integer is expected and "true" where a boolean is, so the converters are too.
 */
import { isMap, singleKey, type ScalarValue, type TreeNode } from '../document/tree.js';

/** What an intrinsic can evaluate to statically: a scalar or a list (of lists, for Fn::Split of Select...). */
export type Static = ScalarValue | Static[];

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Numbers written as numbers or numeric strings; one too large for a double (`1e309`, "1e309") is not a number. */
export function toNumber(value: Static | undefined): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value) ? Number(value) : undefined;
  return number !== undefined && Number.isFinite(number) ? number : undefined;
}

export function toText(value: Static | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function toBoolean(value: Static | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** One of `allowed`, compared case-insensitively (the services accept `regional` for `REGIONAL`). */
export function toEnum<T extends string>(allowed: readonly T[]): (value: Static | undefined) => T | undefined {
  return (value) => {
    const text = toText(value)?.trim().toLowerCase();
    return text === undefined ? undefined : allowed.find((a) => a.toLowerCase() === text);
  };
}

/** Whether a node is an intrinsic function call (`{Ref: X}`, `{"Fn::If": [...]}`, `{Condition: C}`). */
export function isIntrinsic(node: TreeNode | undefined): boolean {
  const key = singleKey(node);
  return key !== undefined && isMap(node) && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'));
}

/** Equality of static values (lists compared item by item). */
export function sameStatic(a: Static, b: Static): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameStatic(item, b[i]!));
  }
  return a === b;
}

/** How a static value appears inside a string (Fn::Sub, Fn::Join): lists are not allowed there. */
export function asStringPart(value: Static): string | undefined {
  if (Array.isArray(value) || value === null) return undefined;
  return String(value);
}

/**
 * A value quoted for a message. A number too large for a double (`1e309`) or YAML's `.inf` / `.nan` is not a
 * number Crossover computes with; it is quoted as written (JSON would print it as null, JavaScript as Infinity).
 */
export function describeValue(value: Static, source?: string): string {
  const text = hasNonFinite(value) ? (source?.trim() ?? String(value)) : JSON.stringify(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

function hasNonFinite(value: Static): boolean {
  return typeof value === 'number' ? !Number.isFinite(value) : Array.isArray(value) && value.some(hasNonFinite);
}
