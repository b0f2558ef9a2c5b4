import type Database from 'better-sqlite3';

/** The memory's prepared statements. */
export type MemoryStatements = ReturnType<typeof memoryStatements>;

const entryColumns = `entries.key, entries.source_id, entries.source_text, entries.source_plain, entries.target_text,
  entries.source_language, entries.target_language, entries.engine_profile, entries.glossary_version,
  entries.origin, entries.status, entries.article_path, entries.created_at, entries.updated_at`;

/** A statement of the memory; its own name because the declaration files cannot name the package's inner one. */
export interface PreparedStatement extends Database.Statement {}

/** Prepares every statement once, after migration, so each call only binds and steps. */
export function memoryStatements(db: Database.Database) {
  const prepare = (source: string): PreparedStatement => db.prepare(source);
  return {
    // One statement per batch: the requests travel as one JSON array. Two joins rather than one with OR,
    // so each side uses its index (the key's, and entries_by_source for the reviewed/imported fallback).
    lookup: prepare(`
      WITH request AS (
        SELECT value ->> 'key' AS key, value ->> 'sourceId' AS source_id,
          value ->> 'sourceLanguage' AS source_language, value ->> 'targetLanguage' AS target_language
        FROM json_each(?)
      )
      SELECT request.key AS request_key, ${entryColumns}
        FROM request JOIN entries ON entries.key = request.key
      UNION ALL
      SELECT request.key AS request_key, ${entryColumns}
        FROM request JOIN entries ON entries.source_id = request.source_id
          AND entries.source_language = request.source_language AND entries.target_language = request.target_language
        WHERE entries.status = 'reviewed' OR entries.origin = 'import'
    `),
    // A key fixes the normalised source text, engine profile and glossary version, so a conflict only
    // changes the translation. It never turns a reviewed entry back into a machine one, and leaves
    // identical entries untouched so that `changes` counts real writes. Parameters by position: binding an
    // object by name costs more, and this runs for every translation stored.
    upsert: prepare(`
      INSERT INTO entries (key, source_id, source_text, source_plain, target_text, source_language, target_language,
        engine_profile, glossary_version, origin, status, article_path, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET
        target_text = excluded.target_text, origin = excluded.origin, status = excluded.status,
        article_path = coalesce(excluded.article_path, entries.article_path), updated_at = excluded.updated_at
      WHERE (entries.status = 'machine' OR excluded.status = 'reviewed')
        AND (entries.target_text IS NOT excluded.target_text OR entries.status IS NOT excluded.status OR entries.origin IS NOT excluded.origin)
    `),
    candidates: prepare(`
      SELECT ${entryColumns}
      FROM entries_fts JOIN entries ON entries.id = entries_fts.rowid
      WHERE entries_fts MATCH @query
        AND entries.source_language = @sourceLanguage AND entries.target_language = @targetLanguage
        AND length(entries.source_plain) BETWEEN @minLength AND @maxLength
      ORDER BY entries_fts.rank
      LIMIT @limit
    `),
    // Entries first made for one article: where an edited paragraph's earlier version is found.
    articleEntries: prepare(`
      SELECT ${entryColumns} FROM entries
      WHERE article_path = @articlePath AND source_language = @sourceLanguage AND target_language = @targetLanguage
    `),
    recordOutput: prepare(`
      INSERT INTO outputs (target_language, file, source_text, output_text, rebuilt_text, written_at)
      VALUES (@language, @file, @sourceText, @outputText, @rebuiltText, @now)
      ON CONFLICT (target_language, file) DO UPDATE SET
        source_text = excluded.source_text, output_text = excluded.output_text, rebuilt_text = excluded.rebuilt_text,
        written_at = excluded.written_at
    `),
    saveArticleState: prepare(`
      INSERT OR REPLACE INTO article_states (target_language, file, source_hash, engine_profile, glossary_version, config_hash,
        memory_version, output_hash, term_ids, source_ids, outcome)
      VALUES (@language, @file, @sourceHash, @engineProfile, @glossaryVersion, @configHash, @memoryVersion, @outputHash, @termIds, @sourceIds, @outcome)
    `),
    articleState: prepare('SELECT * FROM article_states WHERE target_language = ? AND file = ?'),
    // The hash comes before the large columns of a row, so their overflow pages are not read.
    outputHashes: prepare('SELECT file, output_hash FROM article_states WHERE target_language = ?').raw(),
    // A claim is taken over only from its own owner or once its lease ran out; a key with an entry is never claimed.
    claim: prepare(`
      INSERT INTO claims (key, owner, expires_at)
        SELECT DISTINCT wanted.value, @owner, @expiresAt FROM json_each(@keys) AS wanted
        WHERE NOT EXISTS (SELECT 1 FROM entries WHERE entries.key = wanted.value)
      ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE claims.owner = excluded.owner OR claims.expires_at < @now
      RETURNING key
    `).pluck(),
    renewClaims: prepare('UPDATE claims SET expires_at = @expiresAt WHERE owner = @owner'),
    releaseClaims: prepare('DELETE FROM claims WHERE owner = ?'),
    forgetArticleState: prepare('DELETE FROM article_states WHERE target_language = ? AND file = ?'),
    // A reviewed or imported entry takes the place of a machine translation wherever its source text is (see chooseEntry).
    reviewedVersion: prepare(`
      SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM entries
      WHERE source_id IN (SELECT value FROM json_each(@sourceIds)) AND source_language = @sourceLanguage AND target_language = @targetLanguage
        AND (status = 'reviewed' OR origin = 'import')
    `).pluck(),
    lastOutput: prepare('SELECT source_text, output_text, rebuilt_text FROM outputs WHERE target_language = ? AND file = ?'),
    indexedUpTo: prepare('SELECT last_id FROM fts_progress').pluck(),
    unindexed: prepare('SELECT id, source_plain FROM entries WHERE id > ? ORDER BY id'),
    indexEntriesAbove: prepare('INSERT INTO entries_fts (rowid, source_plain) SELECT id, source_plain FROM entries WHERE id > ?'),
    setIndexedUpTo: prepare('UPDATE fts_progress SET last_id = ?'),
    countTrigrams: prepare(`
      INSERT INTO trigram_counts (trigram, documents) VALUES (?, ?)
      ON CONFLICT (trigram) DO UPDATE SET documents = documents + excluded.documents
    `),
    trigramCounts: prepare(`
      SELECT trigram_counts.trigram, trigram_counts.documents
      FROM json_each(?) AS wanted JOIN trigram_counts ON trigram_counts.trigram = wanted.value
    `),
    saveSuggestions: prepare(`
      INSERT INTO suggestions (key, suggestions, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET suggestions = excluded.suggestions, updated_at = excluded.updated_at
    `),
    deleteSuggestions: prepare('DELETE FROM suggestions WHERE key = ?'),
    suggestionsFor: prepare('SELECT suggestions FROM suggestions WHERE key = ?'),
    keysWithReviewedSuggestion: prepare(`
      SELECT key FROM suggestions
      WHERE key IN (SELECT value FROM json_each(?))
        AND EXISTS (SELECT 1 FROM json_each(suggestions.suggestions) AS saved WHERE saved.value ->> 'status' = 'reviewed')
    `).pluck(),
    entries: prepare(`
      SELECT ${entryColumns} FROM entries
      WHERE (@sourceLanguage IS NULL OR source_language = @sourceLanguage) AND (@targetLanguage IS NULL OR target_language = @targetLanguage)
      ORDER BY id
    `),
    removeMachineEntry: prepare(`DELETE FROM entries WHERE key = ? AND status = 'machine'`),
    reject: prepare(`
      INSERT INTO rejected (key, attempts, target_text, rejected_at) VALUES (?, 1, ?, ?)
      ON CONFLICT (key) DO UPDATE SET attempts = attempts + 1, target_text = excluded.target_text, rejected_at = excluded.rejected_at
    `),
    rejectedAttempts: prepare('SELECT rejected.key, rejected.attempts FROM json_each(?) AS wanted JOIN rejected ON rejected.key = wanted.value'),
    hasRejected: prepare('SELECT EXISTS (SELECT 1 FROM rejected)').pluck(),
    hasEntries: prepare('SELECT EXISTS (SELECT 1 FROM entries)').pluck(),
    counts: prepare(`SELECT count(*) AS entries, count(*) FILTER (WHERE status = 'reviewed') AS reviewed FROM entries`),
  };
}
