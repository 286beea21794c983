/**
 * What Crossover reads: one record per input format. The engine dispatches through this registry
 * (`formatFor`), and every list of candidate files derives from it: the CLI walker (cli/files.ts), the
 * workspace scan and its file watcher (extension/scan.ts), the editor's candidate test and the cost
 * providers' document selector (extension/support/candidates.ts), and package.json's `activationEvents`
 * (`npm run manifest`, checked by test/meta/formats.test.ts).
 *
 * Adding a format (see CONTRIBUTING.md, "Adding an input format"): its reader in a folder under
 * `src/core/parse/`, and one record here.
 */
import { type TemplateFormat } from './model/template.js';
import { buildTaskDefinitionFileModel, buildTemplateModel } from './parse/cloudformation/build.js';
import { type ParsedTemplate } from './parse/cloudformation/types.js';
import { mentionsCdk, mentionsCdkPython } from './parse/cdk/detect.js';
import { detectTemplate, mentionsTemplate } from './parse/detect.js';
import { LineIndex } from './parse/document/lines.js';
import { loadDocument, type LoadedDocument, type Syntax } from './parse/document/load.js';
import { type DocumentMemo } from './parse/document/reuse.js';
import { type AnalysisInput, type FileReader, type HostReaders } from './parse/readers.js';
import { buildServerlessModel } from './parse/serverless/build.js';
import { buildTerraformModel } from './parse/terraform/model.js';
import { isTerraformDocument } from './parse/terraform/read.js';

/** Which quick fixes and "ignore" edits the findings of a format can carry. */
export interface EditSupport {
  /**
   * "Set this setting" fixes (a rule names a path and a value; fixes.ts writes it in the document's syntax).
   * A rule's own text edits are offered in every format (in a document, checked against YAML anchors).
   */
  setFixes: boolean;
  /** The kinds of template whose resources can say "ignore this rule" (`Metadata.crossover.ignore`). */
  ignores: readonly TemplateFormat[];
}

interface TakenFor {
  format: TemplateFormat;
  syntax: Syntax;
}

interface FormatBase {
  /** A stable name, for tests and messages. */
  id: string;
  /** What it is, in words (docs, the README's list of what is read). */
  label: string;
  /**
   * The file names it reads, as globs of the name (`*.yaml`, `serverless.ts`; case-insensitive). The faces
   * offer the engine these files; what is in them decides the rest (`mentions`, `detect`).
   */
  files: readonly string[];
  /** Names among `files` that are not its own (declaration files, another format's names). */
  except?: readonly string[];
  /**
   * Also takes files no format claims by name, judged by their content (a template named anything: files
   * named on the command line, untitled documents). One format at most.
   */
  fallback?: boolean;
  /** VS Code language ids of its documents (the editor's candidate test, the cost providers' selector). */
  languages: readonly string[];
  /**
   * When the editor starts Crossover for it: on opening a document of one of its languages (`onLanguage`),
   * and in a workspace holding one of these files (`workspaceContains` globs).
   */
  activation: { onLanguage: boolean; workspaceContains: readonly string[] };
  /**
   * Program sources: most such files in a repository are not infrastructure, so the faces list them only
   * when they are (the CLI does not count them as skipped; the scan takes them after the templates).
   */
  code: boolean;
  /** The reader it needs from the host, beyond the engine's own YAML/JSON parser. */
  reader: 'none' | keyof HostReaders;
  /** A cheap test of the text, before any parsing: false leaves the file alone. */
  mentions?(text: string): boolean;
  /** What a file it claims is taken for before it is read, so a failure while reading keeps that. */
  takenFor?: TakenFor;
  edits: EditSupport;
}

/** A format read into a positioned document first; what kind of template it is comes from the document. */
export interface DocumentFormat extends FormatBase {
  reads: 'document';
  /** The document, or undefined when the file is not one (left alone). `memo`: its previous version's, when kept (reuse.ts). */
  read(input: AnalysisInput, memo?: DocumentMemo): LoadedDocument | undefined;
  /** What the document is (undefined: nothing Crossover reads, left alone). */
  detect(document: LoadedDocument, text: string): TemplateFormat | undefined;
  /** A guess from the text alone, for a file too large to read or one whose reading failed. */
  guess?(text: string): TemplateFormat | undefined;
  build(document: LoadedDocument, format: TemplateFormat, readFile?: FileReader): ParsedTemplate;
}

/** A format whose reader builds the model itself (CDK apps: syntax, not a document of settings). */
interface ModelFormat extends FormatBase {
  reads: 'model';
  takenFor: TakenFor;
  /** `memo`: its previous version's, when kept (the TypeScript reader parses again from its syntax tree). */
  read(input: AnalysisInput, memo?: DocumentMemo): ParsedTemplate | undefined;
}

