/**
 * The rules every host's file reader follows for `${file(...)}` (the hosts own the file system; this only
 * decides what may be read): YAML or JSON data files, at most 1 MB. Code files are never read (they would
 * have to run).
 */
export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

export function readableReference(relativePath: string): boolean {
  return /\.(ya?ml|json)$/i.test(relativePath) && !relativePath.includes('\0');
}
