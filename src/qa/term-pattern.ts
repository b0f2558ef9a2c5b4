// Scripts written without spaces between words: a term inside them has no word boundary to look for.
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

// A run checks every segment against its terms: each pattern is built once. The glossary is small and fixed.
const patterns = new Map<string, RegExp>();

/**
 * A case-insensitive, global pattern for a glossary term in running text. It must start at a word boundary; with
 * `isWholeWord` it must end at one too, otherwise endings may follow so inflected forms (centro → centros) count.
 * The pattern is shared: search with `String.prototype.search` or `replace`, which ignore its `lastIndex`.
 */
export function termPattern(term: string, isWholeWord: boolean): RegExp {
  const key = `${isWholeWord ? 'w' : 's'}${term}`;
  let pattern = patterns.get(key);
  if (!pattern) patterns.set(key, (pattern = buildTermPattern(term, isWholeWord)));
  return pattern;
}

function buildTermPattern(term: string, isWholeWord: boolean): RegExp {
  const characters = [...term.trim()];
  const body = term.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const needsBoundary = (character: string | undefined) => character !== undefined && wordCharacter.test(character) && !unspaced.test(character);
  const start = needsBoundary(characters[0]) ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
  const end = isWholeWord && needsBoundary(characters.at(-1)) ? '(?![\\p{L}\\p{N}\\p{M}])' : '';
  return new RegExp(`${start}${body}${end}`, 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
