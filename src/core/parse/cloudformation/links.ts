/**
 * References from one resource's properties to other resources: `Ref`, `Fn::GetAtt` and `${X}` / `${X.Attr}`
 * inside `Fn::Sub`. One iterative walk per subtree; shared (aliased) nodes are visited once.
 */
import { type PathSegment } from '../../model/location.js';
import { type ResourceLink } from '../../model/nodes.js';
import { getEntry, isMap, isSeq, singleKey, stringValue, type TreeNode } from '../document/tree.js';
import { type BuildContext } from './context.js';
import { getAttTarget } from './references.js';

const WALK_BUDGET = 50_000;

/** Per template, the links of the subtrees walked so far: a Globals section is walked again for every function. */
const walked = new WeakMap<BuildContext, Map<TreeNode, { path: PathSegment[]; links: ResourceLink[] }>>();

export function collectLinks(ctx: BuildContext, root: TreeNode | undefined, rootPath: PathSegment[]): ResourceLink[] {
  if (!root) return [];
  let cache = walked.get(ctx);
  if (!cache) walked.set(ctx, (cache = new Map()));
  const known = cache.get(root);
  if (known && known.path.length === rootPath.length && known.path.every((segment, i) => segment === rootPath[i])) return [...known.links];
  const links = walk(ctx, root, rootPath);
  cache.set(root, { path: rootPath, links });
  return [...links];
}

/** A node to visit, with the way to it from the walk's root (a path is only built for the nodes that link). */
interface Step {
  node: TreeNode;
  parent: Step | undefined;
  segment: PathSegment | undefined;
}

function pathOf(step: Step, rootPath: PathSegment[]): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let at: Step | undefined = step; at; at = at.parent) if (at.segment !== undefined) segments.push(at.segment);
  return [...rootPath, ...segments.reverse()];
}

function walk(ctx: BuildContext, root: TreeNode, rootPath: PathSegment[]): ResourceLink[] {
  const links: ResourceLink[] = [];
  // Only YAML anchors share nodes: an anchored collection and its aliases have the same children, walked once.
  let shared: Set<unknown> | undefined;
  const stack: Step[] = [{ node: root, parent: undefined, segment: undefined }];
  let steps = 0;
  while (stack.length && ++steps < WALK_BUDGET) {
    const step = stack.pop()!;
    const node = step.node;
    if (node.anchor) {
      const children = isMap(node) ? node.entries : isSeq(node) ? node.items : undefined;
      if (children) {
        shared ??= new Set();
        if (shared.has(children)) continue;
        shared.add(children);
      }
    }
    const fn = singleKey(node);
    if (fn && isMap(node)) {
      const arg = node.entries[0]!.value;
      if (fn === 'Ref') {
        const name = stringValue(arg);
        if (name && ctx.resources.has(name)) links.push({ targetId: name, attribute: undefined, at: ctx.loc(node, pathOf(step, rootPath)) });
        continue;
      }
      if (fn === 'Fn::GetAtt') {
        const target = getAttTarget(arg);
        if (target && ctx.resources.has(target.resource))
          links.push({ targetId: target.resource, attribute: target.attribute, at: ctx.loc(node, pathOf(step, rootPath)) });
        continue;
      }
      if (fn === 'Fn::Sub') {
        const template = stringValue(isSeq(arg) ? arg.items[0] : arg);
        const variables = isSeq(arg) ? arg.items[1] : undefined;
        if (template) {
          for (const match of template.matchAll(/\$\{([^}!][^}]*)\}/g)) {
            const name = match[1]!.trim();
            if (getEntry(variables, name)) continue;
            const dot = name.indexOf('.');
            const id = dot > 0 ? name.slice(0, dot) : name;
            if (ctx.resources.has(id))
              links.push({ targetId: id, attribute: dot > 0 ? name.slice(dot + 1) : undefined, at: ctx.loc(node, pathOf(step, rootPath)) });
          }
        }
        if (variables) stack.push({ node: variables, parent: { node, parent: step, segment: fn }, segment: 1 });
        continue;
      }
    }
    if (isMap(node))
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push({ node: node.entries[i]!.value, parent: step, segment: node.entries[i]!.key });
    else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i]!, parent: step, segment: i });
  }
  return links;
}
