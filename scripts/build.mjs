// `npm run build`: compiles src/ into dist/ (or the folder given) with tsc, then copies the files tsc does not
// emit but the compiled modules load by their own URL: the Apertium tagger guard (Perl), the source of the
// integer-scan library (C, compiled on first use) and the review page (HTML, CSS, browser JavaScript). The
// folder is emptied first so no module of an older build lingers.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src');
const target = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
// The sources' worker boot registers tsx; the compiled tree starts its worker directly.
const sourceOnly = new Set(['segment-worker-boot.mjs']);

rmSync(target, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', target], { stdio: 'inherit' });

for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts') || sourceOnly.has(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  cpSync(file, path.join(target, path.relative(source, file)));
}
