import { cp } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './cli.ts';

/**
 * Copies the repository's sample sources into `dir`: the English articles, the glossary of every language and
 * the English resource files. Never the outputs: after `npm start` the repository also holds es and ca resource
 * files, which a copied project would take for outputs someone else wrote.
 */
export async function copySampleSources(dir: string): Promise<void> {
  const locales = path.join(repoRoot, 'locales');
  await cp(path.join(repoRoot, 'articles', 'en'), path.join(dir, 'articles', 'en'), { recursive: true });
  await cp(locales, path.join(dir, 'locales'), {
    recursive: true,
    filter: (source) => {
      const [language, file] = path.relative(locales, source).split(path.sep);
      return file === undefined || language === 'en' || file === 'glossary.json';
    },
  });
}
