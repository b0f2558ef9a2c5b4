import type { MemoryEntry, Suggestion } from './memory-entry.ts';
import type { WrittenOutput } from './memory-store.ts';

/** An output as recorded, with when it was written. */
export interface RecordedOutput extends WrittenOutput {
  readonly writtenAt: string;
}

/** How often a key's reply failed the checks, and the last reply that did. */
export interface RejectedReply {
  readonly key: string;
  readonly attempts: number;
  readonly targetText: string;
  readonly rejectedAt: string;
}

/** Suggestions a run saved for a segment's reviewers. */
export interface SavedSuggestions {
  readonly key: string;
  readonly suggestions: readonly Suggestion[];
  readonly updatedAt: string;
}

/** A batch of one kind of what a memory holds, as `memory copy` moves it: every field kept, timestamps included. */
export type MemoryRecords =
  | { readonly kind: 'entries'; readonly rows: readonly MemoryEntry[] }
  | { readonly kind: 'outputs'; readonly rows: readonly RecordedOutput[] }
  | { readonly kind: 'rejected'; readonly rows: readonly RejectedReply[] }
  | { readonly kind: 'suggestions'; readonly rows: readonly SavedSuggestions[] };

/** How many records of each kind a memory holds; a copy is whole when both sides' tallies match. */
export interface MemoryTally {
  readonly entries: number;
  readonly reviewed: number;
  readonly outputs: number;
  readonly rejected: number;
  readonly suggestions: number;
}