export type InputFormat = DocumentFormat | ModelFormat;

/** The model of a YAML/JSON (or serverless.ts) document, by what it was detected to be. */
function buildDocumentModel(document: LoadedDocument, format: TemplateFormat, readFile?: FileReader): ParsedTemplate {
  if (format === 'ecs-task-definition') return buildTaskDefinitionFileModel(document);
  if (format === 'serverless') return buildServerlessModel(document, readFile);
  return buildTemplateModel(document, format);
}

/** SAM, CloudFormation, serverless.yml and ECS task definitions share a reader and are told apart by content (parse/detect.ts). */
const TEMPLATE_DOCUMENTS: DocumentFormat = {
  id: 'templates',
  label: 'SAM and CloudFormation templates, Serverless Framework serverless.yml/.json and ECS task definitions (YAML or JSON)',
  files: ['*.yaml', '*.yml', '*.json', '*.template'],
  except: ['*.tf.json', '*.tfvars.json'],
  fallback: true,
  languages: ['yaml', 'json', 'jsonc'],
  activation: {
    onLanguage: true,
    workspaceContains: [
      '**/template.{yaml,yml,json}',
      '**/*.template.{yaml,yml,json}',
      '**/*.template',
      '**/samconfig.toml',
      '**/serverless.{yml,yaml,json}',
      '**/*task*definition*.json',
      '**/taskdef*.json',
    ],
  },
  code: false,
  reader: 'none',
  mentions: mentionsTemplate,
  reads: 'document',
  read: (input, memo) => loadDocument(input.uri, input.text, undefined, memo),
  detect: (document, text) => detectTemplate(document.root, text),
  guess: (text) => detectTemplate(undefined, text),
  build: buildDocumentModel,
  edits: { setFixes: true, ignores: ['sam', 'cloudformation'] },
};

/** serverless.ts: the configuration object, turned into a document by the TypeScript reader. */
export const SERVERLESS_TS: DocumentFormat = {
  id: 'serverless-ts',
  label: 'Serverless Framework serverless.ts',
  files: ['serverless.ts', 'serverless.mts', 'serverless.cts'],
  languages: ['typescript'],
  activation: { onLanguage: false, workspaceContains: ['**/serverless.{ts,mts,cts}'] },
  code: true,
  reader: 'typescript',
  takenFor: { format: 'serverless', syntax: 'typescript' },
  reads: 'document',
  read: (input) => {
    const root = input.typescript?.objectLiteral(input.uri, input.text);
    if (!root) return undefined;
    return { uri: input.uri, text: input.text, syntax: 'typescript', root, lines: new LineIndex(input.text), problems: [] };
  },
  detect: (document) => (detectTemplate(document.root, '') === 'serverless' ? 'serverless' : undefined),
  build: buildDocumentModel,
  edits: { setFixes: false, ignores: [] },
};

/** CDK apps in TypeScript or JavaScript (parse/cdk/typescript-app.ts, through the TypeScript reader). */
export const CDK_TYPESCRIPT: ModelFormat = {
  id: 'cdk-typescript',
  label: 'AWS CDK apps in TypeScript or JavaScript',
  files: ['*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'],
  except: ['*.d.ts', '*.d.mts', '*.d.cts', ...SERVERLESS_TS.files],
  languages: ['typescript', 'javascript'],
  // Opening any script must not start Crossover; cdk.json marks a CDK app.
  activation: { onLanguage: false, workspaceContains: ['**/cdk.json'] },
  code: true,
  reader: 'typescript',
  mentions: mentionsCdk,
  takenFor: { format: 'cdk', syntax: 'typescript' },
  reads: 'model',
  read: (input, memo) => input.typescript?.cdk(input.uri, input.text, input.readFile, memo),
  edits: { setFixes: false, ignores: [] },
};

/** CDK apps in Python (parse/cdk/python-app.ts, through the tree-sitter reader). */
export const CDK_PYTHON: ModelFormat = {
  id: 'cdk-python',
  label: 'AWS CDK apps in Python',
  files: ['*.py'],
  languages: ['python'],
  activation: { onLanguage: false, workspaceContains: ['**/cdk.json'] },
  code: true,
  reader: 'python',
  mentions: mentionsCdkPython,
  takenFor: { format: 'cdk', syntax: 'python' },
  reads: 'model',
  read: (input) => input.python?.cdk(input.uri, input.text, input.readFile),
  edits: { setFixes: false, ignores: [] },
};

/**
 * Terraform (parse/terraform/, through the tree-sitter reader): a `.tf` or `.tf.json` file read with the other
 * files of its folder, as the template its resources stand for; the model keeps what this file declares.
 */
