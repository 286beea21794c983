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

export interface Repaired {
  text: string;
  /** Maps an offset in `text` to the offset in the original document. */
  toOriginal(offset: number): number;
}

type State = { kind: 'plain' } | { kind: 'flow'; depth: number; base: number; quote?: string } | { kind: 'quote'; quote: string; base: number } | { kind: 'block'; parent: number };

export function repairFlowIndentation(text: string): Repaired | undefined {
  const lines = text.split(/(?<=\n)/);
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

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Column where the line's node starts, past any "- " sequence indicators. */
function contentColumn(line: string): number {
  let i = leadingSpaces(line);
  while (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
    i += 2;
    while (line[i] === ' ') i++;
  }
  return i;
}

function scanLine(line: string, start: State): State {
  let state = start;
  const base = contentColumn(line);
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (state.kind === 'quote' || (state.kind === 'flow' && state.quote)) {
      const quote = state.kind === 'quote' ? state.quote : state.quote!;
      if (quote === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") {
          i++;
          continue;
        }
        state = state.kind === 'quote' ? { kind: 'plain' } : { kind: 'flow', depth: state.depth, base: state.base };
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (state.kind === 'flow') {
      if (c === '"' || c === "'") state = { ...state, quote: c };
      else if (c === '[' || c === '{') state = { ...state, depth: state.depth + 1 };
      else if (c === ']' || c === '}') state = state.depth <= 1 ? { kind: 'plain' } : { ...state, depth: state.depth - 1 };
      continue;
    }
    // Plain context: only a value's first character can open a flow collection, a quote or a block scalar.
    if (!startsValue(line, i)) continue;
    if (c === '[' || c === '{') state = { kind: 'flow', depth: 1, base };
    else if (c === '"' || c === "'") state = { kind: 'quote', quote: c, base };
    else if ((c === '|' || c === '>') && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i).trimEnd())) return { kind: 'block', parent: leadingSpaces(line) };
  }
  return state;
}

/** Is position i the first character of a value: line start, or after ": ", "- ", "? ", or a tag? */
function startsValue(line: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && line[j] === ' ') j--;
  if (j < 0) return true;
  const prev = line[j]!;
  if ((prev === ':' || prev === '-' || prev === '?') && j < i - 1) return true;
  // A tag such as `!Sub '...'`: the previous word starts with '!'.
  let k = j;
  while (k >= 0 && line[k] !== ' ') k--;
  return line[k + 1] === '!' && j < i - 1;
}
