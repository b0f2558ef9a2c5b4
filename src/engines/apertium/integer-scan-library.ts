import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const source = fileURLToPath(new URL('./integer-scan.c', import.meta.url));
const run = promisify(execFile);

let built: Promise<string | undefined> | undefined;

/**
 * The integer-scan library (integer-scan.c) for the Apertium pipeline's LD_PRELOAD, compiled on first use into
 * the `node_modules/.cache/jialing` of this installation and used again while its source is unchanged.
 * Undefined where it cannot be had (no C compiler, a folder that cannot be written): Apertium then runs as
 * installed, only slower.
 */
export function integerScanLibrary(): Promise<string | undefined> {
  return (built ??= buildInCacheFolder());
}

async function buildInCacheFolder(): Promise<string | undefined> {
  const folder = cacheFolderAbove(path.dirname(source));
  return folder && buildIntegerScan(folder);
}

/** Compiles the library into `folder` unless it is there already; resolves with its path, or undefined on failure. */
export async function buildIntegerScan(folder: string, compiler = 'cc'): Promise<string | undefined> {
  try {
    const code = await readFile(source);
    const file = path.join(folder, `apertium-integer-scan-${createHash('sha256').update(code).update(process.arch).digest('hex').slice(0, 16)}.so`);
    // The loader reads LD_PRELOAD as a list split at spaces and colons.
    if (/[\s:]/.test(file)) return undefined;
    if (await access(file).then(() => true, () => false)) return file;
    await mkdir(folder, { recursive: true });
    // Runs that compile at once each write their own file; the last rename wins, with the same content.
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await run(compiler, ['-O2', '-shared', '-fPIC', '-o', temporary, source, '-ldl'], { timeout: 60_000 });
      await rename(temporary, file);
    } finally {
      await rm(temporary, { force: true });
    }
    return file;
  } catch {
    // Only ever a way to go faster.
    return undefined;
  }
}

// The first folder at or above `start` that is a node_modules folder or holds one: the project's own when
// jialing is installed as a package, the checkout's when it runs from its sources.
function cacheFolderAbove(start: string): string | undefined {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (path.basename(folder) === 'node_modules') return path.join(folder, '.cache', 'jialing');
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules', '.cache', 'jialing');
    if (path.dirname(folder) === folder) return undefined;
  }
}
