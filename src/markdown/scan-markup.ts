// mdast gives no positions for an image's alt or a link's title, so these scanners find them
// in the node's own source slice, honouring backslash escapes and nested brackets.

/** Index of the `]` closing the label that opens at `open` (the index of its `[`), or -1. */
export function findLabelEnd(markup: string, open: number): number {
  let depth = 0;
  for (let index = open; index < markup.length; index++) {
    const char = markup[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
  }
  return -1;
}

/** Range of a resource's title (inside its delimiters) at the end of `markup`, which ends with `)`. */
export function findTitle(markup: string): { start: number; end: number; delimiter: string } | undefined {
  let index = markup.length - 2;
  while (index >= 0 && /\s/.test(markup[index]!)) index--;
  const closing = markup[index];
  if (closing !== '"' && closing !== "'" && closing !== ')') return undefined;
  const delimiter = closing === ')' ? '(' : closing;
  const end = index;
  for (index = end - 1; index >= 0; index--) {
    if (markup[index] === delimiter && markup[index - 1] !== '\\') return { start: index + 1, end, delimiter };
  }
  return undefined;
}
