/**
 * The positioned tree every parser produces: YAML and JSON both become this, so the rest of the engine
 * never sees which syntax a template was written in. Offsets are UTF-16 indices into the document text.
 *
 * CloudFormation short-form tags (`!Ref X`, `!GetAtt A.B`, ...) are turned into their long form here
 * (`{Ref: X}`), keeping the tag's range as the key's range, so intrinsic functions look the same
 * whichever form the author used.
 */
import { type PathSegment } from '../../model/location.js';

interface NodeBase {
  /** Offset of the first character of the node (for a converted short-form tag: of the tag). */
  start: number;
  /** Offset just past the last character of the node's value. */
  end: number;
  /** Set when the node carries a YAML anchor `&name` or was reached through an alias `*name` (see `Anchor`). */
  anchor?: Anchor;
}

/**
 * YAML anchors and aliases. On the node an anchor is written on: `start`/`end` are those of `&name`, and `used` is set
 * once an alias refers to it (an edit inside it then changes every alias too). On a node reached through an alias,
 * `alias` is set and `start`/`end` are those of `*name` where it is written; the node's own range and children are the
 * anchored node's (shared, never copied).
 */
export interface Anchor {
  name: string;
  start: number;
  end: number;
  alias?: boolean;
  used?: boolean;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
}

interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TreeNode[];
}

export interface MapEntry {
  /** The key as text (non-string YAML keys are stringified). */
  key: string;
  keyNode: ScalarNode;
  value: TreeNode;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: MapEntry[];
  /** True when this map was written as a YAML short-form tag such as `!Ref X`. */
  fromTag?: boolean;
}

export type TreeNode = ScalarNode | SeqNode | MapNode;

/** Where a value is written: the alias `*name` for a node reached through one, else the node itself. */
export function writtenAt(node: { start: number; end: number; anchor?: Anchor }): { start: number; end: number } {
  return node.anchor?.alias ? node.anchor : node;
}

export function isMap(node: TreeNode | undefined): node is MapNode {
  return node?.kind === 'map';
}
export function isSeq(node: TreeNode | undefined): node is SeqNode {
  return node?.kind === 'seq';
}
export function isScalar(node: TreeNode | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** The entry for `key` in a map (the last one, should a broken document repeat a key). */
export function getEntry(node: TreeNode | undefined, key: string): MapEntry | undefined {
  if (!isMap(node)) return undefined;
  const entries = node.entries;
  if (entries.length > INDEXED_FROM) return indexOf(entries).get(key);
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.key === key) return entry;
  }
  return undefined;
}

/** Maps with more entries than this are looked up through an index (a template's Resources can have thousands). */
const INDEXED_FROM = 16;
const indexes = new WeakMap<MapEntry[], { length: number; byKey: Map<string, MapEntry> }>();

/** The key -> last entry index of a map's entries, built on first use (and again should the list grow). */
function indexOf(entries: MapEntry[]): Map<string, MapEntry> {
  const cached = indexes.get(entries);
  if (cached && cached.length === entries.length) return cached.byKey;
  const byKey = new Map<string, MapEntry>();
  for (const entry of entries) byKey.set(entry.key, entry);
  indexes.set(entries, { length: entries.length, byKey });
  return byKey;
}

export function get(node: TreeNode | undefined, key: string | number): TreeNode | undefined {
  if (typeof key === 'number') return isSeq(node) ? node.items[key] : undefined;
  return getEntry(node, key)?.value;
}

export function getIn(node: TreeNode | undefined, path: readonly PathSegment[]): TreeNode | undefined {
  let current = node;
  for (const segment of path) {
    current = get(current, segment);
    if (!current) return undefined;
  }
  return current;
}

/** A scalar's value when the node is a plain scalar, else undefined. */
export function scalarValue(node: TreeNode | undefined): ScalarValue | undefined {
  return isScalar(node) ? node.value : undefined;
}

/** The string value of a scalar node (numbers and booleans as text), else undefined. */
export function stringValue(node: TreeNode | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

/** The single key of a one-entry map such as `{Ref: X}` or `{"Fn::Sub": ...}`, used to spot intrinsics. */
export function singleKey(node: TreeNode | undefined): string | undefined {
  return isMap(node) && node.entries.length === 1 ? node.entries[0]!.key : undefined;
}

/**
 * The node as plain data (what `JSON.parse` would give), short-form tags in their long form. Bounded: a
 * hostile document nests deeper, or (through YAML aliases, which the tree shares) expands larger, than any
 * template; past the bounds values are left out (null).
 */
export function plainValue(node: TreeNode, budget = { nodes: 1_000_000 }, depth = 0): unknown {
  if (depth > 200 || --budget.nodes < 0) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => plainValue(item, budget, depth + 1));
  const out: Record<string, unknown> = {};
  // defineProperty: a key named __proto__ stays a key and never becomes the object's prototype.
  for (const entry of node.entries)
    Object.defineProperty(out, entry.key, { value: plainValue(entry.value, budget, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}
