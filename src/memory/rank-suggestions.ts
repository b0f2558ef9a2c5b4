import { rowToEntry, type EntryRow } from './entry-row.ts';
import type { MemoryEntry, Suggestion } from './memory-entry.ts';
import { plainSourceOf } from './plain-source.ts';
import { similarityTo } from './similarity.ts';

/** An entry found by the trigram index, with the plain text its similarity is measured on. */
export interface SuggestionCandidate {
  readonly entry: MemoryEntry;
  readonly sourceId: string;
  readonly sourcePlain: string;
}

/**
 * Suggestions for a plain source text: candidates at least `threshold` similar, one per source text
 * (reviewed, then most recent), most similar first, reviewed before machine on a tie.
 */
export function rankSuggestions(plainText: string, candidates: readonly SuggestionCandidate[], options: { threshold: number; limit: number }): Suggestion[] {
  const bestPerSource = new Map<string, Suggestion & { updatedAt: string }>();
  const similarityOf = similarityTo(plainText);
  for (const { entry, sourceId, sourcePlain } of candidates) {
    const score = similarityOf(sourcePlain, options.threshold);
    if (score < options.threshold) continue;
    const suggestion = { ...toSuggestion(entry, score), updatedAt: entry.updatedAt };
    const current = bestPerSource.get(sourceId);
    if (!current || compare(suggestion, current) < 0) bestPerSource.set(sourceId, suggestion);
  }
  return [...bestPerSource.values()]
    .sort(compare)
    .slice(0, options.limit)
    .map(({ updatedAt, ...suggestion }) => suggestion);
}

function toSuggestion(entry: MemoryEntry, score: number): Suggestion {
  const { key, sourceText, targetText, origin, status, articlePath } = entry;
  return { key, sourceText, targetText, similarity: score, origin, status, articlePath };
}

function compare(a: Suggestion & { updatedAt: string }, b: Suggestion & { updatedAt: string }): number {
  if (a.similarity !== b.similarity) return b.similarity - a.similarity;
  if (a.status !== b.status) return a.status === 'reviewed' ? -1 : 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** Suggestions for each of `sourceTexts` among one article's entries as both memories read them (see `suggestWithinArticle`). */
export function rankWithinArticle(sourceTexts: readonly string[], rows: readonly EntryRow[], options: { threshold: number; limit: number }): Suggestion[][] {
  const candidates = rows.map((row) => ({ entry: rowToEntry(row), sourceId: row.source_id, sourcePlain: row.source_plain }));
  return sourceTexts.map((sourceText) => rankSuggestions(plainSourceOf(sourceText), candidates, options));
}
