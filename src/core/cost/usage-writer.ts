/**
 * Writes one resource's traffic (and the region, when given) into a usage file the way a person would: a figure
 * that is written gets its new value in place; missing ones are added after their siblings, with the file's
 * indentation and line breaks; a missing `resources:` (or one left empty) gets the entry. Nothing else changes,
 * byte for byte: comments, order, quoting, the BOM, long lines. JSON files are edited with jsonc-parser's
 * `modify` in the file's own indentation and line breaks.
 *
 * When that cannot be done safely the file is left alone and the answer says why: a syntax error, a file that
 * is not a map, an entry shared through a YAML anchor (an entry written as an alias of plain figures is written
 * out in place of the alias instead, so only that resource changes). The result is read back before it is
 * returned: it must hold the figures and have no error the file did not have.
 */
import { applyEdits, findNodeAtLocation, format, type FormattingOptions, modify, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { contentEnd, flowScalar } from '../fixes.js';
import { LineIndex } from '../parse/document/lines.js';
import { loadDocument, type LoadedDocument } from '../parse/document/load.js';
import { getEntry, isMap, isScalar, type MapEntry, type MapNode } from '../parse/document/tree.js';
import { parseUsageFile } from './usage-file.js';

/** The new text, or why the file was left alone (a sentence to show the user). */
export type UsageWrite = { text: string } | { refused: string };

interface Traffic {
  requestsPerMonth: number;
  averageDurationMs: number;
  region?: string;
}

/**
 * What "Edit Usage Assumptions" writes when a folder has no usage file: comments and an empty `resources` map, which
 * Crossover reads as "nothing given yet" and the schema accepts (a file of comments only is an empty document, which
 * the schema's object refuses); the writer extends it with the first entry.
 */
export const USAGE_SKELETON = [
  "# Traffic for Crossover's cost estimates (schema: crossover.usage.schema.json in the extension).",
  '# region: eu-west-1              # optional: the region to price in',
  '# resources:',
  '#   MyFunction:                  # a logical id, or "path/to/template.yaml#LogicalId"',
  '#     requestsPerMonth: 1000000  # or requestsPerSecond',
  '#     averageDurationMs: 100',
  'resources: {}',
  '',
].join('\n');

/** The same for a `.json` usage file (JSON has no comments): an empty `resources` object. */
const USAGE_JSON_SKELETON = '{\n  "resources": {}\n}\n';

/** Is the usage file at this path (or name) JSON? Else YAML. */
function isJsonUsageFile(path: string): boolean {
  return path.endsWith('.json');
}

/**
 * What "Edit Usage Assumptions" writes into the usage file at `path` (`text` undefined: there is none yet). A new or
 * blank file gets the skeleton in its own syntax; then, when `id` is given and the file has no entry for it, the
 * entry with `traffic`, through withTraffic. `unchanged` when there is nothing to write.
 */
export function usageEdit(path: string, text: string | undefined, id: string | undefined, traffic: Traffic): UsageWrite | { unchanged: true } {
  const json = isJsonUsageFile(path);
  const blank = text === undefined || text.trim() === '';
  const start = blank ? (json ? USAGE_JSON_SKELETON : USAGE_SKELETON) : text;
  if (id === undefined || parseUsageFile(path, start).resources.has(id)) return blank ? { text: start } : { unchanged: true };
  return withTraffic(start, json, id, traffic);
}

const NEW_FILE_HEADER = '# Traffic assumptions for Crossover (schema: schemas/crossover.usage.schema.json).';

type Scalar = string | number;
interface Block {
  [key: string]: Scalar | Block;
}

export function withTraffic(text: string, json: boolean, id: string, traffic: Traffic): UsageWrite {
  const figures: Block = { requestsPerMonth: traffic.requestsPerMonth, averageDurationMs: traffic.averageDurationMs };
  if (![traffic.requestsPerMonth, traffic.averageDurationMs].every(Number.isFinite)) return { refused: 'the traffic to save is not a finite number.' };
  const written = json ? writeJson(text, id, figures, traffic.region) : writeYaml(text, id, figures, traffic.region);
  return 'refused' in written ? written : readBack(text, written.text, json, id, traffic);
}

/** The smallest single edit that turns `before` into `after` (offsets into `before`), for editors. */
export function changedSpan(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

/** The written text must give the figures and have no error the file did not already have. */
function readBack(before: string, after: string, json: boolean, id: string, traffic: Traffic): UsageWrite {
  const uri = json ? 'crossover.usage.json' : 'crossover.usage.yml';
  const had = new Set(parseUsageFile(uri, before).problems.map((p) => p.message));
  const usage = parseUsageFile(uri, after);
  const added = usage.problems.find((p) => p.severity === 'error' && !had.has(p.message));
  const entry = usage.resources.get(id);
  if (
    added ||
    entry?.requestsPerMonth !== traffic.requestsPerMonth ||
    entry.averageDurationMs !== traffic.averageDurationMs ||
    (traffic.region !== undefined && usage.region !== traffic.region)
  ) {
    return {
      refused: `Crossover could not add the traffic of ${id} to this file without changing what else it says${added ? ` (${added.message})` : ''}; add it by hand.`,
    };
  }
  return { text: after };
}

// ---- YAML ------------------------------------------------------------------------------------------------

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface YamlFile {
  doc: LoadedDocument;
  text: string;
  eol: string;
  /** Spaces per level of nesting, as the file indents. */
  unit: number;
}

function writeYaml(text: string, id: string, figures: Block, region: string | undefined): UsageWrite {
  let current = text;
  if (region !== undefined) {
    const written = setYaml(current, [], { region });
    if ('refused' in written) return written;
    current = written.text;
  }
  return setYaml(current, ['resources', id], figures);
}

/** Sets `values` in the map at `path` (creating what is missing), as text edits. */
function setYaml(text: string, path: string[], values: Block): UsageWrite {
  const doc = loadDocument('crossover.usage.yml', text, 'yaml');
  const error = doc.problems.find((p) => p.severity === 'error');
  if (error)
    return { refused: `the file has a YAML error on line ${doc.lines.positionAt(error.start).line + 1} (${error.message}); correct it, then save again.` };
  const file: YamlFile = { doc, text, eol: firstLineBreak(text), unit: indentUnit(doc) };
  const root = doc.root;
  if (!root) {
    // Nothing but comments (or nothing at all): the entry goes at the end.
    const header = text.trim() === '' ? NEW_FILE_HEADER + file.eol : '';
    const separator = text === '' || text.endsWith('\n') ? '' : file.eol;
    return { text: text + separator + header + block(nest(path, values), 0, file) + file.eol };
  }
  if (!isMap(root) || root.fromTag) return { refused: 'the file is not a map of region, defaults and resources.' };
  let node: MapNode = root;
  let flow = text[root.start] === '{';
  for (let i = 0; i < path.length; i++) {
    const where = path.slice(0, i + 1).join('.');
    const entry = getEntry(node, path[i]!);
    const rest = nest(path.slice(i + 1), values);
    if (!entry) return edited(file, insertInto(file, node, { [path[i]!]: rest }, flow));
    const value = entry.value;
    if (value.anchor?.alias) {
      // An entry written as an alias of plain figures: written out in place of the alias, so the others keep theirs.
      if (
        i === path.length - 1 &&
        isMap(value) &&
        !value.fromTag &&
        value.entries.every((e) => isScalar(e.value) && e.value.value !== null && typeof e.value.value !== 'boolean')
      ) {
        const own: Block = Object.fromEntries(value.entries.map((e) => [e.key, (e.value as { value: Scalar }).value]));
        return edited(file, [{ start: value.anchor.start, end: value.anchor.end, text: flowBlock({ ...own, ...values }) }]);
      }
      return {
        refused: `${where} is written as the YAML alias *${value.anchor.name}, which other entries share; write it out in place of the alias, then save again.`,
      };
    }
    if (value.anchor?.used) return { refused: sharedAnchor(where, value.anchor.name) };
    if (isScalar(value) && value.value === null) return edited(file, fillNull(file, entry, rest, flow));
    // An empty `{}` in a block file (the new file's `resources: {}`) becomes a block, as a null would.
    if (!flow && isMap(value) && !value.fromTag && value.entries.length === 0 && text[value.start] === '{')
      return edited(file, fillNull(file, entry, rest, flow));
    if (!isMap(value) || value.fromTag) return { refused: `${where} is not a map.` };
    node = value;
    flow ||= text[value.start] === '{';
  }
  const edits: Edit[] = [];
  const missing: Block = {};
  for (const [key, wanted] of Object.entries(values)) {
    const entry = getEntry(node, key);
    if (!entry) {
      missing[key] = wanted;
      continue;
    }
    const value = entry.value;
    const where = [...path, key].join('.');
    if (typeof wanted === 'object') return { refused: `${where} is already written.` };
    if (value.anchor?.alias) edits.push({ start: value.anchor.start, end: value.anchor.end, text: scalar(wanted) });
    else if (value.anchor?.used) return { refused: sharedAnchor(where, value.anchor.name) };
    else if (!isScalar(value)) return { refused: `${where} is not a single value.` };
    else if (value.start === value.end) {
      // Nothing after the colon (or a comment): the value goes there, apart from the comment.
      const before = text[value.start - 1];
      if (before !== ':' && before !== ' ' && before !== '\t') return { refused: `${where} is not a single value.` };
      edits.push({ start: value.start, end: value.end, text: `${before === ':' ? ' ' : ''}${scalar(wanted)}${text[value.start] === '#' ? ' ' : ''}` });
    } else edits.push({ start: value.start, end: value.end, text: scalar(wanted) });
  }
  if (Object.keys(missing).length > 0) {
    const insert = insertInto(file, node, missing, flow);
    if ('refused' in insert) return insert;
    edits.push(...insert);
  }
  return edited(file, edits);
}

function sharedAnchor(where: string, name: string): string {
  return `${where} is the YAML anchor &${name}, which other entries use through aliases; changing it would change them too. Write the entry out, then save again.`;
}

function edited(file: YamlFile, edits: Edit[] | { refused: string }): UsageWrite {
  if ('refused' in edits) return edits;
  let out = file.text;
  // From the end; of two edits at one place, the one made first ends up first (a value, then the lines after it).
  const order = edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.i - a.i);
  for (const { edit } of order) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out };
}

