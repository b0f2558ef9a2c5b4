import type pg from 'pg';
import { segmentId } from '../../markdown/segment-id.ts';
import type { ArticleState } from '../../pipeline/article-state.ts';
import { outcomeToJson, rowToArticleState, type ArticleStateRow } from '../article-state-row.ts';
import { answerLookup } from '../answer-lookup.ts';
import { rowToEntry, type EntryRow } from '../entry-row.ts';
import type { LookupRequest, MemoryEntry, NewMemoryEntry, ReviewedEntry, Suggestion } from '../memory-entry.ts';
import type { MemoryRecords, MemoryTally } from '../memory-records.ts';
import { storedRebuiltText, type EntryFilter, type MemoryStore, type Rejection, type WrittenOutput } from '../memory-store.ts';
import { plainSourceOf } from '../plain-source.ts';
import { rankSuggestions, rankWithinArticle } from '../rank-suggestions.ts';
import { resolveSuggestOptions, type SuggestOptions } from '../suggest-options.ts';
import { createPool } from './create-pool.ts';
import { foldBatch } from './fold-batch.ts';
import { maskPassword } from './mask-password.ts';
import { checkSchemaVersion, postgresSchemaVersion } from './postgres-migrations.ts';
import { readPostgresRecords, restorePostgresRecords, tallyPostgres } from './postgres-records.ts';
import { postgresStatements as sql } from './postgres-statements.ts';
import { toPostgresError } from './postgres-failure.ts';

/** How `PostgresMemory.open` treats time. */
export interface OpenPostgresOptions {
  /** Clock for `createdAt` and `updatedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
}

// Fewest candidates a search reads from the trigram index, as on SQLite.
const candidateCount = 50;
// pg_trgm's `%` keeps texts sharing at least this share of trigrams: well below what a 0.5 edit similarity
// leaves, so that every text the ranking would keep is a candidate.
const trigramThreshold = 0.2;

/**
 * The translation memory in a PostgreSQL database, shared by runs on many machines. Never changes the schema:
 * `jialing memory migrate` does (see `migratePostgres`), and opening an older database fails with exit code 2.
 */
export class PostgresMemory implements MemoryStore {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #now: () => Date;
  // Writes still on their way when `close` is called (an answer stored as a run stops) finish first.
  readonly #pending = new Set<Promise<unknown>>();

  private constructor(location: string, pool: pg.Pool, now: () => Date) {
    this.location = location;
    this.#pool = pool;
    this.#now = now;
  }

