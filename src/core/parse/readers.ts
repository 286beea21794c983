/**
 * What a reader of one input gets: the file's text, and what the hosts lend for the formats that need more
 * than a YAML/JSON parser (the TypeScript compiler, tree-sitter for Python, reads of referenced files). The
 * engine and the format registry (../formats.ts) take these; the reader bundles (typescript/reader.ts,
 * python/reader.ts) implement them. Types only: importing this module pulls in no code.
 */
import { type ParsedTemplate } from './cloudformation/types.js';
import { type LoadedDocument } from './document/load.js';
import { type DocumentMemo } from './document/reuse.js';
import { type TreeNode } from './document/tree.js';
import { type FileReader } from './reference.js';

export type { FileReader } from './reference.js';

export interface AnalysisInput {
  uri: string;
  text: string;
  /**
   * Reads another file of the project, relative to this one (for `${file(./config.yml):key}` in
   * serverless.yml); undefined when it cannot. The engine itself never touches the file system.
   */
  readFile?: FileReader;
  /**
   * What needs the TypeScript compiler: serverless.ts configuration objects and CDK apps (the hosts load
   * it only when needed). Without it, TypeScript and JavaScript files are not analysed.
   */
  typescript?: TypeScriptReader;
  /**
   * What needs the Python parser (tree-sitter, initialised asynchronously by the host): CDK apps in
   * Python. Without it, Python files are not analysed.
   */
  python?: PythonReader;
  /**
   * What needs the Terraform parser (tree-sitter, initialised asynchronously by the host): `.tf` and `.tf.json`
   * files. Without it, Terraform files are not analysed.
   */
  terraform?: TerraformReader;
  /**
   * The names of the files in this file's folder (a Terraform module is a folder: its variables, locals and
   * resources are spread over its files). Hosts give it for formats that need it; the files are read through
   * `readFile`.
   */
  folderFiles?: () => readonly string[];
  /**
   * False: the findings carry no edits (`fix`, `ignore`), which are left unmade; a host that shows a file's quick fixes
   * only once it is open (the editor's workspace scan) asks so for the files it reads from disk.
   */
  edits?: boolean;
}

export interface TerraformReader {
  /** The file read with its folder, as the template its resources stand for (parse/terraform/read.ts). */
  document(input: { uri: string; text: string; readFile?: FileReader; folderFiles?: () => readonly string[] }): LoadedDocument;
}

export interface PythonReader {
  cdk(uri: string, text: string, readFile?: FileReader): ParsedTemplate | undefined;
}

export interface TypeScriptReader {
  objectLiteral(uri: string, text: string): TreeNode | undefined;
  /** `memo`: what is kept of this document's previous version (its syntax tree, parsed again incrementally). */
  cdk(uri: string, text: string, readFile?: FileReader, memo?: Pick<DocumentMemo, 'reader' | 'counts'>): ParsedTemplate | undefined;
}

/** The readers a host may lend, by the name a format record asks for (`InputFormat.reader`). */
export type HostReaders = Pick<AnalysisInput, 'typescript' | 'python' | 'terraform'>;
