import { loadGlossary } from '../src/glossary/load-glossary.ts';
import { createTermMatcher } from '../src/glossary/match-terms.ts';
import { segmentMarkdown } from '../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../src/markdown/segment-options.ts';
import { taggedTextToPlain } from '../src/markdown/tagged-text.ts';
import { maskArticle, textsToSend } from '../src/pipeline/mask-article.ts';
import type { CorpusArticle } from './load-corpus.ts';

/** What a corpus asks of an engine: the texts a run must send at least once, by article. */
export interface CorpusTexts {
  /** Masked texts as the engine receives them, each once, in first-seen order. */
  readonly unique: readonly string[];
  /** Per article: its title (the DeepL context) and its sendable texts. */
  readonly articles: readonly { readonly context: string; readonly texts: readonly string[] }[];
  /** Plain text of every translatable segment, each once, without masking: what a raw engine call gets. */
  readonly plain: readonly string[];
}

/** Segments and masks a corpus the way the pipeline does, to know the minimum work a run has. */
export async function corpusTexts(articles: readonly CorpusArticle[], localesDir: string, frontmatterKeys: readonly string[]): Promise<CorpusTexts> {
  const glossary = await loadGlossary(localesDir, 'en', ['es']);
  const matcher = createTermMatcher(glossary.terms);
  const unique = new Set<string>();
  const plain = new Set<string>();
  const perArticle = articles.map(({ text }) => {
    const { segments } = segmentMarkdown(text, segmentOptions(frontmatterKeys));
    const texts = textsToSend(maskArticle(segments, matcher));
    for (const item of texts) unique.add(item);
    for (const segment of segments) if (segment.isTranslatable) plain.add(taggedTextToPlain(segment.text, ' ').trim());
    const title = segments.find((segment) => segment.kind === 'frontmatter') ?? segments.find((segment) => segment.kind === 'heading');
    return { context: title ? taggedTextToPlain(title.text) : '', texts };
  });
  return { unique: [...unique], articles: perArticle, plain: [...plain] };
}

/** Characters DeepL bills for a text: code points outside tags (the test server counts the same way). */
export function billedCharacters(text: string): number {
  return [...text.replace(/<[^>]*>/g, '')].length;
}
