import Database from 'better-sqlite3';
import type { Segment } from '../markdown/segment.ts';
import { wordingOf } from '../markdown/wording.ts';
import { defaultSeverities } from './default-severities.ts';
import type { CheckId, Finding, Severity } from './finding.ts';
import { fnv1a } from './fnv1a.ts';
import { plainTextOf } from './plain-text-of.ts';
import { shortenText } from './shorten-text.ts';
import { fingerprintOf, WordingTable } from './wording-table.ts';

/** One occurrence of a source text's translation, as read back from the temporary database. */
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
    // Signed, as states kept so far hold it: only wordings of the same text in one language are compared, a handful at most.
    return [[source.id, fnv1a(wordingOf(plain)) | 0, target.line, plain]];
  });
}

/**
 * Finds the same source text translated in different ways within one language, as articles finish. Each article's
 * places go to a private temporary SQLite database, which keeps to a small page cache and spills to disk, so a
 * run of any size holds none of them in memory; a table of a few bytes per text notes which texts came with a
 * second wording. Only when one did are the places of the articles holding such a text read back. The most
 * frequent wording (the first on a tie) counts as the intended one; every occurrence of another gets a finding.
 */
export class ConsistencyTracker {
  readonly #severities: Partial<Record<CheckId, Severity>>;
  readonly #db = new Database('');
  readonly #insert;
  readonly #wordings = new Map<string, WordingTable>();
  #isAnyMixed = false;
  #findings?: Finding[];

  constructor(severities: Partial<Record<CheckId, Severity>> = {}) {
    this.#severities = severities;
    // A private scratch database nobody reads after a crash: no journal, no syncing.
    this.#db.pragma('journal_mode = OFF');
    this.#db.pragma('synchronous = OFF');
    // One row per article, with its places' fingerprints beside them: a row per place cost more than everything
    // else a re-run does with an unchanged article.
    this.#db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, language TEXT NOT NULL, file TEXT NOT NULL, places TEXT NOT NULL, fingerprints BLOB NOT NULL)');
    this.#insert = this.#db.prepare('INSERT INTO articles (language, file, places, fingerprints) VALUES (?, ?, ?, ?)');
    // One transaction from start to end, never committed: a commit per article cost twice what its insert does.
    this.#db.exec('BEGIN');
  }

  /** Adds an article's places in one language (see `consistencyPlaces`). */
  add(file: string, language: string, places: ConsistencyPlaces): void {
    if (places.length === 0) return;
    let table = this.#wordings.get(language);
    if (!table) this.#wordings.set(language, (table = new WordingTable()));
    const fingerprints = new Uint32Array(places.length);
    for (const [index, [sourceId, wording]] of places.entries()) {
      fingerprints[index] = fingerprintOf(sourceId);
      if (table.note(fingerprints[index], wording)) this.#isAnyMixed = true;
    }
    this.#insert.run(language, file, JSON.stringify(places), Buffer.from(fingerprints.buffer));
  }

  /** The findings for every source text translated more than one way; nothing can be added afterwards. */
  findings(): Finding[] {
    this.#findings ??= this.#readFindings();
    return this.#findings;
  }

  #readFindings(): Finding[] {
    try {
      if (!this.#isAnyMixed) return [];
      // The places of each text noted as mixed, grouped by language and id, the groups in the order they began.
      const groups = new Map<string, Place[]>();
      const readPlaces = this.#db.prepare('SELECT file, places FROM articles WHERE seq = ?');
      const rows = this.#db.prepare('SELECT seq, language, fingerprints FROM articles ORDER BY seq').iterate() as IterableIterator<{ seq: number; language: string; fingerprints: Buffer }>;
      for (const { seq, language, fingerprints } of rows) {
        const table = this.#wordings.get(language)!;
        // Copied into a buffer of its own, which a Uint32Array can view whatever the blob's offset in its pool.
        const isMixedAt = new Uint32Array(new Uint8Array(fingerprints).buffer).map((fingerprint) => (table.isMixed(fingerprint) ? 1 : 0));
        if (!isMixedAt.includes(1)) continue;
        const { file, places } = readPlaces.get(seq) as { file: string; places: string };
        for (const [index, [sourceId, wording, line, plain]] of (JSON.parse(places) as ConsistencyPlaces).entries()) {
          if (isMixedAt[index] === 0) continue;
          const key = `${language}\0${sourceId}`;
          const place = { language, sourceId, wording, file, line, plain };
          const group = groups.get(key);
          if (group) group.push(place);
          else groups.set(key, [place]);
        }
      }
      // A text can share its fingerprint with a mixed one and have a single wording of its own.
      return [...groups.values()].filter((group) => group.some((place) => place.wording !== group[0]!.wording)).flatMap((group) => this.#groupFindings(group));
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
