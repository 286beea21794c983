/**
 * What the CLI writes is read in terminals and CI logs, and it quotes text from the files it reads (ids,
 * values, paths). A control character in that text (ESC starting a terminal sequence that retitles the
 * window, rewrites earlier lines or hides text, a carriage return, a C1 control, a bidirectional override)
 * must not act on the reader's terminal: each is written as a `\uXXXX` escape instead. That is also what
 * JSON means by it, so JSON and SARIF output stay valid and say the same; our own line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
