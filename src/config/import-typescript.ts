import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports a TypeScript config file. Node 20 cannot load TypeScript, so esbuild bundles the file with what it
 * imports into one module, imported from memory: no loader hooks, whose thread would then sit between every
 * later import of the process and its file, and no file written beside the config.
 */
export async function importTypeScript(file: string): Promise<{ default?: unknown }> {
  const { build } = await import('esbuild');
  const url = pathToFileURL(file).href;
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
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
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
