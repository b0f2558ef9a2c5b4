import type { ArticleState } from '../pipeline/article-state.ts';
import type { LookupRequest, MemoryEntry, NewMemoryEntry, ReviewedEntry, Suggestion } from './memory-entry.ts';
import type { MemoryRecords, MemoryTally } from './memory-records.ts';
import type { SuggestOptions } from './suggest-options.ts';

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

/**
 * The rebuilt text as a store keeps it: none where it is the output itself (every output but a kept hand edit),
 * which a reader takes back as the output. The outputs table then holds each article once rather than twice.
 */
export function storedRebuiltText(output: WrittenOutput): string | null {
  return output.rebuiltText === output.outputText ? null : output.rebuiltText;
}

/** A language pair to narrow `entries()` and `exportTmx` to; either side may be left open. */
export interface EntryFilter {
  readonly sourceLanguage?: string;
  readonly targetLanguage?: string;
}

/** A broken reply to take out of use: the key it was stored under and the text that failed the checks. */
export interface Rejection {
  readonly key: string;
  readonly targetText: string;
}

/**
 * Translations engines and people made for masked source texts, so that re-runs never pay twice.
 * Every backend (a SQLite file, a PostgreSQL database) keeps the same semantics; methods are async
 * because a database server answers over the network.
 */
export interface MemoryStore {
  /** Where the memory is, fit to print: a file path, or a URL with its password masked. */
  readonly location: string;

  /**
   * Stored translations for a batch of segments, by request key. The answer may be another key's entry:
   * a reviewed entry for the same normalised source text and pair wins over the exact key, and an imported
   * one stands in when the key has none (see `chooseEntry`). Segments with no entry are absent.
   */
  lookup(requests: readonly LookupRequest[]): Promise<Map<string, MemoryEntry>>;

  /**
   * Takes machine translations that failed the checks out of use (a reviewed one is a person's and stays), and
   * counts for each key how often that happened, so that the next run asks the engine again, a bounded number of times.
   */
  reject(rejections: readonly Rejection[]): Promise<void>;

  /** How often the translation of each key came back broken, for the keys that ever did. */
  rejectedAttempts(keys: readonly string[]): Promise<Map<string, number>>;

  /** Stores engine translations in one transaction, replacing by key; a reviewed entry is never replaced by a machine one. */
  store(entries: readonly NewMemoryEntry[]): Promise<void>;

  /** Stores people's translations (origin `human`, status `reviewed`); they win every later lookup of the same text and pair. */
  storeReviewed(entries: readonly ReviewedEntry[]): Promise<void>;

  /** Stores imported translations (origin `import`) in one transaction; `skipped` counts those the memory already held or would downgrade. */
  storeImported(entries: readonly Omit<NewMemoryEntry, 'origin'>[]): Promise<{ imported: number; skipped: number }>;

  /** Earlier translations of similar source texts in the same pair, for reviewers (see `similarity`). */
  suggest(sourceText: string, sourceLanguage: string, targetLanguage: string, options?: SuggestOptions): Promise<Suggestion[]>;

  /**
   * Brings the fuzzy index up to date with the entries stored since the last search, where a backend defers
   * that; a long-lived reader (the review page) calls it up front so that its first search is quick. Returns how many.
   */
  indexForSuggestions(): Promise<number>;

  /**
   * Like `suggest`, among the translations made for one article only: where the earlier version of an edited
   * paragraph is, found without a search of the whole memory, so a run can afford it for every new text. One
   * list per text, in their order; the article's translations are read once for all of them.
   */
  suggestWithinArticle(sourceTexts: readonly string[], sourceLanguage: string, targetLanguage: string, articlePath: string, options?: SuggestOptions): Promise<Suggestion[][]>;

  /** Remembers what jialing wrote to an output, so that a later run can tell a person's edit from its own text. */
  recordOutput(output: WrittenOutput): Promise<void>;

  /** What jialing last wrote to an article's output in a language, with the source it was made from. */
  lastOutput(language: string, file: string): Promise<WrittenOutput | undefined>;

  /** Keeps what an article's output in a language was made from and what was reported of it. */
  saveArticleState(state: ArticleState): Promise<void>;

  /** The state kept for an article's output in a language, if any. */
  articleState(language: string, file: string): Promise<ArticleState | undefined>;

  /** The output hash of every state kept in a language, by article: what a run checks the outputs on disk against. */
  outputHashes(language: string): Promise<Map<string, string>>;

  /** Drops an article's kept state, so that the next run takes the full path for it. */
  forgetArticleState(language: string, file: string): Promise<void>;

  /**
   * Changes whenever a reviewed or imported translation of one of the source texts (by `segmentId`) is added or
   * changed in the pair: such a translation replaces the machine one wherever its text is.
   */
  reviewedVersion(pair: { readonly sourceLanguage: string; readonly targetLanguage: string }, sourceIds: readonly string[]): Promise<string>;

  /**
   * Claims the right to send the texts stored under `keys` to an engine for `leaseMs`, so that runs sharing the
   * memory (on this machine or others) do not pay for one text at once. Returns the keys `owner` holds now: those
   * free, its own, and those whose lease ran out (their run died). A key the memory already has an entry for is
   * never claimed: whoever needs it looks it up.
   */
  claim(keys: readonly string[], owner: string, leaseMs: number): Promise<Set<string>>;

  /** Extends every claim of `owner` by `leaseMs` from now, while its run is alive. */
  renewClaims(owner: string, leaseMs: number): Promise<void>;

  /** Gives up every claim of `owner`: its run ended, and what it did not translate is free for others. */
  releaseClaims(owner: string): Promise<void>;

  /** Keeps suggestions for a segment's reviewers, replacing earlier ones; an empty list removes them. */
  saveSuggestions(key: string, suggestions: readonly Suggestion[]): Promise<void>;

  /**
   * Which of these segments' saved suggestions hold a reviewed translation: their source changed after a person
   * reviewed them. One question for all of an article's segments.
   */
  keysWithReviewedSuggestion(keys: readonly string[]): Promise<Set<string>>;

  /** Suggestions saved for a segment, or an empty list. */
  suggestionsFor(key: string): Promise<Suggestion[]>;

  /** Every entry, oldest first, optionally of one language pair. */
  entries(filter?: EntryFilter): AsyncIterable<MemoryEntry>;

  /** How many entries the memory holds, and how many of them are reviewed. */
  counts(): Promise<{ entries: number; reviewed: number }>;

  /** Whether the memory holds any entry: what a run needs to know, without the count's scan of every entry. */
  hasEntries(): Promise<boolean>;

  /** Everything the memory holds, in batches of one kind, for `memory copy`. */
  records(): AsyncIterable<MemoryRecords>;

  /** Writes records as they were read from another memory, timestamps included, in one transaction per batch. */
  restore(records: MemoryRecords): Promise<void>;

  /** How many records of each kind the memory holds. */
  tally(): Promise<MemoryTally>;

  /** Closes the connection or file; the memory cannot be used afterwards. */
  close(): Promise<void>;
}
