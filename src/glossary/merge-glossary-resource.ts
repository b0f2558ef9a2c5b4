import type { GlossaryEntry, GlossaryEntryObject, GlossaryResource } from './glossary-data.ts';

/**
 * Merges imported entries into a glossary file's contents. Every existing id is kept, in its place;
 * new ids follow in import order. Within an entry, each field the import states wins and the others
 * stay, so a CSV without a `note` column keeps the notes. Entries come out in their shortest form.
 */
export function mergeGlossaryResource(existing: Readonly<Record<string, unknown>>, incoming: GlossaryResource): Record<string, unknown> {
  const merged = new Map<string, unknown>(Object.entries(existing));
  for (const [id, entry] of Object.entries(incoming)) merged.set(id, mergeEntry(merged.get(id), entry));
  return Object.fromEntries(merged);
}

function mergeEntry(existing: unknown, incoming: GlossaryEntry): GlossaryEntry {
  const before = typeof existing === 'string' ? { term: existing } : isRecord(existing) ? existing : {};
  const after = typeof incoming === 'string' ? { term: incoming } : incoming;
  const stated = Object.fromEntries(Object.entries(after).filter(([, value]) => value !== undefined));
  return shortest({ ...before, ...stated } as unknown as GlossaryEntryObject);
}

/** Drops fields that say nothing (no variants, no note, not case-sensitive); a lone term is written as a string. */
function shortest(entry: GlossaryEntryObject): GlossaryEntry {
  const { variants, caseSensitive, note, ...rest } = entry;
  const kept = {
    ...rest,
    ...(variants && variants.length > 0 ? { variants } : {}),
    ...(caseSensitive ? { caseSensitive } : {}),
    ...(note ? { note } : {}),
  };
  return Object.keys(kept).length === 1 && typeof kept.term === 'string' ? kept.term : kept;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
