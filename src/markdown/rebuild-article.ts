import { renderSegment, type SegmentFailure } from './render-segment.ts';
import type { Segment } from './segment.ts';

export interface RebuiltArticle {
  readonly text: string;
  /** Segments written in the source language because their translation came back broken. */
  readonly failures: readonly SegmentFailure[];
}

/** Splices each segment's translation into the source at its range; everything else stays byte for byte. */
export function rebuildArticle(source: string, segments: readonly Segment[], translations: ReadonlyMap<number, string>): RebuiltArticle {
  const failures: SegmentFailure[] = [];
  const input = { segments, translations, failures };
  const spliced = segments
    .filter((segment) => segment.parent === undefined)
    .sort((a, b) => a.start - b.start)
    .map((segment) => ({ segment, text: renderSegment(segment, input) }));
  let text = '';
  let cursor = 0;
  for (const { segment, text: replacement } of spliced) {
    text += source.slice(cursor, segment.start) + replacement;
    cursor = segment.end;
  }
  return { text: text + source.slice(cursor), failures };
}