export const TERRAFORM: DocumentFormat = {
  id: 'terraform',
  label: 'Terraform configurations (.tf and .tf.json, with the variables, locals and .tfvars of their folder)',
  files: ['*.tf', '*.tf.json'],
  // HashiCorp's extension names .tf documents `terraform`; without it they are plain text, matched by name.
  languages: ['terraform'],
  activation: { onLanguage: true, workspaceContains: ['**/*.tf', '**/*.tf.json'] },
  code: false,
  reader: 'terraform',
  takenFor: { format: 'terraform', syntax: 'hcl' },
  reads: 'document',
  read: (input) =>
    input.terraform?.document({
      uri: input.uri,
      text: input.text,
      ...(input.readFile ? { readFile: input.readFile } : {}),
      ...(input.folderFiles ? { folderFiles: input.folderFiles } : {}),
    }),
  detect: (document) => (isTerraformDocument(document) ? 'terraform' : undefined),
  build: (document) => buildTerraformModel(document),
  edits: { setFixes: true, ignores: ['terraform'] },
};

/** Every input format. No two claim the same file name; the fallback takes what none claims. */
export const INPUT_FORMATS: readonly InputFormat[] = [TEMPLATE_DOCUMENTS, SERVERLESS_TS, CDK_TYPESCRIPT, CDK_PYTHON, TERRAFORM];

/**
 * Folders that hold dependencies, build output or tool state, never inputs a person edits: the CLI walker
 * and the workspace scan pass them over (cdk.out templates are read apart, mapped to their CDK sources).
 */
export const SKIPPED_FOLDER_NAMES: readonly string[] = [
  'node_modules',
  '.git',
  'cdk.out',
  '.aws-sam',
  '.serverless',
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  '.terraform',
];

/** The last segment of a uri or path. */
function baseName(uri: string): string {
  return uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
}

const nameTests = new WeakMap<readonly string[], RegExp>();

/** Does a file name match one of these globs of a name (`*` any run of characters; case-insensitive)? */
function matchesName(globs: readonly string[] | undefined, name: string): boolean {
  if (!globs?.length) return false;
  let test = nameTests.get(globs);
  if (!test) {
    const alternatives = globs.map((glob) =>
      glob
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*'),
    );
    test = new RegExp(`^(?:${alternatives.join('|')})$`, 'is');
    nameTests.set(globs, test);
  }
  return test.test(name);
}

/** Does this format claim the file by its name? */
export function claimsName(format: InputFormat, uri: string): boolean {
  const name = baseName(uri);
  return matchesName(format.files, name) && !matchesName(format.except, name);
}

/** The format that reads this file: the one claiming its name, else the fallback (judged by content). */
export function formatFor(uri: string, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat | undefined {
  return formats.find((format) => claimsName(format, uri)) ?? formats.find((format) => format.fallback);
}

/** Is this a file the faces offer the engine (by name)? The CLI walker, the scan and the editor ask this. */
export function isCandidateFile(uri: string, formats: readonly InputFormat[] = INPUT_FORMATS): boolean {
  return formats.some((format) => claimsName(format, uri));
}

/** Is this file program source that only some files of are infrastructure (see `InputFormat.code`)? */
export function isCodeFile(uri: string, formats: readonly InputFormat[] = INPUT_FORMATS): boolean {
  return formats.find((format) => claimsName(format, uri))?.code ?? false;
}

/** The host reader that analysing this file needs, if any (hosts load the Python reader only then). */
export function readerFor(uri: string, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat['reader'] {
  return formatFor(uri, formats)?.reader ?? 'none';
}

/** Does analysing this text need this host reader (its format needs it and the text passes its cheap test)? */
export function needsReader(reader: keyof HostReaders, uri: string, text: string, formats: readonly InputFormat[] = INPUT_FORMATS): boolean {
  const format = formatFor(uri, formats);
  return format?.reader === reader && (format.mentions?.(text) ?? true);
}

/** A glob of every file the formats read, for VS Code's findFiles and file watcher: `**\/{*.yaml,...}`. */
export function candidateGlob(formats: readonly InputFormat[] = INPUT_FORMATS): string {
  return `**/{${[...new Set(formats.flatMap((format) => format.files))].join(',')}}`;
}

/** Every VS Code language id of the formats' documents. */
export function candidateLanguages(formats: readonly InputFormat[] = INPUT_FORMATS): string[] {
  return [...new Set(formats.flatMap((format) => format.languages))];
}

/** The formats' `activationEvents` for package.json: `onLanguage` first, then `workspaceContains`. */
export function formatActivationEvents(formats: readonly InputFormat[] = INPUT_FORMATS): string[] {
  const onLanguage = formats.filter((format) => format.activation.onLanguage).flatMap((format) => format.languages.map((id) => `onLanguage:${id}`));
  const contains = formats.flatMap((format) => format.activation.workspaceContains.map((glob) => `workspaceContains:${glob}`));
  return [...new Set([...onLanguage, ...contains])];
}
