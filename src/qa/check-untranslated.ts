import type { Segment } from '../markdown/segment.ts';
import { hasWording, wordingOf } from '../markdown/wording.ts';
import type { CheckContext } from './check-context.ts';
import { createFinding } from './create-finding.ts';
import type { Finding } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { termPattern } from './term-pattern.ts';

// Han and kana are written without spaces, so each character counts as a word.
const word = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{L}[\p{L}\p{M}'’-]*/gu;
const capitalised = /^[\p{Lu}\p{Lt}]/u;

/** Finds a target identical to a source that has words to translate. */
export function checkUntranslated(source: Segment, target: Segment, context: CheckContext): Finding[] {
  const sourcePlain = wordingOf(plainTextOf(source));
  const targetPlain = plainTextOf(target);
  if ((targetPlain !== sourcePlain && !hasWording(targetPlain, sourcePlain)) || !hasWordsToTranslate(sourcePlain, context)) return [];
  return [createFinding('untranslated', target, context, `the translation is the same as the ${context.sourceLanguage} source`)];
}

/**
 * Whether text holds at least two words besides glossary terms, one of them not capitalised: a line of
 * names ("Chongqing Hotpot Museum") reads the same in every language, a sentence does not.
 */
function hasWordsToTranslate(text: string, context: CheckContext): boolean {
  const withoutTerms = context.terms.reduce((rest, term) => (term.source.trim() === '' ? rest : rest.replace(termPattern(term.source, true), ' ')), text);
  let words = 0;
  let isAnyLowercase = false;
  for (const [candidate] of withoutTerms.matchAll(word)) {
    words++;
    isAnyLowercase ||= !capitalised.test(candidate);
    if (words >= 2 && isAnyLowercase) return true;
  }
  return false;
}
