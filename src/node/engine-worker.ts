/**
 * (Bundled apart as dist/engine-worker.js.) The engine in a worker thread, for the editor: parsing, the readers
 * (TypeScript, Python, Terraform, loaded here on first need), the model and the rules run off the extension host,
 * which keeps only the VS Code glue. One request runs at a time, documents being typed in before the workspace
 * scan's files; a cancelled request is dropped from the queue, or stops at its next step when it is running.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeTextAsync, constructPaths, type DiffReport, diffSidesAsync, type Side, viewFigures } from '../core/index.js';
import { engineInput, isDiskFile, readDiskFile, readersFor } from './engine-input.js';
import { type FileDiffRequest, type FromEngine, type ToEngine } from './engine-protocol.js';
import { DocumentMemos } from './document-memos.js';
import { DeltaSender } from './model-delta.js';
import { HeldCostInputs } from './engine-figures.js';
import { ResourceDifferThread } from './resource-differ-thread.js';
import { lowerThisThread } from './thread-priority.js';
import { slicedPause } from './pause.js';
import { skippedResult, withoutModel } from './engine-protocol.js';

// A thread that serves only the workspace scan runs below the editor's threads (thread-priority.ts).
if ((workerData as { scanOnly?: boolean } | undefined)?.scanOnly) lowerThisThread();

type Request = Extract<ToEngine, { kind: 'analyze' }> & { received: number; cancelled?: boolean };

const queue: Request[] = [];
/** The models last sent for the documents being typed in: unchanged nodes go back as placeholders. */
const models = new DeltaSender();
/** The last version read of the documents being typed in: the next one is read reusing it. */
const memos = new DocumentMemos();
let running: Request | undefined;
/** The cost settings and usage files the host sent last (for the workspace figures of the scan's files). */
const costInputs = new HeldCostInputs();

/**
 * Hands control back between steps once every PAUSE_SLICE_MS (one slice for all requests, so a run of small files hands
 * it back too): a cancel message (or a more urgent request) is read there.
 */
const PAUSE_SLICE_MS = 5;
const pause = slicedPause(PAUSE_SLICE_MS);

/** The thread's own failure, for the host's log: the message and the stack. */
const describe = (error: unknown) => (error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));

function reply(message: FromEngine): void {
  parentPort!.postMessage(message);
}

async function run(request: Request): Promise<void> {
  const queuedMs = performance.now() - request.received;
  try {
    // A file of the workspace scan is read here, not on the extension host.
    const file = isDiskFile(request.file) ? readDiskFile(request.file) : request.file;
    if ('skipped' in file) {
      reply({ id: request.id, result: skippedResult(request.file.uri, file.skipped), queuedMs });
      return;
    }
    const input = await engineInput(file, request.options);
    const token = {
      get isCancellationRequested() {
        return request.cancelled === true;
      },
    };
    const memo = request.options.urgent ? memos.for(input.uri) : undefined;
    const result = await analyzeTextAsync(input, request.config, token, pause, undefined, memo);
    const paths = request.options.constructPaths && !result.cancelled ? { constructPaths: constructPaths(input.uri, input.text) } : {};
    const figures = await costInputs.figuresFor(result, request.options.costs, token, pause);
    if (request.options.urgent && result.model) {
      // The squiggles first: working out what of the model to send, and copying it, takes a while for a large file.
      if (!result.cancelled) reply({ id: request.id, early: { format: result.format, findings: result.findings } });
      const { model, base } = models.send(input.uri, request.id, request.options.base, result.model);
      reply({ id: request.id, result: { ...result, ...paths, model }, queuedMs, ...(base !== undefined ? { base } : {}) });
      return;
    }
    if (request.options.urgent && !result.cancelled) models.forget(input.uri);
    let answer = { ...result, ...paths, ...(figures ? { figures } : {}) };
    if (request.options.withoutModel) answer = withoutModel(answer);
    reply({ id: request.id, result: answer, queuedMs });
  } catch (error) {
    // analyzeTextAsync never throws; this is the thread's own failure (a reader that could not load, say).
    reply({ id: request.id, error: describe(error) });
  }
}

async function drain(): Promise<void> {
  if (running) return;
  while (queue.length) {
    const next = queue.findIndex((r) => r.options.urgent);
    running = queue.splice(next < 0 ? 0 : next, 1)[0]!;
    await run(running);
    running = undefined;
  }
}

/** The resource differ (the CloudFormation specification) in a thread of its own, started at the first diff. */
let differ: ResourceDifferThread | undefined;

/** The cost change of one file between two versions: both sides read here, with the readers they need. */
async function diffFile({ path, local, before, after, config, settings }: FileDiffRequest, problems: string[]): Promise<DiffReport> {
  const texts = before.text === undefined ? [after.text] : [before.text, after.text];
  const readers = await readersFor(local?.fsPath ?? path, texts, local);
  const { readFile, folderFiles } = readers;
  const file = (text: string) => [{ path, text, ...(readFile ? { readFile } : {}), ...(folderFiles ? { folderFiles } : {}) }];
  const side = (label: string, text: string | undefined, usage: FileDiffRequest['after']['usage']): Side => ({
    label,
    files: text === undefined ? [] : file(text),
    usageFor: () => usage,
  });
  differ ??= new ResourceDifferThread();
  return diffSidesAsync(side(before.label, before.text, before.usage), side(after.label, after.text, after.usage), {
    config,
    settings,
    typescript: readers.typescript,
    ...(readers.python ? { python: readers.python } : {}),
    ...(readers.terraform ? { terraform: readers.terraform } : {}),
    differ: (a, b) =>
      differ!.diff(a, b).catch((error: unknown) => {
        problems.push(`Comparing the resources failed: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }),
  });
}

parentPort?.on('message', (message: ToEngine) => {
  if (message.kind === 'diffFile') {
    const problems: string[] = [];
    diffFile(message.request, problems).then(
      (report) => reply({ id: message.id, report, problems }),
      (error: unknown) => reply({ id: message.id, error: describe(error) }),
    );
    return;
  }
  if (message.kind === 'viewFigures') {
    try {
      reply({ id: message.id, figures: viewFigures(...message.args) });
    } catch (error) {
      reply({ id: message.id, error: describe(error) });
    }
    return;
  }
  if (message.kind === 'costInputs') {
    costInputs.set(message.inputs);
    return;
  }
  if (message.kind === 'cancel') {
    const at = queue.findIndex((r) => r.id === message.id);
    if (at >= 0) {
      const [dropped] = queue.splice(at, 1);
      reply({
        id: dropped!.id,
        result: { uri: dropped!.file.uri, format: undefined, syntax: undefined, workloads: [], findings: [], cancelled: true, durationMs: 0 },
        queuedMs: 0,
      });
    } else if (running?.id === message.id) running.cancelled = true;
    return;
  }
  queue.push({ ...message, received: performance.now() });
  void drain();
});
