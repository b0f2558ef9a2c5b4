/** Every match of a global pattern in a text, with where it starts. */
export function findTokens(text: string, pattern: RegExp): { readonly token: string; readonly index: number }[] {
  return [...text.matchAll(pattern)].map((match) => ({ token: match[0], index: match.index }));
}

const wordCharacter = /[\p{L}\p{N}_]/u;

/** How many times `token` stands in `text` as a whole, not as part of a longer word. */
export function countToken(text: string, token: string): number {
  let count = 0;
  for (let index = text.indexOf(token); index !== -1; index = text.indexOf(token, index + 1)) {
    const before = text[index - 1] ?? ' ';
    const after = text[index + token.length] ?? ' ';
    const isWholeAtStart = !wordCharacter.test(token[0]!) || !wordCharacter.test(before);
    const isWholeAtEnd = !wordCharacter.test(token.at(-1)!) || !wordCharacter.test(after);
    if (isWholeAtStart && isWholeAtEnd) count += 1;
  }
  return count;
}
