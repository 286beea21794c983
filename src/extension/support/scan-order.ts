/** The workspace scan's order of files: likely templates first, so the Problems panel fills with what matters early. */
import { isCandidateFile, isCodeFile } from '../../core/index.js';
import { slicedPause } from '../../node/pause.js';

/** 0: a template's usual name; 1: a name that says template or stack; 2: other candidates; 3: program source. */
export function scanRank(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/^(template|samtemplate|sam-template)\.(ya?ml|json)$/.test(name) || name.endsWith('.template') || /^serverless\.(ya?ml|json|ts)$/.test(name)) return 0;
  if (/(template|stack|cfn|cloudformation|sam|taskdef|task-definition)/.test(name)) return 1;
  if (isCodeFile(name)) return 3;
  return 2;
}

/**
 * The candidate files among a search's (declaration files match the globs but are no format's), in the scan's order,
 * looked at `sliceMs` at a time with the thread's other work in between (a search of a large workspace finds tens of
 * thousands). Each file's rank is worked out once, not at each comparison of the sort; the sort keeps a search's
 * order within a rank.
 */
export async function inScanOrder<T extends { path: string }>(files: readonly T[], sliceMs: number): Promise<T[]> {
  const ranked: { file: T; rank: number }[] = [];
  const pause = slicedPause(sliceMs);
  for (const file of files) {
    if (isCandidateFile(file.path)) ranked.push({ file, rank: scanRank(file.path) });
    await pause();
  }
  return ranked.sort((a, b) => a.rank - b.rank).map(({ file }) => file);
}
