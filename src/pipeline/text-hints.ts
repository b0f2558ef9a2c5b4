import type { TextHints } from '../engines/engine.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { MaskedSegment } from './mask-article.ts';

export interface TextHintOptions {
  readonly glossary: Glossary;
  readonly language: string;
  readonly title?: string;
  /** Translatable segments told before and after the text. */
  readonly neighbours: number;
}

// Enough for a paragraph on each side, so a long neighbour does not cost more than the text it explains.
const maxNeighbourLength = 400;

/**
 * What an engine may be told about each masked segment of an article: its title, neighbours and glossary terms.
 * Made once per article and language, so asking for every segment costs a pass over the article, not one each.
 */
export function createTextHints(masked: readonly MaskedSegment[], options: TextHintOptions): (index: number) => TextHints {
  // Positions of the translatable segments, and each segment's place among them (its next one's, for the others).
  const translatable = masked.flatMap((item, index) => (item.segment.isTranslatable ? [index] : []));
  const rank = new Map(translatable.map((index, position) => [index, position]));
  const plains = new Map<number, string>();
  const plainAt = (index: number) => plains.get(index) ?? plains.set(index, taggedTextToPlain(masked[index]!.segment.text, ' ')).get(index)!;
  const plainOf = (indices: readonly number[]) => indices.map(plainAt).join('\n');
  return (index) => {
    const position = rank.get(index) ?? translatable.findIndex((other) => other > index);
    const start = position === -1 ? translatable.length : position;
    const end = rank.has(index) ? start + 1 : start;
    const n = options.neighbours;
    const before = n > 0 ? plainOf(translatable.slice(Math.max(0, start - n), start)).slice(-maxNeighbourLength) : '';
    const after = n > 0 ? plainOf(translatable.slice(end, end + n)).slice(0, maxNeighbourLength) : '';
    const terms = masked[index]!.masks.map((mask) => {
      const note = options.glossary.ownForm(mask.termId, options.language)?.note ?? options.glossary.terms.find((term) => term.id === mask.termId)?.note;
      return { id: mask.id, source: mask.source, target: options.glossary.targetForm(mask.termId, options.language), ...(note ? { note } : {}) };
    });
    return {
      ...(options.title ? { title: options.title } : {}),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(terms.length > 0 ? { terms } : {}),
    };
  };
}
