#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (run by `npm ci` and `npm install`) writes it.
try {
  await import('../dist/cli.js');
} catch (error) {
  const missing = new URL('../dist/cli.js', import.meta.url).href;
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(missing.replace('file://', ''))) throw error;
  process.stderr.write('error: jialing is not built: dist/cli.js is missing.\nhint: Run `npm run build` in the jialing folder.\n');
  process.exitCode = 2;
}
