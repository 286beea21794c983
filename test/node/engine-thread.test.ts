/**
 * The engine in a worker thread (the editor's): the same results as in-process, with the readers loaded in the
 * thread; documents being typed in go first; cancellation; a thread that stops turns what it held into findings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createRequire } from 'node:module';
import {
  analyzeText,
  diffSides,
  emptyUsage,
  fileFigures,
  parseUsageFile,
  resolveConfig,
  resolveCostSettings,
  type ResourceDiffer,
  templateCosts,
  viewFigures,
} from '../../src/core/index.js';
import { typescriptReader } from '../../src/core/parse/typescript/reader.js';
import { type DiskFile, engineInput, type EngineFile } from '../../src/node/engine-input.js';
import { folderFilesFor } from '../../src/node/terraform-loader.js';
import { testTerraformReader } from '../support/terraform-reader.js';
import { EngineThread, engineThreads } from '../../src/node/engine-thread.js';
import { withoutModel } from '../../src/node/engine-protocol.js';

const repo = join(import.meta.dirname, '..', '..');
const worker = join(repo, 'dist', 'engine-worker.js');
const config = resolveConfig({ now: new Date('2026-11-30T00:00:00Z') });
const never = { isCancellationRequested: false };

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo });
});

/** A local file as the editor sends it: its text, path and the folder reads stay in. */
function local(path: string): EngineFile {
  return { uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8'), local: { fsPath: path, root: { folder: repo, label: 'the repository' } } };
}

/** A SAM template of `count` functions, one of them with a timeout API Gateway cannot wait for. */
function template(count: number): string {
  const lines = ['Transform: AWS::Serverless-2016-10-31', 'Resources:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  Fn${i}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: python3.13',
      '      Handler: app.handler',
      '      CodeUri: src/',
    );
    lines.push(
      `      Timeout: ${i === 0 ? 60 : 10}`,
      '      Events:',
      '        Get:',
      '          Type: Api',
      `          Properties: {Path: /items/${i}, Method: get}`,
    );
  }
  return lines.join('\n') + '\n';
}

