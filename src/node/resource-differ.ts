/**
 * (Bundled apart as dist/resource-differ.js.) The resource differ of `crossover diff`:
 * `@aws-cdk/cloudformation-diff`, the library behind `cdk diff`, which knows from the CloudFormation
 * resource specification which property changes replace a resource. Its specification database
 * (db.json.gz: the package's, reduced at build time to what the library reads, scripts/service-spec.mjs) is read
 * from disk at the first diff, so this bundle is loaded only then.
 */
import { fullDiff } from '@aws-cdk/cloudformation-diff';
import { type PropertyChange, type ResourceChange, type ResourceDiffer } from '../core/index.js';

export const resourceDiffer: ResourceDiffer = (before, after) => {
  const diff = fullDiff(before, after);
  const changes: ResourceChange[] = [];
  diff.resources.forEachDifference((id, d) => {
    const type = d.newResourceType ?? d.oldResourceType ?? 'unknown';
    if (d.isAddition || d.isRemoval) {
      changes.push({ id, type, change: d.isAddition ? 'added' : 'removed', properties: [] });
      return;
    }
    // SAM resources are not in the CloudFormation specification (the library would call every change a
    // replacement): what they become is the SAM transform's business, so they are reported as updates.
    const known = !type.startsWith('AWS::Serverless::');
    const properties: PropertyChange[] = Object.entries(d.propertyUpdates).map(([name, p]) => ({
      name,
      before: p.oldValue,
      after: p.newValue,
      replacement: known && (p.changeImpact === 'WILL_REPLACE' || p.changeImpact === 'MAY_REPLACE'),
    }));
    if (d.oldResourceType !== d.newResourceType) properties.unshift({ name: 'Type', before: d.oldResourceType, after: d.newResourceType, replacement: true });
    const replaced = properties.some((p) => p.replacement);
    changes.push({ id, type, change: replaced ? 'replaced' : 'updated', properties });
  });
  return changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
