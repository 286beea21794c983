// The CLI face is being written; this entry only keeps the bundle building.
process.stderr.write('crossover: the CLI is not built yet\n');
process.exitCode = 2;