describe('EngineThread', () => {
  test('a template, a CDK stack and a Terraform file: the same results as the engine in-process', async () => {
    const thread = new EngineThread(worker);
    try {
      const files = [
        local(join(repo, 'examples', 'sam-app', 'template.yaml')),
        local(join(repo, 'test', 'fixtures', 'cdk', 'orders-stack.ts')),
        local(join(repo, 'test', 'fixtures', 'terraform', 'rest-api', 'main.tf')),
      ];
      const results = await Promise.all(files.map((file) => thread.analyze(file, config, never)));
      expect(results.map((r) => r.format)).toEqual(['sam', 'cdk', 'terraform']);
      // In-process, the readers from the sources (the bundles the thread loads are built from them).
      const readers = { typescript: typescriptReader, terraform: await testTerraformReader() };
      for (const [i, file] of files.entries()) {
        const folderFiles = folderFilesFor(file.local!.fsPath, file.local!.root);
        const here = analyzeText({ ...(await engineInput(file)), ...readers, ...(i === 2 && folderFiles ? { folderFiles } : {}) }, config);
        expect(results[i]!.findings).toEqual(here.findings);
        expect(results[i]!.workloads).toEqual(here.workloads);
        expect(results[i]!.model?.functions.length).toBeGreaterThan(0);
        expect(results[i]!.model?.functions.map((f) => f.memoryMb)).toEqual(here.model?.functions.map((f) => f.memoryMb));
      }
      expect(results[0]!.findings.length + results[1]!.findings.length + results[2]!.findings.length).toBeGreaterThan(0);
    } finally {
      thread.dispose();
    }
  });

  test("a scan's local file read by the thread itself: the same result as its text sent; what the read refuses comes back as skipped, with why", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crossover-disk-file-'));
    const outside = mkdtempSync(join(tmpdir(), 'crossover-disk-outside-'));
    onTestFinished(() => [folder, outside].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const root = { folder, label: 'the workspace folder' };
    const disk = (name: string, maxBytes = 1_000_000): DiskFile => ({
      uri: pathToFileURL(join(folder, name)).toString(),
      local: { fsPath: join(folder, name), root },
      maxBytes,
    });
    writeFileSync(join(folder, 'template.yaml'), template(4));
    writeFileSync(join(folder, 'binary.yaml'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(folder, 'big.yaml'), template(40));
    writeFileSync(join(outside, 'secret.yaml'), template(1));
    symlinkSync(join(outside, 'secret.yaml'), join(folder, 'link.yaml'));
    for (const thread of [new EngineThread(worker), new EngineThread(join(folder, 'no-bundle.js'))]) {
      try {
        const sent = await thread.analyze({ uri: disk('template.yaml').uri, text: template(4), local: disk('template.yaml').local }, config, never);
        const read = await thread.analyze(disk('template.yaml'), config, never);
        expect(read.skipped).toBeUndefined();
        expect(read.format).toBe('sam');
        expect(read.findings).toEqual(sent.findings);
        expect(read.model?.functions.length).toBe(4);
        // As the scan asks for it: the findings without their edits (quick fixes come once the file is open).
        const bare = await thread.analyze(disk('template.yaml'), config, never, { withoutEdits: true });
        expect(sent.findings.some((f) => f.fix) && sent.findings.some((f) => f.ignore)).toBe(true);
        expect(bare.findings).toEqual(sent.findings.map(({ fix: _fix, ignore: _ignore, ...rest }) => rest));
        expect(bare.model?.functions.length).toBe(4);
        expect((await thread.analyze(disk('binary.yaml'), config, never)).skipped).toEqual({ kind: 'binary', reason: 'it contains NUL bytes (a binary file)' });
        const big = await thread.analyze(disk('big.yaml', 1_000), config, never);
        expect(big.skipped).toEqual({ kind: 'too-big', size: Buffer.byteLength(template(40)) });
        expect(big.findings).toEqual([]);
        expect((await thread.analyze(disk('gone.yaml'), config, never)).skipped).toEqual({ kind: 'missing' });
        expect((await thread.analyze(disk('link.yaml'), config, never)).skipped).toEqual({ kind: 'outside', path: realpathSync(join(outside, 'secret.yaml')) });
      } finally {
        thread.dispose();
      }
    }
  });

  test('a document being typed in is analysed before the files the scan queued', async () => {
    const thread = new EngineThread(worker);
    try {
      const order: string[] = [];
      const scan = Array.from({ length: 6 }, (_, i) =>
        thread.analyze({ uri: `file:///w/scan${i}/template.yaml`, text: template(60) }, config, never).then(() => order.push(`scan${i}`)),
      );
      const typed = thread.analyze({ uri: 'file:///w/open/template.yaml', text: template(3) }, config, never, { urgent: true }).then((r) => {
        order.push('typed');
        return r;
      });
      const result = await typed;
      await Promise.all(scan);
      expect(result.findings.some((f) => f.ruleId === 'lambda/api-gateway-timeout')).toBe(true);
      // The first scan file was already running when the typed document arrived; the other five waited behind it.
      expect(order.indexOf('typed')).toBeLessThanOrEqual(1);
      expect(order.filter((name) => name !== 'typed')).toEqual(['scan0', 'scan1', 'scan2', 'scan3', 'scan4', 'scan5']);
    } finally {
      thread.dispose();
    }
  });

  test("a scan's files shared among the scan threads: the same results as one thread's; the first thread kept for documents, their models still rebuilt from the one held", async () => {
    const one = new EngineThread(worker);
    const three = new EngineThread(worker, 3);
    try {
      expect([engineThreads(1), engineThreads(2), engineThreads(4), engineThreads(16)]).toEqual([1, 3, 5, 5]);
      expect([one.scanThreads, three.scanThreads]).toEqual([1, 2]);
      const files = Array.from({ length: 8 }, (_, i) => ({ uri: `file:///w/scan${i}/template.yaml`, text: template(20 + i) }));
      const alone = await Promise.all(files.map((file) => one.analyze(file, config, never, { background: true })));
      const shared = await Promise.all(files.map((file) => three.analyze(file, config, never, { background: true })));
      expect(shared.map((r) => r.findings)).toEqual(alone.map((r) => r.findings));
      expect(shared.map((r) => r.model?.functions.length)).toEqual(files.map((_, i) => 20 + i));
      // Both scan threads took files, each a worker of its own; the first thread was not asked for any.
      const workers = () => (three as unknown as { workers: ({ threadId: number } | undefined)[] }).workers;
      expect(workers()[0]).toBeUndefined();
      expect(
        new Set(
          workers()
            .slice(1)
            .map((w) => w?.threadId),
        ).size,
      ).toBe(2);
      // Typed documents: their models come back as changes to the one held (the first thread's), equal to whole ones.
      const doc = { uri: 'file:///w/open/template.yaml', text: template(5) };
      const first = await three.analyze(doc, config, never, { urgent: true });
      const second = await three.analyze({ ...doc, text: template(6) }, config, never, { urgent: true });
      expect(workers()[0]).toBeDefined();
      expect(first.model?.functions.length).toBe(5);
      expect(second.model?.functions.map((f) => f.id)).toEqual(analyzeText({ uri: doc.uri, text: template(6) }, config).model?.functions.map((f) => f.id));
    } finally {
      one.dispose();
      three.dispose();
    }
  });

  test("a document being typed in: its findings come ahead of the answer, the same as the answer's", async () => {
    const thread = new EngineThread(worker);
    try {
      const uri = 'file:///w/early/template.yaml';
      const told: { format: string | undefined; findings: unknown[]; before: boolean }[] = [];
      let answered = false;
      const result = await thread
        .analyze({ uri, text: template(40) }, config, never, { urgent: true }, (early) => told.push({ ...early, before: !answered }))
        .then((r) => ((answered = true), r));
      expect(told).toHaveLength(1);
      expect(told[0]!.before).toBe(true);
      expect(told[0]!.format).toBe(result.format);
      expect(told[0]!.findings).toEqual(result.findings);
      expect(result.findings.some((f) => f.severity === 'error' || f.severity === 'warning')).toBe(true);
      // The scan's requests come in one answer.
      const scanned: unknown[] = [];
      await thread.analyze({ uri: 'file:///w/early/other.yaml', text: template(3) }, config, never, {}, (early) => scanned.push(early));
      expect(scanned).toEqual([]);
    } finally {
      thread.dispose();
    }
  });

  test('a document being typed in: its next model rebuilt from the one held, unchanged nodes kept, equal to a whole analysis', async () => {
    const thread = new EngineThread(worker);
    try {
      const uri = 'file:///w/typed/template.yaml';
      const first = await thread.analyze({ uri, text: template(120) }, config, never, { urgent: true });
      const edited = template(120).replace('      Timeout: 60', '      Timeout: 61');
      const second = await thread.analyze({ uri, text: edited }, config, never, { urgent: true });
      // The same model as a whole analysis of the edited text, nodes and lookups alike.
      const whole = analyzeText({ uri, text: edited }, config).model!;
      expect(second.model!.functions).toEqual(whole.functions);
      expect([...second.model!.byId.keys()]).toEqual([...whole.byId.keys()]);
      expect(second.model!.functions[0]!.timeoutSeconds.value).toBe(61);
      // The edited function came anew; every other node is the object already held here.
      expect(second.model!.functions[0]).not.toBe(first.model!.functions[0]);
      for (let i = 1; i < 120; i++) expect(second.model!.functions[i]).toBe(first.model!.functions[i]);
      for (const [id, node] of second.model!.byId) expect(node).toBe(second.model!.functions.find((f) => f.id === id) ?? node);
      // A line added above moves every node: all come anew, still equal to a whole analysis.
      const moved = '# a comment\n' + edited;
      const third = await thread.analyze({ uri, text: moved }, config, never, { urgent: true });
      expect(third.model!.functions).toEqual(analyzeText({ uri, text: moved }, config).model!.functions);
      expect(third.model!.functions[5]).not.toBe(second.model!.functions[5]);
      // The workspace scan's requests are not sent against anything.
      const scanned = await thread.analyze({ uri, text: moved }, config, never);
      expect(scanned.model!.functions[5]).not.toBe(third.model!.functions[5]);
      expect(scanned.model!.functions).toEqual(third.model!.functions);
    } finally {
      thread.dispose();
    }
  });

  test('cancelled runs resolve as cancelled, queued or running; later requests still get their results', async () => {
    const thread = new EngineThread(worker);
    try {
      const listeners: (() => void)[] = [];
      const token = {
        isCancellationRequested: false,
        onCancellationRequested: (listener: () => void) => {
          listeners.push(listener);
          return { dispose: () => {} };
        },
      };
      const big = thread.analyze({ uri: 'file:///w/a/template.yaml', text: template(400) }, config, token);
      const queued = thread.analyze({ uri: 'file:///w/b/template.yaml', text: template(400) }, config, token);
      token.isCancellationRequested = true;
      for (const listener of listeners) listener();
      expect((await big).cancelled).toBe(true);
      expect((await queued).cancelled).toBe(true);
      const after = await thread.analyze({ uri: 'file:///w/c/template.yaml', text: template(2) }, config, never);
      expect(after.cancelled).toBeUndefined();
      expect(after.format).toBe('sam');
    } finally {
      thread.dispose();
    }
  });

  test("a scanned file's workspace figures: computed in the thread under the inputs it was asked under, the same as in-process", async () => {
    const usage = parseUsageFile('crossover.usage.yml', 'resources:\n  Fn3:\n    requestsPerMonth: 9000000\n    averageDurationMs: 400\n');
    const settings = resolveCostSettings({ freeTier: true });
    const text = template(6);
    const model = analyzeText({ uri: 'file:///w/template.yaml', text }, config).model!;
    const expected = fileFigures(templateCosts(model, 'template.yaml', usage, settings));
    // Run in the thread, and on this thread (no bundle): the same figures either way.
    for (const thread of [new EngineThread(worker), new EngineThread(join(repo, 'no-such-worker.js'))]) {
      try {
        thread.setCostInputs({ version: 7, settings, usage: [['file:///w', usage]] });
        const file = { uri: 'file:///w/template.yaml', text };
        const costs = { version: 7, usageKey: 'file:///w', templatePath: 'template.yaml' };
        const result = await thread.analyze(file, config, never, { costs });
        expect(result.figures?.version).toBe(7);
        expect(result.figures?.errors).toEqual([]);
        expect(result.figures?.figures).toEqual(expected);
        // Fn3's traffic comes from the usage file: it is the one with given traffic.
        expect(result.figures!.figures.workloads.filter((w) => w.total.estimated?.assumed === false).map((w) => w.id)).toEqual(['Fn3']);
        // Without the summary's figures (the crossovers are solved when the summary asks).
        expect(result.figures!.figures.summaries).toBe(false);
        // Asked under other inputs than the thread holds (they changed meanwhile): none, the host computes them.
        expect((await thread.analyze(file, config, never, { costs: { ...costs, version: 6 } })).figures).toBeUndefined();
        // Not asked: none.
        expect((await thread.analyze(file, config, never)).figures).toBeUndefined();
        // The scan's file leaves its model in the thread when its figures come, and keeps it when they do not.
        const lean = await thread.analyze(file, config, never, { costs, withoutModel: true });
        expect(lean.model).toBeUndefined();
        expect(lean.findings).toEqual(result.findings);
        expect(lean.figures?.figures).toEqual(expected);
        expect((await thread.analyze(file, config, never, { costs: { ...costs, version: 6 }, withoutModel: true })).model).toBeDefined();
        // Read again for the workspace summary: its rows, crossovers solved, the same as in-process.
        const rows = await thread.analyze(file, config, never, { costs: { ...costs, summaries: true }, withoutModel: true });
        expect(rows.figures?.figures).toEqual(fileFigures(templateCosts(model, 'template.yaml', usage, settings), { summaries: true }));
        expect(rows.figures!.figures.summaries).toBe(true);
        expect(rows.figures!.figures.workloads.every((w) => w.summary !== undefined)).toBe(true);
        // A CDK app keeps its model: other files' lenses look up its construct instances.
        expect(withoutModel({ ...result, format: 'cdk' }).model).toBe(result.model);
      } finally {
        thread.dispose();
      }
    }
  });

  test("a comparison view's figures: the same as in-process, answered while an analysis is under way", async () => {
    const thread = new EngineThread(worker);
    try {
      const settings = resolveCostSettings();
      const model = analyzeText({ uri: 'file:///w/template.yaml', text: template(2) }, config).model!;
      const { fn, estimate } = templateCosts(model, 'template.yaml', emptyUsage(), settings).functions[0]!;
      const overrides = { requestsPerMonth: 40_000_000 };
      const busy = thread.analyze({ uri: 'file:///w/big/template.yaml', text: template(400) }, config, never);
      let analysed = false;
      void busy.then(() => (analysed = true));
      const figures = await thread.viewFigures(estimate, { fn }, overrides, settings.priceOverrides, {});
      expect(analysed).toBe(false);
      expect(figures).toEqual(viewFigures(estimate, { fn }, overrides, settings.priceOverrides, {}));
      expect((await busy).format).toBe('sam');
    } finally {
      thread.dispose();
    }
  });

  test("a file's cost change against another version: read and compared in the thread, the same report as in-process", async () => {
    const thread = new EngineThread(worker);
    try {
      const settings = resolveCostSettings();
      const before = template(3);
      const after = before.replace('      Timeout: 60', '      Timeout: 20\n      MemorySize: 2048\n      FunctionName: renamed');
      const usage = parseUsageFile('crossover.usage.yml', 'defaults:\n  requestsPerMonth: 5000000\n');
      const { report, problems } = await thread.diffFile({
        path: 'template.yaml',
        before: { label: 'HEAD', text: before, usage: emptyUsage() },
        after: { label: 'the editor (unsaved)', text: after, usage },
        config,
        settings,
      });
      expect(problems).toEqual([]);
      const differ = (createRequire(import.meta.url)(join(repo, 'dist', 'resource-differ.js')) as { resourceDiffer: ResourceDiffer }).resourceDiffer;
      const here = diffSides(
        { label: 'HEAD', files: [{ path: 'template.yaml', text: before }], usageFor: () => emptyUsage() },
        { label: 'the editor (unsaved)', files: [{ path: 'template.yaml', text: after }], usageFor: () => usage },
        { config, settings, differ },
      );
      expect(report).toEqual(here);
      expect(report.findings.resolved.map((f) => f.ruleId)).toContain('lambda/api-gateway-timeout');
      // A SAM function's property changes are updates (what the transform makes of them is its business).
      expect(report.files[0]!.resources?.find((r) => r.id === 'Fn0')).toMatchObject({ change: 'updated' });
      expect(
        report.files[0]!.resources?.find((r) => r.id === 'Fn0')
          ?.properties.map((p) => p.name)
          .sort(),
      ).toEqual(['FunctionName', 'MemorySize', 'Timeout']);
    } finally {
      thread.dispose();
    }
  });

  test('a thread that stops: the files it held get an internal-error finding, the next request starts a new thread', async () => {
    // A stand-in for a thread that dies on its first request (out of memory, say); then the real engine.
    const dir = mkdtempSync(join(tmpdir(), 'crossover-engine-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const dying = join(dir, 'dying.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const thread = new EngineThread(dying);
    const errors: string[] = [];
    thread.onError = (message) => errors.push(message);
    try {
      const [a, b] = await Promise.all([
        thread.analyze({ uri: 'file:///w/a.yaml', text: template(1) }, config, never),
        thread.analyze({ uri: 'file:///w/b.yaml', text: template(1) }, config, never),
      ]);
      for (const [result, uri] of [
        [a, 'file:///w/a.yaml'],
        [b, 'file:///w/b.yaml'],
      ] as const) {
        expect(result.uri).toBe(uri);
        expect(result.findings).toHaveLength(1);
        expect(result.findings[0]).toMatchObject({ ruleId: 'internal-error', uri });
        expect(result.findings[0]!.message).toMatch(/engine thread stopped/);
      }
      expect(errors.join('\n')).toMatch(/exit code 3/);
    } finally {
      thread.dispose();
    }
  });
});
