/**
 * Crossover's editor face: wires the engine to VS Code. Activation stays light (no scan work before
 * `activate` returns); every handler is guarded so the extension host never sees an exception from us.
 */
import * as vscode from 'vscode';
import { type Finding } from '../core/index.js';
import { registerProblemsCommands } from './diagnostics.js';
import { type AnalysisSummary, Analyzer } from './analyzer.js';
import { COST_SELECTOR, CostService } from './cost/estimates.js';
import { CostHoverProvider } from './cost/hover.js';
import { CostLensProvider } from './cost/lens.js';
import { CostStatus } from './cost/status.js';
import { registerCostCommands } from './cost/commands.js';
import { ReportDocuments } from './cost/reports.js';
import { UsageFiles } from './cost/usage.js';
import { Log } from './log.js';
import { WorkspaceScanner } from './scan.js';
import { SynthesizedOutput } from './synthesized.js';
import { QuickFixProvider } from './quick-fixes.js';
import { ChangeAgainstHead } from './change/against-head.js';
import { COMPARE_VIEW_TYPE, ComparePanels, SUMMARY_VIEW_TYPE } from './compare/panels.js';
import { type ExtensionSettings, readSettings } from './settings.js';
import { Status } from './status.js';
import { EngineThread, engineThreads } from '../node/engine-thread.js';

/** What `activate` returns: lets tests and other extensions wait for results instead of sleeping. */
export interface CrossoverApi {
  /** Resolves when no analysis is scheduled or running and no workspace scan is under way. */
  whenIdle(): Promise<void>;
  /** Analyses a document now (opening it if needed) and returns its findings. */
  analyze(uri: vscode.Uri): Promise<Finding[]>;
}

export function activate(context: vscode.ExtensionContext): CrossoverApi {
  const started = performance.now();
  const services = createServices(context);
  // The responsiveness probe of the real-editor suite (test/e2e/README.md); never loaded otherwise.
  if (process.env.CROSSOVER_PROBE === '1') {
    void import('./support/probe.js')
      .then((probe) => context.subscriptions.push(probe.startProbe(context, services.log, services.analyzer)))
      .catch((error: unknown) => services.log.error('The probe failed', error));
  }
  context.subscriptions.push(...registerCostFeatures(context, services));
  const usageLoaded = services.usage.loadAll().catch((error: unknown) => services.log.error('Reading the usage file failed', error));
  context.subscriptions.push(...registerDocumentEvents(services), ...registerScanCommands(services));
  startScan(context, services);
  logActivation(context, services, started);
  return crossoverApi(services, usageLoaded);
}

/** Everything the handlers share, created once at activation. */
interface Services {
  log: Log;
  /** The engine's thread: parsing, readers, rules, the comparison's figures and the cost change run there. */
  engine: EngineThread;
  settings: ExtensionSettings;
  settingsProblem: (problem: string) => void;
  analyzer: Analyzer;
  synthesized: SynthesizedOutput;
  status: Status;
  scanner: WorkspaceScanner;
  usage: UsageFiles;
  costs: CostService;
  costStatus: CostStatus;
  panels: ComparePanels;
  reports: ReportDocuments;
}

