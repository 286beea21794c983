/**
 * Which files the workspace scan and the file watcher leave out. `workspace.findFiles` drops the user's
 * `files.exclude` as soon as an exclude pattern is passed, so both are merged into one `{a,b,...}` group;
 * the watcher has no exclude option at all, so its events are matched here with the same patterns.
 */

import { SKIPPED_FOLDER_NAMES } from '../../core/index.js';

/** Folders that hold dependencies, build output or tool state, never templates a person edits. */
export const ALWAYS_EXCLUDED = SKIPPED_FOLDER_NAMES.map((name) => `**/${name}/**`);

/** `a/{b,c}/*.{d,e}` -> the four patterns without groups (VS Code globs do not nest groups). */
export function expandGroups(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  const close = pattern.indexOf('}', open);
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern
    .slice(open + 1, close)
    .split(',')
    .flatMap((choice) => expandGroups(head + choice + tail));
}

/**
 * The user's `files.exclude` patterns that are switched on. Values are `true`, `false` or `{when: ...}`;
 * sibling conditions (`when`) need the folder listing, so those entries are not applied here.
 * Patterns are relative to the workspace folder, as in VS Code: `build` is the top-level folder only,
 * `**\/build` is any folder of that name.
 */
export function userExcludes(filesExclude: Record<string, unknown> | undefined): string[] {
  return Object.entries(filesExclude ?? {})
    .filter(([pattern, value]) => value === true && pattern.trim() !== '')
    .flatMap(([pattern]) => expandGroups(pattern.replace(/^\.?\//, '')));
}

/**
 * The exclude glob for `findFiles`. A pattern that names a folder must also exclude what is inside it
 * (findFiles matches file paths), hence the `/**` twin of every user pattern.
 */
export function excludeGlob(filesExclude: Record<string, unknown> | undefined): string {
  const user = userExcludes(filesExclude).flatMap((pattern) => (pattern.endsWith('/**') ? [pattern] : [pattern, `${pattern}/**`]));
  return `{${[...new Set([...ALWAYS_EXCLUDED, ...user])].join(',')}}`;
}

/** A VS Code glob as a RegExp over a `/`-separated relative path: `**`, `*`, `?`, `{a,b}`, `[abc]`, `[!abc]`. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${translate(glob)}$`);
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob.charAt(i + 1) === '*') {
      i++;
      // `**/` may match no folder at all (`**/a` matches `a`); a trailing `**` matches anything.
      if (glob.charAt(i + 1) === '/') {
        i++;
        out += '(?:.*/)?';
      } else {
        out += '.*';
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{' && glob.indexOf('}', i) > i) {
      const close = glob.indexOf('}', i);
      out += `(?:${glob
        .slice(i + 1, close)
        .split(',')
        .map(translate)
        .join('|')})`;
      i = close;
    } else if (c === '[' && glob.indexOf(']', i + 1) > i + 1) {
      const close = glob.indexOf(']', i + 1);
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return out;
}

/**
 * Tells whether a workspace-relative path is excluded, for watcher events: the fixed folders and the
 * user's `files.exclude`, matched against the path and each folder above it (an excluded folder hides
 * everything inside, as in the explorer).
 */
export function excludeMatcher(filesExclude: Record<string, unknown> | undefined): (relativePath: string) => boolean {
  const patterns = [...ALWAYS_EXCLUDED, ...userExcludes(filesExclude)].map(globToRegExp);
  return (relativePath) => {
    const parts = relativePath.replace(/\\/g, '/').split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (patterns.some((p) => p.test(prefix))) return true;
    }
    return false;
  };
}
