/**
 * The editor's cost surfaces: hovers on Lambda settings, a CodeLens above each function, the workspace
 * total in the status bar, and the commands behind them (report, usage file, summary).
 */
import * as vscode from 'vscode';
import { formatUsd } from '../../core/cost/format.js';
import { parseUsageFile } from '../../core/cost/usage-file.js';
import { changedSpan, usageEdit } from '../../core/cost/usage-writer.js';
import { type Field } from '../../core/model/field.js';
import { type SourceLocation } from '../../core/model/location.js';
import { type LambdaFunction } from '../../core/model/nodes.js';
import { toRange } from '../diagnostics.js';
import { type Log } from '../log.js';
import { notificationText, plainLabel } from '../../core/markdown.js';
import { checkBoolean } from '../../core/settings.js';
import {
  editUsageLink,
  hoverMarkdown,
  lensTitle,
  lensTooltip,
  reportMarkdown,
  taskHoverMarkdown,
  taskLensTitle,
  type CostField,
} from '../../core/present/cost.js';
import { type CostService, type FunctionCost } from './estimates.js';
import { readUsageText } from './usage.js';
import { type ComparePanels } from '../compare/panel.js';
import { candidateSelector } from '../support/candidates.js';

export const COST_SELECTOR: vscode.DocumentSelector = candidateSelector();

const REPORT_SCHEME = 'crossover-report';

function fieldsOf(fn: LambdaFunction): [CostField, Field<unknown> | undefined][] {
  return [
    ['memory', fn.memoryMb],
    ['timeout', fn.timeoutSeconds],
    ['architecture', fn.architecture],
    ['provisioned', fn.provisionedConcurrency],
    ['reserved', fn.reservedConcurrency],
    ['ephemeral', fn.ephemeralStorageMb],
  ];
}

const same = (a: SourceLocation | undefined, b: SourceLocation | undefined) =>
  !!a && !!b && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const all = this.costs.costsFor(document.uri);
      for (const { fn, estimate } of all) {
        for (const [field, value] of fieldsOf(fn)) {
          const at = [value?.keyAt, value?.at].find((loc) => loc && toRange(loc.range).contains(position));
          if (!value || !at) continue;
          const inheritedBy =
            value.origin === 'globals'
              ? all.filter((c) => fieldsOf(c.fn).some(([f, v]) => f === field && same(v?.at, value.at))).map((c) => c.fn.id)
              : undefined;
          const md = hoverContent(
            hoverMarkdown(field, estimate, this.costs.pricesFor(estimate), {
              ...(inheritedBy ? { inheritedBy } : {}),
              editUsage: editUsageLink(document.uri.toString(), fn.id),
              ...(fn.timeoutSeconds.value !== undefined ? { timeoutSeconds: fn.timeoutSeconds.value } : {}),
              limits: this.costs.engineConfig.limits,
            }),
          );
          return new vscode.Hover(md, toRange(at.range));
        }
      }
      const tasks = this.costs.taskCostsFor(document.uri);
      const seen = new Set<string>();
      for (const { task, estimate } of tasks) {
        if (seen.has(task.id)) continue;
        seen.add(task.id);
        for (const value of [task.cpuUnits, task.memoryMb]) {
          const at = [value.keyAt, value.at].find((loc) => loc && toRange(loc.range).contains(position));
          if (!at || task.cpuUnits.value === undefined || task.memoryMb.value === undefined) continue;
          const md = hoverContent(taskHoverMarkdown(task.cpuUnits.value, task.memoryMb.value, estimate, editUsageLink(document.uri.toString(), estimate.id)));
          return new vscode.Hover(md, toRange(at.range));
        }
      }
    } catch (error) {
      this.log.error('Cost hover failed', error);
    }
    return undefined;
  }
}

/**
 * A hover's Markdown (file text in it is escaped by content.ts): no HTML, no theme icons, and of all commands
 * only our "Edit usage assumptions" link may run.
 */
function hoverContent(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: ['crossover.editUsage'] };
  return md;
}

