import { countCodePoints } from '../markdown/count-code-points.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** Characters of plain text (tags left out), counted in code points as engines bill them. */
export function countCharacters(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + countCodePoints(taggedTextToPlain(text)), 0);
}
