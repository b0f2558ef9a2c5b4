import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDocument } from './collect-readmes.ts';

/** The engines the checker runs jialing with. */
export type CorpusEngine = 'apertium' | 'copy';

/** The config file's name in a corpus project. */
export const configFileName = 'pipeline.config.json';

/** Writes a jialing project holding the corpus as English articles, with a config and no glossary. */
export async function createCorpusProject(folder: string, documents: readonly CorpusDocument[], options: { readonly languages: readonly string[]; readonly engine: CorpusEngine }): Promise<void> {
  const articles = path.join(folder, 'articles', 'en');
  await mkdir(articles, { recursive: true });
  await Promise.all(documents.map((document) => writeFile(path.join(articles, document.fileName), document.text)));
  const config = {
    sourceLanguage: 'en',
    targetLanguages: options.languages,
    articles: 'articles/en',
    output: 'articles/{lang}',
    engine: options.engine,
    memory: '.jialing/memory.db',
    report: '.jialing/report',
  };
  await writeFile(path.join(folder, configFileName), `${JSON.stringify(config, null, 2)}\n`);
}