export class CostLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {
    this.onDidChangeCodeLenses = costs.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    try {
      const problems: string[] = [];
      const enabled = checkBoolean('costLens.enabled', vscode.workspace.getConfiguration('crossover').get<unknown>('costLens.enabled'), true, problems);
      for (const problem of problems) this.log.warnOnce(problem);
      if (!enabled) return [];
      const functions = this.costs.costsFor(document.uri).flatMap(({ fn, estimate }) => {
        const range = toRange(fn.loc.range);
        const args = [document.uri.toString(), fn.id];
        return [
          new vscode.CodeLens(range, { title: lensTitle(estimate), tooltip: lensTooltip(estimate), command: 'crossover.showCostReport', arguments: args }),
          new vscode.CodeLens(range, {
            title: 'Compare',
            tooltip: 'Compare this function with the same work on ECS Fargate',
            command: 'crossover.compareWithFargate',
            arguments: args,
          }),
        ];
      });
      const tasks = this.costs.taskCostsFor(document.uri).flatMap(({ node, estimate }) => {
        const range = toRange(node.loc.range);
        const args = [document.uri.toString(), node.id];
        return [
          new vscode.CodeLens(range, { title: taskLensTitle(estimate), tooltip: lensTooltip(estimate), command: 'crossover.showCostReport', arguments: args }),
          new vscode.CodeLens(range, {
            title: 'Compare',
            tooltip: 'Compare these tasks with the same work on Lambda',
            command: 'crossover.compareWithLambda',
            arguments: args,
          }),
        ];
      });
      return [...functions, ...tasks];
    } catch (error) {
      this.log.error('Cost lenses failed', error);
      return [];
    }
  }
}

/** The workspace's typical monthly total on each side, in the status bar. */
export class CostStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crossover.cost', vscode.StatusBarAlignment.Left, 9);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {
    this.item.name = 'Crossover cost';
    this.item.command = 'crossover.showCostSummary';
  }

  /** Recomputes soon (results arrive in bursts during a scan). */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(
      this.log.guard('Cost status', () => {
        this.timer = undefined;
        this.update();
      }),
      200,
    );
  }

  update(): void {
    const total = this.costs.total();
    if (!total.functions) {
      this.item.hide();
      return;
    }
    this.item.text = `$(graph) Lambda ${formatUsd(total.lambda)}/mo · Fargate ${formatUsd(total.fargate)}/mo`;
    this.item.tooltip =
      `Crossover: typical monthly cost of ${total.functions} Lambda function${total.functions === 1 ? '' : 's'} in the workspace, and of the same work on Fargate.` +
      (total.assumed ? ` Traffic is assumed for ${total.assumed} of them (set it in crossover.usage.yml).` : '') +
      ' Click for the summary.';
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}

/** Read-only Markdown documents for reports, shown in the Markdown preview. */
export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** `toSide`: beside the active editor (a report that follows that editor's edits). */
  async show(name: string, markdown: string, { toSide = false } = {}): Promise<void> {
    const uri = this.update(name, markdown);
    await vscode.commands.executeCommand(toSide ? 'markdown.showPreviewToSide' : 'markdown.showPreview', uri);
  }

  uriOf(name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
  }

  /** Replaces a report's text; an open preview of it follows. */
  update(name: string, markdown: string): vscode.Uri {
    const uri = this.uriOf(name);
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }
}

