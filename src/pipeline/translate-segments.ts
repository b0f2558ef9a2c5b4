import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** Segments an engine should see: translatable, each text once. */
export function textsToTranslate(segments: readonly Segment[]): string[] {
  return [...new Set(segments.filter((segment) => segment.isTranslatable).map((segment) => segment.text))];
}

/** Characters of plain text (tags left out), counted in code points as engines bill them. */
export function countCharacters(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + [...taggedTextToPlain(text)].length, 0);
}
