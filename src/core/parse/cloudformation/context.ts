/**
 * What every part of the builder needs: the document (for locations), the template's top-level maps,
 * and the list of problems found on the way. One context per template.
 */
import { type PathSegment, type SourceLocation } from '../../model/location.js';
import { type LoadedDocument } from '../document/load.js';
import { get, isMap, stringValue, type MapNode, type TreeNode } from '../document/tree.js';
import { type ModelProblem } from './types.js';

export interface ResourceEntry {
  id: string;
  type: string;
  /** The resource's map (Type, Properties, Metadata, ...). */
  node: MapNode;
  keyNode: TreeNode;
  properties: TreeNode | undefined;
}

export class BuildContext {
  readonly problems: ModelProblem[] = [];
  readonly resources = new Map<string, ResourceEntry>();
  readonly isSam: boolean;
  private readonly reported = new Set<TreeNode>();

  constructor(
    readonly doc: LoadedDocument,
    isSam: boolean,
  ) {
    this.isSam = isSam;
    const resources = get(doc.root, 'Resources');
    if (!isMap(resources)) return;
    for (const entry of resources.entries) {
      if (!isMap(entry.value)) continue;
      const type = stringValue(get(entry.value, 'Type'));
      if (!type) continue;
      this.resources.set(entry.key, { id: entry.key, type, node: entry.value, keyNode: entry.keyNode, properties: get(entry.value, 'Properties') });
    }
  }

  get uri(): string {
    return this.doc.uri;
  }

  loc(node: { start: number; end: number }, path: PathSegment[]): SourceLocation {
    return { uri: this.doc.uri, range: this.doc.lines.range(node.start, node.end), path };
  }

  /** Reports a problem once per node (the same node can be reached through a Globals merge and a link walk). */
  problem(node: TreeNode, path: PathSegment[], ruleId: string, message: string, severity: ModelProblem['severity'] = 'warning'): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.problems.push({ ruleId, severity, message, loc: this.loc(node, path) });
  }

  typeOf(id: string): string | undefined {
    return this.resources.get(id)?.type;
  }
}

export const LAMBDA_FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