export function registerCostCommands(costs: CostService, reports: ReportDocuments, panels: ComparePanels, log: Log): vscode.Disposable[] {
  const find = (uri: string | undefined, id: string | undefined): { cost: FunctionCost; uri: vscode.Uri } | undefined => {
    if (!uri || !id) return undefined;
    const parsed = vscode.Uri.parse(uri);
    const cost = costs.costsFor(parsed).find((c) => c.fn.id === id);
    return cost ? { cost, uri: parsed } : undefined;
  };
  const findTask = (uri: string | undefined, id: string | undefined) => {
    if (!uri || !id) return undefined;
    const parsed = vscode.Uri.parse(uri);
    const cost = costs.taskCostsFor(parsed).find((c) => c.node.id === id);
    return cost ? { cost, uri: parsed } : undefined;
  };
  const pick = async (): Promise<{ cost: FunctionCost; uri: vscode.Uri } | undefined> => {
    const items = costs.allCosts().map(({ uri, cost }) => ({
      label: plainLabel(cost.fn.id),
      description: plainLabel(vscode.workspace.asRelativePath(uri)),
      detail: lensTitle(cost.estimate),
      uri,
      cost,
    }));
    if (!items.length) {
      void vscode.window.showInformationMessage('Crossover has found no Lambda functions in the workspace yet.');
      return undefined;
    }
    return vscode.window.showQuickPick(items, { placeHolder: 'Which function?', matchOnDescription: true });
  };
  const report = async (uri?: string, id?: string) => {
    const task = findTask(uri, id);
    if (task) {
      await reports.show(`${task.cost.node.id} - Fargate or Lambda`, reportMarkdown(task.cost.estimate, vscode.workspace.asRelativePath(task.uri)));
      return;
    }
    const target = find(uri, id) ?? (await pick());
    if (!target) return;
    await reports.show(`${target.cost.fn.id} - Lambda or Fargate`, reportMarkdown(target.cost.estimate, vscode.workspace.asRelativePath(target.uri)));
  };
  /** From a CodeLens (uri and id), or the palette / context menu: the workload at the cursor, else a quick pick. */
  const comparison = (kind: 'function' | 'task') => async (uri?: string, id?: string) => {
    if (uri && id) {
      panels.show({ uri, id });
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const at = editor.selection.active;
      const here = [
        ...costs.costsFor(editor.document.uri).map((c) => ({ id: c.fn.id, loc: c.fn.loc, kind: 'function' })),
        ...costs.taskCostsFor(editor.document.uri).map((c) => ({ id: c.node.id, loc: c.node.loc, kind: 'task' })),
      ].filter((w) => w.kind === kind);
      // The workload whose declaration is the nearest above the cursor.
      const nearest = here.filter((w) => w.loc.range.start.line <= at.line).sort((a, b) => b.loc.range.start.line - a.loc.range.start.line)[0];
      if (nearest) {
        panels.show({ uri: editor.document.uri.toString(), id: nearest.id });
        return;
      }
    }
    const workloads = [
      ...costs.allCosts().map(({ uri, cost }) => ({
        label: plainLabel(cost.fn.id),
        description: `Lambda function · ${plainLabel(vscode.workspace.asRelativePath(uri))}`,
        detail: lensTitle(cost.estimate),
        uri,
        id: cost.fn.id,
        workload: 'function',
      })),
    ];
    const tasks = costs.allTaskCosts().map(({ uri, cost }) => ({
      label: plainLabel(cost.node.id),
      description: `${cost.node.kind === 'ecs-service' ? 'ECS service' : 'ECS task definition'} · ${plainLabel(vscode.workspace.asRelativePath(uri))}`,
      detail: taskLensTitle(cost.estimate),
      uri,
      id: cost.node.id,
      workload: 'task',
    }));
    const items = [...workloads, ...tasks].sort((a, b) => (a.workload === kind ? 0 : 1) - (b.workload === kind ? 0 : 1));
    if (!items.length) {
      void vscode.window.showInformationMessage('Crossover has found no Lambda functions or ECS tasks in the workspace yet.');
      return;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Which workload?', matchOnDescription: true });
    if (picked) panels.show({ uri: picked.uri.toString(), id: picked.id });
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand('crossover.showCostReport', log.guard('Cost report', report)),
    vscode.commands.registerCommand('crossover.compareWithFargate', log.guard('Compare with Fargate', comparison('function'))),
    vscode.commands.registerCommand('crossover.compareWithLambda', log.guard('Compare with Lambda', comparison('task'))),
    vscode.commands.registerCommand(
      'crossover.showCostSummary',
      log.guard('Cost summary', () => panels.showSummary()),
    ),
    vscode.commands.registerCommand(
      'crossover.editUsage',
      log.guard('Edit usage', async (uri?: unknown, id?: unknown) => {
        // Called from our hovers' links, the palette (no arguments), or anything else that can run a command.
        if ((uri !== undefined && typeof uri !== 'string') || (id !== undefined && (typeof id !== 'string' || id.length > 1024))) return;
        const folder = (uri && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))) || vscode.workspace.workspaceFolders?.[0];
        if (!folder) return;
        const file = costs.usage.fileFor(folder);
        const where = vscode.workspace.asRelativePath(file.uri, false);
        // What to write is decided in core (usageEdit, through withTraffic): the skeleton in the file's own syntax
        // for a new or blank file, then the entry with the figures estimates assume now.
        const defaults = costs.defaults();
        const traffic = { requestsPerMonth: defaults.traffic.typical, averageDurationMs: defaults.durationMs };
        const refused = (reason: string) =>
          void vscode.window.showWarningMessage(notificationText(`Crossover did not add ${id ?? 'an entry'} to ${where}: ${reason}`));
        if (!file.exists) {
          // The tracker may not know a file that is there (not read yet, or refused): never write over it.
          const read = await readUsageText(file.uri);
          if ('refused' in read) return refused(`${read.refused}.`);
          if ('missing' in read) {
            const created = usageEdit(file.uri.path, undefined, id, traffic);
            if ('refused' in created) return refused(created.refused);
            await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode('text' in created ? created.text : ''));
          }
        }
        const document = await vscode.workspace.openTextDocument(file.uri);
        const editor = await vscode.window.showTextDocument(document);
        const reveal = (): boolean => {
          const entry = id === undefined ? undefined : parseUsageFile(document.uri.toString(), document.getText()).resources.get(id);
          if (!entry) return false;
          const at = new vscode.Position(entry.range.start.line, 0);
          editor.selection = new vscode.Selection(at, at);
          editor.revealRange(new vscode.Range(at, at));
          return true;
        };
        const text = document.getText();
        const written = usageEdit(file.uri.path, text, id, traffic);
        if ('refused' in written) return refused(written.refused);
        if ('text' in written) {
          const span = changedSpan(text, written.text);
          const edit = new vscode.WorkspaceEdit();
          edit.replace(document.uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), span.newText);
          if (!(await vscode.workspace.applyEdit(edit))) return;
        }
        reveal();
      }),
    ),
  ];
}