/** New entries in a map: in a flow map before the first entry (or inside `{}`), in a block map after the last one. */
function insertInto(file: YamlFile, map: MapNode, entries: Block, flow: boolean): Edit[] | { refused: string } {
  const { text } = file;
  const first = map.entries[0];
  if (flow || text[map.start] === '{') {
    const inner = flowEntries(entries);
    if (!first)
      return text[map.start] === '{'
        ? [{ start: map.start + 1, end: map.start + 1, text: inner }]
        : { refused: 'the file has an empty map Crossover cannot extend.' };
    return [{ start: first.keyNode.start, end: first.keyNode.start, text: `${inner}, ` }];
  }
  if (!first) return { refused: 'the file has an empty map Crossover cannot extend.' };
  const indent = indentOf(file, first.keyNode.start);
  if (indent === undefined) return { refused: 'the file is laid out in a way Crossover does not extend (a map inside a list).' };
  const at = lineEnd(file, contentEnd(file.doc, map));
  return [{ start: at, end: at, text: file.eol + block(entries, indent, file) }];
}

/** `key:` with nothing (or `~`) after it: the value goes below the key as a block, or in its place in a flow map. */
function fillNull(file: YamlFile, entry: MapEntry, value: Block, flow: boolean): Edit[] | { refused: string } {
  const { text } = file;
  const target = entry.value;
  if (flow) {
    if (target.start < target.end) return [{ start: target.start, end: target.end, text: flowBlock(value) }];
    return [{ start: target.start, end: target.start, text: `${text[target.start - 1] === ':' ? ' ' : ''}${flowBlock(value)}` }];
  }
  const indent = indentOf(file, entry.keyNode.start);
  if (indent === undefined) return { refused: 'the file is laid out in a way Crossover does not extend (a map inside a list).' };
  const edits: Edit[] = [];
  // An explicit null (`~`, `null`) goes, with the space before it.
  if (target.start < target.end) edits.push({ start: text[target.start - 1] === ' ' ? target.start - 1 : target.start, end: target.end, text: '' });
  const at = lineEnd(file, Math.max(target.end, entry.keyNode.end));
  edits.push({ start: at, end: at, text: file.eol + block(value, indent + file.unit, file) });
  return edits;
}

