/** Where a translation came from: an engine (`mt:<engine>`), a person, or a TMX import. */
export type MemoryOrigin = 'mt:apertium' | 'mt:deepl' | 'mt:pseudo' | 'mt:copy' | 'human' | 'import';

/** Whether a person has checked the translation; reviewed entries win over machine ones. */
export type MemoryStatus = 'machine' | 'reviewed';

/** One stored translation of a masked source text (tagged text) into one language. */
export interface MemoryEntry {
  /** `memoryKey(…)` of the source text, pair, engine profile and glossary version. */
  readonly key: string;
  readonly sourceText: string;
  readonly targetText: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly engineProfile: string;
  readonly glossaryVersion: string;
  readonly origin: MemoryOrigin;
  readonly status: MemoryStatus;
  /** Article the translation was first or last made for, relative to the articles folder; only a hint for reviewers. */
  readonly articlePath: string | null;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A translation to store; the memory sets the timestamps, and the status defaults to `machine`. */
export type NewMemoryEntry = Omit<MemoryEntry, 'createdAt' | 'updatedAt' | 'status' | 'articlePath'> & {
  readonly status?: MemoryStatus;
  readonly articlePath?: string | null;
};

/** A person's translation of a segment: stored with origin `human` and status `reviewed`. */
export type ReviewedEntry = Omit<NewMemoryEntry, 'origin' | 'status'>;

/** One segment to look up: its key and what the reviewed/imported fallback matches on. */
export interface LookupRequest {
  readonly key: string;
  readonly sourceText: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** An earlier translation of a similar source text, for reviewers only: never used as the translation. */
export interface Suggestion {
  /** Key of the entry the suggestion was taken from. */
  readonly key: string;
  readonly sourceText: string;
  readonly targetText: string;
  /** From 0 to 1; see `similarity`. */
  readonly similarity: number;
  readonly origin: MemoryOrigin;
  readonly status: MemoryStatus;
  readonly articlePath: string | null;
}
