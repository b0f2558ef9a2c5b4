import type { ProtectOptions } from './protect/find-protected.ts';
import type { Segment } from './segment.ts';
import { linePrefixes } from './line-prefixes.ts';
import { lineAt } from './line-starts.ts';
import { segmentId } from './segment-id.ts';
import { taggedTextToPlain } from './tagged-text.ts';

/** Shared state while one article is split into segments. */
export interface ExtractContext {
  readonly source: string;
  /** Where each line of the source starts (see `lineStartsOf`), for the line each segment starts on. */
  readonly lineStarts: readonly number[];
  readonly frontmatterKeys: readonly string[];
  readonly protect: ProtectOptions;
  readonly segments: Segment[];
  readonly warnings: string[];
}

/** What a handler knows of a segment; the rest (id, line, prefixes) is derived. */
export type SegmentDraft = Pick<Segment, 'kind' | 'text' | 'tags' | 'sink' | 'start' | 'end' | 'parent' | 'references'>;

const hasWord = /\p{L}/u;

/** Reserves a place in the segment list, so nested segments can name their parent before it is complete. */
export function reserveSegment(context: ExtractContext): number {
  return context.segments.push(undefined as unknown as Segment) - 1;
}

/** Completes a segment at a reserved index, deriving its id, line and line prefixes. */
export function fillSegment(context: ExtractContext, index: number, draft: SegmentDraft): void {
  // The draft spread last: V8 builds an object that adds keys after a spread through a slow path of its own
  // (some 5 µs and 2 KB each here, against a tenth of a microsecond), and a draft holds none of these keys.
  context.segments[index] = {
    index,
    id: segmentId(draft.text),
    line: lineAt(context.lineStarts, draft.start),
    linePrefixes: linePrefixes(context.source, draft.start, draft.end),
    isTranslatable: hasWord.test(taggedTextToPlain(draft.text)),
    ...draft,
  };
}

/** Adds a segment at the end of the list. */
export function addSegment(context: ExtractContext, draft: SegmentDraft): number {
  const index = reserveSegment(context);
  fillSegment(context, index, draft);
  return index;
}
