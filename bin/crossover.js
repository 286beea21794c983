#!/usr/bin/env node
// Entry point for `npx crossover ...`: runs the bundled CLI (build it first with `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('crossover: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(bundle);