  /** Connects and checks that the database was migrated to the schema this jialing knows. */
  static async open(url: string, options: OpenPostgresOptions = {}): Promise<PostgresMemory> {
    const location = maskPassword(url);
    const pool = createPool(url, { settings: { 'pg_trgm.similarity_threshold': trigramThreshold } });
    try {
      const client = await pool.connect();
      try {
        checkSchemaVersion(await postgresSchemaVersion(client), location);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw toPostgresError(error, location);
    }
    return new PostgresMemory(location, pool, options.now ?? (() => new Date()));
  }

  async lookup(requests: readonly LookupRequest[]): Promise<Map<string, MemoryEntry>> {
    if (requests.length === 0) return new Map();
    const batch = requests.map(({ key, sourceText, sourceLanguage, targetLanguage }) => ({ key, sourceId: segmentId(sourceText), sourceLanguage, targetLanguage }));
    const rows = await this.#query<EntryRow & { request_key: string }>(sql.lookup, [JSON.stringify(batch)]);
    return answerLookup(rows.map((row) => ({ requestKey: row.request_key, entry: rowToEntry(row) })));
  }

  async reject(rejections: readonly Rejection[]): Promise<void> {
    if (rejections.length === 0) return;
    const byKey = new Map(rejections.map((rejection) => [rejection.key, rejection.targetText]));
    const keys = [...byKey.keys()];
    await this.#transaction(async (client) => {
      await client.query(sql.removeMachineEntries, [keys]);
      await client.query(sql.reject, [keys, [...byKey.values()], this.#now().toISOString()]);
    });
  }

  async rejectedAttempts(keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.#query<{ key: string; attempts: number }>(sql.rejectedAttempts, [keys]);
    return new Map(rows.map((row) => [row.key, row.attempts]));
  }

  async store(entries: readonly NewMemoryEntry[]): Promise<void> {
    await this.#write(entries);
  }

  async storeReviewed(entries: readonly ReviewedEntry[]): Promise<void> {
    await this.#write(entries.map((entry) => ({ ...entry, origin: 'human', status: 'reviewed' })));
  }

  async storeImported(entries: readonly Omit<NewMemoryEntry, 'origin'>[]): Promise<{ imported: number; skipped: number }> {
    const imported = await this.#write(entries.map((entry) => ({ ...entry, origin: 'import' })));
    return { imported, skipped: entries.length - imported };
  }

  async suggest(sourceText: string, sourceLanguage: string, targetLanguage: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { threshold, limit } = resolveSuggestOptions(options);
    const plainText = plainSourceOf(sourceText);
    if ([...plainText].length < 3) return [];
    const length = [...plainText].length;
    // A text whose length differs by more than (1 - threshold) of the longer one cannot be similar enough.
    const bounds = [Math.ceil(length * threshold - 1e-9), Math.floor(length / threshold + 1e-9)];
    const rows = await this.#query<EntryRow>(sql.candidates, [plainText, sourceLanguage, targetLanguage, ...bounds, Math.max(candidateCount, limit * 10)]);
    const candidates = rows.map((row) => ({ entry: rowToEntry(row), sourceId: row.source_id, sourcePlain: row.source_plain }));
    return rankSuggestions(plainText, candidates, { threshold, limit });
  }

  /** The trigram index is kept up to date by every write: nothing is ever left to index. */
  async indexForSuggestions(): Promise<number> {
    return 0;
  }

  async suggestWithinArticle(sourceTexts: readonly string[], sourceLanguage: string, targetLanguage: string, articlePath: string, options: SuggestOptions = {}): Promise<Suggestion[][]> {
    const { threshold, limit } = resolveSuggestOptions(options);
    if (sourceTexts.length === 0) return [];
    const rows = await this.#query<EntryRow>(sql.articleEntries, [articlePath, sourceLanguage, targetLanguage]);
    return rankWithinArticle(sourceTexts, rows, { threshold, limit });
  }

  async recordOutput(output: WrittenOutput): Promise<void> {
    await this.#query(sql.recordOutput, [output.language, output.file, output.sourceText, output.outputText, storedRebuiltText(output), this.#now().toISOString()]);
  }

  async lastOutput(language: string, file: string): Promise<WrittenOutput | undefined> {
    const [row] = await this.#query<{ source_text: string; output_text: string; rebuilt_text: string | null }>(sql.lastOutput, [language, file]);
    return row && { language, file, sourceText: row.source_text, outputText: row.output_text, rebuiltText: row.rebuilt_text ?? row.output_text };
  }

  async saveArticleState(state: ArticleState): Promise<void> {
    await this.#query(sql.saveArticleState, [
      state.language, state.file, state.sourceHash, state.engineProfile, state.glossaryVersion, state.configHash,
      state.memoryVersion, state.outputHash, JSON.stringify(state.termIds), outcomeToJson(state), JSON.stringify(state.sourceIds),
    ]);
  }

  async outputHashes(language: string): Promise<Map<string, string>> {
    const rows = await this.#query<{ file: string; output_hash: string }>(sql.outputHashes, [language]);
    return new Map(rows.map((row) => [row.file, row.output_hash]));
  }

  async articleState(language: string, file: string): Promise<ArticleState | undefined> {
    const [row] = await this.#query<ArticleStateRow<unknown>>(sql.articleState, [language, file]);
    return row && rowToArticleState(row, (value) => value);
  }

  async forgetArticleState(language: string, file: string): Promise<void> {
    await this.#query(sql.forgetArticleState, [language, file]);
  }

  async reviewedVersion(pair: { readonly sourceLanguage: string; readonly targetLanguage: string }, sourceIds: readonly string[]): Promise<string> {
    const [row] = await this.#query<{ version: string }>(sql.reviewedVersion, [sourceIds, pair.sourceLanguage, pair.targetLanguage]);
    return row!.version;
  }

