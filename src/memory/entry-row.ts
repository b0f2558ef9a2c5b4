import type { MemoryEntry, MemoryOrigin, MemoryStatus } from './memory-entry.ts';

/** An `entries` row as SQLite returns it. */
export interface EntryRow {
  readonly key: string;
  readonly source_id: string;
  readonly source_text: string;
  readonly source_plain: string;
  readonly target_text: string;
  readonly source_language: string;
  readonly target_language: string;
  readonly engine_profile: string;
  readonly glossary_version: string;
  readonly origin: string;
  readonly status: string;
  readonly article_path: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The entry a row holds; origin and status are trusted because only the memory writes them. */
export function rowToEntry(row: EntryRow): MemoryEntry {
  return {
    key: row.key,
    sourceText: row.source_text,
    targetText: row.target_text,
    sourceLanguage: row.source_language,
    targetLanguage: row.target_language,
    engineProfile: row.engine_profile,
    glossaryVersion: row.glossary_version,
    origin: row.origin as MemoryOrigin,
    status: row.status as MemoryStatus,
    articlePath: row.article_path,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
