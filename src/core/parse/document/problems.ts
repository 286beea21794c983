/** A problem found while reading a document, with offsets; the engine turns these into findings. */
export interface ParseProblem {
  severity: 'error' | 'warning';
  /** Stable short code, e.g. `yaml-syntax`, `json-syntax`, `duplicate-key`, `unknown-tag`, `alias-bomb`. */
  code: string;
  message: string;
  start: number;
  end: number;
}

/** Guards shared by both syntaxes, so hostile input is cut off the same way whatever its form. */
export const DOCUMENT_LIMITS = {
  /** Deeper nesting than this is cut off (real templates stay far below 50). */
  maxDepth: 256,
  /** Alias expansion beyond this many nodes is refused (an "alias bomb"). */
  maxExpandedNodes: 1_000_000,
} as const;

/** Nesting cut off at `start` (the first place a document passes `maxDepth`), in both syntaxes' words. */
export function tooDeepProblem(start: number): ParseProblem {
  return { severity: 'error', code: 'too-deep', message: `Nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels is not analysed.`, start, end: start + 1 };
}
