import { maskTerms, type TermMask } from '../glossary/mask-terms.ts';
import type { TermMatcher } from '../glossary/match-terms.ts';
import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** A segment as an engine would receive it: glossary terms replaced by placeholders. */
export interface MaskedSegment {
  readonly segment: Segment;
  /** Tagged text with `<xN/>` placeholders for glossary terms. */
  readonly text: string;
  readonly masks: readonly TermMask[];
  /** Whether any words are left for an engine once the terms are masked. */
  readonly isSendable: boolean;
}

const hasWord = /\p{L}/u;

/** Masks the glossary terms of every segment; the same for every target language. */
export function maskArticle(segments: readonly Segment[], matcher: TermMatcher): MaskedSegment[] {
  return segments.map((segment) => {
    if (!segment.isTranslatable) return { segment, text: segment.text, masks: [], isSendable: false };
    const { text, masks } = maskTerms(segment.text, matcher, segment.tags.length + 1);
    // Without a term masked, the text is the segment's own, whose words were looked for when it was read.
    return { segment, text, masks, isSendable: masks.length === 0 || hasWord.test(taggedTextToPlain(text)) };
  });
}

/** The texts to send for an article, each once. */
export function textsToSend(masked: readonly MaskedSegment[]): string[] {
  return [...new Set(masked.filter((item) => item.isSendable).map((item) => item.text))];
}

/** Ids of a masked segment's atoms that stand for names: glossary terms, and kept tokens that read as nouns. */
export function nameIdsOf(item: MaskedSegment): number[] {
  const kept = item.segment.tags.flatMap((tag) => (tag.kind === 'atom' && tag.protected?.isName ? [tag.id] : []));
  return [...kept, ...item.masks.map((mask) => mask.id)];
}
