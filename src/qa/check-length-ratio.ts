import type { Segment } from '../markdown/segment.ts';
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

/** Characters (code points) of the plain text, with each run of whitespace counted once and the edges trimmed. */
function lengthOf(segment: Segment): number {
  const text = plainTextOf(segment).trim();
  let length = 0;
  let isInBlank = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // The second half of a surrogate pair belongs to the character already counted.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const isBlank = isWhitespace(code);
    if (!isBlank || !isInBlank) length++;
    isInBlank = isBlank;
  }
  return length;
}

/** The characters `\s` matches, by code: a regular expression per character would cost more than the count. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
