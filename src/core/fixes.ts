/**
 * Quick fixes that add or change a setting, whatever the document's syntax. A rule says what to set
 * (`Properties.Architectures = [arm64]` under a resource) as a `SetFix`; the engine turns it into text
 * edits against the document it parsed: it goes down the keys that exist, replaces the value of the last
 * one found, or inserts the rest (nested) as the first entry of the deepest map, in the document's style
 * (YAML block or flow, JSON). When that is not possible (a map written on one line with a tag, an empty
 * map, a value that is not a map), there is no fix rather than a wrong one.
 */
import { type Fix, type TextEdit } from './findings.js';
import { type Field } from './model/field.js';
import { type PathSegment } from './model/location.js';
import { type LambdaFunction } from './model/nodes.js';
import { type TemplateModel } from './model/template.js';
import { type LoadedDocument } from './parse/document/load.js';
import { getEntry, isMap, type MapNode, type TreeNode } from './parse/document/tree.js';

export type FixValue = string | number | boolean | FixValue[] | { [key: string]: FixValue };

/** "Set `keys` (below the map at `path`) to `value`." */
export interface SetFix {
  title: string;
  set: { path: PathSegment[]; keys: string[]; value: FixValue };
}

export function isSetFix(fix: Fix | SetFix): fix is SetFix {
  return 'set' in fix;
}

/** The edits of a SetFix in this document, or undefined when they cannot be made safely. */
export function materializeFix(doc: LoadedDocument, fix: SetFix): Fix | undefined {
  let node: TreeNode | undefined = doc.root;
  for (const segment of fix.set.path) {
    node = typeof segment === 'number' ? (node?.kind === 'seq' ? node.items[segment] : undefined) : getEntry(node, segment)?.value;
  }
  if (!isMap(node) || node.fromTag) return undefined;
  const { keys, value } = fix.set;
  for (let i = 0; i < keys.length; i++) {
    const entry = getEntry(node, keys[i]!);
    if (!entry) return edit(fix.title, insertEntry(doc, node, keys[i]!, nest(keys.slice(i + 1), value)));
    if (i < keys.length - 1 && isMap(entry.value) && !entry.value.fromTag) {
      node = entry.value;
      continue;
    }
    const replacement = render(doc, nest(keys.slice(i + 1), value));
    // A block value's range runs on to the next line: the line break stays.
    let end = entry.value.end;
    while (end > entry.value.start && /\s/.test(doc.text[end - 1]!)) end--;
    return edit(fix.title, replacement === undefined ? undefined : { range: doc.lines.range(entry.value.start, end), newText: replacement });
  }
  return undefined;
}

function edit(title: string, textEdit: TextEdit | undefined): Fix | undefined {
  return textEdit ? { title, edits: [textEdit] } : undefined;
}

function nest(keys: string[], value: FixValue): FixValue {
  return keys.reduceRight<FixValue>((inner, key) => ({ [key]: inner }), value);
}

/** A new first entry of `map`: on its own line in a block map, inline in a flow map. */
function insertEntry(doc: LoadedDocument, map: MapNode, key: string, value: FixValue): TextEdit | undefined {
  const first = map.entries[0];
  if (!first) return undefined;
  const json = doc.syntax === 'json';
  const rendered = render(doc, value);
  if (rendered === undefined) return undefined;
  const entry = `${json ? JSON.stringify(key) : key}: ${rendered}`;
  const at = first.keyNode.start;
  const lineStart = doc.text.lastIndexOf('\n', at - 1) + 1;
  const before = doc.text.slice(lineStart, at);
  const position = doc.lines.range(at, at);
  if (/^[ \t]*$/.test(before)) {
    // A block map (or JSON with a member per line): the same indentation on a new line above the first entry.
    return { range: position, newText: `${entry}${json ? ',' : ''}\n${before}` };
  }
  if (json || /[{,][ \t]*$/.test(before)) return { range: position, newText: `${entry}, ` };
  return undefined;
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
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string' && !/^[A-Za-z0-9_./-]+$/.test(value)) return JSON.stringify(value);
  return String(value);
}

/**
 * A fix that sets a function's setting where it is written: on the function, in SAM `Globals` or the
 * Serverless `provider` when it is inherited from there, or (for a default) on the function. CDK code gets
 * no such fix (its props are code).
 */
/** Key paths of one setting: below `Properties` in templates, below the function in serverless.yml. */
export interface SettingKeys {
  template: string[];
  serverless: string[];
}

export function setFunctionSetting(model: TemplateModel, fn: LambdaFunction, field: Field<unknown>, keys: SettingKeys, value: FixValue, title: string): SetFix | undefined {
  const keyPath = field.keyAt?.path;
  if (field.origin !== 'default' && keyPath && keyPath.length > 0 && typeof keyPath[keyPath.length - 1] === 'string') {
    // Where it is written (the function, Globals or provider): that key.
    return { title, set: { path: keyPath.slice(0, -1), keys: [keyPath[keyPath.length - 1] as string], value } };
  }
  if (model.format === 'sam' || model.format === 'cloudformation') return { title, set: { path: [...fn.loc.path, 'Properties'], keys: keys.template, value } };
  if (model.format === 'serverless') return { title, set: { path: fn.loc.path, keys: keys.serverless, value } };
  return undefined;
}
