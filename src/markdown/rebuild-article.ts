import { renderSegment, type SegmentFailure } from './render-segment.ts';
import type { Segment } from './segment.ts';

/** What a rebuilt article holds for one segment. */
export interface WrittenSegment {
  /** The tagged text written: the translation, or the source text where there was none or it came back broken. */
  readonly text: string;
  /** Line of the segment in the rebuilt text. */
  readonly line: number;
  /** The document has no place for the segment in this language (a plural form the language does not use). */
  readonly isOmitted?: boolean;
}

export interface RebuiltArticle {
  readonly text: string;
  /** Segments written in the source language because their translation came back broken. */
  readonly failures: readonly SegmentFailure[];
  /** Every segment as written, by segment index, so the output can be checked without parsing it again. */
  readonly written: ReadonlyMap<number, WrittenSegment>;
  /** What the rebuild did that a person should hear about (keys of the old output kept or removed). */
  readonly warnings?: readonly string[];
}

/** Splices each segment's translation into the source at its range; everything else stays byte for byte. */
export function rebuildArticle(source: string, segments: readonly Segment[], translations: ReadonlyMap<number, string>): RebuiltArticle {
  const failures: SegmentFailure[] = [];
  const children = new Map<number, number[]>();
  for (const segment of segments) if (segment.parent !== undefined) children.set(segment.parent, [...(children.get(segment.parent) ?? []), segment.index]);
  const input = { segments, translations, failures, source, children };
  const spliced = segments
    .filter((segment) => segment.parent === undefined)
    .sort((a, b) => a.start - b.start)
    .map((segment) => ({ segment, text: renderSegment(segment, input) }));
  let text = '';
  let cursor = 0;
  let line = 1;
  const lines = new Map<number, number>();
  for (const { segment, text: replacement } of spliced) {
    const kept = source.slice(cursor, segment.start);
    line += countAllLineBreaks(kept);
    lines.set(segment.index, line);
    line += countAllLineBreaks(replacement);
    text += kept + replacement;
    cursor = segment.end;
  }
  return { text: text + source.slice(cursor), failures, written: writtenSegments(segments, translations, failures, lines) };
}

function writtenSegments(segments: readonly Segment[], translations: ReadonlyMap<number, string>, failures: readonly SegmentFailure[], lines: ReadonlyMap<number, number>): Map<number, WrittenSegment> {
  const failed = new Set(failures.map((failure) => failure.segment.index));
  const texts = segments.map((segment) => (failed.has(segment.index) ? segment.text : (translations.get(segment.index) ?? segment.text)));
  const lineOf = (segment: Segment): number => {
    if (segment.parent === undefined) return lines.get(segment.index)!;
    const parent = segments[segment.parent]!;
    return lineOf(parent) + linesBefore(segment, parent, texts[parent.index]!);
  };
  return new Map(segments.map((segment) => [segment.index, { text: texts[segment.index]!, line: lineOf(segment) }]));
}

/**
 * Line breaks of a parent's written text and markup before a nested segment (alt text, a title): as many as
 * the text has before the tag whose markup holds the segment, none where a heading or table cell is joined
 * onto one line, and those of the markup before the segment itself.
 */
function linesBefore(segment: Segment, parent: Segment, parentText: string): number {
  for (const tag of parent.tags) {
    const parts = tag.kind === 'atom' ? [['', tag.markup] as const] : ([['', tag.open], ['/', tag.close]] as const);
    for (const [slash, markup] of parts) {
      const position = markup.findIndex((part) => typeof part !== 'string' && part.segment === segment.index);
      if (position === -1) continue;
      const tagText = tag.kind === 'atom' ? `<x${tag.id}/>` : `<${slash}g${tag.id}>`;
      const isOneLine = parent.sink.type === 'inline' && (parent.sink.isHeading || parent.sink.isTableCell) && parent.linePrefixes.length === 0;
      const before = isOneLine ? 0 : countLineBreaks(parentText.slice(0, Math.max(0, parentText.indexOf(tagText))));
      return before + markup.slice(0, position).reduce((sum, part) => sum + (typeof part === 'string' ? countLineBreaks(part) : 0), 0);
    }
  }
  return segment.line - parent.line;
}

// Blank lines inside a text are written as one line break (see renderSegment), so a run of breaks counts once.
function countLineBreaks(text: string): number {
  return text.match(/\n+/g)?.length ?? 0;
}

function countAllLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
