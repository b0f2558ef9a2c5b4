import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { segmentId } from '../../markdown/segment-id.ts';
import type { ArticleState } from '../../pipeline/article-state.ts';
import { answerLookup } from '../answer-lookup.ts';
import { rowToEntry, type EntryRow } from '../entry-row.ts';
import { articleStateToRow, rowToArticleState, type ArticleStateRow } from '../article-state-row.ts';
import { findFuzzyCandidates } from './find-fuzzy-candidates.ts';
import type { LookupRequest, MemoryEntry, NewMemoryEntry, ReviewedEntry, Suggestion } from '../memory-entry.ts';
import { MemorySetupError } from '../memory-error.ts';
import type { MemoryRecords, MemoryTally } from '../memory-records.ts';
import { storedRebuiltText, type EntryFilter, type MemoryStore, type Rejection, type WrittenOutput } from '../memory-store.ts';
import { memoryStatements, type MemoryStatements } from './memory-statements.ts';
import { migrate } from '../migrations.ts';
import { plainSourceOf } from '../plain-source.ts';
import { rankSuggestions, rankWithinArticle } from '../rank-suggestions.ts';
import { readSqliteRecords, restoreSqliteRecords, tallySqlite } from './sqlite-records.ts';
import { toMemoryError } from './sqlite-failure.ts';
import { resolveSuggestOptions, type SuggestOptions } from '../suggest-options.ts';
import { trigramsOf } from './trigram-query.ts';

/** How `SqliteMemory.open` treats time and a busy file. */
export interface OpenMemoryOptions {
  /** Clock for `createdAt` and `updatedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** How long a write waits for another process's write to finish before failing; 5000 by default. */
  readonly busyTimeoutMs?: number;
}

/**
 * The translation memory in a SQLite file: the embedded default, one writer at a time on one machine.
 * better-sqlite3 is synchronous; the methods are async only to share `MemoryStore` with server backends.
 */
export class SqliteMemory implements MemoryStore {
  readonly file: string;
  readonly location: string;
  readonly #db: Database.Database;
  readonly #now: () => Date;
  readonly #statements: MemoryStatements;
  // Most memories never held a broken reply; knowing so spares a query per article.
  #hasRejected: boolean | undefined;

  private constructor(file: string, db: Database.Database, now: () => Date) {
    this.file = file;
    this.location = file;
    this.#db = db;
    this.#now = now;
    this.#statements = memoryStatements(db);
  }

  /** Opens (creating the file and its folder if needed) and migrates a memory. */
  static open(file: string, options: OpenMemoryOptions = {}): SqliteMemory {
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch (error) {
      throw new MemorySetupError(`Cannot create the folder of the translation memory ${file}: ${(error as Error).message}.`, {
        hint: 'Check the memory path in the config and the folder permissions.',
        cause: error,
      });
    }
    let db: Database.Database | undefined;
    try {
      const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
      db = new Database(file, { timeout: busyTimeoutMs });
      // WAL lets runs read while another writes; NORMAL sync is safe in WAL and loses at most the last commits on power loss.
      useWriteAheadLog(db, busyTimeoutMs);
      db.pragma('synchronous = NORMAL');
      // Keys are hashes, so inserts land all over the indexes: a 32 MB page cache (the default is 2 MB) keeps
      // them in memory for a memory of some 100k entries, and stores measured about a quarter faster at 7k.
      db.pragma('cache_size = -32000');
      migrate(db, file);
      return new SqliteMemory(file, db, options.now ?? (() => new Date()));
    } catch (error) {
      db?.close();
      throw toMemoryError(error, file);
    }
  }

  async lookup(requests: readonly LookupRequest[]): Promise<Map<string, MemoryEntry>> {
    if (requests.length === 0) return new Map();
    const batch = requests.map(({ key, sourceText, sourceLanguage, targetLanguage }) => ({ key, sourceId: segmentId(sourceText), sourceLanguage, targetLanguage }));
    const rows = this.#guard(() => this.#statements.lookup.all(JSON.stringify(batch)) as (EntryRow & { request_key: string })[]);
    return answerLookup(rows.map((row) => ({ requestKey: row.request_key, entry: rowToEntry(row) })));
  }

