import type Database from 'better-sqlite3';
import { segmentId } from '../../markdown/segment-id.ts';
import { rowToEntry, type EntryRow } from '../entry-row.ts';
import type { Suggestion } from '../memory-entry.ts';
import type { MemoryRecords, MemoryTally } from '../memory-records.ts';
import { storedRebuiltText } from '../memory-store.ts';
import { plainSourceOf } from '../plain-source.ts';

const batchSize = 1000;

/** Everything a SQLite memory holds, in batches of one kind; entries oldest first. */
export function* readSqliteRecords(db: Database.Database): Generator<MemoryRecords> {
  yield* inBatches('entries', db.prepare('SELECT * FROM entries ORDER BY id').iterate(), (row) => rowToEntry(row as EntryRow));
  yield* inBatches('outputs', db.prepare('SELECT * FROM outputs').iterate(), (row) => {
    const output = row as { target_language: string; file: string; source_text: string; output_text: string; rebuilt_text: string | null; written_at: string };
    return { language: output.target_language, file: output.file, sourceText: output.source_text, outputText: output.output_text, rebuiltText: output.rebuilt_text ?? output.output_text, writtenAt: output.written_at };
  });
  yield* inBatches('rejected', db.prepare('SELECT * FROM rejected').iterate(), (row) => {
    const rejected = row as { key: string; attempts: number; target_text: string; rejected_at: string };
    return { key: rejected.key, attempts: rejected.attempts, targetText: rejected.target_text, rejectedAt: rejected.rejected_at };
  });
  yield* inBatches('suggestions', db.prepare('SELECT * FROM suggestions').iterate(), (row) => {
    const saved = row as { key: string; suggestions: string; updated_at: string };
    return { key: saved.key, suggestions: JSON.parse(saved.suggestions) as Suggestion[], updatedAt: saved.updated_at };
  });
}

function* inBatches<K extends MemoryRecords['kind'], T>(kind: K, rows: Iterable<unknown>, convert: (row: unknown) => T): Generator<MemoryRecords> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(convert(row));
    if (batch.length === batchSize) {
      yield { kind, rows: batch } as MemoryRecords;
      batch = [];
    }
  }
  if (batch.length > 0) yield { kind, rows: batch } as MemoryRecords;
}

/** Writes a batch of records read from another memory, in one transaction, every field as it was. */
export function restoreSqliteRecords(db: Database.Database, records: MemoryRecords): void {
  const write = db.transaction(() => {
    switch (records.kind) {
      case 'entries': {
        const insert = db.prepare(`INSERT INTO entries (key, source_id, source_text, source_plain, target_text, source_language, target_language,
          engine_profile, glossary_version, origin, status, article_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const entry of records.rows) {
          insert.run(entry.key, segmentId(entry.sourceText), entry.sourceText, plainSourceOf(entry.sourceText), entry.targetText, entry.sourceLanguage, entry.targetLanguage,
            entry.engineProfile, entry.glossaryVersion, entry.origin, entry.status, entry.articlePath, entry.createdAt, entry.updatedAt);
        }
        return;
      }
      case 'outputs': {
        const insert = db.prepare('INSERT INTO outputs (target_language, file, source_text, output_text, rebuilt_text, written_at) VALUES (?, ?, ?, ?, ?, ?)');
        for (const output of records.rows) insert.run(output.language, output.file, output.sourceText, output.outputText, storedRebuiltText(output), output.writtenAt);
        return;
      }
      case 'rejected': {
        const insert = db.prepare('INSERT INTO rejected (key, attempts, target_text, rejected_at) VALUES (?, ?, ?, ?)');
        for (const rejected of records.rows) insert.run(rejected.key, rejected.attempts, rejected.targetText, rejected.rejectedAt);
        return;
      }
      case 'suggestions': {
        const insert = db.prepare('INSERT INTO suggestions (key, suggestions, updated_at) VALUES (?, ?, ?)');
        for (const saved of records.rows) insert.run(saved.key, JSON.stringify(saved.suggestions), saved.updatedAt);
        return;
      }
    }
  });
  write.immediate();
}

/** How many records of each kind a SQLite memory holds. */
export function tallySqlite(db: Database.Database): MemoryTally {
  return db
    .prepare(`SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM entries WHERE status = 'reviewed') AS reviewed,
      (SELECT count(*) FROM outputs) AS outputs, (SELECT count(*) FROM rejected) AS rejected, (SELECT count(*) FROM suggestions) AS suggestions`)
    .get() as MemoryTally;
}
