import { unmaskTerms } from '../glossary/mask-terms.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { rebuildArticle, type RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { MaskedSegment } from './mask-article.ts';
import { matchEdgeWhitespace } from './match-edge-whitespace.ts';

/** A stored translation of a masked segment as tagged text to write: the source's edge spaces, glossary terms in their target form. */
export function unmaskTranslation(glossary: Glossary, item: MaskedSegment, translated: string, language: string): string {
  return unmaskTerms(matchEdgeWhitespace(item.text, translated), item.masks, (termId) => glossary.targetForm(termId, language)).text;
}

/** Rebuilds an article in one language from the translations of its masked texts; a text without one keeps its source. */
export function rebuildTranslated(glossary: Glossary, source: { readonly text: string; readonly masked: readonly MaskedSegment[] }, byText: ReadonlyMap<string, string>, language: string): RebuiltArticle {
  const translations = new Map(source.masked.map((item) => [item.segment.index, unmaskTranslation(glossary, item, byText.get(item.text) ?? item.text, language)]));
  return rebuildArticle(source.text, source.masked.map((item) => item.segment), translations);
}
