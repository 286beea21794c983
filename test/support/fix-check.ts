/**
 * Checks a quick fix the way a user would take it: its edits applied to the text, the result read again.
 * A fix is safe when
 * - the result still parses: no parse problem it did not have before (syntax, duplicate key, unknown tag);
 * - the line breaks and the BOM are the file's own (no LF into a CRLF file, no CR into an LF one);
 * - the text changes only inside the value or map it sets (everything before and after is byte for byte);
 * - the document changes only at the path it sets, and that path now holds the intended value. A fix whose
 *   title says it edits a YAML anchor (and so everything that uses it) may change the anchor's other uses.
 * Without an intent (a rule's own text edits), the document may change only below the entries its edits are in.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Fix } from '../../src/core/findings.js';
import { type PathSegment } from '../../src/core/model/location.js';
import { LineIndex } from '../../src/core/parse/document/lines.js';
import { loadDocument, type LoadedDocument } from '../../src/core/parse/document/load.js';
import { getEntry, isMap, isSeq, plainValue, type TreeNode } from '../../src/core/parse/document/tree.js';

export type FixIntent = NonNullable<Fix['intent']>;

export interface FixCheck {
  /** The text with the fix applied (the original when the edits could not be applied). */
  text: string;
  /** What is wrong with the fix; empty when it is safe. */
  failures: string[];
  /** The fix says it edits a YAML anchor, and other uses of the anchor changed with it. */
  shared: boolean;
}

/** Applies a fix's edits (positions in `text`); throws when they overlap. */
export function applyFix(text: string, fix: Pick<Fix, 'edits'>): string {
  const lines = new LineIndex(text);
  const edits = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) throw new Error('the edits overlap');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The original: its text and uri (the syntax follows from it), and its parse when the caller has one. */
export interface Original {
  uri: string;
  text: string;
  doc?: LoadedDocument;
  /** `plainValue(doc.root)`, when the caller checks many fixes of one document. */
  plain?: unknown;
}

