/** The CodeLenses above each function, task definition and service: its monthly figures and "Compare". */
import {
  capacityLensTitle,
  capacityLensTooltip,
  checkBoolean,
  COMPARE_LENS,
  declarationKey,
  groupForLenses,
  type InstanceGroup,
  instancesLensTitle,
  instancesLensTooltip,
  instancesOfFile,
  lensTooltip,
  type ResourceBase,
  siteLensTitle,
  type WorkloadEstimate,
  workloadLensTitle,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { toRange } from '../diagnostics.js';
import { type Log } from '../log.js';
import { type CostService } from './estimates.js';
import { RedrawGate } from '../support/redraw-gate.js';

/** How long the lenses wait after a change of the estimates before they are compared with those shown (see RedrawGate). */
const REDRAW_DELAY_MS = 250;

/** The languages CDK apps are written in (their files may declare constructs other files instantiate). */
const CDK_LANGUAGES = new Set(['typescript', 'javascript', 'typescriptreact', 'javascriptreact', 'python']);

/**
 * A workload's figures, its title written when VS Code shows the lens (resolveCodeLens: the lenses in view, not the
 * hundreds of a large template after every keystroke).
 */
class WorkloadLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly estimate: WorkloadEstimate,
    readonly args: unknown[],
  ) {
    super(range);
  }
}

