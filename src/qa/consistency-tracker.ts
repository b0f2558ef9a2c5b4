import Database from 'better-sqlite3';
import type { Segment } from '../markdown/segment.ts';
import { wordingOf } from '../markdown/wording.ts';
import { defaultSeverities } from './default-severities.ts';
import type { CheckId, Finding, Severity } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { shortenText } from './shorten-text.ts';

/** One occurrence of a source text's translation, as read back from the temporary table. */
interface Place {
  readonly language: string;
  readonly sourceId: string;
  readonly wording: number;
  readonly file: string;
  readonly line: number;
  readonly plain: string;
}

/** One translated segment as the consistency check reads it. An article's state keeps its places as they are. */
export type ConsistencyPlace = readonly [sourceId: string, wording: number, line: number, plain: string];

/** An article's translated segments, in order. */
export type ConsistencyPlaces = readonly ConsistencyPlace[];

/**
 * The places of an article's source and target segments: its translatable segments, in order. None when the two
 * do not align (an output restructured by hand), where no segment can be matched with its source.
 */
export function consistencyPlaces(sourceSegments: readonly Segment[], targetSegments: readonly Segment[]): ConsistencyPlaces {
  if (sourceSegments.length !== targetSegments.length) return [];
  return sourceSegments.flatMap((source, index): ConsistencyPlace[] => {
    if (!source.isTranslatable) return [];
    const target = targetSegments[index]!;
    const plain = plainTextOf(target);
    return [[source.id, hashOf(wordingOf(plain)), target.line, plain]];
  });
}

/**
 * Finds the same source text translated in different ways within one language, as articles finish. Every
 * occurrence goes to a private temporary SQLite database, which keeps to a small page cache and spills to
 * disk, so a run of any size holds none of them in memory. The most frequent wording (the first on a tie)
 * counts as the intended one; every occurrence of another gets a finding.
 */
export class ConsistencyTracker {
  readonly #severities: Partial<Record<CheckId, Severity>>;
  readonly #db = new Database('');
  readonly #insert;
  #findings?: Finding[];

  constructor(severities: Partial<Record<CheckId, Severity>> = {}) {
    this.#severities = severities;
    // A private scratch database nobody reads after a crash: no journal, no syncing.
    this.#db.pragma('journal_mode = OFF');
    this.#db.pragma('synchronous = OFF');
    this.#db.exec(`CREATE TABLE places (
      seq INTEGER PRIMARY KEY, language TEXT NOT NULL, source_id TEXT NOT NULL, wording INTEGER NOT NULL,
      file TEXT NOT NULL, line INTEGER NOT NULL, plain TEXT NOT NULL)`);
    const insert = this.#db.prepare('INSERT INTO places (language, source_id, wording, file, line, plain) VALUES (?, ?, ?, ?, ?, ?)');
    // One transaction per article, each place bound on its own: handing SQLite the places as JSON to read with
    // json_each took nearly twice as long (the places of 1,000 articles: 190 ms against 110).
    this.#insert = this.#db.transaction((file: string, language: string, places: ConsistencyPlaces) => {
      for (const [sourceId, wording, line, plain] of places) insert.run(language, sourceId, wording, file, line, plain);
    });
  }

  /** Adds an article's places in one language (see `consistencyPlaces`). */
  add(file: string, language: string, places: ConsistencyPlaces): void {
    this.#insert(file, language, places);
  }

  /** The findings for every source text translated more than one way; nothing can be added afterwards. */
  findings(): Finding[] {
    this.#findings ??= this.#readFindings();
    return this.#findings;
  }

  #readFindings(): Finding[] {
    try {
      // No index of its own: grouping sorts the places once, and SQLite indexes them for the join when any is mixed.
      const places = this.#db
        .prepare(`
          WITH mixed AS (
            SELECT language, source_id, min(seq) AS first FROM places GROUP BY language, source_id HAVING count(DISTINCT wording) > 1
          )
          SELECT places.language, places.source_id AS sourceId, wording, file, line, plain
          FROM mixed JOIN places USING (language, source_id) ORDER BY mixed.first, places.seq`)
        .all() as Place[];
      const findings: Finding[] = [];
      for (let start = 0; start < places.length; ) {
        let end = start;
        while (end < places.length && places[end]!.sourceId === places[start]!.sourceId && places[end]!.language === places[start]!.language) end++;
        findings.push(...this.#groupFindings(places.slice(start, end)));
        start = end;
      }
      return findings;
    } finally {
      this.close();
    }
  }

  /** Releases the temporary database; `findings` does it too. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #groupFindings(group: readonly Place[]): Finding[] {
    const counts = new Map<number, number>();
    for (const place of group) counts.set(place.wording, (counts.get(place.wording) ?? 0) + 1);
    // Places come in order, so on a tie the wording seen first wins.
    const usual = group.reduce((best, place) => (counts.get(place.wording)! > counts.get(best.wording)! ? place : best));
    const severity = this.#severities.inconsistent ?? defaultSeverities.inconsistent;
    const message = `the same source text is translated as "${shortenText(usual.plain)}" at ${usual.file}:${usual.line}`;
    return group
      .filter((place) => place.wording !== usual.wording)
      .map((place) => ({ check: 'inconsistent', severity, file: place.file, language: place.language, line: place.line, message, text: shortenText(place.plain) }));
  }
}

// FNV-1a, 32 bits: only wordings of the same source text in the same language are compared, a handful at most.
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}
