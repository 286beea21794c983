/**
 * YAML -> positioned tree, with the `yaml` library doing the parsing. This file only converts its AST:
 * short-form CloudFormation tags become long-form maps, aliases are shared (never copied) and counted so
 * an alias bomb is refused, and nesting is bounded.
 */
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Tags,
  visit,
  type YAMLMap,
  type YAMLSeq,
  type Scalar,
} from 'yaml';
import { CFN_SHORT_TAGS } from './cfn-tags.js';
import { repairFlowIndentation } from './lenient.js';
import { DOCUMENT_LIMITS, type ParseProblem, tooDeepProblem } from './problems.js';
import { type MapEntry, type MapNode, type ScalarNode, type ScalarValue, type TreeNode } from './tree.js';

interface YamlResult {
  root: TreeNode | undefined;
  problems: ParseProblem[];
  /**
   * True when a part of this document can be read again on its own after an edit (parse/document/reuse.ts): the
   * library read it without an error or warning (but unresolved tags, reported here), without the lenient repair,
   * directives, anchors or aliases.
   */
  local: boolean;
}

/** yaml error codes that CloudFormation's more lenient reading of indentation can avoid. */
const INDENTATION_ERRORS = new Set(['BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'MULTILINE_IMPLICIT_KEY']);
/** After this many syntax errors the rest are consequences of the first; reporting them is noise. */
const MAX_SYNTAX_PROBLEMS = 5;

export function parseYaml(document: string): YamlResult {
  // The library breaks lines at LF and CRLF only; a lone CR (old Mac files) is a line break for YAML and for
  // VS Code too. As an LF it keeps every offset, so positions stay those of the document.
  const text = document.includes('\r') ? document.replace(/\r(?!\n)/g, '\n') : document;
  let parsed = parseOnce(text);
  if (parsed.doc && parsed.doc.errors.some((e) => INDENTATION_ERRORS.has(e.code))) {
    const repaired = repairFlowIndentation(text);
    if (repaired) {
      const second = parseOnce(repaired.text);
      if (second.doc && second.doc.errors.length < parsed.doc.errors.length) parsed = { ...second, toOriginal: repaired.toOriginal };
    }
  }
  const { doc, source, toOriginal } = parsed;
  const problems: ParseProblem[] = [];
  if (!doc) {
    problems.push({ severity: 'error', code: 'yaml-syntax', message: `The YAML could not be read: ${parsed.failure}`, start: 0, end: 0 });
    return { root: undefined, problems, local: false };
  }
  const seen = new Set<string>();
  let syntax = 0;
  for (const error of doc.errors) {
    const message = /call stack/i.test(error.message) ? 'The YAML is nested too deeply to parse.' : cleanMessage(error.message);
    if (seen.has(message + error.pos[0])) continue;
    seen.add(message + error.pos[0]);
    if (++syntax > MAX_SYNTAX_PROBLEMS) {
      problems[problems.length - 1]!.message += ` (${doc.errors.length - MAX_SYNTAX_PROBLEMS} further syntax errors follow from these and are not listed)`;
      break;
    }
    problems.push({
      severity: 'error',
      code: 'yaml-syntax',
      message,
      start: toOriginal(error.pos[0]),
      end: toOriginal(Math.max(error.pos[1], error.pos[0] + 1)),
    });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // tags are handled (and unknown ones reported) below
    problems.push({
      severity: 'warning',
      code: 'yaml-warning',
      message: cleanMessage(warning.message),
      start: toOriginal(warning.pos[0]),
      end: toOriginal(Math.max(warning.pos[1], warning.pos[0] + 1)),
    });
  }
  const converter = new Converter(source, doc, problems, toOriginal);
  const root = doc.contents ? converter.convert(doc.contents as Node, 0) : undefined;
  return { root, problems, local: source === text && readAlone(doc) && !converter.shared && !/^%/m.test(text) };
}

/** No error, and no warning but the unresolved tags (reported by the converter, where they are). */
function readAlone(doc: Document.Parsed): boolean {
  return doc.errors.length === 0 && doc.warnings.every((w) => w.code === 'TAG_RESOLVE_FAILED');
}

/**
 * One entry of a block map, read again on its own: `text.slice(start, end)` holds whole lines, the entry's key
 * (on the first, at its column) and its value, as in the document `text`. The tree is the one a reading of the
 * whole document gives for that entry (offsets in `text`, `depth` the map's own nesting level), with the problems
 * found in it; undefined when the lines are not one entry read without an error, or hold an anchor or an alias.
 */
export function parseYamlEntry(text: string, start: number, end: number, depth: number): { entry: MapEntry; problems: ParseProblem[] } | undefined {
  const slice = text.slice(start, end);
  const parsed = parseOnce(slice.includes('\r') ? slice.replace(/\r(?!\n)/g, '\n') : slice);
  const { doc } = parsed;
  if (!doc || !readAlone(doc) || !isMap(doc.contents) || (doc.contents as YAMLMap).items.length !== 1) return undefined;
  // The AST's offsets moved to the document's, so tags and keys are found in its text as a whole reading finds them.
  visit(doc, {
    Node: (_key, node) => {
      const range = node.range as number[] | undefined | null;
      if (range) for (let i = 0; i < range.length; i++) range[i]! += start;
    },
  });
  const problems: ParseProblem[] = [];
  const converter = new Converter(text, doc, problems, (offset) => offset);
  const root = converter.convert(doc.contents as Node, depth);
  if (converter.shared || root.kind !== 'map' || root.fromTag || root.entries.length !== 1) return undefined;
  return { entry: root.entries[0]!, problems };
}

/**
 * CloudFormation's short-form tags, declared to the library for scalars, sequences and maps. It reads them
 * exactly as it reads any unknown tag (the value as written, the tag kept on the node), but without building
 * an "Unresolved tag" warning (an Error, with its stack) for every `!Ref` and `!GetAtt` of the template.
 */
const CFN_TAGS: Tags = [...CFN_SHORT_TAGS.keys()].flatMap((tag): Tags => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' },
  { tag, collection: 'map' },
]);

/** Duplicate keys are allowed here (CloudFormation keeps the last one); the converter reports them. */
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false, customTags: CFN_TAGS } as const;

