/**
 * Synthesized CDK output (`cdk.out/<Stack>.template.json`) back to the source. The template is analysed as
 * CloudFormation like any other; each finding about a resource is then moved to the construct that made
 * the resource, found by its `aws:cdk:path` metadata (`OrdersStack/Worker/Resource`) among the constructs
 * the static CDK readers found in the app's sources. A finding whose construct cannot be found (path
 * metadata switched off, a construct the readers do not know, the same id in two places) stays on the
 * template. A finding the static reading of that construct already gives is not repeated.
 */
import { type Finding } from '../../findings.js';
import { type ModelNode } from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { loadDocument } from '../document/load.js';
import { getEntry, isMap, isScalar } from '../document/tree.js';

/** Is this a template the CDK synthesized? (`cdk.out/*.template.json`, nested assemblies included.) */
export function isSynthesizedTemplate(path: string): boolean {
  return /(^|[\\/])cdk\.out[\\/](.*[\\/])?[^\\/]+\.template\.json$/i.test(path);
}

/** Logical id -> construct path, from the template's `aws:cdk:path` metadata. */
export function constructPaths(uri: string, text: string): Map<string, string> {
  const paths = new Map<string, string>();
  const doc = loadDocument(uri, text, 'json');
  const resources = getEntry(doc.root, 'Resources')?.value;
  if (!isMap(resources)) return paths;
  for (const entry of resources.entries) {
    const path = getEntry(getEntry(entry.value, 'Metadata')?.value, 'aws:cdk:path')?.value;
    if (isScalar(path) && typeof path.value === 'string') paths.set(entry.key, path.value);
  }
  return paths;
}

/** A CDK source file and what the static reading found in it. */
export interface CdkSource {
  uri: string;
  model: TemplateModel;
  findings: readonly Finding[];
}

/** Where a construct path leads: a construct of one source file. */
interface ConstructMatch {
  source: CdkSource;
  node: ModelNode;
}

/** A construct of an app's sources, with its id's segments. */
interface Indexed extends ConstructMatch {
  segments: readonly string[];
}

/** The constructs of a CDK app's sources by the last segment of their id (`Web/TaskDef` under `TaskDef`). */
export type ConstructIndex = ReadonlyMap<string, readonly Indexed[]>;

/** Indexes the constructs of `sources` for findConstruct: once per mapping, not once per finding. */
export function constructIndex(sources: readonly CdkSource[]): ConstructIndex {
  const index = new Map<string, Indexed[]>();
  for (const source of sources) {
    const { model } = source;
    for (const list of [
      model.functions,
      model.queues,
      model.apis,
      model.databases,
      model.dbProxies,
      model.taskDefinitions,
      model.services,
      model.eksClusters,
      model.eksNodegroups,
      model.eksFargateProfiles,
    ] as ModelNode[][]) {
      for (const node of list) {
        const segments = node.id.split('/');
        const last = segments[segments.length - 1]!;
        const entry = index.get(last);
        if (entry) entry.push({ source, node, segments });
        else index.set(last, [{ source, node, segments }]);
      }
    }
  }
  return index;
}

/**
 * The sources of the app a synthesized template belongs to: those in the folder that holds its cdk.out (a workspace
 * with several apps names the same constructs in each), or all of them when none is there (an `--output` elsewhere).
 */
export function appSources(templateUri: string, sources: readonly CdkSource[]): readonly CdkSource[] {
  const at = /(^|[\\/])cdk\.out[\\/]/i.exec(templateUri);
  if (!at) return sources;
  const folder = templateUri.slice(0, at.index + at[1]!.length);
  const own = sources.filter((source) => source.uri.startsWith(folder));
  return own.length > 0 ? own : sources;
}

/**
 * The construct that made the resource at `path`: the source construct whose id (its segments, e.g.
 * `Web/TaskDef`) appears deepest in the path after the stack; undefined when none does, or when two
 * constructs tie (the same id in two stacks or files: better the template than a guess). Only constructs whose id
 * ends with a segment of the path can appear in it: those are the ones looked at.
 */
export function findConstruct(path: string, index: ConstructIndex): ConstructMatch | undefined {
  const segments = path.split('/').slice(1);
  while (segments.length > 0 && (segments[segments.length - 1] === 'Resource' || segments[segments.length - 1] === 'Default')) segments.pop();
  let best: { match: ConstructMatch; score: number } | undefined;
  let tie = false;
  for (const segment of new Set(segments)) {
    for (const { source, node, segments: id } of index.get(segment) ?? []) {
      const end = lastRunEnd(segments, id);
      if (end < 0) continue;
      // Deeper in the path wins; at the same depth, the longer id (Web/TaskDef over TaskDef).
      const score = end * 100 + id.length;
      if (!best || score > best.score) {
        best = { match: { source, node }, score };
        tie = false;
      } else if (score === best.score && best.match.node !== node) tie = true;
    }
  }
  return best && !tie ? best.match : undefined;
}

/** The end index (exclusive) of the last run of `needle` in `haystack`, or -1. */
function lastRunEnd(haystack: readonly string[], needle: readonly string[]): number {
  for (let start = haystack.length - needle.length; start >= 0; start--) {
    if (needle.every((segment, i) => haystack[start + i] === segment)) return start + needle.length;
  }
  return -1;
}

/**
 * The template's findings, each moved to its construct when it can be found among the sources of its app (appSources;
 * with the template line as related information, and logical ids in the message replaced by construct paths), else
 * left on the template. `template.label`: how the template is named to the user (`cdk.out/OrdersStack.template.json`).
 */
export function mapSynthesizedFindings(
  findings: readonly Finding[],
  paths: ReadonlyMap<string, string>,
  sources: readonly CdkSource[],
  template: { uri: string; label: string },
): Finding[] {
  const { label } = template;
  const index = constructIndex(appSources(template.uri, sources));
  const names = new Map<string, string>();
  for (const [logicalId, path] of paths) names.set(logicalId, displayPath(path));
  const out: Finding[] = [];
  for (const finding of findings) {
    const path = finding.resourceId === undefined ? undefined : paths.get(finding.resourceId);
    const match = path === undefined ? undefined : findConstruct(path, index);
    if (!match) {
      out.push(finding);
      continue;
    }
    // The static reading of this construct already says so: once is enough.
    if (match.source.findings.some((f) => f.ruleId === finding.ruleId && f.resourceId === match.node.id)) continue;
    out.push({
      ...finding,
      message: `${renameIds(finding.message, names)} (from the synthesized template)`,
      uri: match.source.uri,
      range: match.node.loc.range,
      resourceId: match.node.id,
      related: [
        { uri: finding.uri, range: finding.range, message: `${label}: ${finding.resourceId} (${path})` },
        ...finding.related.map((r) => ({ ...r, message: renameIds(r.message, names) })),
      ],
    });
  }
  return out;
}

/** `OrdersStack/Worker/Resource` -> `Worker`. */
function displayPath(path: string): string {
  const segments = path.split('/').slice(1);
  while (segments.length > 1 && (segments[segments.length - 1] === 'Resource' || segments[segments.length - 1] === 'Default')) segments.pop();
  return segments.join('/') || path;
}

function renameIds(message: string, names: ReadonlyMap<string, string>): string {
  return message.replace(/\b[A-Za-z][A-Za-z0-9]*\b/g, (word) => names.get(word) ?? word);
}