  async claim(keys: readonly string[], owner: string, leaseMs: number): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.#query<{ key: string }>(sql.claim, [keys, owner, leaseMs]);
    return new Set(rows.map((row) => row.key));
  }

  async renewClaims(owner: string, leaseMs: number): Promise<void> {
    await this.#query(sql.renewClaims, [owner, leaseMs]);
  }

  async releaseClaims(owner: string): Promise<void> {
    await this.#query(sql.releaseClaims, [owner]);
  }

  async saveSuggestions(key: string, suggestions: readonly Suggestion[]): Promise<void> {
    if (suggestions.length === 0) await this.#query(sql.deleteSuggestions, [key]);
    else await this.#query(sql.saveSuggestions, [key, JSON.stringify(suggestions), this.#now().toISOString()]);
  }

  async keysWithReviewedSuggestion(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.#query<{ key: string }>(sql.keysWithReviewedSuggestion, [keys]);
    return new Set(rows.map((row) => row.key));
  }

  async suggestionsFor(key: string): Promise<Suggestion[]> {
    const [row] = await this.#query<{ suggestions: string }>(sql.suggestionsFor, [key]);
    return row ? (JSON.parse(row.suggestions) as Suggestion[]) : [];
  }

  async *entries(filter: EntryFilter = {}): AsyncGenerator<MemoryEntry> {
    let last = '0';
    for (;;) {
      const rows = await this.#query<EntryRow & { id: string }>(sql.entriesPage, [last, filter.sourceLanguage ?? null, filter.targetLanguage ?? null, 1000]);
      for (const row of rows) yield rowToEntry(row);
      if (rows.length < 1000) return;
      last = rows.at(-1)!.id;
    }
  }

  async counts(): Promise<{ entries: number; reviewed: number }> {
    const [row] = await this.#query<{ entries: number; reviewed: number }>(sql.counts, []);
    return row!;
  }

  async hasEntries(): Promise<boolean> {
    const [row] = await this.#query<{ found: boolean }>(sql.hasEntries, []);
    return row!.found;
  }

  async *records(): AsyncGenerator<MemoryRecords> {
    try {
      yield* readPostgresRecords(this.#pool);
    } catch (error) {
      throw toPostgresError(error, this.location);
    }
  }

  async restore(records: MemoryRecords): Promise<void> {
    await this.#run((pool) => restorePostgresRecords(pool, records));
  }

  async tally(): Promise<MemoryTally> {
    return this.#run((pool) => tallyPostgres(pool));
  }

  async close(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
    await this.#pool.end().catch(() => {});
  }

  /** Upserts in one statement and returns how many entries were inserted or changed. */
  async #write(entries: readonly NewMemoryEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const batch = foldBatch(entries);
    const column = <T>(pick: (entry: NewMemoryEntry) => T) => batch.map(pick);
    const result = await this.#run((pool) =>
      pool.query(sql.upsert, [
        column((entry) => entry.key),
        column((entry) => segmentId(entry.sourceText)),
        column((entry) => entry.sourceText),
        column((entry) => plainSourceOf(entry.sourceText)),
        column((entry) => entry.targetText),
        column((entry) => entry.sourceLanguage),
        column((entry) => entry.targetLanguage),
        column((entry) => entry.engineProfile),
        column((entry) => entry.glossaryVersion),
        column((entry) => entry.origin),
        column((entry) => entry.status ?? 'machine'),
        column((entry) => entry.articlePath ?? null),
        this.#now().toISOString(),
      ]),
    );
    return result.rowCount ?? 0;
  }

  async #query<Row extends pg.QueryResultRow>(text: string, values: readonly unknown[]): Promise<Row[]> {
    return (await this.#run((pool) => pool.query<Row>(text, values as unknown[]))).rows;
  }

  async #transaction(action: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    await this.#run(async (pool) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await action(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async #run<T>(action: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const running = action(this.#pool).catch((error: unknown) => {
      throw toPostgresError(error, this.location);
    });
    this.#pending.add(running);
    try {
      return await running;
    } finally {
      this.#pending.delete(running);
    }
  }
}
