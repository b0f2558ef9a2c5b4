import type Database from 'better-sqlite3';
import { MemorySetupError } from './memory-error.ts';

/** One step of the memory's schema; its position in the list (from 1) is the `user_version` it leads to. */
export interface Migration {
  readonly description: string;
  readonly sql: string;
}

/** The memory's schema, oldest step first. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [
  {
    description: 'entries with a trigram index over their plain source text; suggestions kept for reviewers',
    sql: `
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        source_id TEXT NOT NULL,
        source_text TEXT NOT NULL,
        source_plain TEXT NOT NULL,
        target_text TEXT NOT NULL,
        source_language TEXT NOT NULL COLLATE NOCASE,
        target_language TEXT NOT NULL COLLATE NOCASE,
        engine_profile TEXT NOT NULL,
        glossary_version TEXT NOT NULL,
        origin TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('machine', 'reviewed')),
        article_path TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entries_by_source ON entries (source_id, source_language, target_language);

      -- External content: the index holds trigrams only, the text stays in entries; the
      -- explicit INTEGER PRIMARY KEY keeps rowids stable across VACUUM, which the index relies on.
      CREATE VIRTUAL TABLE entries_fts USING fts5(source_plain, content = 'entries', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, source_plain) VALUES (new.id, new.source_plain);
      END;
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, source_plain) VALUES ('delete', old.id, old.source_plain);
      END;
      CREATE TRIGGER entries_fts_update AFTER UPDATE OF source_plain ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, source_plain) VALUES ('delete', old.id, old.source_plain);
        INSERT INTO entries_fts (rowid, source_plain) VALUES (new.id, new.source_plain);
      END;

      -- How many entries hold each trigram (FTS5 can only tell by reading the whole posting list):
      -- lets fuzzy search query the rare trigrams of a text and skip those in most entries.
      CREATE TABLE trigram_counts (
        trigram TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE suggestions (
        key TEXT PRIMARY KEY,
        suggestions TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    description: 'what each output file last held as written by jialing, to tell a reviewer\'s edit from our own; entries by article',
    sql: `
      CREATE TABLE outputs (
        target_language TEXT NOT NULL COLLATE NOCASE,
        file TEXT NOT NULL,
        source_text TEXT NOT NULL,
        output_text TEXT NOT NULL,
        written_at TEXT NOT NULL,
        PRIMARY KEY (target_language, file)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entries_by_article ON entries (article_path, source_language, target_language);
    `,
  },
  {
    description: 'the fuzzy index is brought up to date before a search instead of on every write',
    sql: `
      -- Trigram indexing costs ~0.2 ms per entry: on the write path it slowed every run, for the sake of a
      -- search only reviewers make. Entries above last_id are not indexed or counted in trigram_counts yet.
      DROP TRIGGER entries_fts_insert;
      CREATE TABLE fts_progress (last_id INTEGER NOT NULL) STRICT;
      INSERT INTO fts_progress SELECT coalesce(max(id), 0) FROM entries;
      DROP TRIGGER entries_fts_delete;
      CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries WHEN old.id <= (SELECT last_id FROM fts_progress) BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, source_plain) VALUES ('delete', old.id, old.source_plain);
      END;
      DROP TRIGGER entries_fts_update;
      CREATE TRIGGER entries_fts_update AFTER UPDATE OF source_plain ON entries WHEN old.id <= (SELECT last_id FROM fts_progress) BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, source_plain) VALUES ('delete', old.id, old.source_plain);
        INSERT INTO entries_fts (rowid, source_plain) VALUES (new.id, new.source_plain);
      END;
    `,
  },
  {
    description: 'what the rebuild gave when an output was recorded, so that a kept hand edit is not undone by the next run',
    sql: `ALTER TABLE outputs ADD COLUMN rebuilt_text TEXT;`,
  },
  {
    description: 'only reviewed and imported entries are indexed by source text, the only ones looked up that way',
    sql: `
      -- Source ids are hashes, so every machine entry landed at a random place of this index: a third of the
      -- cost of storing a translation, for rows the lookup by source id never reads.
      DROP INDEX entries_by_source;
      CREATE INDEX entries_by_source ON entries (source_id, source_language, target_language) WHERE status = 'reviewed' OR origin = 'import';
    `,
  },
  {
    description: 'replies that failed the checks after they were stored: how often each text came back broken',
    sql: `
      -- A broken reply is taken out of the entries, so the next run asks again; the count bounds how often.
      CREATE TABLE rejected (key TEXT PRIMARY KEY, attempts INTEGER NOT NULL, target_text TEXT NOT NULL, rejected_at TEXT NOT NULL) STRICT;
    `,
  },
  {
    description: 'per article and language, what its output was made from and what the run reported, so an unchanged one is not redone',
    sql: `
      CREATE TABLE article_states (
        target_language TEXT NOT NULL COLLATE NOCASE,
        file TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        engine_profile TEXT NOT NULL,
        glossary_version TEXT NOT NULL,
        config_hash TEXT NOT NULL,
        memory_version TEXT NOT NULL,
        output_hash TEXT NOT NULL,
        term_ids TEXT NOT NULL,
        outcome TEXT NOT NULL,
        PRIMARY KEY (target_language, file)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    description: 'texts a run is sending to an engine, so that runs sharing the memory do not pay for one text at once',
    sql: `
      -- expires_at in milliseconds since 1970: a claim whose run stopped renewing it is free for others.
      CREATE TABLE claims (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT, WITHOUT ROWID;
      CREATE INDEX claims_by_owner ON claims (owner);
    `,
  },
  {
    description: 'the source texts of each kept article state, so that a reviewed translation redoes only the articles holding its text',
    sql: `
      ALTER TABLE article_states ADD COLUMN source_ids TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    // A run claims the texts of each article before sending them, one write per article; the index doubled the
    // work of each claim, while renewing and releasing (every 10 s, and once at the end) read the few claims
    // of the live runs just as fast without it.
    description: 'claims without an index by owner',
    sql: `
      DROP INDEX claims_by_owner;
    `,
  },
];

/** Brings the schema of `db` up to the last of `steps`; refuses a file written by a newer jialing. */
export function migrate(db: Database.Database, file: string, steps: readonly Migration[] = migrations): void {
  // Reading the version takes no write lock, so opening an up-to-date file never waits for another run's writes.
  if (schemaVersion(db, file, steps) === steps.length) return;
  // Immediate, and the version read again under the lock: two processes opening a new file at once
  // must not both run the same step.
  db.transaction(() => {
    const version = schemaVersion(db, file, steps);
    for (const [index, step] of steps.slice(version).entries()) {
      db.exec(step.sql);
      db.pragma(`user_version = ${version + index + 1}`);
    }
  }).immediate();
}

function schemaVersion(db: Database.Database, file: string, steps: readonly Migration[]): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > steps.length) {
    throw new MemorySetupError(`The translation memory ${file} has schema version ${version}, but this jialing knows versions up to ${steps.length}.`, {
      hint: 'It was written by a newer jialing: update jialing, or point the memory at another file.',
    });
  }
  return version;
}
