/**
 * `crossover diff`: two files, two folders, or a git revision and the working tree (or a second revision)
 * -> the two sides as files with their usage files -> the core diff -> text, Markdown or JSON -> exit code.
 */
import { statSync } from 'node:fs';
import { readLocalCappedSync } from '../node/disk.js';
import { basename, dirname, join, posix, relative, resolve, sep, win32 } from 'node:path';
import {
  atLeast,
  decodeBytes,
  diffJson,
  diffMarkdown,
  type DiffReport,
  diffSides,
  diffText,
  emptyUsage,
  type FileReader,
  needsReader,
  parseUsageFile,
  percentChange,
  type PythonReader,
  type TerraformReader,
  referenceReader,
  resolveConfig,
  resolveCostSettings,
  type Side,
  type SideFile,
  signedUsd,
  USAGE_FILE_NAMES,
  type UsageFile,
  worstAdded,
} from '../core/index.js';
import { fileReaderFor, type ReadRoot } from '../node/file-reader.js';
import { checkRevision, filesAt, GitError, readAllAt, readAt, workingFiles } from '../node/git.js';
import { loadPythonReader } from '../node/python-loader.js';
import { folderFilesFor, loadTerraformReader } from '../node/terraform-loader.js';
import { loadResourceDiffer } from '../node/resource-differ-loader.js';
import { typescriptReader } from '../node/typescript-loader.js';
import { UsageError } from './args.js';
import { READ_LIMIT_BYTES } from './check.js';
import { DIFF_USAGE, parseDiffRequest, type DiffRequest } from './diff-args.js';
import { collectFiles, describe, isCandidate, rootOfFile, rootOfFolder, SKIPPED_FOLDERS } from './files.js';
import { settingsFor } from './settings.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  now?: Date;
  python?: PythonReader;
  terraform?: TerraformReader;
}

/** Where a side's files come from: a folder or one file on disk, or a git revision. Paths use forward slashes. */
interface Tree {
  label: string;
  /** Paths of the candidate files, relative to the tree's base. */
  paths: string[];
  read(path: string): Buffer | undefined;
  /** The file on disk, for disk trees (its references are read next to it, inside `root`). */
  onDisk?(path: string): { file: string; root: ReadRoot };
}

/** `crossover diff --base`: both sides are the current folder of the repository (at a revision, or on disk). */
const CURRENT_FOLDER = 'the current folder';

export async function runDiff(argv: string[], io: Io): Promise<number> {
  const request = parseDiffRequest(argv);
  if (request.command === 'diff-help') {
    io.out(DIFF_USAGE + '\n');
    return 0;
  }
  const settings = settingsFor(request, io.cwd);
  for (const warning of settings.warnings) io.err(`crossover: ${warning}\n`);
  let report: DiffReport;
  // A revision's usage files and the files its templates refer to are read from git during the diff too.
  try {
    const [before, after] = request.base !== undefined ? gitSides(request, io.cwd) : pathSides(request, io.cwd, (line) => io.err(`crossover: ${line}\n`));
    const python = io.python ?? (needs('python', before) || needs('python', after) ? await loadPythonReader() : undefined);
    const terraform = io.terraform ?? (needs('terraform', before) || needs('terraform', after) ? await loadTerraformReader() : undefined);
    const problems: string[] = [];
    const config = resolveConfig({ ...settings.config, ...(io.now ? { now: io.now } : {}) }, problems);
    const costSettings = resolveCostSettings({ ...(request.region ? { region: request.region } : {}), freeTier: request.freeTier }, problems);
    for (const problem of problems) io.err(`crossover: ${problem}\n`);
    const differ = loadResourceDiffer();
    report = diffSides(before, after, {
      config,
      settings: costSettings,
      typescript: typescriptReader,
      ...(python ? { python } : {}),
      ...(terraform ? { terraform } : {}),
      ...(differ ? { differ } : {}),
    });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`git: ${error.message}`);
    throw error;
  }
  io.out(request.format === 'json' ? diffJson(report) : request.format === 'markdown' ? diffMarkdown(report) : diffText(report));
  const reasons = failures(report, request);
  for (const reason of reasons) io.err(`crossover: ${reason}\n`);
  return reasons.length ? 1 : 0;
}

