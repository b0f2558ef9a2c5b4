// Continuation lines of a paragraph begin with their containers' markers (`> `, list indentation)
// and paragraph text never starts with them, so the prefix is the run of blanks and `>` at the line start.
const prefixPattern = /^[ \t>]*/;

/** The container prefix of every line after the first in `source[start, end)`. */
export function linePrefixes(source: string, start: number, end: number): string[] {
  const prefixes: string[] = [];
  for (let index = source.indexOf('\n', start); index !== -1 && index < end; index = source.indexOf('\n', index + 1)) {
    prefixes.push(prefixPattern.exec(source.slice(index + 1, end))![0]);
  }
  return prefixes;
}

/** Removes container prefixes after line breaks in a piece of source markup; they are re-added on output. */
export function stripLinePrefixes(markup: string): string {
  return markup.replace(/\n[ \t>]*/g, '\n');
}

/** Puts the container prefixes back after each line break, reusing the last one when the text has more lines. */
export function addLinePrefixes(text: string, prefixes: readonly string[]): string {
  let line = 0;
  return text.replace(/\n/g, () => `\n${prefixes[Math.min(line++, prefixes.length - 1)] ?? ''}`);
}
