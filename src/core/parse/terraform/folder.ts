/**
 * A Terraform module is a folder: its `.tf` files share variables, locals and resources, and `terraform.tfvars` /
 * `*.auto.tfvars` set variables. The analysed file is read with the other files of its folder (through the host's
 * reader, inside the workspace, size-capped); they share one offset space, the analysed file first, so every node
 * knows its file and line (`locate`).
 */
import { type Range } from '../../model/location.js';
import { LineIndex } from '../document/lines.js';
import { type FileReader } from '../reference.js';
import type { Parser } from 'web-tree-sitter';
import { type Named } from './evaluate.js';
import { isPlanFileName, type PlanReading, readPlan } from './plan.js';
import { readSyntax, type SyntaxFile } from './syntax.js';

/** At most this many other files of the folder are read (a folder of generated files must not stall the editor). */
export const MAX_FOLDER_FILES = 200;

export interface TerraformFolder {
  files: SyntaxFile[];
  /** The analysed file. */
  main: SyntaxFile;
  /** `.tfvars` values, by variable name (the last file in Terraform's order wins). */
  tfvars: Map<string, Named>;
  /** A plan (`terraform show -json` output) found in the folder: planned values fill what the files leave unresolved. */
  plan?: { name: string; reading: PlanReading };
  /** Files read for `file()` (container definitions), with their base, so their nodes have places too. */
  extra: { uri: string; text: string; base: number; lines: LineIndex }[];
  /** Where a combined offset is: its file and range (the analysed file's offsets are its own). */
  locate(start: number, end: number): { uri: string; range: Range } | undefined;
  /** Gives a file read on the side (its JSON parsed by the caller) a base in the shared offset space. */
  place(uri: string, text: string): number;
}

/** Is this a file of a Terraform folder that the reader takes? */
export function isConfigurationName(name: string): boolean {
  return /\.tf(\.json)?$/i.test(name);
}

/** Terraform's order: terraform.tfvars(.json) first, then *.auto.tfvars(.json) by name. */
export function tfvarsOrder(names: readonly string[]): string[] {
  const lower = (n: string) => n.toLowerCase();
  const first = names.filter((n) => lower(n) === 'terraform.tfvars' || lower(n) === 'terraform.tfvars.json');
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/i.test(n)).sort();
  return [...first, ...auto];
}

/**
 * The other files of a folder, parsed once while their text stays the same: analysing each of a folder's N files
 * reads the N-1 others, and parsing them again each time would make a folder cost N^2 parses. Each file keeps an
 * offset space of its own far above any analysed file's text (BASE_STRIDE apart), so a parse is valid beside any
 * analysed file. The least recently used go first.
 */
const PARSED = new Map<string, SyntaxFile>();
const MAX_PARSED = 500;
/** Offsets of the other files start here, above any analysed file's text (which is capped far below this). */
const FIRST_BASE = 2 ** 40;
/** Room for one file's offsets: above the size a file is ever read at. */
const BASE_STRIDE = 2 ** 32;
let nextBase = FIRST_BASE;

function parsedBeside(parser: Parser, uri: string, name: string, text: string): SyntaxFile {
  const known = PARSED.get(uri);
  PARSED.delete(uri);
  if (known && known.text === text) {
    PARSED.set(uri, known);
    return known;
  }
  let base = known?.base;
  if (base === undefined) {
    base = nextBase;
    nextBase += BASE_STRIDE;
  }
  const file = readSyntax(parser, uri, name, text, base);
  PARSED.set(uri, file);
  if (PARSED.size > MAX_PARSED) PARSED.delete(PARSED.keys().next().value!);
  return file;
}

export function readFolder(
  parser: Parser,
  uri: string,
  text: string,
  readFile: FileReader | undefined,
  folderFiles: (() => readonly string[]) | undefined,
): TerraformFolder {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const dir = uri.slice(0, uri.lastIndexOf('/') + 1);
  const main = readSyntax(parser, uri, name, text, 0);
  const files: SyntaxFile[] = [main];
  const extra: TerraformFolder['extra'] = [];
  const lines = new Map<SyntaxFile | TerraformFolder['extra'][number], LineIndex>();
  let next = text.length + 1;
  const read = (other: string): string | undefined => {
    const got = readFile?.(other);
    return typeof got === 'string' ? got : undefined;
  };
  let names: readonly string[];
  try {
    names = readFile && folderFiles ? folderFiles() : [];
  } catch {
    names = [];
  }
  const tfvars = new Map<string, Named>();
  let count = 0;
  for (const other of names) {
    if (other === name || !isConfigurationName(other) || ++count > MAX_FOLDER_FILES) continue;
    const otherText = read(other);
    if (otherText === undefined) continue;
    files.push(parsedBeside(parser, dir + other, other, otherText));
  }
  // At most one plan: the first name Terraform users give it (plan.json, tfplan.json, *.tfplan.json), by name.
  let plan: TerraformFolder['plan'];
  const planName = names.filter(isPlanFileName).sort()[0];
  const planText = planName ? read(planName) : undefined;
  if (planName && planText !== undefined) plan = { name: planName, reading: readPlan(planText) };
  for (const vars of tfvarsOrder(names)) {
    const varsText = vars === name ? text : read(vars);
    if (varsText === undefined) continue;
    const file = vars === name ? main : parsedBeside(parser, dir + vars, vars, varsText);
    if (file !== main) files.push(file);
    for (const attribute of file.body.attributes) tfvars.set(attribute.name, { expr: attribute.value, where: vars });
  }
  const locate = (start: number, end: number): { uri: string; range: Range } | undefined => {
    if (start <= text.length) return undefined;
    for (const file of [...files, ...extra]) {
      if (file.base === 0 || start < file.base || start > file.base + file.text.length) continue;
      let index = lines.get(file);
      if (!index) {
        index = new LineIndex(file.text);
        lines.set(file, index);
      }
      return { uri: file.uri, range: index.range(start - file.base, end - file.base) };
    }
    return undefined;
  };
  const place = (placedUri: string, placedText: string): number => {
    const base = next;
    next += placedText.length + 1;
    extra.push({ uri: placedUri, text: placedText, base, lines: new LineIndex(placedText) });
    return base;
  };
  return { files, main, tfvars, extra, locate, place, ...(plan ? { plan } : {}) };
}
