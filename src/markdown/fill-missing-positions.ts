import type { Nodes, Root } from 'mdast';
import { lineAt, lineStartsOf } from './line-starts.ts';
import { alignValue } from './protect/align-value.ts';

type Point = { line: number; column: number; offset?: number };
type Positioned = { position?: { start: Point; end: Point } };

/**
 * Gives a position to the nodes the parser left without one. GFM's literal autolinks are found in text after
 * parsing; in text that follows an unclosed `[` (`[*see http://x.a*`) neither the text nor the link it finds
 * get a position, nor does a link found in text written with references or escapes, and every later step reads
 * markup from the source by position. Each such node is found in the source after its previous sibling, within
 * its parent.
 */
export function fillMissingPositions(tree: Root, source: string): void {
  const lineStarts = lineStartsOf(source);
  const pointAt = (offset: number) => {
    const line = lineAt(lineStarts, offset);
    return { line, column: offset - lineStarts[line - 1]! + 1, offset };
  };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (!('children' in parent)) continue;
    const range = (parent as Positioned).position;
    let cursor = range?.start.offset ?? 0;
    for (const child of parent.children as Nodes[]) {
      const own = (child as Positioned).position;
      if (own?.start.offset !== undefined && own.end.offset !== undefined) {
        cursor = own.end.offset;
      } else if (range?.end.offset !== undefined) {
        const text = literalText(child);
        // The text as written may come first, or the same text spelled with references or escapes.
        const written = findText(source, text, cursor);
        const found = findSpelledText(source, text, cursor, written?.start ?? range.end.offset) ?? written;
        if (found && found.end <= range.end.offset) {
          setPosition(child, pointAt(found.start), pointAt(found.end));
          cursor = found.end;
        }
      }
      stack.push(child);
    }
  }
}

// The parser drops spaces at the ends of lines and the container prefixes (`> `, indentation) at their starts.
function findText(source: string, text: string, from: number): { start: number; end: number } | undefined {
  if (text === '') return undefined;
  const pattern = new RegExp(text.split('\n').map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]*\\r?\\n[ \\t>]*'), 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

// GFM finds literal autolinks in text as the parser decoded it: an address written with a character reference
// or an escape (`contact&#64;example.org`, `www\.example.org`) is not in the source as it reads.
function findSpelledText(source: string, text: string, from: number, to: number): { start: number; end: number } | undefined {
  if (text === '') return undefined;
  for (let at = from; at < to; at++) {
    const char = source[at];
    if (char !== text[0] && char !== '&' && char !== '\\') continue;
    const offsets = alignValue(text, source.slice(at, to));
    if (offsets?.[0] === 0) return { start: at, end: at + offsets[text.length]! };
  }
  return undefined;
}

function literalText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(literalText).join('');
  return '';
}

function setPosition(node: Nodes, start: Point, end: Point): void {
  (node as Positioned).position = { start, end };
  // A found link's text is exactly the link: it stands at the same place.
  if ('children' in node) for (const child of node.children as Nodes[]) if (!(child as Positioned).position) setPosition(child, start, end);
}
