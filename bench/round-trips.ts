import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { createCopyEngine } from '../src/engines/copy-engine.ts';
import { segmentMarkdown } from '../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../src/markdown/segment-options.ts';
import { rebuildArticle } from '../src/markdown/rebuild-article.ts';
import type { CorpusArticle } from './load-corpus.ts';

const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkStringify).freeze();
const copy = createCopyEngine();
const pair = { source: 'en', target: 'es' };

/** The baseline: parse and re-serialise each article with plain remark, nothing else; returns characters written. */
export function bareRoundTrip(articles: readonly CorpusArticle[]): number {
  let characters = 0;
  for (const { text } of articles) characters += bare.stringify(bare.parse(text)).length;
  return characters;
}

/**
 * The pipeline's own pieces, in memory: parse → segments → copy engine (tagged text in and out) → rebuild.
 * Returns how many articles did not come back byte for byte, which the copy engine must never cause.
 */
export async function pipelineRoundTrip(articles: readonly CorpusArticle[], frontmatterKeys: readonly string[]): Promise<number> {
  let changed = 0;
  for (const { text } of articles) {
    const { segments } = segmentMarkdown(text, segmentOptions(frontmatterKeys));
    const sent = segments.filter((segment) => segment.isTranslatable);
    const translated = await copy.translate(sent.map((segment) => segment.text), pair);
    const translations = new Map(sent.map((segment, index) => [segment.index, translated[index]!]));
    if (rebuildArticle(text, segments, translations).text !== text) changed++;
  }
  return changed;
}
