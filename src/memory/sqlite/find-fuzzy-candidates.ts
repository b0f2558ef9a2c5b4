import { rowToEntry, type EntryRow } from '../entry-row.ts';
import type { MemoryStatements } from './memory-statements.ts';
import type { SuggestionCandidate } from '../rank-suggestions.ts';
import { matchAnyTrigram, pickRareTrigrams, trigramsOf } from './trigram-query.ts';

// Postings the index may read per search, fewest trigrams queried, and fewest candidates measured:
// at 100k entries this finds what a full scan finds in ~15 ms (tests/memory/bench/memory-bench.ts).
const search = { budget: 5_000, minimum: 8, candidates: 50 };

/** A plain source text to find similar ones to, in one pair. */
export interface FuzzyQuery {
  readonly plainText: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly threshold: number;
  readonly limit: number;
}

/** Entries of the pair whose source text shares rare trigrams with `plainText`, best-ranked (bm25) first. */
export function findFuzzyCandidates(statements: MemoryStatements, query: FuzzyQuery): SuggestionCandidate[] {
  const trigrams = trigramsOf(query.plainText);
  if (trigrams.length === 0) return [];
  const counted = statements.trigramCounts.all(JSON.stringify(trigrams)) as { trigram: string; documents: number }[];
  const documents = new Map(counted.map(({ trigram, documents: count }) => [trigram, count]));
  const length = [...query.plainText].length;
  const rows = statements.candidates.all({
    query: matchAnyTrigram(pickRareTrigrams(trigrams, documents, search)),
    sourceLanguage: query.sourceLanguage,
    targetLanguage: query.targetLanguage,
    // A text whose length differs by more than (1 - threshold) of the longer one cannot be similar enough;
    // the epsilon keeps float error (0.7 * 10 = 7.000000000000001) from excluding an exact bound.
    minLength: Math.ceil(length * query.threshold - 1e-9),
    maxLength: Math.floor(length / query.threshold + 1e-9),
    limit: Math.max(search.candidates, query.limit * 10),
  }) as EntryRow[];
  return rows.map((row) => ({ entry: rowToEntry(row), sourceId: row.source_id, sourcePlain: row.source_plain }));
}
