/**
 * Reading a YAML document again after an edit, reusing the tree of its previous version. Typing in a 5,000-line
 * template changes one resource at a time, yet reading the whole text again is most of what its analysis costs. When
 * the edit lies within one entry of a block map at the top of the document (a resource of `Resources:`, a parameter,
 * an output...), only that entry's lines are read again; the other entries are the previous version's nodes, those
 * after the edit with their offsets moved by its length. The tree and problems are exactly those of a whole reading:
 * anything this cannot vouch for (an edit across entries or of the sections themselves, a document with anchors,
 * aliases, directives or syntax errors, an entry that no longer reads alone) is read whole.
 *
 * Pure: the memo is what the caller keeps for a document between its versions (the editor's engine thread, for the
 * documents being typed in).
 */
import { type ParseProblem } from './problems.js';
import { type MapEntry, type MapNode, type TreeNode } from './tree.js';
import { parseYaml, parseYamlEntry } from './yaml.js';
import { changedSpan } from './text-change.js';

/** What is kept of a document's last version to read the next one faster. */
export class DocumentMemo {
  /** The last version read, when a later one may reuse it. */
  last: { text: string; root: TreeNode | undefined; problems: ParseProblem[] } | undefined;
  /** How many readings reused the previous version, and how many read the whole text (for tests and figures). */
  readonly counts = { reused: 0, whole: 0 };
  /**
   * What the reader of a format built from code keeps of the last version (the TypeScript reader: its syntax tree,
   * which TypeScript parses again incrementally). Opaque here: only that reader reads it.
   */
  reader: unknown;
}

/** The document's tree and problems, as `parseYaml(text)` gives them, reusing what `memo` holds of the previous version. */
export function parseYamlReusing(text: string, memo: DocumentMemo): { root: TreeNode | undefined; problems: ParseProblem[] } {
  const last = memo.last;
  memo.last = undefined;
  const reused = last ? reread(last, text) : undefined;
  if (reused) {
    memo.counts.reused++;
    memo.last = { text, ...reused };
    return reused;
  }
  memo.counts.whole++;
  const { root, problems, local } = parseYaml(text);
  if (local) memo.last = { text, root, problems };
  return { root, problems };
}

/** The new version's tree from the last one, or undefined when the whole text must be read. */
function reread(
  last: { text: string; root: TreeNode | undefined; problems: ParseProblem[] },
  text: string,
): { root: MapNode; problems: ParseProblem[] } | undefined {
  const old = last.text;
  const root = last.root;
  // A lone CR breaks lines for YAML; the columns here count from LFs only.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  if (root?.kind !== 'map' || root.fromTag || root.anchor) return undefined;
  // The edit: old[from, oldTo) became text[from, newTo).
  const { from, oldTo } = changedSpan(old, text);
  if (from === old.length && from === text.length) return { root, problems: last.problems };
  const delta = text.length - old.length;

  // The section (a top-level entry) and the entry of its block map holding the edit.
  const s = entryAt(root.entries, from);
  if (s < 0 || root.entries.filter((e) => e.key === root.entries[s]!.key).length !== 1) return undefined;
  const section = root.entries[s]!;
  const map = section.value;
  if (map.kind !== 'map' || map.fromTag || map.anchor || map.entries.length === 0) return undefined;
  const i = entryAt(map.entries, from);
  if (i < 0) return undefined;
  const entry = map.entries[i]!;
  const column = columnOf(old, entry.keyNode.start);
  const start = entry.keyNode.start - column;
  if (column <= 0 || start <= section.keyNode.end) return undefined;
  // The entry's lines end where the next entry's key line (or the next section's) starts, or at the end of the text.
  const next = map.entries[i + 1]?.keyNode ?? root.entries[s + 1]?.keyNode;
  const nextColumn = next ? columnOf(old, next.start) : 0;
  if (nextColumn < 0) return undefined;
  const end = next ? next.start - nextColumn : old.length;
  if (from < start || oldTo > end || (next && next === map.entries[i + 1]?.keyNode && nextColumn !== column)) return undefined;
  // The new lines: whole lines, the first the entry's key at its column, every other one deeper, blank or a comment.
  const newEnd = end + delta;
  if (newEnd <= start || (newEnd < text.length && text.charCodeAt(newEnd - 1) !== 10)) return undefined;
  if (!entryLines(text, start, newEnd, column)) return undefined;
  // The section's map is at nesting level 1 (the root's values).
  const read = parseYamlEntry(text, start, newEnd, 1);
  // A key renamed: only to one no other entry has, from one no other entry had (the map's duplicates stay as they were).
  if (!read || (read.entry.key !== entry.key && map.entries.some((e, k) => k !== i && (e.key === entry.key || e.key === read.entry.key)))) return undefined;

  // The problems: those before the entry, the entry's own, those after it moved. A problem on the entry's key
  // (a duplicate of an earlier key) comes from the map, not from the entry read alone: read whole.
  const before: ParseProblem[] = [];
  const after: ParseProblem[] = [];
  let phase = 0;
  for (const p of last.problems) {
    const at = p.start < start ? 0 : p.start < end ? 1 : 2;
    if (at < phase || (at === 1 && p.start === entry.keyNode.start)) return undefined;
    phase = at;
    if (at === 0) before.push(p);
    else if (at === 2) after.push({ ...p, start: p.start + delta, end: p.end + delta });
  }
  if (read.problems.some((p) => p.start < start || p.start >= newEnd)) return undefined;

  // The section's map and the root end where their last value ends: moved with the entry when it is their last.
  const mapEnd = endAfter(map, entry, read.entry, end, delta);
  if (mapEnd === undefined) return undefined;
  const newMap: MapNode = {
    ...map,
    entries: [...map.entries.slice(0, i), read.entry, ...map.entries.slice(i + 1).map((e) => moveEntry(e, delta))],
    end: mapEnd,
  };
  const newSection: MapEntry = { ...section, value: newMap };
  const rootEnd = root.end === map.end ? mapEnd : root.end >= end ? root.end + delta : undefined;
  if (rootEnd === undefined) return undefined;
  const newRoot: MapNode = {
    ...root,
    entries: [...root.entries.slice(0, s), newSection, ...root.entries.slice(s + 1).map((e) => moveEntry(e, delta))],
    end: rootEnd,
  };
  return { root: newRoot, problems: [...before, ...read.problems, ...after] };
}

