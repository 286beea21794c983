/**
 * Text from a workspace file (resource ids, names, paths, values, messages that quote them) on its way into
 * Markdown (hovers, reports, a pull-request comment) or into the editor's other renderers. Every place that
 * puts such text into Markdown goes through these, so a file can never add a link, an image, HTML or a command.
 */

/**
 * Inline Markdown text that shows exactly `text`, with line breaks as spaces. Backslash-escaped (renderers show
 * the character itself): everything that opens emphasis, code, strikethrough, links, images, HTML, entities,
 * table cells or math (`\ * _ ~ ` [ ] < & | $ !`), what turns text into a link in GFM and linkify (`.`, `:`,
 * `/`, `@`: no URL, `www.`, bare domain or e-mail address survives), and at the start, what opens a block
 * (`#`, `+`, `-`, `=`, `>`, `1)`). The rest (`-` in `us-east-1`, parentheses, quotes) cannot start anything
 * once those are escaped, so it stays as it is.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_~[\]<&|$!.:/@]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)\)/, '$1\\)');
}

/**
 * A code span that shows `text` as written, whatever backticks it holds (the fence is one longer than its
 * longest run of backticks). `table`: the span sits in a table cell, whose pipes GFM splits on before it
 * reads code spans, so they are escaped (GFM shows `\|` in a cell as `|`).
 */
export function mdCode(text: string, { table = false }: { table?: boolean } = {}): string {
  let content = text.replace(/\r\n?|\n/g, ' ');
  if (table) content = content.replace(/\|/g, '\\|');
  if (!content) return '';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on each side is dropped by the renderer; it keeps a backtick at either end from joining the fence.
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A `command:` link target with its arguments as JSON, percent-encoded entirely (also `(`, `)`, `'`, `!`, `*`,
 * which encodeURIComponent leaves), so no argument can end the link destination or add one.
 */
export function commandUri(command: string, args: readonly unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}

/** Text for labels VS Code renders `$(icon)` in (Quick Pick items, CodeLens titles, the status bar): shown as written. */
export function plainLabel(text: string): string {
  return text.replace(/\$\(/g, '\\$(').replace(/\r\n?|\n/g, ' ');
}

/**
 * Text for a notification (`showInformationMessage`...), which turns `[label](https://..., command:..., file:...)`
 * into a link, and runs commands from it: a bracket followed by a parenthesis is kept apart.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\(/g, '] (');
}
