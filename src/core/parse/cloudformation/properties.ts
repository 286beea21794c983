/**
 * A view over a resource's properties merged with SAM Globals the way the SAM transform merges them
 * (its Globals plugin): when the resource and Globals both give a map, the maps merge key by key, deeply;
 * when both give a list, the lists are concatenated, Globals first; in every other case (scalars,
 * intrinsic functions, or a map on one side and something else on the other) the resource's value
 * replaces the Globals value wholesale. Nothing is copied: lookups walk the layers, so every value keeps
 * its own location and origin.
 */
import { defaultField, type Field, type Origin } from '../../model/field.js';
import { type PathSegment, type SourceLocation } from '../../model/location.js';
import { isMap, isSeq, type MapEntry, type TreeNode } from '../document/tree.js';
import { type BuildContext } from './context.js';
import { type Resolver } from './intrinsics.js';
import { describeValue, isIntrinsic, type Static } from './values.js';

export interface Layer {
  node: TreeNode | undefined;
  path: PathSegment[];
  origin: Origin;
  /** Keys this layer does not contribute (SAM `IgnoreGlobals: [Runtime, ...]` on a resource). */
  ignore?: ReadonlySet<string>;
}

interface FoundEntry {
  entry: MapEntry;
  path: PathSegment[];
  origin: Origin;
}

interface ListItem {
  node: TreeNode;
  path: PathSegment[];
  origin: Origin;
  /** Set when the item came out of an intrinsic that resolved to a list (`!Ref SubnetsParam`); `node` is that intrinsic. */
  value?: Static;
  /** How `value` was computed, e.g. `!Ref SubnetsParam (parameter Default)`. */
  via?: string;
}

interface ListView {
  items: ListItem[];
  /** Set when the list is an intrinsic whose items cannot be known statically. */
  unresolved?: { reason: string; at: SourceLocation; origin: Origin };
}

interface MapView {
  entries: FoundEntry[];
  unresolved?: { reason: string; at: SourceLocation; origin: Origin };
}

/** SAM's merge kinds: intrinsic functions count as scalars because they resolve to one at deployment. */
type Token = 'map' | 'list' | 'scalar';

function tokenOf(node: TreeNode): Token {
  if (isSeq(node)) return 'list';
  return isMap(node) && !isIntrinsic(node) ? 'map' : 'scalar';
}

export class PropertyView {
  constructor(
    private readonly ctx: BuildContext,
    private readonly resolver: Resolver,
    /** In priority order: the resource first, then Globals. */
    readonly layers: readonly Layer[],
  ) {}

  /** A view of one resource's properties without Globals. */
  static of(ctx: BuildContext, resolver: Resolver, node: TreeNode | undefined, path: PathSegment[]): PropertyView {
    return new PropertyView(ctx, resolver, [{ node, path, origin: 'explicit' }]);
  }

  /**
   * The entries that make up the effective value of `key`, highest priority first: the first entry, then
   * lower layers only while they are maps or lists like it (a scalar always hides what is below).
   */
  contributing(key: string): FoundEntry[] {
    const found: FoundEntry[] = [];
    let token: Token | undefined;
    for (const layer of this.layers) {
      if (layer.ignore?.has(key)) continue;
      const entry = this.resolver.lookup(layer.node, key);
      if (!entry) continue;
      const current = tokenOf(entry.value);
      if (token === undefined) token = current;
      else if (current !== token || token === 'scalar') break;
      found.push({ entry, path: [...layer.path, key], origin: layer.origin });
    }
    return found;
  }

  /** The highest-priority entry for `key` (the first `contributing` would give, without building the list). */
  find(key: string): FoundEntry | undefined {
    for (const layer of this.layers) {
      if (layer.ignore?.has(key)) continue;
      const entry = this.resolver.lookup(layer.node, key);
      if (entry) return { entry, path: [...layer.path, key], origin: layer.origin };
    }
    return undefined;
  }

