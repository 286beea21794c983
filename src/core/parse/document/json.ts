/**
 * JSON -> positioned tree, with `jsonc-parser` doing the parsing (it keeps node offsets and recovers
 * from errors). Comments and trailing commas are reported (CloudFormation rejects them), and the rest
 * of the document is still read.
 */
import { type JSONVisitor, type ParseError, printParseErrorCode, visit } from 'jsonc-parser';
import { DOCUMENT_LIMITS, type ParseProblem, tooDeepProblem } from './problems.js';
import { type MapEntry, type ScalarNode, type TreeNode } from './tree.js';
import { duplicateKey } from './yaml.js';

interface JsonResult {
  root: TreeNode | undefined;
  problems: ParseProblem[];
}

export function parseJson(text: string): JsonResult {
  const problems: ParseProblem[] = [];
  const errors: ParseError[] = [];
  const builder = new TreeBuilder();
  try {
    // The tree is built from the parser's events: one tree, not the library's node tree and then ours.
    visit(text, builder.visitor(errors), { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
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
  problems.push(...builder.problems);
  return { root: builder.root, problems };
}

function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidCommentToken') return 'JSON syntax error: JSON has no comments (CloudFormation rejects them).';
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}.`;
}

type Frame =
  | { kind: 'map'; start: number; entries: MapEntry[]; keys: Set<string> | undefined; key: ScalarNode | undefined }
  | { kind: 'seq'; start: number; items: TreeNode[] };

/**
 * Builds the tree from the parser's events, without recursion of its own. A value sits where the library's
 * own tree would put it: the first value of the document is the root, a property's first value is its
 * value (null at the key's end when it has none), and a value the broken syntax leaves outside any property
 * is left out. Nesting below the depth limit becomes null, reported once.
 */
class TreeBuilder {
  root: TreeNode | undefined;
  /** Duplicate keys and the depth limit, in document order. */
  readonly problems: ParseProblem[] = [];
  private rootSet = false;
  private readonly stack: Frame[] = [];
  /** Inside a collection that is not part of the tree (cut off at the depth limit, or outside any property): its nesting. */
  private skipped = 0;
  private depthReported = false;
  /** Each key text once: the parser makes a new string for every key, and a template repeats a few keys thousands of times. */
  private readonly keys = new Map<string, string>();

  private shared(key: string): string {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    this.keys.set(key, key);
    return key;
  }

  visitor(errors: ParseError[]): JSONVisitor {
    return {
      onObjectBegin: (offset) => this.begin({ kind: 'map', start: offset, entries: [], keys: undefined, key: undefined }),
      onObjectProperty: (name, offset, length) => {
        const top = this.top();
        if (this.skipped || top?.kind !== 'map') return;
        if (top.key) this.add(top, top.key, nullAt(top.key.end));
        name = this.shared(name);
        top.key = { kind: 'scalar', value: name, start: offset, end: offset + length };
        if (this.seenBefore(top, name)) this.problems.push(duplicateKey(name, top.key));
      },
      onObjectEnd: (offset, length) => this.end(offset + length),
      onArrayBegin: (offset) => this.begin({ kind: 'seq', start: offset, items: [] }),
      onArrayEnd: (offset, length) => this.end(offset + length),
      onLiteralValue: (value: unknown, offset, length) => {
        if (this.skipped || !this.takesValue()) return;
        const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
        this.place(this.cut(offset) ?? { kind: 'scalar', value: scalar, start: offset, end: offset + length });
      },
      onSeparator: (separator) => {
        // A comma ends a property that had no value.
        const top = this.top();
        if (this.skipped || separator !== ',' || top?.kind !== 'map' || !top.key) return;
        this.add(top, top.key, nullAt(top.key.end));
        top.key = undefined;
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    };
  }

  /** Whether the map already has `key` (each key counts once it is read, with or without a value). */
  private seenBefore(frame: Extract<Frame, { kind: 'map' }>, key: string): boolean {
    // Most objects have a few keys: a Set only for the larger ones.
    if (!frame.keys) {
      if (frame.entries.length < 8) {
        // A loop, not entries.some(): no closure made for every property of the document.
        for (const entry of frame.entries) if (entry.key === key) return true;
        return false;
      }
      frame.keys = new Set(frame.entries.map((entry) => entry.key));
    }
    const seen = frame.keys.has(key);
    frame.keys.add(key);
    return seen;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Does a value here become part of the tree (the root, a list item, or a property's value)? */
  private takesValue(): boolean {
    const top = this.top();
    return top ? top.kind === 'seq' || top.key !== undefined : !this.rootSet;
  }

  /** Null in place of a node nested deeper than the limit (the first one reported), else undefined. */
  private cut(start: number): ScalarNode | undefined {
    if (this.stack.length <= DOCUMENT_LIMITS.maxDepth) return undefined;
    if (!this.depthReported) {
      this.depthReported = true;
      this.problems.push(tooDeepProblem(start));
    }
    return nullAt(start);
  }

  private begin(frame: Frame): void {
    if (this.skipped || !this.takesValue()) {
      this.skipped++;
      return;
    }
    const cut = this.cut(frame.start);
    if (cut) {
      this.place(cut);
      this.skipped++;
      return;
    }
    this.stack.push(frame);
  }

  private end(end: number): void {
    if (this.skipped) {
      this.skipped--;
      return;
    }
    const frame = this.stack.pop();
    if (!frame) return;
    // The lists are copied to their exact length: one grown by push keeps room for more (17 slots for one entry), and
    // the tree lives for the whole analysis (on a minified template, that room was a fifth of the tree's memory).
    if (frame.kind === 'map') {
      if (frame.key) this.add(frame, frame.key, nullAt(frame.key.end));
      this.place({ kind: 'map', entries: frame.entries.slice(), start: frame.start, end });
    } else this.place({ kind: 'seq', items: frame.items.slice(), start: frame.start, end });
  }

  private place(node: TreeNode): void {
    const top = this.top();
    if (!top) {
      this.root = node;
      this.rootSet = true;
    } else if (top.kind === 'seq') top.items.push(node);
    else if (top.key) {
      this.add(top, top.key, node);
      top.key = undefined;
    }
  }

  private add(frame: Extract<Frame, { kind: 'map' }>, keyNode: ScalarNode, value: TreeNode): void {
    frame.entries.push({ key: keyNode.value as string, keyNode, value });
  }
}

function nullAt(start: number): ScalarNode {
  return { kind: 'scalar', value: null, start, end: start };
}
