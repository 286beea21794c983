import { type SourceLocation } from './location.js';

/**
 * Where an effective value came from:
 * - `explicit`: written on the resource itself;
 * - `globals`: inherited from SAM `Globals` (later: a serverless.yml provider default);
 * - `default`: not written anywhere, so the service default applies.
 */
export type Origin = 'explicit' | 'globals' | 'default';

/**
 * One setting of a resource, after Globals and defaults. `value` is undefined when it is not known
 * statically (a `Ref` to a parameter without a default, an `Fn::If`, ...); `unresolved` then says why.
 */
export interface Field<T> {
  value: T | undefined;
  origin: Origin;
  /** The value node: on the resource (explicit) or in Globals (globals). Absent for defaults. */
  at?: SourceLocation;
  /** The key node of the same entry. */
  keyAt?: SourceLocation;
  /** Why the value is not static, in words a user understands (e.g. "!Ref MemoryParam has no Default"). */
  unresolved?: string;
  /**
   * Set when a static value came through an intrinsic function rather than a literal, e.g.
   * "!Ref WorkerTimeout (parameter default)". Messages can say so, and quick fixes must not overwrite it.
   */
  via?: string;
  /**
   * CDK: the value is a dotted name written as it is at `at` (`lambda.Runtime.PYTHON_3_9`, not through a constant or
   * another file), here as written. A fix may rewrite its last member; nothing else in code is rewritten.
   */
  written?: string;
}

/** True when the field was written as a literal on the resource, so a quick fix may replace the text. */
export function isLiteral(field: Field<unknown>): boolean {
  return field.origin === 'explicit' && field.at !== undefined && field.via === undefined && field.value !== undefined;
}

export function defaultField<T>(value: T | undefined): Field<T> {
  return { value, origin: 'default' };
}
