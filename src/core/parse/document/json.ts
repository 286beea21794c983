/**
 * JSON -> positioned tree, with `jsonc-parser` doing the parsing (it keeps node offsets and recovers
 * from errors). Comments and trailing commas are reported (CloudFormation rejects them), and the rest
 * of the document is still read.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { DOCUMENT_LIMITS, type ParseProblem } from './problems.js';
import { type MapEntry, type ScalarNode, type TreeNode } from './tree.js';
import { duplicateKey } from './yaml.js';

export interface JsonResult {
  root: TreeNode | undefined;
  problems: ParseProblem[];
}

export function parseJson(text: string): JsonResult {
  const problems: ParseProblem[] = [];
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  } catch (error) {
    const message = error instanceof RangeError ? 'it is nested too deeply to parse' : error instanceof Error ? error.message : String(error);
    problems.push({ severity: 'error', code: 'json-syntax', message: `The JSON could not be read: ${message}`, start: 0, end: 0 });
    return { root: undefined, problems };
  }
  const seen = new Set<string>();
  for (const error of errors.slice(0, 5)) {
    const message = describeJsonError(error);
    if (seen.has(String(error.offset))) continue; // one error per place: follow-on errors repeat it
    seen.add(String(error.offset));
    problems.push({ severity: 'error', code: 'json-syntax', message, start: error.offset, end: error.offset + Math.max(1, error.length) });
  }
  const root = tree ? convert(tree, problems) : undefined;
  return { root, problems };
}

function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidCommentToken') return 'JSON syntax error: JSON has no comments (CloudFormation rejects them).';
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}.`;
}

/** Recursive, but cut off at the depth limit, so a hostile document cannot exhaust the stack here. */
function convert(rootJson: JsonNode, problems: ParseProblem[]): TreeNode {
  let depthReported = false;
  const build = (json: JsonNode, depth: number): TreeNode => {
    const start = json.offset;
    const end = json.offset + json.length;
    if (depth > DOCUMENT_LIMITS.maxDepth) {
      if (!depthReported) {
        depthReported = true;
        problems.push({ severity: 'error', code: 'too-deep', message: `Nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels is not analysed.`, start, end: start + 1 });
      }
      return { kind: 'scalar', value: null, start, end: start };
    }
    switch (json.type) {
      case 'object': {
        const entries: MapEntry[] = [];
        const seen = new Set<string>();
        for (const property of json.children ?? []) {
          const [keyJson, valueJson] = property.children ?? [];
          if (!keyJson) continue;
          const key = String(keyJson.value);
          const keyNode: ScalarNode = { kind: 'scalar', value: key, start: keyJson.offset, end: keyJson.offset + keyJson.length };
          if (seen.has(key)) problems.push(duplicateKey(key, keyNode));
          seen.add(key);
          const value: TreeNode = valueJson ? build(valueJson, depth + 1) : { kind: 'scalar', value: null, start: keyNode.end, end: keyNode.end };
          entries.push({ key, keyNode, value });
        }
        return { kind: 'map', entries, start, end };
      }
      case 'array':
        return { kind: 'seq', items: (json.children ?? []).map((child) => build(child, depth + 1)), start, end };
      case 'string':
      case 'number':
      case 'boolean':
        return { kind: 'scalar', value: json.value as string | number | boolean, start, end };
      default:
        return { kind: 'scalar', value: null, start, end };
    }
  };
  return build(rootJson, 0);
}