/**
 * The schema a document without a `%YAML` directive is read with (YAML 1.2's core schema, CloudFormation's tags), made
 * once: the library makes one for every document otherwise, its tag list included, about 5% of reading a scan's files.
 * It is the library's own, taken from an empty document read with the same options, so every document reads as before;
 * a document with a directive (`%YAML 1.1`) still gets the schema of its version. The library adds a known tag that a
 * document names (`!!binary`) to its schema's list, not as a default: shared, the list gains each such tag once (it is
 * found there the next time), and reads the same.
 */
let SHARED_SCHEMA: Document['schema'] | undefined;
const sharedSchema = () => (SHARED_SCHEMA ??= parseDocument('', PARSE_OPTIONS).schema);

interface Parsed {
  doc: Document.Parsed | undefined;
  source: string;
  toOriginal: (offset: number) => number;
  failure?: string;
}

function parseOnce(source: string): Parsed {
  const identity = (offset: number) => offset;
  // The library makes one YAMLError (an Error) per syntax error, and a broken document can have one per
  // character (100,000 stray `}`): without stack traces, which nobody reads here, that costs half the time.
  const errors = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    // A document without a `%YAML` directive reads with the schema made once for them all (SHARED_SCHEMA).
    const shared = source.includes('%YAML') ? {} : { schema: sharedSchema() };
    const doc = parseDocument(source, { ...PARSE_OPTIONS, ...shared });
    return { doc, source, toOriginal: identity };
  } catch (error) {
    // The library recurses on nesting; a hostile document can exhaust the stack. Report, never throw.
    return { doc: undefined, source, toOriginal: identity, failure: describe(error) };
  } finally {
    errors.stackTraceLimit = stackTraceLimit;
  }
}

class Converter {
  private readonly memo = new Map<Node, { node: TreeNode; weight: number; height: number } | 'pending'>();
  private expanded = 0;
  private aliasBombReported = false;
  private depthReported = false;
  /** Set once an anchor or an alias is read: a part of such a document is not read again on its own. */
  shared = false;

  constructor(
    /** The text the AST was parsed from (the lenient repair of the document, or the document). */
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly problems: ParseProblem[],
    private readonly toOriginal: (offset: number) => number,
  ) {}

