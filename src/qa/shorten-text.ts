const maximumLength = 80;

/** Shortens text to one line of at most 80 characters, so a finding quotes without flooding a terminal or table. */
export function shortenText(text: string): string {
  // Control characters could move a terminal's cursor or recolour it: article text is never trusted.
  const line = text.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '\uFFFD').trim();
  // UTF-16 units are never fewer than characters: a short line needs no counting.
  if (line.length <= maximumLength) return line;
  const characters = [...line];
  return characters.length <= maximumLength ? line : `${characters.slice(0, maximumLength - 1).join('').trimEnd()}…`;
}
