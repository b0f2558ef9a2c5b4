import { chooseEntry } from './choose-entry.ts';
import type { MemoryEntry } from './memory-entry.ts';

/** The entry each request key is answered with, among the candidate entries a backend found for it (see `chooseEntry`). */
export function answerLookup(candidates: Iterable<{ readonly requestKey: string; readonly entry: MemoryEntry }>): Map<string, MemoryEntry> {
  const byKey = new Map<string, MemoryEntry[]>();
  for (const { requestKey, entry } of candidates) {
    const group = byKey.get(requestKey);
    if (group) group.push(entry);
    else byKey.set(requestKey, [entry]);
  }
  const found = new Map<string, MemoryEntry>();
  for (const [key, group] of byKey) {
    const entry = chooseEntry(key, group);
    if (entry) found.set(key, entry);
  }
  return found;
}