  /** Converts a node; returns the tree node. The expanded weight is tracked in `this.lastWeight`. */
  private lastWeight = 0;
  /** How many levels the last converted node has below it (an alias must not take the tree past the depth limit). */
  private lastHeight = 0;

  convert(node: Node, depth: number): TreeNode {
    if (isAlias(node)) {
      this.shared = true;
      return this.convertAlias(node, depth);
    }
    const cached = this.memo.get(node);
    if (cached && cached !== 'pending') {
      this.lastWeight = cached.weight;
      this.lastHeight = cached.height;
      return cached.node;
    }
    const [start, end] = this.rangeOf(node);
    if (depth > DOCUMENT_LIMITS.maxDepth) return this.tooDeep(start);
    this.memo.set(node, 'pending');
    let result: TreeNode;
    let weight = 1;
    let height = 0;
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const keys = new Set<string>();
      for (const pair of (node as YAMLMap).items) {
        if (!isPair(pair)) continue;
        const keyNode = this.keyOf(pair.key as Node | null, start);
        const key = String(keyNode.value);
        if (keys.has(key)) this.problems.push(duplicateKey(key, keyNode));
        keys.add(key);
        const value = pair.value == null ? nullAt(keyNode.end) : this.convert(pair.value as Node, depth + 1);
        weight += 1 + (pair.value == null ? 1 : this.lastWeight);
        height = Math.max(height, 1 + (pair.value == null ? 0 : this.lastHeight));
        entries.push({ key, keyNode, value });
      }
      result = { kind: 'map', entries, start, end };
    } else if (isSeq(node)) {
      const items: TreeNode[] = [];
      for (const item of (node as YAMLSeq).items) {
        if (item == null) {
          items.push(nullAt(end));
          weight += 1;
          height = Math.max(height, 1);
          continue;
        }
        items.push(this.convert(item as Node, depth + 1));
        weight += this.lastWeight;
        height = Math.max(height, 1 + this.lastHeight);
      }
      result = { kind: 'seq', items, start, end };
    } else if (isScalar(node)) {
      result = { kind: 'scalar', value: toScalarValue((node as Scalar).value), start, end };
    } else {
      result = nullAt(start);
    }
    result = this.applyTag(node, result);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      this.shared = true;
      result.anchor = this.anchorOf(anchor, node);
    }
    this.memo.set(node, { node: result, weight, height });
    this.lastWeight = weight;
    this.lastHeight = height;
    return result;
  }

  /** Cut off here: reported once, the value read as null. */
  private tooDeep(start: number): TreeNode {
    if (!this.depthReported) {
      this.depthReported = true;
      this.problems.push(tooDeepProblem(start));
    }
    this.lastWeight = 1;
    this.lastHeight = 0;
    return { kind: 'scalar', value: null, start, end: start };
  }

  private convertAlias(alias: Alias, depth: number): TreeNode {
    const [start, end] = this.rangeOf(alias);
    const target = this.targetOf(alias);
    if (!target) {
      this.lastWeight = 1;
      this.lastHeight = 0;
      return nullAt(start, end);
    }
    const cached = this.memo.get(target);
    if (cached === 'pending') {
      this.problems.push({ severity: 'error', code: 'recursive-alias', message: `The alias *${alias.source} refers to a node that contains it.`, start, end });
      this.lastWeight = 1;
      this.lastHeight = 0;
      return nullAt(start, end);
    }
    // The anchored node was read where it is declared; repeated here, deeper, it must still fit the depth limit
    // (aliases of aliases would otherwise build a tree thousands of levels deep from a few lines).
    if (cached && depth + cached.height > DOCUMENT_LIMITS.maxDepth + 1) return this.tooDeep(start);
    const node = this.convert(target, depth);
    const weight = this.lastWeight;
    this.expanded += weight;
    if (this.expanded > DOCUMENT_LIMITS.maxExpandedNodes) {
      if (!this.aliasBombReported) {
        this.aliasBombReported = true;
        this.problems.push({
          severity: 'error',
          code: 'alias-bomb',
          message: `Aliases expand to more than ${DOCUMENT_LIMITS.maxExpandedNodes.toLocaleString('en-US')} nodes (an "alias bomb"); further aliases are not followed.`,
          start,
          end,
        });
      }
      this.lastWeight = 1;
      this.lastHeight = 0;
      return nullAt(start, end);
    }
    this.lastWeight = weight;
    // The same node (children shared), marked as reached through this alias; the anchor knows it is used.
    if (node.anchor && !node.anchor.alias) node.anchor.used = true;
    return { ...node, anchor: { name: alias.source, start, end, alias: true } };
  }

  /** The range of `&name` in the original text (searched before the node in the parsed text, then mapped back). */
  private anchorOf(name: string, source: Node): { name: string; start: number; end: number } {
    const before = rangeOf(source)[0];
    // Searched in the 4 KB before the node only, as tags are (findTag).
    const from = Math.max(0, before - 4095);
    const found = this.text.slice(from, before + name.length + 1).lastIndexOf(`&${name}`);
    const start = this.toOriginal(found >= 0 ? from + found : before);
    return { name, start, end: start + name.length + 1 };
  }

  /**
   * The node an alias refers to: the last node before it with its anchor, as `Alias.resolve` finds it. That
   * method walks the whole document for every alias (20,000 aliases took minutes), so the targets of all
   * aliases are found in one walk instead.
   */
  private targetOf(alias: Alias): Node | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, Node | undefined>();
      const anchored = new Map<string, Node>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchored.get(node.source));
          else if (node.anchor) anchored.set(node.anchor, node);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  private aliasTargets: Map<Alias, Node | undefined> | undefined;

  private keyOf(key: Node | null, fallback: number): ScalarNode {
    if (key == null) return { kind: 'scalar', value: '', start: fallback, end: fallback };
    const [start, end] = this.rangeOf(key);
    if (isScalar(key)) {
      const value = (key as Scalar).value;
      return { kind: 'scalar', value: value == null ? '' : String(value as string), start, end };
    }
    const [sourceStart, sourceEnd] = rangeOf(key);
    return { kind: 'scalar', value: this.text.slice(sourceStart, sourceEnd), start, end };
  }

  /** `!Ref X` -> `{Ref: X}` with the tag's range as the key's range; unknown tags are reported. */
  private applyTag(source: Node, node: TreeNode): TreeNode {
    const tag = (source as { tag?: string }).tag;
    if (!tag || !tag.startsWith('!')) return node;
    const longForm = CFN_SHORT_TAGS.get(tag);
    const tagStart = this.findTag(tag, source);
    if (!longForm) {
      this.problems.push({
        severity: 'warning',
        code: 'unknown-tag',
        message: `Unknown tag ${tag}: CloudFormation does not know it, so the value is read as if the tag were absent.`,
        start: tagStart,
        end: tagStart + tag.length,
      });
      return node;
    }
    const keyNode: ScalarNode = { kind: 'scalar', value: longForm, start: tagStart, end: tagStart + tag.length };
    const wrapped: MapNode = { kind: 'map', entries: [{ key: longForm, keyNode, value: node }], start: tagStart, end: node.end, fromTag: true };
    return wrapped;
  }

  /** The tag's offset in the original text (searched in the parsed text, then mapped back). */
  private findTag(tag: string, source: Node): number {
    const before = rangeOf(source)[0];
    // Searched in the 4 KB before the node only: a tag not found there must not cost a scan of the whole text.
    const from = Math.max(0, before - 4095);
    const found = this.text.slice(from, before + tag.length).lastIndexOf(tag);
    return this.toOriginal(found >= 0 ? from + found : before);
  }

  private rangeOf(node: Node | Alias): [number, number] {
    const [start, end] = rangeOf(node);
    return [this.toOriginal(start), this.toOriginal(end)];
  }
}

function rangeOf(node: Node | Alias): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], Math.max(range[0], range[1])];
}

export function duplicateKey(key: string, keyNode: ScalarNode): ParseProblem {
  return {
    severity: 'warning',
    code: 'duplicate-key',
    message: `"${key}" appears more than once in this map: CloudFormation keeps this last one and silently ignores the earlier entry.`,
    start: keyNode.start,
    end: keyNode.end,
  };
}

function nullAt(start: number, end = start): ScalarNode {
  return { kind: 'scalar', value: null, start, end };
}

function toScalarValue(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value as string);
}

function cleanMessage(message: string): string {
  // The library appends "at line L, column C" even with prettyErrors off; positions come with the finding.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'it is nested too deeply to parse';
  return error instanceof Error ? error.message : String(error);
}