  async reject(rejections: readonly Rejection[]): Promise<void> {
    if (rejections.length === 0) return;
    const now = this.#now().toISOString();
    const rejectAll = this.#db.transaction(() => {
      for (const { key, targetText } of rejections) {
        this.#statements.removeMachineEntry.run(key);
        this.#statements.reject.run(key, targetText, now);
      }
    });
    this.#guard(() => rejectAll.immediate());
    this.#hasRejected = true;
  }

  async rejectedAttempts(keys: readonly string[]): Promise<Map<string, number>> {
    this.#hasRejected ??= this.#guard(() => this.#statements.hasRejected.get() === 1);
    if (!this.#hasRejected || keys.length === 0) return new Map();
    const rows = this.#guard(() => this.#statements.rejectedAttempts.all(JSON.stringify(keys)) as { key: string; attempts: number }[]);
    return new Map(rows.map((row) => [row.key, row.attempts]));
  }

  async store(entries: readonly NewMemoryEntry[]): Promise<void> {
    this.#write(entries);
  }

  async storeReviewed(entries: readonly ReviewedEntry[]): Promise<void> {
    this.#write(entries.map((entry) => ({ ...entry, origin: 'human', status: 'reviewed' })));
  }

  async storeImported(entries: readonly Omit<NewMemoryEntry, 'origin'>[]): Promise<{ imported: number; skipped: number }> {
    const imported = this.#write(entries.map((entry) => ({ ...entry, origin: 'import' })));
    return { imported, skipped: entries.length - imported };
  }

  async suggest(sourceText: string, sourceLanguage: string, targetLanguage: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
    const { threshold, limit } = resolveSuggestOptions(options);
    await this.indexForSuggestions();
    const plainText = plainSourceOf(sourceText);
    const candidates = this.#guard(() => findFuzzyCandidates(this.#statements, { plainText, sourceLanguage, targetLanguage, threshold, limit }));
    return rankSuggestions(plainText, candidates, { threshold, limit });
  }

  async indexForSuggestions(): Promise<number> {
    const { indexedUpTo, unindexed, indexEntriesAbove, setIndexedUpTo, countTrigrams } = this.#statements;
    const indexAll = this.#db.transaction(() => {
      const last = indexedUpTo.get() as number;
      const rows = unindexed.all(last) as { id: number; source_plain: string }[];
      if (rows.length === 0) return 0;
      indexEntriesAbove.run(last);
      const documents = new Map<string, number>();
      for (const row of rows) for (const trigram of trigramsOf(row.source_plain)) documents.set(trigram, (documents.get(trigram) ?? 0) + 1);
      for (const [trigram, count] of documents) countTrigrams.run(trigram, count);
      setIndexedUpTo.run(rows.at(-1)!.id);
      return rows.length;
    });
    return this.#guard(() => indexAll.immediate());
  }

  async suggestWithinArticle(sourceTexts: readonly string[], sourceLanguage: string, targetLanguage: string, articlePath: string, options: SuggestOptions = {}): Promise<Suggestion[][]> {
    const { threshold, limit } = resolveSuggestOptions(options);
    if (sourceTexts.length === 0) return [];
    const rows = this.#guard(() => this.#statements.articleEntries.all({ articlePath, sourceLanguage, targetLanguage }) as EntryRow[]);
    return rankWithinArticle(sourceTexts, rows, { threshold, limit });
  }

  async recordOutput(output: WrittenOutput): Promise<void> {
    this.#guard(() => this.#statements.recordOutput.run({ ...output, rebuiltText: storedRebuiltText(output), now: this.#now().toISOString() }));
  }

  async lastOutput(language: string, file: string): Promise<WrittenOutput | undefined> {
    const row = this.#guard(() => this.#statements.lastOutput.get(language, file) as { source_text: string; output_text: string; rebuilt_text: string | null } | undefined);
    return row && { language, file, sourceText: row.source_text, outputText: row.output_text, rebuiltText: row.rebuilt_text ?? row.output_text };
  }

  async saveArticleState(state: ArticleState): Promise<void> {
    this.#guard(() => this.#statements.saveArticleState.run(articleStateToRow(state)));
  }

  async articleState(language: string, file: string): Promise<ArticleState | undefined> {
    const row = this.#guard(() => this.#statements.articleState.get(language, file) as ArticleStateRow | undefined);
    return row && rowToArticleState(row, (value) => JSON.parse(value));
  }

  async outputHashes(language: string): Promise<Map<string, string>> {
    return new Map(this.#guard(() => this.#statements.outputHashes.all(language) as [string, string][]));
  }

  async forgetArticleState(language: string, file: string): Promise<void> {
    this.#guard(() => this.#statements.forgetArticleState.run(language, file));
  }

  async reviewedVersion(pair: { readonly sourceLanguage: string; readonly targetLanguage: string }, sourceIds: readonly string[]): Promise<string> {
    return this.#guard(() => this.#statements.reviewedVersion.get({ ...pair, sourceIds: JSON.stringify(sourceIds) }) as string);
  }

  async claim(keys: readonly string[], owner: string, leaseMs: number): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const now = this.#now().getTime();
    const claimed = this.#guard(() => this.#statements.claim.all({ keys: JSON.stringify(keys), owner, expiresAt: now + leaseMs, now }) as string[]);
    return new Set(claimed);
  }

  async renewClaims(owner: string, leaseMs: number): Promise<void> {
    this.#guard(() => this.#statements.renewClaims.run({ owner, expiresAt: this.#now().getTime() + leaseMs }));
  }

  async releaseClaims(owner: string): Promise<void> {
    this.#guard(() => this.#statements.releaseClaims.run(owner));
  }

  async saveSuggestions(key: string, suggestions: readonly Suggestion[]): Promise<void> {
    this.#guard(() => {
      if (suggestions.length === 0) this.#statements.deleteSuggestions.run(key);
      else this.#statements.saveSuggestions.run(key, JSON.stringify(suggestions), this.#now().toISOString());
    });
  }

  async keysWithReviewedSuggestion(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return new Set(this.#guard(() => this.#statements.keysWithReviewedSuggestion.all(JSON.stringify(keys)) as string[]));
  }

  async suggestionsFor(key: string): Promise<Suggestion[]> {
    const row = this.#guard(() => this.#statements.suggestionsFor.get(key) as { suggestions: string } | undefined);
    return row ? (JSON.parse(row.suggestions) as Suggestion[]) : [];
  }

  async *entries(filter: EntryFilter = {}): AsyncGenerator<MemoryEntry> {
    try {
      for (const row of this.#statements.entries.iterate({ sourceLanguage: filter.sourceLanguage ?? null, targetLanguage: filter.targetLanguage ?? null })) {
        yield rowToEntry(row as EntryRow);
      }
    } catch (error) {
      throw toMemoryError(error, this.file);
    }
  }

  async counts(): Promise<{ entries: number; reviewed: number }> {
    return this.#guard(() => this.#statements.counts.get() as { entries: number; reviewed: number });
  }

  async hasEntries(): Promise<boolean> {
    return this.#guard(() => this.#statements.hasEntries.get() === 1);
  }

  async *records(): AsyncGenerator<MemoryRecords> {
    try {
      yield* readSqliteRecords(this.#db);
    } catch (error) {
      throw toMemoryError(error, this.file);
    }
  }

  async restore(records: MemoryRecords): Promise<void> {
    this.#guard(() => restoreSqliteRecords(this.#db, records));
    if (records.kind === 'rejected') this.#hasRejected = true;
  }

  async tally(): Promise<MemoryTally> {
    return this.#guard(() => tallySqlite(this.#db));
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  /** Upserts in one transaction and returns how many entries were inserted or changed. */
  #write(entries: readonly NewMemoryEntry[]): number {
    const now = this.#now().toISOString();
    const { upsert } = this.#statements;
    const writeAll = this.#db.transaction(() => {
      let changed = 0;
      for (const entry of entries) {
        changed += upsert.run(
          entry.key,
          segmentId(entry.sourceText),
          entry.sourceText,
          plainSourceOf(entry.sourceText),
          entry.targetText,
          entry.sourceLanguage,
          entry.targetLanguage,
          entry.engineProfile,
          entry.glossaryVersion,
          entry.origin,
          entry.status ?? 'machine',
          entry.articlePath ?? null,
          now,
          now,
        ).changes;
      }
      return changed;
    });
    // Immediate: take the write lock up front, so a busy file waits out the timeout instead of failing mid-transaction.
    return this.#guard(() => writeAll.immediate());
  }

  #guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw toMemoryError(error, this.file);
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Switches a memory to WAL, waiting up to the busy timeout for other processes to let go of it. Switching a
 * new file needs a moment alone with it, and SQLite does not wait for that whatever its busy timeout: two or
 * three processes opening a new memory at once met "database is locked" in 26 of 150 tries.
 */
function useWriteAheadLog(db: Database.Database, busyTimeoutMs: number): void {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= giveUpAt) throw error;
      // Opening is synchronous: a short blocking pause, as SQLite's own busy handler makes.
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}
