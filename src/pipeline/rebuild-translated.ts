import { unmaskTerms } from '../glossary/mask-terms.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { rebuildArticle, type RebuiltArticle } from '../markdown/rebuild-article.ts';
import type { MaskedSegment } from './mask-article.ts';
import { matchEdgeWhitespace } from './match-edge-whitespace.ts';

/** Rebuilds an article in one language from the translations of its masked texts; a text without one keeps its source. */
export function rebuildTranslated(glossary: Glossary, source: { readonly text: string; readonly masked: readonly MaskedSegment[] }, byText: ReadonlyMap<string, string>, language: string): RebuiltArticle {
  const targetForm = (termId: string) => glossary.targetForm(termId, language);
  const translations = new Map(
    source.masked.map((item) => {
      const translated = matchEdgeWhitespace(item.text, byText.get(item.text) ?? item.text);
      return [item.segment.index, unmaskTerms(translated, item.masks, targetForm).text];
    }),
  );
  return rebuildArticle(source.text, source.masked.map((item) => item.segment), translations);
}
