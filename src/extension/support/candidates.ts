/**
 * Which files and documents the editor offers the engine, derived from the format registry
 * (src/core/formats.ts): the workspace scan's globs, the analyzer's candidate test, and the document
 * selector of the cost hovers and CodeLenses. No `vscode` import, so the tests check these directly.
 */
import { candidateGlob, candidateLanguages, INPUT_FORMATS, isCandidateFile, isSynthesizedTemplate } from '../../core/index.js';

/** Every file a format reads (the file watcher, a new folder's search). */
export const CANDIDATE_GLOB = candidateGlob();
/** Templates (YAML/JSON): scanned first. */
export const TEMPLATE_GLOB = candidateGlob(INPUT_FORMATS.filter((format) => !format.code));
/** Program sources that may be CDK apps or serverless.ts: scanned with what is left of the cap. */
export const SCRIPT_GLOB = candidateGlob(INPUT_FORMATS.filter((format) => format.code));

/** Schemes of documents that are files the user edits (not diff views, output channels, git:, ...). */
const EDITABLE_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];
const LANGUAGES: ReadonlySet<string> = new Set(candidateLanguages());

/**
 * Does the editor analyse this document? Of an editable scheme, in a language of a format or named as a
 * format's file (a `.template`, a `.yml` another extension gave its own language); the engine decides the
 * rest. Synthesized CDK templates are left to SynthesizedOutput, which maps them to the sources.
 */
export function isCandidateDocument(uri: { scheme: string; path: string }, languageId: string): boolean {
  if (!EDITABLE_SCHEMES.includes(uri.scheme) || isSynthesizedTemplate(uri.path)) return false;
  return LANGUAGES.has(languageId) || isCandidateFile(uri.path);
}

/** A VS Code DocumentFilter (the plain data, so this module needs no `vscode`). */
interface CandidateFilter {
  scheme: string;
  language?: string;
  pattern?: string;
}

/**
 * The documents the analyzer reads, as a VS Code document selector (cost hovers and CodeLenses); synthesized
 * CDK templates match too, and get what the cost service has for them.
 */
export function candidateSelector(): CandidateFilter[] {
  return EDITABLE_SCHEMES.flatMap((scheme) => [...[...LANGUAGES].map((language) => ({ scheme, language })), { scheme, pattern: CANDIDATE_GLOB }]);
}
