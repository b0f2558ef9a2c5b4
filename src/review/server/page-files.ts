import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file of the review page, held in memory. */
export interface PageFile {
  readonly contentType: string;
  readonly body: string;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Reads the page's HTML, scripts and styles (from `page/` beside this module) once, keyed by the path they are served at; `index.html` is `/`. */
export async function loadPageFiles(): Promise<ReadonlyMap<string, PageFile>> {
  const folder = fileURLToPath(new URL('./page/', import.meta.url));
  const names = (await readdir(folder)).filter((name) => path.extname(name) in contentTypes).sort();
  const files = await Promise.all(
    names.map(async (name) => [name === 'index.html' ? '/' : `/${name}`, { contentType: contentTypes[path.extname(name)]!, body: await readFile(path.join(folder, name), 'utf8') }] as const),
  );
  return new Map(files);
}
