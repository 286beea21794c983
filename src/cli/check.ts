/** Reads each file, runs the engine, and collects what the formatters print. */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { type EngineConfig } from '../core/config.js';
import { analyzeText, type AnalysisResult } from '../core/engine.js';
import { decodeBytes } from '../core/parse/document/load.js';

export interface FileReport {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  result: AnalysisResult;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CheckReport {
  files: FileReport[];
  /** Every file read but not analysed, with the reason (unreadable, binary, not a template). */
  skipped: SkippedFile[];
  /** How many of the skipped files are YAML/JSON that is not a template (left alone, not an error). */
  otherFiles: number;
}

export const NOT_A_TEMPLATE = 'not a SAM or CloudFormation template';

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(file));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

export function checkFiles(files: string[], config: EngineConfig, cwd: string, log: (line: string) => void): CheckReport {
  const report: CheckReport = { files: [], skipped: [], otherFiles: 0 };
  for (const file of files) {
    const path = displayPath(file, cwd);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      const reason = `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      report.skipped.push({ path, reason });
      log(`crossover: skipped ${path}: ${reason}`);
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (decoded.kind === 'binary') {
      report.skipped.push({ path, reason: decoded.reason });
      log(`crossover: skipped ${path}: ${decoded.reason}`);
      continue;
    }
    const result = analyzeText({ uri: resolve(file), text: decoded.text }, config);
    if (result.format === undefined) {
      report.otherFiles++;
      report.skipped.push({ path, reason: NOT_A_TEMPLATE });
    } else report.files.push({ path, result });
  }
  return report;
}
