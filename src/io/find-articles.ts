import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.ts';

/** An article found under the articles folder, or one refused because it points outside it. */
export type FoundArticle =
  | { readonly relativePath: string; readonly absolutePath: string; readonly refused?: undefined }
  | { readonly relativePath: string; readonly absolutePath: string; readonly refused: string };

/** Lists `*.md` files under `root` recursively, sorted; links leading outside `root` are refused. */
export async function findArticles(root: string): Promise<FoundArticle[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new ConfigError(`Articles folder not found: ${root}`, { hint: 'Check `articles` in the config; it is relative to the config file.' });
  }
  if (!(await stat(realRoot)).isDirectory()) {
    throw new ConfigError(`The articles folder ${root} is a file; expected a folder of *.md articles.`, { hint: 'Point `articles` in the config at the folder that holds the file.' });
  }
  const found: FoundArticle[] = [];
  await walk(root, root, realRoot, found);
  return found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

async function walk(root: string, folder: string, realRoot: string, found: FoundArticle[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const absolutePath = path.join(folder, entry.name);
    const relativePath = path.relative(root, absolutePath);
    if (entry.isDirectory()) await walk(root, absolutePath, realRoot, found);
    else if (!entry.name.endsWith('.md')) continue;
    // The walk only enters real folders, so a plain file is inside; only a link can lead elsewhere.
    else if (entry.isFile()) found.push({ relativePath, absolutePath });
    else if (entry.isSymbolicLink()) found.push(await checkInside(absolutePath, relativePath, realRoot));
  }
}

async function checkInside(absolutePath: string, relativePath: string, realRoot: string): Promise<FoundArticle> {
  let target: string;
  try {
    target = await realpath(absolutePath);
  } catch {
    return { relativePath, absolutePath, refused: 'it is a broken link' };
  }
  const inside = path.relative(realRoot, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    return { relativePath, absolutePath, refused: `it leads outside the articles folder (to ${target})` };
  }
  return { relativePath, absolutePath };
}