/** Why the run fails (--max-increase, --fail-on), or nothing. */
function failures(report: DiffReport, request: Pick<DiffRequest, 'maxIncrease' | 'failOn'>): string[] {
  const out: string[] = [];
  const { before, delta } = report.totals;
  const limit = request.maxIncrease;
  if (limit) {
    const over =
      'usd' in limit ? delta.deployed > limit.usd : before.deployed > 0 ? (delta.deployed / before.deployed) * 100 > limit.percent : delta.deployed > 0;
    if (over)
      out.push(
        `the monthly cost as deployed grows by ${signedUsd(delta.deployed)} (${percentChange(before.deployed, before.deployed + delta.deployed)}), more than --max-increase ${'usd' in limit ? `$${limit.usd}` : `${limit.percent}%`}`,
      );
  }
  const worst = worstAdded(report);
  if (request.failOn !== 'none' && worst && atLeast(worst, request.failOn)) {
    const n = report.findings.added.filter((f) => atLeast(f.severity, request.failOn as Exclude<typeof request.failOn, 'none'>)).length;
    out.push(`the change adds ${n} finding${n === 1 ? '' : 's'} at or above ${request.failOn}`);
  }
  return out;
}

function needs(reader: 'python' | 'terraform', side: Side): boolean {
  return side.files.some((f) => needsReader(reader, f.path, f.text));
}

// ---- two files or two folders on disk ----

/** `warn`: one line per file not read (a link that leads out of the folder given). */
function pathSides(request: DiffRequest, cwd: string, warn: (line: string) => void): [Side, Side] {
  const [a, b] = request.paths.map((p) => resolve(cwd, p)) as [string, string];
  const kinds = [a, b].map((p, i) => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'file';
    } catch (error) {
      throw new UsageError(`Cannot read ${request.paths[i]}: ${describe(error)}`);
    }
  });
  if (kinds[0] !== kinds[1]) throw new UsageError('crossover diff compares two files or two folders, not a file with a folder');
  if (kinds[0] === 'file') {
    // Both sides name the file as the after side does, so the two versions pair up.
    const name = toSlash(relative(cwd, b)) || basename(b);
    // The files named are read as given; what they refer to stays in their folder, a usage file in the folder it is looked for in.
    const single = (file: string, label: string): Side =>
      sideOf({ label, paths: [name], read: () => readDisk(file), onDisk: () => ({ file, root: rootOfFile(file) }) }, () =>
        usageIn([cwd, dirname(file)], (path) => readDisk(path, dirname(path)), join),
      );
    return [single(a, request.paths[0]!), single(b, request.paths[1]!)];
  }
  const folder = (root: string, label: string): Side => {
    const collected = collectFiles([root], cwd);
    for (const { file, reason } of collected.outside) warn(`skipped ${toSlash(relative(cwd, file))}: ${reason}`);
    const paths = [...collected.targets, ...collected.synthesized].map((t) => toSlash(relative(root, t.file))).sort();
    const read = (file: string) => readDisk(file, root);
    const tree: Tree = { label, paths, read: (path) => read(join(root, path)), onDisk: (path) => ({ file: join(root, path), root: rootOfFolder(root) }) };
    return sideOf(tree, (path) => usageIn([root, join(root, posix.dirname(path))], read, join));
  };
  return [folder(a, request.paths[0]!), folder(b, request.paths[1]!)];
}

/** `within`: the folder the file's real path must be in (else it is not read). */
function readDisk(file: string, within?: string): Buffer | undefined {
  const read = readLocalCappedSync(file, READ_LIMIT_BYTES, within);
  return read.kind === 'bytes' ? read.bytes : undefined;
}

// ---- a git revision against the working tree or another revision ----

