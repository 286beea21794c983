/**
 * TypeScript's parser descends once per level of nesting, several calls deep each time, so code nested a
 * few hundred levels exhausts the stack (measured with node's default stack, cold, 1,000 frames already in
 * use: `{m(){return ` 276 levels, `function(){return ` 373, `(` 624, `[` 600, nested template literals 530).
 * Before parsing, a linear scan of the brackets (strings, template literals, comments and regular
 * expressions skipped) refuses deeper code with a finding; the rare shapes that recurse without brackets
 * (a thousand arrow functions or conditionals in a row) are caught as they overflow and reported the same way.
 * (A worker thread with a larger stack would only move the limit, and the engine is synchronous.)
 */
import ts from 'typescript';
import { InputLimitError, isStackOverflow } from '../input-limit.js';
import { type DocumentMemo } from '../document/reuse.js';
import { changedSpan } from '../document/text-change.js';

/** Brackets, braces, parentheses and `${` nest at most this deep (real code stays far below 50). */
export const MAX_NESTING = 128;

/**
 * `async (` nests at most this deep. TypeScript cannot tell an async arrow function from a call of `async` before its
 * `)`, so it parses each such parenthesis twice, and nested ones take twice as long per level: 12 levels take 70 ms,
 * 16 levels 430 ms, 18 levels 1.9 s on this project's machine (a fuzzed CDK file of 50 hung the parser). Real code
 * nests a few.
 */
export const MAX_ASYNC_NESTING = 10;

/** The syntax tree a DocumentMemo keeps of a document's last version. */
interface KeptTree {
  fileName: string;
  kind: ts.ScriptKind | undefined;
  text: string;
  source: ts.SourceFile;
}

/**
 * Parses a TypeScript/JavaScript file, or throws InputLimitError where it is nested too deeply to parse. `memo`: the
 * tree of the document's last version is parsed again for the edit only (TypeScript's incremental parser, as its
 * language service does for every keystroke), and the new tree kept in its place.
 */
export function parseSource(fileName: string, text: string, kind?: ts.ScriptKind, memo?: Pick<DocumentMemo, 'reader' | 'counts'>): ts.SourceFile {
  const deep = nestingProblem(text);
  if (deep?.kind === 'brackets') {
    throw new InputLimitError(
      `Not analysed: brackets nest deeper than ${MAX_NESTING} levels here. TypeScript's parser runs out of stack a few hundred levels deep, so the file is not parsed.`,
      deep.offset,
    );
  }
  if (deep?.kind === 'async') {
    throw new InputLimitError(
      `Not analysed: \`async (\` nests deeper than ${MAX_ASYNC_NESTING} levels here. TypeScript's parser takes twice as long for each level, so the file is not parsed.`,
      deep.offset,
    );
  }
  // Taken out first: TypeScript reuses the old tree's nodes, which must not be used again.
  const kept = memo?.reader as KeptTree | undefined;
  if (memo) memo.reader = undefined;
  try {
    const reuse = kept !== undefined && kept.fileName === fileName && kept.kind === kind;
    if (memo) memo.counts[reuse ? 'reused' : 'whole']++;
    const source = reuse
      ? ts.updateSourceFile(kept.source, text, textChange(kept.text, text))
      : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    if (memo) memo.reader = { fileName, kind, text, source } satisfies KeptTree;
    return source;
  } catch (error) {
    if (isStackOverflow(error)) throw new InputLimitError("Not analysed: the code is nested too deeply for TypeScript's parser (it ran out of stack).", 0);
    throw error;
  }
}

/** The edit from `old` to `text` as TypeScript's incremental parser takes it. */
function textChange(old: string, text: string): ts.TextChangeRange {
  const { from, oldTo, newTo } = changedSpan(old, text);
  return ts.createTextChangeRange(ts.createTextSpan(from, oldTo - from), newTo - from);
}

