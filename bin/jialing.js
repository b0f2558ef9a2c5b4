#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (run by `npm ci` and `npm install`) writes it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('error: jialing is not built: dist/cli.js is missing.\nhint: Run `npm run build` in the jialing folder.\n');
  process.exitCode = 2;
}
