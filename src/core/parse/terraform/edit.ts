/**
 * Quick fixes in Terraform's own syntax. A rule asks for a CloudFormation property of a resource
 * (`Properties.Timeout = 30`, `Metadata.crossover.ignore = [...]`); this finds the Terraform block it stands for
 * and writes `timeout = 30` (replacing a literal where it is written, or as a new line at the top of the block, a
 * nested block when needed), or the comment `# crossover:ignore <rule>` above the block. A value written as an
 * expression (`var.timeout`, `each.value.memory`), a block in another file of the folder, and a module input the
 * table does not know get no fix rather than a wrong one.
 */
import { type Range } from '../../model/location.js';
import { type LineIndex } from '../document/lines.js';
import { type SetRequest } from '../document/load.js';
import { tfPathOf } from './resources.js';
import { type Attribute, type Block, type Body, type Comment } from './syntax.js';
import { type Declared } from './translate.js';
import { MODULE_INPUTS } from './modules.js';

export interface EditContext {
  text: string;
  lines: LineIndex;
  declared: Map<string, Declared>;
  comments: Comment[];
  /** `json` for .tf.json files. */
  syntax?: 'hcl' | 'json';
}

type Edit = { range: Range; newText: string };

export function hclEdit(ctx: EditContext, set: SetRequest): Edit | undefined {
  const [section, address, ...below] = set.path;
  if (section !== 'Resources' || typeof address !== 'string') return undefined;
  const declared = ctx.declared.get(address);
  if (!declared) return undefined;
  const { block } = declared;
  // Only the analysed file is edited (the other files of the folder are fixed where they are analysed).
  if (block.end > ctx.text.length) return undefined;
  if (below.length === 0 && set.keys[0] === 'Metadata') return ignoreComment(ctx, block, set.value);
  if (below[0] !== 'Properties' || below.slice(1).some((s) => typeof s !== 'string')) return undefined;
  const cfnKeys = [...(below.slice(1) as string[]), ...set.keys];
  const tf = declared.tfType === 'module' ? moduleInput(block, cfnKeys) : tfPathOf(declared.tfType, cfnKeys);
  if (!tf || tf.path.length === 0) return undefined;
  return setAttribute(ctx, block.body, block, tf.path, set.value);
}

function moduleInput(block: Block, cfnKeys: string[]): { path: string[] } | undefined {
  const wanted = cfnKeys.join('.');
  const source = block.body.attributes.find((a) => a.name === 'source');
  const text = source?.value.kind === 'literal' ? String(source.value.value) : '';
  for (const [pattern, inputs] of MODULE_INPUTS) {
    if (!pattern.test(text)) continue;
    for (const [name, cfn] of Object.entries(inputs)) if (cfn === wanted) return { path: [name] };
  }
  return undefined;
}

function setAttribute(ctx: EditContext, body: Body, block: Block, path: string[], value: unknown): Edit | undefined {
  const [name, ...rest] = path;
  if (!name) return undefined;
  if (rest.length > 0) {
    // A nested block (`ephemeral_storage { size = ... }`): into it when written, else a new block.
    const inner = body.blocks.filter((b) => b.type === name);
    if (inner.length > 1) return undefined;
    if (inner[0]) return setAttribute(ctx, inner[0].body, inner[0], rest, value);
    const rendered = render(value, ctx.syntax);
    if (rendered === undefined || ctx.syntax === 'json') return undefined;
    return insert(ctx, body, block, (indent, step) => nestedBlock([name, ...rest], rendered, indent, step));
  }
  const existing = [...body.attributes].reverse().find((a) => a.name === name);
  const rendered = render(value, ctx.syntax);
  if (rendered === undefined) return undefined;
  if (existing) return replace(ctx, existing, rendered);
  return insert(ctx, body, block, (indent) => `${indent}${ctx.syntax === 'json' ? JSON.stringify(name) + ':' : name + ' ='} ${rendered}`);
}