export class CostLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof WorkloadLens) || lens.command) return lens;
    try {
      lens.command = {
        title: workloadLensTitle(lens.estimate),
        tooltip: lensTooltip(lens.estimate),
        command: 'crossover.showCostReport',
        arguments: lens.args,
      };
    } catch (error) {
      this.log.error('Cost lens failed', error);
      lens.command = { title: '', command: '' };
    }
    return lens;
  }

  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires only when a shown document's lenses would differ from those it shows (see RedrawGate). */
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly gate: RedrawGate<vscode.TextDocument>;
  /** Changes of the estimates so far: lenses computed before the latest are out of date. */
  private generation = 0;
  /**
   * The lenses the gate's comparison computed, per document: VS Code asks for them right after a redraw, and gets
   * these instead of a second computation when neither the document nor the estimates changed since.
   */
  private readonly compared = new Map<string, { version: number; generation: number; lenses: vscode.CodeLens[]; signature: string }>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly costs: CostService,
    private readonly log: Log,
  ) {
    this.gate = new RedrawGate(
      async (document) => {
        const generation = this.generation;
        const lenses = await this.lenses(document);
        const signature = lensesSignature(lenses);
        if (generation === this.generation) this.compared.set(document.uri.toString(), { version: document.version, generation, lenses, signature });
        return signature;
      },
      () => vscode.window.visibleTextEditors.map((e) => [e.document.uri.toString(), e.document] as const),
      () => this.changed.fire(),
      (error) => log.error('Cost lenses failed', error),
      REDRAW_DELAY_MS,
    );
    this.disposables = [
      this.changed,
      this.gate,
      costs.onDidChange(
        log.guard('Cost lenses', () => {
          this.generation++;
          this.compared.clear();
          void this.gate.changed();
        }),
      ),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.gate.forget(document.uri.toString());
        this.compared.delete(document.uri.toString());
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const key = document.uri.toString();
    const kept = this.compared.get(key);
    this.compared.delete(key); // each lens is handed to VS Code once (resolveCodeLens writes into it)
    const current = kept && kept.version === document.version && kept.generation === this.generation ? kept : undefined;
    const lenses = current?.lenses ?? (await this.lenses(document));
    // A cancelled request's lenses are not shown: what is shown is the next request's.
    if (!token?.isCancellationRequested) this.gate.shownNow(key, current?.signature ?? lensesSignature(lenses));
    return lenses;
  }

  private async lenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    await this.costs.ready(document.uri);
    try {
      const problems: string[] = [];
      const enabled = checkBoolean('costLens.enabled', vscode.workspace.getConfiguration('crossover').get<unknown>('costLens.enabled'), true, problems);
      for (const problem of problems) this.log.warnOnce(problem);
      if (!enabled) return [];
      const uri = document.uri.toString();
      type Entry = { node: ResourceBase; estimate: WorkloadEstimate; uri: string; task: boolean };
      const entries: Entry[] = [
        ...this.costs.costsFor(document.uri).map(({ fn, estimate }) => ({ node: fn, estimate, uri, task: false })),
        ...this.costs.taskCostsFor(document.uri).map(({ node, estimate }) => ({ node, estimate, uri, task: true })),
      ];
      const { byDeclaration, bySite, single } = groupForLenses(uri, entries, (e) => e.node);
      // Declarations of this file that another file instantiates (a construct library, a stack class per stage): CDK
      // code only, looked up among the CDK apps' workloads, so no lens walks every template of the workspace.
      const cdk = CDK_LANGUAGES.has(document.languageId) ? await this.costs.cdkCosts() : undefined;
      const elsewhere = !cdk
        ? new Map<string, InstanceGroup<Entry>>()
        : instancesOfFile(
            uri,
            [
              ...cdk.functions.map(({ uri: u, cost }) => ({ node: cost.fn as ResourceBase, estimate: cost.estimate, uri: u.toString(), task: false })),
              ...cdk.tasks.map(({ uri: u, cost }) => ({ node: cost.node as ResourceBase, estimate: cost.estimate, uri: u.toString(), task: true })),
            ],
            (e) => e.node,
          );
      // "Compare" first on its line: a narrow editor cuts the end of a line of lenses, never its start.
      const compareLens = (range: vscode.Range, task: boolean, args: unknown[]) =>
        new vscode.CodeLens(range, {
          title: COMPARE_LENS.title,
          tooltip: task ? COMPARE_LENS.taskTooltip : COMPARE_LENS.functionTooltip,
          command: task ? 'crossover.compareWithLambda' : 'crossover.compareWithFargate',
          arguments: args,
        });
      const lensesOf = (e: Entry) => {
        const range = toRange(e.node.loc.range);
        const args = [e.uri, e.node.id];
        return [compareLens(range, e.task, args), new WorkloadLens(range, e.estimate, args)];
      };
      /** One line for a declaration made several times: "Compare" (a pick of the instances) and their sum. */
      const groupLenses = (range: vscode.Range, group: InstanceGroup<Entry>, where?: string) => {
        const members = group.members.map((m) => ({ id: m.instance.id, estimate: m.entry.estimate }));
        const targets = group.members.map((m) => ({ uri: m.entry.uri, id: m.entry.node.id }));
        return [
          compareLens(range, group.members[0]!.entry.task, targets.length === 1 ? [targets[0]!.uri, targets[0]!.id] : [targets]),
          new vscode.CodeLens(range, { title: instancesLensTitle(members, where), tooltip: instancesLensTooltip(members), command: '' }),
        ];
      };
      const workloads = [
        ...single.flatMap((e) => {
          const group = elsewhere.get(declarationKey(e.node.loc));
          if (!group) return lensesOf(e);
          const files = new Set(group.members.map((m) => vscode.workspace.asRelativePath(vscode.Uri.parse(m.entry.uri), false)));
          return groupLenses(toRange(e.node.loc.range), group, files.size === 1 ? [...files][0] : `${files.size} files`);
        }),
        ...byDeclaration.flatMap((g) => (g.members.length === 1 ? lensesOf(g.members[0]!.entry) : groupLenses(toRange(g.declaredAt.range), g))),
        // Instances of a class from another file, at the line that creates them: their sum (the class's file has the rest).
        ...bySite.map((g) => {
          const members = g.members.map((m) => ({ id: m.entry.node.id, estimate: m.entry.estimate }));
          return new vscode.CodeLens(toRange(g.declaredAt.range), {
            title: siteLensTitle(g.className, g.members[0]!.instance.id, members),
            tooltip: instancesLensTooltip(members),
            command: '',
          });
        }),
      ];
      // Express Mode and App Runner services: their figures and the report (the comparison view takes functions and tasks).
      const services = this.costs.serviceCostsFor(document.uri).map(({ node, estimate }) => {
        return new WorkloadLens(toRange(node.loc.range), estimate, [document.uri.toString(), node.id]);
      });
      // Node groups and Fargate profiles: their own cost, no comparison (nothing to click).
      const capacity = this.costs
        .capacityFor(document.uri)
        .map((c) => new vscode.CodeLens(toRange(c.node.loc.range), { title: capacityLensTitle(c), tooltip: capacityLensTooltip(c), command: '' }));
      return [...workloads, ...services, ...capacity];
    } catch (error) {
      this.log.error('Cost lenses failed', error);
      return [];
    }
  }
}

/** A number per estimate object: a workload whose node did not change keeps its estimate (see CostService's memos). */
const estimateIds = new WeakMap<WorkloadEstimate, number>();
let lastEstimateId = 0;
function estimateId(estimate: WorkloadEstimate): number {
  let id = estimateIds.get(estimate);
  if (id === undefined) estimateIds.set(estimate, (id = ++lastEstimateId));
  return id;
}

/**
 * What a list of lenses shows and runs: each one's place, title, tooltip, command and arguments. A workload's lens,
 * whose title resolveCodeLens writes from its estimate, counts its estimate instead (writing the titles and tooltips
 * of hundreds of lenses is what resolving only those in view avoids); a new estimate with the same figures redraws.
 */
function lensesSignature(lenses: readonly vscode.CodeLens[]): string {
  return lenses
    .map((lens) => {
      const { start, end } = lens.range;
      const shown =
        lens instanceof WorkloadLens
          ? [estimateId(lens.estimate), lens.args]
          : [lens.command?.title, lens.command?.tooltip, lens.command?.command, lens.command?.arguments];
      return JSON.stringify([start.line, start.character, end.line, end.character, ...shown]);
    })
    .join('\n');
}
