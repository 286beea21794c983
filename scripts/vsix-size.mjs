// `node scripts/vsix-size.mjs [file]`: prints the size of the packaged extension (dist/crossover.vsix) and fails when
// it is over the limit. `npm run package` and the real-editor suite (test/e2e/run.mjs) run it after `vsce package`.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The most the VSIX may weigh, in bytes (issue 20: at most 2 MB). */
export const VSIX_LIMIT_BYTES = 2_000_000;

/** The VSIX's size and a line that says it; `ok` false when it is over the limit. */
export function checkVsixSize(file = 'dist/crossover.vsix') {
  const bytes = statSync(file).size;
  const ok = bytes <= VSIX_LIMIT_BYTES;
  const line = `${file}: ${bytes.toLocaleString('en-US')} bytes, ${ok ? 'within' : 'OVER'} the limit of ${VSIX_LIMIT_BYTES.toLocaleString('en-US')}`;
  return { bytes, ok, line };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ok, line } = checkVsixSize(process.argv[2]);
  // stderr: the real-editor suite keeps only stderr of `npm run package`.
  console.error(line);
  if (!ok) process.exit(1);
}
