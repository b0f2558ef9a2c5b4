/** Characters (code points) of a string, as engines bill them and as people count them: a surrogate pair is one. */
export function countCodePoints(text: string): number {
  let count = text.length;
  // Each character beyond the basic plane takes two UTF-16 units: a high surrogate, then a low one.
  for (let index = 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) count--;
  }
  return count;
}
