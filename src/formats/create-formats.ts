import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { ArticleSegmenter } from '../pipeline/article-segmenter.ts';
import type { DocumentFormats } from './document-format.ts';
import { createI18nextFormat } from './i18next-format.ts';
import { createMarkdownFormat } from './markdown-format.ts';

/** The formats of a config; a run passes the segmenter that parses its articles. */
export function createFormats(config: ResolvedConfig, segmenter?: ArticleSegmenter): DocumentFormats {
  return { markdown: createMarkdownFormat(config, segmenter), i18next: createI18nextFormat(config) };
}
