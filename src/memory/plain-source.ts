import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** The words of tagged text as fuzzy matching compares them: tags dropped, NFC, whitespace collapsed. */
export function plainSourceOf(taggedText: string): string {
  return taggedTextToPlain(taggedText).normalize('NFC').replace(/\s+/g, ' ').trim();
}
