/**
 * The cost commands: the report, the comparison (from a lens, the palette or the context menu), the summary
 * and "Edit Usage Assumptions".
 */
import {
  changedSpan,
  EDITOR_TEXT,
  lensTitle,
  notificationText,
  parseUsageFile,
  plainLabel,
  reportMarkdown,
  taskLensTitle,
  usageEdit,
  type WorkloadPick,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { type Log } from '../log.js';
import { type CostService, type FunctionCost } from './estimates.js';
import { REPORT_SCHEME, type ReportDocuments } from './reports.js';
import { readUsageText } from './usage.js';
import { type ComparePanels } from '../compare/panels.js';

type Found = { cost: FunctionCost; uri: vscode.Uri };

export function registerCostCommands(costs: CostService, reports: ReportDocuments, panels: ComparePanels, log: Log): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(
      'crossover.showCostReport',
      log.guard('Cost report', (uri?: string, id?: string) => showReport(costs, reports, uri, id)),
    ),
    vscode.commands.registerCommand('crossover.compareWithFargate', log.guard('Compare with Fargate', comparison(costs, panels, 'function'))),
    vscode.commands.registerCommand('crossover.compareWithLambda', log.guard('Compare with Lambda', comparison(costs, panels, 'task'))),
    vscode.commands.registerCommand(
      'crossover.showCostSummary',
      log.guard('Cost summary', () => panels.showSummary()),
    ),
    vscode.commands.registerCommand(
      'crossover.editUsage',
      log.guard('Edit usage', (uri?: unknown, id?: unknown) => editUsage(costs, uri, id)),
    ),
  ];
}

/** The function `id` declared in the document `uri`, with its estimate (the file read again if its model is not here). */
async function findFunction(costs: CostService, uri: string | undefined, id: string | undefined): Promise<Found | undefined> {
  if (!uri || !id) return undefined;
  const parsed = vscode.Uri.parse(uri);
  await costs.ready(parsed);
  const cost = costs.costsFor(parsed).find((c) => c.fn.id === id);
  return cost ? { cost, uri: parsed } : undefined;
}

/** The ECS task or service `id` declared in the document `uri`, with its estimate. */
async function findTask(costs: CostService, uri: string | undefined, id: string | undefined) {
  if (!uri || !id) return undefined;
  const parsed = vscode.Uri.parse(uri);
  await costs.ready(parsed);
  const cost = [...costs.taskCostsFor(parsed), ...costs.serviceCostsFor(parsed)].find((c) => c.node.id === id);
  return cost ? { cost, uri: parsed } : undefined;
}

/** A quick pick over every function of the workspace; the picked one with its estimate (computed in slices if need be). */
async function pickFunction(costs: CostService): Promise<Found | undefined> {
  const items = costs
    .allPicks()
    .filter(({ pick }) => pick.workload === 'function')
    .map(({ uri, pick }) => ({
      label: plainLabel(pick.id),
      description: plainLabel(vscode.workspace.asRelativePath(uri)),
      detail: pick.title,
      uri,
      id: pick.id,
    }));
  if (!items.length) {
    void vscode.window.showInformationMessage(EDITOR_TEXT.noFunctions);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: EDITOR_TEXT.pickFunction, matchOnDescription: true });
  if (!picked) return undefined;
  return findFunction(costs, picked.uri.toString(), picked.id);
}

/** "Show Cost Report": for the task or function the lens names, else a picked function. */
async function showReport(costs: CostService, reports: ReportDocuments, uri?: string, id?: string): Promise<void> {
  const task = await findTask(costs, uri, id);
  if (task) {
    await reports.show(`${task.cost.node.id} - Fargate or Lambda`, reportMarkdown(task.cost.estimate, vscode.workspace.asRelativePath(task.uri)));
    return;
  }
  const target = (await findFunction(costs, uri, id)) ?? (await pickFunction(costs));
  if (!target) return;
  await reports.show(`${target.cost.fn.id} - Lambda or Fargate`, reportMarkdown(target.cost.estimate, vscode.workspace.asRelativePath(target.uri)));
}

