/** The CodeLenses above each function, task definition and service: its monthly figures and "Compare". */
import { checkBoolean, COMPARE_LENS, lensTitle, lensTooltip, taskLensTitle } from '../../core/index.js';
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
          new vscode.CodeLens(range, { title: lensTitle(estimate), tooltip: lensTooltip(estimate), command: 'crossover.showCostReport', arguments: args }),
          new vscode.CodeLens(range, {
            title: COMPARE_LENS.title,
            tooltip: COMPARE_LENS.functionTooltip,
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
            title: COMPARE_LENS.title,
            tooltip: COMPARE_LENS.taskTooltip,
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
