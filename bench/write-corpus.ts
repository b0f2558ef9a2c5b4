import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticle } from './generate-article.ts';

/** Folder of generated corpora; git-ignored. */
export const corpusRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

// The generator's own source is part of the cache key, so editing it regenerates every corpus.
const generatorFiles = ['random.ts', 'article-words.ts', 'generate-sentence.ts', 'generate-blocks.ts', 'generate-article.ts', 'write-corpus.ts'];

/** Writes `count` articles under bench/corpus/ (kept between runs while the generator is unchanged); returns the folder. */
export async function writeCorpus(seed: number, count: number): Promise<string> {
  const folder = path.join(corpusRoot, `en-${seed}-${count}`);
  const manifestFile = path.join(folder, '.manifest.json');
  const manifest = JSON.stringify({ seed, count, generator: await generatorHash() });
  if ((await readFile(manifestFile, 'utf8').catch(() => '')) === manifest) return folder;
  await rm(folder, { recursive: true, force: true });
  const folders = new Set<string>();
  for (let index = 0; index < count; index++) {
    const { relativePath, text } = generateArticle(seed, index);
    const file = path.join(folder, relativePath);
    if (!folders.has(path.dirname(file))) {
      await mkdir(path.dirname(file), { recursive: true });
      folders.add(path.dirname(file));
    }
    await writeFile(file, text);
  }
  await writeFile(manifestFile, manifest);
  return folder;
}

async function generatorHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of generatorFiles) hash.update(await readFile(path.join(path.dirname(corpusRoot), file)));
  return hash.digest('hex').slice(0, 16);
}
