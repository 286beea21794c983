/**
 * What every part of the builder needs: the document (for locations), the template's top-level maps,
 * which names a reference may use, and the list of problems found on the way. One context per template.
 */
import { type PathSegment, type SourceLocation } from '../../model/location.js';
import { type LoadedDocument } from '../document/load.js';
import { get, getEntry, isMap, isSeq, stringValue, writtenAt, type Anchor, type MapNode, type TreeNode } from '../document/tree.js';
import { SAM_TRANSFORM } from '../detect.js';
import { type Placeholder } from './references.js';
import { type ModelProblem } from './types.js';

export interface ResourceEntry {
  id: string;
  type: string;
  /** The resource's map (Type, Properties, Metadata, ...). */
  node: MapNode;
  keyNode: TreeNode;
  properties: TreeNode | undefined;
}

/** Offsets into the document text. */
export interface Span {
  start: number;
  end: number;
  anchor?: Anchor;
}

const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** What a name in a Ref, GetAtt or `${}` stands for. */
type NameKind = 'parameter' | 'pseudo' | 'resource' | 'generated' | 'unknown';

/** Resources the SAM transform adds without a SAM resource id in their name. */
const SAM_GLOBAL_NAMES = ['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessDeploymentApplication', 'CodeDeployServiceRole'];

/** Transforms that leave resource names alone, so references can still be checked against the template. */
const NAME_PRESERVING_TRANSFORMS = new Set([SAM_TRANSFORM, 'AWS::LanguageExtensions']);

export class BuildContext {
  readonly problems: ModelProblem[] = [];
  readonly resources = new Map<string, ResourceEntry>();
  readonly parameters: MapNode | undefined;
  readonly mappings: MapNode | undefined;
  /**
   * False when macros, `Fn::ForEach` or `Fn::Transform` may add resources we cannot see: references to
   * undeclared names are then not reported.
   */
  readonly referencesCheckable: boolean;
  /** SAM creates resources the template does not declare; their names start with a SAM resource's id. */
  private readonly generatedPrefixes: PrefixSet;
  private readonly reported = new Set<string>();

  constructor(
    readonly doc: LoadedDocument,
    readonly isSam: boolean,
    /** Where `Resources` and friends are: the document root, or a Serverless Framework file's `resources:`. */
    root: TreeNode | undefined = doc.root,
  ) {
    const parameters = get(root, 'Parameters');
    const mappings = get(root, 'Mappings');
    this.parameters = isMap(parameters) ? parameters : undefined;
    this.mappings = isMap(mappings) ? mappings : undefined;
    const resources = get(root, 'Resources');
    let generatesResources = false;
    if (isMap(resources)) {
      for (const entry of resources.entries) {
        if (entry.key.startsWith('Fn::')) generatesResources = true;
        if (!isMap(entry.value)) continue;
        const type = stringValue(get(entry.value, 'Type'));
        if (!type) continue;
        this.resources.set(entry.key, { id: entry.key, type, node: entry.value, keyNode: entry.keyNode, properties: get(entry.value, 'Properties') });
      }
    }
    this.referencesCheckable = !generatesResources && transformsOf(get(root, 'Transform')).every((t) => NAME_PRESERVING_TRANSFORMS.has(t));
    this.generatedPrefixes = new PrefixSet(
      isSam ? [...SAM_GLOBAL_NAMES, ...[...this.resources.values()].filter((r) => r.type.startsWith('AWS::Serverless::')).map((r) => r.id)] : [],
    );
  }

  get uri(): string {
    return this.doc.uri;
  }

  /** Where a node is written: for a value reached through a YAML alias, the alias (`*name`), not the anchored value. */
  loc(span: Span, path: PathSegment[]): SourceLocation {
    const at = writtenAt(span);
    // A Terraform folder's other files share the tree: their offsets lie past this file's text.
    const elsewhere = at.start > this.doc.text.length ? this.doc.locate?.(at.start, at.end) : undefined;
    if (elsewhere) return { uri: elsewhere.uri, range: elsewhere.range, path };
    return { uri: this.doc.uri, range: this.doc.lines.range(at.start, at.end), path };
  }

  typeOf(id: string): string | undefined {
    return this.resources.get(id)?.type;
  }

  nameKind(name: string): NameKind {
    if (this.resources.has(name)) return 'resource';
    if (getEntry(this.parameters, name)) return 'parameter';
    if (PSEUDO_PARAMETERS.has(name)) return 'pseudo';
    if (this.generatedPrefixes.hasPrefixOf(name)) return 'generated';
    return 'unknown';
  }