/** The index of the entry whose key starts last at or before `offset` (-1: none). */
function entryAt(entries: readonly MapEntry[], offset: number): number {
  let low = 0;
  let high = entries.length - 1;
  if (high < 0 || entries[0]!.keyNode.start > offset) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid]!.keyNode.start <= offset) low = mid;
    else high = mid - 1;
  }
  // Keys in document order only (a flow map written over one line still is; anything else is read whole).
  for (let k = Math.max(1, low); k <= Math.min(low + 1, entries.length - 1); k++) if (entries[k]!.keyNode.start <= entries[k - 1]!.keyNode.start) return -1;
  return low;
}

/** The column of `offset` when only spaces precede it on its line, else -1. */
function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10 ? offset - i : -1;
}

/** Lines [start, end) of `text`: the first with its key at `column`, the others indented deeper, blank or comments. */
function entryLines(text: string, start: number, end: number, column: number): boolean {
  for (let line = start; line < end;) {
    let i = line;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const c = i < end ? text.charCodeAt(i) : 10;
    const blank = c === 10 || (c === 13 && (i + 1 >= end || text.charCodeAt(i + 1) === 10));
    if (line === start) {
      if (i - line !== column || blank || c === 35 /* # */ || c === 9 /* tab */ || c === 13) return false;
    } else if (!blank && c !== 35 && i - line <= column) return false;
    const newline = text.indexOf('\n', i);
    line = newline < 0 || newline >= end ? end : newline + 1;
  }
  return true;
}

/** The end of a map whose entry `entry` (lines ending at `end`) became `replaced`, or undefined when it is not known. */
function endAfter(map: MapNode, entry: MapEntry, replaced: MapEntry, end: number, delta: number): number | undefined {
  if (map.end === entry.value.end && map.entries.at(-1) === entry) return replaced.value.end;
  if (map.end >= end) return map.end + delta;
  return undefined;
}

function moveEntry(entry: MapEntry, delta: number): MapEntry {
  const key = entry.keyNode;
  return { key: entry.key, keyNode: { kind: 'scalar', value: key.value, start: key.start + delta, end: key.end + delta }, value: move(entry.value, delta) };
}

/**
 * A copy of `node` with every offset moved by `delta` (the previous version's nodes are left as they are). Nodes of a
 * document read this way carry no anchor; each copy has the same fields as its original, written out (faster than a spread).
 */
function move(node: TreeNode, delta: number): TreeNode {
  if (node.kind === 'scalar') return { kind: 'scalar', value: node.value, start: node.start + delta, end: node.end + delta };
  if (node.kind === 'seq') {
    const items = new Array<TreeNode>(node.items.length);
    for (let i = 0; i < items.length; i++) items[i] = move(node.items[i]!, delta);
    return { kind: 'seq', items, start: node.start + delta, end: node.end + delta };
  }
  const entries = new Array<MapEntry>(node.entries.length);
  for (let i = 0; i < entries.length; i++) entries[i] = moveEntry(node.entries[i]!, delta);
  const moved: MapNode = { kind: 'map', entries, start: node.start + delta, end: node.end + delta };
  if (node.fromTag !== undefined) moved.fromTag = node.fromTag;
  return moved;
}
