/** The bundled CLI's entry point (dist/cli.js): runs `crossover` with the process's arguments. */
import { run } from './main.js';

process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
