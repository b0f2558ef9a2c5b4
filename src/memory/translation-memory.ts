import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { segmentId } from '../markdown/segment-id.ts';
import type { ArticleState } from '../pipeline/article-state.ts';
import { articleStateToRow, rowToArticleState, type ArticleStateRow } from './article-state-row.ts';
import { chooseEntry } from './choose-entry.ts';
import { rowToEntry, type EntryRow } from './entry-row.ts';
import { findFuzzyCandidates } from './find-fuzzy-candidates.ts';
import type { LookupRequest, MemoryEntry, NewMemoryEntry, ReviewedEntry, Suggestion } from './memory-entry.ts';
import { MemorySetupError } from './memory-error.ts';
import { memoryStatements, type MemoryStatements } from './memory-statements.ts';
import { migrate } from './migrations.ts';
import { plainSourceOf } from './plain-source.ts';
import { rankSuggestions } from './rank-suggestions.ts';
import { toMemoryError } from './sqlite-failure.ts';
import { resolveSuggestOptions, type SuggestOptions } from './suggest-options.ts';
import { trigramsOf } from './trigram-query.ts';

/** How `TranslationMemory.open` treats time and a busy file. */
export interface OpenMemoryOptions {
  /** Clock for `createdAt` and `updatedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** How long a write waits for another process's write to finish before failing; 5000 by default. */
  readonly busyTimeoutMs?: number;
}

/** An output file as jialing wrote it, and the source article it was made from. */
export interface WrittenOutput {
  readonly language: string;
  /** Article path relative to the articles folder, with `/`. */
  readonly file: string;
  readonly sourceText: string;
  readonly outputText: string;
  /** What the rebuild from source and memory gave then; differs from `outputText` where a person's edit was kept as written. */
  readonly rebuiltText: string;
}

/** A language pair to narrow `entries()` and `exportTmx` to; either side may be left open. */
export interface EntryFilter {
  readonly sourceLanguage?: string;
  readonly targetLanguage?: string;
}

/** Translations engines and people made for masked source texts, in a SQLite file, so that re-runs never pay twice. */
export class TranslationMemory {
  readonly file: string;
  readonly #db: Database.Database;
  readonly #now: () => Date;
  readonly #statements: MemoryStatements;
  // Most memories never held a broken reply; knowing so spares a query per article.
  #hasRejected: boolean | undefined;

  private constructor(file: string, db: Database.Database, now: () => Date) {
    this.file = file;
    this.#db = db;
    this.#now = now;
    this.#statements = memoryStatements(db);
  }