/** The analysis (documents, cdk.out, the workspace scan, the status bar), then the costs built on its results. */
function createServices(context: vscode.ExtensionContext): Services {
  const log = new Log();
  const settingsProblem = (problem: string) => log.warnOnce(problem);
  const settings = readSettings(vscode.workspace.getConfiguration('crossover'), settingsProblem);
  // Parsing, the readers and the rules run in worker threads (the scan's files shared among one per core, up to
  // four): the extension host keeps the VS Code glue.
  const engine = new EngineThread(undefined, engineThreads());
  engine.onError = (message) => log.error(message);
  context.subscriptions.push({ dispose: () => engine.dispose() });
  const analyzer = new Analyzer(settings, log, engine);
  // cdk.out templates, their findings mapped to the constructs of the CDK sources.
  const synthesized = new SynthesizedOutput(analyzer, log);
  const status = new Status(
    () => addSummaries(analyzer.summary(), synthesized.summary()),
    (error) => log.error('Status update failed', error),
  );
  const scanner = new WorkspaceScanner(settings, analyzer, log, status);
  context.subscriptions.push(log, analyzer, status, scanner, synthesized);

  // Costs: estimates per function from the analysis results, the usage file and the cost settings.
  const usage = new UsageFiles(log);
  const costs = new CostService(analyzer, usage, log, engine);
  // New cost inputs in a large workspace: the scanned files' figures come from analysing them again in the threads.
  costs.rescan = (reason) => void scanner.start(reason);
  const costStatus = new CostStatus(costs, log);
  const panels = new ComparePanels(context.extensionUri, costs, usage, log);
  const reports = new ReportDocuments();
  return { log, engine, settings, settingsProblem, analyzer, synthesized, status, scanner, usage, costs, costStatus, panels, reports };
}

/** The cost services, the hover, quick fix and lens providers, the comparison views, the cost commands, the change against HEAD. */
function registerCostFeatures(context: vscode.ExtensionContext, services: Services): vscode.Disposable[] {
  const { log, analyzer, usage, costs, costStatus, panels, reports } = services;
  return [
    usage,
    costs,
    costStatus,
    costs.onDidChange(log.guard('Cost status', () => costStatus.schedule())),
    vscode.languages.registerHoverProvider(COST_SELECTOR, new CostHoverProvider(costs, log)),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new QuickFixProvider(analyzer, log), QuickFixProvider.metadata),
    ...registerLenses(costs, log),
    panels,
    ...registerViewSerializers(panels, log),
    ...registerCostCommands(costs, reports, panels, log),
    // The current file against its last commit: the pull-request report of `crossover diff`, in the editor.
    new ChangeAgainstHead(costs, usage, reports, () => analyzer.engineConfig, log, services.engine),
  ];
}

/** The cost CodeLenses, with the listener that redraws them only when they change. */
function registerLenses(costs: CostService, log: Log): vscode.Disposable[] {
  const lenses = new CostLensProvider(costs, log);
  return [lenses, vscode.languages.registerCodeLensProvider(COST_SELECTOR, lenses)];
}

/** Restores the comparison and summary views VS Code kept across a reload. */
function registerViewSerializers(panels: ComparePanels, log: Log): vscode.Disposable[] {
  return [
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        try {
          panels.restore(panel, state);
        } catch (error) {
          log.error('Restoring the comparison view failed', error);
        }
      },
    }),
    vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        try {
          panels.showSummary(panel);
        } catch (error) {
          log.error('Restoring the cost summary failed', error);
        }
      },
    }),
  ];
}

/** Results to the status bar; documents opened, changed and closed; settings and workspace folders changed. */
function registerDocumentEvents(services: Services): vscode.Disposable[] {
  const { log, analyzer, synthesized, status, scanner } = services;
  return [
    analyzer.onDidChangeResults(log.guard('Status update', () => status.update())),
    synthesized.onDidChange(log.guard('Status update', () => status.update())),
    analyzer.onDidChangeBusy(log.guard('Status update', (busy: boolean) => status.setAnalysing(busy))),
    vscode.window.onDidChangeActiveTextEditor(log.guard('Active editor', () => analyzer.updateContextKey())),
    vscode.workspace.onDidOpenTextDocument(log.guard('Open', (d: vscode.TextDocument) => analyzer.documentOpened(d))),
    vscode.workspace.onDidChangeTextDocument(log.guard('Change', (e: vscode.TextDocumentChangeEvent) => analyzer.documentChanged(e.document))),
    vscode.workspace.onDidCloseTextDocument(log.guard('Close', (d: vscode.TextDocument) => documentClosed(services, d))),
    vscode.workspace.onDidChangeConfiguration(log.guard('Settings change', (e: vscode.ConfigurationChangeEvent) => settingsChanged(services, e))),
    vscode.workspace.onDidChangeWorkspaceFolders(log.guard('Folders change', () => void scanner.start('workspace folders changed'))),
  ];
}

