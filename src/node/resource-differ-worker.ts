/**
 * (Bundled apart as dist/resource-differ-worker.js.) The resource differ in a worker thread, for the
 * editor: the CloudFormation specification it loads stays out of the extension host. Messages:
 * `{ id, before, after }` in, `{ id, changes }` or `{ id, error }` out.
 */
import { parentPort } from 'node:worker_threads';
import { resourceDiffer } from './resource-differ.js';
import { type TemplateObject } from '../core/index.js';

parentPort?.on('message', (message: { id: number; before: TemplateObject; after: TemplateObject }) => {
  try {
    parentPort!.postMessage({ id: message.id, changes: resourceDiffer(message.before, message.after) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
