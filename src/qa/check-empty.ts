import type { Segment } from '../markdown/segment.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';

/** Finds a target with no text left where the source has words. */
export function checkEmpty(source: Segment, target: Segment, context: CheckContext): Finding[] {
  if (!source.isTranslatable || plainTextOf(target).trim() !== '') return [];
  return [createFinding('empty', target, context, 'the translation is empty while the source has text')];
}
