/**
 * Quick fixes that add or change a setting, whatever the document's syntax. A rule says what to set
 * (`Properties.Architectures = [arm64]` under a resource) as a `SetFix`; the engine turns it into text
 * edits against the document it parsed: it goes down the keys that exist, replaces the value of the last
 * one found, or inserts the rest (nested) as the first entry of the deepest map, in the document's style
 * (YAML block or flow, JSON) and with its line breaks. When that is not possible (a map written on one line
 * with a tag, a value that is not a map), there is no fix rather than a wrong one.
 *
 * Every fix (these and the ones rules write as text edits) then passes `guardShared`: a YAML value written as
 * an alias (`MemorySize: *mem`) is replaced where the alias is, which changes that resource only; an edit
 * inside an anchored value that aliases use changes every one of them, and its title says so; an edit that
 * would delete an anchor that aliases use is not offered.
 *
 * Cost: a fix is a few binary searches in the document's line index and lookups in its maps (indexed when
 * large), so building every fix of a document is linear in its size, however long its lines.
 */
import { type Fix, type TextEdit } from './findings.js';
import { type Field } from './model/field.js';
import { type PathSegment } from './model/location.js';
import { type LambdaFunction } from './model/nodes.js';
import { type TemplateModel } from './model/template.js';
import { type LoadedDocument } from './parse/document/load.js';
import { isMap, isScalar, isSeq, type MapEntry, type MapNode, type TreeNode } from './parse/document/tree.js';

type FixValue = string | number | boolean | FixValue[] | { [key: string]: FixValue };

/** "Set `keys` (below the map at `path`) to `value`." */
export interface SetFix {
  title: string;
  set: { path: PathSegment[]; keys: string[]; value: FixValue };
  /** As Fix.preferred. */
  preferred?: false;
}

export function isSetFix(fix: Fix | SetFix): fix is SetFix {
  return 'set' in fix;
}

/** The edits of a SetFix in this document, or undefined when they cannot be made safely. */
export function materializeFix(doc: LoadedDocument, fix: SetFix): Fix | undefined {
  // A tree that stands for text of another syntax (Terraform) makes its own edits.
  if (doc.edit) return made(doc, fix, doc.edit(fix.set));
  let node: TreeNode | undefined = doc.root;
  for (const segment of fix.set.path) {
    node = typeof segment === 'number' ? (isSeq(node) ? node.items[segment] : undefined) : entryOf(node, segment)?.value;
  }
  if (!isMap(node) || node.fromTag) return undefined;
  const { keys, value } = fix.set;
  for (let i = 0; i < keys.length; i++) {
    const entry = entryOf(node, keys[i]!);
    if (!entry) return made(doc, fix, insertEntry(doc, node, keys[i]!, nest(keys, i + 1, value)));
    if (i < keys.length - 1 && isMap(entry.value) && !entry.value.fromTag) {
      node = entry.value;
      continue;
    }
    return made(doc, fix, replaceValue(doc, entry, nest(keys, i + 1, value)));
  }
  return undefined;
}

function made(doc: LoadedDocument, fix: SetFix, textEdit: TextEdit | undefined): Fix | undefined {
  return textEdit
    ? guardShared(doc, { title: fix.title, edits: [textEdit], intent: fix.set, ...(fix.preferred === false ? { preferred: false } : {}) })
    : undefined;
}

/** `value` below keys[from..] (`{a: {b: value}}`), or `value` itself when there are none. */
function nest(keys: string[], from: number, value: FixValue): FixValue {
  let nested = value;
  for (let i = keys.length - 1; i >= from; i--) nested = { [keys[i]!]: nested };
  return nested;
}

/** Maps with more entries than this are indexed once (a template's `Resources`), not scanned per fix. */
const INDEX_THRESHOLD = 32;
const indexes = new WeakMap<MapNode['entries'], Map<string, MapEntry>>();

/** The entry for `key` (the last one, as `getEntry`), through an index for large maps. */
function entryOf(node: TreeNode | undefined, key: string): MapEntry | undefined {
  if (!isMap(node)) return undefined;
  const entries = node.entries;
  if (entries.length <= INDEX_THRESHOLD) {
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
    return undefined;
  }
  let index = indexes.get(entries);
  if (!index) {
    index = new Map(entries.map((entry) => [entry.key, entry]));
    indexes.set(entries, index);
  }
  return index.get(key);
}

