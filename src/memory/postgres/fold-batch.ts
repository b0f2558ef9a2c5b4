import type { NewMemoryEntry } from '../memory-entry.ts';

/**
 * One entry per key, as storing the batch one entry after another would leave it: a later entry replaces an
 * earlier one of the same key, except that a machine entry never replaces a reviewed one. PostgreSQL refuses an
 * upsert that touches the same row twice in one statement.
 */
export function foldBatch<T extends Pick<NewMemoryEntry, 'key' | 'status'>>(entries: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const entry of entries) {
    const earlier = byKey.get(entry.key);
    if (earlier?.status === 'reviewed' && entry.status !== 'reviewed') continue;
    byKey.set(entry.key, entry);
  }
  return [...byKey.values()];
}