/** From a CodeLens (uri and id), or the palette / context menu: the workload at the cursor, else a quick pick. */
function comparison(costs: CostService, panels: ComparePanels, kind: 'function' | 'task') {
  return async (uri?: unknown, id?: string) => {
    // The lens of a declaration made several times: the instances to choose from.
    if (Array.isArray(uri)) {
      const targets = uri.filter((t): t is { uri: string; id: string } => typeof t?.uri === 'string' && typeof t?.id === 'string');
      const picked =
        targets.length > 1
          ? await vscode.window.showQuickPick(
              targets.map((t) => ({ label: plainLabel(t.id), description: plainLabel(vscode.workspace.asRelativePath(vscode.Uri.parse(t.uri))), target: t })),
              { placeHolder: EDITOR_TEXT.pickInstance },
            )
          : targets[0] && { target: targets[0] };
      if (picked) panels.show(picked.target);
      return;
    }
    if (typeof uri === 'string' && uri && id) {
      panels.show({ uri, id });
      return;
    }
    if (await showWorkloadAtCursor(costs, panels, kind)) return;
    await pickWorkload(costs, panels, kind);
  };
}

/** Opens the comparison of the workload whose declaration is the nearest above the cursor; false if there is none. */
async function showWorkloadAtCursor(costs: CostService, panels: ComparePanels, kind: 'function' | 'task'): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  await costs.readyForDocument(editor.document);
  const at = editor.selection.active;
  const here = [
    ...costs.costsFor(editor.document.uri).map((c) => ({ id: c.fn.id, loc: c.fn.loc, kind: 'function' })),
    ...costs.taskCostsFor(editor.document.uri).map((c) => ({ id: c.node.id, loc: c.node.loc, kind: 'task' })),
  ].filter((w) => w.kind === kind);
  const nearest = here.filter((w) => w.loc.range.start.line <= at.line).sort((a, b) => b.loc.range.start.line - a.loc.range.start.line)[0];
  if (!nearest) return false;
  panels.show({ uri: editor.document.uri.toString(), id: nearest.id });
  return true;
}

/** A quick pick over every workload of the workspace, those of `kind` first. */
async function pickWorkload(costs: CostService, panels: ComparePanels, kind: 'function' | 'task'): Promise<void> {
  const described = (pick: WorkloadPick) =>
    pick.workload === 'function' ? 'Lambda function' : pick.kind === 'ecs-service' ? 'ECS service' : 'ECS task definition';
  const all = costs.allPicks().map(({ uri, pick }) => ({
    label: plainLabel(pick.id),
    description: `${described(pick)} · ${plainLabel(vscode.workspace.asRelativePath(uri))}`,
    detail: pick.title,
    uri,
    id: pick.id,
    workload: pick.workload,
  }));
  // Functions first, then tasks, as before; then those of `kind` first.
  const items = [...all.filter((w) => w.workload === 'function'), ...all.filter((w) => w.workload === 'task')].sort(
    (a, b) => (a.workload === kind ? 0 : 1) - (b.workload === kind ? 0 : 1),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage(EDITOR_TEXT.noWorkloads);
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: EDITOR_TEXT.pickWorkload, matchOnDescription: true });
  if (picked) panels.show({ uri: picked.uri.toString(), id: picked.id });
}

/** "Edit Usage Assumptions": opens the usage file (created if missing) at the entry for `id`, added if absent. */
async function editUsage(costs: CostService, uri?: unknown, id?: unknown): Promise<void> {
  // Called from our hovers' links, the palette (no arguments), or anything else that can run a command.
  if ((uri !== undefined && typeof uri !== 'string') || (id !== undefined && (typeof id !== 'string' || id.length > 1024))) return;
  if (uri === undefined && id === undefined) {
    // The palette: the workload at the cursor, else the one the user picks (none picked: nothing is written).
    const target = usageWorkloadAtCursor(costs) ?? (await pickUsageWorkload(costs));
    if (target) await writeUsageEntry(costs, target.uri, target.id);
    return;
  }
  await writeUsageEntry(costs, uri, id);
}