/* Character codes. */
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const SINGLE_QUOTE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const STAR = 42;
const SLASH = 47;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** After these words a `/` starts a regular expression, not a division. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * The offset of the first bracket that opens a level deeper than `limit`, or undefined. One pass, no
 * recursion. Unbalanced closers are ignored, so a misread never adds depth that is not there.
 */
export function excessiveNesting(text: string, limit = MAX_NESTING): number | undefined {
  return nestingProblem(text, limit)?.offset;
}

/** A parenthesis opened right after the word `async` (in `open`). */
const ASYNC_PAREN = -1;

/**
 * Where the text nests deeper than TypeScript's parser copes with: brackets deeper than `limit`, or `async (` deeper
 * than `asyncLimit`. One pass, no recursion.
 */
export function nestingProblem(text: string, limit = MAX_NESTING, asyncLimit = MAX_ASYNC_NESTING): { offset: number; kind: 'brackets' | 'async' } | undefined {
  /** Open brackets; `$` is a template literal's `${`, whose `}` goes back into the template's text. */
  const open: number[] = [];
  /** How many of `open` are ASYNC_PAREN; whether the last token was the word `async`. */
  let asyncOpen = 0;
  let afterAsync: boolean = false;
  const n = text.length;
  let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  let inTemplate = false;
  let regexAllowed = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inTemplate) {
      if (c === BACKSLASH) i += 2;
      else if (c === BACKTICK) {
        inTemplate = false;
        regexAllowed = false;
        i++;
      } else if (c === DOLLAR && text.charCodeAt(i + 1) === OPEN_BRACE) {
        open.push(DOLLAR);
        if (open.length > limit) return { offset: i, kind: 'brackets' };
        inTemplate = false;
        regexAllowed = true;
        i += 2;
      } else i++;
      continue;
    }
    const wasAsync: boolean = afterAsync;
    afterAsync = false;
    if (c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN) {
      afterAsync = wasAsync;
      i++;
    } else if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        i = lineEnd(text, i);
        afterAsync = wasAsync;
      } else if (next === STAR) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
        afterAsync = wasAsync;
      } else if (regexAllowed) {
        i = regexEnd(text, i);
        regexAllowed = false;
      } else {
        regexAllowed = true;
        i++;
      }
    } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      i = stringEnd(text, i, c);
      regexAllowed = false;
    } else if (c === BACKTICK) {
      inTemplate = true;
      i++;
    } else if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) {
      const isAsync = c === OPEN_PAREN && wasAsync;
      open.push(isAsync ? ASYNC_PAREN : c);
      if (open.length > limit) return { offset: i, kind: 'brackets' };
      if (isAsync && ++asyncOpen > asyncLimit) return { offset: i, kind: 'async' };
      regexAllowed = true;
      i++;
    } else if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      const closed = open.pop();
      if (closed === ASYNC_PAREN) asyncOpen--;
      if (closed === DOLLAR && c === CLOSE_BRACE) inTemplate = true;
      regexAllowed = false;
      i++;
    } else if (isWordChar(c)) {
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      afterAsync = i - start === 5 && text.startsWith('async', start);
      regexAllowed = i - start <= 10 && BEFORE_EXPRESSION.has(text.slice(start, i));
    } else {
      // Operators and punctuation: an expression (so possibly a regular expression) follows.
      regexAllowed = true;
      i++;
    }
  }
  return undefined;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE || c === DOLLAR || c === HASH || c > 127;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Past the closing quote (or at the end of the line, for an unterminated string). */
function stringEnd(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === quote) return i + 1;
    else if (c === LINE_FEED || c === CARRIAGE_RETURN) return i;
  }
  return text.length;
}

/** Past a regular expression literal's closing `/` (a `/` inside a character class does not close it). */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_BRACKET) inClass = true;
    else if (c === CLOSE_BRACKET) inClass = false;
    else if (c === SLASH && !inClass) return i + 1;
    else if (c === LINE_FEED || c === CARRIAGE_RETURN) return i;
  }
  return text.length;
}
