/** The CodeLenses above each function, task definition and service: its monthly figures and "Compare". */
import { capacityLensTitle, capacityLensTooltip, checkBoolean, COMPARE_LENS, lensTooltip, workloadLensTitle } from '../../core/index.js';
import * as vscode from 'vscode';
import { toRange } from '../diagnostics.js';
import { type Log } from '../log.js';
import { type CostService } from './estimates.js';

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
          // "Compare" first: a narrow editor cuts the end of a line of lenses, never its start.
          new vscode.CodeLens(range, {
            title: COMPARE_LENS.title,
            tooltip: COMPARE_LENS.functionTooltip,
            command: 'crossover.compareWithFargate',
            arguments: args,
          }),
          new vscode.CodeLens(range, {
            title: workloadLensTitle(estimate),
            tooltip: lensTooltip(estimate),
            command: 'crossover.showCostReport',
            arguments: args,
          }),
        ];
      });
      const tasks = this.costs.taskCostsFor(document.uri).flatMap(({ node, estimate }) => {
        const range = toRange(node.loc.range);
        const args = [document.uri.toString(), node.id];
        return [
          // "Compare" first: a narrow editor cuts the end of a line of lenses, never its start.
          new vscode.CodeLens(range, {
            title: COMPARE_LENS.title,
            tooltip: COMPARE_LENS.taskTooltip,
            command: 'crossover.compareWithLambda',
            arguments: args,
          }),
          new vscode.CodeLens(range, {
            title: workloadLensTitle(estimate),
            tooltip: lensTooltip(estimate),
            command: 'crossover.showCostReport',
            arguments: args,
          }),
        ];
      });
      // Express Mode and App Runner services: their figures and the report (the comparison view takes functions and tasks).
      const services = this.costs.serviceCostsFor(document.uri).map(({ node, estimate }) => {
        const args = [document.uri.toString(), node.id];
        return new vscode.CodeLens(toRange(node.loc.range), {
          title: workloadLensTitle(estimate),
          tooltip: lensTooltip(estimate),
          command: 'crossover.showCostReport',
          arguments: args,
        });
      });
      // Node groups and Fargate profiles: their own cost, no comparison (nothing to click).
      const capacity = this.costs
        .capacityFor(document.uri)
        .map((c) => new vscode.CodeLens(toRange(c.node.loc.range), { title: capacityLensTitle(c), tooltip: capacityLensTooltip(c), command: '' }));
      return [...functions, ...tasks, ...services, ...capacity];
    } catch (error) {
      this.log.error('Cost lenses failed', error);
      return [];
    }
  }
}