async function documentClosed({ analyzer, scanner }: Services, d: vscode.TextDocument): Promise<void> {
  // A file the scan lists stays in the Problems panel as it is on disk: the editor may have held
  // unsaved text, so it is read again (the editor's diagnostics stay until that result replaces them).
  const keep = scanner.covers(d.uri);
  analyzer.documentClosed(d, keep);
  if (!keep) return;
  const source = new vscode.CancellationTokenSource();
  try {
    await scanner.readAndAnalyze(d.uri, source.token);
  } finally {
    source.dispose();
  }
}

function settingsChanged({ log, settingsProblem, analyzer, scanner, costs }: Services, e: vscode.ConfigurationChangeEvent): void {
  if (!e.affectsConfiguration('crossover') && !e.affectsConfiguration('files.exclude')) return;
  // Prices, usage defaults and the Fargate task only change estimates: no need to analyse again.
  const analysis = ['rules', 'problems', 'limits', 'maxFileSizeKb', 'analysis', 'workspaceScan'].some((key) => e.affectsConfiguration(`crossover.${key}`));
  costs.reconfigure(analysis || e.affectsConfiguration('files.exclude'));
  if (!analysis && !e.affectsConfiguration('files.exclude')) {
    log.info('Cost settings changed: estimates updated.');
    return;
  }
  const settings = readSettings(vscode.workspace.getConfiguration('crossover'), settingsProblem);
  analyzer.reconfigure(settings);
  scanner.reconfigure(settings);
  log.info('Settings changed: analysing again.');
  void scanner.start('settings changed');
}

function registerScanCommands({ log, scanner }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      'crossover.rescanWorkspace',
      log.guard('Rescan', () => void scanner.start('command')),
    ),
    vscode.commands.registerCommand(
      'crossover.cancelScan',
      log.guard('Cancel scan', () => scanner.cancel('by the user')),
    ),
    vscode.commands.registerCommand(
      'crossover.showOutput',
      log.guard('Show output', () => log.channel.show(true)),
    ),
    ...registerProblemsCommands(),
  ];
}

/** The documents already open are analysed now; the workspace scan and cdk.out start after activation returns, in the background. */
function startScan(context: vscode.ExtensionContext, { log, analyzer, scanner, synthesized }: Services): void {
  for (const document of vscode.workspace.textDocuments) analyzer.documentOpened(document);
  analyzer.updateContextKey();
  const timer = setTimeout(
    log.guard('Workspace scan', () => {
      void scanner.start('activation');
      void synthesized.start().catch((error: unknown) => log.error('Reading cdk.out failed', error));
    }),
    0,
  );
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

function logActivation(context: vscode.ExtensionContext, { log, settings }: Services, started: number): void {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  log.info(
    `Crossover ${version} activated in ${(performance.now() - started).toFixed(1)} ms ` +
      `(workspace scan ${settings.scan.enabled ? `on, up to ${settings.scan.maxFiles} files` : 'off'}, files up to ${settings.maxFileSizeBytes / 1024} KB).`,
  );
}

function crossoverApi({ analyzer, scanner, synthesized }: Services, usageLoaded: Promise<void>): CrossoverApi {
  return {
    whenIdle: async () => {
      // Loop until both are idle at the same moment (a scan can schedule analyses and vice versa).
      await usageLoaded;
      while (analyzer.busy || scanner.scanning || synthesized.busy) await Promise.all([analyzer.whenIdle(), scanner.whenIdle(), synthesized.whenIdle()]);
    },
    analyze: async (uri) => analyzer.analyzeNow(await vscode.workspace.openTextDocument(uri)),
  };
}

function addSummaries(a: AnalysisSummary, b: AnalysisSummary): AnalysisSummary {
  return { templates: a.templates + b.templates, errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
