/**
 * (Node hosts: the CLI and the extension.) Loads dist/resource-differ.js, `@aws-cdk/cloudformation-diff`
 * with its specification database, the first time two versions of a template are compared.
 */
import { join } from 'node:path';
import { type ResourceDiffer } from '../core/index.js';

let differ: ResourceDiffer | null | undefined;

/** undefined when the bundle is not built (running from sources): diffs then list no resource changes. */
export function loadResourceDiffer(): ResourceDiffer | undefined {
  if (differ === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      differ = (require(join(__dirname, 'resource-differ.js')) as { resourceDiffer: ResourceDiffer }).resourceDiffer;
    } catch {
      differ = null;
    }
  }
  return differ ?? undefined;
}
