import type { LanguageSummary } from '../pipeline/run-report.ts';

// Figures that are not counts of work: the engine is named once, seconds are the submitter's wall clock.
const notAdded = new Set(['language', 'engine', 'seconds']);

/** Adds one job's figures for a language into the batch's figures for it. */
export function addSummary(total: LanguageSummary, part: LanguageSummary): void {
  const sum = total as unknown as Record<string, number | undefined>;
  for (const [name, value] of Object.entries(part)) {
    if (notAdded.has(name) || typeof value !== 'number') continue;
    sum[name] = (sum[name] ?? 0) + value;
  }
}
