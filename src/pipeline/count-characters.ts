import { taggedTextToPlain } from '../markdown/tagged-text.ts';

/** Characters of plain text (tags left out), counted in code points as engines bill them. */
export function countCharacters(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + countCodePoints(taggedTextToPlain(text)), 0);
}

function countCodePoints(text: string): number {
  let count = text.length;
  // Each character beyond the basic plane takes two UTF-16 units: a high surrogate, then a low one.
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) count--;
  }
  return count;
}
