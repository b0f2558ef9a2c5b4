import type { MemoryStore } from './memory-store.ts';

/**
 * How many of these segments need a reviewer's look: those whose saved suggestions hold a reviewed translation.
 * A segment without a key (nothing saved for it) counts as not needing one.
 */
export async function countWithReviewedSuggestion(memory: Pick<MemoryStore, 'keysWithReviewedSuggestion'>, keys: readonly (string | undefined)[]): Promise<number> {
  const known = keys.filter((key) => key !== undefined);
  if (known.length === 0) return 0;
  const reviewed = await memory.keysWithReviewedSuggestion([...new Set(known)]);
  return known.filter((key) => reviewed.has(key)).length;
}
