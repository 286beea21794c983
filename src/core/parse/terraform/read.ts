/**
 * One Terraform file -> the document the engine reads: the folder read (folder.ts), translated into the virtual
 * template (translate.ts), with the file's syntax errors, the places of the other files' nodes, and the edits that
 * make fixes in HCL (edit.ts). The format record (../../formats.ts) builds the model from it and keeps the
 * resources declared in this file.
 */
import type { Parser } from 'web-tree-sitter';
import { LineIndex } from '../document/lines.js';
import { type LoadedDocument } from '../document/load.js';
import { type FileReader } from '../reference.js';
import { hclEdit } from './edit.js';
import { readFolder } from './folder.js';
import { translate } from './translate.js';

export interface TerraformRead {
  uri: string;
  text: string;
  readFile?: FileReader;
  /** The names of the files in the file's folder (the host lists them; undefined: the file is read alone). */
  folderFiles?: () => readonly string[];
}

export function readTerraformDocument(parser: Parser, input: TerraformRead): LoadedDocument {
  const folder = readFolder(parser, input.uri, input.text, input.readFile, input.folderFiles);
  const { root, declared } = translate(folder, input.readFile);
  const lines = new LineIndex(input.text);
  const main = folder.main;
  const document: LoadedDocument = {
    uri: input.uri,
    text: input.text,
    syntax: 'hcl',
    root,
    lines,
    problems: main.problems,
    locate: folder.locate,
    edit: (set) => hclEdit({ text: input.text, lines, declared, comments: main.comments, syntax: main.syntax }, set),
  };
  return document;
}

/**
 * Does this file declare resources or modules (or fail to parse)? A file of variables, outputs or providers only is
 * read for its folder's files, and left alone itself.
 */
export function isTerraformDocument(document: LoadedDocument): boolean {
  if (document.problems.length > 0) return true;
  const resources = document.root?.kind === 'map' ? document.root.entries[0]?.value : undefined;
  return (
    resources?.kind === 'map' &&
    resources.entries.some(
      (e) => e.value.kind === 'map' && e.value.start < document.text.length + 1 && e.value.start >= 0 && e.value.end <= document.text.length,
    )
  );
}
