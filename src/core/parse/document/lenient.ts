/**
 * CloudFormation reads YAML more leniently than the YAML 1.2 spec: the continuation lines of a
 * multi-line flow collection or quoted scalar may sit at (or left of) their key's column, e.g.
 *
 *     CustomStatements: [{
 *       "Effect": "Allow"
 *     }]                 <- YAML 1.2 wants this indented past "CustomStatements"
 *
 * Real templates rely on it. This pass indents such lines just enough, so the strict parser reads the
 * document the way CloudFormation does, and keeps a map from the repaired offsets back to the original
 * ones so every position still points into the user's text. Leading whitespace inside flow collections
 * and folded quoted scalars is insignificant, so values do not change.
 */

interface Repaired {
  text: string;
  /** Maps an offset in `text` to the offset in the original document. */
  toOriginal(offset: number): number;
}

type State =
  | { kind: 'plain' }
  | { kind: 'flow'; depth: number; base: number; quote?: string }
  | { kind: 'quote'; quote: string; base: number }
  | { kind: 'block'; parent: number };

export function repairFlowIndentation(text: string): Repaired | undefined {
  const lines = splitLines(text);
  let state: State = { kind: 'plain' };
  const out: string[] = [];
  // (repaired offset where an insertion happened, total inserted up to and including it)
  const inserts: { at: number; total: number }[] = [];
  let repairedOffset = 0;
  let inserted = 0;

  for (const raw of lines) {
    let line = raw;
    const indent = leadingSpaces(line);
    const blank = line.trim() === '';
    if (state.kind === 'block') {
      if (blank || indent > state.parent) {
        out.push(line);
        repairedOffset += line.length;
        continue;
      }
      state = { kind: 'plain' };
    }
    if ((state.kind === 'flow' || state.kind === 'quote') && !blank && indent <= state.base) {
      const add = state.base + 1 - indent;
      line = ' '.repeat(add) + line;
      inserted += add;
      // A deeply indented opening line followed by many short lines would multiply the text: not a real template.
      if (inserted > text.length) return undefined;
      inserts.push({ at: repairedOffset + add, total: inserted });
    }
    state = scanLine(line, state);
    out.push(line);
    repairedOffset += line.length;
  }
  if (!inserts.length) return undefined;
  return {
    text: out.join(''),
    toOriginal(offset: number): number {
      // The last insertion at or before this offset tells how much was added in front of it.
      let low = 0;
      let high = inserts.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (inserts[mid]!.at <= offset) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      // Before the first insertion nothing has moved. (Offsets inside inserted spaces never start a node.)
      return found < 0 ? offset : offset - inserts[found]!.total;
    },
  };
}

/** The lines of `text`, each with its break: CRLF, LF, or a lone CR (old Mac files; VS Code counts it as a line break too). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lines.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === SPACE) n++;
  return n;
}

/** Column where the line's node starts, past any "- " sequence indicators. */
function contentColumn(line: string): number {
  let i = leadingSpaces(line);
  while (line[i] === '-' && (line.charCodeAt(i + 1) === SPACE || line.charCodeAt(i + 1) === TAB)) {
    i += 2;
    while (line.charCodeAt(i) === SPACE) i++;
  }
  return i;
}

/** Character codes the scan looks at (it reads every character of the document once). */
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const BACKSLASH = 92;
const DOUBLE = 34;
const SINGLE = 39;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;
const PIPE = 124;
const GREATER = 62;

function scanLine(line: string, start: State): State {
  let state = start;
  const base = contentColumn(line);
  const values = new ValueStarts(line);
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (state.kind === 'quote' || (state.kind === 'flow' && state.quote)) {
      const quote = (state.kind === 'quote' ? state.quote : state.quote!).charCodeAt(0);
      if (quote === DOUBLE && c === BACKSLASH) {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === SINGLE && line.charCodeAt(i + 1) === SINGLE) {
          i++;
          continue;
        }
        state = state.kind === 'quote' ? { kind: 'plain' } : { kind: 'flow', depth: state.depth, base: state.base };
      }
      continue;
    }
    if (c === HASH && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (state.kind === 'flow') {
      if (c === DOUBLE || c === SINGLE) state = { ...state, quote: line[i]! };
      else if (c === OPEN_SQUARE || c === OPEN_CURLY) state = { ...state, depth: state.depth + 1 };
      else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) state = state.depth <= 1 ? { kind: 'plain' } : { ...state, depth: state.depth - 1 };
      continue;
    }
    // Plain context: only a value's first character can open a flow collection, a quote or a block scalar.
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (values.startsValue(i)) state = { kind: 'flow', depth: 1, base };
    } else if (c === DOUBLE || c === SINGLE) {
      if (values.startsValue(i)) state = { kind: 'quote', quote: line[i]!, base };
    } else if ((c === PIPE || c === GREATER) && values.startsValue(i) && blockHeader(line, i)) return { kind: 'block', parent: leadingSpaces(line) };
  }
  return state;
}

/**
 * Is position i the first character of a value: line start, or after ": ", "- ", "? ", or a tag? Asked
 * for increasing positions of one line, it reads each character once (walking back from every position
 * made a long line quadratic).
 */
class ValueStarts {
  /** Characters before this index have been read. */
  private read = 0;
  /** The last character other than a space before `read`, and where its space-delimited word starts. */
  private lastNonSpace = -1;
  private wordStart = 0;

  constructor(private readonly line: string) {}

  startsValue(i: number): boolean {
    const line = this.line;
    for (; this.read < i; this.read++) {
      if (line.charCodeAt(this.read) === SPACE) continue;
      if (this.lastNonSpace !== this.read - 1) this.wordStart = this.read;
      this.lastNonSpace = this.read;
    }
    const j = this.lastNonSpace;
    if (j < 0) return true;
    const prev = line[j]!;
    if ((prev === ':' || prev === '-' || prev === '?') && j < i - 1) return true;
    // A tag such as `!Sub '...'`: the previous word starts with '!'.
    return line[this.wordStart] === '!' && j < i - 1;
  }
}

/** A block scalar header at i: `|` or `>`, indicators, then nothing but spaces or a comment. */
function blockHeader(line: string, i: number): boolean {
  let k = i + 1;
  while (k < line.length && /[-+0-9]/.test(line[k]!)) k++;
  while (k < line.length && /\s/.test(line[k]!)) k++;
  return k === line.length || line.charCodeAt(k) === HASH;
}