function nest(path: string[], values: Block): Block {
  return path.reduceRight<Block>((inner, key) => ({ [key]: inner }), values);
}

/** Block lines at `indent` spaces, joined by the file's line break (no break after the last). */
function block(entries: Block, indent: number, file: YamlFile): string {
  const lines: string[] = [];
  const walk = (b: Block, depth: number) => {
    for (const [key, value] of Object.entries(b)) {
      const pad = ' '.repeat(depth);
      if (typeof value === 'object') {
        lines.push(`${pad}${flowScalar(key)}:`);
        walk(value, depth + file.unit);
      } else lines.push(`${pad}${flowScalar(key)}: ${scalar(value)}`);
    }
  };
  walk(entries, indent);
  return lines.join(file.eol);
}

function flowEntries(entries: Block): string {
  return Object.entries(entries)
    .map(([key, value]) => `${flowScalar(key)}: ${typeof value === 'object' ? flowBlock(value) : scalar(value)}`)
    .join(', ');
}

function flowBlock(entries: Block): string {
  return `{${flowEntries(entries)}}`;
}

function scalar(value: Scalar): string {
  return typeof value === 'number' ? String(value) : flowScalar(value);
}

/** The column of a key that starts its line (after spaces only), else undefined. */
function indentOf(file: YamlFile, keyStart: number): number | undefined {
  let lineStart = keyStart - file.doc.lines.positionAt(keyStart).character;
  if (lineStart === 0 && file.text.charCodeAt(0) === 0xfeff) lineStart = 1;
  for (let i = lineStart; i < keyStart; i++) if (file.text[i] !== ' ') return undefined;
  return keyStart - lineStart;
}

