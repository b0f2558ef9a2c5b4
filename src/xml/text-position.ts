/** Line and column (from 1) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The text with every match of `pattern` (global) replaced by spaces, keeping newlines, so offsets and lines stay put. */
export function blankOut(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, ' '));
}

/** Line (from 1) of each match of `pattern` (global), counted in one pass. */
export function matchLines(text: string, pattern: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(pattern)) {
    for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 10) line++;
    lines.push(line);
  }
  return lines;
}
