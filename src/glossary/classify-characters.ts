/** How a character bears on word boundaries. */
export const CharacterClass = { other: 0, word: 1, unspaced: 2, space: 3 } as const;

// Scripts written without spaces between words: a term inside them has no word boundary to look for.
const unspaced = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
const space = /\s/u;

const asciiClasses = new Uint8Array(128).map((_, code) => classifyCodePoint(code));
const cache = new Map<number, number>();

/**
 * The class of every UTF-16 unit of a text, plus one `other` past the end so lookahead needs no
 * bounds check. Both halves of a surrogate pair get the class of their code point.
 */
export function classifyCharacters(text: string): Uint8Array {
  const classes = new Uint8Array(text.length + 1);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      classes[index] = asciiClasses[code]!;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    let found = cache.get(codePoint);
    if (found === undefined) {
      found = classifyCodePoint(codePoint);
      cache.set(codePoint, found);
    }
    classes[index] = found;
    if (codePoint > 0xffff) classes[++index] = found;
  }
  return classes;
}

function classifyCodePoint(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (space.test(character)) return CharacterClass.space;
  if (unspaced.test(character)) return CharacterClass.unspaced;
  if (wordCharacter.test(character)) return CharacterClass.word;
  return CharacterClass.other;
}
