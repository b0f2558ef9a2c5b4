import type { MemoryEntry } from './memory-entry.ts';

/**
 * The entry a lookup answers with, among those sharing the request's normalised source text and pair:
 * reviewed under the request's key, then any reviewed (whatever engine profile or glossary version),
 * then the machine entry under the request's key, then a machine entry imported from TMX.
 * Ties go to the most recently updated entry.
 */
export function chooseEntry(requestKey: string, candidates: readonly MemoryEntry[]): MemoryEntry | undefined {
  let best: { entry: MemoryEntry; rank: number } | undefined;
  for (const entry of candidates) {
    const entryRank = rank(entry, requestKey);
    if (entryRank === undefined) continue;
    const isBetter = !best || entryRank < best.rank || (entryRank === best.rank && entry.updatedAt > best.entry.updatedAt);
    if (isBetter) best = { entry, rank: entryRank };
  }
  return best?.entry;
}

function rank(entry: MemoryEntry, requestKey: string): number | undefined {
  const isExact = entry.key === requestKey;
  if (entry.status === 'reviewed') return isExact ? 0 : 1;
  if (isExact) return 2;
  return entry.origin === 'import' ? 3 : undefined;
}
