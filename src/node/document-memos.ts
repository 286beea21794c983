/**
 * (Node hosts.) What the engine thread keeps of the documents being typed in, so the next version of each is read
 * faster (src/core/parse/document/reuse.ts): a memo per document, for the last few documents only (each holds its
 * text and tree).
 */
import { DocumentMemo } from '../core/index.js';

/** The documents remembered at a time (the editors being typed in). */
const REMEMBERED = 4;

export class DocumentMemos {
  private readonly memos = new Map<string, DocumentMemo>();

  /** The memo of `uri`, made when there is none; the least recently used one is dropped past REMEMBERED. */
  for(uri: string): DocumentMemo {
    const memo = this.memos.get(uri) ?? new DocumentMemo();
    this.memos.delete(uri);
    this.memos.set(uri, memo);
    if (this.memos.size > REMEMBERED) this.memos.delete(this.memos.keys().next().value!);
    return memo;
  }
}
