/** Distinct lower-cased trigrams of a plain text, as the FTS5 trigram tokenizer (which folds case) indexes it. */
export function trigramsOf(plainText: string): string[] {
  const characters = [...plainText.toLowerCase()];
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= characters.length; index++) trigrams.add(characters.slice(index, index + 3).join(''));
  return [...trigrams];
}

/**
 * The rarest trigrams of a text whose postings together stay within `budget` (at least `minimum` of them).
 * A similar text shares most of a text's trigrams, so it shares some rare ones; common trigrams
 * (" th", "ing") only make the index read most of its postings for no gain in recall.
 */
export function pickRareTrigrams(trigrams: readonly string[], documents: ReadonlyMap<string, number>, options: { budget: number; minimum: number }): string[] {
  const byRarity = [...trigrams].sort((a, b) => (documents.get(a) ?? 0) - (documents.get(b) ?? 0));
  const picked: string[] = [];
  let postings = 0;
  for (const trigram of byRarity) {
    const count = documents.get(trigram) ?? 0;
    if (picked.length >= options.minimum && postings + count > options.budget) break;
    picked.push(trigram);
    postings += count;
  }
  return picked;
}

/** FTS5 query matching any text that holds one of the trigrams. */
export function matchAnyTrigram(trigrams: readonly string[]): string {
  // Each trigram is an FTS5 string: quotes doubled, so any character is taken literally.
  return trigrams.map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' OR ');
}