/** The value of `entry` replaced by `value`. */
function replaceValue(doc: LoadedDocument, entry: MapEntry, value: FixValue): TextEdit | undefined {
  const rendered = render(doc, value);
  if (rendered === undefined) return undefined;
  const target = entry.value;
  // Written as an alias: the alias goes, the anchored value (and every other alias of it) stays.
  if (target.anchor?.alias) return { range: doc.lines.range(target.anchor.start, target.anchor.end), newText: rendered };
  const inPlace = replaceItems(doc, target, value);
  if (inPlace) return inPlace;
  const start = target.start;
  const end = contentEnd(doc, target);
  const text = doc.text;
  if (
    doc.syntax === 'yaml' &&
    !Array.isArray(value) &&
    typeof value !== 'object' &&
    (isMap(target) || isSeq(target)) &&
    text[start] !== '{' &&
    text[start] !== '['
  ) {
    // A block collection replaced by a plain value: the value goes after the key's colon (`Runtime: nodejs24.x`),
    // when nothing but blanks separates them.
    const gap = text.slice(entry.keyNode.end, start);
    const colon = /^\s*:[ \t]*(?:\r?\n[ \t]*)+$/.exec(gap);
    if (colon) return { range: doc.lines.range(entry.keyNode.end + gap.indexOf(':') + 1, end), newText: ` ${rendered}` };
  }
  if (start === end) {
    // An empty value (`Key:` then nothing, or a comment): the value goes after the colon, apart from a comment.
    if (doc.syntax !== 'yaml') return undefined;
    const before = text[start - 1];
    if (before !== ':' && before !== ' ' && before !== '\t') return undefined;
    return { range: doc.lines.range(start, start), newText: `${before === ':' ? ' ' : ''}${rendered}${text[start] === '#' ? ' ' : ''}` };
  }
  if (doc.syntax === 'yaml') {
    // A block value on a later line than its key may sit at the key's indentation (`- x86_64` under
    // `Architectures:`); a flow value there would not parse, so it is indented past the key.
    const key = doc.lines.positionAt(entry.keyNode.start);
    const at = doc.lines.positionAt(start);
    if (at.line > key.line && at.character <= key.character) {
      const lineStart = start - at.character;
      for (let i = lineStart; i < start; i++) if (text[i] !== ' ') return undefined;
      return { range: doc.lines.range(lineStart, end), newText: ' '.repeat(key.character + 2) + rendered };
    }
  }
  return { range: doc.lines.range(start, end), newText: rendered };
}

/**
 * A list replaced by a list of as many plain values: each item's text replaced where it is, so the file's list
 * style stays (`[x86_64]` -> `[arm64]`, `- x86_64` -> `- arm64`, a JSON array over several lines), comments too.
 */
function replaceItems(doc: LoadedDocument, target: TreeNode, value: FixValue): TextEdit | undefined {
  if (!Array.isArray(value) || !isSeq(target) || target.items.length !== value.length || value.length === 0) return undefined;
  if (target.anchor?.alias || value.some((v) => typeof v === 'object')) return undefined;
  const items = target.items;
  if (!items.every((item) => isScalar(item) && !item.anchor && item.end > item.start)) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const rendered = render(doc, value[i]!);
    if (rendered === undefined) return undefined;
    if (i > 0) parts.push(doc.text.slice(items[i - 1]!.end, items[i]!.start));
    parts.push(rendered);
  }
  return { range: doc.lines.range(items[0]!.start, items[items.length - 1]!.end), newText: parts.join('') };
}

/**
 * Where a value's text ends: a block collection's range runs on past its last item (line break, comment on the
 * last line), so the end of its last item, down to the last scalar; trailing blanks never count.
 */
