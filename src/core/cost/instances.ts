/**
 * Instances of custom CDK construct classes (see `ResourceBase.instance`): one model node per instance, grouped back
 * for the faces, which show a declaration once ("x3 instances: Dev, Staging, Prod") and count each instance in the
 * totals. A class in another file than the one instantiating it is read twice: on its own (one node, no `instance`)
 * and through each site (the instances). The totals count the instances, not the declaration read on its own.
 */
import { type SourceLocation } from '../model/location.js';
import { type ConstructInstance, type ResourceBase } from '../model/nodes.js';

/** Where a declaration is, as instances and the declaration read on its own both know it: its file and line. */
export function declarationKey(loc: Pick<SourceLocation, 'uri' | 'range'>): string {
  return `${loc.uri}#${loc.range.start.line}`;
}

type Located = Pick<ResourceBase, 'id' | 'loc' | 'instance'>;

/** One declaration and its instances, in the order they were read. */
export interface InstanceGroup<T> {
  declaredAt: SourceLocation;
  className: string;
  members: { instance: ConstructInstance; entry: T }[];
}

/**
 * The declarations that instances made in another file stand for (by `declarationKey`): such a declaration, read on
 * its own, is counted through its instances and not again itself.
 */
export function declaredElsewhere(nodes: Iterable<Located>): Set<string> {
  const keys = new Set<string>();
  for (const node of nodes) if (node.instance && node.instance.declaredAt.uri !== node.instance.site.uri) keys.add(declarationKey(node.instance.declaredAt));
  return keys;
}

/**
 * The entries of one file split for its CodeLenses: instances declared in this file grouped by declaration (one lens
 * each), instances of a class from another file grouped by the site that creates them (`new OrdersStack(app, 'Dev')`),
 * and the rest alone.
 */
export function groupForLenses<T>(
  uri: string,
  entries: readonly T[],
  nodeOf: (entry: T) => Located,
): { byDeclaration: InstanceGroup<T>[]; bySite: InstanceGroup<T>[]; single: T[] } {
  const byDeclaration = new Map<string, InstanceGroup<T>>();
  const bySite = new Map<string, InstanceGroup<T>>();
  const single: T[] = [];
  for (const entry of entries) {
    const instance = nodeOf(entry).instance;
    if (!instance) {
      single.push(entry);
      continue;
    }
    const here = instance.declaredAt.uri === uri;
    const groups = here ? byDeclaration : bySite;
    const key = here ? declarationKey(instance.declaredAt) : declarationKey(instance.site);
    const group = groups.get(key) ?? { declaredAt: here ? instance.declaredAt : instance.site, className: instance.className, members: [] };
    group.members.push({ instance, entry });
    groups.set(key, group);
  }
  return { byDeclaration: [...byDeclaration.values()], bySite: [...bySite.values()], single };
}

/** Instances made elsewhere of the declarations of file `uri`, grouped by declaration (for the lens at the declaration). */
export function instancesOfFile<T>(uri: string, entries: Iterable<T>, nodeOf: (entry: T) => Located): Map<string, InstanceGroup<T>> {
  const groups = new Map<string, InstanceGroup<T>>();
  for (const entry of entries) {
    const instance = nodeOf(entry).instance;
    if (!instance || instance.declaredAt.uri !== uri || instance.site.uri === uri) continue;
    const key = declarationKey(instance.declaredAt);
    const group = groups.get(key) ?? { declaredAt: instance.declaredAt, className: instance.className, members: [] };
    group.members.push({ instance, entry });
    groups.set(key, group);
  }
  return groups;
}