  /** The location of an entry's key. */
  keyAt(found: FoundEntry): SourceLocation {
    return this.ctx.loc(found.entry.keyNode, found.path);
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  /**
   * The nested view of a map-valued property (e.g. `EphemeralStorage`), merged across layers. When the
   * property is an intrinsic, the view holds just that intrinsic, and its fields report it as the reason
   * they are unknown; `!Ref AWS::NoValue` gives an empty view (every field takes its default).
   */
  child(key: string): PropertyView {
    const found = this.contributing(key);
    const first = found[0];
    if (first && isIntrinsic(first.entry.value) && this.resolver.resolve(first.entry.value, first.path).kind === 'absent') {
      return new PropertyView(this.ctx, this.resolver, []);
    }
    return new PropertyView(
      this.ctx,
      this.resolver,
      found.map((f) => ({ node: f.entry.value, path: f.path, origin: f.origin })),
    );
  }

  /** Why the whole view is unknown: its value is an intrinsic (e.g. `VpcConfig: !If [...]`). */
  enclosingUnresolved(): { reason: string; at: SourceLocation; origin: Origin } | undefined {
    const layer = this.layers[0];
    if (!layer?.node || !isIntrinsic(layer.node)) return undefined;
    const resolved = this.resolver.resolve(layer.node, layer.path);
    const reason = resolved.kind === 'unresolved' ? resolved.reason : 'not a map of settings';
    return { reason, at: this.ctx.loc(layer.node, layer.path), origin: layer.origin };
  }

  field<T>(key: string, convert: (value: Static | undefined) => T | undefined, fallback?: T): Field<T> {
    const found = this.find(key);
    if (found) return this.fieldOf(found, convert, fallback);
    const enclosing = this.enclosingUnresolved();
    if (enclosing) return { value: undefined, origin: enclosing.origin, at: enclosing.at, unresolved: enclosing.reason };
    return defaultField(fallback);
  }

  fieldOf<T>(found: FoundEntry, convert: (value: Static | undefined) => T | undefined, fallback?: T): Field<T> {
    const { entry, path, origin } = found;
    return this.fieldAt(entry.value, this.ctx.loc(entry.keyNode, path), path, origin, convert, fallback);
  }

  /** A field from one list item (e.g. the first of `Architectures`); `keyAt` is the list's key. */
  itemField<T>(item: ListItem, listKey: TreeNode, convert: (value: Static | undefined) => T | undefined): Field<T> {
    const keyAt = this.ctx.loc(listKey, item.value === undefined ? item.path.slice(0, -1) : item.path);
    if (item.value === undefined) return this.fieldAt(item.node, keyAt, item.path, item.origin, convert);
    const at = this.ctx.loc(item.node, item.path);
    const value = convert(item.value);
    if (value === undefined)
      return { value, origin: item.origin, at, keyAt, unresolved: `${describeValue(item.value, this.sourceOf(item.node))} is not a valid value here` };
    return { value, origin: item.origin, at, keyAt, via: item.via ?? 'an intrinsic function' };
  }

  private fieldAt<T>(
    node: TreeNode,
    keyAt: SourceLocation,
    path: PathSegment[],
    origin: Origin,
    convert: (value: Static | undefined) => T | undefined,
    fallback?: T,
  ): Field<T> {
    const at = this.ctx.loc(node, path);
    const resolved = this.resolver.resolve(node, path);
    if (resolved.kind === 'absent') return defaultField(fallback);
    if (resolved.kind === 'unresolved') return { value: undefined, origin, at, keyAt, unresolved: resolved.reason };
    const value = convert(resolved.value);
    if (value === undefined) {
      // "${CPU}", "<IMAGE>", "{{ memory }}": filled in by a deploy tool, not a mistake.
      const placeholder = typeof resolved.value === 'string' && /\$\{[^}]+\}|<[A-Za-z_][\w-]*>|\{\{[^}]+\}\}|#\{[^}]+\}/.test(resolved.value);
      const reason = placeholder
        ? `${describeValue(resolved.value)} is a placeholder filled in at deployment`
        : `${describeValue(resolved.value, this.sourceOf(node))} is not a valid value here`;
      return { value: undefined, origin, at, keyAt, unresolved: reason };
    }
    const field: Field<T> = { value, origin, at, keyAt };
    if (resolved.via) field.via = resolved.via;
    return field;
  }

  /** The source text of a node (what the author wrote), for messages. */
  private sourceOf(node: TreeNode): string {
    return this.ctx.doc.text.slice(node.start, node.end);
  }

  /** A list property across layers, concatenated the way SAM does (Globals first). */
  list(key: string): ListView {
    const found = this.contributing(key);
    const first = found[0];
    if (!first) return { items: [] };
    if (!isSeq(first.entry.value)) return this.listFromValue(first);
    const items: ListItem[] = [];
    for (const f of [...found].reverse()) {
      const list = f.entry.value;
      if (!isSeq(list)) continue;
      list.items.forEach((node, i) => {
        // `- !Ref AWS::NoValue` removes the item.
        if (isIntrinsic(node) && this.resolver.resolve(node, [...f.path, i]).kind === 'absent') return;
        items.push({ node, path: [...f.path, i], origin: f.origin });
      });
    }
    return { items };
  }

  private listFromValue(found: FoundEntry): ListView {
    const node = found.entry.value;
    const resolved = this.resolver.resolve(node, found.path);
    if (resolved.kind === 'absent') return { items: [] };
    if (resolved.kind === 'unresolved') return { items: [], unresolved: { reason: resolved.reason, at: this.ctx.loc(node, found.path), origin: found.origin } };
    const values = Array.isArray(resolved.value) ? resolved.value : [resolved.value];
    return { items: values.map((value) => ({ node, path: found.path, origin: found.origin, value, ...(resolved.via ? { via: resolved.via } : {}) })) };
  }

  /** The entries of a map property merged across layers, resource first per key (e.g. Environment.Variables). */
  map(key: string): MapView {
    const found = this.contributing(key);
    const first = found[0];
    if (!first) return { entries: [] };
    if (!isMap(first.entry.value) || isIntrinsic(first.entry.value)) {
      const resolved = this.resolver.resolve(first.entry.value, first.path);
      if (resolved.kind === 'absent') return { entries: [] };
      const reason = resolved.kind === 'unresolved' ? resolved.reason : 'not a map';
      return { entries: [], unresolved: { reason, at: this.ctx.loc(first.entry.value, first.path), origin: first.origin } };
    }
    const merged = new Map<string, FoundEntry>();
    for (const f of found) {
      if (!isMap(f.entry.value)) continue;
      for (const entry of f.entry.value.entries) {
        if (!merged.has(entry.key)) merged.set(entry.key, { entry, path: [...f.path, entry.key], origin: f.origin });
      }
    }
    return { entries: [...merged.values()] };
  }
}
