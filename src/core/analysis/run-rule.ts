/** One rule over one model: its visitors called, its reports placed and turned into findings. */
import { type EngineConfig } from '../config.js';
import { type Finding, type RelatedInformation } from '../findings.js';
import { type Range, type SourceLocation } from '../model/location.js';
import { type ModelNode } from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';
import { formatMessage, type Report, type Rule, type Visitors } from '../rules/rule.js';
import { type FixMaker } from './document-edits.js';
import { severityFor, shownSeverity } from './findings.js';

/** Runs `rule` on `model`, pushing its findings. Throws what the rule throws (the engine reports it). */
export function runRule(rule: Rule, model: TemplateModel, config: EngineConfig, findings: Finding[], fixes: FixMaker): void {
  const severity = severityFor(rule.meta.id, config, rule.meta.severity);
  if (!severity) return;
  const overridden = config.rules[rule.meta.id] !== undefined;
  const report = (r: Report) => {
    if (r.node.ignoredRules.includes(rule.meta.id)) return;
    const template = rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${r.messageId}"`);
    const { uri, range, related } = placeReport(r);
    const fix = r.fix ? fixes.materialize(r.fix) : undefined;
    const ignore = fixes.ignore(r.node, rule.meta.id);
    const finding: Finding = {
      ruleId: rule.meta.id,
      severity: overridden || !r.severity ? severity : shownSeverity(r.severity, config),
      message: formatMessage(template, r.data),
      // Where the report lands, which may be another file than the model's (the engine keeps this file's findings).
      uri: uri ?? model.uri,
      range,
      resourceId: r.node.id,
      related: r.related?.length ? [...related, ...r.related.map((item) => toRelated(item.loc, item.message))] : related,
    };
    // Set in this order (keys keep it), without the spread objects a large template would make per finding.
    if (fix) finding.fix = fix;
    if (ignore) finding.ignore = ignore;
    findings.push(finding);
  };
  const visitors: Visitors = rule.create({ model, config, report });
  if (Object.keys(visitors).length === 0) return;
  visitors.Template?.(model);
  if (visitors.LambdaFunction) for (const fn of model.functions) visitors.LambdaFunction(fn);
  if (visitors.ApiGateway) for (const api of model.apis) visitors.ApiGateway(api);
  if (visitors.SqsQueue) for (const queue of model.queues) visitors.SqsQueue(queue);
  if (visitors.Database) for (const db of model.databases) visitors.Database(db);
  if (visitors.DbProxy) for (const proxy of model.dbProxies) visitors.DbProxy(proxy);
  if (visitors.EcsTaskDefinition) for (const t of model.taskDefinitions) visitors.EcsTaskDefinition(t);
  if (visitors.EcsService) for (const s of model.services) visitors.EcsService(s);
}

/**
 * Where a report lands: an explicit location wins; an explicit field lands on its value; an inherited
 * or defaulted field lands on the resource's logical id, with the Globals entry as related information.
 */
function placeReport(report: Report): { uri?: string; range: Range; related: RelatedInformation[] } {
  if (report.loc) return { uri: report.loc.uri, range: report.loc.range, related: [] };
  const field = report.field;
  const node: ModelNode = report.node;
  if (!field) return { uri: node.loc.uri, range: node.loc.range, related: [] };
  if (field.origin === 'explicit' && field.at) return { uri: field.at.uri, range: field.at.range, related: instanceRelated(node, field.at, field.keyAt) };
  if (field.origin === 'globals' && field.at) {
    const from = field.at.path?.[0] === 'provider' ? 'the provider' : 'Globals';
    return { uri: node.loc.uri, range: node.loc.range, related: [toRelated(field.at, `The value is inherited from ${from} here`)] };
  }
  return { uri: node.loc.uri, range: node.loc.range, related: [] };
}

/**
 * A value of a custom CDK construct's instance set outside the class (the argument of `new OrdersService(...)` that
 * `memorySize: props.memory` reads): the declaration in the class, as related information.
 */
function instanceRelated(node: ModelNode, at: SourceLocation, keyAt: SourceLocation | undefined): RelatedInformation[] {
  const instance = node.instance;
  if (!instance || contains(instance.declaredAt, at)) return [];
  const declared = keyAt && contains(instance.declaredAt, keyAt) ? keyAt : instance.declaredAt;
  return [toRelated(declared, `Declared in ${instance.className}; this value is given where ${instance.id} is created`)];
}

function contains(outer: SourceLocation, inner: SourceLocation): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return outer.uri === inner.uri && before(outer.range.start, inner.range.start) && before(inner.range.end, outer.range.end);
}

function toRelated(loc: SourceLocation, message: string): RelatedInformation {
  return { uri: loc.uri, range: loc.range, message };
}