export function contentEnd(doc: LoadedDocument, node: TreeNode): number {
  const text = doc.text;
  let current = node;
  for (let depth = 0; depth < 300; depth++) {
    if (current.anchor?.alias) return current.anchor.end;
    const first = text[current.start];
    if (isMap(current) && current.entries.length > 0 && (current.fromTag || first !== '{')) current = current.entries[current.entries.length - 1]!.value;
    else if (isSeq(current) && current.items.length > 0 && first !== '[') current = current.items[current.items.length - 1]!;
    else break;
  }
  let end = current.end;
  while (end > current.start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** A new first entry of `map`: on its own line in a block map (or JSON with a member per line), inline in a flow map. */
function insertEntry(doc: LoadedDocument, map: MapNode, key: string, value: FixValue): TextEdit | undefined {
  const json = doc.syntax === 'json';
  const rendered = render(doc, value);
  if (rendered === undefined) return undefined;
  const entry = `${json ? JSON.stringify(key) : flowScalar(key)}: ${rendered}`;
  const text = doc.text;
  const first = map.entries[0];
  if (!first) {
    // An empty flow map (`{}`): the entry goes inside.
    if (text[map.start] !== '{' || map.end - map.start < 2) return undefined;
    return { range: doc.lines.range(map.start + 1, map.start + 1), newText: entry };
  }
  const at = first.keyNode.start;
  const position = doc.lines.range(at, at);
  let lineStart = at - position.start.character;
  if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
  let i = at;
  while (i > lineStart && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === lineStart) {
    // The same indentation on a new line above the first entry.
    return { range: position, newText: `${entry}${json ? ',' : ''}${lineBreak(doc, at)}${text.slice(lineStart, at)}` };
  }
  if (json || /[{,]/.test(text[i - 1]!)) return { range: position, newText: `${entry}, ` };
  // A map that starts a sequence item (`- Name: app`): the new entry there, the first one on a line of its own at its column.
  let j = i;
  while (j > lineStart && text[j - 1] === '-' && text[j] === ' ') {
    j--;
    while (j > lineStart && text[j - 1] === ' ') j--;
  }
  if (j === lineStart && i < at) {
    for (let k = lineStart; k < at; k++) if (text[k] !== ' ' && text[k] !== '-') return undefined;
    return { range: position, newText: `${entry}${lineBreak(doc, at)}${' '.repeat(at - lineStart)}` };
  }
  return undefined;
}

/** The line break the document uses around `offset` (the one ending its line, else the one before it). */
function lineBreak(doc: LoadedDocument, offset: number): string {
  const { line } = doc.lines.positionAt(offset);
  const end = line + 1 < doc.lines.lineCount ? doc.lines.offsetAt({ line: line + 1, character: 0 }) : line > 0 ? doc.lines.offsetAt({ line, character: 0 }) : 0;
  if (end <= 0) return '\n';
  return doc.text[end - 1] === '\n' ? (doc.text[end - 2] === '\r' ? '\r\n' : '\n') : '\r';
}

/**
 * A value as YAML flow (or JSON). Replacing a block value with a flow one keeps YAML valid: the flow value
 * takes the block's place, on its line and indentation.
 */
function render(doc: LoadedDocument, value: FixValue): string | undefined {
  if (doc.syntax === 'json') return JSON.stringify(value);
  return doc.syntax === 'yaml' ? flow(value) : undefined;
}

function flow(value: FixValue): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${flowScalar(k)}: ${flow(v)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? flowScalar(value) : String(value);
}

/** Words a YAML reader (1.1 or 1.2) takes for a boolean or null when written plain. */
const YAML_WORDS = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/** A string as a YAML flow scalar: plain when it reads back as the same string, else double-quoted. */
export function flowScalar(value: string): string {
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
}

/** Per document: the anchors that aliases use, as `[&name start, value end)` sorted by start, with a running maximum of ends. */
interface SharedIndex {
  anchors: { name: string; start: number; nameEnd: number; end: number }[];
  /** Index of the anchor with the greatest end among anchors[0..i]. */
  widest: number[];
}
const sharedIndexes = new WeakMap<LoadedDocument, SharedIndex>();

function sharedIndex(doc: LoadedDocument): SharedIndex {
  let index = sharedIndexes.get(doc);
  if (index) return index;
  const anchors: SharedIndex['anchors'] = [];
  // Each node once, where it is written (aliases are not followed: their nodes are visited at the anchor).
  const stack: TreeNode[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.anchor?.alias) continue;
    if (node.anchor?.used)
      anchors.push({ name: node.anchor.name, start: node.anchor.start, nameEnd: node.anchor.end, end: Math.max(contentEnd(doc, node), node.anchor.end) });
    if (isMap(node)) for (const entry of node.entries) stack.push(entry.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  anchors.sort((a, b) => a.start - b.start);
  const widest: number[] = [];
  for (let i = 0; i < anchors.length; i++) widest.push(i > 0 && anchors[widest[i - 1]!]!.end >= anchors[i]!.end ? widest[i - 1]! : i);
  index = { anchors, widest };
  sharedIndexes.set(doc, index);
  return index;
}

/**
 * A fix as it may be offered in this document: unchanged when it edits no shared YAML value; titled to say it
 * changes every resource using the anchor when it edits inside an anchored value that aliases use; undefined
 * when it would delete such an anchor (the aliases would no longer parse).
 */
export function guardShared(doc: LoadedDocument, fix: Fix): Fix | undefined {
  if (doc.syntax !== 'yaml') return fix;
  const { anchors, widest } = sharedIndex(doc);
  if (anchors.length === 0) return fix;
  let shared: string | undefined;
  for (const edit of fix.edits) {
    const a = doc.lines.offsetAt(edit.range.start);
    const b = doc.lines.offsetAt(edit.range.end);
    // The last anchor starting before the edit ends (before an insertion point: one exactly there is after it).
    const limit = a === b ? a : b;
    let low = 0;
    let high = anchors.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (anchors[mid]!.start < limit) low = mid + 1;
      else high = mid;
    }
    if (low === 0) continue;
    const last = anchors[low - 1]!;
    // Anchor names do not overlap: only the last one can reach into a non-empty edit.
    if (a < b && last.nameEnd > a) return undefined;
    const wide = anchors[widest[low - 1]!]!;
    if (wide.end > a) shared ??= wide.name;
  }
  if (shared === undefined) return fix;
  return { ...fix, title: `${fix.title} (in the YAML anchor &${shared}: changes everything that uses it)` };
}

/**
 * A fix that sets a function's setting where it is written: on the function, in SAM `Globals` or the
 * Serverless `provider` when it is inherited from there, or (for a default) on the function. CDK code gets
 * no such fix (its props are code).
 */
/** Key paths of one setting: below `Properties` in templates, below the function in serverless.yml. */
interface SettingKeys {
  template: string[];
  serverless: string[];
}

export function setFunctionSetting(
  model: TemplateModel,
  fn: LambdaFunction,
  field: Field<unknown>,
  keys: SettingKeys,
  value: FixValue,
  title: string,
): SetFix | undefined {
  const keyPath = field.keyAt?.path;
  if (field.origin !== 'default' && keyPath && keyPath.length > 0 && typeof keyPath[keyPath.length - 1] === 'string') {
    // Where it is written (the function, Globals or provider): that key.
    return { title, set: { path: keyPath.slice(0, -1), keys: [keyPath[keyPath.length - 1] as string], value } };
  }
  if (model.format === 'sam' || model.format === 'cloudformation' || model.format === 'terraform')
    return { title, set: { path: [...fn.loc.path, 'Properties'], keys: keys.template, value } };
  if (model.format === 'serverless') return { title, set: { path: fn.loc.path, keys: keys.serverless, value } };
  return undefined;
}

/**
 * CDK: a `Duration.x(n)` written where the field is (its text is its evaluation: not through a constant, on one line),
 * rewritten as `Duration.seconds(seconds)` with the same qualifier (`cdk.Duration`, `Duration`).
 */
export function cdkDurationFix(field: Field<unknown>, seconds: number, title: string): Fix | undefined {
  const { via, at } = field;
  if (via === undefined || !at || !Number.isInteger(seconds) || seconds < 0) return undefined;
  const call = /^((?:[A-Za-z_$][\w$]*\.)*Duration)\.(?:millis|seconds|minutes|hours|days)\(\s*\d+(?:\.\d+)?\s*\)$/.exec(via);
  const { start, end } = at.range;
  if (!call || start.line !== end.line || end.character - start.character !== via.length) return undefined;
  return { title, edits: [{ range: at.range, newText: `${call[1]}.seconds(${seconds})` }] };
}

/** CDK: the last member of a dotted name written at the field (`lambda.Architecture.X86_64` -> `ARM_64`). */
export function cdkMemberFix(field: Field<unknown>, member: string, title: string): Fix | undefined {
  const { written, at } = field;
  if (field.via === undefined || written === undefined || !at) return undefined;
  const { start, end } = at.range;
  if (start.line !== end.line || end.character - start.character !== written.length) return undefined;
  const last = written.slice(written.lastIndexOf('.') + 1);
  return { title, edits: [{ range: { start: { line: end.line, character: end.character - last.length }, end }, newText: member }] };
}
