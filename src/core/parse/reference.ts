/**
 * What a host's reader gives for a file another file refers to (`${file(...)}` in serverless.yml, the modules a
 * CDK app imports consts from). Kept free of imports: the TypeScript and Python readers are bundles of their own.
 */

/**
 * A file the host would not read, with the reason the user is shown: "it is outside the workspace folder".
 * Different from undefined (no such file, unreadable, not a file the rules allow), which parsers treat as an
 * unknown value: a refusal is reported on the line that asked for the file.
 */
export interface Refusal {
  refused: string;
}

/** A referenced file as a host's reader gives it: the text, a refusal, or undefined. */
export type ReferencedFile = string | Refusal | undefined;

/** Reads another file of the project (relative to the file that refers to it). */
export type FileReader = (relativePath: string) => ReferencedFile;

export function isRefusal(read: unknown): read is Refusal {
  return typeof read === 'object' && read !== null && typeof (read as Partial<Refusal>).refused === 'string';
}