  /** Reports a problem once per range and rule (the same value can be read through Globals, a field and the link walk). */
  problem(span: Span, path: PathSegment[], ruleId: string, message: string, severity: ModelProblem['severity'] = 'warning'): void {
    const key = `${ruleId}@${span.start}:${span.end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ ruleId, severity, message, loc: this.loc(span, path) });
  }

  /** A Ref, GetAtt or `${}` names nothing this template declares (unless a macro could have added it). */
  unknownReference(span: Span, path: PathSegment[], message: string): void {
    if (this.referencesCheckable) this.problem(span, path, 'unresolved-reference', message);
  }

  /**
   * The exact span of a placeholder's name inside the `Fn::Sub` string node, found in the source text.
   * Falls back to the whole string when escapes or folding make the source differ from the value.
   */
  placeholderSpan(templateNode: TreeNode, template: string, placeholder: Placeholder): Span {
    let spans = this.placeholderSpans.get(templateNode);
    if (!spans || spans.template !== template) {
      spans = { template, value: needles(template), raw: needles(this.doc.text, templateNode.start, templateNode.end) };
      this.placeholderSpans.set(templateNode, spans);
    }
    // The n-th `${inner}` of the value is the n-th one of the source text.
    const needle = '${' + placeholder.inner + '}';
    const occurrence = rank(spans.value.get(needle), placeholder.index);
    const at = occurrence === undefined ? undefined : spans.raw.get(needle)?.[occurrence];
    if (at === undefined) return templateNode;
    const start = at + 2;
    return { start, end: start + placeholder.inner.length };
  }

  /** Per Fn::Sub string node: where each `${...}` is in its value and in the source text. */
  private readonly placeholderSpans = new Map<TreeNode, { template: string; value: Map<string, number[]>; raw: Map<string, number[]> }>();
}

/** Longer placeholders are not located in the source (the whole string is used): no real name is this long. */
const MAX_NEEDLE = 1024;

/**
 * Every `${...}` of text[from, to) with the offsets where it starts, in order, in one pass (looking each
 * placeholder up by a search from the start of the string made a long Fn::Sub quadratic).
 */
function needles(text: string, from = 0, to = text.length): Map<string, number[]> {
  const found = new Map<string, number[]>();
  let close = from;
  for (let open = text.indexOf('${', from); open >= 0 && open < to; open = text.indexOf('${', open + 1)) {
    if (close <= open) close = text.indexOf('}', open + 2);
    if (close < 0 || close >= to) break;
    if (close - open > MAX_NEEDLE) continue;
    const needle = text.slice(open, close + 1);
    const list = found.get(needle);
    if (list) list.push(open);
    else found.set(needle, [open]);
  }
  return found;
}

/** Where `offset` is in the ascending `offsets` (by binary search), or undefined. */
function rank(offsets: number[] | undefined, offset: number): number | undefined {
  if (!offsets) return undefined;
  let low = 0;
  let high = offsets.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = offsets[mid]!;
    if (at === offset) return mid;
    if (at < offset) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** Answers "does any of these strings start `name`?" in steps of the name's length, not of the number of strings. */
class PrefixSet {
  private readonly root: PrefixNode = { next: new Map(), end: false };

  constructor(prefixes: readonly string[]) {
    for (const prefix of prefixes) {
      let node = this.root;
      for (const c of prefix) {
        let next = node.next.get(c);
        if (!next) node.next.set(c, (next = { next: new Map(), end: false }));
        node = next;
      }
      node.end = true;
    }
  }

  hasPrefixOf(name: string): boolean {
    let node: PrefixNode | undefined = this.root;
    if (node.end) return true;
    for (const c of name) {
      node = node.next.get(c);
      if (!node) return false;
      if (node.end) return true;
    }
    return false;
  }
}

interface PrefixNode {
  next: Map<string, PrefixNode>;
  end: boolean;
}

/** `Transform: X`, `Transform: [X, Y]` or `Transform: {Name: X, Parameters: ...}` -> names. */
function transformsOf(node: TreeNode | undefined): string[] {
  if (isSeq(node)) return node.items.flatMap(transformsOf);
  if (isMap(node)) return [stringValue(get(node, 'Name')) ?? '?'];
  const name = stringValue(node);
  return name ? [name] : [];
}

export const LAMBDA_FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
