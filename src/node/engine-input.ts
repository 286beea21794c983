/**
 * (Node hosts.) What the engine may need besides a file's text: the files it references (`${file(...)}` in
 * serverless.yml, consts a CDK app imports, the other files of a Terraform folder) through the guarded file reader,
 * the TypeScript compiler, and for a Python CDK app or a Terraform file a tree-sitter reader (initialised once,
 * asynchronously, the first time one is analysed). The editor's engine thread and the CLI build their inputs here.
 */
import { type AnalysisInput, decodeBytes, type PythonReader, type TerraformReader, type TypeScriptReader, type FileReader } from '../core/index.js';
import { type CappedRead, readLocalCapped, readLocalCappedSync } from './disk.js';
import { fileReaderFor, type ReadRoot } from './file-reader.js';
import { loadPythonReader, needsPythonReader } from './python-loader.js';
import { folderFilesFor, loadTerraformReader, needsTerraformReader } from './terraform-loader.js';
import { typescriptReader } from './typescript-loader.js';

/** A file to analyse: its uri (what findings carry), its text, and for a local file its path and the folder reads stay in. */
export interface EngineFile {
  uri: string;
  text: string;
  local?: { fsPath: string; root: ReadRoot };
}

/**
 * A local file the engine thread reads itself (the workspace scan: the extension host then makes no file-system call
 * for it and copies no text to the thread), through the same guarded read as every workspace file (disk.ts): inside
 * `local.root`, at most `maxBytes`, not binary.
 */
export interface DiskFile {
  uri: string;
  local: { fsPath: string; root: ReadRoot };
  maxBytes: number;
}

/** Why a file on disk was not analysed: the read refused it, or its bytes are not text. */
export type SkippedRead = Exclude<CappedRead, { kind: 'bytes' }> | { kind: 'binary'; reason: string };

export const isDiskFile = (file: EngineFile | DiskFile): file is DiskFile => !('text' in file);

/** Reads a DiskFile (synchronously: in the engine thread, where waiting blocks no one). */
export function readDiskFile(file: DiskFile): EngineFile | { skipped: SkippedRead } {
  return asText(file, readLocalCappedSync(file.local.fsPath, file.maxBytes, file.local.root.folder));
}

/** Reads a DiskFile without blocking (the engine on the extension host, running from sources). */
export async function readDiskFileAsync(file: DiskFile): Promise<EngineFile | { skipped: SkippedRead }> {
  return asText(file, await readLocalCapped(file.local.fsPath, file.maxBytes, file.local.root.folder));
}

function asText({ uri, local }: DiskFile, read: CappedRead): EngineFile | { skipped: SkippedRead } {
  if (read.kind !== 'bytes') return { skipped: read };
  const decoded = decodeBytes(read.bytes);
  return decoded.kind === 'binary' ? { skipped: decoded } : { uri, text: decoded.text, local };
}

/** The analysis input of a file: its text and the readers it needs; `withoutEdits`: its findings carry no edits. */
export async function engineInput({ uri, text, local }: EngineFile, { withoutEdits = false }: { withoutEdits?: boolean } = {}): Promise<AnalysisInput> {
  return { uri, text, ...(await readersFor(local?.fsPath ?? uri, [text], local)), ...(withoutEdits ? { edits: false } : {}) };
}

/** What the engine needs besides the text to read a file at `path` whose text is one of `texts` (a diff has two). */
export async function readersFor(path: string, texts: readonly string[], local: EngineFile['local']): Promise<HostReaders> {
  const python = texts.some((text) => needsPythonReader(path, text)) ? await loadPythonReader() : undefined;
  const terraform = texts.some((text) => needsTerraformReader(path, text)) ? await loadTerraformReader() : undefined;
  return readersWith(local, { python, terraform });
}

type HostReaders = {
  typescript: TypeScriptReader;
  python?: PythonReader;
  terraform?: TerraformReader;
  readFile?: FileReader;
  folderFiles?: () => readonly string[];
};

/**
 * The readers with the tree-sitter ones already loaded (the CLI loads them once for a run), and for a local file the
 * guarded reader of the files it refers to and, for a Terraform file, its folder's names.
 */
export function readersWith(local: EngineFile['local'], loaded: { python?: PythonReader | undefined; terraform?: TerraformReader | undefined }): HostReaders {
  const { python, terraform } = loaded;
  const readFile = local ? fileReaderFor(local.fsPath, local.root) : undefined;
  const folderFiles = terraform && local ? folderFilesFor(local.fsPath, local.root) : undefined;
  return {
    typescript: typescriptReader,
    ...(python ? { python } : {}),
    ...(terraform ? { terraform } : {}),
    ...(folderFiles ? { folderFiles } : {}),
    ...(readFile ? { readFile } : {}),
  };
}
