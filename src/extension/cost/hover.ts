/**
 * Hovers on a Lambda function's cost settings (memory, timeout, architecture, concurrency, /tmp) and on a
 * task's cpu / memory: the wording comes from src/core/present/cost.ts, this wraps it for the editor.
 */
import {
  type CostField,
  declarationKey,
  editUsageLink,
  type Field,
  hoverMarkdown,
  instanceHoverLine,
  type LambdaFunction,
  type SourceLocation,
  taskHoverMarkdown,
  valueFromHoverLine,
} from '../../core/index.js';
import * as vscode from 'vscode';
import { toRange } from '../diagnostics.js';
import { type Log } from '../log.js';
import { type CostService } from './estimates.js';

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

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.costs.ready(document.uri);
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
          // A declaration made several times (a custom construct class): the first instance's figures, said so.
          const siblings = fn.instance
            ? all.filter((c) => c.fn.instance && declarationKey(c.fn.instance.declaredAt) === declarationKey(fn.instance!.declaredAt))
            : [];
          const intro =
            fn.instance && siblings.length > 1
              ? instanceHoverLine(
                  fn.instance.id,
                  fn.instance.className,
                  siblings.map((c) => c.fn.instance!.id),
                )
              : '';
          const md = hoverContent(
            intro +
              (value.via !== undefined ? valueFromHoverLine(value.via) : '') +
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
      // Express Mode and App Runner services: their size (the estimate's task) where cpu or memory is written.
      for (const { node, estimate } of this.costs.serviceCostsFor(document.uri)) {
        const fields = node.kind === 'ecs-express-service' ? [node.cpuUnits, node.memoryMb] : [node.cpu, node.memory];
        const at = fields.flatMap((f) => [f.keyAt, f.at]).find((loc) => loc && toRange(loc.range).contains(position));
        if (!at) continue;
        const { vcpu, memoryGb } = estimate.scenario.fargate;
        const md = hoverContent(
          taskHoverMarkdown(Math.round(vcpu * 1024), Math.round(memoryGb * 1024), estimate, editUsageLink(document.uri.toString(), estimate.id)),
        );
        return new vscode.Hover(md, toRange(at.range));
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