function gitSides(request: DiffRequest, cwd: string): [Side, Side] {
  const paths = request.paths;
  const revision = (ref: string): Tree => {
    const commit = checkRevision(cwd, ref);
    const entries = filesAt(cwd, commit, paths).filter((f) => wanted(f.path));
    const files = entries.map((f) => f.path);
    const contents = readAllAt(
      cwd,
      entries.filter((f) => f.size <= READ_LIMIT_BYTES),
    );
    // The templates in one batch; files outside the listing (a usage file above the paths, files that
    // templates refer to) one by one as asked for, remembered, misses included.
    const listed = new Set(files);
    const others = new Map<string, Buffer | undefined>();
    const read = (path: string) => {
      if (listed.has(path)) return contents.get(path);
      if (!others.has(path)) others.set(path, readAt(cwd, commit, path));
      return others.get(path);
    };
    return { label: ref, paths: files, read };
  };
  const base = revision(request.base!);
  const root: ReadRoot = { folder: cwd, label: CURRENT_FOLDER };
  const head: Tree =
    request.head !== undefined
      ? revision(request.head)
      : {
          label: 'working tree',
          paths: workingFiles(cwd, paths).filter(wanted),
          read: (path) => readDisk(join(cwd, path), cwd),
          onDisk: (path) => ({ file: join(cwd, path), root }),
        };
  const usage = (tree: Tree) => (path: string) => usageIn(['.', posix.dirname(path)], tree.read, posix.join);
  return [sideOf(base, usage(base)), sideOf(head, usage(head))];
}

/** Template candidates, as a folder walk would pick them (cdk.out templates included when committed). */
function wanted(path: string): boolean {
  const segments = path.split('/');
  const folders = segments.slice(0, -1);
  if (folders.includes('cdk.out')) return path.endsWith('.template.json') && !folders.some((s) => s !== 'cdk.out' && SKIPPED_FOLDERS.has(s));
  return isCandidate(segments[segments.length - 1]!) && !folders.some((s) => SKIPPED_FOLDERS.has(s));
}

// ---- shared ----

/** The first usage file in the folders (tried in order), read with `read`; `join` makes a folder's file path. */
function usageIn(folders: string[], read: (path: string) => Buffer | undefined, join: (folder: string, name: string) => string): UsageFile {
  for (const folder of folders) {
    for (const name of USAGE_FILE_NAMES) {
      const path = join(folder, name);
      const bytes = read(path);
      if (bytes) return parseUsageFile(path, bytes.toString('utf8'));
    }
  }
  return emptyUsage();
}

function sideOf(tree: Tree, usageFor: (path: string) => UsageFile): Side {
  const files: SideFile[] = [];
  for (const path of tree.paths) {
    if (USAGE_FILE_NAMES.includes(posix.basename(path))) continue;
    const bytes = tree.read(path);
    if (!bytes) continue;
    const decoded = decodeBytes(bytes);
    if (decoded.kind === 'binary') continue;
    const onDisk = tree.onDisk?.(path);
    const readFile = onDisk ? fileReaderFor(onDisk.file, onDisk.root) : treeReader(tree, path);
    // A Terraform file reads its folder: on disk, the folder's files; at a revision, its candidate files and tfvars.
    const folderFiles = onDisk ? folderFilesFor(onDisk.file, onDisk.root) : /\.tf(\.json)?$/i.test(path) ? treeFolder(tree, path) : undefined;
    files.push({ path, text: decoded.text, ...(readFile ? { readFile } : {}), ...(folderFiles ? { folderFiles } : {}) });
  }
  const cache = new Map<string, UsageFile>();
  return {
    label: tree.label,
    files,
    usageFor: (path) => {
      const key = posix.dirname(path);
      if (!cache.has(key)) cache.set(key, usageFor(path));
      return cache.get(key)!;
    },
  };
}

/**
 * Files a template refers to, read from the same revision, inside the current folder as on disk: an absolute
 * path or one that climbs out (`../`, with either slash) is refused. Links in a revision are blobs that hold
 * the target's name, never followed.
 */
/** The names of a revision's files beside `from` (its candidates, and the tfvars files Terraform reads by name). */
function treeFolder(tree: Tree, from: string): () => readonly string[] {
  const dir = posix.dirname(from);
  return () => [...tree.paths.filter((p) => posix.dirname(p) === dir).map((p) => posix.basename(p)), 'terraform.tfvars', 'terraform.tfvars.json'];
}

function treeReader(tree: Tree, from: string): FileReader {
  return referenceReader(from, (relativePath) => {
    const slashed = relativePath.replace(/\\/g, '/');
    const target = posix.normalize(posix.join(posix.dirname(from), slashed));
    if (posix.isAbsolute(slashed) || win32.isAbsolute(relativePath) || target === '..' || target.startsWith('../'))
      return { refused: `it is outside ${CURRENT_FOLDER}` };
    return tree.read(target);
  });
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}
