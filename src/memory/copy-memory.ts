import { UsageError } from '../errors.ts';
import { countOf } from '../report/count-of.ts';
import { MemoryError } from './memory-error.ts';
import type { MemoryTally } from './memory-records.ts';
import type { MemoryStore } from './memory-store.ts';

const kinds: readonly (keyof MemoryTally)[] = ['entries', 'reviewed', 'outputs', 'rejected', 'suggestions'];

/**
 * Copies everything one memory holds into another, empty one (entries with their status, origin and times,
 * recorded outputs, rejected replies, saved suggestions), then checks that both hold as many of each.
 * Returns the tally copied. Nothing should write to the source meanwhile.
 */
export async function copyMemory(from: MemoryStore, to: MemoryStore): Promise<MemoryTally> {
  const before = await to.tally();
  if (kinds.some((kind) => before[kind] > 0)) {
    throw new UsageError(`The memory ${to.location} is not empty (${describeTally(before)}); memory copy only fills an empty memory.`, {
      hint: 'Copy into a new file or a newly migrated database, or export and import TMX to merge.',
    });
  }
  for await (const batch of from.records()) await to.restore(batch);
  const [source, copied] = await Promise.all([from.tally(), to.tally()]);
  const differences = kinds.filter((kind) => source[kind] !== copied[kind]);
  if (differences.length > 0) {
    throw new MemoryError(`The copy into ${to.location} is incomplete: ${differences.map((kind) => `${kind} ${copied[kind]} of ${source[kind]}`).join(', ')}.`, {
      hint: 'Something wrote to the source during the copy: run it again into an empty memory while no run is going on.',
    });
  }
  return copied;
}

/** `12 entries (3 reviewed), 4 outputs, 0 rejected replies, 2 saved suggestions`. */
export function describeTally(tally: MemoryTally): string {
  return `${countOf(tally.entries, 'entry', 'entries')} (${tally.reviewed} reviewed), ${countOf(tally.outputs, 'output')}, ${countOf(tally.rejected, 'rejected reply', 'rejected replies')}, ${countOf(tally.suggestions, 'saved suggestion')}`;
}
