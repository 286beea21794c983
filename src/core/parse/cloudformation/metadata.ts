import { get, isSeq, stringValue, type TreeNode } from '../document/tree.js';

/** Rule ids switched off for one resource: `Metadata: {crossover: {ignore: [rule-id, ...]}}` (or one string). */
export function ignoredRules(resource: TreeNode): string[] {
  const ignore = get(get(get(resource, 'Metadata'), 'crossover'), 'ignore');
  if (isSeq(ignore)) return ignore.items.map(stringValue).filter((v): v is string => v !== undefined);
  const single = stringValue(ignore);
  return single ? [single] : [];
}
