import type { MemoryEntry } from '../../src/memory/memory-entry.ts';
import type { EntryFilter } from '../../src/memory/memory-store.ts';
import { SqliteMemory } from '../../src/memory/sqlite/sqlite-memory.ts';

/** Every entry of the SQLite memory at `file`, as a finished run left it. */
export async function readMemoryEntries(file: string, filter: EntryFilter = {}): Promise<MemoryEntry[]> {
  const memory = SqliteMemory.open(file);
  try {
    const entries: MemoryEntry[] = [];
    for await (const entry of memory.entries(filter)) entries.push(entry);
    return entries;
  } finally {
    await memory.close();
  }
}
