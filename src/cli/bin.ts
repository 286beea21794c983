/** The bundled CLI's entry point (dist/cli.js): runs `crossover` with the process's arguments. */
import { EXIT, run } from './main.js';
import { terminalSafe } from './terminal.js';

// `crossover check | head` closes the pipe early; that is the reader's choice, not a crash to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// CROSSOVER_TODAY=YYYY-MM-DD pins "today" (runtime deprecation dates), for reproducible output.
const today = process.env['CROSSOVER_TODAY'];
const now = today && !Number.isNaN(Date.parse(today)) ? new Date(`${today}T00:00:00Z`) : undefined;

// exitCode rather than process.exit(): a large report piped to another program must be flushed first.
run(process.argv.slice(2), {
  // Text from the files read never drives the terminal (escape sequences, carriage returns): see terminal.ts.
  out: (text) => process.stdout.write(terminalSafe(text)),
  err: (text) => process.stderr.write(terminalSafe(text)),
  cwd: process.cwd(),
  ...(now ? { now } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The engine never throws, so this is a bug in the CLI itself. Exit 2 (like eslint's "internal error"),
    // never 1, so CI does not read a crash as "the templates have findings".
    process.stderr.write(`crossover: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report it.\n`);
    process.exitCode = EXIT.usage;
  },
);
