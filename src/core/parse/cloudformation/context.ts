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

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
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
export type NameKind = 'parameter' | 'pseudo' | 'resource' | 'generated' | 'unknown';

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
  private readonly generatedPrefixes: string[];
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
    this.generatedPrefixes = isSam ? [...SAM_GLOBAL_NAMES, ...[...this.resources.values()].filter((r) => r.type.startsWith('AWS::Serverless::')).map((r) => r.id)] : [];
  }

  get uri(): string {
    return this.doc.uri;
  }

  /** Where a node is written: for a value reached through a YAML alias, the alias (`*name`), not the anchored value. */
  loc(span: Span, path: PathSegment[]): SourceLocation {
    const at = writtenAt(span);
    return { uri: this.doc.uri, range: this.doc.lines.range(at.start, at.end), path };
  }

  typeOf(id: string): string | undefined {
    return this.resources.get(id)?.type;
  }

  nameKind(name: string): NameKind {
    if (this.resources.has(name)) return 'resource';
    if (getEntry(this.parameters, name)) return 'parameter';
    if (PSEUDO_PARAMETERS.has(name)) return 'pseudo';
    if (this.generatedPrefixes.some((prefix) => name.startsWith(prefix))) return 'generated';
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
    const needle = '${' + placeholder.inner + '}';
    let occurrence = 0;
    for (let i = template.indexOf(needle); i >= 0 && i < placeholder.index; i = template.indexOf(needle, i + 1)) occurrence++;
    const raw = this.doc.text.slice(templateNode.start, templateNode.end);
    let at = raw.indexOf(needle);
    for (let k = 0; k < occurrence && at >= 0; k++) at = raw.indexOf(needle, at + 1);
    if (at < 0) return templateNode;
    const start = templateNode.start + at + 2;
    return { start, end: start + placeholder.inner.length };
  }
}

/** `Transform: X`, `Transform: [X, Y]` or `Transform: {Name: X, Parameters: ...}` -> names. */
function transformsOf(node: TreeNode | undefined): string[] {
  if (isSeq(node)) return node.items.flatMap(transformsOf);
  if (isMap(node)) return [stringValue(get(node, 'Name')) ?? '?'];
  const name = stringValue(node);
  return name ? [name] : [];
}

export const LAMBDA_FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
