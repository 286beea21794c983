/**
 * The rules every host's file reader follows for `${file(...)}` (the hosts own the file system; this only
 * decides what may be read): YAML or JSON data files, at most 1 MB, for serverless.yml; and, for CDK apps,
 * the TypeScript / JavaScript sources they import consts from, parsed as text (never run).
 */
export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

export function readableReference(relativePath: string): boolean {
  return /\.(ya?ml|json)$/i.test(relativePath) && !relativePath.includes('\0');
}

/** Source files a CDK app imports consts from: read as text to parse, never run. */
export function readableSource(relativePath: string): boolean {
  return (/\.[cm]?[jt]s$/i.test(relativePath) || /\.py$/i.test(relativePath)) && !/\.d\.[cm]?ts$/i.test(relativePath) && !relativePath.includes('\0');
}
