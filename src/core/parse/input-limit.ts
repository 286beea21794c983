/**
 * Thrown by a reader when its input is beyond what it can read safely (today: code nested deeper than the
 * TypeScript parser's stack allows). That is a known limit, not a bug: the engine reports it as a
 * `parse-error` at `offset`, where any other exception becomes an `internal-error`. Recognised by its name,
 * because the readers are bundled apart (dist/typescript-reader.js has its own copy of this class).
 */
export class InputLimitError extends Error {
  override readonly name = 'InputLimitError';

  constructor(
    message: string,
    /** Where in the text the limit was reached (0 when it is not known). */
    readonly offset: number,
  ) {
    super(message);
  }
}

export function isInputLimit(error: unknown): error is InputLimitError {
  return error instanceof Error && error.name === 'InputLimitError' && typeof (error as { offset?: unknown }).offset === 'number';
}

/** Did the JavaScript engine run out of stack? (V8: "Maximum call stack size exceeded".) */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
