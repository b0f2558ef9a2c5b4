import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** A bundled config kept between runs, with the content hash of every file it was bundled from. */
interface CachedBundle {
  readonly inputs: readonly { readonly file: string; readonly hash: string }[];
  readonly code: string;
}

/**
 * Imports a TypeScript config file. Node 20 cannot load TypeScript, so esbuild bundles the file with what it
 * imports into one module, imported from memory: no loader hooks, whose thread would then sit between every
 * later import of the process and its file, and no file written beside the config. Starting esbuild's service
 * process costs more than the rest of a command's start-up, so the bundle is kept in the project's
 * `node_modules/.cache/jialing` and used again while none of its files changed.
 */
export async function importTypeScript(file: string): Promise<{ default?: unknown }> {
  const cacheFile = cacheFileOf(file);
  const code = (cacheFile && (await readCachedBundle(cacheFile))) ?? (await bundle(file, cacheFile));
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

async function bundle(file: string, cacheFile: string | undefined): Promise<string> {
  const { build } = await import('esbuild');
  const url = pathToFileURL(file).href;
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    // The config keeps its own place: a bundled module would otherwise see a data: URL.
    define: { 'import.meta.url': JSON.stringify(url), __filename: JSON.stringify(file), __dirname: JSON.stringify(path.dirname(file)) },
    // A CommonJS package bundled into an ES module still needs `require` for Node's own modules.
    banner: { js: `import { createRequire as __jialingRequire } from 'node:module'; const require = __jialingRequire(${JSON.stringify(url)});` },
  });
  const code = result.outputFiles[0]!.text;
  if (cacheFile) {
    // esbuild names inputs relative to its working folder.
    const files = Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
    const inputs = await Promise.all(files.map(async (input) => ({ file: input, hash: hashOf(await readFile(input)) })));
    // A cache that cannot be written (a read-only checkout) only costs the next start the same bundling.
    await writeFileAtomic(cacheFile, JSON.stringify({ inputs, code } satisfies CachedBundle)).catch(() => {});
  }
  return code;
}

async function readCachedBundle(cacheFile: string): Promise<string | undefined> {
  try {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CachedBundle;
    const hashes = await Promise.all(cached.inputs.map(async ({ file }) => hashOf(await readFile(file))));
    return cached.inputs.every((input, index) => input.hash === hashes[index]) ? cached.code : undefined;
  } catch {
    // No cache yet, an input gone, or a file not ours to read: bundle again.
    return undefined;
  }
}

// Only where the project has a node_modules folder: jialing creates no folder of its own beside the config.
function cacheFileOf(file: string): string | undefined {
  const modules = path.join(path.dirname(file), 'node_modules');
  if (!existsSync(modules)) return undefined;
  return path.join(modules, '.cache', 'jialing', `config-${hashOf(file).slice(0, 16)}.json`);
}

function hashOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
