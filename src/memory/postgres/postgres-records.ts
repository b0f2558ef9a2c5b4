import type pg from 'pg';
import { segmentId } from '../../markdown/segment-id.ts';
import { rowToEntry, type EntryRow } from '../entry-row.ts';
import type { Suggestion } from '../memory-entry.ts';
import type { MemoryRecords, MemoryTally } from '../memory-records.ts';
import { storedRebuiltText } from '../memory-store.ts';
import { plainSourceOf } from '../plain-source.ts';

const batchSize = 1000;

/** Everything a PostgreSQL memory holds, in batches of one kind; entries oldest first. */
export async function* readPostgresRecords(pool: pg.Pool): AsyncGenerator<MemoryRecords> {
  yield* paged(pool, 'SELECT * FROM entries WHERE id > $1::bigint ORDER BY id LIMIT $2', '0', (row) => row.id, (rows) => ({ kind: 'entries', rows: rows.map((row) => rowToEntry(row as EntryRow)) }));
  let lastOutput: [string, string] = ['', ''];
  for (;;) {
    const { rows } = await pool.query('SELECT * FROM outputs WHERE (target_language, file) > ($1, $2) ORDER BY target_language, file LIMIT $3', [...lastOutput, batchSize]);
    if (rows.length > 0) {
      yield {
        kind: 'outputs',
        rows: rows.map((row) => ({ language: row.target_language, file: row.file, sourceText: row.source_text, outputText: row.output_text, rebuiltText: row.rebuilt_text ?? row.output_text, writtenAt: row.written_at })),
      };
      lastOutput = [rows.at(-1).target_language, rows.at(-1).file];
    }
    if (rows.length < batchSize) break;
  }
  yield* paged(pool, 'SELECT * FROM rejected WHERE key > $1 ORDER BY key LIMIT $2', '', (row) => row.key, (rows) => ({
    kind: 'rejected',
    rows: rows.map((row) => ({ key: row.key, attempts: row.attempts, targetText: row.target_text, rejectedAt: row.rejected_at })),
  }));
  yield* paged(pool, 'SELECT * FROM suggestions WHERE key > $1 ORDER BY key LIMIT $2', '', (row) => row.key, (rows) => ({
    kind: 'suggestions',
    rows: rows.map((row) => ({ key: row.key, suggestions: JSON.parse(row.suggestions) as Suggestion[], updatedAt: row.updated_at })),
  }));
}

// Rows are read field by field right where they are converted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;

async function* paged(pool: pg.Pool, query: string, start: string, after: (row: Row) => string, convert: (rows: Row[]) => MemoryRecords): AsyncGenerator<MemoryRecords> {
  let last = start;
  for (;;) {
    const { rows } = await pool.query(query, [last, batchSize]);
    if (rows.length > 0) yield convert(rows);
    if (rows.length < batchSize) return;
    last = after(rows.at(-1));
  }
}

/** Writes a batch of records read from another memory in one statement, every field as it was. */
export async function restorePostgresRecords(pool: pg.Pool, records: MemoryRecords): Promise<void> {
  switch (records.kind) {
    case 'entries': {
      const rows = records.rows;
      await pool.query(
        `INSERT INTO entries (key, source_id, source_text, source_plain, target_text, source_language, target_language, engine_profile, glossary_version, origin, status, article_path, created_at, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])`,
        [
          rows.map((entry) => entry.key),
          rows.map((entry) => segmentId(entry.sourceText)),
          rows.map((entry) => entry.sourceText),
          rows.map((entry) => plainSourceOf(entry.sourceText)),
          rows.map((entry) => entry.targetText),
          rows.map((entry) => entry.sourceLanguage),
          rows.map((entry) => entry.targetLanguage),
          rows.map((entry) => entry.engineProfile),
          rows.map((entry) => entry.glossaryVersion),
          rows.map((entry) => entry.origin),
          rows.map((entry) => entry.status),
          rows.map((entry) => entry.articlePath),
          rows.map((entry) => entry.createdAt),
          rows.map((entry) => entry.updatedAt),
        ],
      );
      return;
    }
    case 'outputs': {
      const rows = records.rows;
      await pool.query(
        'INSERT INTO outputs (target_language, file, source_text, output_text, rebuilt_text, written_at) SELECT lower(l), f, s, o, r, w FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(l, f, s, o, r, w)',
        [rows.map((row) => row.language), rows.map((row) => row.file), rows.map((row) => row.sourceText), rows.map((row) => row.outputText), rows.map(storedRebuiltText), rows.map((row) => row.writtenAt)],
      );
      return;
    }
    case 'rejected': {
      const rows = records.rows;
      await pool.query('INSERT INTO rejected (key, attempts, target_text, rejected_at) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])', [
        rows.map((row) => row.key),
        rows.map((row) => row.attempts),
        rows.map((row) => row.targetText),
        rows.map((row) => row.rejectedAt),
      ]);
      return;
    }
    case 'suggestions': {
      const rows = records.rows;
      await pool.query('INSERT INTO suggestions (key, suggestions, updated_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
        rows.map((row) => row.key),
        rows.map((row) => JSON.stringify(row.suggestions)),
        rows.map((row) => row.updatedAt),
      ]);
      return;
    }
  }
}

/** How many records of each kind a PostgreSQL memory holds. */
export async function tallyPostgres(pool: pg.Pool): Promise<MemoryTally> {
  const { rows } = await pool.query<MemoryTally>(`SELECT (SELECT count(*) FROM entries)::int AS entries, (SELECT count(*) FROM entries WHERE status = 'reviewed')::int AS reviewed,
    (SELECT count(*) FROM outputs)::int AS outputs, (SELECT count(*) FROM rejected)::int AS rejected, (SELECT count(*) FROM suggestions)::int AS suggestions`);
  return rows[0]!;
}