/** Replaces a value written as a literal (a number, a string, a list of them); an expression is left alone. */
function replace(ctx: EditContext, attribute: Attribute, rendered: string): Edit | undefined {
  const v = attribute.value;
  const literal = v.kind === 'literal' || (v.kind === 'tuple' && v.items.every((i) => i.kind === 'literal'));
  if (!literal || v.end > ctx.text.length) return undefined;
  return { range: ctx.lines.range(v.start, v.end), newText: rendered };
}

/** A new line at the top of the block's body, indented as its first line is (or two spaces past the block). */
function insert(ctx: EditContext, body: Body, block: Block, line: (indent: string, step: string) => string): Edit | undefined {
  const text = ctx.text;
  if (block.open > text.length || block.open <= block.start) return undefined;
  const blockLine = ctx.lines.positionAt(block.start);
  const blockIndent = /^[ \t]*/.exec(text.slice(block.start - blockLine.character))![0];
  const first = [...body.attributes.map((a) => a.span.start), ...body.blocks.map((b) => b.start)].sort((a, b) => a - b)[0];
  let indent = blockIndent + '  ';
  if (first !== undefined && first <= text.length) {
    const at = ctx.lines.positionAt(first);
    const lead = text.slice(first - at.character, first);
    if (/^[ \t]*$/.test(lead) && at.line > blockLine.line) indent = lead;
  }
  const step = indent.length > blockIndent.length ? indent.slice(blockIndent.length) : '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comma = ctx.syntax === 'json' ? ',' : '';
  // `resource "x" "y" {}` on one line: the body opens on a line of its own.
  const sameLine = text.slice(block.open, block.close).trim() === '' && !text.slice(block.open, block.close).includes('\n');
  if (sameLine) {
    if (ctx.syntax === 'json') return { range: ctx.lines.range(block.open, block.open), newText: `${eol}${line(indent, step)}${eol}${blockIndent}` };
    return { range: ctx.lines.range(block.open, block.close), newText: `${eol}${line(indent, step)}${eol}${blockIndent}` };
  }
  return { range: ctx.lines.range(block.open, block.open), newText: `${eol}${line(indent, step)}${first !== undefined ? comma : ''}` };
}

function nestedBlock(path: string[], rendered: string, indent: string, step: string): string {
  const [name, ...rest] = path;
  if (rest.length === 0) return `${indent}${name} = ${rendered}`;
  return `${indent}${name} {\n${nestedBlock(rest, rendered, indent + step, step)}\n${indent}}`;
}

/** A value in HCL (or JSON for .tf.json): numbers, booleans, strings (with `${` escaped), lists of them. */
function render(value: unknown, syntax: EditContext['syntax']): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return syntax === 'json' ? json : json.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => render(v, syntax));
    return items.every((i): i is string => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  return undefined;
}

/** `# crossover:ignore a b` above the block (the existing one rewritten when there is one). */
function ignoreComment(ctx: EditContext, block: Block, value: unknown): Edit | undefined {
  if (ctx.syntax === 'json' || !Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  const ids = (value as string[]).join(' ');
  const text = ctx.text;
  const existing = ctx.comments.find(
    (c) => c.text.includes('crossover:ignore') && c.end <= text.length && ((c.start >= block.start && c.end <= block.end) || isLineAbove(text, c, block.start)),
  );
  const marker = existing?.text.startsWith('//') ? '//' : '#';
  if (existing) return { range: ctx.lines.range(existing.start, existing.end), newText: `${marker} crossover:ignore ${ids}` };
  const at = ctx.lines.positionAt(block.start);
  const lineStart = block.start - at.character;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: ctx.lines.range(lineStart, lineStart), newText: `${indent}# crossover:ignore ${ids}${eol}` };
}

function isLineAbove(text: string, comment: Comment, blockStart: number): boolean {
  const between = text.slice(comment.end, blockStart);
  return between.length < 1000 && /^[ \t]*\r?\n[ \t]*$/.test(between);
}
