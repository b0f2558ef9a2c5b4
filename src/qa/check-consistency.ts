import type { Segment } from '../markdown/segment.ts';
import { taggedTextToPlain } from '../markdown/tagged-text.ts';
import { createFinding } from './create-finding.ts';
import type { CheckId, Finding, Severity } from './finding.ts';
import { shortenText } from './shorten-text.ts';

/** A source segment and its translation, with where the translation stands. */
export interface TranslatedPair {
  readonly source: Segment;
  readonly target: Segment;
  readonly file: string;
  readonly language: string;
}

/**
 * Finds the same source text translated in different ways within one language. The most frequent
 * translation (the first on a tie) counts as the intended one; every other occurrence gets a finding.
 */
export function checkConsistency(pairs: readonly TranslatedPair[], severities: Partial<Record<CheckId, Severity>> = {}): Finding[] {
  const groups = new Map<string, TranslatedPair[]>();
  for (const pair of pairs) {
    if (!pair.source.isTranslatable) continue;
    // The segment id already identifies the source text; the language keeps each language's run apart.
    const key = `${pair.language}\u0000${pair.source.id}`;
    const group = groups.get(key);
    if (group) group.push(pair);
    else groups.set(key, [pair]);
  }
  return [...groups.values()].flatMap((group) => {
    const usual = mostFrequent(group);
    const message = `the same source text is translated as "${shortenText(taggedTextToPlain(usual.target.text))}" at ${usual.file}:${usual.target.line}`;
    return group
      .filter((pair) => wordingOf(pair) !== wordingOf(usual))
      .map((pair) => createFinding('inconsistent', pair.target, { file: pair.file, targetLanguage: pair.language, severities }, message));
  });
}

function mostFrequent(group: readonly TranslatedPair[]): TranslatedPair {
  const counts = new Map<string, number>();
  for (const pair of group) counts.set(wordingOf(pair), (counts.get(wordingOf(pair)) ?? 0) + 1);
  return group.reduce((best, pair) => (counts.get(wordingOf(pair))! > counts.get(wordingOf(best))! ? pair : best));
}

/** The words of a translation: formatting may differ between occurrences without making the wording inconsistent. */
function wordingOf(pair: TranslatedPair): string {
  return taggedTextToPlain(pair.target.text).normalize('NFC').replace(/\s+/g, ' ').trim();
}
