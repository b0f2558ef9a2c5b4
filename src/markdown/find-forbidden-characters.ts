// NUL is never allowed (CommonMark replaces it, and the rebuild uses it as a marker); a lone surrogate has no
// UTF-8 form, so writing it would put U+FFFD in the output; other control characters only where the source has them.
const forbidden = /\p{Cs}|[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/gu;

/** What is wrong with the characters of a translation that cannot be written to a markdown file, one message each. */
export function findForbiddenCharacters(translation: string, source: string): string[] {
  const found = new Set<string>();
  for (const [character] of translation.matchAll(forbidden)) {
    if (character !== '\0' && !/\p{Cs}/u.test(character) && source.includes(character)) continue;
    found.add(character);
  }
  return [...found].map(describe);
}

function describe(character: string): string {
  const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (/\p{Cs}/u.test(character)) return `it holds ${code}, half of a surrogate pair without its other half, which no file can hold`;
  return `it holds the control character ${code}${character === '\0' ? ' (NUL)' : ''}, which has no place in a markdown file`;
}
