import type { Segment } from '../markdown/segment.ts';
import { collapsedLength } from '../markdown/wording.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { isCjkLanguage } from './is-cjk-language.ts';
import { plainTextOf } from './plain-text-of.ts';

interface Bounds {
  readonly lowest: number;
  readonly highest: number;
  /** Shorter sources vary too much in length to judge. */
  readonly shortestSource: number;
}

// A CJK character carries roughly what three to four alphabetic ones do, so the bounds shift across that line.
const alphabeticToAlphabetic: Bounds = { lowest: 0.4, highest: 2.5, shortestSource: 20 };
const alphabeticToCjk: Bounds = { lowest: 0.15, highest: 1.5, shortestSource: 20 };
const cjkToAlphabetic: Bounds = { lowest: 0.6, highest: 8, shortestSource: 8 };
const cjkToCjk: Bounds = { lowest: 0.4, highest: 2.5, shortestSource: 8 };

/** Finds a translation far shorter or longer than its source, a sign of dropped or invented text. */
export function checkLengthRatio(source: Segment, target: Segment, context: CheckContext): Finding[] {
  const bounds = boundsFor(context.sourceLanguage, context.targetLanguage);
  const sourceLength = lengthOf(source);
  const targetLength = lengthOf(target);
  if (sourceLength < bounds.shortestSource || targetLength === 0) return [];
  const ratio = targetLength / sourceLength;
  if (ratio >= bounds.lowest && ratio <= bounds.highest) return [];
  const comparison = ratio < bounds.lowest ? 'shorter' : 'longer';
  const message = `the translation is ${ratio.toFixed(2)}× the source's length (${targetLength} vs ${sourceLength} characters), ${comparison} than the expected ${bounds.lowest}–${bounds.highest}×`;
  return [createFinding('length-ratio', target, context, message)];
}

function boundsFor(sourceLanguage: string, targetLanguage: string): Bounds {
  const isCjkSource = isCjkLanguage(sourceLanguage);
  const isCjkTarget = isCjkLanguage(targetLanguage);
  if (isCjkSource) return isCjkTarget ? cjkToCjk : cjkToAlphabetic;
  return isCjkTarget ? alphabeticToCjk : alphabeticToAlphabetic;
}

function lengthOf(segment: Segment): number {
  return collapsedLength(plainTextOf(segment));
}
