import path from 'node:path';
import { outputFolder, type ResolvedConfig } from '../config/resolve-config.ts';
import type { FormatName } from '../formats/document-format.ts';
import { findArticles, type FoundArticle } from './find-articles.ts';
import { findResources } from './find-resources.ts';

/** A source document to translate: where it is, which format reads it, and where its translations go. */
export type FoundDocument = FoundArticle & {
  readonly format: FormatName;
  /** Output folder with `{lang}` in it. */
  readonly outputFolder: string;
  /** Path of the output under that folder. */
  readonly outputName: string;
};

/** Lists the documents a run translates: the articles, then the i18next resource files, each sorted. */
export async function findDocuments(config: Pick<ResolvedConfig, 'articlesDir' | 'outputPattern' | 'localesDir' | 'sourceLanguage' | 'resources' | 'configFile'>): Promise<FoundDocument[]> {
  const articles = await findArticles(config.articlesDir);
  const documents: FoundDocument[] = articles.map((article) => ({ ...article, format: 'markdown', outputFolder: config.outputPattern, outputName: article.relativePath }));
  return [...documents, ...(await findResources(config))];
}

/** Where a document's translation into one language is written. */
export function documentOutputPath(document: Pick<FoundDocument, 'outputFolder' | 'outputName'>, language: string): string {
  return path.join(outputFolder(document.outputFolder, language), document.outputName);
}
