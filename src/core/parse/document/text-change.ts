/**
 * Where a document's new version differs from its last: the readers that reuse what they read of the last version
 * (reuse.ts for YAML, the TypeScript reader's incremental parse) start from it.
 */

/** Compared a block at a time (substrings share the text's memory), then a character at a time. */
const BLOCK = 256;

/** Where `text` differs from `old`: old[from, oldTo) became text[from, newTo) (the common prefix and suffix). */
export function changedSpan(old: string, text: string): { from: number; oldTo: number; newTo: number } {
  const min = Math.min(old.length, text.length);
  let from = 0;
  while (from + BLOCK <= min && old.substring(from, from + BLOCK) === text.substring(from, from + BLOCK)) from += BLOCK;
  while (from < min && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let tail = 0;
  while (
    tail + BLOCK <= min - from &&
    old.substring(old.length - tail - BLOCK, old.length - tail) === text.substring(text.length - tail - BLOCK, text.length - tail)
  )
    tail += BLOCK;
  while (tail < min - from && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { from, oldTo: old.length - tail, newTo: text.length - tail };
}
