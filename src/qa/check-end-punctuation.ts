import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';

// Full-width forms count the same as their ASCII twins, so English → Chinese keeps its full stop as 。.
const endPunctuation = /[.!?:…。！？：．｡]$/u;
// Closing quotes and brackets sit after the full stop in some languages and before it in others; pseudo-
// localisation closes with its padding and bracket (`… ····⟧`). All are single UTF-16 units.
const closer = /[\s"'”’»›)\]}」』）⟧·]/u;

/** Finds a sentence-ending mark (. ! ? : and their CJK forms) present on one side only. */
export function checkEndPunctuation(source: Segment, target: Segment, context: CheckContext): Finding[] {
  const sourceEnd = lastMark(source);
  const targetEnd = lastMark(target);
  if (sourceEnd === undefined || targetEnd === undefined) return [];
  const hasSourceMark = endPunctuation.test(sourceEnd);
  const hasTargetMark = endPunctuation.test(targetEnd);
  if (hasSourceMark === hasTargetMark) return [];
  const message = hasSourceMark
    ? `the source ends with "${sourceEnd}" but the translation does not`
    : `the translation ends with "${targetEnd}" but the source does not`;
  return [createFinding('end-punctuation', target, context, message)];
}

// Read from the end: only the last few characters matter, whatever the length of the segment. Every mark is one
// UTF-16 unit, so the last unit tells; half of a surrogate pair is never a mark, and is never shown.
function lastMark(segment: Segment): string | undefined {
  const text = plainTextOf(segment);
  let end = text.length;
  while (end > 0 && closer.test(text[end - 1]!)) end--;
  return end === 0 ? undefined : text[end - 1];
}
