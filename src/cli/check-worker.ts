/**
 * (Bundled apart as dist/check-worker.js, for the CLI only.) One of `crossover check`'s worker threads (see
 * threads.ts): resolves the configuration it is given, loads the on-demand readers the files need, says it is
 * ready, then checks each file it is sent with the main thread's per-file step and answers with the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig, type PythonReader, type TerraformReader } from '../core/index.js';
import { checkFile, type CheckContext, type FileOutcome } from './check.js';
import { type CheckReplyMessage, type CheckRequestMessage, type CheckWorkerData } from './threads.js';
import { loadPythonReader } from '../node/python-loader.js';
import { loadTerraformReader } from '../node/terraform-loader.js';

const data = workerData as CheckWorkerData;

async function main(): Promise<void> {
  const port = parentPort!;
  const python: PythonReader | undefined = data.readers.includes('python') ? await loadPythonReader() : undefined;
  const terraform: TerraformReader | undefined = data.readers.includes('terraform') ? await loadTerraformReader() : undefined;
  const context: CheckContext = { config: resolveConfig(data.config), cwd: data.cwd, python, terraform };
  const reply = (message: CheckReplyMessage) => port.postMessage(message);
  port.on('message', ({ index, target }: CheckRequestMessage) => {
    let outcome: FileOutcome;
    try {
      outcome = checkFile(target, context);
    } catch (error) {
      reply({ index, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return;
    }
    reply({ index, outcome: slim(outcome) });
  });
  reply({ ready: true });
}

/** Only what the main thread reads crosses over: the model of a CDK app when cdk.out templates are mapped to it, none otherwise. */
function slim(outcome: FileOutcome): FileOutcome {
  if (outcome.kind !== 'template' || !outcome.result.model) return outcome;
  if (data.keepCdkModels && outcome.result.format === 'cdk') return outcome;
  const { model: _model, ...result } = outcome.result;
  return { ...outcome, result };
}

void main();
