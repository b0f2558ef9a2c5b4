import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import { wordingOf } from '../markdown/wording.ts';

/** The words of tagged text as fuzzy matching compares them: tags dropped, NFC, whitespace collapsed. */
export function plainSourceOf(taggedText: string): string {
  return wordingOf(taggedTextToPlain(taggedText));
}
