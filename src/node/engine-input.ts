/**
 * (Node hosts.) What the engine may need besides a file's text: the files it references (`${file(...)}` in
 * serverless.yml, consts a CDK app imports, the other files of a Terraform folder) through the guarded file reader,
 * the TypeScript compiler, and for a Python CDK app or a Terraform file a tree-sitter reader (initialised once,
 * asynchronously, the first time one is analysed). The editor's engine thread and the CLI build their inputs here.
 */
import { type AnalysisInput, type PythonReader, type TerraformReader, type TypeScriptReader, type FileReader } from '../core/index.js';
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

export async function engineInput({ uri, text, local }: EngineFile): Promise<AnalysisInput> {
  return { uri, text, ...(await readersFor(local?.fsPath ?? uri, [text], local)) };
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
