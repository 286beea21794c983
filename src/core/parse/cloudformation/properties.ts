/**
 * A view over a resource's properties merged with SAM Globals, the way the SAM transform merges them:
 * scalars from the resource win, maps merge key by key (deeply), lists are appended (Globals first).
 * Nothing is copied: lookups walk the layers, so every value keeps its own location and origin.
 */
import { defaultField, type Field, type Origin } from '../../model/field.js';
import { type PathSegment } from '../../model/location.js';
import { getEntry, isMap, isSeq, type MapEntry, type TreeNode } from '../document/tree.js';
import { type BuildContext } from './context.js';
import { isIntrinsic, type Resolver, type Static } from './resolve.js';

export interface Layer {
  node: TreeNode | undefined;
  path: PathSegment[];
  origin: Origin;
  /** Keys this layer does not contribute (SAM `IgnoreGlobals: [Runtime, ...]` on a resource). */
  ignore?: ReadonlySet<string>;
}

export interface FoundEntry {
  entry: MapEntry;
  path: PathSegment[];
  origin: Origin;
}

export class PropertyView {
  constructor(
    private readonly ctx: BuildContext,
    private readonly resolver: Resolver,
    /** In priority order: the resource first, then Globals. */
    readonly layers: Layer[],
  ) {}

  /** The highest-priority entry for `key`. */
  find(key: string): FoundEntry | undefined {
    for (const layer of this.layers) {
      if (layer.ignore?.has(key)) continue;
      const entry = getEntry(layer.node, key);
      if (entry) return { entry, path: [...layer.path, key], origin: layer.origin };
    }
    return undefined;
  }

  /** Every entry for `key`, resource first. */
  findAll(key: string): FoundEntry[] {
    const found: FoundEntry[] = [];
    for (const layer of this.layers) {
      if (layer.ignore?.has(key)) continue;
      const entry = getEntry(layer.node, key);
      if (entry) found.push({ entry, path: [...layer.path, key], origin: layer.origin });
    }
    return found;
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  /** The nested view for a map-valued property (e.g. `EphemeralStorage`), merged across layers. */
  child(key: string): PropertyView {
    return new PropertyView(
      this.ctx,
      this.resolver,
      this.findAll(key).map((f) => ({ node: f.entry.value, path: f.path, origin: f.origin })),
    );
  }

  /** The first layer whose node is an intrinsic instead of a map (e.g. `VpcConfig: !If [...]`). */
  intrinsicLayer(): Layer | undefined {
    return this.layers.find((layer) => isIntrinsic(layer.node));
  }

  field<T>(key: string, convert: (value: Static | undefined) => T | undefined, fallback?: T): Field<T> {
    const found = this.find(key);
    if (!found) {
      const intrinsic = this.intrinsicLayer();
      if (intrinsic) return { value: undefined, origin: intrinsic.origin, at: this.ctx.loc(intrinsic.node!, intrinsic.path), unresolved: 'the enclosing value is only known at deployment' };
      return defaultField(fallback);
    }
    return this.fieldOf(found, convert, fallback);
  }

  fieldOf<T>(found: FoundEntry, convert: (value: Static | undefined) => T | undefined, fallback?: T): Field<T> {
    const { entry, path, origin } = found;
    const at = this.ctx.loc(entry.value, path);
    const keyAt = this.ctx.loc(entry.keyNode, path);
    const resolved = this.resolver.resolve(entry.value, path);
    if (resolved.kind === 'absent') return defaultField(fallback);
    if (resolved.kind === 'unresolved') return { value: undefined, origin, at, keyAt, unresolved: resolved.reason };
    const value = convert(resolved.value);
    if (value === undefined) return { value: undefined, origin, at, keyAt, unresolved: `${JSON.stringify(resolved.value)} is not a valid value` };
    return { value, origin, at, keyAt, ...(resolved.via ? { via: resolved.via } : {}) };
  }

  /** List items across layers, appended the way SAM does (Globals first). */
  listItems(key: string): { node: TreeNode; path: PathSegment[]; origin: Origin }[] | 'unresolved' {
    const items: { node: TreeNode; path: PathSegment[]; origin: Origin }[] = [];
    for (const found of this.findAll(key).reverse()) {
      const list = found.entry.value;
      if (isSeq(list)) list.items.forEach((node, i) => items.push({ node, path: [...found.path, i], origin: found.origin }));
      else if (isIntrinsic(list)) {
        const resolved = this.resolver.resolve(list, found.path);
        if (resolved.kind === 'unresolved') return 'unresolved';
      }
    }
    return items;
  }

  /** Entries of a map-valued property merged across layers (resource wins per key), e.g. Environment.Variables. */
  mapEntries(key: string): { entry: MapEntry; path: PathSegment[]; origin: Origin }[] {
    const merged = new Map<string, { entry: MapEntry; path: PathSegment[]; origin: Origin }>();
    for (const found of this.findAll(key)) {
      if (!isMap(found.entry.value) || isIntrinsic(found.entry.value)) continue;
      for (const entry of found.entry.value.entries) {
        if (!merged.has(entry.key)) merged.set(entry.key, { entry, path: [...found.path, entry.key], origin: found.origin });
      }
    }
    return [...merged.values()];
  }
}
