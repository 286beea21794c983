/**
 * The rules every host's file reader follows for `${file(...)}` (the hosts own the file system; this only
 * decides what may be read): YAML or JSON data files, at most 1 MB, for serverless.yml; and, for CDK apps,
 * the TypeScript / JavaScript sources they import consts from, parsed as text (never run), and the dependency lists
 * and lock files that say which aws-cdk-lib version they use; for Terraform, the other files of the folder.
 */
import { decodeBytes } from '../document/load.js';
import { isRefusal, type FileReader, type Refusal } from '../reference.js';

export { type FileReader } from '../reference.js';

export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

function readableReference(relativePath: string): boolean {
  return /\.(ya?ml|json)$/i.test(relativePath) && !relativePath.includes('\0');
}

/** Source files a CDK app imports consts from: read as text to parse, never run. */
function readableSource(relativePath: string): boolean {
  return (/\.[cm]?[jt]s$/i.test(relativePath) || /\.py$/i.test(relativePath)) && !/\.d\.[cm]?ts$/i.test(relativePath) && !relativePath.includes('\0');
}

/** A CDK app's dependency lists and lock files that are not YAML or JSON (the aws-cdk-lib version its defaults depend on). */
const DEPENDENCY_FILES = new Set(['yarn.lock', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'poetry.lock', 'uv.lock']);

function readableDependencyFile(relativePath: string): boolean {
  return DEPENDENCY_FILES.has(relativePath.split('/').pop() ?? '') && !relativePath.includes('\0');
}

/** The files of a Terraform folder (read as text to parse, never run), for a .tf file. */
function readableTerraform(relativePath: string): boolean {
  return /\.(tf|tfvars)(\.json)?$/i.test(relativePath) && !relativePath.includes('\0');
}

/**
 * A host's reader for the files `from` refers to, under the rules above. `readBytes` gets the path as
 * written (relative to `from`'s folder) and returns the bytes (from disk, from a git revision), a refusal
 * (the file is outside the folder reads stay in), or undefined; it may refuse files above
 * MAX_REFERENCED_FILE_BYTES before reading them.
 */
export function referenceReader(from: string, readBytes: (relativePath: string) => Uint8Array | Refusal | undefined): FileReader {
  const sources = /\.([cm]?[jt]s|py)$/i.test(from);
  const terraform = /\.tf(\.json)?$/i.test(from);
  return (relativePath) => {
    if (
      !readableReference(relativePath) &&
      !(sources && (readableSource(relativePath) || readableDependencyFile(relativePath))) &&
      !(terraform && readableTerraform(relativePath))
    )
      return undefined;
    const bytes = readBytes(relativePath);
    if (isRefusal(bytes)) return bytes;
    if (!bytes || bytes.length > MAX_REFERENCED_FILE_BYTES) return undefined;
    const decoded = decodeBytes(bytes);
    return decoded.kind === 'text' ? decoded.text : undefined;
  };
}
