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
 * An article's places as its state keeps them: their JSON, and each place's fingerprint and wording as 32-bit
 * little-endian pairs in base64, so that an unchanged article's places reach the check without being parsed or
 * written out again.
 */
export interface KeptPlaces {
  readonly json: string;
  readonly keys: string;
}

/** Places in the form a state keeps them. */
export function keepPlaces(places: ConsistencyPlaces): KeptPlaces {
  return { json: JSON.stringify(places), keys: keysOf(places).toString('base64') };
}

function keysOf(places: ConsistencyPlaces): Buffer {
  const keys = Buffer.alloc(places.length * 8);
  for (const [index, [sourceId, wording]] of places.entries()) {
    keys.writeUInt32LE(fingerprintOf(sourceId), index * 8);
    keys.writeInt32LE(wording, index * 8 + 4);
  }
  return keys;
}

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
    // One row per article, with its places' keys beside them: a row per place cost more than everything else a
    // re-run does with an unchanged article.
    this.#db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, language TEXT NOT NULL, file TEXT NOT NULL, places TEXT NOT NULL, keys BLOB NOT NULL)');
    this.#insert = this.#db.prepare('INSERT INTO articles (language, file, places, keys) VALUES (?, ?, ?, ?)');
    // One transaction from start to end, never committed: a commit per article cost twice what its insert does.
    this.#db.exec('BEGIN');
  }

  /** Adds an article's places in one language (see `consistencyPlaces`); returns them as a state keeps them. */
  add(file: string, language: string, places: ConsistencyPlaces): KeptPlaces {
    const json = JSON.stringify(places);
    const keys = keysOf(places);
    this.#addRow(file, language, json, keys);
    return { json, keys: keys.toString('base64') };
  }

  /** Adds the places an unchanged article's state kept. */
  addKept(file: string, language: string, places: KeptPlaces): void {
    this.#addRow(file, language, places.json, Buffer.from(places.keys, 'base64'));
  }

  #addRow(file: string, language: string, json: string, keys: Buffer): void {
    if (keys.length === 0) return;
    let table = this.#wordings.get(language);
    if (!table) this.#wordings.set(language, (table = new WordingTable()));
    for (let offset = 0; offset < keys.length; offset += 8) if (table.note(keys.readUInt32LE(offset), keys.readInt32LE(offset + 4))) this.#isAnyMixed = true;
    this.#insert.run(language, file, json, keys);
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
      const rows = this.#db.prepare('SELECT seq, language, keys FROM articles ORDER BY seq').iterate() as IterableIterator<{ seq: number; language: string; keys: Buffer }>;
      for (const { seq, language, keys } of rows) {
        const table = this.#wordings.get(language)!;
        const isMixedAt = Array.from({ length: keys.length / 8 }, (_, index) => table.isMixed(keys.readUInt32LE(index * 8)));
        if (!isMixedAt.includes(true)) continue;
        const { file, places } = readPlaces.get(seq) as { file: string; places: string };
        for (const [index, [sourceId, wording, line, plain]] of (JSON.parse(places) as ConsistencyPlaces).entries()) {
          if (!isMixedAt[index]) continue;
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