  /** Opens (creating the file and its folder if needed) and migrates a memory. */
  static open(file: string, options: OpenMemoryOptions = {}): TranslationMemory {
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
      db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
      // WAL lets runs read while another writes; NORMAL sync is safe in WAL and loses at most the last commits on power loss.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Keys are hashes, so inserts land all over the indexes: a 32 MB page cache (the default is 2 MB) keeps
      // them in memory for a memory of some 100k entries, and stores measured about a quarter faster at 7k.
      db.pragma('cache_size = -32000');
      migrate(db, file);
      return new TranslationMemory(file, db, options.now ?? (() => new Date()));
    } catch (error) {
      db?.close();
      throw toMemoryError(error, file);
    }
  }

  /**
   * Stored translations for a batch of segments, by request key. The answer may be another key's entry:
   * a reviewed entry for the same normalised source text and pair wins over the exact key, and an imported
   * one stands in when the key has none (see `chooseEntry`). Segments with no entry are absent.
   */
  lookup(requests: readonly LookupRequest[]): Map<string, MemoryEntry> {
    const found = new Map<string, MemoryEntry>();
    if (requests.length === 0) return found;
    const batch = requests.map(({ key, sourceText, sourceLanguage, targetLanguage }) => ({ key, sourceId: segmentId(sourceText), sourceLanguage, targetLanguage }));
    const rows = this.#guard(() => this.#statements.lookup.all(JSON.stringify(batch)) as (EntryRow & { request_key: string })[]);
    const candidates = new Map<string, MemoryEntry[]>();
    for (const row of rows) {
      const group = candidates.get(row.request_key);
      if (group) group.push(rowToEntry(row));
      else candidates.set(row.request_key, [rowToEntry(row)]);
    }
    for (const [key, group] of candidates) {
      const entry = chooseEntry(key, group);
      if (entry) found.set(key, entry);
    }
    return found;
  }

  /**
   * Takes machine translations that failed the checks out of use (a reviewed one is a person's and stays), and
   * counts for each key how often that happened, so that the next run asks the engine again, a bounded number of times.
   */
  reject(rejections: readonly { readonly key: string; readonly targetText: string }[]): void {
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

  /** How often the translation of each key came back broken, for the keys that ever did. */
  rejectedAttempts(keys: readonly string[]): Map<string, number> {
    this.#hasRejected ??= this.#guard(() => this.#statements.hasRejected.get() === 1);
    if (!this.#hasRejected || keys.length === 0) return new Map();
    const rows = this.#guard(() => this.#statements.rejectedAttempts.all(JSON.stringify(keys)) as { key: string; attempts: number }[]);
    return new Map(rows.map((row) => [row.key, row.attempts]));
  }

  /** Stores engine translations in one transaction, replacing by key; a reviewed entry is never replaced by a machine one. */
  store(entries: readonly NewMemoryEntry[]): void {
    this.#write(entries);
  }

  /** Stores people's translations (origin `human`, status `reviewed`); they win every later lookup of the same text and pair. */
  storeReviewed(entries: readonly ReviewedEntry[]): void {
    this.#write(entries.map((entry) => ({ ...entry, origin: 'human', status: 'reviewed' })));
  }

  /** Stores imported translations (origin `import`) in one transaction; `skipped` counts those the memory already held or would downgrade. */
  storeImported(entries: readonly Omit<NewMemoryEntry, 'origin'>[]): { imported: number; skipped: number } {
    const imported = this.#write(entries.map((entry) => ({ ...entry, origin: 'import' })));
    return { imported, skipped: entries.length - imported };
  }

  /** Earlier translations of similar source texts in the same pair, for reviewers (see `similarity`). */
  suggest(sourceText: string, sourceLanguage: string, targetLanguage: string, options: SuggestOptions = {}): Suggestion[] {
    const { threshold, limit } = resolveSuggestOptions(options);
    this.indexForSuggestions();
    const plainText = plainSourceOf(sourceText);
    const candidates = this.#guard(() => findFuzzyCandidates(this.#statements, { plainText, sourceLanguage, targetLanguage, threshold, limit }));
    return rankSuggestions(plainText, candidates, { threshold, limit });
  }

  /**
   * Adds the entries stored since the last search to the fuzzy index; `suggest` does it first, and a
   * long-lived reader (the review page) calls it up front so that its first search is quick. Returns how many.
   */
  indexForSuggestions(): number {
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

  /**
   * Like `suggest`, among the translations made for one article only: where the earlier version of an edited
   * paragraph is, found without a search of the whole memory, so a run can afford it for every new text.
   */
  suggestWithinArticle(sourceText: string, sourceLanguage: string, targetLanguage: string, articlePath: string, options: SuggestOptions = {}): Suggestion[] {
    const { threshold, limit } = resolveSuggestOptions(options);
    const rows = this.#guard(() => this.#statements.articleEntries.all({ articlePath, sourceLanguage, targetLanguage }) as EntryRow[]);
    const candidates = rows.map((row) => ({ entry: rowToEntry(row), sourceId: row.source_id, sourcePlain: row.source_plain }));
    return rankSuggestions(plainSourceOf(sourceText), candidates, { threshold, limit });
  }

  /** Remembers what jialing wrote to an output, so that a later run can tell a person's edit from its own text. */
  recordOutput(output: WrittenOutput): void {
    this.#guard(() => this.#statements.recordOutput.run({ ...output, now: this.#now().toISOString() }));
  }

  /** What jialing last wrote to an article's output in a language, with the source it was made from. */
  lastOutput(language: string, file: string): WrittenOutput | undefined {
    const row = this.#guard(() => this.#statements.lastOutput.get(language, file) as { source_text: string; output_text: string; rebuilt_text: string | null } | undefined);
    return row && { language, file, sourceText: row.source_text, outputText: row.output_text, rebuiltText: row.rebuilt_text ?? row.output_text };
  }

  /** Keeps what an article's output in a language was made from and what was reported of it. */
  saveArticleState(state: ArticleState): void {
    this.#guard(() => this.#statements.saveArticleState.run(articleStateToRow(state)));
  }

  /** The state kept for an article's output in a language, if any. */
  articleState(language: string, file: string): ArticleState | undefined {
    const row = this.#guard(() => this.#statements.articleState.get(language, file) as ArticleStateRow | undefined);
    return row && rowToArticleState(row);
  }

  /** Drops an article's kept state, so that the next run takes the full path for it. */
  forgetArticleState(language: string, file: string): void {
    this.#guard(() => this.#statements.forgetArticleState.run(language, file));
  }

  /** Changes whenever a reviewed or imported translation is added or changed. */
  memoryVersion(): string {
    return this.#guard(() => this.#statements.memoryVersion.get() as string);
  }

  /** Keeps suggestions for a segment's reviewers, replacing earlier ones; an empty list removes them. */
  saveSuggestions(key: string, suggestions: readonly Suggestion[]): void {
    this.#guard(() => {
      if (suggestions.length === 0) this.#statements.deleteSuggestions.run(key);
      else this.#statements.saveSuggestions.run(key, JSON.stringify(suggestions), this.#now().toISOString());
    });
  }

  /** Whether a segment's saved suggestions hold a reviewed translation: its source changed after a person reviewed it. */
  hasReviewedSuggestion(key: string): boolean {
    return this.suggestionsFor(key).some((suggestion) => suggestion.status === 'reviewed');
  }

  /** Suggestions saved for a segment, or an empty list. */
  suggestionsFor(key: string): Suggestion[] {
    const row = this.#guard(() => this.#statements.suggestionsFor.get(key) as { suggestions: string } | undefined);
    return row ? (JSON.parse(row.suggestions) as Suggestion[]) : [];
  }

  /** Every entry, oldest first, optionally of one language pair. */
  *entries(filter: EntryFilter = {}): Generator<MemoryEntry> {
    try {
      for (const row of this.#statements.entries.iterate({ sourceLanguage: filter.sourceLanguage ?? null, targetLanguage: filter.targetLanguage ?? null })) {
        yield rowToEntry(row as EntryRow);
      }
    } catch (error) {
      throw toMemoryError(error, this.file);
    }
  }

  /** How many entries the memory holds, and how many of them are reviewed. */
  counts(): { entries: number; reviewed: number } {
    return this.#guard(() => this.#statements.counts.get() as { entries: number; reviewed: number });
  }

  /** Closes the file; the memory cannot be used afterwards. */
  close(): void {
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
