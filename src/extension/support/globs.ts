/**
 * The exclude glob for the workspace scan. `workspace.findFiles` drops the user's `files.exclude` as soon
 * as an exclude pattern is passed, so both are merged into one `{a,b,...}` group. VS Code globs do not
 * nest groups, so user patterns that contain a group are expanded first.
 */

/** Folders that hold dependencies, build output or tool state, never templates a person edits. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/cdk.out/**', '**/.aws-sam/**', '**/.serverless/**'];

/** `a/{b,c}/*.{d,e}` -> the four patterns without groups (groups are not nested in VS Code globs). */
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

/** `files.exclude` values are `true`, `false` or `{when: ...}` (sibling conditions cannot be applied here). */
export function excludeGlob(filesExclude: Record<string, unknown> | undefined): string {
  const user = Object.entries(filesExclude ?? {})
    .filter(([, value]) => value === true)
    .flatMap(([pattern]) => expandGroups(pattern))
    .map((pattern) => (pattern.startsWith('**/') || pattern.startsWith('/') ? pattern : `**/${pattern}`));
  return `{${[...new Set([...ALWAYS_EXCLUDED, ...user])].join(',')}}`;
}

/** Does a workspace-relative path lie in one of the always-excluded folders? (For watcher events.) */
export function inExcludedFolder(path: string): boolean {
  return /(^|[\\/])(node_modules|\.git|cdk\.out|\.aws-sam|\.serverless)([\\/]|$)/.test(path);
}