/** The usage file of `uri`'s folder (created if missing), opened at the entry for `id`, which is added if absent. */
async function writeUsageEntry(costs: CostService, uri: string | undefined, id: string | undefined): Promise<void> {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))) || vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const file = costs.usage.fileFor(folder);
  const where = vscode.workspace.asRelativePath(file.uri, false);
  // What to write is decided in core (usageEdit, through withTraffic): the skeleton in the file's own syntax
  // for a new or blank file, then the entry with the figures estimates assume now.
  const defaults = costs.defaults();
  const traffic = { requestsPerMonth: defaults.traffic.typical, averageDurationMs: defaults.durationMs };
  const refused = (reason: string) => void vscode.window.showWarningMessage(notificationText(EDITOR_TEXT.entryNotAdded(id, where, reason)));
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
  const text = document.getText();
  const written = usageEdit(file.uri.path, text, id, traffic);
  if ('refused' in written) return refused(written.refused);
  if ('text' in written) {
    const span = changedSpan(text, written.text);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), span.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return;
  }
  revealEntry(editor, document, id);
}

/** Puts the cursor on the usage entry for `id`, if the file has one. */
function revealEntry(editor: vscode.TextEditor, document: vscode.TextDocument, id: string | undefined): void {
  const entry = id === undefined ? undefined : parseUsageFile(document.uri.toString(), document.getText()).resources.get(id);
  if (!entry) return;
  const at = new vscode.Position(entry.range.start.line, 0);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at));
}

interface UsageWorkload {
  uri: string;
  id: string;
}

/** Every workload of a file that a usage entry can describe: functions, task definitions and ECS services, other services. */
function usageWorkloads(costs: CostService, uri: vscode.Uri) {
  return [
    ...costs.costsFor(uri).map((c) => ({ id: c.fn.id, loc: c.fn.loc, detail: lensTitle(c.estimate) })),
    ...costs.taskCostsFor(uri).map((c) => ({ id: c.node.id, loc: c.node.loc, detail: taskLensTitle(c.estimate) })),
    ...costs.serviceCostsFor(uri).map((c) => ({ id: c.node.id, loc: c.node.loc, detail: taskLensTitle(c.estimate) })),
  ];
}

/** The workload whose declaration holds the cursor, else the nearest declared above it, in the active editor. */
function usageWorkloadAtCursor(costs: CostService): UsageWorkload | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.selection.active.line;
  const here = usageWorkloads(costs, editor.document.uri);
  const inside = here.filter((w) => w.loc.range.start.line <= line && line <= w.loc.range.end.line);
  const above = here.filter((w) => w.loc.range.start.line <= line);
  const nearest = (inside.length ? inside : above).sort((a, b) => b.loc.range.start.line - a.loc.range.start.line)[0];
  return nearest ? { uri: editor.document.uri.toString(), id: nearest.id } : undefined;
}

/** A quick pick over every workload of the workspace. */
async function pickUsageWorkload(costs: CostService): Promise<UsageWorkload | undefined> {
  // A file whose model stayed in the engine thread (the scan's) is listed from its workspace figures.
  const picks = new Map<string, { id: string; detail: string }[]>();
  for (const { uri, pick } of costs.allPicks()) {
    const listed = picks.get(uri.toString()) ?? [];
    listed.push({ id: pick.id, detail: pick.title });
    picks.set(uri.toString(), listed);
  }
  const items = [...costs.analyzedTemplates()].flatMap((uri) => {
    const own = usageWorkloads(costs, uri);
    return (own.length ? own : (picks.get(uri.toString()) ?? [])).map((w) => ({
      label: plainLabel(w.id),
      description: plainLabel(vscode.workspace.asRelativePath(uri)),
      detail: w.detail,
      uri: uri.toString(),
      id: w.id,
    }));
  });
  if (!items.length) {
    void vscode.window.showInformationMessage(EDITOR_TEXT.noWorkloads);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: EDITOR_TEXT.pickWorkload, matchOnDescription: true });
  return picked ? { uri: picked.uri, id: picked.id } : undefined;
}
