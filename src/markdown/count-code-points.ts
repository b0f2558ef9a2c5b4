/** Characters (code points) of a string, as engines bill them and as people count them: a surrogate pair is one. */
export function countCodePoints(text: string): number {
  let count = text.length;
  for (let index = 1; index < text.length; index++) if (endsSurrogatePair(text, index)) count--;
  return count;
}

/**
 * Whether the UTF-16 unit at `index` is the second half of a character beyond the basic plane (a low surrogate
 * right after a high one), and so no character of its own.
 */
export function endsSurrogatePair(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0xdc00 || code > 0xdfff || index === 0) return false;
  const previous = text.charCodeAt(index - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}
