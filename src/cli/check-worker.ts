/**
 * (Bundled apart as dist/check-worker.js, for the CLI only.) One of `crossover check`'s worker threads (see
 * threads.ts): resolves the configuration it is given, says it is ready, then checks each file it is sent, in
 * order, with the main thread's per-file step (loading the Python and Terraform readers when their first file
 * comes) and answers with the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readerFor, resolveConfig } from '../core/index.js';
import { checkFile, type CheckContext, type FileOutcome } from './check.js';
import { type CheckReplyMessage, type CheckRequestMessage, type CheckWorkerData } from './threads.js';
import { loadPythonReader } from '../node/python-loader.js';
import { loadTerraformReader } from '../node/terraform-loader.js';

const data = workerData as CheckWorkerData;

async function main(): Promise<void> {
  const port = parentPort!;
  const context: CheckContext = { config: resolveConfig(data.config), cwd: data.cwd };
  const reply = (message: CheckReplyMessage) => port.postMessage(message);
  // One file at a time, in the order sent (the main thread blames the oldest unanswered file if the thread stops).
  let queue = Promise.resolve();
  port.on('message', (message: CheckRequestMessage) => {
    queue = queue.then(() => check(message, context).then(reply));
  });
  reply({ ready: true });
}

async function check({ index, target }: CheckRequestMessage, context: CheckContext): Promise<CheckReplyMessage> {
  try {
    // The readers tree-sitter needs start asynchronously: loaded the first time a file of theirs arrives.
    const reader = readerFor(target.file);
    if (reader === 'python' && !('python' in context)) context.python = await loadPythonReader();
    if (reader === 'terraform' && !('terraform' in context)) context.terraform = await loadTerraformReader();
    return { index, outcome: slim(checkFile(target, context)) };
  } catch (error) {
    return { index, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Only what the main thread reads crosses over: the model of a CDK app when cdk.out templates are mapped to it, none otherwise. */
function slim(outcome: FileOutcome): FileOutcome {
  if (outcome.kind !== 'template') return outcome;
  const { model, findings, ...rest } = outcome.result;
  const keep = data.keepCdkModels && rest.format === 'cdk';
  const plain = findings.map(({ fix: _fix, ignore: _ignore, ...finding }) => finding);
  return { ...outcome, result: { ...rest, findings: plain, ...(keep && model ? { model } : {}) } };
}

void main();