/** The end of the line holding `offset`, before its line break (LF or CRLF: what the YAML parser breaks lines at). */
function lineEnd(file: YamlFile, offset: number): number {
  const lf = file.text.indexOf('\n', offset);
  if (lf < 0) return file.text.length;
  return file.text[lf - 1] === '\r' ? lf - 1 : lf;
}

/** How many spaces the file indents a level: from the first nested block map, else 2. */
function indentUnit(doc: LoadedDocument): number {
  const root = doc.root;
  if (!isMap(root)) return 2;
  for (const entry of root.entries) {
    const value = entry.value;
    if (!isMap(value) || value.anchor?.alias || value.fromTag || value.entries.length === 0 || doc.text[value.start] === '{') continue;
    const step = doc.lines.positionAt(value.entries[0]!.keyNode.start).character - doc.lines.positionAt(entry.keyNode.start).character;
    if (step > 0) return step;
  }
  return 2;
}

/** The file's line break: its first one, LF or CRLF (what the YAML and JSON parsers break lines at). */
function firstLineBreak(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

// ---- JSON ------------------------------------------------------------------------------------------------

function writeJson(text: string, id: string, figures: Block, region: string | undefined): UsageWrite {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const eol = firstLineBreak(body);
  let out = body.trim() === '' ? '{}' : body;
  const errors: ParseError[] = [];
  const tree = parseTree(out, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const line = new LineIndex(out).positionAt(errors[0]!.offset).line + 1;
    const what = printParseErrorCode(errors[0]!.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { refused: `the file has a JSON error on line ${line} (${what}); correct it, then save again.` };
  }
  if (tree?.type !== 'object') return { refused: 'the file is not a JSON object of region, defaults and resources.' };
  const formatting = { ...jsonIndentation(body), eol };
  const set = (path: string[], value: unknown) => {
    out = setFormatted(out, path, value, formatting);
  };
  if (region !== undefined) set(['region'], region);
  const resources = findNodeAtLocation(tree, ['resources']);
  const entry = findNodeAtLocation(tree, ['resources', id]);
  if (!resources || resources.type === 'null') set(['resources'], { [id]: figures });
  else if (resources.type !== 'object') return { refused: 'resources is not an object.' };
  else if (!entry || entry.type === 'null') set(['resources', id], figures);
  else if (entry.type !== 'object') return { refused: `resources.${id} is not an object.` };
  else for (const [key, value] of Object.entries(figures)) set(['resources', id, key], value);
  if (body.trim() === '' && !out.endsWith(eol)) out += eol;
  return { text: bom + out };
}

/**
 * `modify`, with only what it writes laid out in the file's style. (Its own formatting lays out whole lines
 * around an insertion, which rewrites a neighbour written on one line, `"Other": { ... }`.) What goes into an
 * object written on one line stays on that line.
 */
function setFormatted(text: string, path: string[], value: unknown, formatting: FormattingOptions): string {
  const parent = findNodeAtLocation(parseTree(text)!, path.slice(0, -1));
  const inline = parent !== undefined && !/[\r\n]/.test(text.slice(parent.offset, parent.offset + parent.length));
  let out = text;
  for (const edit of modify(text, path, value, {}).sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
    const end = edit.offset + edit.content.length;
    const layout = format(out, { offset: edit.offset, length: edit.content.length }, { ...formatting, keepLines: false }).filter(
      (e) => e.offset >= edit.offset && e.offset + e.length <= end,
    );
    const laidOut = applyEdits(out, layout);
    const newEnd = end + laidOut.length - out.length;
    const written = laidOut.slice(edit.offset, newEnd);
    out = laidOut.slice(0, edit.offset) + (inline ? written.replace(/(\r\n|\r|\n)[ \t]*/g, ' ') : written) + laidOut.slice(newEnd);
  }
  return out;
}

/** The file's indentation: a tab, or the spaces of its first indented line (2 when none is). */
function jsonIndentation(text: string): { insertSpaces: boolean; tabSize: number } {
  const first = /[\r\n]([ \t]+)\S/.exec(text)?.[1];
  if (first?.startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: first ? first.length : 2 };
}
