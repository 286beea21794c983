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
