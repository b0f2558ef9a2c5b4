/** The PostgreSQL memory's queries, in one place as the SQLite memory's are. */

const entryColumns = `entries.key, entries.source_id, entries.source_text, entries.source_plain, entries.target_text,
  entries.source_language, entries.target_language, entries.engine_profile, entries.glossary_version,
  entries.origin, entries.status, entries.article_path, entries.created_at, entries.updated_at`;

export const postgresStatements = {
  // One query per batch: the requests travel as one JSON array. Two joins rather than one with OR, so each
  // side uses its index (the key's, and entries_by_source for the reviewed/imported fallback).
  lookup: `
    WITH request AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(key text, "sourceId" text, "sourceLanguage" text, "targetLanguage" text)
    )
    SELECT request.key AS request_key, ${entryColumns}
      FROM request JOIN entries ON entries.key = request.key
    UNION ALL
    SELECT request.key AS request_key, ${entryColumns}
      FROM request JOIN entries ON entries.source_id = request."sourceId"
        AND lower(entries.source_language) = lower(request."sourceLanguage") AND lower(entries.target_language) = lower(request."targetLanguage")
      WHERE entries.status = 'reviewed' OR entries.origin = 'import'
  `,
  // The same rule as SQLite's upsert: a reviewed entry never goes back to machine, and an identical entry is
  // left untouched so that the row count tells real writes. Batches travel as arrays, one round trip each.
  upsert: `
    INSERT INTO entries AS existing (key, source_id, source_text, source_plain, target_text, source_language, target_language,
      engine_profile, glossary_version, origin, status, article_path, created_at, updated_at)
    SELECT batch.*, $13::text, $13::text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]) AS batch
    ON CONFLICT (key) DO UPDATE SET
      target_text = excluded.target_text, origin = excluded.origin, status = excluded.status,
      article_path = coalesce(excluded.article_path, existing.article_path), updated_at = excluded.updated_at
    WHERE (existing.status = 'machine' OR excluded.status = 'reviewed')
      AND (existing.target_text, existing.status, existing.origin) IS DISTINCT FROM (excluded.target_text, excluded.status, excluded.origin)
  `,
  // pg_trgm's % finds candidates through the GIN index; similarity itself is measured afterwards, as on SQLite.
  candidates: `
    SELECT ${entryColumns} FROM entries
    WHERE source_plain % $1
      AND lower(source_language) = lower($2) AND lower(target_language) = lower($3)
      AND char_length(source_plain) BETWEEN $4 AND $5
    ORDER BY similarity(source_plain, $1) DESC
    LIMIT $6
  `,
  articleEntries: `
    SELECT ${entryColumns} FROM entries
    WHERE article_path = $1 AND lower(source_language) = lower($2) AND lower(target_language) = lower($3)
  `,
  recordOutput: `
    INSERT INTO outputs (target_language, file, source_text, output_text, rebuilt_text, written_at) VALUES (lower($1), $2, $3, $4, $5, $6)
    ON CONFLICT (target_language, file) DO UPDATE SET
      source_text = excluded.source_text, output_text = excluded.output_text, rebuilt_text = excluded.rebuilt_text, written_at = excluded.written_at
  `,
  lastOutput: 'SELECT source_text, output_text, rebuilt_text FROM outputs WHERE target_language = lower($1) AND file = $2',
  saveArticleState: `
    INSERT INTO article_states (target_language, file, source_hash, engine_profile, glossary_version, config_hash, memory_version, output_hash, term_ids, outcome, source_ids)
    VALUES (lower($1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    ON CONFLICT (target_language, file) DO UPDATE SET
      source_hash = excluded.source_hash, engine_profile = excluded.engine_profile, glossary_version = excluded.glossary_version,
      config_hash = excluded.config_hash, memory_version = excluded.memory_version, output_hash = excluded.output_hash,
      term_ids = excluded.term_ids, outcome = excluded.outcome, source_ids = excluded.source_ids
  `,
  articleState: 'SELECT * FROM article_states WHERE target_language = lower($1) AND file = $2',
  outputHashes: 'SELECT file, output_hash FROM article_states WHERE target_language = lower($1)',
  // A claim is taken over only from its own owner or once its lease ran out; a key with an entry is never claimed.
  claim: `
    INSERT INTO claims AS held (key, owner, expires_at)
      SELECT DISTINCT wanted, $2, now() + $3 * interval '1 millisecond' FROM unnest($1::text[]) AS wanted
      WHERE NOT EXISTS (SELECT 1 FROM entries WHERE entries.key = wanted)
    ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE held.owner = excluded.owner OR held.expires_at < now()
    RETURNING key
  `,
  renewClaims: `UPDATE claims SET expires_at = now() + $2 * interval '1 millisecond' WHERE owner = $1`,
  releaseClaims: 'DELETE FROM claims WHERE owner = $1',
  forgetArticleState: 'DELETE FROM article_states WHERE target_language = lower($1) AND file = $2',
  // A reviewed or imported entry takes the place of a machine translation wherever its source text is (see chooseEntry).
  reviewedVersion: `
    SELECT count(*) || ':' || coalesce(max(updated_at), '') AS version FROM entries
    WHERE source_id = ANY($1::text[]) AND lower(source_language) = lower($2) AND lower(target_language) = lower($3)
      AND (status = 'reviewed' OR origin = 'import')
  `,
  saveSuggestions: `
    INSERT INTO suggestions (key, suggestions, updated_at) VALUES ($1, $2, $3)
    ON CONFLICT (key) DO UPDATE SET suggestions = excluded.suggestions, updated_at = excluded.updated_at
  `,
  deleteSuggestions: 'DELETE FROM suggestions WHERE key = $1',
  suggestionsFor: 'SELECT suggestions FROM suggestions WHERE key = $1',
  keysWithReviewedSuggestion: `
    SELECT key FROM suggestions
    WHERE key = ANY($1::text[])
      AND EXISTS (SELECT 1 FROM jsonb_array_elements(suggestions::jsonb) AS saved WHERE saved ->> 'status' = 'reviewed')
  `,
  // Pages by id rather than a cursor: each page is its own short query, so a long export holds no transaction open.
  entriesPage: `
    SELECT id, ${entryColumns} FROM entries
    WHERE id > $1 AND ($2::text IS NULL OR lower(source_language) = lower($2)) AND ($3::text IS NULL OR lower(target_language) = lower($3))
    ORDER BY id LIMIT $4
  `,
  removeMachineEntries: `DELETE FROM entries WHERE key = ANY($1::text[]) AND status = 'machine'`,
  reject: `
    INSERT INTO rejected AS earlier (key, attempts, target_text, rejected_at) SELECT key, 1, target_text, $3 FROM unnest($1::text[], $2::text[]) AS r(key, target_text)
    ON CONFLICT (key) DO UPDATE SET attempts = earlier.attempts + 1, target_text = excluded.target_text, rejected_at = excluded.rejected_at
  `,
  rejectedAttempts: 'SELECT key, attempts FROM rejected WHERE key = ANY($1::text[])',
  counts: `SELECT count(*)::int AS entries, (count(*) FILTER (WHERE status = 'reviewed'))::int AS reviewed FROM entries`,
  hasEntries: 'SELECT EXISTS (SELECT 1 FROM entries) AS found',
} as const;
