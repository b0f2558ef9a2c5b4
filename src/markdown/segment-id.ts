import { createHash } from 'node:crypto';
import type { Segment } from './segment.ts';
import { wordingOf } from './wording.ts';

// A run asks for the same texts' ids several times (segmenting, memory keys, lookups, stores): hashing
// costs more than remembering a bounded number of answers.
const known = new Map<string, string>();
const maxKnown = 20_000;

/** Content identity of a segment: the same text gets the same id wherever it stands. */
export function segmentId(taggedText: string): string {
  let id = known.get(taggedText);
  if (id === undefined) {
    id = createHash('sha256').update(wordingOf(taggedText)).digest('hex').slice(0, 16);
    remember(taggedText, id);
  }
  return id;
}

/** Remembers ids worked out elsewhere (a segmenting thread), so that this thread need not hash those texts again. */
export function knowSegmentIds(segments: readonly Pick<Segment, 'text' | 'id'>[]): void {
  for (const { text, id } of segments) remember(text, id);
}

function remember(taggedText: string, id: string): void {
  if (known.size >= maxKnown) known.clear();
  known.set(taggedText, id);
}
