#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (run by `npm ci` and `npm install`) writes it.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// A run keeps a few tens of megabytes alive but allocates much more on its way; by default V8 lets the heap grow to
// several times what survived its last full collection before collecting again. Growing by half at a time took a
// 1,000-article run's peak heap from 132 MB to 70 MB and its peak RSS from 337 MB to 274 MB, at the same CPU time
// (30% saved a little more memory for 5% more CPU).
// Only the command sets it: a program importing jialing keeps its own settings.
v8.setFlagsFromString('--heap-growing-percent=50');

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('error: jialing is not built: dist/cli.js is missing.\nhint: Run `npm run build` in the jialing folder.\n');
  process.exitCode = 2;
}
