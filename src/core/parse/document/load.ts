import { type PathSegment, type Range } from '../../model/location.js';
import { parseJson } from './json.js';
import { LineIndex } from './lines.js';
import { type ParseProblem } from './problems.js';
import { type TreeNode } from './tree.js';
import { type DocumentMemo, parseYamlReusing } from './reuse.js';
import { parseYaml } from './yaml.js';

/**
 * `typescript`: a serverless.ts whose configuration object a host turned into the tree; `hcl`: a Terraform file,
 * turned into the template its resources stand for (parse/terraform/).
 */
export type Syntax = 'yaml' | 'json' | 'typescript' | 'python' | 'hcl';

/** "Set these keys below this path to this value", as fixes.ts's SetFix says it (kept here: no import cycle). */
export interface SetRequest {
  path: PathSegment[];
  keys: string[];
  value: unknown;
}

/** A document read into a positioned tree. Reading never throws: what went wrong is in `problems`. */
export interface LoadedDocument {
  uri: string;
  text: string;
  syntax: Syntax;
  root: TreeNode | undefined;
  lines: LineIndex;
  problems: ParseProblem[];
  /**
   * For a tree built from several files (a Terraform folder): where an offset past this file's text is, in which
   * file. Undefined for offsets of this file.
   */
  locate?(start: number, end: number): { uri: string; range: Range } | undefined;
  /** For a tree that is not the text's own syntax (Terraform): the edit that makes a SetFix, in the text's syntax. */
  edit?(set: SetRequest): { range: Range; newText: string } | undefined;
}

function syntaxFor(uri: string, text: string): Syntax {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/** `memo`: what is kept of the document's previous version, to read a YAML document after a small edit faster (reuse.ts). */
export function loadDocument(uri: string, text: string, syntax: Syntax = syntaxFor(uri, text), memo?: DocumentMemo): LoadedDocument {
  // A BOM: the YAML parser skips it itself (offsets count it); the JSON parser reads it as a space in its place.
  const json = syntax === 'json';
  const body = json && text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const { root, problems } = json ? parseJson(body) : memo ? parseYamlReusing(body, memo) : parseYaml(body);
  return { uri, text, syntax, root, lines: new LineIndex(text), problems };
}

type Decoded = { kind: 'text'; text: string } | { kind: 'binary'; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes -> text, refusing binary files (NUL bytes or invalid UTF-8) that merely carry an IaC file name. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const sniff = bytes.subarray(0, 8192);
  if (sniff.includes(0)) return { kind: 'binary', reason: 'it contains NUL bytes (a binary file)' };
  try {
    return { kind: 'text', text: strictUtf8.decode(bytes) };
  } catch {
    return { kind: 'binary', reason: 'it is not valid UTF-8 text' };
  }
}
