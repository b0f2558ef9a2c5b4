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

/** What an engine may be told about the masked segment at `index`: its title, neighbours and glossary terms. */
export function textHintsOf(masked: readonly MaskedSegment[], index: number, options: TextHintOptions): TextHints {
  const item = masked[index]!;
  const plainOf = (items: readonly MaskedSegment[]) => items.map((neighbour) => taggedTextToPlain(neighbour.segment.text, ' ')).join('\n');
  const before = options.neighbours > 0 ? plainOf(translatable(masked.slice(0, index)).slice(-options.neighbours)).slice(-maxNeighbourLength) : '';
  const after = options.neighbours > 0 ? plainOf(translatable(masked.slice(index + 1)).slice(0, options.neighbours)).slice(0, maxNeighbourLength) : '';
  const terms = item.masks.map((mask) => {
    const note = options.glossary.ownForm(mask.termId, options.language)?.note ?? options.glossary.terms.find((term) => term.id === mask.termId)?.note;
    return { id: mask.id, source: mask.source, target: options.glossary.targetForm(mask.termId, options.language), ...(note ? { note } : {}) };
  });
  return {
    ...(options.title ? { title: options.title } : {}),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(terms.length > 0 ? { terms } : {}),
  };
}

function translatable(items: readonly MaskedSegment[]): MaskedSegment[] {
  return items.filter((item) => item.segment.isTranslatable);
}
