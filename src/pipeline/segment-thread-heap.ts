let limitMb: number | undefined;

/**
 * Caps the old-generation heap of segmenting threads started from now on; without a call they have V8's default.
 * Kept apart from the segmenter so that a command can set it without loading the parser.
 */
export function limitSegmentThreadHeap(megabytes: number): void {
  limitMb = megabytes;
}

/** The cap set by `limitSegmentThreadHeap`, if any. */
export function segmentThreadHeapLimit(): number | undefined {
  return limitMb;
}