export function checkFix(original: Original, fix: Fix, intent: FixIntent | undefined = fix.intent): FixCheck {
  const failures: string[] = [];
  let text: string;
  try {
    text = applyFix(original.text, fix);
  } catch (error) {
    return { text: original.text, failures: [String(error)], shared: false };
  }
  const before = original.doc ?? loadDocument(original.uri, original.text);
  const after = loadDocument(original.uri, text);

  // Still parses, with no new problem.
  const count = (doc: LoadedDocument) => {
    const counts = new Map<string, number>();
    for (const p of doc.problems) counts.set(`${p.code}: ${p.message}`, (counts.get(`${p.code}: ${p.message}`) ?? 0) + 1);
    return counts;
  };
  const had = count(before);
  for (const [problem, n] of count(after)) if (n > (had.get(problem) ?? 0)) failures.push(`new parse problem: ${problem}`);
  if (before.root && !after.root) failures.push('the document no longer has any content');

  // The file's own line breaks and BOM.
  // (A file that mixes them may get either: a fix uses the break of the line it edits.)
  const lf = /(^|[^\r])\n/.test(original.text);
  const crlf = original.text.includes('\r\n');
  if (crlf && !lf && /(^|[^\r])\n/.test(text)) failures.push('an LF line break in a CRLF file');
  if (lf && !original.text.includes('\r') && text.includes('\r')) failures.push('a CR in an LF file');
  if ((original.text.charCodeAt(0) === 0xfeff) !== (text.charCodeAt(0) === 0xfeff)) failures.push('the BOM was added or removed');

  // The one span of the original that changed.
  let prefix = 0;
  const shortest = Math.min(original.text.length, text.length);
  while (prefix < shortest && original.text.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && original.text.charCodeAt(original.text.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const changed = { start: prefix, end: original.text.length - suffix };
  if (text === original.text) failures.push('the fix changes nothing');

  const declaresShared = /YAML anchor &/.test(fix.title);
  let shared = false;
  if (intent && before.root && after.root && text !== original.text) {
    const region = editedRegion(before, intent);
    if (!region) failures.push(`the path ${describe([...intent.path, ...intent.keys])} does not lead to a map in the original`);
    else if (!region.some((r) => r.start <= changed.start && changed.end <= r.end) && !declaresShared) {
      failures.push(
        `the text changed outside the edited entry (offsets ${changed.start}-${changed.end}, entry ${region.map((r) => `${r.start}-${r.end}`).join(' or ')})`,
      );
    }
    const full = [...intent.path, ...intent.keys];
    const differences: PathSegment[][] = [];
    diff(original.plain ?? plainValue(before.root), plainValue(after.root), [], differences);
    const outside = differences.filter((d) => !isPrefix(d, full) && !isPrefix(full, d));
    if (outside.length > 0) {
      if (declaresShared) shared = true;
      else failures.push(`the document changed outside ${describe(full)}: at ${outside.slice(0, 3).map(describe).join(', ')}`);
    }
    const value = plainAt(after.root, full);
    if (!isDeepStrictEqual(value, intent.value)) failures.push(`${describe(full)} holds ${JSON.stringify(value)}, not ${JSON.stringify(intent.value)}`);
  } else if (before.root && after.root && text !== original.text) {
    // No intent (a rule's own text edits): the document may change only below the entries the edits are in.
    const lines = new LineIndex(original.text);
    const edited = fix.edits.map((e) => pathAt(before.root!, lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)));
    const differences: PathSegment[][] = [];
    diff(original.plain ?? plainValue(before.root), plainValue(after.root), [], differences);
    const outside = differences.filter((d) => !edited.some((p) => isPrefix(d, p) || isPrefix(p, d)));
    if (outside.length > 0) {
      if (declaresShared) shared = true;
      else failures.push(`the document changed outside ${edited.map(describe).join(', ')}: at ${outside.slice(0, 3).map(describe).join(', ')}`);
    }
  }
  return { text, failures, shared };
}

/**
 * Where a fix with this intent may change the original text: the value of the deepest key of the intent that
 * exists (from after its key; for an alias, up to the alias), or the map it inserts into. For a value reached
 * through an alias, both where the alias is and where the anchored value is.
 */
function editedRegion(doc: LoadedDocument, intent: FixIntent): { start: number; end: number }[] | undefined {
  let node: TreeNode | undefined = doc.root;
  for (const segment of intent.path) node = typeof segment === 'number' ? (isSeq(node) ? node.items[segment] : undefined) : getEntry(node, segment)?.value;
  if (!isMap(node)) return undefined;
  for (let i = 0; i < intent.keys.length; i++) {
    const entry = getEntry(node, intent.keys[i]!);
    if (!entry) return [{ start: node.start, end: node.end }];
    if (i < intent.keys.length - 1 && isMap(entry.value) && !entry.value.fromTag) {
      node = entry.value;
      continue;
    }
    const value = entry.value;
    const regions = [{ start: entry.keyNode.end, end: Math.max(value.end, value.anchor?.alias ? value.anchor.end : 0) }];
    if (value.anchor?.alias) regions.push({ start: value.start, end: value.end });
    return regions;
  }
  return undefined;
}

/**
 * The path of the innermost entry or item whose text holds [start, end] (an insertion before an entry's key is in
 * the map, not the entry). A value reached through an alias is held where the alias is written, not below it.
 */
function pathAt(root: TreeNode, start: number, end: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: TreeNode = root;
  for (;;) {
    if (node.anchor?.alias) return path;
    let next: { segment: PathSegment; node: TreeNode } | undefined;
    if (isMap(node)) {
      for (const entry of node.entries) {
        const valueEnd = entry.value.anchor?.alias ? entry.value.anchor.end : entry.value.end;
        if (entry.keyNode.start < start && end <= Math.max(valueEnd, entry.keyNode.end)) next = { segment: entry.key, node: entry.value };
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const itemStart = item.anchor?.alias ? item.anchor.start : item.start;
        const itemEnd = item.anchor?.alias ? item.anchor.end : item.end;
        if (itemStart <= start && end <= itemEnd) next = { segment: i, node: item };
      });
    }
    if (!next) return path;
    path.push(next.segment);
    node = next.node;
  }
}

/** Paths where two plain values differ (a key missing on one side counts at that key). */
function diff(a: unknown, b: unknown, path: PathSegment[], out: PathSegment[][]): void {
  if (out.length > 20) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(path);
    else a.forEach((item, i) => diff(item, b[i], [...path, i], out));
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a) || !(key in b)) out.push([...path, key]);
      else diff(a[key], b[key], [...path, key], out);
    }
    return;
  }
  if (!Object.is(a, b)) out.push(path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrefix(prefix: PathSegment[], path: PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function plainAt(root: TreeNode, path: PathSegment[]): unknown {
  let node: TreeNode | undefined = root;
  for (const segment of path) node = typeof segment === 'number' ? (isSeq(node) ? node.items[segment] : undefined) : getEntry(node, segment)?.value;
  return node ? plainValue(node) : undefined;
}

function describe(path: PathSegment[]): string {
  return path.length ? path.join('.') : '(the root)';
}
