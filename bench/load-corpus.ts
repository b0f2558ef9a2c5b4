import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** An article of a corpus, read into memory. */
export interface CorpusArticle {
  readonly relativePath: string;
  readonly text: string;
}

/** Reads every `*.md` under a folder, sorted by path, as the pipeline finds them. */
export async function loadCorpus(folder: string): Promise<CorpusArticle[]> {
  const names = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(names.map(async (relativePath) => ({ relativePath, text: await readFile(path.join(folder, relativePath), 'utf8') })));
}
