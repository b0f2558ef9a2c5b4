import type { ExtractedArticle } from '../markdown/extract-segments.ts';
import type { SegmentOptions } from '../markdown/segment-options.ts';

/** What the segmenting thread is asked: one article's text. */
export interface SegmentRequest {
  readonly id: number;
  readonly text: string;
  readonly options: SegmentOptions;
  /** Whether parsing gives way to the run's other work: the thread lowers its priority, for good, the first time. */
  readonly givesWay: boolean;
}

/** What it answers: the article's segments, or the failure (a bug, never bad input) to rethrow. */
export type SegmentReply = { readonly id: number; readonly extracted: ExtractedArticle } | { readonly id: number; readonly failure: string };

/** Sent once the thread has loaded the parser and can take articles. */
export const readySignal = 'ready';
