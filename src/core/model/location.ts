/** 0-based line and UTF-16 character offset, the same convention as VS Code and LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type PathSegment = string | number;

/** Where something was declared: the document, the exact range, and the path of keys that leads to it. */
export interface SourceLocation {
  uri: string;
  range: Range;
  path: PathSegment[];
}

export function rangeContains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
