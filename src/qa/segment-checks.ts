import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { checkEndPunctuation } from './check-end-punctuation.ts';
import { checkGlossaryTerms } from './check-glossary-terms.ts';
import { checkLengthRatio } from './check-length-ratio.ts';
import { checkMarkup } from './check-markup.ts';
import { checkNumbers } from './check-numbers.ts';
import { checkSpanEdges } from './check-span-edges.ts';
import { checkUntranslated } from './check-untranslated.ts';
import { checkWhitespace } from './check-whitespace.ts';
import type { Finding } from './finding.ts';

/** A check of one translated segment against its source. */
export type SegmentCheck = (source: Segment, target: Segment, context: CheckContext) => Finding[];

/** The checks run on every segment with text in it; `checkEmpty` runs before them, since an empty target fails them all. */
export const segmentChecks: readonly SegmentCheck[] = [
  checkMarkup,
  checkSpanEdges,
  checkNumbers,
  checkGlossaryTerms,
  checkUntranslated,
  checkLengthRatio,
  checkWhitespace,
  checkEndPunctuation,
];

/**
 * The checks of what an engine that returns its source on purpose wrote (see `Engine.returnsSource`): every one
 * but `checkUntranslated`, which would only say what the engine was asked to do, once for every segment.
 */
export const checksOfReturnedSource: readonly SegmentCheck[] = segmentChecks.filter((check) => check !== checkUntranslated);
