import { memoryKey } from './memory-key.ts';
import type { NewMemoryEntry } from './memory-entry.ts';
import { readTmx, type ReadTmxOptions, type TmxUnit } from './read-tmx.ts';
import { tmxToTagged } from './tmx-inline.ts';
import { tmxProps } from './tmx-props.ts';
import type { MemoryStore } from './memory-store.ts';

/** What an import wrote and what it left out. */
export interface ImportTmxResult {
  /** Entries written (one per translation of a unit). */
  readonly imported: number;
  /** Entries not written: the memory already held them or a reviewed entry under their key, or `problems` says why. */
  readonly skipped: number;
  /** Why translations that could not be represented were skipped (`tu #3 → fr: …`). */
  readonly problems: readonly string[];
}

/**
 * Imports a TMX document into the memory, all or nothing. Every translation of a unit becomes an entry
 * with origin `import`, status `reviewed` when the unit's `x-jialing-status` prop says so (else `machine`),
 * keyed with the unit's `x-jialing-engine-profile` and `x-jialing-glossary-version` props, or `import` and
 * an empty version for other tools' units; lookups find either by source text (see `chooseEntry`).
 * A hostile or malformed document, or a unit without both languages, throws a MemoryError and changes nothing.
 */
export async function importTmx(memory: MemoryStore, content: string, options: ReadTmxOptions): Promise<ImportTmxResult> {
  const problems: string[] = [];
  const entries = readTmx(content, options).flatMap((unit) => unitEntries(unit, options.sourceLanguage, problems));
  const { imported, skipped } = await memory.storeImported(entries);
  return { imported, skipped: skipped + problems.length, problems };
}

function unitEntries(unit: TmxUnit, sourceLanguage: string, problems: string[]): Omit<NewMemoryEntry, 'origin'>[] {
  const source = tmxToTagged(unit.source.seg);
  return unit.targets.flatMap((target) => {
    const translation = tmxToTagged(target.seg);
    const skip = (reason: string) => {
      problems.push(`${unit.label} → ${target.language}: ${reason}; skipped.`);
      return [];
    };
    if ('problem' in source) return skip(source.problem);
    if ('problem' in translation) return skip(translation.problem);
    if (source.text.trim() === '' || translation.text.trim() === '') return skip('empty segment');
    const keyed = {
      sourceText: source.text,
      sourceLanguage,
      targetLanguage: target.language,
      engineProfile: unit.props.get(tmxProps.engineProfile) ?? 'import',
      glossaryVersion: unit.props.get(tmxProps.glossaryVersion) ?? '',
    };
    return [
      {
        ...keyed,
        key: memoryKey(keyed),
        targetText: translation.text,
        status: unit.props.get(tmxProps.status) === 'reviewed' ? 'reviewed' : 'machine',
        articlePath: unit.props.get(tmxProps.articlePath) ?? null,
      },
    ];
  });
}
