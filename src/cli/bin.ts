/** The bundled CLI's entry point (dist/cli.js): runs `crossover` with the process's arguments. */
import { run } from './main.js';

// CROSSOVER_TODAY=YYYY-MM-DD pins "today" (runtime deprecation dates), for reproducible output.
const today = process.env['CROSSOVER_TODAY'];
const now = today && !Number.isNaN(Date.parse(today)) ? new Date(`${today}T00:00:00Z`) : undefined;

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  ...(now ? { now } : {}),
});
