/** Where a link destination is written: offsets of its text, inside the `<…>` when it has them. */
export interface DestinationSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds the destination written at `from` in a link's or definition's source (after `](` or `]:`), following
 * CommonMark's two forms: `<…>`, or a run without spaces whose parentheses balance.
 */
export function locateDestination(source: string, from: number, limit: number): DestinationSpan | undefined {
  let index = from;
  let isPastLineEnding = false;
  // Past a line ending, a blockquote's `>` belongs to the container, not to the destination.
  while (index < limit && (isBlank(source[index]!) || (isPastLineEnding && source[index] === '>'))) {
    if (source[index] === '\n') isPastLineEnding = true;
    index++;
  }
  if (source[index] === '<') {
    const start = index + 1;
    for (index = start; index < limit && source[index] !== '>'; index++) {
      if (source[index] === '\\') index++;
      if (source[index] === '\n') return undefined;
    }
    return index < limit ? { start, end: index } : undefined;
  }
  const start = index;
  let depth = 0;
  for (; index < limit; index++) {
    const character = source[index]!;
    if (character === '\\') index++;
    else if (character === '(') depth++;
    else if (character === ')' && depth-- === 0) break;
    // A space or a control character ends it.
    else if (character <= ' ') break;
  }
  return index > start ? { start, end: Math.min(index, limit) } : undefined;
}

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}
